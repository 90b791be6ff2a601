// The engineers' home: the site's production chain drawn from its site model. Units are boxes placed left to right
// along their streams, each with its current emission rate and a data-quality mark; streams are arrows with their
// current mass flow; products sit at the exits with the carbon intensity of their last complete hour. Units outside
// the chain (utilities, flares) are drawn below it. A unit opens its tags with sparklines of the last hours and its
// alerts. Everything refreshes in place from the live API.
import {el, get} from './api.js';
import {dateTime, number, t} from './i18n.js';
import {node as svg, sparkline} from './chart.js';

const BOX_W = 200, BOX_H = 66, COLUMN = 280, ROW = 92, MARGIN = 24, FEED = 90;
/** A tag whose newest reading is this far behind the site's newest is stale: its device or link has gone quiet. */
const STALE_MS = 5 * 60e3;
/** Alerts this recent (by the site's clock) are active. */
const ACTIVE_ALERT_MS = 3600e3;
const SPARK_WINDOW_MS = 3 * 3600e3, SPARK_STEP = 'PT2M', SPARK_REFRESH_MS = 30e3;

/**
 * Column of each unit of the chain: the longest path to it from a unit nothing feeds, ignoring the edges that close a
 * recycle; units the streams do not join are left out.
 */
export function chainColumns(unitIds, streams) {
  const joined = streams.filter(s => s.from && s.to && s.from !== s.to);
  const next = new Map(unitIds.map(u => [u, []]));
  joined.forEach(s => next.get(s.from)?.push(s.to));
  const inChain = new Set(streams.flatMap(s => [s.from, s.to]).filter(Boolean));
  const fed = new Set(joined.map(s => s.to));
  const column = new Map();
  const visit = (unit, depth, path) => {
    if (path.has(unit) || (column.get(unit) ?? -1) >= depth) return;
    column.set(unit, depth);
    path.add(unit);
    next.get(unit).forEach(to => visit(to, depth + 1, path));
    path.delete(unit);
  };
  unitIds.filter(u => inChain.has(u) && !fed.has(u)).forEach(u => visit(u, 0, new Set()));
  unitIds.filter(u => inChain.has(u) && !column.has(u)).forEach(u => visit(u, 0, new Set()));
  return column;
}

export class OverviewView {
  constructor(root, site, refreshSeconds) {
    this.root = root;
    this.site = site;
    this.refreshMs = refreshSeconds * 1000;
    this.selected = null;
    this.data = null;
    this.sparks = null;
  }

  start() {
    this.refresh();
    this.timer = setInterval(() => this.refresh(), this.refreshMs);
  }

  async refresh() {
    const site = this.site.site.id;
    const status = this.root.querySelector('#overview-status');
    try {
      const [tags, rates, alerts] = await Promise.all([get('/api/v1/live/tags', {site}),
        get('/api/v1/live/rates', {site}), get('/api/v1/live/alerts', {site, limit: 100})]);
      // the plant's clock, not this browser's: a site may run ahead or behind, or replay
      const now = Math.max(0, ...tags.tags.filter(x => x.ts).map(x => Date.parse(x.ts)));
      const intensity = now ? await get('/api/v1/products/intensity', {site,
        from: new Date(now - 6 * 3600e3).toISOString(), to: new Date(now + 3600e3).toISOString()}) : {rows: []};
      this.data = {tags: tags.tags, rates: rates.rates, alerts: alerts.alerts, intensity: intensity.rows, now};
      if (this.selected && (!this.sparks || Date.now() - this.sparks.at > SPARK_REFRESH_MS)) await this.loadSparks();
      this.render();
    } catch (e) {
      status.textContent = t('live.refreshFailed', {detail: e.message});
      status.classList.add('error');
    }
  }

  /** The unit and the units under it (a heater of a distillation unit): what the unit's box adds up. */
  scope(unit) {
    const units = new Set([unit]);
    let grew = true;
    while (grew) {
      grew = false;
      this.site.units.filter(u => u.parent && units.has(u.parent) && !units.has(u.id)).forEach(u => { units.add(u.id); grew = true; });
    }
    return units;
  }

  unitState(unit) {
    const units = this.scope(unit);
    const sources = this.site.sources.filter(s => units.has(s.unit)).map(s => s.id);
    const rates = this.data.rates.filter(r => r.gas === 'CO2e' && sources.includes(r.source));
    const tags = this.data.tags.filter(x => units.has(x.unit));
    const stale = x => !x.ts || this.data.now - Date.parse(x.ts) > STALE_MS;
    const mark = tags.some(x => x.quality === 'BAD') ? 'BAD' : tags.some(stale) ? 'STALE'
        : tags.some(x => x.quality === 'UNCERTAIN') ? 'UNCERTAIN' : 'GOOD';
    return {sources: sources.length, kgPerH: rates.reduce((sum, r) => sum + r.kgPerH, 0), rated: rates.length > 0,
      mark: tags.length ? mark : null, tags};
  }

  render() {
    if (!this.data) return;
    const status = this.root.querySelector('#overview-status');
    status.classList.remove('error');
    status.textContent = t('live.updated', {time: dateTime(this.data.now ? new Date(this.data.now).toISOString() : null)});
    if (!this.parts) this.root.querySelector('#overview-chain').replaceChildren(this.build());
    this.fill();
    this.renderUnit();
  }

  /**
   * The drawing, laid out once from the site model; refreshes change its texts and marks in place, so a unit keeps
   * its focus and a click is never lost to a redraw.
   */
  build() {
    const units = this.site.units.map(u => u.id);
    const streams = this.site.streams;
    const column = chainColumns(units, streams);
    const place = new Map();
    const rows = [];
    const slot = (unit, col) => {
      rows[col] = rows[col] ?? 0;
      place.set(unit, {x: MARGIN + FEED + col * COLUMN, y: MARGIN + rows[col] * ROW});
      rows[col]++;
    };
    // column by column, each unit near the units that feed it (the mean row of its feeds): fewer arrows cross
    const row = new Map();
    const feeds = unit => streams.filter(x => x.to === unit && x.from && row.has(x.from)).map(x => row.get(x.from));
    const mean = list => list.length ? list.reduce((a, b) => a + b, 0) / list.length : Infinity;
    [...new Set(column.values())].sort((a, b) => a - b).forEach(col => {
      units.filter(u => column.get(u) === col).map((u, i) => ({u, key: mean(feeds(u)), i}))
          .sort((a, b) => a.key - b.key || a.i - b.i)
          .forEach(({u}) => { slot(u, col); row.set(u, rows[col] - 1); });
    });
    // a unit outside the chain under a chain unit (the distillation unit's heater) stands in its parent's column
    const parentOf = new Map(this.site.units.map(u => [u.id, u.parent]));
    const outside = [];
    units.filter(u => !column.has(u)).forEach(u => {
      let up = parentOf.get(u);
      while (up && !column.has(up)) up = parentOf.get(up);
      if (up) slot(u, column.get(up)); else outside.push(u);
    });
    const productColumn = Math.max(0, ...column.values()) + 1;
    const rowOf = unit => place.has(unit) ? (place.get(unit).y - MARGIN) / ROW : Infinity;
    const products = [...new Set(streams.filter(s => s.product).map(s => s.product))]
        .map((p, i) => ({p, i, key: mean(streams.filter(x => x.product === p && x.from).map(x => rowOf(x.from)))}))
        .sort((a, b) => a.key - b.key || a.i - b.i).map(x => x.p);
    const productAt = new Map(products.map((p, i) => [p, {x: MARGIN + FEED + productColumn * COLUMN, y: MARGIN + i * ROW}]));
    const chainHeight = Math.max(products.length, ...rows.map(r => r ?? 0), 1) * ROW;
    const outsideY = MARGIN + chainHeight + 30;
    outside.forEach((u, i) => place.set(u, {x: MARGIN + FEED + i * COLUMN, y: outsideY + 22}));
    const width = MARGIN * 2 + FEED + Math.max(productColumn + 1, outside.length) * COLUMN;
    const height = outside.length ? outsideY + 22 + ROW : MARGIN + chainHeight;

    const drawing = svg('svg', {viewBox: `0 0 ${width} ${height}`, class: 'plant', role: 'img', width, height});
    const marker = svg('marker', {id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7,
      orient: 'auto-start-reverse'});
    marker.append(svg('path', {d: 'M0 0 L10 5 L0 10 z', class: 'arrow-head'}));
    const defs = svg('defs'), lines = svg('g', {class: 'streams'}), boxes = svg('g', {class: 'boxes'});
    defs.append(marker);
    drawing.append(defs, lines, boxes);
    this.parts = {units: new Map(), streams: new Map(), products: new Map(), caption: null};
    streams.forEach(s => lines.append(this.stream(s, place, productAt)));
    units.forEach(u => boxes.append(this.unitBox(u, place.get(u))));
    products.forEach(p => boxes.append(this.productBox(p, productAt.get(p))));
    if (outside.length) {
      this.parts.caption = svg('text', {x: MARGIN, y: outsideY + 8, class: 'plant-caption'});
      boxes.append(this.parts.caption);
    }
    return drawing;
  }

  stream(stream, place, productAt) {
    const from = stream.from ? place.get(stream.from) : null;
    const to = stream.to ? place.get(stream.to) : productAt.get(stream.product);
    const start = from ? {x: from.x + BOX_W, y: from.y + BOX_H / 2} : {x: (to?.x ?? MARGIN) - FEED + 4, y: (to?.y ?? 0) + BOX_H / 2};
    const end = to ? {x: to.x, y: to.y + BOX_H / 2} : {x: start.x + FEED, y: start.y};
    const back = end.x <= start.x; // a recycle, or a stream to a unit drawn below its parent: bow it
    const bend = back ? ` C ${start.x + 60} ${start.y + 70}, ${end.x - 60} ${end.y + 70}, ${end.x} ${end.y}`
        : ` C ${(start.x + end.x) / 2} ${start.y}, ${(start.x + end.x) / 2} ${end.y}, ${end.x} ${end.y}`;
    const group = svg('g', {class: 'stream', 'data-stream': stream.id});
    const mid = {x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 + (back ? 50 : 0)};
    const label = svg('text', {x: mid.x, y: mid.y - 4, 'text-anchor': 'middle', class: 'stream-label'});
    const title = svg('title');
    group.append(svg('path', {d: `M ${start.x} ${start.y}${bend}`, class: 'stream-line', 'marker-end': 'url(#arrow)'}), label, title);
    this.parts.streams.set(stream.id, {stream, group, label, title});
    return group;
  }

  unitBox(unit, at) {
    const group = svg('g', {class: 'unit-box', tabindex: 0, role: 'button', 'data-unit': unit,
      transform: `translate(${at.x} ${at.y})`});
    group.addEventListener('click', () => this.open(unit));
    group.addEventListener('keydown', e => { if (e.key === 'Enter') this.open(unit); });
    const name = this.site.units.find(u => u.id === unit).name;
    const rate = svg('text', {x: 10, y: 54, class: 'box-rate'});
    const mark = svg('circle', {cx: BOX_W - 14, cy: 14, r: 6});
    const title = svg('title');
    group.append(svg('rect', {width: BOX_W, height: BOX_H, rx: 6, class: 'box'}),
        svg('text', {x: 10, y: 18, class: 'box-title'}, name.length > 25 ? name.slice(0, 24) + '…' : name),
        svg('text', {x: 10, y: 34, class: 'box-id'}, unit), rate, mark, title);
    this.parts.units.set(unit, {name, group, rate, mark, title});
    return group;
  }

  productBox(product, at) {
    const group = svg('g', {class: 'product-box', 'data-product': product, transform: `translate(${at.x} ${at.y})`});
    const rate = svg('text', {x: 16, y: 44, class: 'box-rate'});
    const title = svg('title');
    group.append(svg('rect', {width: BOX_W, height: BOX_H, rx: 33, class: 'box'}),
        svg('text', {x: 16, y: 24, class: 'box-title'}, product), rate, title);
    this.parts.products.set(product, {group, rate, title});
    return group;
  }

  /** The current values into the drawing. */
  fill() {
    const readings = new Map(this.data.tags.map(x => [x.tag, x]));
    this.parts.streams.forEach(({stream, group, label, title}) => {
      const reading = readings.get(stream.massFlow);
      const known = reading?.value !== null && reading?.value !== undefined;
      const text = known ? `${number(reading.value, 1)} ${reading.uom}` : '–';
      group.dataset.value = known ? reading.value : '';
      label.textContent = text;
      title.textContent = `${stream.id} (${stream.material ?? ''}): ${text}`;
    });
    this.parts.units.forEach(({name, group, rate, mark, title}, unit) => {
      const state = this.unitState(unit);
      group.classList.toggle('selected', this.selected === unit);
      group.dataset.rate = state.rated ? state.kgPerH : '';
      group.dataset.mark = state.mark ?? '';
      rate.textContent = state.rated ? t('overview.rate', {rate: number(state.kgPerH, 0)})
          : state.sources ? t('overview.noRate') : t('overview.noSources');
      mark.setAttribute('class', state.mark ? 'mark m-' + state.mark : 'mark');
      title.textContent = `${name} (${unit})` + (state.mark ? ' · ' + t('overview.mark.' + state.mark) : '');
    });
    this.parts.products.forEach(({group, rate, title}, product) => {
      const rows = this.data.intensity.filter(r => r.product === product && r.intensityKgPerT !== undefined);
      const last = rows[rows.length - 1];
      group.dataset.intensity = last?.intensityKgPerT ?? '';
      group.dataset.hour = last?.start ?? '';
      rate.textContent = last ? t('overview.intensity', {value: number(last.intensityKgPerT, 1)}) : t('overview.noIntensity');
      title.textContent = last ? t('overview.intensityHour', {time: dateTime(last.start)}) : '';
    });
    if (this.parts.caption) this.parts.caption.textContent = t('overview.outside');
  }

  async open(unit) {
    this.selected = this.selected === unit ? null : unit;
    this.sparks = null;
    if (this.selected) await this.loadSparks();
    this.render();
    if (this.selected) this.root.querySelector('#overview-unit').scrollIntoView({block: 'nearest'});
  }

  /** The last hours of each tag of the selected unit, in steps: a sparkline needs the shape, not every reading. */
  async loadSparks() {
    const unit = this.selected;
    const tags = this.unitState(unit).tags;
    const to = this.data.now ? this.data.now + 1000 : Date.now();
    const from = to - SPARK_WINDOW_MS;
    const series = await Promise.all(tags.map(x => get('/api/v1/telemetry', {site: this.site.site.id, tag: x.tag,
      from: new Date(from).toISOString(), to: new Date(to).toISOString(), step: SPARK_STEP})));
    this.sparks = {unit, at: Date.now(), from, to, byTag: new Map(series.map(s => [s.tag, s.points]))};
  }

  renderUnit() {
    const panel = this.root.querySelector('#overview-unit');
    const unit = this.selected;
    panel.hidden = !unit;
    if (!unit) return;
    const model = this.site.units.find(u => u.id === unit);
    const state = this.unitState(unit);
    const scope = this.scope(unit);
    const active = this.data.alerts.filter(a => scope.has(a.unit) && this.data.now - Date.parse(a.ts) <= ACTIVE_ALERT_MS);
    panel.dataset.unit = unit;
    const spark = tag => {
      const points = this.sparks?.unit === unit ? this.sparks.byTag.get(tag) : null;
      return points ? sparkline(points, this.sparks.from, this.sparks.to) : '';
    };
    panel.replaceChildren(
        el('h3', {}, t('overview.unitTitle', {name: model.name, unit})),
        el('p', {class: 'hint'}, t('overview.sparkWindow')),
        el('table', {class: 'overview-tags'},
            el('thead', {}, el('tr', {}, el('th', {}, t('col.tag')), el('th', {}, t('col.value')), el('th', {}, t('col.uom')),
                el('th', {}, t('col.quality')), el('th', {}, t('overview.trend')))),
            el('tbody', {}, ...state.tags.map(x => el('tr', {dataset: {tag: x.tag}},
                el('td', {}, x.tag), el('td', {class: 'num', dataset: {value: x.value ?? ''}}, number(x.value, 3)),
                el('td', {}, x.uom), el('td', {}, el('span', {class: 'quality q-' + (x.quality ?? 'NONE')}, t('quality.' + (x.quality ?? 'NONE')))),
                el('td', {class: 'spark'}, spark(x.tag)))))),
        el('h3', {}, t('overview.alerts')),
        active.length ? el('ul', {class: 'overview-alerts'}, ...active.map(a => el('li', {dataset: {tag: a.tag}},
            `${dateTime(a.ts)} · ${a.tag} · ${number(a.value, 2)} > ${number(a.max, 2)} (${a.limit})`)))
            : el('p', {class: 'hint'}, t('live.noAlerts')));
  }
}

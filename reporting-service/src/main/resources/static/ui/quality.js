// Data quality: the sources × hours of one day of the site's calendar (GET /api/v1/emissions), each cell colored by
// the hour's availability and marked where it was substituted, recomputed, awaiting a backfill, shut down or missing;
// a cell opens the hour's lineage (GET /api/v1/lineage/{id}): how it was computed, what was filled and why. Or the
// sources × days of a month (interval P1D: each day's hours present, substituted and pending), a day opening its hours.
import {el, get} from './api.js';
import {number, t, time} from './i18n.js';

const HOUR_MS = 3_600_000;

export class QualityView {
  constructor(root, siteView, notify) {
    this.root = root;
    this.site = {id: siteView.site.id, timezone: siteView.site.timezone, sources: siteView.sources.map(s => s.id)};
    this.notify = notify;
    this.rows = null;
    this.day = null;
    this.month = null;
    this.asked = 0;
    const $ = selector => this.root.querySelector(selector);
    $('#quality-day').value = localDate(new Date(), this.site.timezone);
    $('#quality-show').addEventListener('click', () => this.load());
    $('#quality-day').addEventListener('keydown', e => { if (e.key === 'Enter') this.load(); });
    $('#quality-month').value = $('#quality-day').value.substring(0, 7);
    $('#quality-show-month').addEventListener('click', () => this.loadMonth());
    $('#quality-month').addEventListener('keydown', e => { if (e.key === 'Enter') this.loadMonth(); });
  }

  shown() {
    if (!this.asked) this.load();
  }

  async load() {
    const day = this.root.querySelector('#quality-day').value;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
      this.notify(t('quality.badDay', {day}), true);
      return;
    }
    await this.fetch(midnight(day, this.site.timezone), midnight(nextDay(day), this.site.timezone), 'PT1H',
        range => { this.day = range; this.month = null; });
  }

  async loadMonth() {
    const month = this.root.querySelector('#quality-month').value;
    if (!/^\d{4}-\d{2}$/.test(month)) {
      this.notify(t('quality.badMonth', {month}), true);
      return;
    }
    const days = [];
    for (let day = month + '-01'; day.startsWith(month); day = nextDay(day)) days.push(day);
    const next = nextDay(days[days.length - 1]);
    await this.fetch(midnight(days[0], this.site.timezone), midnight(next, this.site.timezone), 'P1D', range => {
      this.month = {...range, days: [...days, next].map(d => midnight(d, this.site.timezone).getTime()), names: days};
      this.day = null;
      this.root.querySelector('#quality-lineage').hidden = true; // an hour's lineage belongs to the day shown
    });
  }

  /** One request at a time on screen: a later day or month that is on its way wins. */
  async fetch(from, to, interval, keep) {
    const asked = ++this.asked;
    try {
      const data = await get('/api/v1/emissions', {site: this.site.id, from: from.toISOString(), to: to.toISOString(),
        interval});
      if (asked !== this.asked) return;
      this.notify.clear();
      keep({from, to});
      this.rows = data.rows;
      this.render();
    } catch (e) {
      if (asked === this.asked) this.notify(e.message, true);
    }
  }

  render() {
    if (!this.rows) return;
    this.root.querySelector('.data-quality > .hint').textContent = t(this.month ? 'quality.monthLegend' : 'quality.legend');
    if (this.month) return this.renderMonth();
    const hours = [];
    for (let at = this.day.from.getTime(); at < this.day.to.getTime(); at += HOUR_MS) hours.push(at);
    const bySource = hourOfEachSource(this.rows);
    const head = el('tr', {}, el('th', {}, t('col.source')),
        ...hours.map(at => el('th', {class: 'hour'}, hourOfDay(at, this.site.timezone))));
    const body = this.site.sources.map(source => el('tr', {dataset: {source}}, el('th', {}, source),
        ...hours.map(at => this.cell(source, at, bySource.get(source)?.get(at)))));
    this.root.querySelector('#quality-map').replaceChildren(el('thead', {}, head), el('tbody', {}, body));
  }

  /** One source-hour: its state names the mark, its availability the shade. */
  cell(source, at, row) {
    const state = stateOf(row);
    const hour = new Date(at).toISOString();
    const label = `${source} ${time(hour)}: ${t('quality.' + state)}`
        + (row ? ` · ${t('quality.availability', {pct: number(row.availabilityPct, 1)})}` : '');
    const shade = row && row.operating !== false ? Math.round(Math.max(0, Math.min(100, row.availabilityPct ?? 0))) : null;
    const attributes = {class: 'cell ' + state, title: label, 'aria-label': label,
      dataset: {hour, state, availability: row?.availabilityPct ?? ''}};
    if (shade !== null) attributes.style = `--availability: ${shade}%`;
    if (!row) return el('td', attributes, MARKS.missing);
    attributes.tabindex = '0';
    const open = () => this.lineage(row.lineageId);
    attributes.onclick = open;
    attributes.onkeydown = e => { if (e.key === 'Enter') open(); };
    return el('td', attributes, MARKS[state]);
  }

  renderMonth() {
    const {days, names} = this.month;
    const bySource = hourOfEachSource(this.rows);
    const head = el('tr', {}, el('th', {}, t('col.source')),
        ...names.map(day => el('th', {class: 'hour'}, day.substring(8))));
    const body = this.site.sources.map(source => el('tr', {dataset: {source}}, el('th', {}, source),
        ...names.map((day, i) => this.dayCell(source, day, days[i], days[i + 1], bySource.get(source)?.get(days[i])))));
    this.root.querySelector('#quality-map').replaceChildren(el('thead', {}, head), el('tbody', {}, body));
  }

  /** One source-day: the share of its hours present is the shade; a click opens the day's hours. */
  dayCell(source, day, from, to, row) {
    const expected = Math.round((to - from) / HOUR_MS);
    const state = dayStateOf(row, expected, to <= Date.now());
    const parts = [t('quality.dayHours', {present: row?.hours ?? 0, expected})];
    if (row?.substitutedHours) parts.push(t('quality.daySubstituted', {count: row.substitutedHours}));
    if (row?.backfillPendingHours) parts.push(t('quality.dayPending', {count: row.backfillPendingHours}));
    const label = `${source} ${day}: ${t('quality.' + state)} · ${parts.join(' · ')}`;
    const attributes = {class: 'cell ' + state, title: label, 'aria-label': label, tabindex: '0',
      dataset: {day, state, hours: row?.hours ?? 0}};
    if (row) attributes.style = `--availability: ${Math.round(100 * Math.min(1, row.hours / expected))}%`;
    const open = () => {
      this.root.querySelector('#quality-day').value = day;
      this.load();
    };
    attributes.onclick = open;
    attributes.onkeydown = e => { if (e.key === 'Enter') open(); };
    return el('td', attributes, row?.substitutedHours && state === 'substituted' ? String(row.substitutedHours)
        : DAY_MARKS[state]);
  }

  async lineage(id) {
    const panel = this.root.querySelector('#quality-lineage');
    try {
      const view = await get('/api/v1/lineage/' + encodeURIComponent(id), {site: this.site.id});
      const r = view.record;
      const fills = (r.fills || []).map(f => el('li', {}, `${f.input}: ${f.rule} (${f.citation}), `
          + `${number(f.minutes, 1)} min ${t('quality.at')} ${number(f.value, 3)} ${f.uom ?? ''}`));
      panel.replaceChildren(...[
          el('h3', {}, `${view.source} · ${time(view.hourStart)}`),
          el('p', {}, `${r.method} · ${t('quality.availability', {pct: number(r.availabilityPct, 1)})} · `
              + `${t('quality.substitutedMin')} ${number(r.substitutedMin, 1)}`),
          r.revision ? el('p', {class: 'revision'}, `${t('quality.revision')}: ${r.revision}`) : null,
          fills.length ? el('ul', {class: 'fills'}, fills) : el('p', {class: 'hint'}, t('quality.nothingFilled')),
      ].filter(Boolean));
      panel.dataset.lineageId = id;
      panel.hidden = false;
    } catch (e) {
      this.notify(e.message, true);
    }
  }
}

const MARKS = {missing: '×', pending: '…', notOperating: '○', substituted: 'S', recomputed: 'R', measured: ''};

/** What a stored hour says of itself, the most telling first; no row: missing. */
function stateOf(row) {
  if (!row) return 'missing';
  if (row.backfillPending) return 'pending';
  if (row.operating === false) return 'notOperating';
  if (row.substituted) return 'substituted';
  if (row.lateCount > 0) return 'recomputed';
  return 'measured';
}

const DAY_MARKS = {...MARKS, incomplete: '–', future: ''};

/** What a stored day says of itself: awaiting a backfill, substituted, hours missing once it has ended, or whole. */
function dayStateOf(row, expected, ended) {
  if (!row) return ended ? 'missing' : 'future';
  if (row.backfillPendingHours) return 'pending';
  if (row.substitutedHours) return 'substituted';
  if (row.hours < expected && ended) return 'incomplete';
  return 'measured';
}

/** Per source, its row of each hour (or day): the CO2e total where the method gives one, else its first gas (pollutants). */
function hourOfEachSource(rows) {
  const bySource = new Map();
  rows.forEach(row => {
    const at = Date.parse(row.start);
    const hours = bySource.get(row.source) ?? new Map();
    bySource.set(row.source, hours);
    const kept = hours.get(at);
    if (!kept || row.gas === 'CO2e') hours.set(at, row);
  });
  return bySource;
}

/** The hour of the day, 00–23, on {@code zone}'s clock. */
function hourOfDay(instant, zone) {
  return new Intl.DateTimeFormat('en-GB', {timeZone: zone, hour: '2-digit', hourCycle: 'h23'}).format(new Date(instant));
}

/** yyyy-MM-dd of {@code date} in {@code zone}. */
function localDate(date, zone) {
  return new Intl.DateTimeFormat('en-CA', {timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit'}).format(date);
}

function nextDay(day) {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().substring(0, 10);
}

/** The instant of the local midnight that starts {@code day} in {@code zone} (found by its offset, twice for DST). */
function midnight(day, zone) {
  let guess = Date.parse(day + 'T00:00:00Z');
  for (let i = 0; i < 2; i++) guess = Date.parse(day + 'T00:00:00Z') - offset(guess, zone);
  return new Date(guess);
}

/** How far {@code zone}'s wall clock is ahead of UTC at {@code instant}, in ms. */
function offset(instant, zone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {timeZone: zone, hourCycle: 'h23', year: 'numeric',
    month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit'})
      .formatToParts(new Date(instant)).map(p => [p.type, p.value]));
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

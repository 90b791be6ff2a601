// The engineers' live view: units, each tag's latest reading and quality, current emission rates, recent alerts,
// and a chart of one tag's recent readings, all refreshed every few seconds.
import {el, get} from './api.js';
import {dateTime, number, t} from './i18n.js';
import {lineChart} from './chart.js';

const WINDOWS = [['PT15M', 15 * 60e3], ['PT1H', 3600e3], ['PT6H', 6 * 3600e3], ['P1D', 24 * 3600e3]];
/** Charts draw at most about this many points: longer windows are asked for in steps. */
const CHART_POINTS = 360;

export class LiveView {
  constructor(root, site, refreshSeconds) {
    this.root = root;
    this.site = site;
    this.refreshMs = refreshSeconds * 1000;
    this.unit = null;
    this.chartTag = null;
    this.window = WINDOWS[0];
    this.data = null;
    this.chartData = null;
  }

  start() {
    this.refresh();
    this.timer = setInterval(() => this.refresh(), this.refreshMs);
  }

  async refresh() {
    const siteId = this.site.site.id;
    const status = this.root.querySelector('#live-status');
    try {
      const [tags, rates, alerts] = await Promise.all([
        get('/api/v1/live/tags', {site: siteId, unit: this.unit}),
        get('/api/v1/live/rates', {site: siteId, unit: this.unit}),
        get('/api/v1/live/alerts', {site: siteId, unit: this.unit, limit: 20}),
      ]);
      this.data = {tags, rates, alerts, at: new Date().toISOString()};
      if (this.chartTag) await this.loadChart();
      this.render();
    } catch (e) {
      status.textContent = t('live.refreshFailed', {detail: e.message});
      status.classList.add('error');
    }
  }

  render() {
    this.renderUnits();
    if (!this.data) return;
    const status = this.root.querySelector('#live-status');
    status.classList.remove('error');
    status.textContent = t('live.updated', {time: dateTime(this.data.at)});
    this.renderTags();
    this.renderRates();
    this.renderAlerts();
    this.renderChart();
  }

  renderUnits() {
    const list = this.root.querySelector('#live-units');
    const depth = unit => unit.parent ? 1 + depth(this.site.units.find(u => u.id === unit.parent) || {}) : 0;
    const item = (id, label, level) => el('li', {},
        el('button', {type: 'button', class: this.unit === id ? 'unit selected' : 'unit', style: `padding-left:${0.6 + level}em`,
          dataset: {unit: id ?? ''}, onclick: () => { this.unit = id; this.refresh(); }}, label));
    list.replaceChildren(item(null, t('live.allUnits'), 0),
        ...this.site.units.map(u => item(u.id, `${u.name} (${u.id})`, depth(u))));
  }

  renderTags() {
    const body = this.root.querySelector('#live-tags tbody');
    body.replaceChildren(...this.data.tags.tags.map(tag => {
      const quality = tag.quality ?? 'NONE';
      return el('tr', {dataset: {tag: tag.tag}, class: this.chartTag === tag.tag ? 'selected clickable' : 'clickable',
          onclick: () => this.openChart(tag.tag)},
        el('td', {}, tag.tag),
        el('td', {}, tag.unit),
        el('td', {class: 'num', dataset: {value: tag.value ?? ''}}, number(tag.value, 3)),
        el('td', {}, tag.uom),
        el('td', {}, el('span', {class: 'quality q-' + quality, dataset: {quality}}, t('quality.' + quality))),
        el('td', {dataset: {ts: tag.ts ?? ''}}, dateTime(tag.ts)));
    }));
  }

  renderRates() {
    const rates = this.data.rates.rates;
    const body = this.root.querySelector('#live-rates tbody');
    this.root.querySelector('#live-rates-empty').hidden = rates.length > 0;
    body.replaceChildren(...rates.map(rate => el('tr', {dataset: {source: rate.source, gas: rate.gas}},
        el('td', {}, rate.source), el('td', {}, rate.gas),
        el('td', {class: 'num', dataset: {value: rate.kgPerH}}, number(rate.kgPerH, 3)),
        el('td', {}, dateTime(rate.ts)))));
  }

  renderAlerts() {
    const alerts = this.data.alerts.alerts;
    this.root.querySelector('#live-alerts-empty').hidden = alerts.length > 0;
    this.root.querySelector('#live-alerts tbody').replaceChildren(...alerts.map(alert => el('tr', {dataset: {tag: alert.tag}},
        el('td', {}, dateTime(alert.ts)), el('td', {}, alert.tag),
        el('td', {class: 'num', dataset: {value: alert.value}}, number(alert.value, 3)),
        el('td', {class: 'num', dataset: {value: alert.max}}, number(alert.max, 3)),
        el('td', {}, alert.limit))));
  }

  async openChart(tag) {
    this.chartTag = tag;
    await this.loadChart();
    this.render();
  }

  /** The window ends at the tag's latest reading (a plant clock may run ahead of or behind this browser's). */
  async loadChart() {
    const latest = this.data?.tags.tags.find(x => x.tag === this.chartTag)?.ts;
    const to = (latest ? Date.parse(latest) : Date.now()) + 1000;
    const from = to - this.window[1];
    const stepSeconds = Math.ceil(this.window[1] / 1000 / CHART_POINTS);
    const series = await get('/api/v1/telemetry', {site: this.site.site.id, tag: this.chartTag,
      from: new Date(from).toISOString(), to: new Date(to).toISOString(),
      step: this.window[1] > 3600e3 ? `PT${stepSeconds}S` : undefined});
    this.chartData = {series, from, to};
  }

  renderChart() {
    const panel = this.root.querySelector('#live-chart');
    if (!this.chartTag || !this.chartData) {
      panel.replaceChildren(el('p', {class: 'hint'}, t('live.chartHint')));
      return;
    }
    const {series, from, to} = this.chartData;
    const windows = el('select', {id: 'chart-window', onchange: async e => {
      this.window = WINDOWS.find(w => w[0] === e.target.value);
      await this.loadChart();
      this.render();
    }}, ...WINDOWS.map(([name]) => el('option', {value: name, selected: name === this.window[0]}, name)));
    panel.replaceChildren(
        el('div', {class: 'chart-head'},
            el('h3', {id: 'chart-title', dataset: {tag: series.tag}}, t('chart.title', {tag: series.tag})),
            el('label', {}, t('chart.window') + ' ', windows),
            el('span', {id: 'chart-count', dataset: {count: series.points.length}}, t('chart.points', {count: number(series.points.length, 0)})),
            el('button', {type: 'button', onclick: () => { this.chartTag = null; this.render(); }}, t('chart.close'))),
        series.points.length ? lineChart(series.points, from, to, series.uom) : el('p', {class: 'hint'}, t('chart.noData')));
  }
}

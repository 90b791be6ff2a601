// Period reports: the compliance officers' view (preview, generate a draft, compare revisions, approve, submit,
// export) and the regulators' view (submitted reports and their exports). The server decides what each role
// sees and may do; this page only leaves out buttons that would be refused.
import {el, get, post} from './api.js';
import {dateTime, language, number, t} from './i18n.js';

const FORMATS = ['xml', 'csv', 'json', 'pdf', 'manifest'];

export class ReportsView {
  /** mode: 'compliance' (may change reports), 'reader' (administrator), 'regulator' (submitted reports only). */
  constructor(root, siteId, mode, notify) {
    this.root = root;
    this.siteId = siteId;
    this.mode = mode;
    this.notify = notify;
    this.reports = [];
    this.selected = null;
    this.diff = null;
    this.preview = null;
    this.wire();
  }

  wire() {
    const $ = selector => this.root.querySelector(selector);
    $('.report-actions').hidden = this.mode !== 'compliance' && this.mode !== 'reader';
    $('#report-generate').hidden = this.mode !== 'compliance';
    $('.report-filter').hidden = this.mode === 'regulator';
    $('#report-preview').addEventListener('click', () => this.run(async () => {
      this.preview = await get('/api/v1/reports/emissions', {site: this.siteId, period: this.period(), format: 'json'});
      this.selected = null;
      this.diff = null;
      this.render();
    }));
    $('#report-generate').addEventListener('click', () => this.run(async () => {
      const summary = await post('/api/v1/reports', {site: this.siteId, period: this.period()});
      this.notify(t('reports.generated', {revision: summary.revision, period: summary.period}));
      await this.load();
      await this.open(summary.id);
    }));
    $('#report-status').addEventListener('change', () => this.run(() => this.load()));
  }

  period() {
    return this.root.querySelector('#report-period').value.trim();
  }

  /** A period from the compliance desk: its report opened ('open', with its id), previewed, or a draft generated. */
  take(period, action, id) {
    this.root.querySelector('#report-period').value = period;
    if (action === 'open') this.run(() => this.open(id));
    else this.root.querySelector(action === 'generate' ? '#report-generate' : '#report-preview').click();
  }

  async run(action) {
    try {
      await action();
    } catch (e) {
      // the four-eyes rule names who may do it instead; any other 403 is the role's
      this.notify(e.status === 403 && e.problem?.title !== 'Four-eyes rule' ? t('error.forbidden') : e.message, true);
    }
  }

  async load() {
    const status = this.mode === 'regulator' ? 'submitted' : this.root.querySelector('#report-status').value;
    this.reports = (await get('/api/v1/reports', {site: this.siteId, status})).reports;
    this.render();
  }

  async open(id) {
    this.selected = await get('/api/v1/reports/' + encodeURIComponent(id));
    this.diff = null;
    this.preview = null;
    this.render();
  }

  async act(action) {
    const summary = await post(`/api/v1/reports/${encodeURIComponent(this.selected.id)}/${action}`);
    this.notify(t('reports.done', {id: summary.id, status: t('status.' + summary.status)}));
    await this.load();
    await this.open(summary.id);
  }

  render() {
    this.renderList();
    this.renderDetail();
  }

  renderList() {
    this.root.querySelector('.report-none').hidden = this.reports.length > 0;
    this.root.querySelector('.report-list tbody').replaceChildren(...this.reports.map(r => el('tr', {
      class: this.selected?.id === r.id ? 'selected clickable' : 'clickable',
      dataset: {reportId: r.id, status: r.status, period: r.period, revision: r.revision},
      onclick: () => this.run(() => this.open(r.id))},
      el('td', {}, r.period), el('td', {class: 'num'}, r.revision),
      el('td', {}, el('span', {class: 'status s-' + r.status}, t('status.' + r.status))),
      el('td', {class: 'num', dataset: {value: r.co2eKg}}, number(r.co2eKg, 1)),
      el('td', {}, byWhom(r.createdAt, r.createdBy)),
      el('td', {}, byWhom(r.approvedAt, r.approvedBy)),
      el('td', {}, byWhom(r.submittedAt, r.submittedBy)))));
  }

  renderDetail() {
    const panel = this.root.querySelector('.report-detail');
    if (this.preview) {
      panel.replaceChildren(el('h3', {class: 'preview-title'}, `${t('reports.preview')}: ${this.preview.period}`),
          ...content(this.preview));
      return;
    }
    const report = this.selected;
    if (!report) {
      panel.replaceChildren();
      return;
    }
    const actions = [];
    if (this.mode === 'compliance' && report.status === 'draft') {
      actions.push(el('button', {type: 'button', id: 'report-approve', onclick: () => this.run(() => this.act('approve'))},
          t('reports.approve')));
    }
    if (this.mode === 'compliance' && report.status === 'approved') {
      actions.push(el('button', {type: 'button', id: 'report-submit', onclick: () => this.run(() => this.act('submit'))},
          t('reports.submit')));
    }
    if (this.mode !== 'regulator' && report.previousRevisionId) {
      actions.push(el('button', {type: 'button', id: 'report-diff', onclick: () => this.run(async () => {
        this.diff = await get(`/api/v1/reports/${encodeURIComponent(report.id)}/diff`);
        this.renderDetail();
      })}, t('reports.diff')));
    }
    const base = `/api/v1/reports/${encodeURIComponent(report.id)}/exports`;
    const lang = `?lang=${encodeURIComponent(language())}`;
    panel.replaceChildren(
        el('h3', {id: 'report-title', dataset: {reportId: report.id, status: report.status}},
            `${report.site} · ${report.period} · ${t('reports.revision')} ${report.revision} · `,
            el('span', {class: 'status s-' + report.status}, t('status.' + report.status))),
        el('div', {class: 'buttons'}, ...actions),
        el('div', {class: 'exports'}, el('strong', {}, t('reports.exports') + ': '),
            ...FORMATS.map(f => el('a', {class: 'export', href: base + '/' + f + lang, download: '', dataset: {format: f}}, f.toUpperCase())),
            el('a', {class: 'export', href: base + lang, download: '', dataset: {format: 'zip'}}, t('reports.zip'))),
        ...(this.diff ? diffTable(this.diff) : []),
        ...content(report.content || {}));
  }
}

function byWhom(at, name) {
  return at ? t('reports.by', {time: dateTime(at), name: name ?? ''}) : '–';
}

function table(headers, rows, attributes = {}) {
  return el('table', attributes, el('thead', {}, el('tr', {}, ...headers.map(h => el('th', {}, h)))),
      el('tbody', {}, ...rows));
}

function numberCell(value, digits = 1) {
  return el('td', {class: 'num', dataset: {value: value ?? ''}}, number(value, digits));
}

/** The report's content: totals by gas, by source, the previous period, exceedances. */
function content(c) {
  const parts = [];
  if (c.totals) {
    parts.push(el('p', {class: 'total', dataset: {value: c.totals.co2eKg}},
        `${t('reports.total')}: ${number(c.totals.co2eKg, 1)}`));
    parts.push(el('h4', {}, t('reports.byGas')), table([t('col.gas'), t('reports.mass'), t('reports.co2e')],
        (c.totals.byGas || []).map(g => el('tr', {dataset: {gas: g.gas}}, el('td', {}, g.gas), numberCell(g.massKg),
            numberCell(g.co2eKg))), {class: 'by-gas'}));
  }
  if (c.bySource?.length) {
    parts.push(el('h4', {}, t('reports.bySource')), table([t('col.source'), t('col.unit'), 'Method', t('reports.co2e'),
      t('reports.availability'), t('reports.substitutedHours'), t('reports.backfillPendingHours')],
    c.bySource.map(s => el('tr', {dataset: {source: s.source}}, el('td', {}, s.source), el('td', {}, s.unit),
        el('td', {}, s.method), numberCell(s.co2eKg), numberCell(s.availabilityPct, 2), numberCell(s.substitutedHours, 0),
        numberCell(s.backfillPendingHours || 0, 0))),
    {class: 'by-source'}));
  }
  if (c.previousPeriod) {
    const p = c.previousPeriod;
    parts.push(el('p', {class: 'previous'}, t('reports.previousPeriod', {period: p.period, co2e: number(p.co2eKg, 1),
      change: number(p.changeKg, 1), pct: number(p.changePct, 2)})));
  }
  if (c.exceedances?.length) {
    parts.push(el('h4', {}, t('reports.exceedances')), table([t('col.tag'), t('col.limit'), '#', t('col.max'), t('col.time')],
        c.exceedances.map(x => el('tr', {}, el('td', {}, x.tag), el('td', {}, String(x.limit)), numberCell(x.count, 0),
            numberCell(x.maxValue, 3), el('td', {}, `${dateTime(x.first)} – ${dateTime(x.last)}`)))));
  }
  return parts;
}

/** A side of a difference: {massKg, co2eKg}. */
function kg(side) {
  return side?.co2eKg;
}

function diffTable(diff) {
  const rows = diff.changes || [];
  const parts = [el('h4', {}, t('reports.diffTitle'))];
  if (!rows.length) {
    parts.push(el('p', {class: 'no-diff'}, t('reports.noDiff')));
  } else {
    parts.push(table([t('col.source'), t('col.gas'), t('reports.before'), t('reports.after'), t('reports.change')],
        rows.map(r => el('tr', {dataset: {source: r.source ?? '', gas: r.gas ?? ''}}, el('td', {}, r.source ?? ''),
            el('td', {}, r.gas ?? ''), numberCell(kg(r.before)), numberCell(kg(r.after)), numberCell(kg(r.change)))),
        {class: 'diff'}));
  }
  if (diff.totals) {
    parts.push(el('p', {class: 'diff-total'}, `${t('reports.total')}: ${number(diff.totals.beforeCo2eKg, 1)} → `
        + `${number(diff.totals.afterCo2eKg, 1)} (${number(diff.totals.changeKg, 1)})`));
  }
  return parts;
}

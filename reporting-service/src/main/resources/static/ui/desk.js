// The compliance desk: a year of the site's calendar, period by period (months, quarters, the year), with whether its
// data is complete (every source-hour present, how many substituted or awaiting a backfill), its report's state and
// what the program asks to be filed for it by when. Each period goes to the reports view in one click: its report
// opened, a preview from the data now, or a new draft.
import {el, get} from './api.js';
import {number, t} from './i18n.js';

export class DeskView {
  /** reports: the reports view, which takes a period and an action; mayGenerate: a compliance officer. */
  constructor(root, siteId, reports, mayGenerate, notify) {
    this.root = root;
    this.siteId = siteId;
    this.reports = reports;
    this.mayGenerate = mayGenerate;
    this.notify = notify;
    this.data = null;
    this.root.querySelector('#desk-year').addEventListener('change', () => this.load());
  }

  shown() {
    if (!this.data) this.load();
  }

  /**
   * The year picked, or first the site's own current year (in its time zone, which the browser's clock may not share
   * around New Year): the API answers with it, and the picker offers it and the four before.
   */
  async load() {
    const select = this.root.querySelector('#desk-year');
    try {
      this.data = await get('/api/v1/compliance/periods', select.value ? {site: this.siteId, year: select.value} : {site: this.siteId});
      if (!select.options.length) {
        const year = this.data.year;
        select.replaceChildren(...[0, 1, 2, 3, 4].map(back => el('option', {value: year - back}, year - back)));
        select.value = year;
      }
      this.notify.clear();
      this.render();
    } catch (e) {
      this.notify(e.status === 403 ? t('error.forbidden') : e.message, true);
    }
  }

  render() {
    if (!this.data) return;
    const desk = this.data;
    this.root.querySelector('#desk-summary').textContent = t('desk.summary', {program: desk.program, sources: desk.sources,
      zone: desk.timeZone});
    this.root.querySelector('#desk-periods tbody').replaceChildren(...desk.periods.map(p => this.row(p)));
  }

  row(p) {
    const state = p.complete ? 'complete' : p.ended ? 'incomplete' : p.expectedSourceHours > 0 ? 'running' : 'future';
    const data = [el('span', {class: 'completeness c-' + state}, t('desk.' + state)),
      p.expectedSourceHours ? ' ' + t('desk.hours', {present: number(p.presentSourceHours, 0),
        expected: number(p.expectedSourceHours, 0)}) : ''];
    if (p.missingSourceHours) data.push(el('div', {class: 'hint'}, t('desk.missing', {count: number(p.missingSourceHours, 0)})));
    if (p.substitutedHours) data.push(el('div', {class: 'hint'}, t('desk.substituted', {count: number(p.substitutedHours, 0)})));
    if (p.backfillPendingHours) data.push(el('div', {class: 'hint'}, t('desk.pending', {count: number(p.backfillPendingHours, 0)})));
    const report = p.report ? [el('span', {class: 'status s-' + p.report.status}, t('status.' + p.report.status)),
      ' ' + t('desk.revision', {revision: p.report.revision, revisions: p.report.revisions})] : [t('desk.noReport')];
    const filings = p.filings.map(f => el('div', {class: f.overdue ? 'due overdue' : 'due', title: f.citation,
      dataset: {due: f.due, overdue: f.overdue}}, `${t('desk.filing.' + f.what)}: ${f.due}`,
      f.overdue ? ' · ' + t('desk.overdue') : ''));
    const go = (action, label) => el('button', {type: 'button', dataset: {action},
      onclick: () => this.reports(p.period, action, p.report?.id)}, label);
    const actions = [p.report ? go('open', t('desk.open')) : null, p.expectedSourceHours ? go('preview', t('desk.preview')) : null,
      this.mayGenerate && p.ended ? go('generate', t('desk.generate')) : null];
    return el('tr', {class: 'length-' + p.length, dataset: {period: p.period, state, report: p.report?.status ?? ''}},
        el('td', {}, p.period), el('td', {class: 'data'}, ...data), el('td', {}, ...report),
        el('td', {}, ...(filings.length ? filings : [el('span', {class: 'hint'}, '–')])),
        el('td', {class: 'buttons'}, ...actions));
  }
}

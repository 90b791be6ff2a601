// The fleet: one period of every site the deployment serves (GET /api/v1/corporate/emissions), by site, program and
// gas, for an operator's corporate compliance officer. Each site's period is its own local days, so its from/to are
// shown in its own time zone. The roll-up of many sites can take a while: it is asked for when the view is opened.
import {el, get} from './api.js';
import {dateTime, number, percent, t} from './i18n.js';
import {barChart} from './chart.js';

export class FleetView {
  /** withDesk: the user has the compliance desk, which each site's row links to. */
  constructor(root, notify, withDesk) {
    this.root = root;
    this.notify = notify;
    this.withDesk = withDesk;
    this.data = null;
    this.asked = 0;
    const $ = selector => this.root.querySelector(selector);
    const now = new Date();
    // This year, where the work is; the last one when this one has no emissions yet (January, a new fleet).
    $('#fleet-period').value = String(now.getFullYear());
    this.fallback = String(now.getFullYear() - 1);
    $('#fleet-periods').replaceChildren(...periodsSoFar(now).map(p => el('option', {value: p})));
    $('#fleet-show').addEventListener('click', () => this.load());
    $('#fleet-period').addEventListener('keydown', e => { if (e.key === 'Enter') this.load(); });
  }

  /** Loads the fleet the first time the view is shown. */
  shown() {
    if (!this.asked) this.load();
  }

  async load() {
    const period = this.root.querySelector('#fleet-period').value.trim();
    const status = this.root.querySelector('#fleet-status');
    const asked = ++this.asked;
    status.textContent = t('fleet.loading', {period});
    try {
      const data = await get('/api/v1/corporate/emissions', {period});
      if (asked !== this.asked) return; // a later choice is on its way
      if (this.fallback && asked === 1 && !(data.co2eKg > 0)) {
        this.root.querySelector('#fleet-period').value = this.fallback;
        this.fallback = null;
        return this.load();
      }
      this.fallback = null;
      this.data = data;
      this.notify.clear();
      this.render();
    } catch (e) {
      if (asked === this.asked) this.notify(e.status === 403 ? t('error.forbidden') : e.message, true);
    } finally {
      if (asked === this.asked) status.textContent = '';
    }
  }

  render() {
    if (!this.data) return;
    const $ = selector => this.root.querySelector(selector);
    const fleet = this.data;
    const share = kg => fleet.co2eKg > 0 ? kg / fleet.co2eKg : null;
    const sites = [...fleet.bySite].sort((a, b) => b.co2eKg - a.co2eKg || a.site.localeCompare(b.site));
    const names = new Map(sites.map(s => [s.site, s.siteName]));

    $('#fleet-total').dataset.value = fleet.co2eKg;
    $('#fleet-total').dataset.period = fleet.period;
    $('#fleet-total').textContent = `${t('fleet.total', {period: fleet.period, co2e: number(fleet.co2eKg, 1)})} · `
        + t('fleet.sites', {count: number(sites.length, 0)});
    const gwps = [...new Set(sites.map(s => s.gwp))].sort();
    $('#fleet-gwp').hidden = gwps.length < 2;
    $('#fleet-gwp').textContent = t('fleet.mixedGwp', {sets: gwps.join(', ')});

    $('#fleet-sites tbody').replaceChildren(...sites.map(s => el('tr', {dataset: {site: s.site}},
        el('td', {}, `${s.siteName} (${s.site})`, this.withDesk ? [' ', el('a', {class: 'desk-link',
          href: '/?site=' + encodeURIComponent(s.site) + '#desk'}, t('fleet.desk'))] : null), el('td', {}, s.program), el('td', {}, s.gwp), el('td', {}, s.timeZone),
        el('td', {class: 'from', dataset: {value: s.from}}, dateTime(s.from, s.timeZone)),
        el('td', {class: 'to', dataset: {value: s.to}}, dateTime(s.to, s.timeZone)),
        numberCell(s.co2eKg, 1, 'co2e'), numberCell(share(s.co2eKg), undefined, 'share', percent))));
    $('#fleet-programs tbody').replaceChildren(...fleet.byProgram.map(p => el('tr', {dataset: {program: p.program}},
        el('td', {}, p.program), el('td', {}, p.sites.map(id => names.get(id) ?? id).join(', ')),
        numberCell(p.co2eKg, 1, 'co2e'), numberCell(share(p.co2eKg), undefined, 'share', percent))));
    $('#fleet-gases tbody').replaceChildren(...fleet.byGas.map(g => el('tr', {dataset: {gas: g.gas}},
        el('td', {}, g.gas), numberCell(g.massKg, 1, 'mass'), numberCell(g.co2eKg, 1, 'co2e'))));
    $('#fleet-chart').replaceChildren(barChart(sites.map(s => ({label: s.siteName, value: s.co2eKg}))));
  }
}

function numberCell(value, digits, name, format = number) {
  return el('td', {class: 'num ' + name, dataset: {value: value ?? ''}}, format(value, digits));
}

/** Periods to pick from: this year and the last, and this year's quarters and months begun so far, newest first. */
function periodsSoFar(now) {
  const year = now.getFullYear(), month = now.getMonth() + 1;
  const months = Array.from({length: month}, (_, i) => `${year}-${String(month - i).padStart(2, '0')}`);
  const quarters = Array.from({length: Math.ceil(month / 3)}, (_, i) => `${year}-Q${Math.ceil(month / 3) - i}`);
  return [String(year), String(year - 1), ...quarters, ...months];
}

// The web UI's shell: who is signed in, which site, which language, and the views of the user's roles.
import {el, get, post} from './api.js';
import {chooseLanguage, setLanguage, setTimeZone, t, translatePage} from './i18n.js';
import {DeskView} from './desk.js';
import {FleetView} from './fleet.js';
import {LiveView} from './live.js';
import {OverviewView} from './overview.js';
import {QualityView} from './quality.js';
import {ReportsView} from './reports.js';

const $ = selector => document.querySelector(selector);
const PLANT_ROLES = ['ENGINEER', 'COMPLIANCE', 'ADMIN'];
const SITE_KEY = 'plumeline.site';

function notify(text, error = false) {
  const box = $('#message');
  box.textContent = text;
  box.className = error ? 'error' : 'info';
  box.hidden = false;
  clearTimeout(notify.timer);
  notify.timer = setTimeout(() => { box.hidden = true; }, error ? 15000 : 6000);
}
/** Hides the message: a view whose next request worked clears the error of the one before. */
notify.clear = () => { clearTimeout(notify.timer); $('#message').hidden = true; };

const me = await get('/api/v1/me');
const sites = await get('/api/v1/sites');
// a link to one site's view (the fleet's desk links: /?site=ID#desk) chooses that site, as the site picker does
const linked = new URLSearchParams(location.search).get('site');
if (sites.some(s => s.id === linked)) localStorage.setItem(SITE_KEY, linked);
const stored = localStorage.getItem(SITE_KEY);
const site = sites.find(s => s.id === stored) || sites[0];
setTimeZone(site.timezone);
chooseLanguage(site.locale);

const has = roles => me.roles.some(r => roles.includes(r));
const reportsMode = me.roles.includes('COMPLIANCE') ? 'compliance' : me.roles.includes('ADMIN') ? 'reader'
    : me.roles.includes('REGULATOR') ? 'regulator' : null;
const refreshSeconds = Math.max(1, Number(new URLSearchParams(location.search).get('refresh')) || 5);

const views = {};
const siteView = has(PLANT_ROLES) ? await get('/api/v1/site', {site: site.id}) : null;
if (has(PLANT_ROLES)) { // the engineers' home comes first: the view a plant role opens on
  views.overview = new OverviewView($('#view-overview'), siteView, refreshSeconds);
  views.live = new LiveView($('#view-live'), siteView, refreshSeconds);
}
if (reportsMode) {
  views.reports = new ReportsView($('#view-reports'), site.id, reportsMode, notify);
}
if (has(['COMPLIANCE', 'ADMIN'])) { // the roles of /api/v1/compliance/** (docs/security.md)
  const toReports = (period, action, id) => { location.hash = '#reports'; views.reports.take(period, action, id); };
  views.desk = new DeskView($('#view-desk'), site.id, toReports, reportsMode === 'compliance', notify);
}
if (has(PLANT_ROLES)) { // the roles of /api/v1/corporate/** (docs/reports.md)
  views.fleet = new FleetView($('#view-fleet'), notify, Boolean(views.desk));
  views.quality = new QualityView($('#view-quality'), siteView, notify);
}

function labels() {
  translatePage();
  $('#site-name').textContent = `${site.name} (${site.id})`;
  $('#user').textContent = `${t('user.signedInAs', {name: me.name})} · ${me.roles.map(r => t('role.' + r)).join(', ')}`;
  const reportsLabel = reportsMode === 'regulator' ? t('nav.submitted') : t('nav.reports');
  $('#nav-reports').textContent = reportsLabel;
  $('.report-list-title').textContent = reportsMode === 'regulator' ? t('nav.submitted') : t('reports.list');
}

function show() {
  const wanted = location.hash.substring(1);
  const name = views[wanted] ? wanted : Object.keys(views)[0];
  document.querySelectorAll('.view').forEach(v => { v.hidden = v.id !== 'view-' + name; });
  document.querySelectorAll('nav [data-view]').forEach(a => a.classList.toggle('active', a.dataset.view === name));
  views[name]?.shown?.();
}

$('#nav-overview').hidden = !views.overview;
$('#nav-live').hidden = !views.live;
$('#nav-reports').hidden = !views.reports;
$('#nav-desk').hidden = !views.desk;
$('#nav-fleet').hidden = !views.fleet;
$('#nav-quality').hidden = !views.quality;
$('#sign-out').hidden = me.mode !== 'basic';
$('#sign-out').addEventListener('click', async () => {
  await post('/logout');
  location.href = '/login.html?signedOut';
});
if (sites.length > 1) {
  $('#site-choice').hidden = false;
  $('#site-select').replaceChildren(...sites.map(s => el('option', {value: s.id, selected: s.id === site.id}, s.name)));
  $('#site-select').addEventListener('change', e => { localStorage.setItem(SITE_KEY, e.target.value); location.reload(); });
}
const languages = $('#lang-select');
languages.value = document.documentElement.lang;
languages.addEventListener('change', () => {
  setLanguage(languages.value);
  labels();
  Object.values(views).forEach(v => v.render());
});
window.addEventListener('hashchange', show);

labels();
show();
views.overview?.start();
views.live?.start();
if (views.reports) await views.reports.load().catch(e => notify(e.message, true));
document.body.dataset.ready = 'true';

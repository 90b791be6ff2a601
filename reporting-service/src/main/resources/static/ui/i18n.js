// The web UI's two languages. Labels only: ids, units of measure, gas symbols, periods and file contents stay as
// the API gives them. Numbers and dates are formatted with the Intl API for the chosen language.
const MESSAGES = {
  'en': {
    'app.title': 'Plumeline',
    'lang.label': 'Language',
    'nav.live': 'Live view', 'nav.reports': 'Reports', 'nav.submitted': 'Submitted reports', 'nav.fleet': 'Fleet', 'nav.api': 'API',
    'nav.quality': 'Data quality', 'quality.day': 'Day', 'quality.show': 'Show', 'quality.badDay': "'{day}' is not a day (yyyy-MM-dd)",
    'quality.missing': 'missing', 'quality.pending': 'awaiting a backfill', 'quality.notOperating': 'not operating',
    'quality.substituted': 'substituted', 'quality.recomputed': 'recomputed after late readings', 'quality.measured': 'measured',
    'quality.availability': 'availability {pct} %', 'quality.at': 'at', 'quality.substitutedMin': 'substituted minutes',
    'quality.revision': 'Computed again', 'quality.month': 'or a month', 'quality.badMonth': "'{month}' is not a month (yyyy-MM)",
    'quality.incomplete': 'hours missing', 'quality.future': 'to come', 'quality.dayHours': '{present} of {expected} hours',
    'quality.daySubstituted': '{count} substituted', 'quality.dayPending': '{count} awaiting a backfill',
    'quality.monthLegend': 'A month: each cell a day of the site\'s calendar, shaded by its hours present; a cell opens the day.', 'quality.nothingFilled': 'Nothing was filled in this hour.',
    'quality.legend': 'Shade: availability (green 100 %, red 0 %). S substituted, R recomputed, … awaiting a backfill, ○ not operating, × missing. A cell opens the hour\'s lineage.',
    'user.signOut': 'Sign out', 'user.signedInAs': 'Signed in as {name}',
    'role.ENGINEER': 'Engineer', 'role.COMPLIANCE': 'Compliance officer', 'role.REGULATOR': 'Regulator', 'role.ADMIN': 'Administrator',
    'site.label': 'Site',
    'login.title': 'Sign in to Plumeline', 'login.user': 'User name', 'login.password': 'Password', 'login.submit': 'Sign in',
    'login.failed': 'Wrong user name or password.', 'login.signedOut': 'You are signed out.',
    'login.jwt': 'This deployment signs people in through the operator\'s identity provider. Open Plumeline through its sign-in address.',
    'nav.overview': 'Plant overview', 'overview.hint': 'Units with their current emission rate (kg CO2e/h) and data quality, streams with their current flow, products with the carbon intensity of their last complete hour. A unit opens its tags and alerts.',
    'overview.outside': 'Utilities and flares (outside the production chain)', 'overview.rate': '{rate} kg CO2e/h',
    'overview.noRate': 'no rate yet', 'overview.noSources': 'no emission sources', 'overview.intensity': '{value} kg CO2e/t',
    'overview.noIntensity': 'no complete hour yet', 'overview.intensityHour': 'the hour from {time}',
    'overview.mark.GOOD': 'all tags good', 'overview.mark.BAD': 'some tags bad', 'overview.mark.STALE': 'some tags stale (no reading for 5 minutes)',
    'overview.mark.UNCERTAIN': 'some tags uncertain', 'overview.unitTitle': '{name} ({unit})', 'overview.trend': 'Last 3 hours',
    'overview.sparkWindow': 'Its tags and those of the units under it; trends of the last 3 hours of the plant\'s clock.',
    'overview.alerts': 'Active alerts (last hour)',
    'nav.desk': 'Compliance desk', 'desk.year': 'Year', 'desk.data': 'Data', 'desk.report': 'Report', 'desk.due': 'Filing due',
    'desk.summary': 'Program {program} · {sources} reportable sources · calendar of {zone}',
    'desk.complete': 'Complete', 'desk.incomplete': 'Incomplete', 'desk.running': 'In progress', 'desk.future': 'Not started',
    'desk.hours': '{present} of {expected} source-hours', 'desk.missing': '{count} source-hours missing',
    'desk.substituted': 'substituted: {count} h', 'desk.pending': 'awaiting a backfill: {count} h',
    'desk.preview': 'Preview', 'desk.generate': 'Draft',
    'desk.revision': 'revision {revision} of {revisions}', 'desk.noReport': 'none', 'desk.overdue': 'overdue', 'desk.open': 'Open report',
    'desk.filing.annual GHG report': 'Annual GHG report', 'desk.filing.verified annual emissions report': 'Verified annual emissions report',
    'desk.filing.annual emissions report': 'Annual emissions report', 'desk.filing.monthly data': 'Monthly data',
    'desk.filing.quarterly electronic data report': 'Quarterly electronic data report',
    'live.units': 'Units', 'live.allUnits': 'All units', 'live.tags': 'Tags', 'live.rates': 'Current emission rates',
    'live.alerts': 'Alerts', 'live.updated': 'Updated {time}', 'live.refreshFailed': 'Refresh failed: {detail}',
    'live.noAlerts': 'No alerts.', 'live.noRates': 'No emission rates yet.', 'live.chartHint': 'Select a tag to see its recent readings.',
    'col.tag': 'Tag', 'col.unit': 'Unit', 'col.value': 'Value', 'col.uom': 'Unit of measure', 'col.quality': 'Quality', 'col.time': 'Time',
    'col.source': 'Source', 'col.gas': 'Gas', 'col.rate': 'Rate (kg/h)', 'col.limit': 'Limit', 'col.max': 'Max', 'col.average': 'Average',
    'quality.GOOD': 'Good', 'quality.UNCERTAIN': 'Uncertain', 'quality.BAD': 'Bad', 'quality.NONE': 'No data',
    'chart.title': 'Recent readings of {tag}', 'chart.window': 'Window', 'chart.noData': 'No readings in this window.',
    'chart.points': '{count} points', 'chart.close': 'Close',
    'reports.period': 'Period', 'reports.periodHint': '2026, 2026-Q1 or 2026-03', 'reports.preview': 'Preview from data now',
    'reports.generate': 'Generate draft', 'reports.list': 'Reports', 'reports.status': 'Status', 'reports.any': 'Any',
    'reports.none': 'No reports.', 'reports.revision': 'Revision', 'reports.created': 'Created', 'reports.approved': 'Approved',
    'reports.submitted': 'Submitted', 'reports.total': 'Total CO2e (kg)', 'reports.open': 'Open',
    'reports.approve': 'Approve', 'reports.submit': 'Submit to regulator', 'reports.diff': 'Compare with previous revision',
    'reports.exports': 'Exports', 'reports.zip': 'All files (zip)', 'reports.byGas': 'By gas', 'reports.bySource': 'By source',
    'reports.mass': 'Mass (kg)', 'reports.co2e': 'CO2e (kg)', 'reports.availability': 'Availability (%)',
    'reports.substitutedHours': 'Substituted hours', 'reports.backfillPendingHours': 'Hours awaiting backfill', 'reports.previousPeriod': 'Previous period {period}: {co2e} kg CO2e, change {change} kg ({pct} %)',
    'reports.diffTitle': 'Differences from the previous revision', 'reports.before': 'Before (kg CO2e)',
    'reports.after': 'After (kg CO2e)', 'reports.change': 'Change (kg CO2e)', 'reports.noDiff': 'No differences.',
    'reports.generated': 'Draft generated: revision {revision} of {period}.', 'reports.done': 'Report {id}: {status}.',
    'reports.by': '{time} by {name}', 'reports.exceedances': 'Limit exceedances',
    'fleet.show': 'Show', 'fleet.loading': 'Adding up {period} for every site…', 'fleet.total': 'Fleet total {period}: {co2e} kg CO2e',
    'fleet.sites': '{count} sites', 'fleet.desk': 'Compliance desk', 'fleet.bySite': 'By site', 'fleet.byProgram': 'By program', 'fleet.byGas': 'By gas',
    'fleet.chart': 'CO2e by site (kg)', 'fleet.site': 'Site', 'fleet.program': 'Program', 'fleet.gwp': 'GWP set',
    'fleet.timeZone': 'Time zone', 'fleet.from': 'From (site time)', 'fleet.to': 'To (exclusive)', 'fleet.share': 'Share of fleet',
    'fleet.mixedGwp': 'The sites use different GWP sets ({sets}): each site\'s CO2e is under its own set.',
    'status.draft': 'Draft', 'status.approved': 'Approved', 'status.submitted': 'Submitted',
    'error.title': 'Error', 'error.forbidden': 'Your role may not do this.',
  },
  'zh-CN': {
    'app.title': 'Plumeline 排放监测',
    'lang.label': '语言',
    'nav.live': '实时监控', 'nav.reports': '报告', 'nav.submitted': '已提交报告', 'nav.fleet': '集团汇总', 'nav.api': '接口',
    'nav.quality': '数据质量', 'quality.day': '日期', 'quality.show': '显示', 'quality.badDay': '“{day}”不是日期（yyyy-MM-dd）',
    'quality.missing': '缺失', 'quality.pending': '待补采', 'quality.notOperating': '停运',
    'quality.substituted': '已替代', 'quality.recomputed': '迟到数据重算', 'quality.measured': '实测',
    'quality.availability': '数据可用率 {pct} %', 'quality.at': '取值', 'quality.substitutedMin': '替代分钟数',
    'quality.revision': '重新计算', 'quality.month': '或月份', 'quality.badMonth': '“{month}”不是月份（yyyy-MM）',
    'quality.incomplete': '缺少小时', 'quality.future': '未到', 'quality.dayHours': '{present} / {expected} 小时',
    'quality.daySubstituted': '替代 {count} 小时', 'quality.dayPending': '待补采 {count} 小时',
    'quality.monthLegend': '月视图：每格为厂区日历的一天，颜色表示已有小时数；点击单元格查看当天。', 'quality.nothingFilled': '本小时无替代数据。',
    'quality.legend': '颜色：数据可用率（绿 100 %，红 0 %）。S 已替代，R 重算，… 待补采，○ 停运，× 缺失。点击单元格查看该小时的数据溯源。',
    'user.signOut': '退出登录', 'user.signedInAs': '当前用户：{name}',
    'role.ENGINEER': '工程师', 'role.COMPLIANCE': '合规专员', 'role.REGULATOR': '监管人员', 'role.ADMIN': '管理员',
    'site.label': '厂区',
    'login.title': '登录 Plumeline', 'login.user': '用户名', 'login.password': '密码', 'login.submit': '登录',
    'login.failed': '用户名或密码错误。', 'login.signedOut': '您已退出登录。',
    'login.jwt': '本系统通过运营方的身份认证服务登录，请从其登录地址打开 Plumeline。',
    'nav.overview': '装置总览', 'overview.hint': '各装置的当前排放速率（kg CO2e/h）与数据质量，物流的当前流量，产品最近一个完整小时的碳强度。点击装置查看其测点与报警。',
    'overview.outside': '公用工程与火炬（不在产品链内）', 'overview.rate': '{rate} kg CO2e/h',
    'overview.noRate': '暂无速率', 'overview.noSources': '无排放源', 'overview.intensity': '{value} kg CO2e/t',
    'overview.noIntensity': '暂无完整小时', 'overview.intensityHour': '自 {time} 起的小时',
    'overview.mark.GOOD': '全部测点良好', 'overview.mark.BAD': '部分测点故障', 'overview.mark.STALE': '部分测点数据中断（5 分钟无读数）',
    'overview.mark.UNCERTAIN': '部分测点不确定', 'overview.unitTitle': '{name}（{unit}）', 'overview.trend': '近 3 小时',
    'overview.sparkWindow': '本装置及其下属装置的测点；趋势为装置时钟的近 3 小时。',
    'overview.alerts': '当前报警（近 1 小时）',
    'nav.desk': '合规工作台', 'desk.year': '年度', 'desk.data': '数据', 'desk.report': '报告', 'desk.due': '报送截止',
    'desk.summary': '核算体系 {program} · {sources} 个需报告排放源 · {zone} 日历',
    'desk.complete': '完整', 'desk.incomplete': '不完整', 'desk.running': '进行中', 'desk.future': '未开始',
    'desk.hours': '{present} / {expected} 源小时', 'desk.missing': '缺失 {count} 源小时',
    'desk.substituted': '替代 {count} 小时', 'desk.pending': '待补采 {count} 小时',
    'desk.preview': '预览', 'desk.generate': '起草',
    'desk.revision': '第 {revision} 版，共 {revisions} 版', 'desk.noReport': '无', 'desk.overdue': '已逾期', 'desk.open': '打开报告',
    'desk.filing.annual GHG report': '年度温室气体报告', 'desk.filing.verified annual emissions report': '经核查的年度排放报告',
    'desk.filing.annual emissions report': '年度排放报告', 'desk.filing.monthly data': '月度数据存证',
    'desk.filing.quarterly electronic data report': '季度电子数据报告',
    'live.units': '装置', 'live.allUnits': '全部装置', 'live.tags': '测点', 'live.rates': '当前排放速率',
    'live.alerts': '报警', 'live.updated': '更新于 {time}', 'live.refreshFailed': '刷新失败：{detail}',
    'live.noAlerts': '暂无报警。', 'live.noRates': '暂无排放速率。', 'live.chartHint': '选择一个测点以查看其近期读数。',
    'col.tag': '测点', 'col.unit': '装置', 'col.value': '数值', 'col.uom': '计量单位', 'col.quality': '数据质量', 'col.time': '时间',
    'col.source': '排放源', 'col.gas': '气体', 'col.rate': '速率 (kg/h)', 'col.limit': '限值', 'col.max': '上限', 'col.average': '平均值',
    'quality.GOOD': '良好', 'quality.UNCERTAIN': '不确定', 'quality.BAD': '故障', 'quality.NONE': '无数据',
    'chart.title': '{tag} 的近期读数', 'chart.window': '时间范围', 'chart.noData': '该时间范围内没有读数。',
    'chart.points': '{count} 个数据点', 'chart.close': '关闭',
    'reports.period': '报告期', 'reports.periodHint': '2026、2026-Q1 或 2026-03', 'reports.preview': '按当前数据预览',
    'reports.generate': '生成草稿', 'reports.list': '报告列表', 'reports.status': '状态', 'reports.any': '全部',
    'reports.none': '暂无报告。', 'reports.revision': '版本', 'reports.created': '创建', 'reports.approved': '批准',
    'reports.submitted': '提交', 'reports.total': 'CO2e 总量 (kg)', 'reports.open': '打开',
    'reports.approve': '批准', 'reports.submit': '提交监管机构', 'reports.diff': '与上一版本比较',
    'reports.exports': '导出文件', 'reports.zip': '全部文件 (zip)', 'reports.byGas': '按气体', 'reports.bySource': '按排放源',
    'reports.mass': '质量 (kg)', 'reports.co2e': 'CO2e (kg)', 'reports.availability': '数据可用率 (%)',
    'reports.substitutedHours': '替代小时数', 'reports.backfillPendingHours': '待补采小时数', 'reports.previousPeriod': '上一报告期 {period}：{co2e} kg CO2e，变化 {change} kg（{pct} %）',
    'reports.diffTitle': '与上一版本的差异', 'reports.before': '之前 (kg CO2e)',
    'reports.after': '之后 (kg CO2e)', 'reports.change': '变化 (kg CO2e)', 'reports.noDiff': '没有差异。',
    'reports.generated': '已生成草稿：{period} 第 {revision} 版。', 'reports.done': '报告 {id}：{status}。',
    'reports.by': '{time}，{name}', 'reports.exceedances': '超限记录',
    'fleet.show': '查询', 'fleet.loading': '正在汇总各厂区 {period} 的排放…', 'fleet.total': '集团合计 {period}：{co2e} kg CO2e',
    'fleet.sites': '{count} 个厂区', 'fleet.desk': '工作台', 'fleet.bySite': '按厂区', 'fleet.byProgram': '按报告制度', 'fleet.byGas': '按气体',
    'fleet.chart': '各厂区 CO2e (kg)', 'fleet.site': '厂区', 'fleet.program': '报告制度', 'fleet.gwp': 'GWP 版本',
    'fleet.timeZone': '时区', 'fleet.from': '报告期起（厂区时间）', 'fleet.to': '止（不含）', 'fleet.share': '占集团比例',
    'fleet.mixedGwp': '各厂区采用不同的 GWP 版本（{sets}）：每个厂区的 CO2e 按其自身版本计算。',
    'status.draft': '草稿', 'status.approved': '已批准', 'status.submitted': '已提交',
    'error.title': '错误', 'error.forbidden': '您的角色无权执行此操作。',
  },
};

export const LANGUAGES = Object.keys(MESSAGES);
const STORED = 'plumeline.lang';
let current = 'en';
let timeZone;

/** The language: the one the user chose in this browser, else the site's. */
export function chooseLanguage(siteLocale) {
  const stored = localStorage.getItem(STORED);
  current = LANGUAGES.includes(stored) ? stored : LANGUAGES.includes(siteLocale) ? siteLocale : 'en';
  document.documentElement.lang = current;
  return current;
}

export function setLanguage(lang) {
  if (!LANGUAGES.includes(lang)) return;
  localStorage.setItem(STORED, lang);
  current = lang;
  document.documentElement.lang = lang;
}

export function language() { return current; }

/** Dates are shown in the site's time zone: periods and hours are the site's. */
export function setTimeZone(zone) { timeZone = zone; }

export function t(key, params = {}) {
  const text = MESSAGES[current][key] ?? MESSAGES.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => params[name] ?? '');
}

/** Fills every element with data-i18n (text) or data-i18n-placeholder in the current language. */
export function translatePage(root = document) {
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  document.title = t('app.title');
}

export function number(value, maximumFractionDigits = 2) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return new Intl.NumberFormat(current, {maximumFractionDigits}).format(value);
}

/** In the site's time zone, or in the zone given (another site's). */
export function dateTime(instant, zone = timeZone) {
  if (!instant) return '–';
  return new Intl.DateTimeFormat(current, {dateStyle: 'medium', timeStyle: 'medium', timeZone: zone}).format(new Date(instant));
}

export function percent(fraction) {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '–';
  return new Intl.NumberFormat(current, {style: 'percent', maximumFractionDigits: 1}).format(fraction);
}

export function time(instant) {
  if (!instant) return '–';
  return new Intl.DateTimeFormat(current, {timeStyle: 'medium', timeZone}).format(new Date(instant));
}

// bemgate web console: entry point, hash router, header and the overview page.
//
// Routes (URL fragment): #/overview, #/datapoints?q=&connector=&type=&active=,
//   #/datapoint/<encodeURIComponent(id)>, #/connectors, #/connectors/<name>,
//   #/connectors/config/<pid>, #/connectors/new?type=<factoryPid>, #/bundles, #/features
//
// Element ids and data attributes for tests (Selenium, headless Chromium):
//   Login page (login.html):   login-form, login-user, login-password, login-submit, login-error
//   Header:                    app-header, nav-overview, nav-datapoints, nav-connectors, nav-bundles,
//                              live-status (data-state = connecting|live|offline), current-user,
//                              current-role, logout
//   Notices:                   notices (container); each notice [data-test=notice] with class
//                              notice-error|notice-warning|notice-success|notice-info and a
//                              [data-test=notice-close] button
//   Confirmation dialog:       confirm-dialog, confirm-ok, confirm-cancel
//   Overview:                  overview-view, stat-connectors, stat-datapoints, stat-active, stat-sensors,
//                              stat-actuators, stat-problems, overview-connectors (cards [data-connector]
//                              with [data-test=status]), overview-problems (items [data-test=problem])
//   Datapoints:                datapoints-view, datapoint-search, datapoint-filter-connector,
//                              datapoint-filter-type, datapoint-filter-active, datapoint-count,
//                              datapoint-table (the scrolling grid; only visible rows exist: search or
//                              filter first), rows .dp-row[data-id="<datapoint id>"] with
//                              [data-test=row-select] (operators), [data-test=value], [data-test=age];
//                              datapoint-select-all, bulk-bar, selection-count, bulk-activate,
//                              bulk-deactivate, bulk-clear, datapoint-loading
//   Datapoint detail:          datapoint-detail[data-id], detail-error (unknown id), cards card-value,
//                              card-write (actuators) or card-info (sensors), card-history,
//                              card-setpoint, card-schedule (actuators), card-metadata;
//                              detail-id, detail-active, detail-activation,
//                              detail-value, detail-age, write-form, value-input, write-submit,
//                              write-outcome (data-status = ACCEPTED|REJECTED|FAILED|INVALID|ERROR|PENDING),
//                              history-chart, history-range-1h, history-range-24h, history-range-7d,
//                              history-aggregation, history-refresh, history-message,
//                              setpoint-input, setpoint-preview, setpoint-add, setpoint-clear,
//                              setpoint-save, setpoint-reload, setpoint-message, setpoint-timestamp,
//                              schedule-… (same as setpoint-…), metadata-form, meta-short_name,
//                              meta-description, meta-unit, meta-data_format, meta-min_value,
//                              meta-max_value, meta-allowed_values, metadata-save, metadata-message
//   Connectors:                connectors-view, connector-list, connector-table (rows [data-connector]),
//                              config-list, config-table (rows [data-pid]), config-new,
//                              config-type-dialog, config-type, config-type-ok
//   Configuration editor:      config-editor[data-pid] (data-pid empty for a new one), config-error,
//                              config-form, config-name (new only),
//                              cfg-<property id>, config-extra (or config-json without metatype),
//                              config-save, config-delete, config-message
//   Bundles:                   bundles-view, tab-bundles, tab-features, bundle-filter, bundle-state-filter,
//                              bundle-count, bundle-table (rows [data-bundle-id], buttons
//                              bundle-start-<id>, bundle-stop-<id>, bundle-uninstall-<id>,
//                              [data-test=bundle-state]), bundle-upload-form, bundle-upload-input,
//                              bundle-upload-start, bundle-upload-submit, bundle-upload-result
//   Features:                  features-view, feature-filter, feature-installed-filter, feature-count,
//                              feature-table (rows [data-feature][data-version], buttons
//                              [data-action=install|uninstall]), feature-repo-uri, feature-repo-add,
//                              feature-repo-message

import { h, byId, setChildren, api, notify, session, can, fmtTime, fmtDuration, fmtAge, debounce } from './lib.js';
import { datapoints, connectors, stream } from './store.js';
import { mountDatapointList } from './datapoints.js';
import { mountDatapointDetail } from './detail.js';
import { mountConnectors, mountConfigEditor, mountBundles, mountFeatures, statusBadge, counterChips } from './platform.js';

// ---------------------------------------------------------------------------------------------
// Routing: #/section/rest?query. Each mount returns a clean-up function run before the next.

const ROUTES = [
  { re: /^\/?(overview)?$/, nav: 'overview', title: 'Overview', mount: (v) => mountOverview(v) },
  { re: /^\/datapoints$/, nav: 'datapoints', title: 'Datapoints', mount: (v, m, q) => mountDatapointList(v, q) },
  { re: /^\/datapoint\/(.+)$/, nav: 'datapoints', title: 'Datapoint', mount: (v, m) => mountDatapointDetail(v, decodeURIComponent(m[1])) },
  { re: /^\/connectors$/, nav: 'connectors', title: 'Connectors', mount: (v) => mountConnectors(v) },
  { re: /^\/connectors\/new$/, nav: 'connectors', title: 'New connector', mount: (v, m, q) => mountConfigEditor(v, { factoryPid: q.get('type') }) },
  { re: /^\/connectors\/config\/(.+)$/, nav: 'connectors', title: 'Configuration', mount: (v, m) => mountConfigEditor(v, { pid: decodeURIComponent(m[1]) }) },
  { re: /^\/connectors\/(.+)$/, nav: 'connectors', title: 'Connectors', mount: (v, m) => mountConnectors(v, decodeURIComponent(m[1])) },
  { re: /^\/bundles$/, nav: 'bundles', title: 'Bundles', mount: (v) => mountBundles(v) },
  { re: /^\/features$/, nav: 'bundles', title: 'Features', mount: (v) => mountFeatures(v) },
];

let cleanup = null;

function route() {
  const raw = location.hash.replace(/^#/, '');
  const [path, qs] = raw.split('?');
  const query = new URLSearchParams(qs || '');
  const r = ROUTES.find((x) => x.re.test(path));
  if (cleanup) { try { cleanup(); } catch (e) { console.error(e); } cleanup = null; }
  const view = byId('view');
  view.scrollTop = 0;
  for (const a of document.querySelectorAll('.nav a')) a.classList.toggle('on', r && a.dataset.nav === r.nav);
  if (!r) {
    document.title = 'Not found · bemgate';
    setChildren(view, h('div', { class: 'page' }, h('div', { class: 'empty-state', text: `No page '${raw}'. ` }, h('a', { href: '#/overview', text: 'Go to the overview' }))));
    return;
  }
  document.title = `${r.title} · bemgate`;
  view.classList.toggle('fill', r.nav === 'datapoints' && !path.startsWith('/datapoint/'));
  try {
    cleanup = r.mount(view, path.match(r.re), query) || null;
  } catch (e) {
    console.error(e);
    notify('This page failed to open: ' + e.message);
  }
}

// ---------------------------------------------------------------------------------------------
// Start: session first (401 leads to the login page), then header, stream and the first route.

async function boot() {
  try {
    Object.assign(session, await api('session'));
  } catch (e) {
    setChildren(byId('view'), h('div', { class: 'page' }, h('div', { class: 'empty-state error', text: 'The console cannot start: ' + e.message })));
    return;
  }
  document.body.dataset.role = session.role;
  byId('current-user').textContent = session.user;
  byId('current-role').textContent = session.role;
  byId('current-role').className = 'role role-' + session.role;
  byId('logout').addEventListener('click', logout);
  stream.on('status', (s) => {
    const el = byId('live-status');
    el.dataset.state = s;
    el.className = 'live live-' + s;
    el.textContent = { live: 'Live', connecting: 'Connecting…', offline: 'Offline' }[s] || s;
    el.title = s === 'live' ? 'Receiving live updates' : 'Live updates are not flowing';
  });
  stream.start();
  window.addEventListener('hashchange', route);
  document.addEventListener('keydown', shortcut);
  connectors.refresh().catch(() => {});
  route();
  // Load datapoints in the background so the list opens at once.
  setTimeout(() => datapoints.ensureLoaded().catch(() => {}), 300);
}

async function logout() {
  stream.stop();
  try {
    await fetch('logout', { method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-Token': session.csrfToken || '', 'X-Requested-With': 'XMLHttpRequest' } });
  } catch (e) { /* leaving anyway */ }
  try { sessionStorage.removeItem('bemgate.returnTo'); } catch (e) { /* private mode */ }
  location.href = 'login';
}

/** "/" focuses the search field of the current page, as in many consoles. */
function shortcut(e) {
  if (e.key !== '/' || e.target.matches('input, textarea, select')) return;
  const search = document.querySelector('#view input[type=search]');
  if (search) { e.preventDefault(); search.focus(); }
}

// ---------------------------------------------------------------------------------------------
// Overview

function mountOverview(view) {
  const ui = {
    stats: h('div', { class: 'stats' }),
    cards: h('div', { class: 'connector-cards', id: 'overview-connectors' }),
    problems: h('ol', { class: 'problems', id: 'overview-problems' }),
  };
  setChildren(view, h('div', { class: 'page', id: 'overview-view' },
    h('div', { class: 'page-head' }, h('h1', { text: 'Overview' })),
    ui.stats,
    h('div', { class: 'overview-grid' },
      h('section', {}, h('div', { class: 'section-head' }, h('h2', { text: 'Connectors' }), h('a', { href: '#/connectors', text: 'All connectors →' })), ui.cards),
      h('section', { class: 'card' }, h('div', { class: 'card-head' }, h('h2', { text: 'Recent problems' })), ui.problems))));
  const st = { counts: null, problems: null };
  const drawCards = () => { renderConnectorCards(ui.cards); renderStats(ui.stats, st); };
  const loadProblems = async () => {
    try { st.problems = await api('problems'); } catch (e) { st.problems = st.problems || []; }
    renderProblems(ui.problems, st.problems);
    renderStats(ui.stats, st);
  };
  const loadCounts = async () => { st.counts = await datapointCounts(); renderStats(ui.stats, st); };
  const problemsSoon = debounce(loadProblems, 800);
  const offs = [
    connectors.on('changed', drawCards),
    connectors.on('health', problemsSoon),
    datapoints.on('structure', debounce(() => loadCounts().catch(() => {}), 500)),
  ];
  connectors.refresh().catch(() => {});
  drawCards();
  loadProblems();
  loadCounts().catch(() => {});
  const timers = [
    setInterval(drawCards, 5000), // ages ("for 3 min") move on
    setInterval(() => { loadProblems(); connectors.refresh().catch(() => {}); }, 30_000),
  ];
  return () => { offs.forEach((off) => off()); timers.forEach(clearInterval); };
}

/** Counts from the loaded store, or from four one-item pages of the API while it loads. */
async function datapointCounts() {
  if (datapoints.loaded) {
    const all = datapoints.all();
    return {
      total: all.length,
      active: all.filter((d) => d.active).length,
      sensors: all.filter((d) => d.type === 'sensor').length,
      actuators: all.filter((d) => d.type === 'actuator').length,
    };
  }
  const total = (q) => api('datapoints?limit=1' + q).then((p) => p.total);
  const [t, a, s, ac] = await Promise.all([total(''), total('&active=true'), total('&type=sensor'), total('&type=actuator')]);
  return { total: t, active: a, sensors: s, actuators: ac };
}

function stat(id, label, value, sub, cls = '', href = null) {
  const body = [h('div', { class: 'stat-value', text: value }), h('div', { class: 'stat-label', text: label }), sub ? h('div', { class: 'stat-sub', text: sub }) : null];
  return href ? h('a', { class: 'stat ' + cls, id, href }, body) : h('div', { class: 'stat ' + cls, id }, body);
}

function renderStats(el, st) {
  const list = connectors.list();
  const online = list.filter((c) => c.status === 'ONLINE').length;
  const bad = list.filter((c) => c.status === 'FAILED' || c.status === 'OFFLINE').length;
  const c = st.counts;
  const n = (v) => (v === undefined || v === null ? '…' : v.toLocaleString());
  const hourAgo = Date.now() - 3_600_000;
  const recentErrors = (st.problems || []).filter((p) => p.severity === 'error' && p.time > hourAgo).length;
  setChildren(el,
    stat('stat-connectors', 'Connectors online', `${online} / ${list.length}`, bad ? `${bad} offline or failed` : 'all healthy', bad ? 'stat-bad' : 'stat-good', '#/connectors'),
    stat('stat-datapoints', 'Datapoints', n(c && c.total), null, '', '#/datapoints'),
    stat('stat-active', 'Active', n(c && c.active), c && c.total ? `${Math.round((100 * c.active) / c.total)} %` : null, '', '#/datapoints?active=true'),
    stat('stat-sensors', 'Sensors', n(c && c.sensors), null, '', '#/datapoints?type=sensor'),
    stat('stat-actuators', 'Actuators', n(c && c.actuators), null, '', '#/datapoints?type=actuator'),
    stat('stat-problems', 'Errors in the last hour', String(recentErrors), null, recentErrors ? 'stat-bad' : ''));
}

function renderConnectorCards(el) {
  const list = connectors.list();
  if (!list.length) {
    setChildren(el, h('div', { class: 'empty-state card', text: 'No connector is running.' },
      can('admin') ? h('div', {}, h('a', { href: '#/connectors', text: 'Configure one' })) : null));
    return;
  }
  const now = Date.now();
  setChildren(el, list.map((c) => {
    const pct = c.datapoints ? Math.round((100 * (c.activeDatapoints || 0)) / c.datapoints) : 0;
    const bar = h('div', { class: 'mini-bar-fill' });
    bar.style.width = pct + '%';
    return h('article', { class: 'connector-card status-border-' + String(c.status).toLowerCase(), 'data-connector': c.name },
      h('div', { class: 'cc-head' },
        h('div', {}, h('div', { class: 'cc-name', text: c.name }), h('div', { class: 'muted small', text: c.protocol || '' })),
        statusBadge(c.status)),
      c.reason ? h('div', { class: 'cc-reason', text: c.reason }) : null,
      h('div', { class: 'cc-meta muted small' },
        h('span', { title: fmtTime(c.since), text: c.since ? `${c.status} for ${fmtDuration(now - c.since)}` : '' }),
        h('span', { title: fmtTime(c.lastGoodExchange), text: c.lastGoodExchange ? `last exchange ${fmtAge(c.lastGoodExchange, now)} ago` : 'no exchange yet' })),
      h('div', { class: 'cc-dp' },
        h('span', { text: `${(c.activeDatapoints ?? 0).toLocaleString()} of ${(c.datapoints ?? 0).toLocaleString()} datapoints active` }),
        h('div', { class: 'mini-bar' }, bar)),
      counterChips(c.counters),
      h('div', { class: 'cc-links' },
        h('a', { href: '#/datapoints?connector=' + encodeURIComponent(c.name), text: 'Datapoints' }),
        h('a', { href: '#/connectors/' + encodeURIComponent(c.name), text: 'Details' })));
  }));
}

function renderProblems(el, problems) {
  if (!problems.length) {
    setChildren(el, h('li', { class: 'empty-state', text: 'No problems reported. All quiet.' }));
    return;
  }
  setChildren(el, problems.slice(0, 50).map((p) => {
    const isDatapoint = p.source && p.source.includes('/');
    return h('li', { class: 'problem sev-' + p.severity, 'data-test': 'problem' },
      h('span', { class: 'sev', text: p.severity }),
      h('div', { class: 'problem-body' },
        h('div', {}, isDatapoint
          ? h('a', { class: 'mono', href: '#/datapoint/' + encodeURIComponent(p.source), text: p.source })
          : h('a', { href: '#/connectors/' + encodeURIComponent(p.source), text: p.source }),
        ' ', h('span', { text: p.message })),
        h('div', { class: 'muted small', title: fmtTime(p.time), text: `${fmtAge(p.time)} ago · ${fmtTime(p.time)}` })));
  }));
}

boot();

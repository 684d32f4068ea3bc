// Connectors with their configurations (forms generated from the metatype description), and the
// bundles and features of the Karaf container.

import {
  h, setChildren, api, notify, inlineMessage, can, debounce, busy, confirmAction, fmtTime, fmtDuration, fmtAge,
  ApiError,
} from './lib.js';
import { connectors, bundleEvents } from './store.js';

/** What Config Admin shows instead of a secret; sending it back keeps the stored value. */
const MASK = '********';

export const statusBadge = (status) =>
  h('span', { class: 'status status-' + String(status || 'unknown').toLowerCase(), 'data-test': 'status', text: status || 'UNKNOWN' });

export const configHref = (pid) => '#/connectors/config/' + encodeURIComponent(pid);

// =============================================================================================
// Connectors

/** Mounts the connector list with the configuration list below it. */
export function mountConnectors(view, focusName) {
  const table = h('div', { id: 'connector-list' });
  const configs = h('div', { id: 'config-list' });
  const newButton = can('admin') ? h('button', { id: 'config-new', type: 'button', class: 'btn btn-primary', text: 'New connector…' }) : null;
  setChildren(view, h('div', { class: 'page', id: 'connectors-view' },
    h('div', { class: 'page-head' }, h('h1', { text: 'Connectors' })),
    h('section', { class: 'card' }, h('h2', { text: 'Running connectors' }), table),
    h('section', { class: 'card' },
      h('div', { class: 'card-head' }, h('h2', { text: 'Configurations' }), newButton), configs)));
  const state = { configs: null, types: [] };
  const draw = () => {
    renderConnectorTable(table, focusName, state);
    renderConfigTable(configs, state);
  };
  const off = connectors.on('changed', draw);
  connectors.refresh().catch(() => setChildren(table, h('div', { class: 'empty-state error', text: 'Connectors could not be loaded.' })));
  loadConfigs(state).then(draw);
  if (newButton) newButton.addEventListener('click', () => chooseType(state));
  const timer = setInterval(() => connectors.refresh().catch(() => {}), 15_000); // counters are not streamed
  return () => { off(); clearInterval(timer); };
}

async function loadConfigs(state) {
  try {
    const [configs, types] = await Promise.all([api('configurations', { notice: false }), api('connector-types', { notice: false })]);
    Object.assign(state, { configs, types, error: null });
  } catch (e) {
    Object.assign(state, { configs: [], types: [], error: e });
  }
}

function renderConnectorTable(el, focusName, state) {
  const list = connectors.list();
  if (!list.length) {
    setChildren(el, h('div', { class: 'empty-state', text: 'No connector is running.' + (can('admin') ? ' Create one below.' : '') }));
    return;
  }
  const configByName = new Map((state.configs || []).map((c) => [c.properties && c.properties.name, c]));
  const now = Date.now();
  setChildren(el, h('table', { class: 'table', id: 'connector-table' },
    h('thead', {}, h('tr', {}, ['Status', 'Connector', 'Reason', 'Since', 'Last good exchange', 'Datapoints', 'Counters', '']
      .map((t) => h('th', { text: t })))),
    h('tbody', {}, list.map((c) => {
      const cfg = configByName.get(c.name);
      return h('tr', { 'data-connector': c.name, class: c.name === focusName ? 'highlight' : null },
        h('td', {}, statusBadge(c.status)),
        h('td', {}, h('strong', { text: c.name }), h('div', { class: 'muted small', text: c.protocol || '' })),
        h('td', { class: 'reason', text: c.reason || '–' }),
        h('td', { class: 'nowrap', title: fmtTime(c.since), text: c.since ? fmtDuration(now - c.since) : '–' }),
        h('td', { class: 'nowrap', title: fmtTime(c.lastGoodExchange), text: c.lastGoodExchange ? fmtAge(c.lastGoodExchange, now) + ' ago' : 'never' }),
        h('td', { class: 'nowrap', text: `${c.activeDatapoints ?? 0} / ${c.datapoints ?? 0} active` }),
        h('td', {}, counterChips(c.counters)),
        h('td', { class: 'actions' },
          h('a', { class: 'btn btn-small btn-ghost', href: '#/datapoints?connector=' + encodeURIComponent(c.name), text: 'Datapoints' }),
          cfg ? h('a', { class: 'btn btn-small btn-ghost', href: configHref(cfg.pid), text: 'Configuration' }) : null));
    }))));
}

export function counterChips(counters) {
  const entries = Object.entries(counters || {});
  if (!entries.length) return h('span', { class: 'muted', text: '–' });
  return h('span', { class: 'chips' }, entries.map(([k, v]) => h('span', { class: 'chip', title: k }, h('span', { class: 'chip-k', text: k }), ' ', h('b', { text: Number(v).toLocaleString() }))));
}

function renderConfigTable(el, state) {
  if (state.configs === null) { setChildren(el, h('div', { class: 'muted', text: 'Loading…' })); return; }
  if (state.error) {
    setChildren(el, h('div', { class: 'inline-msg notice-info', text: state.error.message }));
    return;
  }
  if (!state.configs.length) {
    setChildren(el, h('div', { class: 'empty-state', text: 'No connector configuration exists yet.' }));
    return;
  }
  const typeName = new Map(state.types.map((t) => [t.factoryPid, t.name]));
  setChildren(el, h('table', { class: 'table', id: 'config-table' },
    h('thead', {}, h('tr', {}, ['Configuration', 'Kind', 'Connector', 'Status', ''].map((t) => h('th', { text: t })))),
    h('tbody', {}, state.configs.map((c) => {
      const name = c.properties && c.properties.name;
      const running = name && connectors.byName.get(name);
      return h('tr', { 'data-pid': c.pid },
        h('td', {}, h('a', { class: 'mono', href: configHref(c.pid), text: c.pid })),
        h('td', { text: typeName.get(c.factoryPid) || c.factoryPid }),
        h('td', { text: name || '–' }),
        h('td', {}, running ? statusBadge(running.status) : h('span', { class: 'muted', text: 'not running' })),
        h('td', { class: 'actions' }, h('a', { class: 'btn btn-small btn-ghost', href: configHref(c.pid), text: can('admin') ? 'Edit' : 'View' })));
    }))));
}

/** Asks which kind of connector to create, then opens the empty form. */
function chooseType(state) {
  if (state.error) { notify(state.error.message); return; }
  if (!state.types.length) {
    notify('No connector kinds are known: no bundle declares a metatype form for a factory PID under the console\'s prefix, or the metatype service is not running.', 'warning');
    return;
  }
  const sel = h('select', { id: 'config-type', class: 'input' }, state.types.map((t) => h('option', { value: t.factoryPid, text: `${t.name} (${t.factoryPid})` })));
  const ok = h('button', { id: 'config-type-ok', type: 'button', class: 'btn btn-primary', text: 'Continue' });
  const cancel = h('button', { type: 'button', class: 'btn', text: 'Cancel' });
  const dlg = h('dialog', { class: 'dialog', id: 'config-type-dialog' },
    h('h3', { text: 'New connector' }), h('label', { class: 'label', for: 'config-type', text: 'Kind of connector' }), sel,
    h('div', { class: 'dialog-actions' }, cancel, ok));
  const close = () => { dlg.close(); dlg.remove(); };
  cancel.addEventListener('click', close);
  ok.addEventListener('click', () => { close(); location.hash = '#/connectors/new?type=' + encodeURIComponent(sel.value); });
  document.body.append(dlg);
  dlg.showModal();
}

// Configuration editor ------------------------------------------------------------------------

/**
 * Mounts the form of one configuration: pid for an existing one, or factoryPid for a new one.
 */
export function mountConfigEditor(view, { pid, factoryPid }) {
  setChildren(view, h('div', { class: 'page' }, h('div', { class: 'loading-box' }, h('div', { class: 'spinner' }), 'Loading…')));
  (async () => {
    let config = null;
    let types = [];
    try {
      if (pid) config = await api('configurations/' + encodeURIComponent(pid), { notice: false });
      types = await api('connector-types', { notice: false });
    } catch (e) {
      setChildren(view, h('div', { class: 'page' }, backLink(), h('div', { class: 'empty-state error', id: 'config-error', text: e.message })));
      return;
    }
    const fpid = config ? config.factoryPid : factoryPid;
    const type = types.find((t) => t.factoryPid === fpid) || null;
    renderConfigEditor(view, config, fpid, type);
  })();
  return () => {};
}

function backLink() {
  return h('nav', { class: 'breadcrumb' }, h('a', { href: '#/connectors', text: 'Connectors' }), ' / configuration');
}

function renderConfigEditor(view, config, factoryPid, type) {
  const admin = can('admin');
  const props = config ? { ...config.properties } : {};
  const form = h('form', { id: 'config-form', class: 'config-form', autocomplete: 'off', novalidate: true });
  let nameInput = null;
  if (!config) {
    nameInput = h('input', { id: 'config-name', class: 'input', required: true, pattern: '[A-Za-z0-9._-]+', placeholder: 'e.g. plant-room' });
    form.append(field('config-name', 'Configuration name', true, 'Letters, digits, ".", "_" or "-"; the file becomes etc/' + factoryPid + '-<name>.cfg', nameInput));
  }
  const fields = type ? type.attributes.map((a) => attributeField(a, config ? props[a.id] : undefined, !config, admin)) : [];
  fields.forEach((f) => form.append(f.el));
  if (nameInput) mirrorName(nameInput, form.querySelector('#cfg-name'));
  // Properties the metatype does not describe (or all, without metatype) are edited as JSON.
  const known = new Set(type ? type.attributes.map((a) => a.id) : []);
  const extra = Object.fromEntries(Object.entries(props).filter(([k]) => !known.has(k)));
  const extraArea = h('textarea', { id: type ? 'config-extra' : 'config-json', class: 'input code', rows: type ? 4 : 14, spellcheck: 'false', disabled: !admin });
  extraArea.value = JSON.stringify(extra, null, 2);
  form.append(field(extraArea.id, type ? 'Other properties (JSON object)' : 'Properties (JSON object)', false,
    type ? 'Properties that the form above does not describe; kept as they are.' : 'No metatype form is known for ' + factoryPid + ': edit the properties as JSON.', extraArea));
  const msgEl = h('div', { id: 'config-message', hidden: true });
  const msg = inlineMessage(msgEl);
  const actions = h('div', { class: 'form-actions' });
  if (admin) {
    const save = h('button', { id: 'config-save', type: 'submit', class: 'btn btn-primary', text: config ? 'Save' : 'Create' });
    actions.append(save);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      busy(save, () => saveConfig({ config, factoryPid, fields, extraArea, nameInput, msg }));
    });
    if (config) {
      const del = h('button', { id: 'config-delete', type: 'button', class: 'btn btn-danger', text: 'Delete' });
      del.addEventListener('click', () => deleteConfig(config.pid, del));
      actions.append(del);
    }
  } else {
    actions.append(h('span', { class: 'muted', text: 'Changing configurations needs the admin role.' }));
  }
  actions.append(h('a', { class: 'btn btn-ghost', href: '#/connectors', text: admin ? 'Cancel' : 'Back' }));
  form.append(msgEl, actions);
  const running = props.name && connectors.byName.get(props.name);
  setChildren(view, h('div', { class: 'page', id: 'config-editor', 'data-pid': config ? config.pid : '' },
    backLink(),
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', { text: config ? config.pid : 'New ' + (type ? type.name : factoryPid) }),
        h('div', { class: 'subtitle', text: type ? type.description || type.name : factoryPid })),
      running ? h('div', { class: 'head-badges' }, statusBadge(running.status), h('span', { class: 'muted', text: running.reason || '' })) : null),
    h('section', { class: 'card' }, form)));
}

/** A new configuration's name is usually also the connector's name: fill it in until edited. */
function mirrorName(from, to) {
  if (!to) return;
  let last = to.value;
  from.addEventListener('input', () => {
    if (to.value === last) to.value = from.value;
    last = from.value;
  });
}

function field(id, label, required, help, input) {
  return h('div', { class: 'field' },
    h('label', { class: 'label', for: id }, label, required ? h('span', { class: 'req', text: ' *' }) : null),
    input, help ? h('div', { class: 'hint', text: help }) : null);
}

/**
 * One form field from a metatype attribute.
 * @returns {{el, read(): {set: boolean, value?, error?}}}
 */
function attributeField(a, current, isNew, admin) {
  const id = 'cfg-' + a.id;
  const multi = a.cardinality !== 0;
  const dflt = a.defaults || [];
  const initial = current !== undefined ? current : (isNew ? (multi ? dflt : dflt[0]) : undefined);
  const numeric = ['Long', 'Integer', 'Short', 'Byte', 'Double', 'Float'].includes(a.type);
  let input;
  let read;
  if (multi) {
    input = h('textarea', { id, class: 'input code', rows: 3, placeholder: 'one value per line' });
    input.value = Array.isArray(initial) ? initial.join('\n') : initial === undefined || initial === null ? '' : String(initial);
    read = () => {
      const lines = input.value.split('\n').map((l) => l.trim()).filter(Boolean);
      return { set: true, value: lines.map((l) => (numeric && Number.isFinite(Number(l)) ? Number(l) : l)) };
    };
  } else if (a.type === 'Boolean') {
    input = h('input', { id, type: 'checkbox', class: 'checkbox', checked: initial === true || initial === 'true' });
    read = () => ({ set: true, value: input.checked });
  } else if (a.options && a.options.length) {
    input = h('select', { id, class: 'input' },
      a.required ? null : h('option', { value: '', text: '–' }),
      a.options.map((o) => h('option', { value: o.value, text: o.label, selected: String(initial) === o.value })));
    read = () => (input.value === '' ? { set: false } : { set: true, value: numeric ? Number(input.value) : input.value });
  } else if (a.type === 'Password') {
    input = h('input', { id, type: 'password', class: 'input', autocomplete: 'new-password', value: initial === undefined || initial === null ? '' : String(initial) });
    read = () => (input.value === '' ? { set: false } : { set: true, value: input.value });
  } else {
    const long = a.id === 'config' || /json/i.test(a.description || '') || (typeof initial === 'string' && (initial.length > 80 || initial.includes('\n')));
    input = long ? h('textarea', { id, class: 'input code', rows: 8, spellcheck: 'false' })
      : h('input', { id, class: 'input', type: numeric ? 'number' : 'text', step: numeric ? (['Double', 'Float'].includes(a.type) ? 'any' : '1') : null });
    input.value = initial === undefined || initial === null ? '' : String(initial);
    read = () => {
      const raw = input.value.trim();
      if (raw === '') return { set: false };
      if (numeric) return Number.isFinite(Number(raw)) ? { set: true, value: Number(raw) } : { error: `${a.name}: '${raw}' is not a number` };
      return { set: true, value: input.value };
    };
  }
  input.disabled = !admin;
  const help = [a.description, dflt.length ? 'Default: ' + dflt.join(', ') : '', a.type === 'Password' && current === MASK ? 'Stored secret kept unless you type a new one.' : '']
    .filter(Boolean).join(' · ');
  const el = field(id, a.name || a.id, a.required && a.type !== 'Boolean', help, input);
  el.classList.add('field-' + a.type.toLowerCase());
  return {
    el,
    read: () => {
      const r = read();
      if (!r.error && !r.set && a.required && !dflt.length) return { error: `${a.name || a.id} is required` };
      return r;
    },
    id: a.id,
  };
}

async function saveConfig({ config, factoryPid, fields, extraArea, nameInput, msg }) {
  let properties;
  try {
    properties = JSON.parse(extraArea.value || '{}');
  } catch (e) {
    msg.show('Other properties: not valid JSON (' + e.message + ')');
    return;
  }
  if (!properties || typeof properties !== 'object' || Array.isArray(properties)) { msg.show('Properties must be a JSON object.'); return; }
  const errors = [];
  for (const f of fields) {
    const r = f.read();
    if (r.error) errors.push(r.error);
    else if (r.set) properties[f.id] = r.value;
    else delete properties[f.id];
  }
  if (nameInput && !/^[A-Za-z0-9._-]+$/.test(nameInput.value)) errors.push('Configuration name: letters, digits, ".", "_" or "-"');
  if (errors.length) { msg.show(errors.join('; ')); return; }
  try {
    if (config) {
      await api('configurations/' + encodeURIComponent(config.pid), { method: 'PUT', body: { properties }, notice: false });
      msg.show('Saved. The connector restarts with the new configuration.', 'success');
    } else {
      const created = await api('configurations', { method: 'POST', body: { factoryPid, name: nameInput.value, properties }, notice: false });
      notify(`Created ${created.pid}.`, 'success');
      location.hash = configHref(created.pid);
    }
  } catch (e) {
    msg.show(e.message);
  }
}

async function deleteConfig(pid, button) {
  if (!await confirmAction('Delete configuration', `Delete ${pid}? Its connector stops and its etc/ file is removed.`, 'Delete')) return;
  await busy(button, async () => {
    try {
      await api('configurations/' + encodeURIComponent(pid), { method: 'DELETE' });
      notify(`Deleted ${pid}.`, 'success');
      location.hash = '#/connectors';
    } catch (e) { /* notice shown */ }
  });
}

// =============================================================================================
// Bundles and features

function platformTabs(active) {
  return h('div', { class: 'tabs', role: 'tablist' },
    h('a', { id: 'tab-bundles', href: '#/bundles', class: 'tab' + (active === 'bundles' ? ' on' : ''), role: 'tab', text: 'Bundles' }),
    h('a', { id: 'tab-features', href: '#/features', class: 'tab' + (active === 'features' ? ' on' : ''), role: 'tab', text: 'Features' }));
}

const BUNDLE_STATES = ['ACTIVE', 'RESOLVED', 'INSTALLED', 'STARTING', 'STOPPING'];

/** Mounts the bundle list with filter, actions and the upload box. */
export function mountBundles(view) {
  const st = { list: [], q: '', state: '' };
  const filter = h('input', { id: 'bundle-filter', type: 'search', class: 'input search', placeholder: 'Filter by id, name, version or state…', autocomplete: 'off' });
  const stateSel = h('select', { id: 'bundle-state-filter', class: 'input', 'aria-label': 'State' },
    h('option', { value: '', text: 'All states' }), h('option', { value: '!ACTIVE', text: 'Not active' }),
    BUNDLE_STATES.map((s) => h('option', { value: s, text: s })));
  const count = h('span', { class: 'muted count', id: 'bundle-count' });
  const body = h('tbody', {});
  const table = h('table', { class: 'table', id: 'bundle-table' },
    h('thead', {}, h('tr', {}, ['Id', 'Bundle', 'Version', 'State', ''].map((t) => h('th', { text: t })))), body);
  const draw = () => drawBundles(st, body, count);
  const load = async () => {
    try { st.list = await api('bundles'); draw(); } catch (e) { setChildren(body, h('tr', {}, h('td', { colspan: 5, class: 'empty-state error', text: e.message }))); }
  };
  filter.addEventListener('input', debounce(() => { st.q = filter.value.trim().toLowerCase(); draw(); }, 100));
  stateSel.addEventListener('change', () => { st.state = stateSel.value; draw(); });
  body.addEventListener('click', (e) => bundleAction(e, st, draw));
  setChildren(view, h('div', { class: 'page', id: 'bundles-view' },
    h('div', { class: 'page-head' }, h('h1', { text: 'Bundles & features' })), platformTabs('bundles'),
    can('admin') ? uploadBox(load) : null,
    h('section', { class: 'card' }, h('div', { class: 'toolbar' }, filter, stateSel, h('span', { class: 'spacer' }), count), table)));
  const refreshSoon = debounce(load, 500);
  const offs = [
    bundleEvents.on('bundle', (e) => onBundleEvent(e, st, draw, refreshSoon)),
    bundleEvents.on('resync', load),
  ];
  load();
  return () => offs.forEach((off) => off());
}

function drawBundles(st, body, count) {
  const items = st.list.filter((b) => (!st.state || (st.state === '!ACTIVE' ? b.state !== 'ACTIVE' && !b.fragment : b.state === st.state))
    && (!st.q || `${b.id} ${b.symbolicName} ${b.name} ${b.version} ${b.state} ${b.location}`.toLowerCase().includes(st.q)))
    .sort((a, b) => a.id - b.id);
  count.textContent = `${items.length} of ${st.list.length} bundles`;
  setChildren(body, items.length ? items.map(bundleRow) : h('tr', {}, h('td', { colspan: 5, class: 'empty-state', text: 'No bundle matches.' })));
}

function bundleRow(b) {
  const admin = can('admin') && b.id !== 0;
  const btn = (action, label, cls = 'btn-ghost') => h('button', { type: 'button', class: `btn btn-small ${cls}`, 'data-action': action, id: `bundle-${action}-${b.id}`, text: label });
  return h('tr', { 'data-bundle-id': b.id },
    h('td', { class: 'num', text: b.id }),
    h('td', {}, h('div', { text: b.name || b.symbolicName }), h('div', { class: 'muted small mono', text: b.symbolicName, title: b.location })),
    h('td', { class: 'mono small', text: b.version }),
    h('td', {}, h('span', { class: 'state state-' + b.state.toLowerCase(), 'data-test': 'bundle-state', text: b.fragment ? 'FRAGMENT · ' + b.state : b.state })),
    h('td', { class: 'actions' }, admin ? [
      b.state === 'ACTIVE' ? btn('stop', 'Stop') : (!b.fragment ? btn('start', 'Start') : null),
      btn('uninstall', 'Uninstall', 'btn-ghost danger'),
    ] : null));
}

/** Bundles whose stop or removal takes the console (or the container) down with it. */
const CRITICAL = /^org\.bemgate\.(webconsole|core)|^org\.apache\.(felix|karaf|aries)|^org\.ops4j\.pax\.web|^org\.eclipse\.jetty/;

async function bundleAction(e, st, draw) {
  const button = e.target.closest('button[data-action]');
  if (!button) return;
  const id = Number(button.closest('tr').dataset.bundleId);
  const b = st.list.find((x) => x.id === id);
  const action = button.dataset.action;
  const warning = CRITICAL.test(b.symbolicName) ? ` ${b.symbolicName} is part of the container or of this console: the console may stop working.` : '';
  if (action === 'uninstall' && !await confirmAction('Uninstall bundle', `Uninstall ${b.symbolicName} ${b.version} (bundle ${id})?${warning}`, 'Uninstall')) return;
  if (action === 'stop' && warning && !await confirmAction('Stop bundle', `Stop ${b.symbolicName}?${warning}`, 'Stop')) return;
  await busy(button, async () => {
    try {
      const path = action === 'uninstall' ? `bundles/${id}` : `bundles/${id}/${action}`;
      const r = await api(path, { method: action === 'uninstall' ? 'DELETE' : 'POST' });
      if (action === 'uninstall') st.list = st.list.filter((x) => x.id !== id);
      else if (r && r.id !== undefined) st.list = st.list.map((x) => (x.id === id ? r : x));
      notify(`${action === 'uninstall' ? 'Uninstalled' : action === 'start' ? 'Started' : 'Stopped'} ${b.symbolicName}.`, 'success');
      draw();
    } catch (err) { /* notice shown */ }
  });
}

function onBundleEvent(e, st, draw, refreshSoon) {
  const i = st.list.findIndex((b) => b.id === e.bundleId);
  if (e.change === 'UNINSTALLED') {
    if (i >= 0) st.list.splice(i, 1);
  } else if (i >= 0) {
    Object.assign(st.list[i], { state: e.state, version: e.version, symbolicName: e.symbolicName });
  } else {
    refreshSoon(); // a new bundle: fetch its name and location
    return;
  }
  draw();
}

function uploadBox(reload) {
  const file = h('input', { id: 'bundle-upload-input', type: 'file', accept: '.jar,application/java-archive', class: 'file' });
  const start = h('input', { id: 'bundle-upload-start', type: 'checkbox', checked: true });
  const submit = h('button', { id: 'bundle-upload-submit', type: 'submit', class: 'btn btn-primary', text: 'Install / update' });
  const resultEl = h('div', { id: 'bundle-upload-result', hidden: true });
  const result = inlineMessage(resultEl);
  const form = h('form', { class: 'upload', id: 'bundle-upload-form' },
    h('div', { class: 'upload-text' }, h('strong', { text: 'Install or update a bundle' }),
      h('div', { class: 'muted small', text: 'Choose or drop a jar. A bundle with the same symbolic name is updated in place.' })),
    file, h('label', { class: 'check' }, start, ' start it'), submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!file.files.length) { result.show('Choose a jar file first.'); return; }
    busy(submit, () => uploadJar(file.files[0], start.checked, result, reload));
  });
  form.addEventListener('dragover', (e) => { e.preventDefault(); form.classList.add('drag'); });
  form.addEventListener('dragleave', () => form.classList.remove('drag'));
  form.addEventListener('drop', (e) => {
    e.preventDefault();
    form.classList.remove('drag');
    if (e.dataTransfer.files.length) { file.files = e.dataTransfer.files; }
  });
  return h('section', { class: 'card' }, form, resultEl);
}

async function uploadJar(f, start, result, reload) {
  result.show(`Uploading ${f.name} (${Math.ceil(f.size / 1024)} KiB)…`, 'info');
  try {
    // The raw jar as body (the server also takes multipart, for curl -F). Header values must be
    // ASCII, so other characters of the file name are replaced.
    const r = await api('bundles?start=' + start, {
      method: 'POST', raw: f, contentType: 'application/java-archive',
      headers: { 'X-File-Name': f.name.replace(/[^\x20-\x7e]/g, '_') }, notice: false,
    });
    const warn = /did not start/.test(r.message || '');
    result.show(`${r.message || r.action} (bundle ${r.bundle.id}, ${r.bundle.state})`, warn ? 'warning' : 'success');
    reload();
  } catch (e) {
    result.show(e.message);
  }
}

/** Mounts the feature list with install and uninstall. */
export function mountFeatures(view) {
  const st = { list: [], q: '', installed: '' };
  const filter = h('input', { id: 'feature-filter', type: 'search', class: 'input search', placeholder: 'Filter by name, version, repository…', autocomplete: 'off' });
  const instSel = h('select', { id: 'feature-installed-filter', class: 'input', 'aria-label': 'Installed' },
    h('option', { value: '', text: 'All features' }), h('option', { value: 'true', text: 'Installed' }), h('option', { value: 'false', text: 'Not installed' }));
  const count = h('span', { class: 'muted count', id: 'feature-count' });
  const body = h('tbody', {}, h('tr', {}, h('td', { colspan: 5, class: 'muted', text: 'Loading…' })));
  const load = async () => {
    try { st.list = await api('features', { notice: false }); drawFeatures(st, body, count); } catch (e) {
      setChildren(body, h('tr', {}, h('td', { colspan: 5, class: 'empty-state error', text: e.message })));
    }
  };
  filter.addEventListener('input', debounce(() => { st.q = filter.value.trim().toLowerCase(); drawFeatures(st, body, count); }, 100));
  instSel.addEventListener('change', () => { st.installed = instSel.value; drawFeatures(st, body, count); });
  body.addEventListener('click', (e) => featureAction(e, st, load));
  setChildren(view, h('div', { class: 'page', id: 'features-view' },
    h('div', { class: 'page-head' }, h('h1', { text: 'Bundles & features' })), platformTabs('features'),
    can('admin') ? repositoryBox(load) : null,
    h('section', { class: 'card' }, h('div', { class: 'toolbar' }, filter, instSel, h('span', { class: 'spacer' }), count),
      h('table', { class: 'table', id: 'feature-table' },
        h('thead', {}, h('tr', {}, ['Feature', 'Version', 'Repository', 'State', ''].map((t) => h('th', { text: t })))), body))));
  load();
  return () => {};
}

function drawFeatures(st, body, count) {
  const items = st.list.filter((f) => (!st.installed || String(f.installed) === st.installed)
    && (!st.q || `${f.name} ${f.version} ${f.repository} ${f.description}`.toLowerCase().includes(st.q)))
    .sort((a, b) => Number(b.installed) - Number(a.installed) || a.name.localeCompare(b.name));
  count.textContent = `${items.length} of ${st.list.length} features`;
  setChildren(body, items.length ? items.map(featureRow) : h('tr', {}, h('td', { colspan: 5, class: 'empty-state', text: 'No feature matches.' })));
}

function featureRow(f) {
  const admin = can('admin');
  return h('tr', { 'data-feature': f.name, 'data-version': f.version },
    h('td', {}, h('div', { class: 'mono', text: f.name }), f.description ? h('div', { class: 'muted small', text: f.description }) : null),
    h('td', { class: 'mono small', text: f.version }),
    h('td', { class: 'small', text: f.repository || '' }),
    h('td', {}, h('span', { class: 'state ' + (f.installed ? 'state-active' : 'state-resolved'), text: f.installed ? 'installed' : 'available' })),
    h('td', { class: 'actions' }, admin ? h('button', {
      type: 'button', class: 'btn btn-small ' + (f.installed ? 'btn-ghost danger' : 'btn-ghost'),
      'data-action': f.installed ? 'uninstall' : 'install', text: f.installed ? 'Uninstall' : 'Install',
    }) : null));
}

async function featureAction(e, st, reload) {
  const button = e.target.closest('button[data-action]');
  if (!button) return;
  const row = button.closest('tr');
  const name = row.dataset.feature, version = row.dataset.version;
  const install = button.dataset.action === 'install';
  if (!install && !await confirmAction('Uninstall feature', `Uninstall feature ${name} ${version} and the bundles only it needs?`, 'Uninstall')) return;
  await busy(button, async () => {
    notify(`${install ? 'Installing' : 'Uninstalling'} ${name} ${version}… this can take a while.`, 'info');
    try {
      if (install) await api('features', { method: 'POST', body: { name, version } });
      else await api(`features/${encodeURIComponent(name)}?version=${encodeURIComponent(version)}`, { method: 'DELETE' });
      notify(`${install ? 'Installed' : 'Uninstalled'} feature ${name} ${version}.`, 'success');
      await reload();
    } catch (err) { /* notice shown */ }
  });
}

function repositoryBox(reload) {
  const uri = h('input', { id: 'feature-repo-uri', class: 'input', placeholder: 'mvn:org.bemgate/features/0.2.0/xml/features' });
  const add = h('button', { id: 'feature-repo-add', type: 'submit', class: 'btn', text: 'Add repository' });
  const msgEl = h('div', { id: 'feature-repo-message', hidden: true });
  const msg = inlineMessage(msgEl);
  const form = h('form', { class: 'inline-form', id: 'feature-repo-form' }, h('label', { class: 'label', for: 'feature-repo-uri', text: 'Features repository' }), uri, add);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!uri.value.trim()) { msg.show('Enter a repository URI.'); return; }
    busy(add, async () => {
      try {
        const r = await api('features/repositories', { method: 'POST', body: { uri: uri.value.trim() }, notice: false });
        msg.show('Added ' + r.added, 'success');
        uri.value = '';
        reload();
      } catch (err) { msg.show(err instanceof ApiError ? err.message : String(err)); }
    });
  });
  return h('section', { class: 'card' }, form, msgEl);
}

// The page of one datapoint: latest value (live), write form with the connector's outcome,
// history chart, setpoint and schedule editors, and the metadata form.

import {
  h, setChildren, api, qid, notify, inlineMessage, can, debounce, busy, fmtValue, fmtAge, ageClass, fmtTime, flash,
  ApiError,
} from './lib.js';
import { datapoints, stream } from './store.js';
import { renderChart } from './chart.js';

const FORMATS = ['generic_numeric', 'continuous_numeric', 'discrete_numeric', 'generic_text', 'discrete_text', 'bool', 'unknown'];

/**
 * Mounts the page of one datapoint.
 * @returns the clean-up function
 */
export function mountDatapointDetail(view, id) {
  const page = { id, d: null, offs: [], timers: [] };
  setChildren(view, h('div', { class: 'page', id: 'datapoint-detail', 'data-id': id },
    breadcrumb(id), h('div', { class: 'loading-box' }, h('div', { class: 'spinner' }), 'Loading…')));
  api('datapoint?' + qid(id), { notice: false }).then((d) => {
    page.d = d;
    renderDetail(view, page);
  }).catch((e) => {
    setChildren(view, h('div', { class: 'page', id: 'datapoint-detail', 'data-id': id }, breadcrumb(id),
      h('div', { class: 'empty-state error', id: 'detail-error', text: e.message })));
  });
  return () => {
    page.offs.forEach((off) => off());
    page.timers.forEach((t) => clearInterval(t));
    if (page.chartResize) page.chartResize.disconnect();
  };
}

function breadcrumb(id) {
  const slash = id.indexOf('/');
  return h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' },
    h('a', { href: '#/datapoints', text: 'Datapoints' }), ' / ',
    h('a', { href: '#/datapoints?connector=' + encodeURIComponent(id.slice(0, slash)), text: id.slice(0, slash) }), ' / ',
    h('span', { text: id.slice(slash + 1) }));
}

/** Draws the page again from page.d, dropping the listeners and timers of the last drawing. */
function rerender(page) {
  page.offs.splice(0).forEach((off) => off());
  page.timers.splice(0).forEach((t) => clearInterval(t));
  if (page.chartResize) page.chartResize.disconnect();
  page.editors = {};
  const scroll = page.view.scrollTop;
  renderDetail(page.view, page);
  page.view.scrollTop = scroll;
}

function renderDetail(view, page) {
  page.view = view;
  const d = page.d;
  const actuator = d.type === 'actuator';
  const valueCard = buildValueCard(page);
  const cards = [
    h('div', { class: 'grid-2' }, valueCard, actuator ? buildWriteCard(page) : buildInfoCard(d)),
    buildHistoryCard(page),
    actuator ? h('div', { class: 'grid-2' }, buildMessageEditor(page, 'setpoint'), buildMessageEditor(page, 'schedule')) : null,
    buildMetadataCard(page),
  ];
  setChildren(view, h('div', { class: 'page', id: 'datapoint-detail', 'data-id': d.id },
    breadcrumb(d.id), buildDetailHead(page), cards));
  page.offs.push(stream.on('events', (batch) => onDetailEvents(page, batch)));
  page.timers.push(setInterval(() => updateValueCard(page), 1000));
}

function buildDetailHead(page) {
  const d = page.d;
  const title = h('h1', { id: 'detail-id', class: 'mono', text: d.id });
  page.activePill = h('span', { id: 'detail-active', class: 'pill ' + (d.active ? 'pill-on' : 'pill-off'), text: d.active ? 'active' : 'inactive' });
  let toggle = null;
  if (can('operator')) {
    toggle = h('button', { id: 'detail-activation', type: 'button', class: 'btn btn-small', text: d.active ? 'Deactivate' : 'Activate' });
    toggle.addEventListener('click', () => busy(toggle, async () => {
      const active = !page.d.active;
      try {
        await api('datapoints/activation', { method: 'POST', body: { ids: [d.id], active } });
        setActive(page, active);
        notify(`${d.id} is now ${active ? 'active' : 'inactive'}.`, 'success');
      } catch (e) { /* shown as notice */ }
    }));
    page.activeToggle = toggle;
  }
  return h('div', { class: 'detail-head' },
    h('div', {}, title, h('div', { class: 'subtitle', text: [d.short_name, d.description].filter(Boolean).join(' · ') || 'No description' })),
    h('div', { class: 'head-badges' },
      h('span', { class: 'badge badge-' + d.type, text: d.type }),
      h('span', { class: 'badge', text: d.data_format }),
      page.activePill, toggle));
}

function setActive(page, active) {
  page.d.active = active;
  page.activePill.textContent = active ? 'active' : 'inactive';
  page.activePill.className = 'pill ' + (active ? 'pill-on' : 'pill-off');
  if (page.activeToggle) page.activeToggle.textContent = active ? 'Deactivate' : 'Activate';
}

function onDetailEvents(page, batch) {
  for (const e of batch) {
    if (e.id !== page.id) continue;
    if (e.type === 'value') {
      if (page.d.value && page.d.value.timestamp > e.timestamp) continue; // an older value arriving late
      page.d.value = { value: e.value, timestamp: e.timestamp };
      updateValueCard(page, true);
    } else if (e.type === 'activation') {
      setActive(page, e.active);
    } else if ((e.type === 'setpoint' || e.type === 'schedule') && page.editors && page.editors[e.type]) {
      page.editors[e.type].serverChanged(e[e.type]);
    } else if (e.type === 'removed') {
      notify(`Datapoint ${page.id} was removed from the registry.`, 'warning');
    }
  }
}

// Value ---------------------------------------------------------------------------------------

function buildValueCard(page) {
  page.valueEl = h('span', { id: 'detail-value', class: 'big-value' });
  page.unitEl = h('span', { class: 'big-unit', text: page.d.unit || '' });
  page.ageEl = h('div', { id: 'detail-age', class: 'muted' });
  updateValueCard(page);
  return h('section', { class: 'card', id: 'card-value' },
    h('h2', { text: 'Latest value' }),
    h('div', { class: 'value-line' }, page.valueEl, page.unitEl),
    page.ageEl);
}

function updateValueCard(page, live = false) {
  const v = page.d.value;
  if (!page.valueEl) return;
  if (live || page.valueEl.dataset.ts !== String(v ? v.timestamp : '')) {
    page.valueEl.textContent = v ? fmtValue(v.value) : 'no value yet';
    page.valueEl.classList.toggle('muted', !v);
    page.valueEl.dataset.ts = v ? v.timestamp : '';
    if (live) flash(page.valueEl);
  }
  page.ageEl.textContent = v ? `${fmtAge(v.timestamp)} ago · ${fmtTime(v.timestamp)}` : '';
  page.ageEl.className = 'muted ' + (v ? ageClass(v.timestamp) : '');
}

function buildInfoCard(d) {
  return h('section', { class: 'card', id: 'card-info' },
    h('h2', { text: 'Sensor' }),
    h('p', { class: 'muted', text: 'A sensor reports values from the device; it cannot be written. ' + (d.active
      ? 'It is active: its values reach the registry, history and live stream.'
      : 'It is inactive: activate it to receive its values.') }));
}

// Write ---------------------------------------------------------------------------------------

function buildWriteCard(page) {
  const d = page.d;
  const card = h('section', { class: 'card', id: 'card-write' }, h('h2', { text: 'Write a value' }));
  if (!can('operator')) {
    card.append(h('p', { class: 'muted', text: 'Writing needs the operator role.' }));
    return card;
  }
  const editor = valueInput(d);
  const submit = h('button', { id: 'write-submit', type: 'submit', class: 'btn btn-primary', text: 'Write' });
  const outcome = h('div', { id: 'write-outcome', class: 'outcome', 'aria-live': 'polite', hidden: true });
  const form = h('form', { id: 'write-form', class: 'write-form', autocomplete: 'off', novalidate: true },
    h('label', { for: 'value-input', class: 'label', text: 'New value' + (d.unit ? ` (${d.unit})` : '') }),
    h('div', { class: 'input-row' }, editor.el, submit),
    editor.hint ? h('div', { class: 'hint', text: editor.hint }) : null,
    outcome);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const parsed = editor.read();
    if (parsed.error) { showOutcome(outcome, 'INVALID', parsed.error); return; }
    busy(submit, () => writeValue(page, parsed.value, outcome));
  });
  card.append(form);
  return card;
}

/** An input fitting the data format: a select for bools and allowed values, a number field for numbers. */
function valueInput(d) {
  const f = d.data_format;
  const current = d.value ? d.value.value : undefined;
  const allowed = Array.isArray(d.allowed_values) ? d.allowed_values : null;
  if (f === 'bool') {
    const el = h('select', { id: 'value-input', class: 'input' },
      h('option', { value: 'true', text: 'true', selected: current === true }),
      h('option', { value: 'false', text: 'false', selected: current === false }));
    return { el, read: () => ({ value: el.value === 'true' }) };
  }
  if ((f === 'discrete_numeric' || f === 'discrete_text') && allowed && allowed.length) {
    const el = h('select', { id: 'value-input', class: 'input' },
      allowed.map((a, i) => h('option', { value: String(i), text: fmtValue(a), selected: a === current })));
    return { el, read: () => ({ value: allowed[Number(el.value)] }) };
  }
  if (f === 'generic_numeric' || f === 'continuous_numeric' || f === 'discrete_numeric') {
    const el = h('input', {
      id: 'value-input', class: 'input', type: 'number', step: 'any', inputmode: 'decimal',
      min: d.min_value ?? null, max: d.max_value ?? null, value: typeof current === 'number' ? String(current) : '',
      placeholder: rangeText(d) || 'number',
    });
    return {
      el,
      hint: rangeText(d) ? 'Allowed: ' + rangeText(d) : null,
      read: () => {
        if (el.value.trim() === '') return { error: 'Enter a number.' };
        const n = Number(el.value);
        return Number.isFinite(n) ? { value: n } : { error: `'${el.value}' is not a number.` };
      },
    };
  }
  const el = h('input', { id: 'value-input', class: 'input', type: 'text', value: current === undefined ? '' : typeof current === 'string' ? current : JSON.stringify(current) });
  if (f === 'generic_text' || f === 'discrete_text') return { el, read: () => ({ value: el.value }) };
  // Unknown format: JSON if it parses (42, true, "x", [1,2]), else the text as a string.
  return {
    el,
    hint: 'Format unknown: JSON values such as 42, true or [1, 2] are sent as JSON, anything else as text.',
    read: () => { try { return { value: JSON.parse(el.value) }; } catch (e) { return { value: el.value }; } },
  };
}

function rangeText(d) {
  const min = d.min_value, max = d.max_value;
  if (min !== null && min !== undefined && max !== null && max !== undefined) return `${fmtValue(min)} … ${fmtValue(max)}`;
  if (min !== null && min !== undefined) return `≥ ${fmtValue(min)}`;
  if (max !== null && max !== undefined) return `≤ ${fmtValue(max)}`;
  return '';
}

async function writeValue(page, value, outcome) {
  setChildren(outcome, h('span', { class: 'muted', text: 'Waiting for the connector…' }));
  outcome.hidden = false;
  outcome.dataset.status = 'PENDING';
  try {
    // 409 (rejected), 502 (failed) and 504 (timeout) carry a WriteOutcome, not an error.
    const r = await api('datapoint/value?' + qid(page.id), { method: 'POST', body: { value }, accept: [409, 502, 504], notice: false });
    showOutcome(outcome, r.status, r.reason);
  } catch (e) {
    showOutcome(outcome, e instanceof ApiError && e.status === 422 ? 'INVALID' : 'ERROR', e.message);
  }
}

function showOutcome(el, status, reason) {
  const labels = { ACCEPTED: 'Accepted by the device', REJECTED: 'Rejected by the device', FAILED: 'Write failed', INVALID: 'Not written', ERROR: 'Not written' };
  el.hidden = false;
  el.dataset.status = status;
  el.className = 'outcome outcome-' + status.toLowerCase();
  setChildren(el,
    h('span', { class: 'outcome-status', text: status }),
    h('span', { class: 'outcome-reason', text: (labels[status] || '') + (reason ? ': ' + reason : '') }),
    h('span', { class: 'muted outcome-time', text: new Date().toLocaleTimeString() }),
    h('button', { type: 'button', class: 'notice-close', 'aria-label': 'Dismiss', text: '×', onclick: () => { el.hidden = true; } }));
}

// History -------------------------------------------------------------------------------------

const RANGES = {
  '1h': { from: '-1h', interval: '15s', ms: 15_000 },
  '24h': { from: '-24h', interval: '5m', ms: 300_000 },
  '7d': { from: '-7d', interval: '30m', ms: 1_800_000 },
};

function buildHistoryCard(page) {
  const d = page.d;
  const text = d.data_format === 'generic_text' || d.data_format === 'discrete_text';
  const opts = { range: '24h', aggregation: text || d.data_format === 'bool' ? 'last' : 'avg' };
  const chart = h('div', { id: 'history-chart', class: 'chart-box' });
  const msgEl = h('div', { id: 'history-message', hidden: true });
  const msg = inlineMessage(msgEl);
  const buttons = Object.keys(RANGES).map((r) => h('button', {
    id: 'history-range-' + r, type: 'button', class: 'seg' + (r === opts.range ? ' on' : ''), text: r, 'data-range': r,
  }));
  const agg = h('select', { id: 'history-aggregation', class: 'input input-small', 'aria-label': 'Aggregation', disabled: text },
    ['avg', 'min', 'max', 'last'].map((a) => h('option', { value: a, text: a, selected: a === opts.aggregation })));
  const refresh = h('button', { id: 'history-refresh', type: 'button', class: 'btn btn-small btn-ghost', text: 'Refresh' });
  const load = () => loadHistory(page, opts, chart, msg);
  buttons.forEach((b) => b.addEventListener('click', () => {
    opts.range = b.dataset.range;
    buttons.forEach((x) => x.classList.toggle('on', x === b));
    load();
  }));
  agg.addEventListener('change', () => { opts.aggregation = agg.value; load(); });
  refresh.addEventListener('click', load);
  // Re-draw on resize from the data already loaded; refresh the short range now and then.
  page.chartResize = new ResizeObserver(debounce(() => { if (page.history) draw(page, chart); }, 150));
  page.chartResize.observe(chart);
  page.timers.push(setInterval(() => { if (opts.range === '1h' && document.visibilityState === 'visible') load(); }, 60_000));
  setTimeout(load, 0);
  return h('section', { class: 'card', id: 'card-history' },
    h('div', { class: 'card-head' }, h('h2', { text: 'History' }),
      h('div', { class: 'card-tools' }, h('div', { class: 'segmented', role: 'group', 'aria-label': 'Range' }, buttons), agg, refresh)),
    msgEl, chart);
}

async function loadHistory(page, opts, chart, msg) {
  const r = RANGES[opts.range];
  const seq = page.historySeq = (page.historySeq || 0) + 1; // quick clicks: only the last answer counts
  chart.classList.add('is-loading');
  try {
    const data = await api(`datapoint/history?${qid(page.id)}&from=${r.from}&to=now&interval=${r.interval}&aggregation=${opts.aggregation}`,
      { notice: false });
    if (seq !== page.historySeq) return;
    msg.clear();
    page.history = { data, gap: r.ms * 2.5 };
    draw(page, chart);
  } catch (e) {
    if (seq !== page.historySeq) return;
    page.history = null;
    chart.replaceChildren();
    msg.show(e.status === 503 ? 'History is not available: ' + e.message : 'History could not be loaded: ' + e.message,
      e.status === 503 ? 'info' : 'error');
  } finally {
    chart.classList.remove('is-loading');
  }
}

function draw(page, chart) {
  const { data, gap } = page.history;
  const raw = data.points || [];
  const texts = raw.filter((p) => typeof p.value === 'string' || (p.value && typeof p.value === 'object'));
  if (texts.length) {
    // Text values cannot be drawn: list the latest ones.
    setChildren(chart, h('table', { class: 'table compact' },
      h('thead', {}, h('tr', {}, h('th', { text: 'Time' }), h('th', { text: 'Value' }))),
      h('tbody', {}, raw.slice(-50).reverse().map((p) => h('tr', {}, h('td', { text: fmtTime(p.timestamp) }), h('td', { class: 'mono', text: fmtValue(p.value) }))))));
    return;
  }
  const bool = raw.some((p) => typeof p.value === 'boolean');
  const points = raw.map((p) => ({ t: p.timestamp, v: typeof p.value === 'boolean' ? Number(p.value) : p.value }));
  renderChart(chart, { points, from: data.from, to: data.to, unit: page.d.unit, step: bool, gap });
}

// Setpoint and schedule ------------------------------------------------------------------------

/**
 * An editor of the BEMCom item list of a setpoint or schedule: a JSON textarea with a readable
 * preview of the items, client-side JSON checks and the server's validation message.
 */
function buildMessageEditor(page, kind) {
  const d = page.d;
  const title = kind === 'setpoint' ? 'Setpoint' : 'Schedule';
  const area = h('textarea', { id: kind + '-input', class: 'input code', rows: 10, spellcheck: 'false', 'aria-label': title + ' items (JSON)', readonly: !can('operator') });
  const preview = h('div', { class: 'items-preview', id: kind + '-preview' });
  const msgEl = h('div', { id: kind + '-message', hidden: true });
  const msg = inlineMessage(msgEl);
  const stamp = h('span', { class: 'muted', id: kind + '-timestamp' });
  const set = (message) => {
    const items = message && Array.isArray(message[kind]) ? message[kind] : [];
    area.value = JSON.stringify(items, null, 2);
    area.dataset.dirty = '';
    stamp.textContent = message && message.timestamp ? 'Set ' + fmtTime(message.timestamp) : 'Not set';
    renderPreview(kind, area.value, preview, msg);
  };
  set(d[kind]);
  area.addEventListener('input', debounce(() => { area.dataset.dirty = '1'; renderPreview(kind, area.value, preview, msg); }, 200));
  const tools = [];
  if (can('operator')) {
    const add = h('button', { id: kind + '-add', type: 'button', class: 'btn btn-small btn-ghost', text: 'Add item' });
    add.addEventListener('click', () => addTemplateItem(kind, d, area, preview, msg));
    const clear = h('button', { id: kind + '-clear', type: 'button', class: 'btn btn-small btn-ghost', text: 'Clear' });
    clear.addEventListener('click', () => { area.value = '[]'; area.dataset.dirty = '1'; renderPreview(kind, area.value, preview, msg); });
    const save = h('button', { id: kind + '-save', type: 'button', class: 'btn btn-small btn-primary', text: 'Save' });
    save.addEventListener('click', () => busy(save, () => saveMessage(page, kind, area, msg, set)));
    tools.push(add, clear, save);
  }
  const reload = h('button', { id: kind + '-reload', type: 'button', class: 'btn btn-small btn-ghost', text: 'Reload' });
  reload.addEventListener('click', () => busy(reload, async () => {
    try { set(await api(`datapoint/${kind}?` + qid(page.id), { notice: false })); msg.clear(); } catch (e) { msg.show(e.message); }
  }));
  tools.unshift(reload);
  page.editors = page.editors || {};
  page.editors[kind] = {
    serverChanged(message) {
      if (area.dataset.dirty) msg.show(`The ${kind} was changed on the gateway while you edit; Reload shows it.`, 'info');
      else set(message);
    },
  };
  return h('section', { class: 'card', id: 'card-' + kind },
    h('div', { class: 'card-head' }, h('h2', { text: title }), stamp),
    h('p', { class: 'hint', text: kind === 'setpoint'
      ? 'BEMCom setpoint items: from_timestamp, to_timestamp (epoch ms, null = open), preferred_value, and acceptable_values or min_value/max_value.'
      : 'BEMCom schedule items: from_timestamp, to_timestamp (epoch ms, null = open) and value.' }),
    area, preview, msgEl, h('div', { class: 'form-actions' }, tools));
}

function renderPreview(kind, text, preview, msg) {
  let items;
  try {
    items = JSON.parse(text);
  } catch (e) {
    clientError(msg, 'JSON syntax error: ' + e.message);
    preview.replaceChildren();
    return null;
  }
  if (!Array.isArray(items)) {
    clientError(msg, `The ${kind} must be a JSON array of items.`);
    preview.replaceChildren();
    return null;
  }
  if (msg.client) { msg.clear(); msg.client = false; }
  const rows = items.map((it) => {
    const rest = { ...it };
    delete rest.from_timestamp;
    delete rest.to_timestamp;
    return h('tr', {},
      h('td', { text: it && it.from_timestamp ? fmtTime(it.from_timestamp) : 'open' }),
      h('td', { text: it && it.to_timestamp ? fmtTime(it.to_timestamp) : 'open' }),
      h('td', { class: 'mono', text: JSON.stringify(rest) }));
  });
  setChildren(preview, items.length
    ? h('table', { class: 'table compact' }, h('thead', {}, h('tr', {}, h('th', { text: 'From' }), h('th', { text: 'To' }), h('th', { text: 'Values' }))), h('tbody', {}, rows))
    : h('div', { class: 'muted', text: `No ${kind} items.` }));
  return items;
}

/** A message found while typing; unlike the server's answers it goes away once the text is fixed. */
function clientError(msg, text) {
  msg.show(text);
  msg.client = true;
}

function addTemplateItem(kind, d, area, preview, msg) {
  let items;
  try { items = JSON.parse(area.value || '[]'); } catch (e) { msg.show('Fix the JSON first: ' + e.message); return; }
  if (!Array.isArray(items)) items = [];
  const from = Math.ceil(Date.now() / 60_000) * 60_000;
  const to = from + 3_600_000;
  const current = d.value ? d.value.value : null;
  if (kind === 'schedule') {
    items.push({ from_timestamp: from, to_timestamp: to, value: current });
  } else if (Array.isArray(d.allowed_values) && d.allowed_values.length) {
    items.push({ from_timestamp: from, to_timestamp: to, preferred_value: current ?? d.allowed_values[0], acceptable_values: d.allowed_values });
  } else if (d.data_format === 'continuous_numeric' || d.data_format === 'generic_numeric') {
    const pv = typeof current === 'number' ? current : (d.min_value ?? 0);
    items.push({ from_timestamp: from, to_timestamp: to, preferred_value: pv, min_value: d.min_value ?? pv, max_value: d.max_value ?? pv });
  } else {
    items.push({ from_timestamp: from, to_timestamp: to, preferred_value: current });
  }
  area.value = JSON.stringify(items, null, 2);
  area.dataset.dirty = '1';
  renderPreview(kind, area.value, preview, msg);
}

async function saveMessage(page, kind, area, msg, set) {
  let items;
  try { items = JSON.parse(area.value); } catch (e) { msg.show('JSON syntax error: ' + e.message); return; }
  if (!Array.isArray(items)) { msg.show(`The ${kind} must be a JSON array of items.`); return; }
  try {
    const saved = await api(`datapoint/${kind}?` + qid(page.id), { method: 'PUT', body: { [kind]: items }, notice: false });
    set(saved);
    msg.show(`${kind === 'setpoint' ? 'Setpoint' : 'Schedule'} saved (${items.length} item${items.length === 1 ? '' : 's'}).`, 'success');
  } catch (e) {
    msg.show(e.message);
  }
}

// Metadata ------------------------------------------------------------------------------------

const META_FIELDS = [
  ['short_name', 'Short name', 'text'],
  ['description', 'Description', 'text'],
  ['unit', 'Unit', 'text'],
  ['data_format', 'Data format', 'format'],
  ['min_value', 'Minimum', 'number'],
  ['max_value', 'Maximum', 'number'],
  ['allowed_values', 'Allowed values (JSON array)', 'json'],
];

function buildMetadataCard(page) {
  const d = page.d;
  const editable = can('operator');
  const inputs = {};
  const fields = META_FIELDS.map(([key, label, kind]) => {
    let input;
    if (kind === 'format') {
      input = h('select', { class: 'input' }, FORMATS.map((f) => h('option', { value: f, text: f, selected: f === d.data_format })));
    } else {
      input = h('input', { class: 'input', type: kind === 'number' ? 'number' : 'text', step: kind === 'number' ? 'any' : null });
    }
    input.id = 'meta-' + key;
    input.disabled = !editable;
    inputs[key] = input;
    return h('div', { class: 'field' }, h('label', { class: 'label', for: input.id, text: label }), input);
  });
  const fill = (x) => {
    for (const [key, , kind] of META_FIELDS) {
      const v = x[key];
      if (kind === 'json') inputs[key].value = v === null || v === undefined ? '' : JSON.stringify(v);
      else inputs[key].value = v === null || v === undefined ? '' : String(v);
    }
  };
  fill(d);
  const msgEl = h('div', { id: 'metadata-message', hidden: true });
  const msg = inlineMessage(msgEl);
  const form = h('form', { id: 'metadata-form', class: 'form-grid', autocomplete: 'off', novalidate: true }, fields);
  const facts = h('dl', { class: 'facts' },
    fact('Id', d.id), fact('Connector', d.connector), fact('Key', d.key), fact('Number', d.number), fact('Type', d.type),
    fact('Example value', d.example_value === null || d.example_value === undefined ? '–' : fmtValue(d.example_value)));
  const card = h('section', { class: 'card', id: 'card-metadata' }, h('h2', { text: 'Metadata' }), facts, form, msgEl);
  if (editable) {
    const save = h('button', { id: 'metadata-save', type: 'submit', class: 'btn btn-primary', text: 'Save metadata' });
    form.append(h('div', { class: 'form-actions' }, save));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      busy(save, () => saveMetadata(page, inputs, msg));
    });
  }
  return card;
}

function fact(label, value) {
  return [h('dt', { text: label }), h('dd', { class: 'mono', text: String(value) })];
}

async function saveMetadata(page, inputs, msg) {
  const body = {};
  for (const [key, label, kind] of META_FIELDS) {
    const raw = inputs[key].value.trim();
    if (kind === 'number') {
      if (raw !== '' && !Number.isFinite(Number(raw))) { msg.show(`${label}: '${raw}' is not a number.`); return; }
      body[key] = raw === '' ? null : Number(raw);
    } else if (kind === 'json') {
      if (raw === '') { body[key] = null; continue; }
      try { body[key] = JSON.parse(raw); } catch (e) { msg.show(`${label}: not valid JSON (${e.message}). Example: [0, 1, 2] or ["on", "off"]`); return; }
      if (!Array.isArray(body[key])) { msg.show(`${label}: must be a JSON array such as [0, 1, 2].`); return; }
    } else {
      body[key] = key === 'short_name' && raw === '' ? null : raw;
    }
  }
  let d;
  try {
    d = await api('datapoint/metadata?' + qid(page.id), { method: 'PUT', body, notice: false });
  } catch (e) {
    msg.show(e.message);
    return;
  }
  if (datapoints.loaded) datapoints.put(d);
  // Format, unit and limits shape the whole page (write input, chart): draw it again.
  page.d = Object.assign(page.d, d);
  notify(`Metadata of ${page.id} saved.`, 'success');
  rerender(page);
}

// The datapoints list: all datapoints in a virtualised grid, filtered and sorted on the client,
// values and ages kept live from the event stream, bulk activation for operators.

import {
  h, setChildren, api, notify, can, debounce, busy, fmtValue, fmtAge, ageClass, fmtTime, flash,
} from './lib.js';
import { datapoints, connectors } from './store.js';
import { VirtualTable } from './vtable.js';

const ROW_HEIGHT = 48;

/** List state that survives leaving for a detail page and coming back. */
const listState = { q: '', connector: '', type: '', active: '', sort: 'id', dir: 1, scrollTop: 0, selected: new Set() };

export const detailHref = (id) => '#/datapoint/' + encodeURIComponent(id);

// =============================================================================================
// List

/**
 * Mounts the datapoints list into view.
 * @param {URLSearchParams} query filters from the URL (connector, q, type, active)
 * @returns the clean-up function
 */
export function mountDatapointList(view, query) {
  for (const k of ['q', 'connector', 'type', 'active']) if (query.has(k)) listState[k] = query.get(k);
  const ui = buildListUi();
  setChildren(view, ui.root);
  const vt = new VirtualTable({
    scroller: ui.scroller, canvas: ui.canvas, rowHeight: ROW_HEIGHT,
    createRow, fillRow, keyOf: (d) => d.id,
  });
  const list = { ui, vt, items: [] };
  wireListEvents(list);
  const offs = [
    datapoints.on('progress', (p) => showProgress(ui, p)),
    datapoints.on('structure', () => { refreshConnectorOptions(ui); applyFilter(list); }),
    datapoints.on('values', (ids) => vt.refresh(ids, fillValue)),
  ];
  const ticker = setInterval(() => {
    const now = Date.now();
    vt.forEachVisible((row, d) => fillAge(row, d, now));
  }, 1000);
  if (datapoints.loaded) {
    refreshConnectorOptions(ui);
    applyFilter(list);
    ui.scroller.scrollTop = listState.scrollTop;
  } else {
    showProgress(ui, { loaded: 0, total: 0 });
  }
  datapoints.ensureLoaded().catch((e) => {
    ui.loading.hidden = false;
    setChildren(ui.loading, h('div', { class: 'empty-state error', text: 'Datapoints could not be loaded: ' + e.message }),
      h('button', { class: 'btn', type: 'button', text: 'Try again', onclick: () => location.reload() }));
  });
  return () => {
    listState.scrollTop = ui.scroller.scrollTop;
    clearInterval(ticker);
    offs.forEach((off) => off());
    vt.destroy();
  };
}

function buildListUi() {
  const ui = {};
  ui.search = h('input', {
    id: 'datapoint-search', type: 'search', class: 'input search', placeholder: 'Search id, name or description…',
    value: listState.q, 'aria-label': 'Search datapoints', autocomplete: 'off',
  });
  ui.connector = h('select', { id: 'datapoint-filter-connector', class: 'input', 'aria-label': 'Connector' },
    h('option', { value: '', text: 'All connectors' }));
  ui.type = select('datapoint-filter-type', 'Type', [['', 'Sensors & actuators'], ['sensor', 'Sensors'], ['actuator', 'Actuators']], listState.type);
  ui.active = select('datapoint-filter-active', 'Activation', [['', 'Active & inactive'], ['true', 'Active'], ['false', 'Inactive']], listState.active);
  ui.count = h('span', { id: 'datapoint-count', class: 'muted count' });
  ui.bulk = buildBulkBar(ui);
  ui.selectAll = h('input', { id: 'datapoint-select-all', type: 'checkbox', 'aria-label': 'Select all shown datapoints' });
  ui.head = h('div', { class: 'dp-row dp-head', role: 'row' },
    h('span', { class: 'c-sel' }, can('operator') ? ui.selectAll : null),
    sortHeader('id', 'Datapoint'), sortHeader('type', 'Type'), sortHeader('active', 'State'),
    sortHeader('value', 'Value', true), sortHeader('age', 'Updated', true));
  ui.canvas = h('div', { class: 'vt-canvas', role: 'rowgroup' });
  ui.loading = h('div', { class: 'vt-overlay', id: 'datapoint-loading' });
  ui.empty = h('div', { class: 'vt-overlay empty-state', hidden: true, text: 'No datapoint matches these filters.' });
  ui.scroller = h('div', { id: 'datapoint-table', class: 'vt-scroller', role: 'grid', 'aria-label': 'Datapoints', tabindex: '0' },
    ui.head, ui.canvas, ui.loading, ui.empty);
  ui.root = h('div', { class: 'view-fill', id: 'datapoints-view' },
    h('div', { class: 'toolbar' },
      ui.search, ui.connector, ui.type, ui.active, h('span', { class: 'spacer' }), ui.count),
    ui.bulk.el, ui.scroller);
  return ui;
}

function select(id, label, options, value) {
  return h('select', { id, class: 'input', 'aria-label': label },
    options.map(([v, t]) => h('option', { value: v, text: t, selected: v === value })));
}

function sortHeader(key, label, right = false) {
  return h('button', { type: 'button', class: 'th' + (right ? ' th-right' : ''), 'data-sort': key, text: label, title: 'Sort by ' + label.toLowerCase() });
}

function buildBulkBar(ui) {
  const info = h('span', { id: 'selection-count' });
  const activate = h('button', { id: 'bulk-activate', type: 'button', class: 'btn btn-small', text: 'Activate' });
  const deactivate = h('button', { id: 'bulk-deactivate', type: 'button', class: 'btn btn-small', text: 'Deactivate' });
  const clear = h('button', { id: 'bulk-clear', type: 'button', class: 'btn btn-small btn-ghost', text: 'Clear selection' });
  const el = h('div', { class: 'bulkbar', id: 'bulk-bar', hidden: true }, info, activate, deactivate, clear);
  return { el, info, activate, deactivate, clear };
}

function wireListEvents(list) {
  const { ui } = list;
  const refilter = () => { saveFiltersToUrl(); applyFilter(list); };
  ui.search.addEventListener('input', debounce(() => { listState.q = ui.search.value; refilter(); }, 120));
  ui.connector.addEventListener('change', () => { listState.connector = ui.connector.value; refilter(); });
  ui.type.addEventListener('change', () => { listState.type = ui.type.value; refilter(); });
  ui.active.addEventListener('change', () => { listState.active = ui.active.value; refilter(); });
  ui.head.addEventListener('click', (e) => {
    const th = e.target.closest('[data-sort]');
    if (!th) return;
    const key = th.dataset.sort;
    listState.dir = listState.sort === key ? -listState.dir : (key === 'age' ? -1 : 1);
    listState.sort = key;
    applyFilter(list);
  });
  ui.selectAll.addEventListener('change', () => {
    for (const d of list.items) {
      if (ui.selectAll.checked) listState.selected.add(d.id); else listState.selected.delete(d.id);
    }
    list.vt.render(true);
    updateSelection(list);
  });
  ui.canvas.addEventListener('click', (e) => onRowClick(list, e));
  ui.scroller.addEventListener('keydown', (e) => onTableKey(list, e));
  ui.bulk.activate.addEventListener('click', () => bulkActivate(list, true, ui.bulk.activate));
  ui.bulk.deactivate.addEventListener('click', () => bulkActivate(list, false, ui.bulk.deactivate));
  ui.bulk.clear.addEventListener('click', () => { listState.selected.clear(); list.vt.render(true); updateSelection(list); });
}

function onRowClick(list, e) {
  const row = e.target.closest('.dp-row');
  if (!row) return;
  const id = row.dataset.id;
  if (e.target.matches('input[type=checkbox]')) {
    if (e.target.checked) listState.selected.add(id); else listState.selected.delete(id);
    updateSelection(list);
    return;
  }
  if (e.target.closest('a')) return; // the link navigates by itself
  location.hash = detailHref(id);
}

/** Arrow keys move a focus row, Enter opens it, Space selects it. */
function onTableKey(list, e) {
  if (e.target !== list.ui.scroller || !list.items.length) return;
  const n = list.items.length;
  let i = list.focus ?? -1;
  if (e.key === 'ArrowDown') i = Math.min(n - 1, i + 1);
  else if (e.key === 'ArrowUp') i = Math.max(0, i - 1);
  else if (e.key === 'Enter' && i >= 0) { location.hash = detailHref(list.items[i].id); return; }
  else if (e.key === ' ' && i >= 0 && can('operator')) {
    const id = list.items[i].id;
    if (listState.selected.has(id)) listState.selected.delete(id); else listState.selected.add(id);
    list.vt.render(true);
    updateSelection(list);
  } else return;
  e.preventDefault();
  list.focus = i;
  list.ui.scroller.dataset.focus = list.items[i].id;
  list.vt.scrollToIndex(i);
  list.vt.render(true);
}

function saveFiltersToUrl() {
  const p = new URLSearchParams();
  for (const k of ['q', 'connector', 'type', 'active']) if (listState[k]) p.set(k, listState[k]);
  const qs = p.toString();
  history.replaceState(null, '', '#/datapoints' + (qs ? '?' + qs : ''));
}

function refreshConnectorOptions(ui) {
  const names = [...new Set([...datapoints.connectors(), ...connectors.list().map((c) => c.name)])].sort();
  if (listState.connector && !names.includes(listState.connector)) names.push(listState.connector);
  const key = names.join('\n');
  if (ui.connector.dataset.key === key) return;
  ui.connector.dataset.key = key;
  setChildren(ui.connector, h('option', { value: '', text: 'All connectors' }),
    names.map((n) => h('option', { value: n, text: n, selected: n === listState.connector })));
}

const collator = new Intl.Collator(undefined, { numeric: true });

function comparator(sort, dir) {
  const byId = (a, b) => collator.compare(a.id, b.id);
  const by = {
    id: byId,
    type: (a, b) => a.type.localeCompare(b.type) || byId(a, b),
    active: (a, b) => Number(b.active) - Number(a.active) || byId(a, b),
    age: (a, b) => (a.ts || 0) - (b.ts || 0) || byId(a, b),
    value: (a, b) => compareValues(a.value && a.value.value, b.value && b.value.value) || byId(a, b),
  }[sort] || byId;
  return (a, b) => dir * by(a, b);
}

function compareValues(x, y) {
  const nx = typeof x === 'number', ny = typeof y === 'number';
  if (nx && ny) return x - y;
  if (nx !== ny) return nx ? -1 : 1;
  return collator.compare(x === undefined || x === null ? '' : String(x), y === undefined || y === null ? '' : String(y));
}

function applyFilter(list) {
  if (!datapoints.loaded) return;
  const { ui } = list;
  const terms = listState.q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const all = datapoints.all();
  let items = all.filter((d) => (!listState.connector || d.connector === listState.connector)
    && (!listState.type || d.type === listState.type)
    && (!listState.active || String(d.active) === listState.active)
    && terms.every((t) => d.hay.includes(t)));
  if (listState.sort !== 'id' || listState.dir !== 1) items = items.slice().sort(comparator(listState.sort, listState.dir));
  list.items = items;
  list.vt.setItems(items);
  ui.loading.hidden = true;
  ui.empty.hidden = items.length > 0;
  ui.count.textContent = items.length === all.length ? `${all.length.toLocaleString()} datapoints`
    : `${items.length.toLocaleString()} of ${all.length.toLocaleString()} datapoints`;
  for (const th of ui.head.querySelectorAll('[data-sort]')) {
    th.classList.toggle('sorted', th.dataset.sort === listState.sort);
    th.classList.toggle('desc', th.dataset.sort === listState.sort && listState.dir < 0);
  }
  updateSelection(list);
}

function showProgress(ui, p) {
  if (datapoints.loaded) return; // a background reload keeps showing the old list
  ui.loading.hidden = false;
  const pct = p.total ? Math.round((100 * p.loaded) / p.total) : 0;
  const bar = h('div', { class: 'progress-bar' });
  bar.style.width = pct + '%';
  setChildren(ui.loading, h('div', { class: 'loading-box' },
    h('div', { class: 'spinner' }),
    h('div', { text: p.total ? `Loading datapoints… ${p.loaded.toLocaleString()} of ${p.total.toLocaleString()}` : 'Loading datapoints…' }),
    h('div', { class: 'progress' }, bar)));
}

function updateSelection(list) {
  const { ui } = list;
  // Forget selected ids that no longer exist.
  for (const id of listState.selected) if (!datapoints.byId.has(id)) listState.selected.delete(id);
  const n = listState.selected.size;
  ui.bulk.el.hidden = n === 0 || !can('operator');
  ui.bulk.info.textContent = `${n.toLocaleString()} selected`;
  const shownSelected = list.items.reduce((c, d) => c + (listState.selected.has(d.id) ? 1 : 0), 0);
  ui.selectAll.checked = shownSelected > 0 && shownSelected === list.items.length;
  ui.selectAll.indeterminate = shownSelected > 0 && shownSelected < list.items.length;
}

async function bulkActivate(list, active, button) {
  const ids = [...listState.selected];
  await busy(button, async () => {
    try {
      const r = await api('datapoints/activation', { method: 'POST', body: { ids, active } });
      for (const id of ids) { const d = datapoints.byId.get(id); if (d) d.active = active; }
      notify(`${active ? 'Activated' : 'Deactivated'} ${ids.length.toLocaleString()} datapoint(s); ${r.changed} changed.`, 'success');
      listState.selected.clear();
      applyFilter(list);
    } catch (e) { /* the notice shows the server's reason */ }
  });
}

// Rows -----------------------------------------------------------------------------------------

function createRow() {
  const c = {
    sel: h('input', { type: 'checkbox', 'data-test': 'row-select', 'aria-label': 'Select', tabindex: '-1' }),
    link: h('a', { class: 'dp-link' }),
    conn: h('span', { class: 'dp-conn' }),
    key: h('span', { class: 'dp-key' }),
    desc: h('span', { class: 'dp-desc' }),
    type: h('span', { class: 'badge' }),
    active: h('span', { class: 'pill' }),
    value: h('span', { class: 'v' }),
    unit: h('span', { class: 'unit' }),
    age: h('span', { class: 'c-age', 'data-test': 'age' }),
  };
  c.link.append(c.conn, c.key);
  c.valueCell = h('span', { class: 'c-value', 'data-test': 'value' }, c.value, c.unit);
  const row = h('div', { class: 'dp-row', role: 'row' },
    h('span', { class: 'c-sel' }, can('operator') ? c.sel : null),
    h('span', { class: 'c-id' }, c.link, c.desc),
    h('span', { class: 'c-type' }, c.type),
    h('span', { class: 'c-active' }, c.active),
    c.valueCell, c.age);
  row.cells = c;
  return row;
}

function fillRow(row, d) {
  const c = row.cells;
  c.link.href = detailHref(d.id);
  c.conn.textContent = d.connector + '/';
  c.key.textContent = d.key;
  c.desc.textContent = [d.short_name, d.description].filter(Boolean).join(' · ');
  c.type.textContent = d.type;
  c.type.className = 'badge badge-' + d.type;
  c.active.textContent = d.active ? 'active' : 'inactive';
  c.active.className = 'pill ' + (d.active ? 'pill-on' : 'pill-off');
  c.sel.checked = listState.selected.has(d.id);
  row.classList.toggle('inactive', !d.active);
  row.classList.toggle('selected', c.sel.checked);
  row.classList.toggle('focused', d.id === focusKeyOf(row));
  fillValue(row, d, false);
}

function focusKeyOf(row) {
  const table = row.closest('.vt-scroller');
  return table && table.dataset.focus;
}

function fillValue(row, d, live) {
  const c = row.cells;
  const v = d.value ? d.value.value : undefined;
  c.value.textContent = d.value ? fmtValue(v) : '';
  c.value.className = 'v' + (v === null ? ' null' : '') + (typeof v === 'boolean' ? ' bool-' + v : '');
  c.unit.textContent = d.value && d.unit ? d.unit : '';
  fillAge(row, d, Date.now());
  if (live) flash(c.valueCell);
}

function fillAge(row, d, now) {
  const c = row.cells;
  const text = fmtAge(d.ts, now);
  if (c.age.textContent !== text) c.age.textContent = text;
  const cls = 'c-age ' + ageClass(d.ts, now);
  if (c.age.className !== cls) c.age.className = cls;
  c.age.title = d.ts ? fmtTime(d.ts) : 'no value yet';
}

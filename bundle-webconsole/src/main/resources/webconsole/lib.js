// Shared infrastructure of the console: DOM building, notices, the REST client with CSRF and
// 401 handling, formatting, a confirmation dialog and the live event stream.

// ---------------------------------------------------------------------------------------------
// DOM

/**
 * Builds an element. attrs: class, text, dataset-like "data-*", event handlers "onclick"…, boolean
 * properties (checked, disabled…) and plain attributes. Children: nodes, strings or arrays; null skipped.
 * Text is always set as text, never as HTML, so server data cannot inject markup.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value') el.value = v;
    else if (k === 'checked' || k === 'selected' || k === 'disabled' || k === 'required' || k === 'multiple') el[k] = Boolean(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Short for document.getElementById. */
export const byId = (id) => document.getElementById(id);

/** Replaces all children of el. */
export function setChildren(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** @returns a function that runs fn once calls have stopped for ms milliseconds */
export function debounce(fn, ms) {
  let t = 0;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
}

/** A minimal event emitter: on() returns the function that unsubscribes. */
export class Emitter {
  constructor() { this.handlers = new Map(); }
  on(type, fn) {
    if (!this.handlers.has(type)) this.handlers.set(type, new Set());
    this.handlers.get(type).add(fn);
    return () => this.handlers.get(type).delete(fn);
  }
  emit(type, data) {
    for (const fn of this.handlers.get(type) || []) {
      try { fn(data); } catch (e) { console.error(e); notify('UI error: ' + e.message); }
    }
  }
}

/** Briefly highlights a changed value; the Web Animations API needs no inline style attribute. */
export function flash(el) {
  if (el.animate) el.animate([{ backgroundColor: 'rgba(37, 99, 235, 0.16)' }, { backgroundColor: 'rgba(37, 99, 235, 0)' }], { duration: 900, easing: 'ease-out' });
}

// ---------------------------------------------------------------------------------------------
// Notices: every error the server sends ends up here (or inline next to the form it belongs to).

const NOTICE_TIMEOUT = { success: 4000, info: 6000 };

/**
 * Shows a dismissible notice. Errors stay until dismissed; the same message twice is counted
 * rather than stacked, so a flapping connection does not bury the page.
 * @returns the notice element (callers may remove it when the condition is over)
 */
export function notify(message, kind = 'error') {
  const box = byId('notices');
  if (!box) { console.warn(message); return; }
  for (const n of box.children) {
    if (n.dataset.message === message && n.dataset.kind === kind) {
      const c = n.querySelector('.notice-count');
      c.textContent = '×' + (Number(c.dataset.n || 1) + 1);
      c.dataset.n = Number(c.dataset.n || 1) + 1;
      return n;
    }
  }
  const close = h('button', { class: 'notice-close', type: 'button', 'aria-label': 'Dismiss', 'data-test': 'notice-close', text: '×' });
  const n = h('div', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status', 'data-test': 'notice' },
    h('span', { class: 'notice-text', text: message }), h('span', { class: 'notice-count' }), close);
  n.dataset.message = message;
  n.dataset.kind = kind;
  close.addEventListener('click', () => n.remove());
  box.append(n);
  if (NOTICE_TIMEOUT[kind]) setTimeout(() => n.remove(), NOTICE_TIMEOUT[kind]);
  return n;
}

/**
 * An inline message area for a form: visible next to the form, dismissible, cleared by the next try.
 * @returns {{show(text, kind), clear()}}
 */
export function inlineMessage(el) {
  return {
    show(text, kind = 'error') {
      this.client = false; // see detail.js: messages found while typing set it after show()
      const close = h('button', { class: 'notice-close', type: 'button', 'aria-label': 'Dismiss', text: '×', onclick: () => this.clear() });
      setChildren(el, h('span', { class: 'notice-text', text }), close);
      el.className = `inline-msg notice-${kind}`;
      el.hidden = false;
      el.dataset.kind = kind;
    },
    clear() { el.replaceChildren(); el.hidden = true; delete el.dataset.kind; },
  };
}

// ---------------------------------------------------------------------------------------------
// Session and REST client

export const session = { user: null, role: 'viewer', csrfToken: null };
const ROLES = ['viewer', 'operator', 'admin'];

/** @returns true if the logged-in user holds at least the given role */
export function can(role) {
  return ROLES.indexOf(session.role) >= ROLES.indexOf(role);
}

/** An error answer of the API; message is the server's own {"error": …} text. */
export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/** Leaves for the login page, remembering where the user was. */
export function toLogin() {
  try { sessionStorage.setItem('bemgate.returnTo', location.hash || ''); } catch (e) { /* private mode */ }
  location.href = 'login';
}

/**
 * Calls the API below api/v1/. Non-GET requests carry the CSRF token. 401 leaves for the login
 * page. Any other non-2xx answer throws an ApiError with the server's message; unless
 * opts.notice is false that message is also shown as a notice.
 * @param {string} path such as "datapoints?limit=10"
 * @param {{method?, body?, raw?, contentType?, headers?, notice?, accept?: number[]}} opts
 *   body: an object sent as JSON, or raw (Blob/File) sent as is; accept: extra statuses to
 *   return rather than throw (the write endpoint answers 409/502/504 with a WriteOutcome).
 */
export async function api(path, opts = {}) {
  const method = opts.method || 'GET';
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', ...(opts.headers || {}) };
  let body;
  if (opts.raw !== undefined) {
    body = opts.raw;
    headers['Content-Type'] = opts.contentType || 'application/octet-stream';
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && session.csrfToken) headers['X-CSRF-Token'] = session.csrfToken;
  let resp;
  try {
    resp = await fetch('api/v1/' + path, { method, headers, body, credentials: 'same-origin', cache: 'no-store' });
  } catch (e) {
    const err = new ApiError(0, `cannot reach the gateway (${method} ${path}): ${e.message}`);
    if (opts.notice !== false) notify(err.message);
    throw err;
  }
  if (resp.status === 401) {
    toLogin();
    throw new ApiError(401, 'login required');
  }
  const data = await readBody(resp);
  if (resp.ok || (opts.accept || []).includes(resp.status)) return data;
  const message = (data && typeof data === 'object' && data.error) ? data.error
    : `${method} ${path} failed: HTTP ${resp.status}${typeof data === 'string' && data ? ' – ' + data.slice(0, 200) : ''}`;
  const err = new ApiError(resp.status, message, data);
  if (opts.notice !== false) notify(message);
  throw err;
}

async function readBody(resp) {
  const text = await resp.text();
  if (!text) return null;
  try { return JSON.parse(text); } catch (e) { return text; }
}

/** Encodes a datapoint id for the ?id= parameter (keys may contain '/', '+', '&'). */
export const qid = (id) => 'id=' + encodeURIComponent(id);

// ---------------------------------------------------------------------------------------------
// Formatting

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 });
const smallFormat = new Intl.NumberFormat(undefined, { maximumSignificantDigits: 4 });

/** A value as text: numbers rounded for reading, objects as JSON, null as "–". */
export function fmtValue(v) {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'number') return Math.abs(v) < 0.01 && v !== 0 ? smallFormat.format(v) : numberFormat.format(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A duration in ms as "12 s", "5 min", "3 h", "2 d". */
export function fmtDuration(ms) {
  if (ms < 0) ms = 0;
  const s = Math.floor(ms / 1000);
  if (s < 60) return s + ' s';
  if (s < 3600) return Math.floor(s / 60) + ' min';
  if (s < 86400) return Math.floor(s / 3600) + ' h ' + (Math.floor(s / 60) % 60) + ' min';
  return Math.floor(s / 86400) + ' d ' + (Math.floor(s / 3600) % 24) + ' h';
}

/** The age of an epoch-ms timestamp, compact for table cells. */
export function fmtAge(ts, now = Date.now()) {
  if (!ts) return '';
  const s = Math.max(0, Math.floor((now - ts) / 1000));
  if (s < 60) return s + ' s';
  if (s < 3600) return Math.floor(s / 60) + ' min';
  if (s < 86400) return Math.floor(s / 3600) + ' h';
  return Math.floor(s / 86400) + ' d';
}

/** A CSS class for how stale a value is. */
export function ageClass(ts, now = Date.now()) {
  if (!ts) return 'age-none';
  const age = now - ts;
  return age < 60_000 ? 'age-fresh' : age < 900_000 ? 'age-ok' : age < 86_400_000 ? 'age-old' : 'age-stale';
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

/** Epoch ms as local date and time. */
export function fmtTime(ts) {
  return ts ? dateTime.format(new Date(ts)) : '–';
}

// ---------------------------------------------------------------------------------------------
// Confirmation dialog (no window.confirm: it blocks the page and test drivers alike)

/** @returns a promise of true if the user confirms */
export function confirmAction(title, text, okLabel = 'OK', danger = true) {
  return new Promise((resolve) => {
    const ok = h('button', { id: 'confirm-ok', type: 'button', class: danger ? 'btn btn-danger' : 'btn btn-primary', text: okLabel });
    const cancel = h('button', { id: 'confirm-cancel', type: 'button', class: 'btn', text: 'Cancel' });
    const dlg = h('dialog', { id: 'confirm-dialog', class: 'dialog' },
      h('h3', { text: title }), h('p', { text }), h('div', { class: 'dialog-actions' }, cancel, ok));
    const done = (v) => { dlg.close(); dlg.remove(); resolve(v); };
    ok.addEventListener('click', () => done(true));
    cancel.addEventListener('click', () => done(false));
    dlg.addEventListener('cancel', (e) => { e.preventDefault(); done(false); });
    document.body.append(dlg);
    dlg.showModal();
    cancel.focus();
  });
}

/** Disables a button while an async action runs, with a spinner class. */
export async function busy(button, fn) {
  if (button) { button.disabled = true; button.classList.add('is-busy'); }
  try { return await fn(); } finally {
    if (button) { button.disabled = false; button.classList.remove('is-busy'); }
  }
}

// ---------------------------------------------------------------------------------------------
// Live event stream

/**
 * The Server-Sent Events stream of api/v1/events, read with fetch rather than EventSource so
 * that error answers (401, 503 "too many live-stream clients") can be read and shown.
 * Each SSE frame is {"events": [...], "dropped": n}; listeners get one batch per frame.
 * Reconnects with backoff; 'status' reports connecting/live/offline; 'reconnected' tells
 * listeners that events may have been missed.
 */
export class EventStream extends Emitter {
  constructor(url) {
    super();
    this.url = url;
    this.delay = 1000;
    this.dropped = 0;
    this.everConnected = false;
    this.stopped = false;
  }

  start() { this.connect(); }

  stop() {
    this.stopped = true;
    if (this.abort) this.abort.abort();
  }

  async connect() {
    if (this.stopped) return;
    this.emit('status', 'connecting');
    this.abort = new AbortController();
    let ok = false;
    try {
      const resp = await fetch(this.url, {
        headers: { Accept: 'text/event-stream', 'X-Requested-With': 'XMLHttpRequest' },
        credentials: 'same-origin', cache: 'no-store', signal: this.abort.signal,
      });
      if (resp.status === 401) { toLogin(); return; }
      if (!resp.ok || !resp.body) {
        const data = await readBody(resp);
        throw new Error((data && data.error) || 'HTTP ' + resp.status);
      }
      ok = true;
      await this.read(resp.body);
      if (!this.stopped) throw new Error('the server ended the stream');
    } catch (e) {
      if (this.stopped || e.name === 'AbortError') return;
      this.emit('status', 'offline');
      // One notice per outage, not one per retry.
      if (ok || !this.failing) this.outage = notify('Live updates interrupted: ' + e.message + ' – reconnecting…', 'warning');
      this.failing = true;
      setTimeout(() => this.connect(), this.delay);
      this.delay = Math.min(this.delay * 2, 30000);
    }
  }

  async read(stream) {
    const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
    let buf = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buf += value;
      let end;
      while ((end = buf.indexOf('\n\n')) >= 0) {
        const frame = buf.slice(0, end);
        buf = buf.slice(end + 2);
        this.frame(frame);
      }
    }
  }

  frame(text) {
    const data = text.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
    if (!data) return; // keep-alive comment or retry line
    let msg;
    try { msg = JSON.parse(data); } catch (e) { notify('Unreadable live event: ' + e.message); return; }
    const events = msg.events || [];
    if (events.some((e) => e.type === 'hello')) this.opened();
    if (msg.dropped > this.dropped) {
      this.dropped = msg.dropped;
      this.emit('reconnected', 'dropped'); // the server dropped events for us: resynchronise
    }
    const batch = events.filter((e) => e.type !== 'hello');
    if (batch.length) this.emit('events', batch);
  }

  opened() {
    this.delay = 1000;
    this.dropped = 0;
    if (this.failing) {
      if (this.outage) this.outage.remove();
      notify('Live updates are back.', 'success');
    }
    this.failing = false;
    this.emit('status', 'live');
    if (this.everConnected) this.emit('reconnected', 'reconnect');
    this.everConnected = true;
  }
}

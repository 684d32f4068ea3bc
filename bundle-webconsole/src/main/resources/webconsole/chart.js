// A small SVG line chart for datapoint history: time axis, nice value ticks, gaps where data is
// missing, step lines for booleans and a hover read-out. No library: the CSP allows none anyway.

import { h, fmtValue } from './lib.js';

const SVG = 'http://www.w3.org/2000/svg';
const HEIGHT = 280;
const M = { left: 60, right: 18, top: 14, bottom: 30 };
const MINUTE = 60_000;
const TIME_STEPS = [MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, 3_600_000, 2 * 3_600_000,
  3 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000, 86_400_000, 2 * 86_400_000];

function s(tag, attrs = {}) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** About count "nice" tick values (1, 2, 2.5, 5 × 10^n steps) from below min to above max. */
export function niceTicks(min, max, count = 5) {
  if (min === max) { min -= 1; max += 1; }
  const raw = (max - min) / count;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((st) => st >= raw);
  const first = Math.floor(min / step), last = Math.ceil(max / step);
  const ticks = [];
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

function timeTicks(from, to) {
  const step = TIME_STEPS.find((st) => (to - from) / st <= 8) || 86_400_000 * 7;
  // Align to local midnight offsets so labels read 12:00, not 12:07.
  const offset = new Date(from).getTimezoneOffset() * MINUTE;
  const ticks = [];
  for (let t = Math.ceil((from - offset) / step) * step + offset; t <= to; t += step) ticks.push(t);
  return ticks;
}

const hm = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayHm = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/**
 * Draws the chart into container, replacing what was there.
 * @param {HTMLElement} container
 * @param {{points: {t:number, v:number|null}[], from:number, to:number, unit?:string, step?:boolean, gap?:number}} o
 *   gap: the longest time between points still joined by a line
 */
export function renderChart(container, o) {
  const width = Math.max(320, container.clientWidth || 640);
  const pts = o.points.filter((p) => p.v !== null && Number.isFinite(p.v));
  container.replaceChildren();
  if (!pts.length) {
    container.append(h('div', { class: 'chart-empty', text: 'No values recorded in this range.' }));
    return;
  }
  // Booleans (step) are drawn as 0/1 with false/true labels and a little room around them.
  const lo = Math.min(...pts.map((p) => p.v));
  const hi = Math.max(...pts.map((p) => p.v));
  const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.05 || 1;
  const yt = o.step ? [0, 1] : niceTicks(lo - pad, hi + pad);
  const y0 = o.step ? -0.2 : yt[0], y1 = o.step ? 1.2 : yt[yt.length - 1];
  const yLabel = o.step ? (v) => (v ? 'true' : 'false') : fmtValue;
  const iw = width - M.left - M.right, ih = HEIGHT - M.top - M.bottom;
  const x = (t) => M.left + ((t - o.from) / (o.to - o.from)) * iw;
  const y = (v) => M.top + ih - ((v - y0) / (y1 - y0)) * ih;

  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${width} ${HEIGHT}`, width, height: HEIGHT, role: 'img' });
  const title = s('title');
  title.textContent = 'History chart';
  svg.append(title);
  for (const v of yt) {
    svg.append(s('line', { class: 'chart-grid', x1: M.left, x2: width - M.right, y1: y(v), y2: y(v) }));
    const label = s('text', { class: 'chart-label', x: M.left - 8, y: y(v) + 4, 'text-anchor': 'end' });
    label.textContent = yLabel(v);
    svg.append(label);
  }
  const longRange = o.to - o.from > 36 * 3_600_000;
  for (const t of timeTicks(o.from, o.to)) {
    svg.append(s('line', { class: 'chart-grid chart-grid-x', x1: x(t), x2: x(t), y1: M.top, y2: M.top + ih }));
    // Labels near the edges are anchored inwards so they are not cut off.
    const anchor = x(t) > width - M.right - 30 ? 'end' : x(t) < M.left + 30 ? 'start' : 'middle';
    const label = s('text', { class: 'chart-label', x: x(t), y: HEIGHT - 10, 'text-anchor': anchor });
    label.textContent = (longRange ? dayHm : hm).format(t);
    svg.append(label);
  }
  if (o.unit) {
    const u = s('text', { class: 'chart-label chart-unit', x: 6, y: M.top + 4 });
    u.textContent = o.unit;
    svg.append(u);
  }
  const segments = split(o.points, o.gap);
  for (const seg of segments) {
    const d = path(seg, x, y, o.step);
    if (seg.length > 1) {
      svg.append(s('path', { class: 'chart-area', d: `${d} L${x(seg[seg.length - 1].t)},${M.top + ih} L${x(seg[0].t)},${M.top + ih} Z` }));
    }
    svg.append(s('path', { class: 'chart-line', d }));
    if (seg.length === 1) svg.append(s('circle', { class: 'chart-dot', cx: x(seg[0].t), cy: y(seg[0].v), r: 2.5 }));
  }
  container.append(svg);
  hover(container, svg, pts, x, y, M.top, M.top + ih, o.step ? '' : o.unit, o.step ? yLabel : fmtValue);
}

/** Splits points into runs without nulls or gaps longer than gap ms. */
function split(points, gap) {
  const out = [];
  let cur = [];
  let last = null;
  for (const p of points) {
    if (p.v === null || !Number.isFinite(p.v)) { if (cur.length) out.push(cur); cur = []; last = null; continue; }
    if (last && gap && p.t - last.t > gap) { out.push(cur); cur = []; }
    cur.push(p);
    last = p;
  }
  if (cur.length) out.push(cur);
  return out;
}

function path(seg, x, y, step) {
  let d = '';
  seg.forEach((p, i) => {
    const px = x(p.t).toFixed(1), py = y(p.v).toFixed(1);
    if (i === 0) d += `M${px},${py}`;
    else if (step) d += ` H${px} V${py}`;
    else d += ` L${px},${py}`;
  });
  return d;
}

/** A crosshair and read-out that follow the pointer to the nearest point. */
function hover(container, svg, pts, x, y, top, bottom, unit, label) {
  const line = s('line', { class: 'chart-cross', y1: top, y2: bottom, x1: -10, x2: -10 });
  const dot = s('circle', { class: 'chart-hover-dot', r: 4, cx: -10, cy: -10 });
  svg.append(line, dot);
  const tip = h('div', { class: 'chart-tip', hidden: true });
  container.append(tip);
  svg.addEventListener('mousemove', (ev) => {
    const rect = svg.getBoundingClientRect();
    const scale = svg.viewBox.baseVal.width / rect.width;
    const mx = (ev.clientX - rect.left) * scale;
    const p = nearest(pts, mx, x);
    const px = x(p.t), py = y(p.v);
    line.setAttribute('x1', px); line.setAttribute('x2', px);
    dot.setAttribute('cx', px); dot.setAttribute('cy', py);
    tip.textContent = `${label(p.v)}${unit ? ' ' + unit : ''} · ${full.format(p.t)}`;
    tip.hidden = false;
    const left = px / scale;
    tip.style.left = Math.min(left + 12, rect.width - tip.offsetWidth - 4) + 'px';
    tip.style.top = Math.max(0, py / scale - 34) + 'px';
  });
  svg.addEventListener('mouseleave', () => {
    tip.hidden = true;
    line.setAttribute('x1', -10); line.setAttribute('x2', -10);
    dot.setAttribute('cx', -10);
  });
}

function nearest(pts, mx, x) {
  let lo = 0, hi = pts.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x(pts[mid].t) < mx) lo = mid; else hi = mid;
  }
  return Math.abs(x(pts[lo].t) - mx) <= Math.abs(x(pts[hi].t) - mx) ? pts[lo] : pts[hi];
}

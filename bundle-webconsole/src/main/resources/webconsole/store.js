// Live data shared by the views: all datapoints (loaded once, in pages, then kept current by the
// event stream), connector health and bundle events. Views subscribe through the emitters.

import { api, qid, notify, Emitter, ApiError, EventStream } from './lib.js';

/** Items per page when loading datapoints; lowered to the server's maximum if it refuses. */
let pageSize = 5000;
const PARALLEL_PAGES = 2;
/** Above this many changed datapoints, reloading everything is cheaper than one GET each. */
const REFETCH_ALL_THRESHOLD = 200;

/**
 * The datapoint store. Records are the API's datapoint objects plus:
 *  ts – timestamp of the latest value, hay – lower-case text searched by the filter.
 * Events: 'progress' {loaded,total}, 'loaded', 'values' Set<id>, 'structure' (added, removed,
 * metadata or activation changed: lists must refilter), 'datapoint' id (anything about one id).
 */
class DatapointStore extends Emitter {
  constructor() {
    super();
    this.byId = new Map();
    this.loading = null;   // the promise of the running load
    this.loaded = false;
    this.pending = [];     // events that came in while loading
    this.refetch = new Set();
    this.refetchTimer = 0;
  }

  /** @returns all records, in id order */
  all() {
    if (!this.sorted) this.sorted = [...this.byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return this.sorted;
  }

  /** @returns the connector names seen in datapoints */
  connectors() {
    return [...new Set(this.all().map((d) => d.connector))].sort();
  }

  /** Loads everything once; later calls return the same promise. */
  ensureLoaded() {
    if (!this.loading) {
      this.loading = this.load().catch((e) => {
        this.loading = null;
        this.buffering = false;
        this.pending = [];
        throw e;
      });
    }
    return this.loading;
  }

  /** Loads everything again (after the stream was down: activations or removals may be missed). */
  reload() {
    if (!this.loaded) return this.ensureLoaded();
    this.loading = null;
    return this.ensureLoaded().catch(() => {});
  }

  /** Loads all pages: the first tells the total, the rest run a few at a time. */
  async load() {
    this.buffering = true;
    const fresh = new Map();
    const first = await this.page(0);
    this.addAll(fresh, first.items);
    const total = first.total;
    this.emit('progress', { loaded: fresh.size, total });
    const offsets = [];
    for (let o = first.items.length; o < total; o += pageSize) offsets.push(o);
    const worker = async () => {
      while (offsets.length) {
        const p = await this.page(offsets.shift());
        this.addAll(fresh, p.items);
        this.emit('progress', { loaded: fresh.size, total });
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_PAGES }, worker));
    this.byId = fresh;
    this.sorted = null;
    this.loaded = true;
    this.buffering = false;
    const pending = this.pending;
    this.pending = [];
    this.apply(pending);
    this.emit('structure');
    this.emit('loaded');
  }

  async page(offset) {
    try {
      return await api(`datapoints?offset=${offset}&limit=${pageSize}`, { notice: false });
    } catch (e) {
      // The server's maximum page size is configurable; its message names it.
      const m = e instanceof ApiError && e.status === 400 && /between 1 and (\d+)/.exec(e.message);
      if (m && Number(m[1]) < pageSize) {
        pageSize = Number(m[1]);
        return this.page(offset);
      }
      notify('Loading datapoints failed: ' + e.message);
      throw e;
    }
  }

  addAll(map, items) {
    for (const d of items) map.set(d.id, decorate(d));
  }

  /** Re-reads all latest values after events may have been lost. */
  async resync() {
    if (!this.loaded) return;
    const data = await api('values/latest?pattern=*', { notice: false }).catch((e) => {
      notify('Refreshing values after a gap in live updates failed: ' + e.message);
      return null;
    });
    if (!data) return;
    const changed = new Set();
    for (const [id, v] of Object.entries(data.values || {})) {
      const d = this.byId.get(id);
      if (d && v && (!d.ts || v.timestamp >= d.ts)) {
        d.value = v;
        d.ts = v.timestamp;
        changed.add(id);
      }
    }
    this.emit('values', changed);
  }

  /** Applies a batch of stream events. */
  apply(events) {
    if (this.buffering) { this.pending.push(...events); return; }
    const values = new Set();
    let structure = false;
    for (const e of events) {
      const d = this.byId.get(e.id);
      switch (e.type) {
        case 'value':
          if (d && (!d.ts || e.timestamp >= d.ts)) {
            d.value = { value: e.value, timestamp: e.timestamp };
            d.ts = e.timestamp;
            values.add(e.id);
          }
          break;
        case 'activation':
          if (d) { d.active = e.active; structure = true; }
          break;
        case 'setpoint':
          if (d) d.setpoint = e.setpoint;
          break;
        case 'schedule':
          if (d) d.schedule = e.schedule;
          break;
        case 'metadata':
          // The event carries no metadata: fetch the datapoint (or everything, if many changed).
          this.refetch.add(e.id);
          break;
        case 'removed':
          if (d) { this.byId.delete(e.id); this.sorted = null; structure = true; }
          break;
        default:
          continue;
      }
      if (e.id) this.emit('datapoint', e.id);
    }
    if (values.size) this.emit('values', values);
    if (structure) this.emit('structure');
    if (this.refetch.size && !this.refetchTimer) this.refetchTimer = setTimeout(() => this.refetchChanged(), 300);
  }

  async refetchChanged() {
    this.refetchTimer = 0;
    const ids = [...this.refetch];
    this.refetch.clear();
    if (ids.length > REFETCH_ALL_THRESHOLD) {
      await this.reload();
      return;
    }
    for (const id of ids) {
      try {
        const d = await api('datapoint?' + qid(id), { notice: false });
        const old = this.byId.get(id);
        if (old && old.ts > ((d.value && d.value.timestamp) || 0)) d.value = old.value;
        this.byId.set(id, decorate(d));
        if (!old) this.sorted = null;
        this.emit('datapoint', id);
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 404)) notify(`Reading datapoint ${id} failed: ${e.message}`);
      }
    }
    this.emit('structure');
  }

  /** Replaces one record with a fresh copy from the server (after an edit). */
  put(d) {
    const isNew = !this.byId.has(d.id);
    this.byId.set(d.id, decorate(d));
    if (isNew) this.sorted = null;
    this.emit('datapoint', d.id);
    this.emit('structure');
  }
}

function decorate(d) {
  d.ts = d.value ? d.value.timestamp : 0;
  d.hay = `${d.id} ${d.short_name || ''} ${d.description || ''} ${d.unit || ''}`.toLowerCase();
  return d;
}

export const datapoints = new DatapointStore();

/**
 * Connector health: the last GET connectors, patched by 'health' events.
 * Events: 'changed' (the list), 'health' (one stream event).
 */
class ConnectorStore extends Emitter {
  constructor() {
    super();
    this.byName = new Map();
  }

  /** Reads the connectors; calls while one is under way share it. */
  refresh() {
    if (!this.inflight) {
      this.inflight = api('connectors').then((list) => {
        this.byName = new Map(list.map((c) => [c.name, c]));
        this.emit('changed');
        return list;
      }).finally(() => { this.inflight = null; });
    }
    return this.inflight;
  }

  list() {
    return [...this.byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  applyHealth(e) {
    if (e.status === 'REMOVED') {
      this.byName.delete(e.connector);
    } else {
      const c = this.byName.get(e.connector) || { name: e.connector, counters: {}, datapoints: 0, activeDatapoints: 0 };
      Object.assign(c, { protocol: e.protocol, status: e.status, reason: e.reason, since: e.since, lastGoodExchange: e.lastGoodExchange });
      this.byName.set(e.connector, c);
    }
    this.emit('health', e);
    this.emit('changed');
  }
}

export const connectors = new ConnectorStore();

/** Bundle events from the stream, for the bundles view. */
export const bundleEvents = new Emitter();

/** The one live stream of the page (all event types); app.js starts it after login. */
export const stream = new EventStream('api/v1/events');

/** Routes stream batches to the stores. */
function wireStream() {
  stream.on('events', (batch) => {
    const dp = [];
    for (const e of batch) {
      if (e.type === 'health') connectors.applyHealth(e);
      else if (e.type === 'bundle') bundleEvents.emit('bundle', e);
      else dp.push(e);
    }
    if (dp.length) datapoints.apply(dp);
  });
  stream.on('reconnected', (why) => {
    // After an outage anything may have changed; after dropped events mostly values did.
    if (why === 'reconnect') datapoints.reload(); else datapoints.resync();
    connectors.refresh().catch(() => {});
    bundleEvents.emit('resync');
  });
}

wireStream();

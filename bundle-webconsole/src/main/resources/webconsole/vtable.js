// A virtualised table: only the rows in view exist in the DOM (a small pool of row elements that
// is re-used while scrolling), so 10,000 or 100,000 items scroll as smoothly as 50.

const OVERSCAN = 6;

/**
 * @param {object} o
 * @param {HTMLElement} o.scroller the element that scrolls (overflow: auto; fixed height)
 * @param {HTMLElement} o.canvas the element inside it that holds the rows (position: relative)
 * @param {number} o.rowHeight pixels per row; rows must not grow
 * @param {() => HTMLElement} o.createRow builds an empty row element
 * @param {(row, item) => void} o.fillRow writes an item into a row
 * @param {(item) => string} o.keyOf the item's key, also set as data-id of its row
 */
export class VirtualTable {
  constructor(o) {
    Object.assign(this, o);
    this.items = [];
    this.pool = [];
    this.visible = new Map(); // key -> row, for updates of single items
    this.frame = 0;
    this.onScroll = () => this.schedule();
    this.scroller.addEventListener('scroll', this.onScroll, { passive: true });
    this.resize = new ResizeObserver(() => this.schedule(true));
    this.resize.observe(this.scroller);
  }

  /** Shows a new list of items, keeping the scroll position where possible. */
  setItems(items) {
    this.items = items;
    this.canvas.style.height = items.length * this.rowHeight + 'px';
    this.render(true);
  }

  /** Re-renders on the next animation frame; many calls in one frame cost one render. */
  schedule(force = false) {
    this.force = this.force || force;
    if (!this.frame) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        const f = this.force;
        this.force = false;
        this.render(f);
      });
    }
  }

  render(force = false) {
    const rh = this.rowHeight;
    const offset = this.canvas.offsetTop; // sticky header above the canvas
    const top = Math.max(0, this.scroller.scrollTop - offset);
    const viewH = this.scroller.clientHeight || 600;
    const first = Math.max(0, Math.floor(top / rh) - OVERSCAN);
    const last = Math.min(this.items.length, Math.ceil((top + viewH) / rh) + OVERSCAN);
    const need = last - first;
    while (this.pool.length < need) {
      const row = this.createRow();
      row.classList.add('vt-row');
      this.pool.push(row);
      this.canvas.append(row);
    }
    this.visible.clear();
    for (let i = 0; i < this.pool.length; i++) {
      const row = this.pool[i];
      const index = first + i;
      if (index >= last) {
        row.hidden = true;
        row.vtIndex = -1;
        continue;
      }
      const item = this.items[index];
      const key = this.keyOf(item);
      if (force || row.vtIndex !== index || row.dataset.id !== key) {
        row.hidden = false;
        row.vtIndex = index;
        row.dataset.id = key;
        row.style.transform = `translateY(${index * rh}px)`;
        this.fillRow(row, item);
      }
      this.visible.set(key, row);
    }
  }

  /** Refills the visible rows of the given keys (a live value arrived). */
  refresh(keys, fill = this.fillRow) {
    for (const key of keys) {
      const row = this.visible.get(key);
      if (row) fill(row, this.items[row.vtIndex], true);
    }
  }

  /** Calls fn(row, item) for every visible row (the age ticker). */
  forEachVisible(fn) {
    for (const row of this.visible.values()) fn(row, this.items[row.vtIndex]);
  }

  /** Scrolls so that the item at index is in view. */
  scrollToIndex(index) {
    const y = index * this.rowHeight;
    const top = this.scroller.scrollTop - this.canvas.offsetTop;
    const viewH = this.scroller.clientHeight - this.canvas.offsetTop;
    if (y < top) this.scroller.scrollTop = y;
    else if (y + this.rowHeight > top + viewH) this.scroller.scrollTop = y + this.rowHeight - viewH + this.canvas.offsetTop;
  }

  destroy() {
    cancelAnimationFrame(this.frame);
    this.scroller.removeEventListener('scroll', this.onScroll);
    this.resize.disconnect();
  }
}

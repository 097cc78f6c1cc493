/**
 * A binary min-heap of (time, key, slot) in typed arrays: ordered by time, then key. The engine makes keys
 * unique per slot, so the pop order never depends on push order among equals.
 */
export class Heap {
  private t: Float64Array;
  private k: Int32Array;
  private s: Int32Array;
  size = 0;
  /** time and key of the last popped item */
  time = 0;
  key = 0;

  constructor(capacity: number) {
    const cap = Math.max(16, capacity);
    this.t = new Float64Array(cap);
    this.k = new Int32Array(cap);
    this.s = new Int32Array(cap);
  }

  push(time: number, key: number, slot: number): void {
    if (this.size === this.t.length) this.grow();
    const t = this.t;
    const k = this.k;
    const s = this.s;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = t[parent];
      if (pt < time || (pt === time && k[parent] <= key)) break;
      t[i] = pt;
      k[i] = k[parent];
      s[i] = s[parent];
      i = parent;
    }
    t[i] = time;
    k[i] = key;
    s[i] = slot;
  }

  /** Removes the smallest item and returns its slot; `time` and `key` hold its time and key. */
  pop(): number {
    const t = this.t;
    const k = this.k;
    const s = this.s;
    const slot = s[0];
    this.time = t[0];
    this.key = k[0];
    const last = --this.size;
    if (last > 0) {
      const lt = t[last];
      const lk = k[last];
      const ls = s[last];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= last) break;
        const r = c + 1;
        if (r < last && (t[r] < t[c] || (t[r] === t[c] && k[r] < k[c]))) c = r;
        if (lt < t[c] || (lt === t[c] && lk <= k[c])) break;
        t[i] = t[c];
        k[i] = k[c];
        s[i] = s[c];
        i = c;
      }
      t[i] = lt;
      k[i] = lk;
      s[i] = ls;
    }
    return slot;
  }

  private grow(): void {
    const cap = this.t.length * 2;
    const t = new Float64Array(cap);
    const k = new Int32Array(cap);
    const s = new Int32Array(cap);
    t.set(this.t);
    k.set(this.k);
    s.set(this.s);
    this.t = t;
    this.k = k;
    this.s = s;
  }
}

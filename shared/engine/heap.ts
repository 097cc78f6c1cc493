/** Slots of the cache of hour → bucket a push looks in before it asks the map (a power of two). */
const HOUR_CACHE = 64;

// The cache slot of an hour: its eighths hashed (Fibonacci hashing, the top 6 bits), so that hours 0.25 h or
// 24 h apart rarely share one. Written out where it is used: a call would box a fractional hour.
const HASH = 0x9e3779b1;
const SLOT_SHIFT = 26;

/**
 * The engine's priority queue of steps: (time, key, slot), popped by time, then key. The engine makes keys
 * unique per slot, so the pop order never depends on push order among equals.
 *
 * Steps come at few distinct hours (the delays of §4 are a handful of values, most of them 0), so the queue
 * is a bucket per hour rather than one heap: a step for a later hour is appended to that hour's bucket; when
 * its hour comes, the bucket is sorted once (a native numeric sort) and read in order, and steps pushed at the
 * hour being popped go to a small heap merged with it. A pop costs a comparison, not a walk down a heap of
 * every pending step. The order is the same as one heap's whatever is pushed: a step for an hour before the
 * current one (not something a run with delays ≥ 0 pushes) puts the current hour back into its bucket.
 */
export class TimeQueue {
  /** slots are below this: a step is stored as the one number key × span + slot, ordered as (key, slot) */
  private readonly span: number;
  size = 0;
  /** time, key and slot of the last popped step */
  time = 0;
  key = 0;

  // the hour being popped: its bucket sorted (read from `next`), and the steps pushed at it since (a heap)
  private now = -Infinity;
  private sorted = new Float64Array(64);
  private next = 0;
  private sortedEnd = 0;
  private atNow = new Float64Array(64);
  private atNowSize = 0;

  // later hours: one bucket per hour, a list linked through `link`; `hours` a heap of the buckets by hour
  private bucketOf = new Map<number, number>();
  private bucketHour = new Float64Array(16);
  private bucketHead = new Int32Array(16);
  private bucketCount = new Int32Array(16);
  private freeBuckets: number[] = [];
  // hour → bucket for the hours pending, by slot: NaN (no hour) or the hour, and its bucket
  private cachedHour = new Float64Array(HOUR_CACHE).fill(NaN);
  private cachedBucket = new Int32Array(HOUR_CACHE);
  private bucketsMade = 0;
  private hours = new Int32Array(16);
  private hoursSize = 0;
  private item = new Float64Array(64);
  private link = new Int32Array(64);
  private items = 0;

  constructor(span: number) {
    this.span = span;
  }

  clear(): void {
    this.size = 0;
    this.now = -Infinity;
    this.next = this.sortedEnd = this.atNowSize = 0;
    this.bucketOf.clear();
    this.cachedHour.fill(NaN);
    this.freeBuckets.length = 0;
    this.bucketsMade = this.hoursSize = this.items = 0;
  }

  push(time: number, key: number, slot: number): void {
    const step = key * this.span + slot;
    this.size++;
    if (time === this.now) this.pushAtNow(key, slot);
    else {
      if (time < this.now) this.putBackNow();
      // The hour's bucket is looked up here, not in a call: a fractional hour passed to a call that is not
      // inlined, or to Map.get, is boxed, an allocation per step. The cache answers most pushes.
      const slot = Math.imul((time * 8) | 0, HASH) >>> SLOT_SHIFT;
      let b: number;
      if (this.cachedHour[slot] === time) b = this.cachedBucket[slot];
      else {
        b = this.bucketFor(time);
        this.cachedHour[slot] = time;
        this.cachedBucket[slot] = b;
      }
      const i = this.itemIn(b); // before reading `item`: it may grow it
      this.item[i] = step;
    }
  }

  /** Removes the first step and returns its slot (size > 0); `time` and `key` hold its time and key. */
  pop(): number {
    if (this.next === this.sortedEnd && this.atNowSize === 0) this.advance();
    let step: number;
    if (this.atNowSize > 0 && (this.next === this.sortedEnd || this.atNow[0] < this.sorted[this.next])) {
      step = this.atNow[0];
      this.dropAtNow();
    } else step = this.sorted[this.next++];
    this.size--;
    this.time = this.now;
    const key = Math.floor(step / this.span);
    this.key = key;
    return step - key * this.span;
  }

  /** The earliest later hour becomes the current one: its bucket, sorted. */
  private advance(): void {
    const b = this.popHour();
    const count = this.bucketCount[b];
    if (this.sorted.length < count) this.sorted = new Float64Array(Math.max(count, 2 * this.sorted.length));
    const sorted = this.sorted;
    for (let i = this.bucketHead[b], k = 0; i >= 0; i = this.link[i]) sorted[k++] = this.item[i];
    sorted.subarray(0, count).sort();
    this.next = 0;
    this.sortedEnd = count;
    this.now = this.bucketHour[b];
    this.bucketOf.delete(this.now);
    const slot = Math.imul((this.now * 8) | 0, HASH) >>> SLOT_SHIFT;
    if (this.cachedHour[slot] === this.now) this.cachedHour[slot] = NaN;
    this.freeBuckets.push(b);
  }

  /** The current hour's steps not yet popped go back to its bucket (a step for an earlier hour came). */
  private putBackNow(): void {
    const hour = this.now;
    this.now = -Infinity;
    for (let i = this.next; i < this.sortedEnd; i++) {
      const k = this.itemLater(hour);
      this.item[k] = this.sorted[i];
    }
    for (let i = 0; i < this.atNowSize; i++) {
      const k = this.itemLater(hour);
      this.item[k] = this.atNow[i];
    }
    this.next = this.sortedEnd = this.atNowSize = 0;
  }

  /**
   * A new item in the bucket of `time`, returned for the caller to write the step into. Steps (beyond int32)
   * are never passed as arguments nor returned: a double crossing a call that is not inlined is boxed, an
   * allocation per step (most hours are small integers, which are not).
   */
  private itemLater(time: number): number {
    return this.itemIn(this.bucketFor(time));
  }

  /** The bucket of `time`, opened if there is none. */
  private bucketFor(time: number): number {
    let b = this.bucketOf.get(time);
    if (b === undefined) {
      b = this.newBucket(time);
      this.bucketOf.set(time, b);
      this.pushHour(b);
    }
    return b;
  }

  /** A new item in bucket b, returned for the caller to write the step into. */
  private itemIn(b: number): number {
    if (this.items === this.item.length) {
      this.item = grow(this.item);
      this.link = grow(this.link);
    }
    const i = this.items++;
    this.link[i] = this.bucketHead[b];
    this.bucketHead[b] = i;
    this.bucketCount[b]++;
    return i;
  }

  private newBucket(time: number): number {
    let b = this.freeBuckets.pop();
    if (b === undefined) {
      b = this.bucketsMade++;
      if (b === this.bucketHour.length) {
        this.bucketHour = grow(this.bucketHour);
        this.bucketHead = grow(this.bucketHead);
        this.bucketCount = grow(this.bucketCount);
        this.hours = grow(this.hours);
      }
    }
    this.bucketHour[b] = time;
    this.bucketHead[b] = -1;
    this.bucketCount[b] = 0;
    return b;
  }

  // `hours`: a binary min-heap of bucket indices by their hour (hours are distinct).
  private pushHour(b: number): void {
    const { hours, bucketHour } = this;
    const time = bucketHour[b];
    let i = this.hoursSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (bucketHour[hours[parent]] <= time) break;
      hours[i] = hours[parent];
      i = parent;
    }
    hours[i] = b;
  }

  private popHour(): number {
    const { hours, bucketHour } = this;
    const top = hours[0];
    const last = hours[--this.hoursSize];
    const time = bucketHour[last];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.hoursSize) break;
      if (c + 1 < this.hoursSize && bucketHour[hours[c + 1]] < bucketHour[hours[c]]) c++;
      if (time <= bucketHour[hours[c]]) break;
      hours[i] = hours[c];
      i = c;
    }
    hours[i] = last;
    return top;
  }

  // `atNow`: a binary min-heap of the steps pushed at the current hour.
  private pushAtNow(key: number, slot: number): void {
    if (this.atNowSize === this.atNow.length) this.atNow = grow(this.atNow);
    const step = key * this.span + slot;
    const heap = this.atNow;
    let i = this.atNowSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent] <= step) break;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = step;
  }

  /** Removes the top of `atNow` (read by the caller). */
  private dropAtNow(): void {
    const heap = this.atNow;
    const size = --this.atNowSize;
    const last = heap[size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && heap[c + 1] < heap[c]) c++;
      if (last <= heap[c]) break;
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = last;
  }
}

/** A typed array of twice the length with the same contents at the start. */
function grow<T extends Float64Array | Int32Array>(a: T): T {
  const b = new (a.constructor as new (length: number) => T)(2 * a.length);
  b.set(a);
  return b;
}

/**
 * The engine's two orderings that replaced plainer code for speed: the step queue (engine/heap.ts) pops in
 * (time, key) order whatever the pushes, and the id order (engine/idOrder.ts) agrees with `<` on strings.
 * A difference in either would change which via a tie picks (§7).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdOrder, prefixKey, TimeQueue } from '../../../shared/engine/index.ts';

const SLOTS = 50;
/** A step of the model queue: time, a key unique per slot (as the engine makes them), the slot. */
const step = fc.record({ time: fc.constantFrom(0, 0.5, 1, 2, 24, 48.25), slot: fc.nat(SLOTS - 1) });
/** push a step, or pop one */
const op = fc.oneof(step, fc.constant('pop' as const));

describe('TimeQueue', () => {
  it('pops steps by time, then key, as one sorted list of every step pushed and not yet popped would', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const queue = new TimeQueue(SLOTS);
        let pending: { time: number; key: number; slot: number }[] = [];
        const key = (slot: number) => (slot * 7) % SLOTS; // unique per slot, not in slot order
        for (const o of ops) {
          if (o === 'pop') {
            if (pending.length === 0) continue;
            pending.sort((a, b) => a.time - b.time || a.key - b.key);
            const first = pending.shift()!;
            expect(queue.pop()).toBe(first.slot);
            expect(queue.time).toBe(first.time);
            expect(queue.key).toBe(first.key);
          } else {
            queue.push(o.time, key(o.slot), o.slot);
            pending.push({ time: o.time, key: key(o.slot), slot: o.slot });
          }
          expect(queue.size).toBe(pending.length);
        }
        queue.clear();
        pending = [];
        expect(queue.size).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every step when its buffers grow: a thousand pushed before the first pop, then as many between pops', () => {
    const slots = 2000;
    const queue = new TimeQueue(slots);
    const hourOf = (slot: number) => [0, 0.5, 1, 24, 648][slot % 5];
    const keyOf = (slot: number) => (slot * 7919) % slots; // unique per slot, not in slot order
    const expected: number[] = [];
    for (let slot = 0; slot < 1000; slot++) queue.push(hourOf(slot), keyOf(slot), slot);
    const popped: number[] = [];
    for (let slot = 1000; slot < slots; slot++) {
      queue.push(hourOf(slot) + 648, keyOf(slot), slot);
      if (slot % 2) popped.push(queue.pop());
    }
    while (queue.size > 0) popped.push(queue.pop());
    for (let slot = 0; slot < slots; slot++) expected.push(slot);
    const order = (a: number, b: number) => (a < 1000 ? hourOf(a) : hourOf(a) + 648) - (b < 1000 ? hourOf(b) : hourOf(b) + 648) || keyOf(a) - keyOf(b);
    expect(popped).toEqual(expected.sort(order));
  });

  it('takes a step for an hour before the one being popped first', () => {
    const queue = new TimeQueue(10);
    queue.push(1, 5, 5);
    queue.push(1, 7, 7);
    expect(queue.pop()).toBe(5);
    queue.push(0.5, 9, 9);
    expect([queue.pop(), queue.time]).toEqual([9, 0.5]);
    expect([queue.pop(), queue.time]).toEqual([7, 1]);
  });
});

describe('IdOrder', () => {
  // short ids over few characters (shared prefixes, one a prefix of another), and any UTF-16 (units ≥ 126)
  const id = fc.oneof(fc.string({ unit: fc.constantFrom('e', '1', '2', '~', '\x7f', 'é'), maxLength: 9 }), fc.string({ unit: 'binary', maxLength: 9 }));

  it('puts two ids in the order < gives', () => {
    fc.assert(
      fc.property(fc.array(id, { minLength: 2, maxLength: 12 }), fc.nat(), fc.nat(), (ids, i, j) => {
        const a = i % ids.length;
        const b = j % ids.length;
        expect(new IdOrder(ids).less(a, b)).toBe(ids[a] < ids[b]);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives a smaller number only to a smaller id', () => {
    fc.assert(
      fc.property(id, id, (a, b) => {
        if (prefixKey(a) < prefixKey(b)) expect(a < b).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

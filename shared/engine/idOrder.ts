/**
 * Ids compared in code-unit order, the order of `<` on strings (§7: ties go to the smaller edge id), through a
 * number per id that decides most comparisons without reading the strings: in the hot loops a string
 * comparison costs two reads of scattered string objects, a number one read of an array.
 *
 * The number packs an id's first 7 code units, 7 bits each: a unit below 126 as itself + 1, 0 past the end;
 * a unit of 126 or more as 127, after which the rest count as 0. Then a smaller number means a smaller id
 * (the first position where the numbers differ is one where the ids differ, or the end of the shorter one,
 * before any unit that was cut to 127), and equal numbers fall back to comparing the strings. 128^7 is below
 * 2^53, so the numbers are exact. Each id's number is worked out the first time it is compared: a run
 * compares the ids of a few edges, not every one.
 */
const UNITS = 7;

export class IdOrder {
  private keys: Float64Array | null = null;

  constructor(private readonly ids: readonly string[]) {}

  /** Is the id at index a before the id at index b? */
  less(a: number, b: number): boolean {
    const keys = (this.keys ??= new Float64Array(this.ids.length).fill(NaN));
    let ka = keys[a];
    if (Number.isNaN(ka)) ka = keys[a] = prefixKey(this.ids[a]);
    let kb = keys[b];
    if (Number.isNaN(kb)) kb = keys[b] = prefixKey(this.ids[b]);
    return ka < kb || (ka === kb && this.ids[a] < this.ids[b]);
  }
}

/** The id's first code units as one number, in their order (see above). */
export function prefixKey(id: string): number {
  let key = 0;
  let cut = false;
  for (let i = 0; i < UNITS; i++) {
    let digit = 0;
    if (!cut && i < id.length) {
      const unit = id.charCodeAt(i);
      cut = unit >= 126;
      digit = cut ? 127 : unit + 1;
    }
    key = key * 128 + digit;
  }
  return key;
}

import { describe, expect, it } from 'vitest';
import { EDIT_LABEL_PX, PRESENT_LABEL_PX, bandOf, lowestReadableZoom } from '../../../renderer/src/canvas/detail.ts';

const zooms = Array.from({ length: 120 }, (_, i) => 0.1 + i * 0.02);

describe('semantic zoom', () => {
  for (const [mode, target] of [
    ['the editor', EDIT_LABEL_PX],
    ['presentation mode', PRESENT_LABEL_PX],
  ] as const) {
    it(`keeps card labels at ${target} px on screen or more in ${mode}, at any zoom`, () => {
      for (const z of zooms) {
        const band = bandOf(z, target);
        if (band.card === 'block') expect(z).toBeLessThan(lowestReadableZoom(target));
        else expect(band.labelPx * z, `zoom ${z.toFixed(2)}`).toBeGreaterThanOrEqual(target - 1e-9);
      }
    });
  }

  it('drops details as the zoom drops: full cards, then icon and label, then the label alone', () => {
    const order = ['full', 'compact', 'label', 'block'];
    let last = 0;
    for (const z of [...zooms].reverse()) {
      const at = order.indexOf(bandOf(z, EDIT_LABEL_PX).card);
      expect(at).toBeGreaterThanOrEqual(last);
      last = at;
    }
    expect(bandOf(1, EDIT_LABEL_PX).card).toBe('full');
    expect(bandOf(0.75, EDIT_LABEL_PX).card).toBe('full');
    expect(bandOf(0.3, EDIT_LABEL_PX).card).toBe('block');
  });

  it('changes the label size only a handful of times over the whole range', () => {
    expect(new Set(zooms.map((z) => bandOf(z, EDIT_LABEL_PX).labelPx)).size).toBeLessThanOrEqual(4);
  });

  it('reaches the presentation zoom of a 30-node model on a 1280×720 screen (about 0.45)', () => {
    expect(lowestReadableZoom(PRESENT_LABEL_PX)).toBeLessThanOrEqual(0.4);
  });
});

import { describe, expect, it } from 'vitest';
import type { CardContext, PictureCard } from '../../../renderer/src/canvas/cardPicture.ts';
import { drawCards, labelLines } from '../../../renderer/src/canvas/cardPicture.ts';

/** Every character 10 px wide. */
const measure = (s: string) => s.length * 10;

describe('a pictured card’s label lines', () => {
  it('is one line when it fits', () => {
    expect(labelLines('identity 12', 160, measure)).toEqual(['identity 12']);
  });

  it('splits at the space that balances two lines, as text-wrap: balance does', () => {
    expect(labelLines('dependency 377', 120, measure)).toEqual(['dependency', '377']);
    expect(labelLines('payments api gateway', 150, measure)).toEqual(['payments', 'api gateway']);
    expect(labelLines('aa bb cc dd ee ff', 100, measure)).toEqual(['aa bb cc', 'dd ee ff']);
  });

  it('splits a path after a separator, keeping the separator on the first line', () => {
    expect(labelLines('…/web/sa/frontend', 100, measure)).toEqual(['…/web/sa/', 'frontend']);
    expect(labelLines('billing-batch cron', 100, measure)).toEqual(['billing-', 'batch cron']);
  });

  it('breaks a word longer than the line anywhere, and ends the second line with an ellipsis', () => {
    expect(labelLines('abcdefghijklmnop', 100, measure)).toEqual(['abcdefghij', 'klmnop']);
    const [first, second] = labelLines('abcdefghijklmnopqrstuvwxyz', 100, measure);
    expect(first).toBe('abcdefghij');
    expect(second.endsWith('…')).toBe(true);
    expect(measure(second)).toBeLessThanOrEqual(100);
  });

  it('clamps the rest of a long label to the second line', () => {
    const lines = labelLines('one two three four five six seven eight', 100, measure);
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => measure(l) <= 100)).toBe(true);
    expect(lines[1].endsWith('…')).toBe(true);
  });
});

/** A context that writes down what is drawn. */
function recorder() {
  const calls: string[] = [];
  const ctx = {
    font: '',
    letterSpacing: '',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    lineWidth: 1,
    strokeStyle: '',
    fillStyle: '',
    setTransform: (...a: number[]) => calls.push(`transform ${a.join(' ')}`),
    clearRect: () => calls.push('clear'),
    beginPath: () => undefined,
    roundRect: (x: number, y: number, w: number, h: number) => calls.push(`card ${x} ${y} ${w} ${h}`),
    rect: () => undefined,
    fill: () => calls.push(`fill ${ctx.fillStyle}`),
    stroke: () => calls.push(`stroke ${ctx.strokeStyle}`),
    save: () => undefined,
    restore: () => undefined,
    clip: () => undefined,
    fillRect: (x: number, y: number, w: number) => calls.push(`stripe ${ctx.fillStyle} ${x} ${w}`),
    fillText: (t: string, x: number) => calls.push(`text ${t} ${x}`),
    measureText: (t: string) => ({ width: t.length * 10, fontBoundingBoxAscent: 16, fontBoundingBoxDescent: 4 }),
  };
  return { ctx: ctx as unknown as CardContext, calls };
}

const style = { background: '#fff', border: '#ddd', text: '#123', family: 'Noto Sans', labelPx: 24.5 };
const card = (x: number, label: string): PictureCard => ({ rect: { x, y: 0, width: 184, height: 64 }, color: '#f80', label });

describe('drawing pictured cards', () => {
  it('draws the cards that meet the cover: box, border, kind stripe and label, at the cover’s scale', () => {
    const { ctx, calls } = recorder();
    const cover = { area: { x: 0, y: 0, width: 1000, height: 500 }, zoom: 0.5, scale: 0.5 };
    const drawn = drawCards(ctx, cover, [card(100, 'tool 7'), card(5000, 'far away')], style, new Map());
    expect(drawn).toBe(1);
    expect(calls).toContain('transform 0.5 0 0 0.5 0 0');
    expect(calls).toContain('card 100.5 0.5 183 63');
    expect(calls).toContain('fill #fff');
    expect(calls).toContain('stroke #ddd');
    expect(calls).toContain('stripe #f80 100 4');
    // Centred in the card's content box: after the 4 px stripe and 6 px padding, 167 px wide.
    expect(calls.some((c) => c.startsWith('text tool 7 ') && Number(c.split(' ').at(-1)) === 100 + 4 + 6 + 167 / 2)).toBe(true);
    expect(calls.some((c) => c.includes('far away'))).toBe(false);
    expect(ctx.font).toBe('600 24.5px Noto Sans');
  });

  it('makes a card taller for a second line of label, as the CSS min-height lets it grow', () => {
    const { ctx, calls } = recorder();
    const cover = { area: { x: 0, y: 0, width: 1000, height: 500 }, zoom: 1, scale: 1 };
    drawCards(ctx, cover, [card(0, 'dependency service 377')], { ...style, labelPx: 30 }, new Map());
    expect(calls.filter((c) => c.startsWith('text '))).toHaveLength(2);
    // Two lines of 30 px at line-height 1.1, 5 px padding and 1 px border above and below: 78 px.
    expect(calls).toContain('card 0.5 0.5 183 77');
  });
});

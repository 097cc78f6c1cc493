import { describe, expect, it } from 'vitest';
import type { Cover, PictureContext } from '../../../renderer/src/canvas/movingBitmap.ts';
import { PICTURE_PIXELS, coverFor, covers, drawPicture } from '../../../renderer/src/canvas/movingBitmap.ts';
import type { AbsRect } from '../../../renderer/src/canvas/overview.ts';
import type { FlowEdge } from '../../../renderer/src/canvas/adapter.ts';

const view = { x0: 1000, y0: 500, x1: 3000, y1: 1500 };

describe('the moving picture’s cover', () => {
  it('is the view with half of it again on each side, at the zoom times the pixel ratio', () => {
    const cover = coverFor(view, [-500, -250, 0.5]);
    expect(cover.area).toEqual({ x: 0, y: 0, width: 4000, height: 2000 });
    expect(cover.scale).toBe(0.5);
    expect(coverFor({ x0: 0, y0: 0, x1: 1000, y1: 500 }, [0, 0, 0.5], 2).scale).toBe(1);
  });

  it('puts its corner on a screen pixel when the view lies between pixels', () => {
    const { area } = coverFor(view, [-500.3, -250.6, 0.5]);
    const screen = (t: number, at: number) => t + at * 0.5;
    expect(Number.isInteger(Math.round(screen(-500.3, area.x) * 1e9) / 1e9)).toBe(true);
    expect(Number.isInteger(Math.round(screen(-250.6, area.y) * 1e9) / 1e9)).toBe(true);
    expect(Math.abs(area.x)).toBeLessThan(2);
  });

  it('holds no more than PICTURE_PIXELS however wide the view', () => {
    const wide = { x0: 0, y0: 0, x1: 40_000, y1: 20_000 };
    const cover = coverFor(wide, [0, 0, 0.05], 2);
    expect(cover.area.width * cover.scale * cover.area.height * cover.scale).toBeLessThanOrEqual(PICTURE_PIXELS * 1.0001);
    expect(cover.scale).toBeLessThan(0.1);
  });

  it('takes another margin and pixel cap for another picture (the dimmed cards: an eighth, uncapped)', () => {
    const cover = coverFor(view, [-500, -250, 0.5], 2, { margin: 1 / 8, pixels: Infinity });
    expect(cover.area).toEqual({ x: 750, y: 375, width: 2500, height: 1250 });
    expect(cover.scale).toBe(1);
  });

  it('serves the view until the view leaves it or is zoomed in past half again', () => {
    const cover = coverFor(view, [-500, -250, 0.5]);
    expect(covers(cover, view, 0.5)).toBe(true);
    const shift = (dx: number, dy: number) => ({ x0: view.x0 + dx, y0: view.y0 + dy, x1: view.x1 + dx, y1: view.y1 + dy });
    expect(covers(cover, shift(900, 0), 0.5)).toBe(true);
    expect(covers(cover, shift(1100, 0), 0.5)).toBe(false);
    expect(covers(cover, shift(0, -600), 0.5)).toBe(false);
    expect(covers(cover, view, 0.74)).toBe(true);
    expect(covers(cover, view, 0.76)).toBe(false);
  });
});

/** A context that writes down what is drawn. */
function recorder() {
  const calls: string[] = [];
  const ctx = {
    globalAlpha: 1,
    lineWidth: 1,
    strokeStyle: '',
    fillStyle: '',
    globalCompositeOperation: 'source-over',
    setTransform: (...a: number[]) => calls.push(`transform ${a.join(' ')}`),
    beginPath: () => calls.push('begin'),
    moveTo: (x: number, y: number) => calls.push(`M${x} ${y}`),
    lineTo: (x: number, y: number) => calls.push(`L${x} ${y}`),
    rect: (x: number, y: number, w: number, h: number) => calls.push(`rect ${x} ${y} ${w} ${h}`),
    fill: () => calls.push(`fill ${ctx.fillStyle} ${ctx.globalAlpha}`),
    stroke: () => calls.push(`stroke ${ctx.strokeStyle} ${ctx.globalAlpha} ${ctx.lineWidth}`),
    fillRect: () => calls.push(`fillRect ${ctx.globalCompositeOperation} ${ctx.globalAlpha}`),
  };
  return { ctx: ctx as unknown as PictureContext, calls };
}

describe('drawing the moving picture', () => {
  const rects = new Map<string, AbsRect>([
    ['a', { x: 0, y: 0, width: 100, height: 40, kind: 'service' }],
    ['b', { x: 300, y: 100, width: 100, height: 40, kind: 'secret' }],
    ['far', { x: 9000, y: 9000, width: 100, height: 40, kind: 'service' }],
    ['frame', { x: 0, y: 0, width: 500, height: 500, kind: null }],
  ]);
  const edges = [
    { id: 'e1', source: 'a', target: 'b' },
    { id: 'e2', source: 'far', target: 'far' },
    { id: 'e3', source: 'a', target: 'gone' },
  ] as FlowEdge[];
  const cover: Cover = { area: { x: -100, y: -100, width: 1000, height: 1000 }, zoom: 0.5, scale: 0.5 };
  const style = { edgeColor: 'grey', kindColor: (k: string) => `colour-of-${k}`, boxes: true };

  it('strokes each edge near the area as one segment, faded as a whole, then the boxes in it per kind', () => {
    const { ctx, calls } = recorder();
    drawPicture(ctx, cover, rects, edges, style);
    expect(calls).toEqual([
      'transform 0.5 0 0 0.5 50 50',
      'begin',
      'M100 20',
      'L300 120',
      // One screen pixel is 2 model px at zoom 0.5: edges half of it, boxes all of it.
      'stroke grey 1 1',
      'fillRect destination-in 0.6',
      'begin',
      'rect 0 0 100 40',
      'fill colour-of-service 0.35',
      'stroke colour-of-service 1 2',
      'begin',
      'rect 300 100 100 40',
      'fill colour-of-secret 0.35',
      'stroke colour-of-secret 1 2',
    ]);
  });

  it('draws no boxes where React Flow draws the nodes', () => {
    const { ctx, calls } = recorder();
    drawPicture(ctx, cover, rects, edges, { ...style, boxes: false });
    expect(calls.filter((c) => c.startsWith('rect'))).toEqual([]);
    expect(calls.at(-1)).toBe('fillRect destination-in 0.6');
  });
});

/**
 * A large model stays usable: it opens at a readable zoom, zoomed out it is one picture, search finds any
 * node, and a dragged node takes its edges along.
 */
import type { Page } from '@playwright/test';
import { lintModel } from '../../shared/analysis/index.ts';
import { openFileThroughUi } from './fixtures.ts';
import { boxSelect, center, dragBy, expect, getModel, mod, nodeEl, parseModel, test } from './editor-helpers.ts';

const COLUMNS = 40;
const KINDS = ['service', 'secret', 'identity', 'datastore'] as const;
const EDGE_FOR: Record<string, string> = {
  'service>secret': 'holds',
  'secret>identity': 'authenticates',
  'identity>datastore': 'grants',
};

/** `long`: each row's first service also calls the service four columns from the row's end, across the row. */
function largeFile(n: number, { long = false } = {}) {
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: `n${i}`,
    kind: KINDS[i % 4],
    label: `Node ${i}`,
    position: { x: (i % COLUMNS) * 240, y: Math.floor(i / COLUMNS) * 120 },
  }));
  const edges = nodes.flatMap((node, i) => {
    const next = nodes[i + 1];
    const kind = next && EDGE_FOR[`${node.kind}>${next.kind}`];
    return kind ? [{ id: `e${i}`, kind, source: node.id, target: next.id }] : [];
  });
  if (long)
    for (let i = 0; i + COLUMNS - 4 < n; i += COLUMNS)
      edges.push({ id: `long${i}`, kind: 'calls', source: `n${i}`, target: `n${i + COLUMNS - 4}` });
  return {
    name: 'large.faultline.json',
    text: JSON.stringify({ format: 'faultline', version: 1, model: { id: 'large', name: 'Large', nodes, edges } }),
  };
}

/**
 * Breaks a secret of `largeFile` (n1, n5, n9…) from its context menu: one wholly in view, clear of the
 * toolbar floating over the top of the canvas. Returns its number once the blast radius is shown.
 */
async function breakSecretInView(page: Page, mode: 'leak' | 'expire'): Promise<number> {
  const view = (await page.locator('.react-flow__pane').boundingBox())!;
  const toolbar = (await page.getByRole('toolbar', { name: 'Editing' }).boundingBox())!;
  const secret = (
    await page
      .locator('.react-flow__node-kind')
      .evaluateAll((els) => els.map((e) => ({ id: e.dataset.id!, box: e.getBoundingClientRect().toJSON() as DOMRect })))
  )
    .filter(({ box: b }) => b.top > toolbar.y + toolbar.height && b.left > view.x + 10 && b.right < view.x + view.width - 10 && b.bottom < view.y + view.height - 10)
    .map(({ id }) => Number(id.slice(1)))
    .find((i) => i % 4 === 1)!;
  await nodeEl(page, `n${secret}`).click({ button: 'right' });
  await page.getByTestId(`context-break-${mode}`).click();
  await expect(page.getByTestId('scenario-status')).not.toHaveText('no blast radius shown');
  return secret;
}

/**
 * Whether a canvas (by default the drag layer; `moving-picture` is the bitmap a large model is while the
 * view moves) has anything drawn within `r` px of a point on screen.
 */
function inkNear(page: Page, x: number, y: number, r = 5, testId = 'drag-edges'): Promise<boolean> {
  return page.evaluate(
    ([x, y, r, testId]) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="${testId}"]`)!;
      const box = canvas.getBoundingClientRect();
      const scale = canvas.width / box.width;
      const px = canvas
        .getContext('2d')!
        .getImageData((x - r - box.left) * scale, (y - r - box.top) * scale, 2 * r * scale, 2 * r * scale).data;
      for (let i = 3; i < px.length; i += 4) if (px[i] > 0) return true;
      return false;
    },
    [x, y, r, testId] as const,
  );
}

test('a 1,200-node model opens readable, fits as one picture, and search still jumps to any node', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, largeFile(1200));
  await expect(page.getByTestId('status-counts')).toHaveText(/1,200 nodes/);
  // Opened at a working zoom: a part of the model, in full detail, not 1,200 specks.
  const drawn = await page.locator('.react-flow__node-kind').count();
  expect(drawn).toBeGreaterThan(10);
  expect(drawn).toBeLessThan(300);
  await expect(page.locator('.fl-node-chips').first()).toBeVisible();

  // F: the whole model, drawn as one overview picture.
  await page.keyboard.press('f');
  await expect(page.getByTestId('model-overview')).toBeVisible();
  await expect(page.locator('.fl-overview-nodes').first()).toBeAttached();
  await expect(page.locator('.react-flow__node-kind')).toHaveCount(0);

  // Search finds a node far away, brings it into view and selects it.
  await page.keyboard.press('Control+f');
  await page.getByTestId('search-input').fill('Node 1187');
  await page.keyboard.press('Enter');
  await expect(nodeEl(page, 'n1187')).toBeInViewport();
  await expect(nodeEl(page, 'n1187')).toHaveClass(/selected/);
  await expect(page.getByTestId('inspector')).toContainText('Node 1187');

  // Editing works as anywhere: the node is renamed and the model has it.
  await page.getByTestId('field-label').fill('Edge gateway');
  expect((await getModel(page)).nodes[1187].label).toBe('Edge gateway');
});

/** The mean of red, green and blue of a canvas's pixel under a point on screen (by test id). */
function brightnessAt(page: Page, x: number, y: number, testId: string): Promise<number> {
  return page.evaluate(
    ([x, y, testId]) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="${testId}"]`)!;
      const box = canvas.getBoundingClientRect();
      const scale = canvas.width / box.width;
      const [r, g, b] = canvas.getContext('2d')!.getImageData((x - box.left) * scale, (y - box.top) * scale, 1, 1).data;
      return (r + g + b) / 3;
    },
    [x, y, testId] as const,
  );
}

test('on a large model a dragged node takes its edges along, and the move is one undo step', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, largeFile(1200));
  await expect(page.getByTestId('status-counts')).toHaveText(/1,200 nodes/);
  // A secret node (n4k+1) well inside the view: an edge comes in from its service (e4k) and goes out to
  // its identity (e4k+1).
  const view = (await page.locator('.react-flow__pane').boundingBox())!;
  const shown = await page
    .locator('.react-flow__node-kind')
    .evaluateAll((els) => els.map((e) => ({ id: e.dataset.id!, box: e.getBoundingClientRect().toJSON() as DOMRect })));
  const inside = (b: DOMRect) =>
    b.left > view.x + 20 &&
    b.right < view.x + view.width - 80 &&
    b.top > view.y + 10 &&
    b.bottom < view.y + view.height - 120;
  const ids = shown.map((n) => n.id);
  const id = shown.find(
    (n) => Number(n.id.slice(1)) % 4 === 1 && ids.includes(`n${Number(n.id.slice(1)) + 1}`) && inside(n.box),
  )!.id;
  const k = Number(id.slice(1));
  await expect(page.getByTestId(`rf__edge-e${k}`)).toBeAttached();
  const before = (await getModel(page)).nodes[k].position!;

  const start = await center(nodeEl(page, id));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 60, start.y + 90, { steps: 8 });
  // Mid-drag the node's two edges are on the drag layer, drawn to where the node is now: the incoming
  // edge's arrowhead at its left side, the outgoing edge leaving its right side.
  const layer = page.getByTestId('drag-edges');
  await expect(layer).toHaveAttribute('data-edges', '2');
  await expect(page.getByTestId(`rf__edge-e${k}`)).not.toBeAttached();
  const node = (await nodeEl(page, id).boundingBox())!;
  const middle = node.y + node.height / 2;
  await expect.poll(() => inkNear(page, node.x - 4, middle)).toBe(true);
  await expect.poll(() => inkNear(page, node.x + node.width + 4, middle)).toBe(true);
  expect(await inkNear(page, node.x + node.width / 2, node.y - 30)).toBe(false);
  await page.mouse.up();

  // Dropped: the edges are canvas edges again, the model has the move, and one undo takes it back.
  await expect(layer).toHaveAttribute('data-edges', '0');
  await expect(page.getByTestId(`rf__edge-e${k}`)).toBeAttached();
  await expect(page.getByTestId(`rf__edge-e${k + 1}`)).toBeAttached();
  const after = (await getModel(page)).nodes[k].position!;
  expect(after).not.toEqual(before);
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(async () => (await getModel(page)).nodes[k].position).toEqual(before);
});

test('on a large model a block selection lifts its edges onto the drag layer until it is deselected', async ({
  page,
}) => {
  await page.goto('/');
  await openFileThroughUi(page, largeFile(1200));
  await expect(page.getByTestId('status-counts')).toHaveText(/1,200 nodes/);
  // An edge drawn inside the view, and the middle of its curve (the middle of its box: the curve is symmetric).
  const view = (await page.locator('.react-flow__pane').boundingBox())!;
  const edges = await page.locator('.react-flow__edge').evaluateAll((els) =>
    els.map((e) => ({
      id: e.dataset.id!,
      box: e.querySelector('.react-flow__edge-path')!.getBoundingClientRect().toJSON() as DOMRect,
    })),
  );
  const { id: edgeId, box } = edges.find(
    ({ box: b }) =>
      b.left > view.x + 10 &&
      b.right < view.x + view.width - 10 &&
      b.top > view.y + 10 &&
      b.bottom < view.y + view.height - 10,
  )!;
  const mid = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  // At this zoom edges carry their labels; a label's top edge is off the (level) curve.
  const label = (await page.getByTestId(`edge-label-${edgeId}`).boundingBox())!;
  const labelTop = { x: label.x + label.width / 2, y: label.y + 2 };
  expect(await inkNear(page, labelTop.x, labelTop.y, 1)).toBe(false);

  // A (select all) is a block: its edges leave React Flow for the drag layer, drawn where they were with
  // their labels, so that dragging it starts without a long frame.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('a');
  const layer = page.getByTestId('drag-edges');
  await expect(layer).not.toHaveAttribute('data-edges', '0');
  await expect(page.getByTestId(`rf__edge-${edgeId}`)).not.toBeAttached();
  await expect.poll(() => inkNear(page, mid.x, mid.y)).toBe(true);
  // and so is its label, where it was.
  await expect(page.getByTestId(`edge-label-${edgeId}`)).not.toBeAttached();
  expect(await inkNear(page, labelTop.x, labelTop.y, 1)).toBe(true);

  // Deselected: the edges are React Flow's again (labels, clicks) and the layer is empty.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId(`rf__edge-${edgeId}`)).toBeAttached();
  await expect(layer).toHaveAttribute('data-edges', '0');

  // With a scenario shown, a block keeps its edges and their overlay: nothing is lifted until a drag.
  await breakSecretInView(page, 'leak');
  await page.keyboard.press('a');
  await expect(page.locator('.react-flow__node-kind.selected').first()).toBeVisible();
  await expect(page.getByTestId(`rf__edge-${edgeId}`)).toBeAttached();
  await expect(layer).toHaveAttribute('data-edges', '0');
});

test('zoomed out, a large model is one picture of the edges near the view, and a block’s edges follow its drop', async ({
  page,
}) => {
  await page.goto('/');
  await openFileThroughUi(page, largeFile(1200));
  await expect(page.getByTestId('status-counts')).toHaveText(/1,200 nodes/);
  const total = (await getModel(page)).edges.length;
  // Out to the zoom where cards are simple and every edge is part of the picture.
  const canvas = page.locator('[data-detail]');
  for (let i = 0; i < 8 && (await canvas.getAttribute('data-detail')) === 'full'; i++)
    await page.locator('.react-flow__controls-zoomout').click();
  await expect(canvas).toHaveAttribute('data-detail', 'simple');
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  const picture = page.locator('.fl-overview:not(.fl-overview-lifted) .fl-overview-edges');
  const lifted = page.locator('.fl-overview-lifted .fl-overview-edges');
  /** The segments of a path, as [x0, y0, x1, y1]. */
  const segments = async (path: typeof picture) =>
    ((await path.getAttribute('d')) ?? '').split('M').filter(Boolean).map((s) => s.split(/[ L]/).map(Number));
  // The picture holds the edges near the view, not all of the model's.
  const near = (await segments(picture)).length;
  expect(near).toBeGreaterThan(10);
  expect(near).toBeLessThan(total);

  // A block selection's edges move to a picture of their own (all of them here: A selects the edges too).
  await page.keyboard.press('a');
  await expect.poll(async () => (await segments(picture)).length).toBe(0);
  expect((await segments(lifted)).length).toBeGreaterThanOrEqual(near);
  const before = await segments(lifted);
  const at = (await getModel(page)).nodes[0].position!;

  // Dropped: every lifted segment is drawn to where its nodes are now. A node clear of the toolbar is dragged.
  const view = (await page.locator('.react-flow__pane').boundingBox())!;
  const toolbar = (await page.getByRole('toolbar', { name: 'Editing' }).boundingBox())!;
  const node = (
    await page.locator('.react-flow__node-kind').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))
  ).find((b) => b.top > toolbar.y + toolbar.height + 10 && b.left > view.x + 20 && b.right < view.x + view.width - 120 && b.bottom < view.y + view.height - 140)!;
  await page.mouse.move(node.x + node.width / 2, node.y + node.height / 2);
  await page.mouse.down();
  await page.mouse.move(node.x + node.width / 2 + 60, node.y + node.height / 2 + 90, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await getModel(page)).nodes[0].position).not.toEqual(at);
  const moved = (await getModel(page)).nodes[0].position!;
  const [dx, dy] = [moved.x - at.x, moved.y - at.y];
  await expect.poll(async () => (await segments(lifted))[0]?.[0]).not.toBe(before[0][0]);
  const after = await segments(lifted);
  expect(after.length).toBe(before.length);
  after.forEach((s, i) => {
    const [x0, y0, x1, y1] = before[i];
    expect(Math.abs(s[0] - x0 - dx)).toBeLessThanOrEqual(1);
    expect(Math.abs(s[1] - y0 - dy)).toBeLessThanOrEqual(1);
    expect(Math.abs(s[2] - x1 - dx)).toBeLessThanOrEqual(1);
    expect(Math.abs(s[3] - y1 - dy)).toBeLessThanOrEqual(1);
  });

  // Deselected: they are part of the one picture again.
  await page.keyboard.press('Escape');
  await expect(page.locator('.fl-overview-lifted')).toHaveCount(0);
  await expect.poll(async () => (await segments(picture)).length).toBeGreaterThan(10);
});

test('zoomed out, a large model’s spread lines keep the width and dashes a room can see', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, largeFile(1200));
  await expect(page.getByTestId('status-counts')).toHaveText(/1,200 nodes/);
  // A secret expires: the service that holds it is hit, a dashed line back to it (down or degraded).
  await breakSecretInView(page, 'expire');
  const canvas = page.locator('[data-detail]');
  for (let i = 0; i < 8 && (await canvas.getAttribute('data-detail')) === 'full'; i++)
    await page.locator('.react-flow__controls-zoomout').click();
  await expect(canvas).toHaveAttribute('data-detail', 'simple');
  const line = page.locator('.fx-ov-line-down, .fx-ov-line-degraded').first();
  await expect(line).toBeAttached();
  // The picture is scaled by the viewport's zoom: its lines are 3 px wide and their dashes 6 px on, 4 px
  // off on screen, give or take the zoom's steps (a fifth of an octave), not model px that shrink to a
  // hairline and a blur as the view widens.
  const { width, dashes, cap, zoom } = await line.evaluate((el) => {
    const style = getComputedStyle(el);
    const viewport = el.closest('.react-flow__viewport')!;
    return {
      width: parseFloat(style.strokeWidth),
      dashes: style.strokeDasharray.split(/[ ,]+/).map(parseFloat),
      cap: style.strokeLinecap,
      zoom: new DOMMatrix(getComputedStyle(viewport).transform).a,
    };
  });
  expect(zoom).toBeLessThan(0.75);
  expect(cap).toBe('butt');
  expect(width * zoom).toBeGreaterThan(3 / 1.08);
  expect(width * zoom).toBeLessThan(3 * 1.08);
  expect(dashes[0] * zoom).toBeGreaterThan(6 / 1.08);
  expect(dashes[0] * zoom).toBeLessThan(6 * 1.08);
  expect(dashes[1] * zoom).toBeGreaterThan(4 / 1.08);
  expect(dashes[1] * zoom).toBeLessThan(4 * 1.08);
});

test('presenting a large model, framed whole, rings the nodes each hop reaches', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, largeFile(1200));
  await expect(page.getByTestId('status-counts')).toHaveText(/1,200 nodes/);
  // A secret's leak: it, then the identity it authenticates as, then the data store that grants.
  const secret = await breakSecretInView(page, 'leak');
  await page.keyboard.press('F5');
  await expect(page.locator('[data-detail]')).toHaveAttribute('data-detail', 'far');
  await page.keyboard.press('Home');
  const rings = page.locator('.fx-ov-fresh');
  const ringed = () => rings.evaluateAll((els) => els.map((e) => e.getAttribute('data-node')));
  await expect.poll(ringed).toEqual([`n${secret}`]);
  await page.keyboard.press('ArrowRight');
  await expect.poll(ringed).toEqual([`n${secret + 1}`]);
  await expect(rings.first()).toHaveClass(/fx-ov-fresh-control/);
  // 20 px around the node on screen, give or take the zoom's steps, however far out the model is framed.
  const radius = await rings.first().evaluate((el) => el.getBoundingClientRect().width / 2);
  expect(radius).toBeGreaterThan(20 / 1.08);
  expect(radius).toBeLessThan(20 * 1.08);
});

/** The viewport's translation once it has stopped moving (two reads 100 ms apart agree). */
async function restingView(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  let last = await translation(page);
  for (;;) {
    await page.waitForTimeout(100);
    const now = await translation(page);
    if (now.x === last.x && now.y === last.y && now.zoom === last.zoom) return now;
    last = now;
  }
}

/** The canvas's viewport translation on screen. */
function translation(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  return page.evaluate(() => {
    const m = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform);
    return { x: m.e, y: m.f, zoom: m.a };
  });
}

test('with a break shown, zoomed out to labels, a large model’s dimmed cards are one picture, the card pointed at is real, and only the spread’s lines are drawn', async ({
  page,
}) => {
  await page.goto('/');
  await openFileThroughUi(page, largeFile(1200, { long: true }));
  await expect(page.getByTestId('status-counts')).toHaveText(/1,200 nodes/);
  const canvas = page.locator('[data-card]');
  for (let i = 0; i < 8 && (await canvas.getAttribute('data-card')) !== 'label'; i++)
    await page.locator('.react-flow__controls-zoomout').click();
  await expect(canvas).toHaveAttribute('data-card', 'label');
  // The model's links near the view are one picture, those crossing it too: the long links run across
  // the view, both ends far out of it.
  const links = page.locator('.fl-overview:not(.fl-overview-lifted) .fl-overview-edges');
  const segments = async () =>
    ((await links.getAttribute('d')) ?? '').split('M').filter(Boolean).map((p) => p.split(/[ L]/).map(Number));
  const crossing = async () => (await segments()).filter(([x0, , x1]) => x0 < 300 && x1 > 8000).length;
  expect(await crossing()).toBeGreaterThan(0);
  expect((await segments()).length).toBeGreaterThan(10);
  // With a break shown the model's own links go, near the view or crossing it: the spread's lines are the
  // picture's only lines (the leak's two hops: the secret to the identity, the identity to the data store).
  const secret = await breakSecretInView(page, 'leak');
  await expect.poll(async () => (await segments()).length).toBe(0);
  await expect(page.locator('.fx-overview .fx-ov-line')).toHaveCount(2);
  // React Flow draws the cards the leak reaches (the secret, the identity, the data store), over their
  // twins in the picture; every card it leaves dimmed is the picture's alone.
  const picture = page.getByTestId('card-picture');
  await expect(picture).toHaveAttribute('data-cards', '1200');
  await expect(nodeEl(page, `n${secret}`)).toBeVisible();
  const reached = [secret, secret + 1, secret + 2].map((i) => `n${i}`);
  const mounted = () => page.locator('.react-flow__node-kind').evaluateAll((els) => els.map((e) => e.dataset.id!));
  await expect.poll(async () => (await mounted()).filter((id) => !reached.includes(id))).toEqual([]);

  // Dimmed cards in view, clear of the toolbar: where they are on screen, from the model.
  const { x: tx, y: ty, zoom } = await translation(page);
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const toolbar = (await page.getByRole('toolbar', { name: 'Editing' }).boundingBox())!;
  const screenOf = (i: number) => ({ x: pane.x + tx + (i % COLUMNS) * 240 * zoom, y: pane.y + ty + Math.floor(i / COLUMNS) * 120 * zoom });
  const dimmed = Array.from({ length: 1200 }, (_, i) => i).filter((i) => {
    const { x, y } = screenOf(i);
    const inView = x > pane.x + 10 && x + 240 * zoom < pane.x + pane.width - 10 && y > toolbar.y + toolbar.height + 10 && y + 120 * zoom < pane.y + pane.height - 10;
    return inView && Math.abs(i - secret) > 3;
  });
  expect(dimmed.length).toBeGreaterThan(10);
  const [first, second] = dimmed;
  const middle = (i: number) => ({ x: screenOf(i).x + 92 * zoom, y: screenOf(i).y + 32 * zoom });
  // The picture has a card there, and nothing in the gap to its right (the model's edges are another layer).
  const gap = { x: screenOf(first).x + 212 * zoom, y: middle(first).y };
  expect(await inkNear(page, middle(first).x, middle(first).y, 3, 'card-picture')).toBe(true);
  expect(await inkNear(page, gap.x, gap.y, 3, 'card-picture')).toBe(false);
  await expect(nodeEl(page, `n${first}`)).not.toBeAttached();
  // In the theme's colours: a dark card after the switch to the dark theme, a light one back.
  const inCard = { x: screenOf(first).x + 170 * zoom, y: screenOf(first).y + 8 * zoom };
  const light = await brightnessAt(page, inCard.x, inCard.y, 'card-picture');
  await page.getByTestId('action-theme').click();
  await expect.poll(() => brightnessAt(page, inCard.x, inCard.y, 'card-picture')).toBeLessThan(light - 100);
  await page.getByTestId('action-theme').click();
  await expect.poll(() => brightnessAt(page, inCard.x, inCard.y, 'card-picture')).toBe(light);

  // Pointed at, a dimmed card is a card again: a click selects it, and it stays one while selected.
  await page.mouse.move(middle(first).x, middle(first).y);
  await expect(nodeEl(page, `n${first}`).locator('.fl-node')).toHaveClass(/fx-dim/);
  // and leaves the picture: two faded copies would show through each other.
  await expect(picture).toHaveAttribute('data-cards', '1199');
  await page.mouse.down();
  await page.mouse.up();
  await expect(nodeEl(page, `n${first}`)).toHaveClass(/selected/);
  await page.mouse.move(middle(second).x, middle(second).y);
  await expect(nodeEl(page, `n${second}`)).toBeVisible();
  await page.mouse.move(gap.x, gap.y);
  await expect(nodeEl(page, `n${second}`)).not.toBeAttached();
  await expect(nodeEl(page, `n${first}`)).toHaveClass(/selected/);
  // It drags as any card: across its neighbours, and the model has it where it was dropped.
  const at = (await getModel(page)).nodes[first].position!;
  await dragBy(page, middle(first), 240 * zoom, 60 * zoom);
  await expect.poll(async () => (await getModel(page)).nodes[first].position!.x).toBeGreaterThan(at.x + 150);
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(async () => (await getModel(page)).nodes[first].position).toEqual(at);

  // A box drawn with Shift takes dimmed cards too.
  await page.keyboard.press('Escape');
  await expect(nodeEl(page, `n${first}`)).not.toBeAttached();
  const corner = screenOf(second);
  await boxSelect(page, { x: corner.x - 8, y: corner.y - 8 }, { x: corner.x + 184 * zoom + 8, y: corner.y + 64 * zoom + 8 });
  await expect(nodeEl(page, `n${second}`)).toHaveClass(/selected/);
  await expect(page.locator('.react-flow__node-kind.selected')).toHaveCount(1);
});

test('on a large model, follow brings each hop into view, and switched on it catches up with the hop shown', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, largeFile(1200));
  await expect(page.getByTestId('status-counts')).toHaveText(/1,200 nodes/);
  // A leak: the secret, then the identity it authenticates as, then the data store that identity reaches.
  const secret = await breakSecretInView(page, 'leak');
  await page.getByTestId('follow-toggle').uncheck();
  await page.getByTestId('timeline-scrubber').focus();
  await page.keyboard.press('Home');
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  /** Whether a node is drawn wholly inside the canvas (read at once: a node out of view has no element). */
  const inView = (id: string) =>
    page.evaluate(
      ([id, pane]) => {
        const box = document.querySelector(`[data-testid="rf__node-${id}"]`)?.getBoundingClientRect();
        return !!box && box.left >= pane.x && box.top >= pane.y && box.right <= pane.x + pane.width && box.bottom <= pane.y + pane.height;
      },
      [id, pane] as const,
    );
  // Far from the break: search jumps to the model's bottom-left corner.
  await page.getByTestId('timeline-scrubber').blur();
  await page.keyboard.press(`${mod}+f`);
  await page.getByTestId('search-input').fill('Node 1160');
  await expect(page.getByTestId('search-result-n1160')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(nodeEl(page, 'n1160')).toBeInViewport();
  await expect.poll(() => inView(`n${secret}`)).toBe(false);
  // Follow off: a step leaves the camera where it is (once the search's glide has ended).
  const before = await restingView(page);
  await page.getByTestId('action-step-next').click();
  await expect(page.getByTestId('timeline-scrubber')).not.toHaveAttribute('data-time', '0');
  expect(await translation(page)).toEqual(before);
  // Switched on: the hop shown (the identity, reached from the secret) comes into view at once.
  await page.getByTestId('follow-toggle').check();
  await expect.poll(() => inView(`n${secret + 1}`)).toBe(true);
  expect(await inView(`n${secret}`)).toBe(true);
  // Away again, and a step with follow on: the camera goes to that hop (the data store, from the identity).
  await page.getByTestId('follow-toggle').blur();
  await page.keyboard.press(`${mod}+f`);
  await page.getByTestId('search-input').fill('Node 1160');
  await expect(page.getByTestId('search-result-n1160')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect.poll(() => inView(`n${secret + 2}`)).toBe(false);
  await page.getByTestId('action-step-next').click();
  await expect.poll(() => inView(`n${secret + 2}`)).toBe(true);
  expect(await inView(`n${secret + 1}`)).toBe(true);
});

/**
 * 600 services in rows too close for a row of tags between them. In each half of the model, each service
 * depends on the one before it, and the first is compromised: control spreads along, two hours a step,
 * the right half an hour behind the left, so that each hop is in the other half from the one before.
 */
function denseFile() {
  const columns = 30;
  const nodes = Array.from({ length: 600 }, (_, i) => ({
    id: `s${i}`,
    kind: 'service',
    label: `Service ${i}`,
    position: { x: (i % columns) * 208, y: Math.floor(i / columns) * 84 },
  }));
  const half = (right: boolean) => nodes.filter((_, i) => i % columns >= columns / 2 === right);
  const chain = (list: typeof nodes, late: boolean) =>
    list.slice(1).map((node, i) => ({
      id: `d-${node.id}`,
      kind: 'depends-on',
      source: node.id,
      target: list[i].id,
      props: { delayHours: late && i === 0 ? 1 : 2 },
    }));
  const [left, right] = [half(false), half(true)];
  const edges = [...chain(left, false), ...chain(right, true)];
  const breaks = [left, right].map((list) => ({ mode: 'compromise', node: list[0].id }));
  const scenarios = [{ id: 'spread', name: 'Both halves compromised', breaks }];
  return {
    name: 'dense.faultline.json',
    text: JSON.stringify({ format: 'faultline', version: 1, model: { id: 'dense', name: 'Dense', nodes, edges, scenarios } }),
  };
}

/** The tags of the cards in view: those lying on another card or on one another, and where the rows sit. */
function tagsInView(page: Page) {
  return page.evaluate(() => {
    const boxes = (sel: string) => [...document.querySelectorAll<HTMLElement>(sel)].map((el) => ({ el, r: el.getBoundingClientRect() }));
    const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    const nodes = boxes('.react-flow__node-kind');
    const tags = boxes('.fx-tags');
    const idOf = (el: HTMLElement) => el.closest('.react-flow__node')!.getAttribute('data-id');
    const problems: string[] = [];
    for (const tag of tags)
      for (const n of nodes) if (n.el !== tag.el.closest('.react-flow__node') && hit(tag.r, n.r)) problems.push(`tags of ${idOf(tag.el)} on ${n.el.getAttribute('data-id')}`);
    for (let i = 0; i < tags.length; i++)
      for (let j = i + 1; j < tags.length; j++) if (hit(tags[i].r, tags[j].r)) problems.push(`tags of ${idOf(tags[i].el)} and ${idOf(tags[j].el)}`);
    const places = tags.map((t) => t.el.closest<HTMLElement>('[data-decor]')?.dataset.decor ?? 'none');
    return { problems, count: tags.length, places: [...new Set(places)].sort() };
  });
}

test('on a large model, wherever follow takes the camera, the tags of the cards in view are clear of other cards and of one another', async ({
  page,
}) => {
  await page.goto('/');
  await openFileThroughUi(page, denseFile());
  await expect(page.getByTestId('status-counts')).toHaveText(/600 nodes/);
  await page.getByTestId('scenario-item-spread').click();
  await expect(page.getByTestId('scenario-status')).not.toHaveText('no blast radius shown');
  // Zoomed out to labels (where follow plays a break), the whole spread, and follow on: the camera goes to
  // the last hop. A large model places the tags near the view only (React Flow draws the cards in view).
  const canvas = page.locator('[data-card]');
  for (let i = 0; i < 8 && (await canvas.getAttribute('data-card')) !== 'label'; i++)
    await page.locator('.react-flow__controls-zoomout').click();
  await expect(canvas).toHaveAttribute('data-card', 'label');
  await page.getByTestId('timeline-scrubber').focus();
  await page.keyboard.press('End');
  await page.getByTestId('follow-toggle').check();
  // Hop by hop back: each step takes the camera across the model to the other half, where every card in
  // view has its tags placed, none of them on another card or on other tags.
  const seen = new Set<string>();
  for (let step = 0; step < 5; step++) {
    if (step > 0) await page.getByTestId('action-step-prev').click();
    await page.waitForTimeout(400);
    const view = await translation(page);
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    seen.add((pane.width / 2 - view.x) / view.zoom > 15 * 208 ? 'right' : 'left');
    const tags = await tagsInView(page);
    expect(tags.problems, `step ${step}`).toEqual([]);
    expect(tags.count, `step ${step}`).toBeGreaterThan(20);
    // Rows of tags are too close for one above a card: below the top row, they sit on the cards' top edges.
    expect(tags.places, `step ${step}`).toContain('edge');
  }
  expect([...seen].sort()).toEqual(['left', 'right']);
});

test('zoomed out, a large model pans and zooms as one bitmap around the view, and its cards are back when it rests', async ({
  page,
}) => {
  await page.goto('/');
  await openFileThroughUi(page, largeFile(1200));
  await expect(page.getByTestId('status-counts')).toHaveText(/1,200 nodes/);
  const canvas = page.locator('[data-detail]');
  for (let i = 0; i < 8 && (await canvas.getAttribute('data-detail')) === 'full'; i++)
    await page.locator('.react-flow__controls-zoomout').click();
  await expect(canvas).toHaveAttribute('data-detail', 'simple');
  // A service near the middle of the view: it has an edge to the next node along its row (largeFile).
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const cards = await page.locator('.react-flow__node-kind').evaluateAll((els) =>
    els.map((e) => ({ id: e.getAttribute('data-id')!, box: e.getBoundingClientRect().toJSON() as DOMRect })),
  );
  const box = (id: string) => cards.find((c) => c.id === id)?.box;
  const mx = pane.x + pane.width / 2;
  const my = pane.y + pane.height / 2;
  const source = cards
    .filter((c) => Number(c.id.slice(1)) % 4 === 0 && box(`n${Number(c.id.slice(1)) + 1}`))
    .sort((a, b) => Math.hypot(a.box.x - mx, a.box.y - my) - Math.hypot(b.box.x - mx, b.box.y - my))[0];
  const a = source.box;
  const b = box(`n${Number(source.id.slice(1)) + 1}`)!;
  const { zoom } = await translation(page);
  const edgeAt = { x: (a.right + b.left) / 2, y: a.top + a.height / 2 };
  // Halfway down to the next row: empty pane, where a drag pans.
  const gapAt = { x: a.left + a.width / 2, y: (a.bottom + a.top + 120 * zoom) / 2 };
  const picture = page.getByTestId('moving-picture');
  await expect(picture).toHaveCount(0);

  // Held in the middle of a pan: one bitmap, no cards, no SVG picture.
  const before = await translation(page);
  await page.mouse.move(gapAt.x, gapAt.y);
  await page.mouse.down();
  await page.mouse.move(gapAt.x - 70, gapAt.y - 45, { steps: 6 });
  await expect(picture).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await expect(page.getByTestId('model-overview')).toHaveCount(0);
  // The bitmap holds that edge where the view now shows it, and nothing in the gap under its row.
  const now = await translation(page);
  const [dx, dy] = [now.x - before.x, now.y - before.y];
  expect(Math.hypot(dx, dy)).toBeGreaterThan(20);
  expect(await inkNear(page, edgeAt.x + dx, edgeAt.y + dy, 2, 'moving-picture')).toBe(true);
  expect(await inkNear(page, gapAt.x + dx, gapAt.y + dy, 2, 'moving-picture')).toBe(false);

  // Released: the cards and the SVG picture are back, the bitmap gone.
  await page.mouse.up();
  await expect(picture).toHaveCount(0);
  await expect(page.locator('.react-flow__node-kind').first()).toBeVisible();
  await expect(page.getByTestId('model-overview')).toBeVisible();

  // A wheel step shows the bitmap too; the cards come back once the wheel has rested.
  await page.mouse.move(mx, my);
  await page.mouse.wheel(0, 40);
  await expect(picture).toBeVisible();
  await expect(picture).toHaveCount(0);
  await expect(page.locator('.react-flow__node-kind').first()).toBeVisible();
});

test('fit all shows every node of a 10,000-node model inside the canvas, drawn as its overview', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  // 40 columns by 250 rows: 9,600 × 30,000 px, which fits the canvas only below the usual least zoom (0.05).
  await openFileThroughUi(page, largeFile(10_000));
  await expect(page.getByTestId('status-counts')).toHaveText(/10,000 nodes/, { timeout: 60_000 });
  await expect(page.locator('.react-flow__node-kind').first()).toBeVisible({ timeout: 60_000 });
  await page.keyboard.press('f');
  const boxes = page.locator('.fl-overview-nodes');
  await expect(boxes.first()).toBeAttached();
  await expect(page.locator('.react-flow__node-kind')).toHaveCount(0);
  // The overview's node boxes, all kinds together, lie inside the pane: the whole model is in view.
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const all = await boxes.evaluateAll((els) => {
    const rs = els.map((e) => e.getBoundingClientRect());
    return {
      left: Math.min(...rs.map((r) => r.left)),
      top: Math.min(...rs.map((r) => r.top)),
      right: Math.max(...rs.map((r) => r.right)),
      bottom: Math.max(...rs.map((r) => r.bottom)),
    };
  });
  expect(all.left).toBeGreaterThanOrEqual(pane.x);
  expect(all.top).toBeGreaterThanOrEqual(pane.y);
  expect(all.right).toBeLessThanOrEqual(pane.x + pane.width);
  expect(all.bottom).toBeLessThanOrEqual(pane.y + pane.height);
  // and it fills a good part of the pane's height (framed, not a speck).
  expect(all.bottom - all.top).toBeGreaterThan(pane.height * 0.6);
});

test('a large model’s findings list draws the findings in sight, scrolling it shows every one of the linter’s in order, and it reads in a narrow dock', async ({ page }) => {
  const file = largeFile(1200);
  const findings = lintModel(parseModel(file.text));
  expect(findings.length).toBeGreaterThan(400);
  await page.goto('/');
  await openFileThroughUi(page, file);
  await page.getByTestId('tab-findings').click();
  const panel = page.getByTestId('findings-panel');
  const rows = panel.locator('[data-testid^="finding-"]');
  await expect(rows.first()).toHaveAttribute('data-testid', `finding-${findings[0].id}`);
  expect(await rows.count()).toBeLessThan(100);
  // Anywhere down the list, the panel shows findings, not blank: a run of the linter's, in its order. At the
  // end, the last finding ends the list (the blanks stand for the rows out of sight, at their height).
  const scroller = page.locator('.fx-dock-main');
  const ids = findings.map((f) => f.id);
  for (const at of [0.25, 0.5, 0.75, 1]) {
    await scroller.evaluate((el, at) => (el.scrollTop = at * (el.scrollHeight - el.clientHeight)), at);
    await page.waitForTimeout(150);
    const drawn = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('finding-'.length)));
    const from = ids.indexOf(drawn[0]);
    expect(drawn, `at ${at}`).toEqual(ids.slice(from, from + drawn.length));
    const view = (await scroller.boundingBox())!;
    const inSight = await rows.evaluateAll(
      (els, v) => els.filter((e) => {
        const r = e.getBoundingClientRect();
        return r.bottom > v.y + 40 && r.top < v.y + v.height;
      }).length,
      view,
    );
    expect(inSight, `at ${at}`).toBeGreaterThan(0);
  }
  await expect(rows.last()).toHaveAttribute('data-testid', `finding-${ids.at(-1)}`);
  const last = await rows.last().boundingBox();
  const list = await panel.locator('.fx-finding-list').boundingBox();
  expect(Math.abs(last!.y + last!.height + 3 - (list!.y + list!.height))).toBeLessThan(2);
  // A click on a finding far down the list still selects what it is about.
  await rows.last().click();
  await expect(page.getByTestId('inspector')).not.toContainText('Nothing is selected');
  // At 1280×720 the list is narrow: a message keeps most of its width (the ids go under it), not a sliver.
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect
    .poll(async () => {
      const width = (await panel.locator('.fx-finding-list').boundingBox())!.width;
      const message = (await panel.locator('.fx-finding-message').last().boundingBox())!.width;
      return message / width;
    })
    .toBeGreaterThan(0.6);
});

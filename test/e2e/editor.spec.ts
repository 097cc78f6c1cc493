/**
 * The canvas editor driven as a person does: a model drawn from an empty canvas with the mouse, props set
 * in the inspector, an edge kind changed, then every step undone and redone.
 */
import type { Page } from '@playwright/test';
import { clickEmptyCanvas, connect, drawn, dropKind, expect, getModel, mod, nodeEl, test } from './editor-helpers.ts';

async function snapshot(page: Page) {
  return drawn(await getModel(page));
}

test('draw a 6-node model with the mouse, edit it in the inspector, then undo and redo every step', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('status-counts')).toHaveText('0 nodes · 0 edges');
  const steps = [await snapshot(page)];
  const step = async () => steps.push(await snapshot(page));

  // Six kinds dragged from the palette onto the canvas.
  const ids: Record<string, string> = {};
  const places: [string, number, number][] = [
    ['pipeline', 120, 120],
    ['secret', 380, 120],
    ['identity', 640, 120],
    ['datastore', 640, 330],
    ['agent', 120, 420],
    ['tool', 380, 420],
  ];
  for (const [kind, x, y] of places) {
    ids[kind] = await dropKind(page, kind, { x, y });
    await step();
  }
  expect(Object.values(ids)).toEqual(['pipeline-1', 'secret-1', 'identity-1', 'datastore-1', 'agent-1', 'tool-1']);
  const m0 = await getModel(page);
  expect(m0.nodes.find((n) => n.id === 'secret-1')?.props).toMatchObject({
    criticality: 3,
    environment: 'prod',
    ttlHours: null,
    secretType: 'api-key',
  });

  // Five connections, each by dragging from a handle to a node; kinds default from the pair.
  const pairs: [string, string, string][] = [
    ['pipeline-1', 'secret-1', 'holds'],
    ['secret-1', 'identity-1', 'authenticates'],
    ['identity-1', 'datastore-1', 'grants'],
    ['pipeline-1', 'agent-1', 'deploys'],
    ['agent-1', 'tool-1', 'invokes'],
  ];
  const edgeIds: string[] = [];
  for (const [from, to, kind] of pairs) {
    const id = await connect(page, from, to);
    edgeIds.push(id);
    expect((await getModel(page)).edges.find((e) => e.id === id)).toMatchObject({ source: from, target: to, kind });
    await expect(page.getByTestId(`rf__edge-${id}`)).toHaveCount(1);
    await step();
  }
  await expect(page.getByTestId('status-counts')).toHaveText('6 nodes · 5 edges');

  // Props of the secret, in the inspector.
  await nodeEl(page, 'secret-1').click();
  await page.getByTestId('field-label').fill('CI token');
  await step();
  await page.getByTestId('field-secretType').selectOption('token');
  await step();
  await page.getByTestId('field-ttlHours').fill('24');
  await step();
  await page.getByTestId('field-bound').check();
  await step();
  await expect(nodeEl(page, 'secret-1')).toContainText('CI token');
  await expect(nodeEl(page, 'secret-1')).toContainText('TTL 24 h');
  await expect(nodeEl(page, 'secret-1')).toContainText('bound');

  // An invalid value is refused with the schema's message and never reaches the model.
  await page.getByTestId('field-criticality').fill('9');
  await expect(page.getByTestId('field-error-criticality')).toBeVisible();
  expect((await getModel(page)).nodes.find((n) => n.id === 'secret-1')?.props.criticality).toBe(3);
  await page.getByTestId('field-criticality').fill('5');
  await expect(page.getByTestId('field-error-criticality')).toHaveCount(0);
  await step();

  // The identity → datastore grant: access admin, from the inspector of the edge.
  await page.getByTestId(`edge-label-${edgeIds[2]}`).click();
  await expect(page.getByTestId('edge-kind-menu')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('edge-kind-menu')).toHaveCount(0);
  await page.getByTestId('field-access').selectOption('admin');
  await expect(page.getByTestId(`edge-label-${edgeIds[2]}`)).toHaveText('grants · admin');
  await step();

  // Change the agent → tool edge's kind from its label's menu: only kinds that fit, then "show all".
  await page.getByTestId(`edge-label-${edgeIds[4]}`).click();
  const menu = page.getByTestId('edge-kind-menu');
  await expect(menu.getByTestId('edge-kind-invokes')).toBeVisible();
  await expect(menu.getByTestId('edge-kind-calls')).toBeVisible();
  await expect(menu.getByTestId('edge-kind-holds')).toHaveCount(0);
  await menu.getByTestId('edge-kind-calls').click();
  await expect(page.getByTestId(`edge-label-${edgeIds[4]}`)).toHaveText('calls');
  await step();

  // A kind that does not fit the pair is allowed, and marked.
  await page.getByTestId(`edge-label-${edgeIds[4]}`).click();
  await page.getByTestId('edge-kind-show-all').click();
  await page.getByTestId('edge-kind-holds').click();
  await expect(page.getByTestId(`rf__edge-${edgeIds[4]}`).locator('path.is-misfit').first()).toBeAttached();
  await expect(page.getByTestId(`edge-label-${edgeIds[4]}`)).toHaveAttribute(
    'title',
    /not drawn from a agent to a tool/,
  );
  await step();

  // The kind select in the inspector changes it back.
  await page.getByTestId('field-kind').selectOption('invokes');
  await step();

  const final = await getModel(page);
  expect(final.nodes.find((n) => n.id === 'secret-1')).toMatchObject({
    label: 'CI token',
    props: { secretType: 'token', ttlHours: 24, bound: true, criticality: 5 },
  });
  expect(final.edges.map((e) => [e.source, e.target, e.kind])).toEqual([
    ['pipeline-1', 'secret-1', 'holds'],
    ['secret-1', 'identity-1', 'authenticates'],
    ['identity-1', 'datastore-1', 'grants'],
    ['pipeline-1', 'agent-1', 'deploys'],
    ['agent-1', 'tool-1', 'invokes'],
  ]);
  expect(final.edges[2].props).toMatchObject({ access: 'admin' });

  // Undo every step, one at a time, with the keyboard; each lands exactly on the state before it.
  await clickEmptyCanvas(page);
  for (let i = steps.length - 1; i > 0; i--) {
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => snapshot(page), { message: `undo to step ${i - 1}` }).toEqual(steps[i - 1]);
  }
  await expect(page.getByTestId('action-undo')).toBeDisabled();
  await expect(page.getByTestId('status-counts')).toHaveText('0 nodes · 0 edges');

  // Redo every step: alternately Ctrl+Shift+Z, Ctrl+Y and the toolbar button.
  for (let i = 1; i < steps.length; i++) {
    if (i % 3 === 0) await page.getByTestId('action-redo').click();
    else await page.keyboard.press(i % 3 === 1 ? `${mod}+Shift+z` : `${mod}+y`);
    await expect.poll(() => snapshot(page), { message: `redo to step ${i}` }).toEqual(steps[i]);
  }
  await expect(page.getByTestId('action-redo')).toBeDisabled();

  // The toolbar's undo too; selection changes in between never clear redo.
  await page.getByTestId('action-undo').click();
  await nodeEl(page, 'pipeline-1').click();
  await clickEmptyCanvas(page);
  await expect(page.getByTestId('action-redo')).toBeEnabled();
  await page.getByTestId('action-redo').click();
  expect(await snapshot(page)).toEqual(steps.at(-1));
});

test('the drawn model saves to a file that holds exactly what is on the canvas', async ({ page }) => {
  await page.goto('/');
  const a = await dropKind(page, 'service', { x: 150, y: 150 });
  const b = await dropKind(page, 'secret', { x: 450, y: 150 });
  await connect(page, a, b);
  const download = page.waitForEvent('download');
  await page.getByTestId('action-save').click();
  const text = await (await (await download).createReadStream()).toArray();
  const saved = JSON.parse(Buffer.concat(text).toString('utf8'));
  expect(saved.format).toBe('faultline');
  expect(drawn(saved.model)).toEqual(drawn(await getModel(page)));
  await expect(page.getByTestId('status-dirty')).not.toHaveText(/unsaved|not saved/i);
});

test('a node is renamed inline with a double-click or F2', async ({ page }) => {
  await page.goto('/');
  const id = await dropKind(page, 'agent', { x: 200, y: 200 });
  await nodeEl(page, id).dblclick();
  await page.getByTestId('inline-rename').fill('Support agent');
  await page.keyboard.press('Enter');
  await expect(nodeEl(page, id)).toContainText('Support agent');
  await nodeEl(page, id).click();
  await page.keyboard.press('F2');
  await page.getByTestId('inline-rename').fill('Triage agent');
  await page.keyboard.press('Enter');
  expect((await getModel(page)).nodes[0].label).toBe('Triage agent');
  await page.keyboard.press(`${mod}+z`);
  expect((await getModel(page)).nodes[0].label).toBe('Support agent');
});

test('clicking a palette item adds the kind in the middle of the view, each click a new node', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('palette-issuer').click();
  await page.getByTestId('palette-issuer').click();
  const m = await getModel(page);
  expect(m.nodes.map((n) => n.id)).toEqual(['issuer-1', 'issuer-2']);
  expect(m.nodes[0].position).not.toEqual(m.nodes[1].position);
  for (const n of m.nodes) await expect(nodeEl(page, n.id)).toBeInViewport();
});

/**
 * Breaking things on the canvas, driven as a person does: right-click a node and choose a break, read the
 * blast radius off the canvas, explain a node, try a fix for this scenario only, save, undo. Every
 * expectation is computed here, in the test process, by the engine in shared/ from the same file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { lintModel } from '../../shared/analysis/index.ts';
import type { Model } from '../../shared/domain/index.ts';
import type { ScenarioInput, SimulationResult } from '../../shared/engine/index.ts';
import { explainPath, simulate } from '../../shared/engine/index.ts';
import { parseModelFile } from '../../shared/file/index.ts';
import { formatPercent } from '../../shared/format.ts';
import { openFileThroughUi } from './fixtures.ts';
import { expect, expectedEffects, getModel, nodeEl, parseModel, shownEffects, test } from './editor-helpers.ts';

const TEMPLATE = 'ai-support-agent.faultline.json';
const TEMPLATE_TEXT = readFileSync(join(import.meta.dirname, '../../assets/templates', TEMPLATE), 'utf8');
const SECRET = 'zendesk-token';
const INVOKES = 'resolution-agent--crm-mcp';

function template(): Model {
  return parseModel(TEMPLATE_TEXT);
}

/** The nodes drawn with `data-break="true"`. */
function shownBreaks(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.react-flow__node [data-break="true"]')].map((el) => el.closest('.react-flow__node')?.getAttribute('data-id') ?? ''),
  );
}

async function openTemplate(page: Page): Promise<void> {
  await page.goto('/');
  await openFileThroughUi(page, { name: TEMPLATE, text: TEMPLATE_TEXT });
  await expect(nodeEl(page, SECRET)).toBeVisible();
}

/** Right-click a node, choose a break from its menu. */
async function breakNode(page: Page, node: string, mode: string): Promise<void> {
  await nodeEl(page, node).click({ button: 'right' });
  await expect(page.getByTestId('node-context-menu')).toBeVisible();
  await page.getByTestId(`context-break-${mode}`).click();
  await expect(page.getByTestId('node-context-menu')).toHaveCount(0);
}

/** Clicks an edge on its line, halfway along (its label may be hidden at low zoom). */
async function clickEdge(page: Page, id: string): Promise<void> {
  const at = await page.getByTestId(`rf__edge-${id}`).locator('path.react-flow__edge-path').evaluate((el) => {
    const path = el as SVGPathElement;
    const p = path.getPointAtLength(path.getTotalLength() / 2);
    const m = path.getScreenCTM()!;
    return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
  });
  await page.mouse.click(at.x, at.y);
  await expect(page.getByTestId(`rf__edge-${id}`)).toHaveClass(/selected/);
}

const score = (r: SimulationResult) => String(Number(r.summary.score.toFixed(1)));

test('Leak from the context menu: the canvas shows exactly the impacts the engine computes', async ({ page }) => {
  const model = template();
  await openTemplate(page);

  await nodeEl(page, SECRET).click({ button: 'right' });
  // The menu lists the breaks for a secret, each with its meaning.
  await expect(page.getByTestId('context-break-leak')).toContainText("the secret is in an attacker's hands at time 0");
  await expect(page.getByTestId('context-break-expire')).toBeVisible();
  await expect(page.getByTestId('context-break-revoke')).toBeVisible();
  await expect(page.getByTestId('context-break-compromise')).toHaveCount(0);
  await page.getByTestId('context-break-leak').click();

  const expected = simulate(model, { breaks: [{ mode: 'leak', node: SECRET }] });
  await expect.poll(() => shownEffects(page)).toEqual(expectedEffects(expected));
  expect(await shownBreaks(page)).toEqual([SECRET]);
  await expect(page.getByTestId('overlay-legend')).toBeVisible();
  await expect(page.getByTestId('results-score')).toHaveText(score(expected));
  await expect(page.getByTestId('results-exposure')).toHaveText(formatPercent(expected.summary.exposure));
  for (const node of Object.keys(expectedEffects(expected))) await expect(page.getByTestId(`impact-row-${node}`)).toBeVisible();
  await expect(page.locator('[data-testid^="impact-row-"]')).toHaveCount(Object.keys(expectedEffects(expected)).length);
  // Nodes the leak does not reach are dimmed; the break node and the reached ones are not.
  await expect(nodeEl(page, 'payments-api').locator('.fl-node')).toHaveClass(/fx-dim/);
  await expect(nodeEl(page, 'crm-db').locator('.fl-node')).not.toHaveClass(/fx-dim/);

  // The scenario is part of the model now, and shown in the list.
  const saved = (await getModel(page)).scenarios.at(-1)!;
  expect(saved.breaks).toEqual([{ mode: 'leak', node: SECRET }]);
  await expect(page.getByTestId(`scenario-item-${saved.id}`)).toHaveAttribute('aria-selected', 'true');
});

test('Explain: the path of a node reads as the engine explains it, and is highlighted on the canvas', async ({ page }) => {
  const model = template();
  await openTemplate(page);
  await breakNode(page, SECRET, 'leak');
  const scenario: ScenarioInput = { breaks: [{ mode: 'leak', node: SECRET }] };
  const result = simulate(model, scenario);
  const steps = explainPath(model, result, 'crm-db', undefined, scenario);
  expect(steps.length).toBeGreaterThan(2);

  await page.getByTestId('impact-row-crm-db').click();
  const panel = page.getByTestId('explain-panel');
  await expect(panel.locator('[data-testid^="explain-step-"]')).toHaveCount(steps.length);
  for (const [i, step] of steps.entries()) {
    const row = page.getByTestId(`explain-step-${i}`);
    await expect(row.getByTestId('explain-sentence')).toHaveText(step.sentence);
    await expect(row).toContainText(step.rule);
    if (step.control) await expect(row).toContainText(step.control);
  }
  const highlighted = await page.evaluate(() =>
    [...document.querySelectorAll('.react-flow__node .fl-node.fx-path')].map((el) => el.closest('.react-flow__node')!.getAttribute('data-id')).sort(),
  );
  expect(highlighted).toEqual([...new Set(steps.map((s) => s.node))].sort());
  for (const s of steps.slice(1)) await expect(page.locator(`[data-testid="rf__edge-${s.edge}"] .fx-spread.fx-path`)).toHaveCount(1);

  // Selecting it on the canvas explains it too.
  await nodeEl(page, 'crm-user').click();
  await expect(page.getByTestId('explain-step-0').getByTestId('explain-sentence')).toHaveText(
    explainPath(model, result, 'crm-user', undefined, scenario)[0].sentence,
  );
});

test('Approval on an invokes edge, for this scenario only, shrinks the radius; the saved file holds the scenario and its patch', async ({ page }) => {
  const model = template();
  await openTemplate(page);
  await breakNode(page, SECRET, 'leak');
  const before = simulate(model, { breaks: [{ mode: 'leak', node: SECRET }] });
  await expect(page.getByTestId('results-score')).toHaveText(score(before));

  // Select the edge, turn on what-if editing, tick approval in the inspector.
  await clickEdge(page, INVOKES);
  await page.getByTestId('action-whatif').click();
  await expect(page.getByTestId('whatif-banner')).toBeVisible();
  await page.getByTestId('field-approval').check();

  const after = simulate(model, { breaks: [{ mode: 'leak', node: SECRET }], patches: [{ id: INVOKES, props: { approval: true } }] });
  expect(after.impacts.length).toBeLessThan(before.impacts.length);
  await expect.poll(() => shownEffects(page)).toEqual(expectedEffects(after));
  await expect(page.getByTestId('results-score')).toHaveText(score(after));
  expect(Number(await page.getByTestId('results-score').textContent())).toBeLessThan(before.summary.score);
  await expect(page.getByTestId(`whatif-${INVOKES}-approval`)).toContainText('false → true');

  // The model itself keeps its value: the change lives in the scenario.
  const open = await getModel(page);
  expect(open.edges.find((e) => e.id === INVOKES)!.props).toMatchObject({ approval: false });
  const scenarioId = open.scenarios.at(-1)!.id;

  const download = page.waitForEvent('download');
  await page.getByTestId('action-save').click();
  const parsed = parseModelFile(readFileSync(await (await download).path(), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const saved = parsed.value.scenarios.find((s) => s.id === scenarioId)!;
  expect(saved.breaks).toEqual([{ mode: 'leak', node: SECRET }]);
  expect(saved.patches).toEqual([{ id: INVOKES, props: { approval: true } }]);
  expect(parsed.value.edges.find((e) => e.id === INVOKES)!.props).toMatchObject({ approval: false });
  expect(simulate(parsed.value, saved).summary.score).toBe(after.summary.score);
});

test('Running scenarios leaves the undo history alone: undo undoes the last model edit, not the overlay', async ({ page }) => {
  const model = template();
  await openTemplate(page);
  await nodeEl(page, 'kb').click();
  await page.getByTestId('field-label').fill('Knowledge base (edited)');
  await page.getByTestId('field-label').press('Enter');
  await expect.poll(async () => (await getModel(page)).nodes.find((n) => n.id === 'kb')!.label).toBe('Knowledge base (edited)');

  // Show two saved scenarios, one after the other: no model edit.
  await page.getByTestId('scenario-item-traces-exposed').click();
  await expect(page.getByTestId('results-score')).toBeVisible();
  await page.getByTestId('scenario-item-poisoned-ticket').click();
  const poisoned = simulate(model, model.scenarios.find((s) => s.id === 'poisoned-ticket')!);
  await expect.poll(() => shownEffects(page)).toEqual(expectedEffects(poisoned));

  await page.getByTestId('action-undo').click();
  await expect.poll(async () => (await getModel(page)).nodes.find((n) => n.id === 'kb')!.label).toBe(model.nodes.find((n) => n.id === 'kb')!.label);
  // That was the only edit: nothing left to undo, and the overlay is still there.
  await expect(page.getByTestId('action-undo')).toBeDisabled();
  await expect(page.getByTestId('scenario-item-poisoned-ticket')).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => shownEffects(page)).toEqual(expectedEffects(poisoned));
  expect(await getModel(page)).toEqual(model);
  await page.getByTestId('action-redo').click();
  await expect.poll(async () => (await getModel(page)).nodes.find((n) => n.id === 'kb')!.label).toBe('Knowledge base (edited)');
});

test('Scenarios can be created, renamed, duplicated, reordered and deleted, each an undoable model edit', async ({ page }) => {
  await openTemplate(page);
  const ids = async () => (await getModel(page)).scenarios.map((s) => s.id);
  const start = await ids();

  await page.getByTestId('action-new-scenario').click();
  await expect.poll(ids).toEqual([...start, 'scenario-1']);
  await page.getByTestId('scenario-name').fill('Supervisor phished');
  await page.getByTestId('scenario-name').blur();
  await expect(page.getByTestId('scenario-item-scenario-1')).toContainText('Supervisor phished');
  await breakNode(page, 'supervisor', 'compromise');
  await expect(page.getByTestId('results-score')).toBeVisible();

  await page.getByTestId('scenario-duplicate').click();
  await expect.poll(ids).toEqual([...start, 'scenario-1', 'scenario-1-copy-1']);
  await expect(page.getByTestId('scenario-item-scenario-1-copy-1')).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('scenario-up').click();
  await expect.poll(ids).toEqual([...start, 'scenario-1-copy-1', 'scenario-1']);
  await page.getByTestId('scenario-delete').click();
  await expect.poll(ids).toEqual([...start, 'scenario-1']);
  await page.getByTestId('action-undo').click();
  await expect.poll(ids).toEqual([...start, 'scenario-1-copy-1', 'scenario-1']);
  const copy = (await getModel(page)).scenarios.find((s) => s.id === 'scenario-1-copy-1')!;
  expect(copy).toMatchObject({ name: 'Supervisor phished (copy)', breaks: [{ mode: 'compromise', node: 'supervisor' }] });
});

test('Findings: every finding of the linter with its OWASP NHI ids; a click selects its nodes; badges on the nodes', async ({ page }) => {
  const model = template();
  const findings = lintModel(model);
  expect(findings.length).toBeGreaterThan(3);
  await openTemplate(page);
  await page.getByTestId('tab-findings').click();
  const panel = page.getByTestId('findings-panel');
  await expect(panel.locator('[data-testid^="finding-"]')).toHaveCount(findings.length);
  const withOwasp = findings.find((f) => f.owasp.length > 0 && f.nodes.length > 0)!;
  const row = page.getByTestId(`finding-${withOwasp.id}`);
  await expect(row).toContainText(withOwasp.severity);
  for (const id of withOwasp.owasp) await expect(row).toContainText(id);
  await row.click();
  for (const id of withOwasp.nodes) await expect(nodeEl(page, id)).toHaveClass(/selected/);

  const flagged = new Set(findings.flatMap((f) => f.nodes));
  const badged = await page.evaluate(() =>
    [...document.querySelectorAll('.react-flow__node [data-testid="finding-badge"]')].map((el) => el.closest('.react-flow__node')!.getAttribute('data-id')),
  );
  expect(new Set(badged)).toEqual(flagged);
});

test('A prevented break is shown and explained as prevented', async ({ page }) => {
  const text = readFileSync(join(import.meta.dirname, '../../assets/templates/microservices-mtls.faultline.json'), 'utf8');
  const parsed = parseModelFile(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const renewing = parsed.value.nodes.find((n) => n.kind === 'secret' && n.props.autoRenew)!;
  await page.goto('/');
  await openFileThroughUi(page, { name: 'mtls.faultline.json', text });
  await breakNode(page, renewing.id, 'expire');
  await expect(page.getByTestId(`prevented-${renewing.id}`)).toContainText('prevented');
  await expect(nodeEl(page, renewing.id).locator('[data-break="true"]')).toContainText('prevented');
  expect(await shownEffects(page)).toEqual({});
});

for (const theme of ['light', 'dark'] as const) {
  test(`screenshot: a leak on a template, ${theme} theme`, async ({ page }, info) => {
    await page.addInitScript((t) => localStorage.setItem('faultline.theme', t), theme);
    await openTemplate(page);
    await breakNode(page, SECRET, 'leak');
    await page.getByTestId('impact-row-crm-db').click();
    await expect(page.getByTestId('explain-step-0')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await page.getByTestId('action-fit').click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: info.outputPath(`leak-${theme}.png`) });
    await page.getByTestId('overlay-legend').screenshot({ path: info.outputPath(`legend-${theme}.png`) });
    // Close up on the explained path, as a facilitator would frame it.
    await page.getByTestId('explain-panel').getByRole('button', { name: 'Frame path' }).click();
    await page.waitForTimeout(500);
    await page.locator('.fl-canvas').screenshot({ path: info.outputPath(`path-${theme}.png`) });
  });
}

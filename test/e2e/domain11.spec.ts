/**
 * Domain 1.1 in the app, driven as a workshop does. Responses in time: leak a token from the canvas, then
 * say "we rotated it 2 hours after the leak" in the scenario panel, and read what the attacker still got.
 * Signing keys: the signs edge in the edge menu. Every expectation is computed here, in the test process,
 * by the engine in shared/ from the same file.
 */
import type { Page } from '@playwright/test';
import type { Model } from '../../shared/domain/index.ts';
import type { ScenarioInput, SimulationResult } from '../../shared/engine/index.ts';
import { simulate } from '../../shared/engine/index.ts';
import { expect, expectedEffects, getModel, nodeEl, parseModel, shownEffects, test } from './editor-helpers.ts';
import { openFileThroughUi } from './fixtures.ts';

/**
 * A CI token authenticates as the deploy role after 30 min (the role then writes the orders DB and, 5 h on,
 * controls the ops console) and grants admin on the artifact bucket, a step that takes 3 h. A rotation at
 * 2 h ends the stolen copy before that step: the bucket is not reached, what came through the role is.
 */
const FILE = JSON.stringify({
  format: 'faultline',
  version: 1,
  model: {
    id: 'rotate-demo',
    name: 'Rotation demo',
    asOf: '2026-11-27',
    nodes: [
      { id: 'ci', kind: 'pipeline', label: 'CI runner', position: { x: 0, y: 0 } },
      { id: 'ci-token', kind: 'secret', label: 'CI token', position: { x: 280, y: 0 }, props: { secretType: 'token' } },
      { id: 'deploy-role', kind: 'identity', label: 'Deploy role', position: { x: 560, y: -120 } },
      { id: 'orders-db', kind: 'datastore', label: 'Orders DB', position: { x: 840, y: -200 }, props: { sensitivity: 'confidential' } },
      { id: 'ops-console', kind: 'service', label: 'Ops console', position: { x: 840, y: -40 } },
      { id: 'artifact-bucket', kind: 'datastore', label: 'Artifact bucket', position: { x: 560, y: 160 }, props: { sensitivity: 'restricted' } },
      { id: 'signing-key', kind: 'secret', label: 'Token signing key', position: { x: 0, y: 300 }, props: { secretType: 'signing-key' } },
      { id: 'idp', kind: 'issuer', label: 'Identity provider', position: { x: 280, y: 300 } },
    ],
    edges: [
      { id: 'e1', kind: 'holds', source: 'ci', target: 'ci-token' },
      { id: 'e2', kind: 'authenticates', source: 'ci-token', target: 'deploy-role' },
      { id: 'e3', kind: 'grants', source: 'deploy-role', target: 'orders-db', props: { access: 'write' } },
      { id: 'e4', kind: 'grants', source: 'deploy-role', target: 'ops-console', props: { access: 'admin', delayHours: 5 } },
      { id: 'e5', kind: 'grants', source: 'ci-token', target: 'artifact-bucket', props: { access: 'admin', delayHours: 3 } },
      { id: 'e6', kind: 'grants', source: 'signing-key', target: 'idp', props: { access: 'admin' } },
    ],
  },
});

function model(): Model {
  return parseModel(FILE);
}

const score = (r: SimulationResult) => String(Number(r.summary.score.toFixed(1)));

async function leakTheToken(page: Page): Promise<void> {
  await page.goto('/');
  await openFileThroughUi(page, { name: 'rotate-demo.faultline.json', text: FILE });
  await expect(nodeEl(page, 'ci-token')).toBeVisible();
  await nodeEl(page, 'ci-token').click({ button: 'right' });
  await page.getByTestId('context-break-leak').click();
}

test('A rotation at 2 h in the scenario panel: the steps after 2 h that came through the stolen copy disappear', async ({ page }) => {
  const m = model();
  const leak: ScenarioInput = { breaks: [{ mode: 'leak', node: 'ci-token' }] };
  const rotated: ScenarioInput = { ...leak, responses: [{ action: 'rotate', node: 'ci-token', at: 2 }] };
  const before = simulate(m, leak);
  const after = simulate(m, rotated);
  // What the rotation takes away: the steps out of the stolen copy that would arrive after 2 h, and
  // whatever came only through them. What it keeps: everything reached before, and what that reached later.
  const copySteps = before.trace.filter((t) => t.via?.from === 'ci-token');
  const late = copySteps.filter((t) => t.at > 2).map((t) => t.node);
  expect(late.length).toBeGreaterThan(0);
  expect(copySteps.some((t) => t.at <= 2)).toBe(true);
  const gone = Object.keys(expectedEffects(before)).filter((n) => !(n in expectedEffects(after)));
  expect(gone).toEqual(late);
  expect(after.impacts.some((i) => i.at > 2)).toBe(true);

  await leakTheToken(page);
  await expect.poll(() => shownEffects(page)).toEqual(expectedEffects(before));
  await expect(page.getByTestId('results-score')).toHaveText(score(before));

  // "We rotated the token 2 hours after the leak": rotate, CI token, at 2 h, Add.
  const form = page.getByTestId('scenario-add-response');
  await expect(form).toBeVisible();
  await page.getByTestId('scenario-add-response-action').selectOption('rotate');
  await page.getByTestId('scenario-add-response-node').selectOption('ci-token');
  await page.getByTestId('scenario-add-response-at').fill('2');
  await page.getByTestId('scenario-add-response-submit').click();

  await expect(page.getByTestId('scenario-response-0')).toContainText('CI token');
  await expect(page.getByTestId('scenario-response-at-0')).toHaveValue('2');
  await expect.poll(() => shownEffects(page)).toEqual(expectedEffects(after));
  await expect(page.getByTestId('results-score')).toHaveText(score(after));
  for (const node of gone) await expect(page.getByTestId(`impact-row-${node}`)).toHaveCount(0);
  for (const node of Object.keys(expectedEffects(after))) await expect(page.getByTestId(`impact-row-${node}`)).toBeVisible();
  // The response is on the canvas, on its node, with its hour.
  const marker = nodeEl(page, 'ci-token').getByTestId('fx-response');
  await expect(marker).toHaveAttribute('data-response', 'rotate');
  await expect(marker).toContainText('2 h');

  // It is part of the scenario in the model, and one undo takes it away again.
  const saved = (await getModel(page)).scenarios.at(-1)!;
  expect(saved.responses).toEqual([{ action: 'rotate', node: 'ci-token', at: 2 }]);
  await page.getByTestId('action-undo').click();
  await expect.poll(() => shownEffects(page)).toEqual(expectedEffects(before));
  await expect(page.getByTestId('scenario-response-0')).toHaveCount(0);
  await page.getByTestId('action-redo').click();
  await expect.poll(() => shownEffects(page)).toEqual(expectedEffects(after));
});

test('Editing a response’s hour re-runs the scenario; an early rotation leaves a stolen copy that is dead, set apart', async ({ page }) => {
  const m = model();
  const at = (h: number): ScenarioInput => ({ breaks: [{ mode: 'leak', node: 'ci-token' }], responses: [{ action: 'rotate', node: 'ci-token', at: h }] });
  await leakTheToken(page);
  await page.getByTestId('scenario-add-response-node').selectOption('ci-token');
  await page.getByTestId('scenario-add-response-at').fill('2');
  await page.getByTestId('scenario-add-response-submit').click();
  await expect.poll(() => shownEffects(page)).toEqual(expectedEffects(simulate(m, at(2))));

  // Rotated within 15 minutes: the copy dies before its first step (30 min), and carried nothing.
  await page.getByTestId('scenario-response-at-0').fill('0.25');
  const early = simulate(m, at(0.25));
  expect(early.impacts.map((i) => i.node)).toEqual(['ci-token']);
  await expect.poll(() => shownEffects(page)).toEqual(expectedEffects(early));
  await expect(page.getByTestId('dead-copy-ci-token')).toHaveText('stolen, dead after 15 min');
  await expect(page.getByTestId('impacts-dead-heading')).toBeVisible();
  await expect(nodeEl(page, 'ci-token').getByTestId('fx-dead')).toContainText('dead 15 min');
  await page.getByTestId('scenario-response-at-0').blur();

  // Deleting it brings the whole radius back; undo restores it.
  await page.getByTestId('scenario-response-delete-0').click();
  await expect.poll(() => shownEffects(page)).toEqual(expectedEffects(simulate(m, { breaks: [{ mode: 'leak', node: 'ci-token' }] })));
  await page.getByTestId('action-undo').click();
  await expect.poll(() => shownEffects(page)).toEqual(expectedEffects(early));
  expect((await getModel(page)).scenarios.at(-1)!.responses).toEqual([{ action: 'rotate', node: 'ci-token', at: 0.25 }]);
});

test('A revoke response on the role keeps what it reached before and stops what comes after', async ({ page }) => {
  const m = model();
  const revoked: ScenarioInput = { breaks: [{ mode: 'leak', node: 'ci-token' }], responses: [{ action: 'revoke', node: 'deploy-role', at: 3 }] };
  const result = simulate(m, revoked);
  expect(result.impacts.some((i) => i.node === 'orders-db')).toBe(true);
  expect(result.impacts.some((i) => i.node === 'ops-console' && i.effect === 'control')).toBe(false);

  await leakTheToken(page);
  await nodeEl(page, 'deploy-role').click();
  // With the role selected, the form offers revoke (rotate does not apply to an identity) on it.
  await expect(page.getByTestId('scenario-add-response-action')).toHaveValue('revoke');
  await expect(page.getByTestId('scenario-add-response-node')).toHaveValue('deploy-role');
  await page.getByTestId('scenario-add-response-at').fill('3');
  await page.getByTestId('scenario-add-response-at').press('Enter');
  await expect.poll(() => shownEffects(page)).toEqual(expectedEffects(result));
  await expect(nodeEl(page, 'deploy-role').getByTestId('fx-response')).toHaveAttribute('data-response', 'revoke');
  // A bad hour is refused where it is typed, and nothing changes.
  await page.getByTestId('scenario-add-response-at').fill('-1');
  await expect(page.getByTestId('scenario-add-response-submit')).toBeDisabled();
});

test('An outage-only scenario says detection does not apply, not "Undetected"', async ({ page }) => {
  const m = model();
  const result = simulate(m, { breaks: [{ mode: 'outage', node: 'ci' }] });
  expect(result.impacts.every((i) => i.effect === 'down' || i.effect === 'degraded')).toBe(true);
  await page.goto('/');
  await openFileThroughUi(page, { name: 'rotate-demo.faultline.json', text: FILE });
  await nodeEl(page, 'ci').click({ button: 'right' });
  await page.getByTestId('context-break-outage').click();
  await expect(page.getByTestId('results-detection')).toContainText('Does not apply');
  await expect(page.getByTestId('results-detection')).not.toContainText('Undetected');
});

test('A signing key drawn as a grant on its issuer becomes a signs edge from the edge menu, with its hint and help', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, { name: 'rotate-demo.faultline.json', text: FILE });
  await page.getByTestId('edge-label-e6').click();
  const menu = page.getByTestId('edge-kind-menu');
  // signs comes first for a secret → issuer pair (§4, v1.1), with what it means.
  await expect(menu.locator('[data-testid^="edge-kind-"]').first()).toHaveAttribute('data-testid', 'edge-kind-signs');
  await expect(menu.getByTestId('edge-kind-signs')).toContainText('signing key signs for the issuer');
  await menu.getByTestId('edge-kind-signs').click();
  await expect(page.getByTestId('edge-label-e6')).toHaveText('signs');
  const edge = (await getModel(page)).edges.find((e) => e.id === 'e6')!;
  expect(edge).toMatchObject({ kind: 'signs', props: { required: true, delayHours: 1 } });
  await expect(page.getByTestId('field-required')).toBeChecked();
  await expect(page.locator('.fl-field', { has: page.getByTestId('field-required') })).toContainText('the issuer can no longer sign');

  // A stolen signing key now forges what the issuer mints: the issuer is controlled after 1 h.
  const leak = simulate({ ...model(), edges: model().edges.map((e) => (e.id === 'e6' ? { ...e, kind: 'signs' as const, props: { delayHours: 1, likelihood: 1, required: true } } : e)) }, { breaks: [{ mode: 'leak', node: 'signing-key' }] });
  expect(leak.impacts.find((i) => i.node === 'idp')).toMatchObject({ effect: 'control', at: 1 });
  await nodeEl(page, 'signing-key').click({ button: 'right' });
  await page.getByTestId('context-break-leak').click();
  await expect(page.getByTestId('impact-row-idp')).toContainText('1 h');
});


test('The inspector shows the criticality in effect: it follows a datastore’s sensitivity until set by hand', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, { name: 'rotate-demo.faultline.json', text: FILE });
  await nodeEl(page, 'orders-db').click();
  await expect(page.getByTestId('field-criticality')).toHaveValue('4'); // confidential
  await page.getByTestId('field-sensitivity').selectOption('restricted');
  await expect(page.getByTestId('field-criticality')).toHaveValue('5');
  expect((await getModel(page)).nodes.find((n) => n.id === 'orders-db')!.props).toMatchObject({ sensitivity: 'restricted', criticality: 5 });
  await page.getByTestId('action-undo').click();
  await expect(page.getByTestId('field-criticality')).toHaveValue('4');
  // Set by hand, it stays.
  await page.getByTestId('field-criticality').fill('2');
  await page.getByTestId('field-criticality').blur();
  await page.getByTestId('field-sensitivity').selectOption('public');
  await expect(page.getByTestId('field-criticality')).toHaveValue('2');
});

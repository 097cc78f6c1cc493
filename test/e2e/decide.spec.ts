/**
 * Deciding in the room, driven as a facilitator does: rank the fixes of the shown scenario and try the top
 * one, compare two scenarios, ask why a node is not reached, run the likelihood view (and cancel one), and
 * write a sticky note that survives save, reload and export. Every expectation is computed here, in the
 * test process, by the engine in shared/ from the same file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { diffResults, monteCarlo, rankChokepoints } from '../../shared/analysis/index.ts';
import { simulate, whyNotReached } from '../../shared/engine/index.ts';
import { formatScore } from '../../shared/format.ts';
import { expect, getModel, mod, nodeEl, parseModel as load, test } from './editor-helpers.ts';
import { openFileThroughUi } from './fixtures.ts';

const TEMPLATE = readFileSync(join(import.meta.dirname, '../../assets/templates/ai-support-agent.faultline.json'), 'utf8');

async function open(page: Page, text: string, name = 'model.faultline.json'): Promise<void> {
  await page.goto('/');
  await openFileThroughUi(page, { name, text });
  await expect(page.getByTestId('scenario-status')).toBeVisible();
}

async function show(page: Page, id: string): Promise<void> {
  await page.getByTestId(`scenario-item-${id}`).click();
  await expect(page.getByTestId('scenario-status')).toHaveAttribute('data-state', 'idle');
}

test('Fixes: the ranked fixes of the shown scenario; the top one tried makes a variant that scores the promised reduction lower', async ({ page }) => {
  const m = load(TEMPLATE);
  const scenario = m.scenarios.find((s) => s.id === 'poisoned-ticket')!;
  const fixes = rankChokepoints(m, scenario);
  const top = fixes[0];
  const original = simulate(m, scenario).summary.score;

  await open(page, TEMPLATE, 'ai-support-agent.faultline.json');
  await show(page, scenario.id);
  await page.getByTestId('tab-fixes').click();
  await expect(page.getByTestId('fix-row-0')).toHaveAttribute('data-fix', top.id);
  await expect(page.getByTestId('fixes-count')).toContainText(`${fixes.length} fixes`);
  for (let i = 0; i < Math.min(fixes.length, 5); i++) {
    const row = page.getByTestId(`fix-row-${i}`);
    await expect(row).toHaveAttribute('data-fix', fixes[i].id);
    await expect(row).toContainText(fixes[i].description);
    await expect(row).toContainText(`−${formatScore(fixes[i].reduction)}`);
  }
  // The top three carry a badge on the canvas; hovering a row highlights what it changes.
  await expect(page.locator('[data-testid="fix-badge"]')).toHaveCount(new Set(fixes.slice(0, 3).map((f) => (f.edge && f.fix !== 'bound' ? `e:${f.edge}` : `n:${f.node}`))).size);
  await page.getByTestId('fix-row-0').hover();
  if (top.edge && top.fix !== 'bound') await expect(page.getByTestId(`rf__edge-${top.edge}`).locator('.react-flow__edge-path').first()).toHaveClass(/dc-hover/);
  else await expect(nodeEl(page, top.node!).locator('.fl-node')).toHaveClass(/dc-hover/);

  await page.getByTestId('fix-try-0').click();
  await expect(page.getByTestId('compare-view')).toBeVisible();
  const saved = await getModel(page);
  const variant = saved.scenarios.find((s) => s.name === `${scenario.name} + ${top.description}`)!;
  expect(variant).toBeTruthy();
  const after = simulate(saved, variant).summary.score;
  expect(after).toBeCloseTo(original - top.reduction, 9);
  await expect(page.getByTestId('scenario-status')).toHaveAttribute('data-state', 'idle');
  await expect(page.getByTestId('scenario-status')).toContainText(`score ${formatScore(original - top.reduction)}`);
  await expect(page.getByTestId('compare-score-before')).toHaveText(formatScore(original));
  await expect(page.getByTestId('compare-score-after')).toHaveText(formatScore(original - top.reduction));
  // One undo takes the variant away again.
  await page.getByTestId('compare-close').click();
  await page.getByTestId('action-undo').click();
  await expect.poll(async () => (await getModel(page)).scenarios.length).toBe(m.scenarios.length);
});

test('Compare lists exactly the engine’s nodes added and removed, marks them on the canvas, and shows both side by side', async ({ page }) => {
  const m = load(TEMPLATE);
  const before = simulate(m, m.scenarios[0]);
  const after = simulate(m, m.scenarios[1]);
  const diff = diffResults(before, after);
  const reachedBefore = new Set(before.impacts.map((i) => i.node));
  const reachedAfter = new Set(after.impacts.map((i) => i.node));
  const gone = [...new Set(diff.removed.map((i) => i.node))].filter((n) => !reachedAfter.has(n)).sort();
  const added = [...new Set(diff.added.map((i) => i.node))].filter((n) => !reachedBefore.has(n)).sort();
  expect(gone.length).toBeGreaterThan(0);
  expect(added.length).toBeGreaterThan(0);

  await open(page, TEMPLATE, 'ai-support-agent.faultline.json');
  await show(page, m.scenarios[0].id);
  await page.getByTestId('action-compare').click();
  const view = page.getByTestId('compare-view');
  await expect(view).toBeVisible();
  await expect(page.getByTestId('compare-before')).toHaveValue(m.scenarios[0].id);
  await expect(page.getByTestId('compare-after')).toHaveValue(m.scenarios[1].id);
  const counts = page.getByTestId('compare-counts');
  await expect(counts).toHaveAttribute('data-added', String(diff.added.length));
  await expect(counts).toHaveAttribute('data-removed', String(diff.removed.length));
  const listed = (mark: string) =>
    page
      .getByTestId(`compare-list-${mark}`)
      .locator('li[data-testid]')
      .evaluateAll((els, prefix) => els.map((e) => e.getAttribute('data-testid')!.slice(prefix.length)).sort(), `compare-${mark}-`);
  expect(await listed('gone')).toEqual(gone);
  expect(await listed('new')).toEqual(added);
  await expect(page.getByTestId('compare-score-before')).toHaveText(formatScore(before.summary.score));
  await expect(page.getByTestId('compare-score-after')).toHaveText(formatScore(after.summary.score));
  // On the canvas, each changed node carries its mark.
  for (const id of gone) await expect(nodeEl(page, id).getByTestId('diff-mark')).toHaveAttribute('data-diff', 'gone');
  for (const id of added) await expect(nodeEl(page, id).getByTestId('diff-mark')).toHaveAttribute('data-diff', 'new');

  await page.getByTestId('compare-mode-side').click();
  await expect(page.getByTestId('compare-view')).toHaveAttribute('data-mode', 'side');
  await expect(page.getByTestId('compare-side-before').locator('img')).toBeVisible();
  await expect(page.getByTestId('compare-side-after')).toContainText(formatScore(after.summary.score));
  await page.getByTestId('compare-close').click();
  await expect(page.getByTestId('compare-view')).toHaveCount(0);
  await expect(page.getByTestId('diff-mark')).toHaveCount(0);
});

test('Why not reached names the approval on the invokes edge that held', async ({ page }) => {
  const m = load(TEMPLATE);
  const scenario = m.scenarios.find((s) => s.id === 'poisoned-ticket')!;
  const why = whyNotReached(m, simulate(m, scenario), 'refund-tool', scenario);
  expect(why.steps[0].held).toBe('approval on invokes');

  await open(page, TEMPLATE, 'ai-support-agent.faultline.json');
  await show(page, scenario.id);
  await nodeEl(page, 'refund-tool').click();
  const unreached = page.getByTestId('explain-unreached');
  await expect(unreached).toBeVisible();
  await expect(page.getByTestId('whynot-held')).toHaveText('approval on invokes');
  await expect(page.getByTestId('whynot-sentence')).toHaveText(why.sentence);
  await expect(unreached).toContainText('resolution agent');
});

/** A layered graph of agents, tools and stores whose edges hold with a likelihood: runs differ. */
function likelyModel(layers: number, width: number, scenario = 's1'): string {
  const nodes: unknown[] = [{ id: 'bot', kind: 'agent', label: 'Support bot', position: { x: 0, y: 0 } }];
  const edges: unknown[] = [];
  for (let l = 1; l <= layers; l++) {
    for (let w = 0; w < width; w++) {
      const id = `n${l}-${w}`;
      nodes.push({ id, kind: 'service', label: `Service ${l}.${w}`, position: { x: l * 260, y: w * 120 } });
      const from = l === 1 ? ['bot'] : [`n${l - 1}-${w}`, `n${l - 1}-${(w + 1) % width}`];
      from.forEach((s, k) => edges.push({ id: `e${l}-${w}-${k}`, kind: 'calls', source: s, target: id, props: { access: 'write', likelihood: 0.55 + 0.1 * k } }));
    }
  }
  return JSON.stringify({ format: 'faultline', version: 1, model: { id: 'likely', name: 'Likely', nodes, edges, scenarios: [{ id: scenario, name: 'Bot compromised', breaks: [{ mode: 'compromise', node: 'bot' }] }] } });
}

test('Likelihood: a long run can be cancelled; a finished one shades every node by the engine’s share for the same seed', async ({ page }) => {
  // Two models opened and two runs: past 60 s under a load of 20 on two cores (assertions unchanged).
  test.setTimeout(150_000);
  // A million runs over 400 nodes take long enough to cancel halfway.
  await open(page, likelyModel(20, 20), 'likely-big.faultline.json');
  await show(page, 's1');
  await page.getByTestId('action-likelihood').click();
  await expect(page.getByTestId('likelihood-panel')).toBeVisible();
  await page.getByTestId('likelihood-runs').fill('1000000');
  await page.getByTestId('likelihood-seed').fill('42');
  await page.getByTestId('likelihood-run').click();
  const progress = page.getByTestId('likelihood-progress');
  await expect(progress).toBeVisible();
  await expect.poll(async () => Number(await progress.getAttribute('data-done'))).toBeGreaterThan(0);
  await page.getByTestId('likelihood-progress-cancel').click();
  await expect(page.getByTestId('likelihood-cancelled')).toBeVisible();
  await expect(page.getByTestId('likelihood-share')).toHaveCount(0);
  await expect(page.getByTestId('likelihood-run')).toBeEnabled();

  const text = likelyModel(4, 3, 's2');
  const m = load(text);
  const expected = monteCarlo(m, m.scenarios[0], { runs: 400, seed: 42 });
  await openFileThroughUi(page, { name: 'likely.faultline.json', text });
  await show(page, 's2');
  await expect(page.getByTestId('likelihood-panel')).toBeVisible();
  await page.getByTestId('likelihood-runs').fill('400');
  await page.getByTestId('likelihood-seed').fill('42');
  await page.getByTestId('likelihood-run').click();
  await expect(page.getByTestId('likelihood-meta')).toHaveAttribute('data-runs', '400');
  await expect(page.getByTestId('likelihood-meta')).toHaveAttribute('data-seed', '42');
  await expect(page.getByTestId('likelihood-legend')).toBeVisible();
  for (const n of m.nodes) {
    const share = Math.max(0, ...Object.values(expected.nodes[n.id] ?? {}));
    await expect(nodeEl(page, n.id).getByTestId('likelihood-share'), n.id).toHaveAttribute('data-share', String(share));
    const bin = share <= 0 ? 0 : share < 0.25 ? 1 : share < 0.5 ? 2 : share < 0.75 ? 3 : 4;
    await expect(nodeEl(page, n.id).locator('.fl-node')).toHaveClass(new RegExp(`\\blk-${bin}\\b`));
  }
  // Some nodes are reached in some runs only: the view is not all-or-nothing.
  expect(Object.values(expected.nodes).some((s) => Math.max(...Object.values(s)) < 1)).toBe(true);
});

test('A sticky note: written with S, moved, resized, deleted and undone; it survives save, reload and export', async ({ page }) => {
  // Save, reload and a report export in one test: past 60 s under a load of 20 on two cores.
  test.setTimeout(150_000);
  await open(page, TEMPLATE, 'ai-support-agent.faultline.json');
  await page.locator('.react-flow__pane').click({ position: { x: 600, y: 200 } });
  await page.keyboard.press('s');
  const textarea = page.getByTestId('note-text');
  await expect(textarea).toBeFocused();
  await textarea.fill('Ask the payments team: who approves refunds at night?');
  await textarea.press('Escape');
  let notes = (await getModel(page)).notes;
  expect(notes).toHaveLength(1);
  expect(notes[0].text).toBe('Ask the payments team: who approves refunds at night?');
  const id = notes[0].id;
  const note = page.getByTestId(`note-${id}`);
  await expect(note).toContainText('who approves refunds');

  // Move by its strip, resize by its corner: one undo step each.
  const strip = note.locator('.fl-note-strip');
  const box = (await strip.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 40, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await getModel(page)).notes[0].position.x).not.toBe(notes[0].position.x);
  const corner = (await note.locator('.fl-note-resize').boundingBox())!;
  await page.mouse.move(corner.x + corner.width / 2, corner.y + corner.height / 2);
  await page.mouse.down();
  await page.mouse.move(corner.x + 80, corner.y + 40, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await getModel(page)).notes[0].size!.w).toBeGreaterThan(notes[0].size!.w);
  notes = (await getModel(page)).notes;

  // Deleted, and back with undo.
  await note.getByTestId('note-delete').click();
  await expect(note).toHaveCount(0);
  await page.keyboard.press(`${mod}+z`);
  await expect(note).toBeVisible();
  expect((await getModel(page)).notes).toEqual(notes);

  // Saved as a file: the note is in it.
  const download = page.waitForEvent('download');
  await page.getByTestId('action-save').click();
  const file = load(readFileSync(await (await download).path(), 'utf8'));
  expect(file.notes).toEqual(notes);

  // Reloaded from the library: still there.
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await page.reload();
  await expect(page.getByTestId(`note-${id}`)).toContainText('who approves refunds');
  expect((await getModel(page)).notes).toEqual(notes);

  // Exported: the report prints it under Workshop notes.
  await page.getByTestId('action-export-report').click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  const md = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByTestId('action-export-md').click();
  const report = readFileSync(await (await md).path(), 'utf8');
  expect(report).toMatch(/## \d+\. Workshop notes\n\n- Ask the payments team: who approves refunds at night\?/);
});

/**
 * File ▸ Import… as a user does it: a folder of real GitHub workflows through the folder picker, the preview
 * before anything changes, the import on the canvas, one undo taking it all back, a version kept from before.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parseModelFile } from '../../shared/file/index.ts';
import { expect, openFileThroughUi, test } from './fixtures.ts';

const WORKFLOWS = join(import.meta.dirname, '../fixtures/import/github-actions');
const SAMPLE = join(import.meta.dirname, '../../assets/samples/cicd-pipeline.faultline.json');
const sampleText = readFileSync(SAMPLE, 'utf8');
const sample = (() => {
  const r = parseModelFile(sampleText);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
})();

const counts = (page: Page) => page.getByTestId('status-counts');

async function openImport(page: Page) {
  await page.getByTestId('action-import').click();
  await expect(page.getByTestId('import-dialog')).toBeVisible();
}

test('a workflow folder: preview, apply, undo', async ({ page }) => {
  await page.goto('/');
  await expect(counts(page)).toHaveText('0 nodes · 0 edges');
  await openImport(page);
  await expect(page.getByTestId('import-kind-github-actions')).toBeChecked();
  await page.getByTestId('import-folder-input').setInputFiles(WORKFLOWS);

  // The preview says what will come in, and nothing has changed yet.
  await expect(page.getByTestId('import-summary')).toHaveText('12 files → 103 nodes, 144 edges, 12 boundaries, 4 notes');
  await expect(page.getByTestId('import-count-pipeline')).toContainText('32');
  await expect(page.getByTestId('import-count-secret')).toContainText('22');
  await expect(page.getByTestId('import-findings')).toContainText('Runs on pull requests from forks with the repository’s secrets');
  await expect(page.getByTestId('import-warnings')).toContainText('no permissions block');
  await expect(counts(page)).toHaveText('0 nodes · 0 edges');

  await page.getByTestId('action-import-apply').click();
  // Applying lays 103 nodes out with ELK in a worker first: seconds on a loaded machine.
  await expect(page.getByTestId('import-dialog')).toBeHidden({ timeout: 30_000 });
  await expect(counts(page)).toHaveText('103 nodes · 144 edges');
  await expect(page.getByTestId('rf__node-gha-job-powertools-run-e2e-tests-run')).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText('Imported 12 files (GitHub Actions)');

  const model = await page.evaluate(() => window.__faultline!.getModel());
  const job = model.nodes.find((n) => n.id === 'gha-job-powertools-run-e2e-tests-run');
  expect((job?.props as Record<string, unknown> | undefined)?.source).toEqual({ file: 'github-actions/powertools-run-e2e-tests.yml', line: 42 });
  expect(model.notes).toHaveLength(4);

  // The inspector says where a node came from.
  await page.getByTestId('rf__node-gha-job-powertools-run-e2e-tests-run').click();
  await expect(page.getByTestId('node-source')).toHaveText('Imported from github-actions/powertools-run-e2e-tests.yml line 42');

  // One undo takes the whole import back; redo brings it again.
  await page.getByTestId('action-undo').click();
  await expect(counts(page)).toHaveText('0 nodes · 0 edges');
  await page.getByTestId('action-redo').click();
  await expect(counts(page)).toHaveText('103 nodes · 144 edges');
});

test('a malformed workflow is refused with its file and line, and the model is left alone', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, { name: 'cicd-pipeline.faultline.json', text: sampleText });
  await expect(counts(page)).toHaveText(`${sample.nodes.length} nodes · ${sample.edges.length} edges`);
  await openImport(page);
  await page.getByTestId('import-files-input').setInputFiles({ name: 'deploy.yml', mimeType: 'text/yaml', buffer: Buffer.from('on: push\njobs:\n  a:\n    steps: [\n') });
  await expect(page.getByTestId('import-error')).toContainText('Could not read deploy.yml line 5');
  await expect(page.getByTestId('import-error')).toContainText('Nothing was imported.');
  await expect(page.getByTestId('action-import-apply')).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-dialog')).toBeHidden();
  await expect(counts(page)).toHaveText(`${sample.nodes.length} nodes · ${sample.edges.length} edges`);
});

test('importing into a model keeps a version from before, and File ▸ Import… opens with Mod+I', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, { name: 'cicd-pipeline.faultline.json', text: sampleText });
  await expect(page.getByTestId('model-name')).toHaveText(sample.name);
  await page.keyboard.press('ControlOrMeta+i');
  await expect(page.getByTestId('import-dialog')).toBeVisible();
  await page.getByTestId('import-kind-threat-dragon').check();
  await page.getByTestId('import-files-input').setInputFiles(join(import.meta.dirname, '../fixtures/import/threat-dragon/v2-threat-model.json'));
  await expect(page.getByTestId('import-summary')).toContainText('1 file → 9 nodes');
  await page.getByTestId('action-import-apply').click();
  await expect(counts(page)).toHaveText(`${sample.nodes.length + 9} nodes · ${sample.edges.length + 8} edges`);

  await page.getByTestId('action-versions').click();
  const before = page.getByTestId('versions-panel').locator('li', { hasText: 'Before import' });
  await expect(before).toBeVisible();
  await expect(before).toContainText(`${sample.nodes.length} nodes`);
});

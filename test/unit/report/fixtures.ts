/** The shipped models (samples and templates) loaded through the one load path, simulated, and reported. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Model } from '../../../shared/domain/index.ts';
import type { SimulationResult } from '../../../shared/engine/index.ts';
import { simulate } from '../../../shared/engine/index.ts';
import { parseModelFile } from '../../../shared/file/index.ts';
import type { ReportDocument, ReportOptions } from '../../../shared/report/index.ts';
import { buildReport } from '../../../shared/report/index.ts';

export const ROOT = join(import.meta.dirname, '../../..');

export interface ShippedModel {
  /** `samples/cicd-pipeline` */
  name: string;
  model: Model;
}

function load(dir: string): ShippedModel[] {
  return readdirSync(join(ROOT, 'assets', dir))
    .filter((f) => f.endsWith('.faultline.json'))
    .sort()
    .map((f) => {
      const loaded = parseModelFile(readFileSync(join(ROOT, 'assets', dir, f), 'utf8'));
      if (!loaded.ok) throw new Error(`${dir}/${f}: ${loaded.error.message}`);
      return { name: `${dir}/${f.replace(/\.faultline\.json$/, '')}`, model: loaded.value };
    });
}

export const SAMPLES = load('samples');
export const TEMPLATES = load('templates');
export const SHIPPED = [...SAMPLES, ...TEMPLATES];

export function simulateAll(model: Model): SimulationResult[] {
  return model.scenarios.map((s) => simulate(model, s));
}

export function reportOf(model: Model, options: ReportOptions = {}): { doc: ReportDocument; results: SimulationResult[] } {
  const results = simulateAll(model);
  return { doc: buildReport(model, model.scenarios, results, { date: '2026-11-27', ...options }), results };
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../../shared/domain/index.ts';
import { otmText, toOtm } from '../../../shared/export/index.ts';
import { importFiles, modelFromImport } from '../../../shared/import/index.ts';
import { lintModel } from '../../../shared/analysis/index.ts';
import { loadRepoModel } from '../cli/harness.ts';

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/import/otm/otm_schema.json'), 'utf8')) as object;
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

function roundTrip(model: Model) {
  const r = importFiles('otm', [{ name: `${model.id}.otm`, text: otmText(model) }]);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('OTM export', () => {
  for (const sample of ['cicd-pipeline', 'ai-support-agent']) {
    const model = loadRepoModel(`assets/samples/${sample}.faultline.json`);

    it(`writes ${sample} as a document the OTM 0.2 schema accepts`, () => {
      const ok = validate(toOtm(model));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    });

    it(`keeps ${sample}'s nodes, edges and boundaries through export and import`, () => {
      const back = roundTrip(model).graph;
      const strip = (props: Record<string, unknown>) => {
        const { source: _s, ...rest } = props;
        return rest;
      };
      expect(back.nodes.map((n) => ({ id: n.id, kind: n.kind, label: n.label, boundary: n.boundary, props: strip(n.props) }))).toEqual(
        model.nodes.map((n) => ({ id: n.id, kind: n.kind, label: n.label, boundary: n.boundary, props: strip(n.props) })),
      );
      expect(back.edges.map((e) => [e.id, e.kind, e.source, e.target, e.props])).toEqual(model.edges.map((e) => [e.id, e.kind, e.source, e.target, e.props]));
      expect(back.boundaries.map((b) => [b.id, b.label, b.environment])).toEqual(model.boundaries.map((b) => [b.id, b.label, b.environment]));
    });
  }

  it('keeps the model’s as-of date and description, so the date-based findings come back the same', () => {
    const model = loadRepoModel('assets/templates/microservices-mtls.faultline.json');
    expect(model.asOf).toBeTruthy();
    const outcome = roundTrip(model);
    expect(outcome.project).toEqual({ name: model.name, description: model.description, asOf: model.asOf });
    const back = modelFromImport(outcome, outcome.project!.name!);
    expect(back).toMatchObject({ name: model.name, description: model.description, asOf: model.asOf });
    const ids = (m: Model) => lintModel(m).map((f) => f.rule).sort();
    expect(ids(back)).toEqual(ids(model));
  });

  it('puts nodes outside any boundary in a zone that imports back as no boundary', () => {
    const model = loadRepoModel('assets/samples/cicd-pipeline.faultline.json');
    const loose: Model = { ...model, nodes: model.nodes.map((n) => ({ ...n, boundary: undefined })), boundaries: [] };
    const doc = toOtm(loose) as { trustZones: { id: string }[] };
    expect(doc.trustZones.map((z) => z.id)).toEqual(['faultline-no-boundary']);
    expect(roundTrip(loose).graph.nodes.every((n) => n.boundary === undefined)).toBe(true);
  });
});

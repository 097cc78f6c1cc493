/**
 * The report model: every section there, and every number the engine's. The PDF, HTML, Markdown and CSV draw
 * from this document only, so a number right here is right everywhere.
 */
import { describe, expect, it } from 'vitest';
import { countBySeverity, lintModel, rankChokepoints } from '../../../shared/analysis/index.ts';
import { EFFECT_WEIGHTS, EFFECTS } from '../../../shared/domain/index.ts';
import type { ScenarioInput } from '../../../shared/engine/index.ts';
import { explainPath, simulate } from '../../../shared/engine/index.ts';
import { buildReport, distinctSources, moreFixesText, renderHtml, renderMarkdown, ReportInputError, SECTION_KEYS } from '../../../shared/report/index.ts';
import { buildModel } from '../engine/build.ts';
import { SHIPPED, reportOf } from './fixtures.ts';

describe.each(SHIPPED)('report of $name', ({ model }) => {
  const { doc, results } = reportOf(model);

  it('has every section, in order', () => {
    // Workshop notes print only when the model has notes with text.
    const notes = model.notes.some((n) => n.text.trim() !== '');
    expect(doc.sections).toEqual(SECTION_KEYS.filter((k) => k !== 'notes' || notes));
    expect(doc.summary).not.toBeNull();
    expect(doc.model).not.toBeNull();
    expect(doc.findings).not.toBeNull();
    expect(doc.recommendations).not.toBeNull();
    expect(doc.appendix).not.toBeNull();
    expect(doc.scenarios).toHaveLength(model.scenarios.length);
  });

  it("takes each scenario's score, exposure, counts and detection from the engine", () => {
    for (const [i, scenario] of model.scenarios.entries()) {
      const r = results[i];
      const page = doc.scenarios.find((s) => s.id === scenario.id)!;
      expect(page.score).toBe(r.summary.score);
      expect(page.exposure).toBe(r.summary.exposure);
      expect(page.counts).toEqual(r.summary.counts);
      expect(page.timeline.detectedAt).toBe(r.detection.detectedAt);
      expect(page.timeline.containedAt).toBe(r.detection.containedAt);
      expect(page.prevented.map((p) => `${p.mode}:${p.node}`)).toEqual(r.prevented.map((p) => `${p.mode}:${p.node}`));
    }
  });

  it('lists every impact of the engine, in its order, with points that add up to the score', () => {
    for (const [i, scenario] of model.scenarios.entries()) {
      const r = results[i];
      const page = doc.scenarios.find((s) => s.id === scenario.id)!;
      expect(page.impacts.map((x) => [x.node, x.effect, x.at, x.silent])).toEqual(r.impacts.map((x) => [x.node, x.effect, x.at, x.silent]));
      expect(page.impacts.reduce((sum, x) => sum + x.points, 0)).toBeCloseTo(r.summary.score, 6);
      expect(page.silent.map((x) => x.node)).toEqual(r.impacts.filter((x) => x.silent).map((x) => x.node));
    }
  });

  it("words each impact's path with the engine's explanation, from the break", () => {
    const [scenario] = model.scenarios;
    const r = results[0];
    const page = doc.scenarios.find((s) => s.id === scenario.id)!;
    for (const impact of page.impacts) {
      expect(impact.steps).toEqual(explainPath(model, r, impact.node, impact.effect, scenario).map((s) => s.sentence));
      const breaks = new Set(r.scenario.breaks.map((b) => model.nodes.find((n) => n.id === b.node)!.label));
      expect(breaks.has(impact.chain[0])).toBe(true);
      expect(impact.chain[impact.chain.length - 1]).toBe(impact.label);
    }
  });

  it('ranks scenarios by exposure in the summary and on the scenario pages', () => {
    const exposures = doc.summary!.scenarios.map((s) => s.exposure);
    expect(exposures).toEqual([...exposures].sort((a, b) => b - a));
    expect(doc.scenarios.map((s) => s.id)).toEqual(doc.summary!.scenarios.map((s) => s.id));
  });

  it('counts findings as the linter does, each with its framework ids', () => {
    const findings = lintModel(model);
    expect(doc.findings!.total).toBe(findings.length);
    expect(doc.findings!.counts).toEqual(countBySeverity(findings));
    const rows = doc.findings!.groups.flatMap((g) => g.items);
    expect(rows.map((f) => f.id).sort()).toEqual(findings.map((f) => f.id).sort());
    for (const f of findings) expect(rows.find((x) => x.id === f.id)!.owasp).toEqual([...f.owasp].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
  });

  it('ranks recommendations by the score they remove, summed over the scenarios', () => {
    const items = doc.recommendations!.items;
    expect(items.map((r) => r.reduction)).toEqual([...items.map((r) => r.reduction)].sort((a, b) => b - a));
    // A what-if that only restates another scenario counts once (v1.1).
    const distinct = distinctSources(model.scenarios.map((s, i) => ({ scenario: s, result: results[i], chokepoints: [] })));
    for (const rec of items) {
      expect(rec.reduction).toBeGreaterThan(0);
      expect(rec.closes).toMatch(/^(Closes|Trims|Softens) /);
      const parts = distinct.flatMap((d) => rankChokepoints(model, d.scenario).filter((c) => c.id === rec.id));
      expect(rec.reduction).toBeCloseTo(parts.reduce((sum, c) => sum + c.reduction, 0), 2);
      expect(rec.scenarioCount).toBe(parts.length);
    }
    const top = doc.summary!.topFixes;
    expect(top.length).toBeLessThanOrEqual(3);
    expect(top.map((f) => f.rank)).toEqual(top.map((_, i) => i + 1));
  });

  it('says how many more fixes cut a score than it lists, in every format', () => {
    const distinct = distinctSources(model.scenarios.map((s, i) => ({ scenario: s, result: results[i], chokepoints: [] })));
    const cutting = new Set(distinct.flatMap((d) => rankChokepoints(model, d.scenario).filter((c) => c.reduction > 0).map((c) => c.id)));
    const r = doc.recommendations!;
    expect(r.items.length + r.more).toBe(cutting.size);
    const said = moreFixesText(r.more);
    if (r.more > 0) {
      expect(renderMarkdown(doc)).toContain(`${r.more} more fix`);
      expect(renderHtml(doc)).toContain(said.slice(0, 20));
    } else expect(renderMarkdown(doc)).not.toContain('more fix');
  });

  it("never names a break as one of the worst impacts", () => {
    const breaks = new Set(model.scenarios.flatMap((s) => s.breaks.map((b) => `${s.id}:${b.node}`)));
    for (const w of doc.summary!.worst) expect(breaks.has(`${w.scenarioId}:${w.node}`)).toBe(false);
  });
});

describe('an impact’s route', () => {
  it('points each edge from its source to its target, also where the break ran against it', () => {
    // The API calls Vault and holds a key Vault issued; Vault goes down, the key is read off the compromised API.
    const model = buildModel(
      [
        ['api', 'service', {}, 'Orders API'],
        ['vault', 'service', {}, 'Vault'],
        ['key', 'secret', {}, 'API key'],
        ['db', 'datastore', {}, 'Orders DB'],
      ],
      [
        ['c', 'calls', 'api', 'vault'],
        ['h', 'holds', 'api', 'key'],
        ['g', 'authenticates', 'key', 'db'],
      ],
    );
    const route = (scenario: ScenarioInput, node: string) => {
      const doc = buildReport(model, [scenario], [simulate(model, scenario)], {});
      return doc.scenarios[0].impacts.find((i) => i.node === node)!.route;
    };
    expect(route({ breaks: [{ mode: 'outage', node: 'vault' }] }, 'api')).toBe('Vault ←calls— Orders API');
    expect(route({ breaks: [{ mode: 'compromise', node: 'api' }] }, 'db')).toBe('Orders API —holds→ API key —authenticates→ Orders DB');
  });
});

describe('a scenario’s headline', () => {
  it('makes the breaks that took effect its subject, the verb agreeing, and says those prevented apart', () => {
    const model = buildModel(
      [
        ['a', 'secret', { secretType: 'certificate' }, 'cert A'],
        ['b', 'secret', { secretType: 'certificate', autoRenew: true }, 'cert B'],
        ['c', 'secret', { secretType: 'certificate' }, 'cert C'],
        ['svc', 'service', { healthCheck: true }, 'API'],
      ],
      [
        ['ha', 'holds', 'svc', 'a', { required: true }],
        ['hc', 'holds', 'svc', 'c', { required: true }],
      ],
    );
    const headline = (breaks: ScenarioInput['breaks']) => {
      const s: ScenarioInput = { breaks };
      return buildReport(model, [s], [simulate(model, s)], {}).scenarios[0].headline;
    };
    expect(headline([{ mode: 'expire', node: 'a' }, { mode: 'expire', node: 'b' }])).toMatch(/^The expiry of cert A reaches 2 nodes .*; the expiry of cert B is prevented; /);
    expect(headline([{ mode: 'expire', node: 'a' }, { mode: 'expire', node: 'c' }])).toMatch(/^The expiry of cert A and the expiry of cert C reach 3 nodes /);
    expect(headline([{ mode: 'expire', node: 'b' }])).toBe('The expiry of cert B is prevented: nothing is reached.');
  });
});

describe('buildReport options', () => {
  const model = buildModel(
    [
      ['key', 'secret', { owner: '' }],
      ['role', 'identity'],
      ['db', 'datastore', { sensitivity: 'restricted', monitored: true }],
    ],
    [
      ['e1', 'authenticates', 'key', 'role'],
      ['e2', 'grants', 'role', 'db', { access: 'admin' }],
    ],
    [{ id: 's1', name: 'Key leaks', breaks: [{ mode: 'leak', node: 'key' }] }],
  );
  const results = model.scenarios.map((s) => simulate(model, s));

  it('includes only the sections asked for, in the standard order', () => {
    const doc = buildReport(model, model.scenarios, results, { sections: ['appendix', 'findings'] });
    expect(doc.sections).toEqual(['findings', 'appendix']);
    expect(doc.summary).toBeNull();
    expect(doc.scenarios).toEqual([]);
    expect(doc.recommendations).toBeNull();
  });

  it('puts the title, author, organisation and date on the cover; the date defaults to asOf', () => {
    const doc = buildReport(model, model.scenarios, results, { title: ' Q3 review ', author: 'Ada', organisation: 'Acme', date: '2026-12-01' });
    expect(doc.meta).toMatchObject({ title: 'Q3 review', author: 'Ada', organisation: 'Acme', date: '2026-12-01' });
    const plain = buildReport({ ...model, asOf: '2026-11-27' }, model.scenarios, results);
    expect(plain.meta.title).toBe(model.name);
    expect(plain.meta.date).toBe('2026-11-27');
  });

  it('uses choke points and findings given by the caller instead of computing them', () => {
    const given = rankChokepoints(model, model.scenarios[0]).map((c) => ({ ...c, reduction: c.reduction + 100 }));
    const doc = buildReport(model, model.scenarios, results, { chokepoints: { s1: given }, findings: [] });
    expect(doc.recommendations!.items[0].reduction).toBeGreaterThan(100);
    expect(doc.findings!.total).toBe(0);
  });

  it('refuses results that do not match the scenarios', () => {
    expect(() => buildReport(model, model.scenarios, [])).toThrow(ReportInputError);
  });

  it('fits the diagrams to the paper asked for', () => {
    const a4 = buildReport(model, model.scenarios, results, { paper: 'A4' });
    const letter = buildReport(model, model.scenarios, results, { paper: 'Letter' });
    expect(a4.model!.diagrams[0].page).toEqual({ width: 841.89, height: 595.28 });
    expect(letter.model!.diagrams[0].page).toEqual({ width: 792, height: 612 });
  });

  it('explains detection and the exposure window on the timeline', () => {
    const doc = buildReport(model, model.scenarios, results);
    const t = doc.scenarios[0].timeline;
    expect(t.detectedBy?.node).toBe('db');
    expect(t.exposureWindow).toBe(results[0].detection.containedAt);
    expect(t.notes.join(' ')).toMatch(/Detected after .* at “db”/);
    expect(t.events.map((e) => e.kind)).toEqual(['break', 'impact', 'impact', 'detected', 'contained']);
  });

  it('says when nothing detects a break', () => {
    const quiet = { ...model, nodes: model.nodes.map((n) => ({ ...n, props: { ...n.props, monitored: false } })) } as typeof model;
    const r = quiet.scenarios.map((s) => simulate(quiet, s));
    const doc = buildReport(quiet, quiet.scenarios, r);
    expect(doc.scenarios[0].timeline.exposureWindow).toBeNull();
    expect(doc.scenarios[0].timeline.notes.join(' ')).toMatch(/Never detected/);
    expect(doc.summary!.totals.undetectedScenarios).toBe(1);
  });

  it('scores each impact as criticality × weight, with scenario patches applied', () => {
    const patched = [{ ...model.scenarios[0], patches: [{ id: 'db', props: { criticality: 1 } }] }];
    const r = patched.map((s) => simulate(model, s));
    const doc = buildReport(model, patched, r);
    const db = doc.scenarios[0].impacts.find((i) => i.node === 'db')!;
    expect(db.criticality).toBe(1);
    expect(db.points).toBeCloseTo(EFFECT_WEIGHTS[db.effect]);
    expect(doc.scenarios[0].patches[0]).toMatch(/^db: criticality = 1/);
  });

  it('counts effects for every effect name', () => {
    const doc = buildReport(model, model.scenarios, results);
    expect(Object.keys(doc.scenarios[0].counts).sort()).toEqual([...EFFECTS].sort());
  });

  it('lists each tool of an agent once, though parallel edges name it twice', () => {
    const m = buildModel(
      [
        ['bot', 'agent'],
        ['refund', 'tool', { capabilities: ['payments'] }],
      ],
      [
        ['i1', 'invokes', 'bot', 'refund'],
        ['i2', 'invokes', 'bot', 'refund'],
      ],
    );
    const doc = buildReport(m, [], [], { sections: ['model'] });
    expect(doc.model!.agents[0].tools).toEqual(['refund']);
    expect(doc.model!.tools[0].invokedBy).toEqual(['bot']);
  });
});

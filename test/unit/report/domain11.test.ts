/** The report's 1.1 words: responses, dead stolen copies, sums that say how many, counts and numbering that read right. */
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../shared/engine/index.ts';
import { simulate } from '../../../shared/engine/index.ts';
import { buildReport, impactsCsv, renderHtml, renderMarkdown, textWidth, timelineHeight, timelinePrimitives } from '../../../shared/report/index.ts';
import { EFFECT_LOOKS, RESPONSE_LOOK } from '../../../shared/visual/index.ts';
import { buildModel } from '../engine/build.ts';

/** tok leaks into role (0.5 h), role writes db (1 h) and takes ops (5 h); vault goes down alone. */
const model = () =>
  buildModel(
    [
      ['tok', 'secret', { criticality: 2 }, 'CI token'],
      ['role', 'identity', {}, 'Deploy role'],
      ['db', 'datastore', { sensitivity: 'restricted' }, 'Orders DB'],
      ['ops', 'service', { healthCheck: true }, 'Ops console'],
      ['vault', 'datastore', {}, 'Vault'],
      ['bot', 'agent', {}, 'Helper bot'],
    ],
    [
      ['a', 'authenticates', 'tok', 'role'],
      ['g', 'grants', 'role', 'db', { access: 'write' }],
      ['x', 'grants', 'role', 'ops', { access: 'admin', delayHours: 5 }],
    ],
  );

const report = (scenarios: ScenarioInput[]) => {
  const m = model();
  return buildReport(m, scenarios, scenarios.map((s) => simulate(m, s)), { date: '2026-11-27' });
};

const leak: ScenarioInput = { id: 'leak', name: 'Token leaks', breaks: [{ mode: 'leak', node: 'tok' }] };
const rotated: ScenarioInput = { id: 'rotated', name: 'Token leaks, rotated at once', breaks: leak.breaks, responses: [{ action: 'rotate', node: 'tok', at: 0.25 }] };
const revoked: ScenarioInput = { id: 'revoked', name: 'Token leaks, role revoked at 2 h', breaks: leak.breaks, responses: [{ action: 'revoke', node: 'role', at: 2 }] };
const outage: ScenarioInput = { id: 'outage', name: 'Vault down', breaks: [{ mode: 'outage', node: 'vault' }] };

describe('responses in the report (§6)', () => {
  it('lists each scenario’s responses in words, in its section and on its timeline', () => {
    const doc = report([revoked]);
    const page = doc.scenarios[0];
    expect(page.responses).toEqual([
      {
        action: 'revoke',
        title: 'Revoke',
        node: 'role',
        label: 'Deploy role',
        at: 2,
        text: 'Revoke Deploy role at 2 h: it is down from then on and carries nothing after it.',
      },
    ]);
    expect(page.timeline.events).toContainEqual({ at: 2, kind: 'response', effect: null, action: 'revoke', node: 'role', text: 'Revoke: Deploy role' });
    // the revocation's own down is the response, not an impact event of its own
    expect(page.timeline.events.filter((e) => e.kind === 'impact' && e.node === 'role' && e.at === 2)).toEqual([]);
    // said once, in its own section, not again in the timeline's notes
    expect(page.timeline.notes).not.toContain(page.responses[0].text);
    const md = renderMarkdown(doc);
    expect(md).toContain('**Responses**\n\n- Revoke Deploy role at 2 h: it is down from then on and carries nothing after it.');
    expect(renderHtml(doc)).toContain('<h4>Responses</h4><ul><li>Revoke Deploy role at 2 h');
    expect(page.impacts.some((i) => i.node === 'ops')).toBe(false);
  });
});

describe('impacts on the timeline drawing', () => {
  it('stacks every effect reached at one spot and says how many more there are, never dropping one unsaid', () => {
    // A leaked token opens five roles and one write at the same hour.
    const m = buildModel(
      [['tok', 'secret'], ['r1', 'identity'], ['r2', 'identity'], ['r3', 'identity'], ['r4', 'identity'], ['r5', 'identity'], ['db', 'datastore']],
      [
        ...(['r1', 'r2', 'r3', 'r4', 'r5'] as const).map((r): [string, 'authenticates', string, string] => [`a-${r}`, 'authenticates', 'tok', r]),
        ['g', 'grants', 'tok', 'db', { access: 'write' }],
      ],
    );
    const s: ScenarioInput = { breaks: [{ mode: 'leak', node: 'tok' }] };
    const t = buildReport(m, [s], [simulate(m, s)], {}).scenarios[0].timeline;
    const atOnce = t.events.filter((e) => e.kind === 'impact' && e.at === 0.5);
    expect(atOnce).toHaveLength(6);
    const prims = timelinePrimitives(t, 500, timelineHeight(t, 86));
    const write = EFFECT_LOOKS.write.color.light;
    const control = EFFECT_LOOKS.control.color.light;
    const marks = prims.filter((p) => p.type === 'path' && (p.fill === write || p.fill === control));
    const more = prims.flatMap((p) => (p.type === 'text' && /^\+\d+$/.test(p.text) ? [Number(p.text.slice(1))] : []));
    // The write is drawn though it came last; three marks and "+3" make the six.
    expect(marks.filter((p) => p.type === 'path' && p.fill === write)).toHaveLength(1);
    expect(marks).toHaveLength(3);
    expect(more).toEqual([3]);
  });
});

describe('responses on the timeline drawing', () => {
  it('names each response in a lane under the axis, apart from the impact marks and from each other', () => {
    const both: ScenarioInput = { ...leak, id: 'both', responses: [{ action: 'revoke', node: 'role', at: 2 }, { action: 'rotate', node: 'tok', at: 30 }] };
    const t = report([both]).scenarios[0].timeline;
    const h = timelineHeight(t, 86);
    expect(h).toBeGreaterThan(timelineHeight(report([leak]).scenarios[0].timeline, 86));
    const prims = timelinePrimitives(t, 500, h);
    const words = prims.filter((p) => p.type === 'text' && p.color === RESPONSE_LOOK.color.light);
    expect(words.map((p) => p.type === 'text' && p.text)).toEqual(['Revoke: Deploy role +2 h', 'Rotate: CI token +30 h']);
    // The axis is the longest grey line; every response's words sit below it, where no impact mark is drawn.
    const axisY = Math.max(...prims.flatMap((p) => (p.type === 'line' && p.y1 === p.y2 ? [p.y1] : [])));
    const spans = words.map((p) => {
      if (p.type !== 'text') throw new Error();
      expect(p.y).toBeGreaterThan(axisY + 12);
      const w = textWidth(p.text, p.size, p.bold);
      return p.anchor === 'end' ? [p.x - w, p.x] : [p.x, p.x + w];
    });
    expect(spans[0][1]).toBeLessThan(spans[1][0]);
  });
});

describe('stolen copies that died (§5 until)', () => {
  it('sets a copy that died before carrying anything apart from the worst impacts', () => {
    const doc = report([rotated, leak]);
    const page = doc.scenarios.find((s) => s.id === 'rotated')!;
    expect(page.impacts).toEqual([expect.objectContaining({ node: 'tok', until: 0.25, deadCopy: true })]);
    expect(doc.scenarios.find((s) => s.id === 'leak')!.impacts.find((i) => i.node === 'tok')).toMatchObject({ until: null, deadCopy: false });
    const summary = doc.summary!;
    expect(summary.worst.every((w) => w.node !== 'tok')).toBe(true);
    expect(summary.deadCopies.map((d) => d.sentence)).toEqual([
      '“CI token”, taken at once after a leak of CI token: stolen, dead after 15 min; its copy carried nothing.',
    ]);
    const md = renderMarkdown(doc);
    expect(md).toContain('**Stolen, but dead before they carried anything**');
    expect(md).toContain('| ◆ Control (stolen, dead after 15 min) |');
    expect(page.timeline.notes).toContain('“CI token” was stolen but its copy died before carrying anything.');
  });

  it('does not call dead a copy that still works when the scenario is contained', () => {
    // The key's copy carries nothing because the role it opens is broken too; it dies at its 30-day rotation.
    const m = buildModel(
      [
        ['key', 'secret', { rotationDays: 30 }, 'API key'],
        ['role', 'identity', { monitored: true, detectHours: 1 }, 'Payments role'],
      ],
      [['a', 'authenticates', 'key', 'role']],
    );
    const both = (responseHours: number): ScenarioInput => ({
      breaks: [
        { mode: 'compromise', node: 'role' },
        { mode: 'leak', node: 'key' },
      ],
      params: { responseHours },
    });
    const dead = (responseHours: number) => {
      const result = simulate(m, both(responseHours));
      expect(result.impacts.find((i) => i.node === 'key')?.until).toBe(720);
      return buildReport(m, [both(responseHours)], [result], {}).scenarios[0].impacts.find((i) => i.node === 'key')!.deadCopy;
    };
    // Contained at 1 h + 648 h, before the copy dies at 720 h: it was good for the whole attack.
    expect(dead(648)).toBe(false);
    // Contained at 1 h + 800 h: the copy died while the attacker was still in.
    expect(dead(800)).toBe(true);
  });
});

describe('summary counts and words', () => {
  it('counts unnoticed scenarios only among those with an attacker, and says detection does not apply to an outage', () => {
    const doc = report([leak, outage]);
    const s = doc.summary!;
    expect(s.totals).toMatchObject({ scenarios: 2, attackedScenarios: 1, undetectedScenarios: 1 });
    expect(s.headline).toContain('The one with an attacker goes unnoticed: no monitored node is on the path.');
    expect(s.scenarios.find((r) => r.id === 'outage')).toMatchObject({ attacker: false, detectedAt: null });
    expect(renderMarkdown(doc)).toMatch(/\| Vault down \| [^|]+ \| [^|]+ \| [^|]+ \| n\/a \(no attacker\) \|/);
    expect(doc.scenarios.find((r) => r.id === 'outage')!.headline).toContain('no attacker involved, so detection does not apply');
  });

  it('mentions the 27-day average only where the response time is the default', () => {
    const own = report([{ ...leak, params: { responseHours: 4 } }]).scenarios[0].timeline.notes.join(' ');
    expect(own).toContain('Never detected');
    expect(own).not.toContain('27 days');
    expect(report([leak]).scenarios[0].timeline.notes.join(' ')).toContain('27 days');
  });

  it('says how many scenarios a fix is summed over, leaves out a what-if that restates another, and numbers top fixes 1, 2, 3', () => {
    const twin: ScenarioInput = { ...leak, id: 'twin', name: 'The same leak, saved twice' };
    const other: ScenarioInput = { id: 'role', name: 'Role compromised', breaks: [{ mode: 'compromise', node: 'role' }] };
    const doc = report([leak, twin, other]);
    const grant = doc.recommendations!.items.find((r) => r.id === 'remove:x')!;
    expect(grant.scenarioCount).toBe(2);
    expect(grant.scenarios.map((s) => s.id).sort()).toEqual(['leak', 'role']);
    expect(grant.fixTitle).toBe('Remove the grant of Deploy role on Ops console');
    const md = renderMarkdown(doc);
    expect(md).toContain('| −6 over 2 scenarios |');
    expect(md).toContain('Remove the grant of Deploy role on Ops console (Deploy role grants Ops console): −6 points over 2 scenarios');
    expect(doc.summary!.topFixes.map((f) => f.rank)).toEqual([1, 2, 3]);
    expect(md).toMatch(/\*\*Top fixes\*\*\n\n1\. .*\n2\. .*\n3\. /);
  });

  it('says "Closes" only for a fix that leaves nothing beyond the break, "Trims" otherwise', () => {
    const items = report([leak]).recommendations!.items;
    expect(items.find((r) => r.id === 'remove:a')!.closes).toMatch(/^Closes a leak of CI token/);
    expect(items.find((r) => r.id === 'remove:x')!.closes).toMatch(/^Trims the radius of a leak of CI token/);
  });

  it('counts kinds with their plural right: 1 AI agent, 2 data stores', () => {
    const doc = report([leak]);
    expect(doc.model!.kinds.find((k) => k.kind === 'agent')).toMatchObject({ count: 1, label: 'AI agent', text: '1 AI agent' });
    expect(doc.model!.kinds.find((k) => k.kind === 'datastore')).toMatchObject({ count: 2, label: 'Data stores', text: '2 data stores' });
    const md = renderMarkdown(doc);
    expect(md).toContain('1 AI agent, 1 identity, 1 secret, 2 data stores');
    expect(md).toContain('Totals: 6 nodes, 3 edges, 1 scenario, 4 nodes reached, 0 silent outages, 5 findings');
  });

  it('joins a path’s steps with " → " in the CSV', () => {
    const csv = impactsCsv(report([leak]));
    expect(csv).toContain('CI token leaked at 0 h → CI token authenticates as Deploy role at 30 min → Deploy role grants write on Orders DB at 1 h');
  });
});

describe('"Closes" across scenarios', () => {
  it('says a fix closes a break only when it leaves nothing beyond it in every scenario it helps', () => {
    const rotatedLate: ScenarioInput = { id: 'late', name: 'Rotated at 2 h', breaks: leak.breaks, responses: [{ action: 'rotate', node: 'tok', at: 2 }] };
    // Without the authenticates edge, nothing is left beyond tok when its copy dies at 2 h; in the plain leak
    // tok still reaches the bucket at 3 h. Over both: trimmed, not closed.
    const m = buildModel(
      [['tok', 'secret', {}, 'CI token'], ['role', 'identity', {}, 'Deploy role'], ['bucket', 'datastore', {}, 'Bucket']],
      [['a', 'authenticates', 'tok', 'role'], ['b', 'grants', 'tok', 'bucket', { access: 'admin', delayHours: 3 }]],
    );
    const scenarios = [leak, rotatedLate];
    const doc = buildReport(m, scenarios, scenarios.map((s) => simulate(m, s)), { date: '2026-11-27' });
    const remove = doc.recommendations!.items.find((r) => r.id === 'remove:a')!;
    expect(remove.scenarioCount).toBe(2);
    expect(remove.closes).toMatch(/^Trims the radius of a leak of CI token/);
  });
});

import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../shared/import/index.ts';
import { fixture, graphOf, imported } from './fixtures.ts';

describe("OTM import of the specification's examples", () => {
  it('reads the JSON and the YAML example alike', () => {
    const json = imported('otm', [fixture('otm', 'EXAMPLE.json')]);
    const yaml = imported('otm', [fixture('otm', 'EXAMPLE.yaml')]);
    const shape = (o: typeof json) => o.graph.nodes.map((n) => [n.id, n.kind, n.boundary]);
    expect(shape(yaml)).toEqual(shape(json));
    expect(yaml.graph.edges.map((e) => e.id)).toEqual(json.graph.edges.map((e) => e.id));
  });

  it('makes trust zones boundaries and components nodes, their kind from the type', () => {
    const o = imported('otm', [fixture('otm', 'EXAMPLE.json')]);
    const g = graphOf(o);
    expect(g.node('otm-web-service')).toMatchObject({ kind: 'service', boundary: 'otm-tz-2ab4effa-40b7-4cd2-ba81-8247d29a6f2d', props: { otmType: 'web-service', source: { file: 'EXAMPLE.json', line: 90 } } });
    expect(g.node('otm-customer-database').kind).toBe('datastore');
    expect(g.node('otm-web-client').kind).toBe('person');
    expect(o.graph.boundaries.map((b) => b.label)).toEqual(['Internet', 'Private']);
    expect(o.warnings.map((w) => w.message)).toContain('component type “code-class” imported as service (a guess)');
  });

  it('makes a dataflow into a database a write call, and threats with their mitigations a note', () => {
    const o = imported('otm', [fixture('otm', 'EXAMPLE.yaml')]);
    const g = graphOf(o);
    expect(g.edge('calls', 'otm-web-service', 'otm-customer-database').props.access).toBe('write');
    const note = o.graph.notes.find((n) => n.near === 'otm-web-service' && n.text.startsWith('Threats'));
    expect(note?.text).toBe('Threats (OTM):\n• [exposed] Threat 1 (Spoofing, Tampering)\n  Description fo the threat number 1\n  Mitigation: This is the name of mitigation 1 (implemented)');
  });

  it('refuses a file without otmVersion, and a dataflow to nowhere is a warning', () => {
    expect(importFiles('otm', [{ name: 'a.otm', text: 'project: {name: a, id: a}\n' }])).toMatchObject({ ok: false });
    const r = importFiles('otm', [
      { name: 'a.otm', text: 'otmVersion: 0.2.0\nproject: {name: a, id: a}\ncomponents:\n  - {id: a, name: a, type: web-service}\ndataflows:\n  - {id: f, name: f, source: a, destination: y}\n' },
    ]);
    expect(r.ok && r.value.warnings.map((w) => [w.line, w.message])).toEqual([[6, 'dataflow “f” names a component that is not in the file; left out']]);
  });

  it('warns when a component is in a trust zone the file does not have, and when a zone holds no component', () => {
    const text = [
      'otmVersion: 0.2.0',
      'project: {name: a, id: a}',
      'trustZones:',
      '  - {id: 1f2e, name: Internet, risk: {trustRating: 1}}',
      '  - {id: 9c3d, name: Private, risk: {trustRating: 80}}',
      'components:',
      '  - {id: web, name: Web, type: web-service, parent: {trustZone: private}}',
      '  - {id: db, name: DB, type: database, parent: {trustZone: 9c3d}}',
      '',
    ].join('\n');
    const r = importFiles('otm', [{ name: 'a.otm', text }]);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.warnings.map((w) => [w.line, w.message])).toEqual([
      [7, 'component “Web” is in trust zone “private”, which is not in the file: it stands outside every boundary'],
      [4, 'trust zone “Internet” holds no component: no boundary is drawn for it'],
    ]);
    expect(r.value.graph.boundaries.map((b) => b.label)).toEqual(['Private']);
  });

  it('says a guessed component type in the first file that has it', () => {
    const file = (name: string, type: string) => ({ name, text: `otmVersion: 0.2.0\nproject: {name: a, id: a}\ncomponents:\n  - {id: ${name}, name: ${name}, type: ${type}}\n` });
    const r = importFiles('otm', [file('a.otm', 'web-service'), file('b.otm', 'ec2'), file('c.otm', 'ec2')]);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.warnings.map((w) => [w.file, w.message])).toEqual([['b.otm', 'component type “ec2” imported as service (a guess)']]);
  });
});

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
    const r = importFiles('otm', [{ name: 'a.otm', text: 'otmVersion: 0.2.0\nproject: {name: a, id: a}\ndataflows:\n  - {id: f, name: f, source: x, destination: y}\n' }]);
    expect(r.ok && r.value.warnings.map((w) => [w.line, w.message])).toEqual([[4, 'dataflow “f” names a component that is not in the file; left out']]);
  });
});

import { describe, expect, it } from 'vitest';
import { simulate } from '../../../shared/engine/index.ts';
import { hasUsableDrawing, importFiles, modelFromImport } from '../../../shared/import/index.ts';
import { fixture, graphOf, imported } from './fixtures.ts';

describe("Threat Dragon import of its own demo model", () => {
  const all = imported('threat-dragon', [fixture('threat-dragon', 'v2-threat-model.json')]);
  const g = graphOf(all);

  it('makes processes services, stores datastores and actors persons, and says these are guesses', () => {
    expect(g.node('td-web-application-0d9909ea')).toMatchObject({ kind: 'service', label: 'Web Application' });
    expect(g.node('td-database-936557f9').kind).toBe('datastore');
    expect(g.node('td-browser-b394f9f7').kind).toBe('person');
    expect(all.warnings.filter((w) => w.message.startsWith('kinds are a guess'))).toHaveLength(3);
  });

  it('gives a store that keeps credentials a secret it contains', () => {
    g.edge('contains', 'td-worker-config-a25bbb4e', 'td-worker-config-a25bbb4e-credentials');
    expect(g.node('td-worker-config-a25bbb4e-credentials').kind).toBe('secret');
  });

  it('reads flows as calls: into a store is write, out of a store is read, two flows merge', () => {
    expect(g.edge('calls', 'td-web-application-0d9909ea', 'td-message-queue-ec574fb4').props).toMatchObject({ access: 'write', flows: ['Put Message'] });
    expect(g.edge('calls', 'td-background-worker-process-3e75b596', 'td-message-queue-ec574fb4').props.access).toBe('read');
    expect(g.edge('calls', 'td-background-worker-process-3e75b596', 'td-database-936557f9').props.flows).toEqual(['Worker Query Results', 'Worker Queries']);
  });

  it('turns threats and their mitigations into a note beside their element', () => {
    const note = all.graph.notes.find((n) => n.near === 'td-worker-config-a25bbb4e');
    expect(note?.text).toContain('[Open · High] Accessing DB credentials (Information disclosure)');
    expect(note?.text).toContain('Mitigation: Encrypt the DB credentials in the configuration file.');
    expect(String(g.props('td-worker-config-a25bbb4e').notes)).toContain('Accessing DB credentials');
    expect(all.graph.notes.some((n) => n.near === null && n.text.startsWith('A Demo Threat Model'))).toBe(true);
  });

  it('keeps the drawing, and says what it left out: boundary lines, a loose flow, flows to an actor', () => {
    expect(hasUsableDrawing(all.graph.nodes)).toBe(true);
    const messages = all.warnings.map((w) => w.message);
    expect(messages).toContain('3 trust boundaries drawn as lines enclose nothing: left out (draw them as boxes, or add boundaries here)');
    expect(messages).toContain('flow “Web Request” is not connected at both ends; left out');
    expect(messages.some((m) => m.includes('flows to or from actors left out'))).toBe(true);
  });

  it('simulates: stolen worker credentials reach nothing by themselves, a compromised worker reads the config', () => {
    const model = modelFromImport(all, 'demo');
    const r = simulate(model, { id: 'c', breaks: [{ mode: 'compromise', node: 'td-background-worker-process-3e75b596' }] });
    expect(r.impacts).toContainEqual(expect.objectContaining({ node: 'td-worker-config-a25bbb4e', effect: 'read' }));
    expect(r.impacts).toContainEqual(expect.objectContaining({ node: 'td-worker-config-a25bbb4e-credentials', effect: 'control' }));
  });

  it('refuses a file that is not a Threat Dragon model, and malformed JSON with its line', () => {
    expect(importFiles('threat-dragon', [{ name: 'x.json', text: '{"otmVersion": "0.2.0"}' }])).toMatchObject({ ok: false, error: { message: expect.stringContaining('not a Threat Dragon model') } });
    const bad = importFiles('threat-dragon', [{ name: 'x.json', text: '{\n  "summary": {},\n  "detail": [,\n}' }]);
    expect(bad).toMatchObject({ ok: false, error: { file: 'x.json', line: 3 } });
  });
});

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { parseModelJson } from '../../../shared/file/index.ts';
import type { Model } from '../../../shared/domain/index.ts';
import { openFaultlineDb } from '../../../renderer/src/library/db.ts';

/** A fresh, private IndexedDB per test: nothing leaks between tests. */
export function freshIndexedDb() {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

export function freshDb(name = 'faultline-test') {
  return openFaultlineDb(name, freshIndexedDb());
}

export function model(id: string, nodes = 3, name = `Model ${id}`): Model {
  const result = parseModelJson({
    format: 'faultline',
    version: 1,
    model: {
      id,
      name,
      nodes: Array.from({ length: nodes }, (_, i) => ({ id: `n${i}`, kind: 'service', label: `Service ${i}`, position: { x: i * 200, y: 0 } })),
      edges: nodes > 1 ? [{ id: 'e0', kind: 'calls', source: 'n0', target: 'n1' }] : [],
    },
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

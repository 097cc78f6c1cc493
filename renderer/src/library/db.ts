/**
 * The local library in IndexedDB, through Dexie. One constant per schema version; older versions stay
 * declared so Dexie can upgrade any database a user still has. A shipped version is never edited:
 * a change adds SCHEMA_V<n+1>, an upgrade function if data must move, and a test in
 * test/unit/library/upgrade.test.ts that builds the old database first.
 */
import Dexie from 'dexie';
import type { EntityTable } from 'dexie';

/** The stored file envelope: written and read through the one load path (shared/file/loader.ts). */
export interface StoredFile {
  format: 'faultline';
  version: number;
  model: unknown;
}

export interface ModelRecord {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  nodeCount: number;
  edgeCount: number;
  /** A small SVG of the graph for the library list. */
  thumbnail: string;
  file: StoredFile;
  /** When it went to the trash; null while it is in the library. Kept 30 days. */
  deletedAt: number | null;
}

export interface SnapshotRecord {
  id: string;
  modelId: string;
  name: string;
  createdAt: number;
  /** Taken by the app before an import, layout or bulk delete, not by the user. */
  auto: boolean;
  nodeCount: number;
  edgeCount: number;
  file: StoredFile;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export const DB_NAME = 'faultline';

/** v1: the library of models. */
export const SCHEMA_V1 = { models: 'id, updatedAt, name' } as const;

/** v2: a trash (deletedAt), named snapshots per model, and session state (last open model, viewports). */
export const SCHEMA_V2 = {
  models: 'id, updatedAt, name, deletedAt',
  snapshots: 'id, modelId, createdAt',
  meta: 'key',
} as const;

export const CURRENT_DB_VERSION = 2;

export type FaultlineDb = Dexie & {
  models: EntityTable<ModelRecord, 'id'>;
  snapshots: EntityTable<SnapshotRecord, 'id'>;
  meta: EntityTable<MetaRecord, 'key'>;
};

export function openFaultlineDb(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]): FaultlineDb {
  const db = new Dexie(name, options) as FaultlineDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade((tx) =>
      tx
        .table('models')
        .toCollection()
        .modify((record: Partial<ModelRecord>) => {
          record.deletedAt ??= null;
        }),
    );
  return db;
}

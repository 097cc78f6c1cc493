/**
 * The local library in IndexedDB, through Dexie. One constant per schema version; older versions stay
 * declared so Dexie can upgrade any database a user still has. A shipped version is never edited:
 * a change adds SCHEMA_V<n+1>, an upgrade function if data must move, and a test in
 * test/unit/library/upgrade.test.ts that builds the old database first.
 */
import Dexie from 'dexie';
import type { EntityTable, Table, Transaction } from 'dexie';

/** A whole file envelope, as a v1 record and a snapshot hold it. */
interface StoredFile {
  format: 'faultline';
  version: number;
  model: unknown;
}

/**
 * A model in the library (v2): its summary and the model without nodes and edges (`head`: id, name,
 * boundaries, scenarios, unknown fields), which live in chunks so a small edit writes a small record.
 */
export interface ModelRecord {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  nodeCount: number;
  edgeCount: number;
  /** A small SVG of the graph for the library list. */
  thumbnail: string;
  /** The file format version of `head` and the chunks, written in the same transaction. */
  formatVersion: number;
  head: Record<string, unknown>;
  nodeChunks: number;
  edgeChunks: number;
  /** When it went to the trash; null while it is in the library. Kept 30 days. */
  deletedAt: number | null;
  /**
   * Bumped by every write of the model (and by every window that becomes its writer), checked in the same
   * transaction as the write: a window whose last read is older cannot overwrite. Absent before 0.2: 0.
   */
  revision?: number;
}

/**
 * A run of consecutive nodes or edges of one model, in file order, as JSON text: IndexedDB reads one
 * string far faster than it rebuilds thousands of small objects.
 */
export interface ChunkRecord {
  modelId: string;
  part: 'nodes' | 'edges';
  index: number;
  json: string;
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
  /** The file text (JSON): snapshots are written once and read rarely. */
  text: string;
}

interface MetaRecord {
  key: string;
  value: unknown;
}

const DB_NAME = 'faultline';

/** v1: the library of models, each record holding its whole file. */
export const SCHEMA_V1 = { models: 'id, updatedAt, name' } as const;

/**
 * v2: models split into a summary and chunks of nodes and edges (an autosave of a 5,000-node model
 * rewrites one chunk, not 8 MB), a trash (deletedAt), snapshots, and session state.
 */
const SCHEMA_V2 = {
  models: 'id, updatedAt, name, deletedAt',
  chunks: '[modelId+part+index], modelId',
  snapshots: 'id, modelId, createdAt',
  meta: 'key',
} as const;

export const CURRENT_DB_VERSION = 2;

/** Items per chunk: small enough that an edit rewrites little, large enough that a load reads few records. */
export const CHUNK_SIZE = 500;

export type FaultlineDb = Dexie & {
  models: EntityTable<ModelRecord, 'id'>;
  chunks: Table<ChunkRecord, [string, string, number]>;
  snapshots: EntityTable<SnapshotRecord, 'id'>;
  meta: EntityTable<MetaRecord, 'key'>;
};

export function openFaultlineDb(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]): FaultlineDb {
  const db = new Dexie(name, options) as FaultlineDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2).upgrade(splitV1Records);
  return db;
}

/** v1 → v2: each whole-file record becomes a summary plus chunks; nothing is dropped. */
async function splitV1Records(tx: Transaction): Promise<void> {
  const models = tx.table('models');
  const chunks = tx.table('chunks');
  for (const record of (await models.toArray()) as Record<string, unknown>[]) {
    const file = record.file as StoredFile | undefined;
    const { nodes, edges, ...head } = (file?.model ?? {}) as Record<string, unknown>;
    const parts = { nodes: toChunks(asArray(nodes)), edges: toChunks(asArray(edges)) };
    await chunks.bulkPut(
      (['nodes', 'edges'] as const).flatMap((part) =>
        parts[part].map((items, index) => ({ modelId: record.id, part, index, json: JSON.stringify(items) })),
      ),
    );
    const { file: _file, ...summary } = record;
    await models.put({
      ...summary,
      formatVersion: file?.version ?? 1,
      head,
      nodeChunks: parts.nodes.length,
      edgeChunks: parts.edges.length,
      deletedAt: null,
    });
  }
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function toChunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK_SIZE) out.push(items.slice(i, i + CHUNK_SIZE));
  return out;
}

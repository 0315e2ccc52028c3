import type { Database } from '../db/database.js';
import { groupCommit } from '../db/group-commit.js';
import { moveDocuments, startDocumentsProcessing, type DocumentKey, type DocumentMove, type MoveRecords, type StartedDocument } from './document-processing.repository.js';

/**
 * The two writes every processed document makes — starting, and recording the result when the flow ends
 * there — grouped across the jobs running at the same time in this process: one statement serves all the
 * documents that reached the same point together (group commit), instead of one statement each. Each
 * document's write stays guarded on its own status and revision.
 */
export type ProcessingWrites = {
  start(key: DocumentKey): Promise<StartedDocument | undefined>;
  move(move: DocumentMove, records: MoveRecords): Promise<boolean>;
};

// One statement in flight at a time per kind: the documents that arrive meanwhile go together in the next.
const IN_FLIGHT = 1;
const MAX_ITEMS = 64;
// Documents finish their CPU work one at a time, a millisecond or two apart: a write that finds nothing
// running waits this long for the next ones, so that one statement (planned once) serves several.
const LINGER_MS = 5;

const byDatabase = new WeakMap<Database, ProcessingWrites>();

/** The grouped processing writes on `db` (one set per database, shared by the jobs of the process). */
export function processingWrites(db: Database): ProcessingWrites {
  let writes = byDatabase.get(db);
  if (!writes) {
    const start = groupCommit<DocumentKey, StartedDocument | undefined>({ run: (keys) => startDocumentsProcessing(db, keys), maxInFlight: IN_FLIGHT, maxItems: MAX_ITEMS, lingerMs: LINGER_MS });
    const move = groupCommit<{ move: DocumentMove; records: MoveRecords }, boolean>({ run: (moves) => moveDocuments(db, moves), maxInFlight: IN_FLIGHT, maxItems: MAX_ITEMS, lingerMs: LINGER_MS });
    writes = {
      start: async (key) => (await start([key]))[0],
      move: async (m, records) => (await move([{ move: m, records }]))[0] === true,
    };
    byDatabase.set(db, writes);
  }
  return writes;
}

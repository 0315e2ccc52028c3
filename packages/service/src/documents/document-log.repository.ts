import type { Database } from '../db/database.js';
import type { LogEntry } from './document.types.js';

type LogRow = { at: Date | string; step: string; level: LogEntry['level']; message: string; findings: LogEntry['findings'] | null };

/** Appends entries to the tenant's document log. */
export async function appendLog(db: Database, tenantId: string, documentId: string, entries: readonly Omit<LogEntry, 'at'>[]): Promise<void> {
  for (const entry of entries) {
    await db.query(`insert into document_log (tenant_id, document_id, step, level, message, findings) values ($1, $2, $3, $4, $5, $6)`, [
      tenantId,
      documentId,
      entry.step,
      entry.level,
      entry.message,
      entry.findings === undefined ? null : JSON.stringify(entry.findings),
    ]);
  }
}

/** The tenant's document log, oldest first. */
export async function listLog(db: Database, tenantId: string, documentId: string): Promise<LogEntry[]> {
  const result = await db.query<LogRow>(
    `select at, step, level, message, findings from document_log where tenant_id = $1 and document_id = $2 order by id`,
    [tenantId, documentId],
  );
  return result.rows.map((row) => ({
    at: new Date(row.at),
    step: row.step,
    level: row.level,
    message: row.message,
    ...(row.findings ? { findings: row.findings } : {}),
  }));
}

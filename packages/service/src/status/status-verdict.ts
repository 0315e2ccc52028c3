import type { Database } from '../db/database.js';
import type { DocumentRecord } from '../documents/document.types.js';
import { stepKind, stepSettings, type StepSettings } from '../flows/flow-definition.schema.js';
import { loadRecordedFlow } from '../flows/resolve-document-flow.js';
import type { FlowCandidate } from '../flows/select-flow.js';
import { endInFailure, enterPlan, planFrom, type FlowPosition } from '../pipeline/flow-progress.js';
import type { JobQueue } from '../queue/job-queue.js';

/** The receiver's verdict on a delivered document. */
export type Verdict = { status: 'accepted' | 'rejected'; reason?: string; via: 'poll' | 'callback' };

/** A document waiting in an await-status step, with that step's settings. */
export type StatusWait = { document: DocumentRecord; flow: FlowCandidate; step: number; settings: StepSettings['await-status'] };

/** The await-status step a document waits in, or undefined when it is not waiting (any more). */
export async function findStatusWait(db: Database, document: DocumentRecord | undefined, revision?: number): Promise<StatusWait | undefined> {
  if (!document || document.status !== 'awaiting-status' || (revision !== undefined && document.revision !== revision)) return undefined;
  if (document.flowName === null || document.flowVersion === null) return undefined;
  const chosen = await loadRecordedFlow(db, document, document.flowName, document.flowVersion);
  const step = chosen.ok ? chosen.flow.definition.steps[document.nextStep] : undefined;
  if (!chosen.ok || !step || stepKind(step) !== 'await-status') return undefined;
  return { document, flow: chosen.flow, step: document.nextStep, settings: stepSettings(step, 'await-status') };
}

/**
 * Records a verdict: `accepted` continues the flow (its end is `accepted`), `rejected` ends it (and may
 * notify, with a correction link). False when the document no longer waits (a verdict came already).
 */
export async function applyVerdict(db: Database, queue: JobQueue, wait: StatusWait, verdict: Verdict): Promise<boolean> {
  const at: FlowPosition = { tenantId: wait.document.tenantId, documentId: wait.document.id, revision: wait.document.revision, flow: wait.flow };
  const reason = verdict.reason ? `: ${verdict.reason}` : '';
  return db.transaction(async (tx) => {
    await tx.query(`update status_waits set state = $5, updated_at = now() where tenant_id = $1 and document_id = $2 and revision = $3 and step = $4 and state = 'waiting'`, [
      at.tenantId,
      at.documentId,
      at.revision,
      wait.step,
      verdict.status,
    ]);
    if (verdict.status === 'rejected') {
      return endInFailure(tx, queue, { at, status: 'rejected', step: wait.step, expect: ['awaiting-status'], log: [{ step: 'await-status', level: 'error', message: `Rejected by the receiver (${verdict.via})${reason}` }] });
    }
    const plan = planFrom(wait.flow.definition.steps, wait.step + 1, 'accepted');
    const log = [{ step: 'await-status', level: 'info' as const, message: `Accepted by the receiver (${verdict.via})${reason}` }];
    return enterPlan(tx, queue, { at, plan, expect: ['awaiting-status'], log });
  });
}

/** Ends a wait whose deadline passed without a verdict: the document fails (someone must look into it). */
export async function expireWait(db: Database, queue: JobQueue, wait: StatusWait): Promise<boolean> {
  const at: FlowPosition = { tenantId: wait.document.tenantId, documentId: wait.document.id, revision: wait.document.revision, flow: wait.flow };
  return db.transaction(async (tx) => {
    await tx.query(`update status_waits set state = 'expired', updated_at = now() where tenant_id = $1 and document_id = $2 and revision = $3 and step = $4 and state = 'waiting'`, [
      at.tenantId,
      at.documentId,
      at.revision,
      wait.step,
    ]);
    return endInFailure(tx, queue, { at, status: 'failed', step: wait.step, expect: ['awaiting-status'], log: [{ step: 'await-status', level: 'error', message: `Failed: no verdict from the receiver before the deadline (${wait.settings.deadline})` }] });
  });
}

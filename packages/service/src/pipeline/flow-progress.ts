import { canonicalJson, sha256Hex } from '../api/canonical-json.js';
import type { Database } from '../db/database.js';
import type { DocumentStatus } from '../documents/document.types.js';
import { parseDuration } from '../flows/duration.js';
import { stepKind, stepSettings, type FlowStep, type StepSettings } from '../flows/flow-definition.schema.js';
import type { FlowCandidate } from '../flows/select-flow.js';
import { DELIVER, NOTIFY, POLL_STATUS, type JobQueue, type NotifyJob } from '../queue/job-queue.js';
import { moveDocument, recordLog, type DocumentMove } from './document-processing.repository.js';
import type { PendingLogEntry, StoredArtifact } from './step.js';

/** Default retry deadline of a deliver step: a day of transport failures before giving up. */
export const DEFAULT_DELIVERY_DEADLINE = 'PT24H';

/** Where a document revision is in its flow. */
export type FlowPosition = { tenantId: string; documentId: string; revision: number; flow: FlowCandidate };

/** What happens next, from a step on: wait in a deliver or await-status step, or end with a status. */
export type FlowPlan =
  | { kind: 'deliver'; step: number; settings: StepSettings['deliver'] }
  | { kind: 'await-status'; step: number; settings: StepSettings['await-status'] }
  | { kind: 'end'; step: number; status: DocumentStatus };

/**
 * The next waiting step at or after `from`, or the end of the flow with `outcome` (the status the last
 * finished stage earned: completed, delivered or accepted). Notify steps never stop the flow: they react
 * to the status it ends in.
 */
export function planFrom(steps: readonly FlowStep[], from: number, outcome: DocumentStatus): FlowPlan {
  for (let index = from; index < steps.length; index++) {
    const step = steps[index]!;
    const kind = stepKind(step);
    if (kind === 'deliver') return { kind, step: index, settings: stepSettings(step, 'deliver') };
    if (kind === 'await-status') return { kind, step: index, settings: stepSettings(step, 'await-status') };
  }
  return { kind: 'end', step: steps.length, status: outcome };
}

/** The status a document shows while in a plan's step. */
export function statusOf(plan: FlowPlan): DocumentStatus {
  return plan.kind === 'deliver' ? 'delivering' : plan.kind === 'await-status' ? 'awaiting-status' : plan.status;
}

/** The key that orders and throttles the deliveries of one destination of a tenant. */
export function destinationKey(tenantId: string, destination: StepSettings['deliver']['destination']): string {
  return sha256Hex(`${tenantId}\u0000${canonicalJson(destination)}`);
}

/** Where a document goes, from where, and what is recorded with the move. */
type EnterPlanOptions = {
  at: FlowPosition;
  plan: FlowPlan;
  expect: readonly DocumentStatus[];
  log: readonly PendingLogEntry[];
  artifacts?: readonly StoredArtifact[];
  /** The revision's input is in the blob store: its copy in `received_inputs` goes with the move. */
  releaseInput?: boolean;
};

/**
 * Moves the document into `plan` (if it is still where `expect` says), records the artifacts and log lines
 * with the move (and releases the received input, with `releaseInput`), and does what entering the plan
 * takes: a delivery row and a wake-up of its destination, a status wait and its first poll, or — at the
 * end — the notifications the flow asks for. Returns false when another run moved the document. Run it in
 * a transaction unless `entersWithoutJobs(at, plan)`: then it is a single statement.
 */
export async function enterPlan(tx: Database, queue: JobQueue, options: EnterPlanOptions): Promise<boolean> {
  const { at, plan } = options;
  const move = planMove(at, plan, options.expect);
  const moved = await moveDocument(tx, move, {
    log: options.log,
    ...(options.artifacts ? { artifacts: options.artifacts } : {}),
    ...(options.releaseInput ? { releaseInput: true } : {}),
  });
  if (!moved) return false;
  const entered =
    plan.kind === 'deliver' ? [await enterDelivery(tx, queue, at, plan)] : plan.kind === 'await-status' ? [await enterStatusWait(tx, queue, at, plan)] : await notifyOn(tx, queue, at, plan.status);
  await recordLog(tx, at, entered);
  return true;
}

/** The move of the document into `plan`, from the statuses `expect` names. */
export function planMove(at: FlowPosition, plan: FlowPlan, expect: readonly DocumentStatus[]): DocumentMove {
  return {
    tenantId: at.tenantId,
    documentId: at.documentId,
    revision: at.revision,
    expect,
    status: statusOf(plan),
    nextStep: plan.step,
    flow: { name: at.flow.name, version: at.flow.version },
  };
}

/**
 * True when entering `plan` writes only the document (the end of the flow, with no notification to
 * queue): `enterPlan` is then one statement and needs no transaction of its own, and the move
 * (`planMove`) with its records is all there is to write.
 */
export function entersWithoutJobs(at: FlowPosition, plan: FlowPlan): boolean {
  return plan.kind === 'end' && notifyJobs(at, plan.status).length === 0;
}

/** Ends the document in `failed` or `rejected` (if still where `expect` says), logging why and notifying. */
export async function endInFailure(
  tx: Database,
  queue: JobQueue,
  options: Omit<EnterPlanOptions, 'plan'> & { status: 'failed' | 'rejected'; step: number },
): Promise<boolean> {
  return enterPlan(tx, queue, { ...options, plan: { kind: 'end', step: options.step, status: options.status } });
}

async function enterDelivery(tx: Database, queue: JobQueue, at: FlowPosition, plan: Extract<FlowPlan, { kind: 'deliver' }>): Promise<PendingLogEntry> {
  const key = destinationKey(at.tenantId, plan.settings.destination);
  const deadlineMs = parseDuration(plan.settings.retry?.deadline ?? DEFAULT_DELIVERY_DEADLINE) ?? 0;
  // Ordered by when the revision was accepted, not when generation ended: documents go out as they came in.
  await tx.query(
    `insert into deliveries (tenant_id, document_id, revision, step, destination_key, accepted_at, state, deadline, idempotency_key, artifact_name)
     select $1, $2, $3, $4, $5, r.created_at, 'pending', now() + $6 * interval '1 millisecond', $7,
            (select a.name from artifacts a where a.document_id = $2 and a.revision = $3 and a.name in ('invoice.xml', 'invoice.json') order by a.name desc limit 1)
     from document_revisions r where r.document_id = $2 and r.revision = $3 and r.tenant_id = $1
     on conflict (document_id, revision, step) do nothing`,
    [at.tenantId, at.documentId, at.revision, plan.step, key, deadlineMs, `${at.documentId}.${at.revision}`],
  );
  await queue.enqueue(tx, DELIVER, [{ tenantId: at.tenantId, destinationKey: key }]);
  return { step: 'deliver', level: 'info', message: `Queued for delivery (${describeDestination(plan.settings.destination)})` };
}

async function enterStatusWait(tx: Database, queue: JobQueue, at: FlowPosition, plan: Extract<FlowPlan, { kind: 'await-status' }>): Promise<PendingLogEntry> {
  const deadlineMs = parseDuration(plan.settings.deadline) ?? 0;
  const { rows } = await tx.query<{ deadline: Date | string }>(
    `insert into status_waits (tenant_id, document_id, revision, step, state, deadline)
     values ($1, $2, $3, $4, 'waiting', now() + $5 * interval '1 millisecond')
     on conflict (document_id, revision, step) do update set updated_at = now()
     returning deadline`,
    [at.tenantId, at.documentId, at.revision, plan.step, deadlineMs],
  );
  const job = { tenantId: at.tenantId, documentId: at.documentId, revision: at.revision, step: plan.step };
  const interval = plan.settings.poll ? (parseDuration(plan.settings.poll.interval) ?? 60_000) : Math.min(deadlineMs, 3_600_000);
  // Even a callback-only wait gets a timer job: it is what notices the deadline passing.
  await queue.enqueue(tx, POLL_STATUS, [job], { startAfter: new Date(Date.now() + Math.min(interval, deadlineMs)) });
  const how = [plan.settings.poll ? `by polling every ${plan.settings.poll.interval}` : '', plan.settings.callback ? 'by callback' : ''].filter(Boolean).join(' and ');
  return { step: 'await-status', level: 'info', message: `Waiting for the receiver's verdict ${how} until ${new Date(rows[0]!.deadline).toISOString()}` };
}

/** The notifications the flow's notify steps ask for when the document ends in `status`. */
function notifyJobs(at: FlowPosition, status: DocumentStatus): NotifyJob[] {
  return at.flow.definition.steps.flatMap((step, index) =>
    stepKind(step) === 'notify' && (stepSettings(step, 'notify').on as readonly string[]).includes(status)
      ? [{ tenantId: at.tenantId, documentId: at.documentId, revision: at.revision, step: index, status }]
      : [],
  );
}

/** Enqueues the notifications of the flow's notify steps that react to `status`. */
async function notifyOn(tx: Database, queue: JobQueue, at: FlowPosition, status: DocumentStatus): Promise<PendingLogEntry[]> {
  const jobs = notifyJobs(at, status);
  await queue.enqueue(tx, NOTIFY, jobs);
  return jobs.length > 0 ? [{ step: 'notify', level: 'info', message: `Notification queued (${status})` }] : [];
}

/** A destination in words for the log, without secrets (they are names anyway). */
export function describeDestination(destination: StepSettings['deliver']['destination']): string {
  switch (destination.type) {
    case 'http':
      return `http ${destination.url}`;
    case 'email':
      return `e-mail to ${destination.to.join(', ')}`;
    case 'folder':
      return `folder ${destination.path}`;
  }
}

import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { findDocumentById } from '../documents/document.repository.js';
import { findArtifact } from '../documents/artifact.repository.js';
import type { DocumentRecord } from '../documents/document.types.js';
import type { DeliveryOutcome, Destination } from '../destinations/destination.js';
import { retryDelay } from '../destinations/retry-schedule.js';
import { AppError } from '../errors/app-error.js';
import { parseDuration } from '../flows/duration.js';
import { stepKind, stepSettings, type StepSettings } from '../flows/flow-definition.schema.js';
import { loadRecordedFlow } from '../flows/resolve-document-flow.js';
import { recordExternalId, moveDocument, recordLog } from '../pipeline/document-processing.repository.js';
import { describeDestination, endInFailure, enterPlan, planFrom, type FlowPosition } from '../pipeline/flow-progress.js';
import type { PipelineDeps } from '../pipeline/step.js';
import { DELIVER, type DeliverJob } from '../queue/job-queue.js';
import { closeDelivery, findHeadDelivery, postponeDelivery, type PendingDelivery } from './delivery.repository.js';
import { acquireDestinationLease, releaseDestinationLease } from './destination-lease.repository.js';
import { openDestination, type DestinationEnvironment } from './open-destination.js';

/** What the deliver job needs. */
export type DeliveryDeps = PipelineDeps & { destinations: Omit<DestinationEnvironment, 'db' | 'secrets'>; logger?: Logger; holder?: string };

/** Statuses a document waits in while its delivery is pending. */
const DELIVERY_STATUSES = ['delivering', 'waiting-for-retry'] as const;
const DEFAULT_INITIAL_DELAY = 'PT10S';
const DEFAULT_MAX_DELAY = 'PT1H';

/** This process's name on destination leases; each round adds its own id (rounds in one process exclude each other too). */
const PROCESS_HOLDER = `worker-${randomUUID()}`;

/**
 * Sends the pending deliveries of one destination, oldest accepted first, one at a time, under a lease so
 * that no other worker sends to it meanwhile. A transport failure stops the round: the head waits for its
 * back-off and everything behind it waits too (store and forward, order kept); a wake-up job is scheduled
 * for the moment it is due. A rejection fails only its own document; the next one goes out.
 */
export async function deliverPending(deps: DeliveryDeps, job: DeliverJob): Promise<void> {
  const holder = `${deps.holder ?? PROCESS_HOLDER}/${randomUUID()}`;
  // Someone else is sending to this destination: the rows this job was enqueued for are committed, and
  // the holder looks at the queue again after releasing, so nothing is left behind.
  if (!(await acquireDestinationLease(deps.db, job, holder))) return;
  let wakeAt: Date | undefined;
  try {
    for (;;) {
      const head = await findHeadDelivery(deps.db, job);
      if (!head) break;
      if (!head.due) {
        wakeAt = head.nextAttemptAt;
        break;
      }
      await acquireDestinationLease(deps.db, job, holder); // renews it
      await attemptDelivery(deps, head);
    }
  } finally {
    await releaseDestinationLease(deps.db, job, holder);
  }
  // A delivery committed after the last look but before the release: its own wake-up found the lease taken.
  const head = await findHeadDelivery(deps.db, job);
  if (head?.due && wakeAt === undefined) wakeAt = new Date();
  if (wakeAt) {
    const at = wakeAt;
    await deps.db.transaction((tx) => deps.queue.enqueue(tx, DELIVER, [job], { startAfter: at }));
  }
}

/** One attempt at the head delivery, and its consequences for the document. */
async function attemptDelivery(deps: DeliveryDeps, delivery: PendingDelivery): Promise<void> {
  const document = await findDocumentById(deps.db, delivery.tenantId, delivery.documentId);
  const chosen = document?.flowName && document.flowVersion ? await loadRecordedFlow(deps.db, document, document.flowName, document.flowVersion) : undefined;
  const step = chosen?.ok ? chosen.flow.definition.steps[delivery.step] : undefined;
  if (!document || !chosen?.ok || !step || stepKind(step) !== 'deliver' || document.revision !== delivery.revision || !(DELIVERY_STATUSES as readonly string[]).includes(document.status)) {
    // The document moved on (a new revision, or failed meanwhile): this delivery is stale.
    await closeDelivery(deps.db, delivery, 'failed', 'superseded: the document is no longer waiting for this delivery');
    return;
  }
  const at: FlowPosition = { tenantId: document.tenantId, documentId: document.id, revision: document.revision, flow: chosen.flow };
  const settings = stepSettings(step, 'deliver');
  const outcome = await send(deps, document, delivery, settings);
  const attempt = delivery.attempts + 1;
  const where = describeDestination(settings.destination);
  await deps.db.transaction(async (tx) => {
    if (outcome.kind === 'delivered') {
      await closeDelivery(tx, delivery, 'delivered', outcome.detail);
      if (outcome.externalId) await recordExternalId(tx, at, 'delivery', outcome.externalId);
      const log = [{ step: 'deliver', level: 'info' as const, message: `Delivered (${where}) on attempt ${attempt}: ${outcome.detail}` }];
      const plan = planFrom(chosen.flow.definition.steps, delivery.step + 1, 'delivered');
      await enterPlan(tx, deps.queue, { at, plan, expect: DELIVERY_STATUSES, log: plan.kind === 'end' ? [...log, { step: 'result', level: 'info', message: 'Delivered' }] : log });
      return;
    }
    if (outcome.kind === 'rejected') {
      await closeDelivery(tx, delivery, 'failed', outcome.detail);
      await endInFailure(tx, deps.queue, { at, status: 'failed', step: delivery.step, expect: DELIVERY_STATUSES, log: [{ step: 'deliver', level: 'error', message: `Failed: rejected (${where}) on attempt ${attempt}: ${outcome.detail}` }] });
      return;
    }
    const schedule = { initialDelayMs: parseDuration(settings.retry?.initialDelay ?? DEFAULT_INITIAL_DELAY)!, maxDelayMs: parseDuration(settings.retry?.maxDelay ?? DEFAULT_MAX_DELAY)! };
    const next = new Date(Date.now() + retryDelay(attempt, schedule, outcome.retryAfterMs));
    if (next > delivery.deadline) {
      await closeDelivery(tx, delivery, 'failed', outcome.detail);
      const message = `Failed: gave up after ${attempt} attempt${attempt === 1 ? '' : 's'} (${where}); the retry deadline ${delivery.deadline.toISOString()} has passed. Last error: ${outcome.detail}`;
      await endInFailure(tx, deps.queue, { at, status: 'failed', step: delivery.step, expect: DELIVERY_STATUSES, log: [{ step: 'deliver', level: 'error', message }] });
      return;
    }
    await postponeDelivery(tx, delivery, next, outcome.detail);
    if (await moveDocument(tx, { ...at, documentId: at.documentId, expect: DELIVERY_STATUSES, status: 'waiting-for-retry', nextStep: delivery.step })) {
      const message = `Attempt ${attempt} failed (${where}): ${outcome.detail}; next attempt at ${next.toISOString()}`;
      await recordLog(tx, at, [{ step: 'deliver', level: 'warning', message }]);
    }
  });
}

/** Opens the destination and sends the revision's e-invoice; a configuration mistake is a rejection. */
async function send(deps: DeliveryDeps, document: DocumentRecord, delivery: PendingDelivery, settings: StepSettings['deliver']): Promise<DeliveryOutcome> {
  if (!deps.secrets) throw new Error('Delivering needs the secret store, which this worker was started without');
  let destination: Destination;
  try {
    destination = await openDestination({ db: deps.db, secrets: deps.secrets, ...deps.destinations }, document.tenantId, settings.destination);
  } catch (error) {
    if (error instanceof AppError) return { kind: 'rejected', detail: `the destination cannot be used: ${error.message}` };
    throw error;
  }
  const artifact = delivery.artifactName ? await findArtifact(deps.db, document.tenantId, document.id, delivery.artifactName, delivery.revision) : undefined;
  if (!artifact) return { kind: 'rejected', detail: 'the revision has no e-invoice to send' };
  const body = await deps.blobs.get(artifact.sha256);
  const invoiceNumber = typeof document.context['invoiceNumber'] === 'string' ? document.context['invoiceNumber'] : undefined;
  return destination.send({
    documentId: document.id,
    idempotencyKey: delivery.idempotencyKey,
    body,
    mediaType: artifact.mediaType,
    fileName: artifact.name,
    ...(invoiceNumber ? { invoiceNumber } : {}),
  });
}

import { findDocumentById } from '../documents/document.repository.js';
import { stepKind, stepSettings } from '../flows/flow-definition.schema.js';
import { resolveDocumentFlow } from '../flows/resolve-document-flow.js';
import type { FlowCandidate } from '../flows/select-flow.js';
import type { ProcessDocumentJob } from '../queue/job-queue.js';
import { endInFailure, enterPlan, entersWithoutJobs, planFrom, planMove, type FlowPlan, type FlowPosition } from './flow-progress.js';
import { processingWrites } from './processing-writes.js';
import { GENERATION_STEPS, isGenerationKind } from './generation-steps.js';
import { createPipelineContext, stopWithFailure, type PendingLogEntry, type PipelineContext, type PipelineDeps } from './step.js';
import { readInputStep } from './steps/read-input.step.js';
import { storeArtifacts } from './steps/store-artifacts.step.js';

/**
 * What a run did: the status it left the document in when this run recorded the result; `skipped` when the
 * document had moved on already (a job run twice, or a run that lost a race); `missing` when the tenant has
 * no such document.
 */
export type ProcessOutcome = 'completed' | 'failed' | 'delivering' | 'awaiting-status' | 'skipped' | 'missing';

/**
 * Processes one received document revision: chooses its flow, runs the generation steps (read, normalize,
 * transform, validate, sign) up to the first step that waits (deliver, await-status), then records
 * artifacts, log, status and what comes next in ONE transaction. Exactly once: the result is recorded only
 * while the document is still `processing` at this revision. Unexpected errors throw (the queue retries);
 * an input or configuration that can never succeed fails the document instead.
 */
export async function processDocument(deps: PipelineDeps, job: ProcessDocumentJob): Promise<ProcessOutcome> {
  const started = await processingWrites(deps.db).start({ tenantId: job.tenantId, id: job.documentId });
  if (!started) return (await findDocumentById(deps.db, job.tenantId, job.documentId)) ? 'skipped' : 'missing';
  const { document, receivedInput } = started;

  const ctx = createPipelineContext(deps, document);
  // A received input goes into the blob store while the steps run; the result, which releases its copy in
  // received_inputs, is recorded only once it is there.
  const inputStored = receivedInput ? storeReceivedInput(deps, document.inputSha256, receivedInput) : async () => undefined;
  if (receivedInput) ctx.input = receivedInput;
  const chosen = await resolveDocumentFlow(deps.db, document, started.publishedFlows);
  if (!chosen.ok) {
    stopWithFailure(ctx, 'flow', chosen.reason);
    await inputStored();
    return recordFailureWithoutFlow(ctx);
  }
  const flow = chosen.flow;
  ctx.flow = flow;
  ctx.log.push({ step: 'flow', level: 'info', message: `Running flow "${flow.name}" version ${flow.version}${flow.builtin ? ' (built-in)' : ''}` });

  await readInputStep.run(ctx, {});
  const steps = flow.definition.steps;
  let next = 0;
  for (; next < steps.length && !ctx.stopped; next++) {
    const step = steps[next]!;
    const kind = stepKind(step);
    if (kind === 'deliver' || kind === 'await-status') break;
    if (!isGenerationKind(kind)) continue;
    await (GENERATION_STEPS[kind].run as (c: PipelineContext, s: unknown) => Promise<void>)(ctx, stepSettings(step, kind));
  }
  await storeArtifacts(ctx);
  await inputStored();
  return recordGeneration(ctx, flow, next);
}

/**
 * Starts copying a received input into the blob store; the function returned waits for the copy and
 * throws its error (the job is then retried, the input still in received_inputs).
 */
function storeReceivedInput(deps: PipelineDeps, sha256: string, input: Uint8Array): () => Promise<void> {
  const copy = deps.blobs.put(input).then(
    (ref) => (ref.sha256 === sha256 ? undefined : new Error(`The received input has SHA-256 ${ref.sha256}, not ${sha256}`)),
    (error: unknown) => error,
  );
  return async () => {
    const failed = await copy;
    if (failed !== undefined) throw failed;
  };
}

/**
 * Records the generation — artifacts, log, and the failure or the flow's next stage — atomically: in one
 * statement (shared with the other documents finishing at the same moment) when nothing needs queuing —
 * the flow ends here without notifications — else in a transaction with the jobs.
 */
async function recordGeneration(ctx: PipelineContext, flow: FlowCandidate, next: number): Promise<ProcessOutcome> {
  const at: FlowPosition = { tenantId: ctx.document.tenantId, documentId: ctx.document.id, revision: ctx.document.revision, flow };
  const failure = ctx.failure;
  const plan: FlowPlan = failure !== undefined ? { kind: 'end', step: next, status: 'failed' } : planFrom(flow.definition.steps, next, 'completed');
  const last: PendingLogEntry =
    failure !== undefined ? { step: 'result', level: 'error', message: `Failed: ${failure}` } : { step: 'result', level: 'info', message: 'Completed' };
  const log = failure !== undefined || plan.kind === 'end' ? [...ctx.log, last] : ctx.log;
  const recorded = entersWithoutJobs(at, plan)
    ? await processingWrites(ctx.deps.db).move(planMove(at, plan, ['processing']), { log, artifacts: ctx.artifacts, releaseInput: true })
    : await ctx.deps.db.transaction((tx) => enterPlan(tx, ctx.deps.queue, { at, plan, expect: ['processing'], log, artifacts: ctx.artifacts, releaseInput: true }));
  if (!recorded) return 'skipped';
  if (failure !== undefined) return 'failed';
  return plan.kind === 'deliver' ? 'delivering' : plan.kind === 'await-status' ? 'awaiting-status' : 'completed';
}

/** A document no flow fits: failed, with the reason; there is no flow whose notify steps could be asked. */
async function recordFailureWithoutFlow(ctx: PipelineContext): Promise<ProcessOutcome> {
  const none: FlowCandidate = { name: '', version: 0, definition: { name: '', match: {}, steps: [] }, builtin: true };
  const at: FlowPosition = { tenantId: ctx.document.tenantId, documentId: ctx.document.id, revision: ctx.document.revision, flow: none };
  const recorded = await ctx.deps.db.transaction((tx) =>
    endInFailure(tx, ctx.deps.queue, {
      at,
      status: 'failed',
      step: 0,
      expect: ['processing'],
      log: [...ctx.log, { step: 'result', level: 'error', message: `Failed: ${ctx.failure ?? ''}` }],
      releaseInput: true,
    }),
  );
  return recorded ? 'failed' : 'skipped';
}

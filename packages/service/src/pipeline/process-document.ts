import { findDocumentById } from '../documents/document.repository.js';
import type { ProcessDocumentJob } from '../queue/job-queue.js';
import { recordDocumentResult, startDocumentProcessing } from './document-processing.repository.js';
import { DOCUMENT_STEPS } from './document-steps.js';
import { createPipelineContext, type PipelineContext, type PipelineDeps, type Step } from './step.js';

/**
 * What a run did: `completed` / `failed` when this run recorded the result; `skipped` when the document
 * already had one (a job run twice, or a run that lost the race to another); `missing` when the tenant has
 * no such document.
 */
export type ProcessOutcome = 'completed' | 'failed' | 'skipped' | 'missing';

/**
 * Processes one received document: moves it to `processing`, runs the steps, then records artifacts, log
 * and status in ONE statement. Exactly once: a document with a result is left alone, and a result is only
 * recorded while the document is still `processing` — so a job delivered twice, a retry after a crash, or
 * two workers on the same job give one set of artifacts. Unexpected errors throw (the queue retries the
 * job); an input that can never succeed fails the document instead.
 */
export async function processDocument(deps: PipelineDeps, job: ProcessDocumentJob, steps: readonly Step[] = DOCUMENT_STEPS): Promise<ProcessOutcome> {
  const document = await startDocumentProcessing(deps.db, job.tenantId, job.documentId);
  // Nothing to start: the document has a result already, or the tenant has no such document.
  if (!document) return (await findDocumentById(deps.db, job.tenantId, job.documentId)) ? 'skipped' : 'missing';

  const ctx = createPipelineContext(deps, document);
  for (const step of steps) {
    await step.run(ctx);
    if (ctx.stopped) break;
  }
  return recordResult(ctx);
}

/** Records the pipeline's result, if no other run recorded one first. */
async function recordResult(ctx: PipelineContext): Promise<ProcessOutcome> {
  const status = ctx.failure === undefined ? 'completed' : 'failed';
  const result = ctx.failure === undefined ? { level: 'info' as const, message: 'Completed' } : { level: 'error' as const, message: `Failed: ${ctx.failure}` };
  const recorded = await recordDocumentResult(ctx.deps.db, ctx.document.tenantId, ctx.document.id, {
    status,
    artifacts: ctx.artifacts,
    log: [...ctx.log, { step: 'result', ...result }],
  });
  return recorded ? status : 'skipped';
}

import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Logger } from 'pino';
import { findDocumentById } from '../documents/document.repository.js';
import { parseDuration } from '../flows/duration.js';
import { recordLog } from '../pipeline/document-processing.repository.js';
import type { PipelineDeps } from '../pipeline/step.js';
import { POLL_STATUS, type PollStatusJob } from '../queue/job-queue.js';
import { applyVerdict, expireWait, findStatusWait, type Verdict } from './status-verdict.js';

const POLL_TIMEOUT_MS = 30_000;
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * One round of an await-status step: past the deadline the document fails; otherwise, when the step polls,
 * the status URL is asked (GET, JSON `{"status": "accepted" | "rejected" | "pending", "reason"?}`) and a
 * verdict is recorded, or the next round is scheduled. A callback may have decided meanwhile: then nothing.
 */
export async function pollStatus(deps: PipelineDeps & { logger?: Logger }, job: PollStatusJob): Promise<void> {
  const document = await findDocumentById(deps.db, job.tenantId, job.documentId);
  const wait = await findStatusWait(deps.db, document, job.revision);
  if (!wait || wait.step !== job.step) return;
  const { rows } = await deps.db.query<{ overdue: boolean; deadline: Date | string }>(
    `select deadline <= now() as overdue, deadline from status_waits where tenant_id = $1 and document_id = $2 and revision = $3 and step = $4 and state = 'waiting'`,
    [job.tenantId, job.documentId, job.revision, job.step],
  );
  const row = rows[0];
  if (!row) return;
  if (wait.settings.poll) {
    const url = wait.settings.poll.url.replaceAll('{documentId}', encodeURIComponent(wait.document.id)).replaceAll('{externalId}', encodeURIComponent(wait.document.externalIds['delivery'] ?? ''));
    const answer = await askStatus(url);
    if (answer.verdict) {
      await applyVerdict(deps.db, deps.queue, wait, answer.verdict);
      return;
    }
    if (answer.problem) await recordLog(deps.db, { tenantId: job.tenantId, documentId: job.documentId }, [{ step: 'await-status', level: 'warning', message: `Status poll failed: ${answer.problem}` }]);
  }
  if (row.overdue) {
    await expireWait(deps.db, deps.queue, wait);
    return;
  }
  const deadline = new Date(row.deadline).getTime();
  const interval = wait.settings.poll ? (parseDuration(wait.settings.poll.interval) ?? 60_000) : 3_600_000;
  const next = new Date(Math.min(Date.now() + interval, deadline + 1000));
  await deps.db.transaction((tx) => deps.queue.enqueue(tx, POLL_STATUS, [job], { startAfter: next }));
}

/** Asks a status URL; a network problem or an unreadable answer is a problem to log, not a verdict. */
async function askStatus(url: string): Promise<{ verdict?: Verdict; problem?: string }> {
  const request = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', headers: { accept: 'application/json' }, timeout: POLL_TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) req.destroy(new Error('answer too large'));
        else chunks.push(chunk);
      });
      res.on('end', () => {
        if ((res.statusCode ?? 0) >= 300) return resolve({ problem: `HTTP ${res.statusCode}` });
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { status?: unknown; reason?: unknown };
          const reason = typeof body.reason === 'string' ? body.reason.slice(0, 1000) : undefined;
          if (body.status === 'accepted' || body.status === 'rejected') return resolve({ verdict: { status: body.status, via: 'poll', ...(reason ? { reason } : {}) } });
          if (body.status === 'pending') return resolve({});
          resolve({ problem: 'the answer has no status "accepted", "rejected" or "pending"' });
        } catch {
          resolve({ problem: 'the answer is not JSON' });
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (error) => resolve({ problem: error.message }));
    req.end();
  });
}

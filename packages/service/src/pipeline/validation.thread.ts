import { validateDocument, type ValidationReport } from '@einvoice-hub/core/validator';
import { workerData, type MessagePort } from 'node:worker_threads';
import { lowerThreadPriority } from '../threads/thread-priority.js';
import type { ValidationRequest, ValidationResult } from './validation-thread.js';

// The thread behind validateOnThread: validates each e-invoice it is sent and answers with the report and
// its JSON file (the file's bytes are moved back, not copied). A document that cannot be read answers
// with the error's name, code and message.

/**
 * The thread's priority, as a Unix nice value: validation, the worker's largest piece of CPU work, runs
 * below the API's thread and the database server. When the machine is busy, an HTTP request that arrives
 * does not wait for a core behind a validation; the worker uses the CPU that is left. On a machine with CPU
 * to spare nothing changes.
 */
const NICE = 10;
lowerThreadPriority(NICE);

const port = (workerData as { port: MessagePort }).port;

port.on('message', (request: ValidationRequest) => {
  let report: ValidationReport;
  try {
    report = validateDocument(request.bytes, { rules: request.rules });
  } catch (error) {
    const { name, message, code } = error as { name?: string; message?: string; code?: string };
    port.postMessage({ id: request.id, error: { name: name ?? 'Error', message: message ?? String(error), ...(code ? { code } : {}) } } satisfies ValidationResult);
    return;
  }
  const json = new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`);
  port.postMessage({ id: request.id, report, json } satisfies ValidationResult, [json.buffer]);
});

import type { ValidationReport } from '@einvoice-hub/core';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { threadEntry } from '../threads/thread-entry.js';

/** What the worker's main thread sends the validation thread, and what comes back. */
export type ValidationRequest = { id: number; bytes: Uint8Array; rules: string[] };
export type ValidationResult =
  | { id: number; report: ValidationReport; json: Uint8Array; error?: undefined }
  | { id: number; error: { name: string; message: string; code?: string } };

/** A validated e-invoice: the report, and the report as the JSON file stored beside it. */
export type ThreadValidation = { report: ValidationReport; json: Uint8Array };

type Pending = { resolve: (validation: ThreadValidation) => void; reject: (error: Error) => void };
type ValidationThread = { worker: Worker; port: MessagePort; pending: Map<number, Pending> };

let thread: ValidationThread | undefined;
let nextId = 0;

/**
 * Validates an e-invoice against the rule sets `rules` on a thread of its own. Validation is the worker's
 * largest piece of CPU work and its largest allocation (the document's tree, the rules' node sets): on the
 * main thread each one held up the API's requests for its duration, and its garbage was collected in the
 * pauses of the heap the API shares. On the thread it runs beside the event loop, on its own heap. One
 * thread, requests in order; if it dies, its pending validations fail (the jobs are retried) and the next
 * call starts a new one.
 */
export function validateOnThread(bytes: Uint8Array, rules: readonly string[]): Promise<ThreadValidation> {
  const validator = (thread ??= startThread());
  const id = nextId++;
  return new Promise<ThreadValidation>((resolve, reject) => {
    validator.pending.set(id, { resolve, reject });
    // Keep the process alive while a validation is in flight, not while the thread idles.
    if (validator.pending.size === 1) validator.worker.ref();
    validator.port.postMessage({ id, bytes, rules: [...rules] } satisfies ValidationRequest);
  });
}

function startThread(): ValidationThread {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(threadEntry(import.meta.url, 'validation.thread'), { eval: true, workerData: { port: port2 }, transferList: [port2] });
  worker.unref();
  const started: ValidationThread = { worker, port: port1, pending: new Map() };
  port1.on('message', (result: ValidationResult) => {
    const pending = started.pending.get(result.id);
    if (!pending) return;
    started.pending.delete(result.id);
    if (result.error) pending.reject(Object.assign(new Error(result.error.message), { name: result.error.name }, result.error.code ? { code: result.error.code } : {}));
    else pending.resolve({ report: result.report, json: result.json });
    if (started.pending.size === 0) started.worker.unref();
  });
  port1.unref();
  const fail = (error: Error) => {
    if (thread === started) thread = undefined;
    for (const pending of started.pending.values()) pending.reject(error);
    started.pending.clear();
    port1.close();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`The validation thread stopped (exit code ${code})`)));
  return started;
}

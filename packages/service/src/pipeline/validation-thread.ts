import type { ValidationReport } from '@einvoice-hub/core';
import { requestThread } from '../threads/request-thread.js';

/** What the worker's main thread sends the validation thread, and what comes back. */
export type ValidationRequest = { id: number; bytes: Uint8Array; rules: string[] };
export type ValidationResult =
  | { id: number; report: ValidationReport; json: Uint8Array; error?: undefined }
  | { id: number; error: { name: string; message: string; code?: string }; report?: undefined; json?: undefined };

/** A validated e-invoice: the report, and the report as the JSON file stored beside it. */
export type ThreadValidation = { report: ValidationReport; json: Uint8Array };

const validator = requestThread<ValidationResult>(import.meta.url, 'validation.thread', 'validation thread');

/**
 * Validates an e-invoice against the rule sets `rules` on a thread of its own. Validation is the worker's
 * largest piece of CPU work and its largest allocation (the document's tree, the rules' node sets): on the
 * main thread each one held up the API's requests for its duration, and its garbage was collected in the
 * pauses of the heap the API shares. On the thread it runs beside the event loop, on its own heap, at a
 * lower CPU priority than the API (see validation.thread.ts). One thread, requests in order; if it dies,
 * its pending validations fail (the jobs are retried) and the next call starts a new one.
 */
export async function validateOnThread(bytes: Uint8Array, rules: readonly string[]): Promise<ThreadValidation> {
  const answer = await validator((id) => ({ id, bytes, rules: [...rules] }) satisfies ValidationRequest);
  // An error answer rejected already (as a DocumentReadError, with its code); this only narrows the type.
  if (answer.error) throw new Error(answer.error.message);
  return { report: answer.report, json: answer.json };
}

import { AppError } from '../errors/app-error.js';
import { MAX_EDITS } from './invoice-form.js';

/** The media type of an HTML form post. */
export const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';

/**
 * Reads an `application/x-www-form-urlencoded` body into name → value. A name posted twice is refused:
 * every field of the correction form is posted once, and picking one of two values would be a guess.
 */
export function parseFormBody(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(text)) {
    if (fields.has(name)) throw new AppError('bad-request', `The form field "${name.slice(0, 100)}" was posted more than once`);
    if (fields.size >= MAX_EDITS) throw new AppError('too-many-items', `A form may post at most ${MAX_EDITS} fields`);
    fields.set(name, value);
  }
  return fields;
}

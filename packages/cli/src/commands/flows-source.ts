import type { Readable } from 'node:stream';
import { InputError, readInput } from '../io.js';

/**
 * Largest flow file read. The service refuses definitions over 256 KiB with its own message; reading up to
 * four times that lets the parser say so, while a wrong file (an archive, a log) is refused before it is sent.
 */
const MAX_FLOW_FILE_BYTES = 1024 * 1024;

/** The media types a flow definition is posted as. */
export type FlowMediaType = 'application/yaml' | 'application/json';

/** A flow definition read from a file (or standard input for "-"): its text and how it is posted. */
export type FlowSource = { file: string; text: string; mediaType: FlowMediaType };

/**
 * Reads a flow definition as UTF-8 text. `.json` files are posted as JSON; everything else (`.yaml`, `.yml`,
 * standard input) as YAML, which reads JSON too. Throws InputError when it cannot be read or is not UTF-8.
 */
export async function readFlowSource(file: string, stdin: Readable): Promise<FlowSource> {
  const bytes = await readInput(file, stdin, MAX_FLOW_FILE_BYTES);
  if (bytes.byteLength > MAX_FLOW_FILE_BYTES) throw new InputError(`${file}: larger than ${MAX_FLOW_FILE_BYTES / 1024} KiB; not a flow definition`);
  let text: string;
  try {
    // fatal: bad bytes are an error rather than replacement characters that would then be stored as the source.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new InputError(`${file}: not UTF-8 text`, { cause });
  }
  return { file, text, mediaType: /\.json$/i.test(file) ? 'application/json' : 'application/yaml' };
}

import type { PipelineContext } from '../step.js';

/**
 * Puts the e-invoice and every other produced file in the blob store. Blobs are content-addressed, so
 * storing them again after a crash stores nothing new; the artifact rows are written with the status.
 */
export async function storeArtifacts(ctx: PipelineContext): Promise<void> {
  const outputs = [...(ctx.einvoice ? [ctx.einvoice] : []), ...ctx.outputs.splice(0)];
  // Side by side: each put waits on its own fsync (or S3 round trip).
  const stored = await Promise.all(outputs.map((output) => ctx.deps.blobs.put(output.bytes)));
  outputs.forEach((output, index) => {
    const ref = stored[index]!;
    ctx.artifacts.push({ name: output.name, mediaType: output.mediaType, size: ref.size, sha256: ref.sha256 });
  });
}

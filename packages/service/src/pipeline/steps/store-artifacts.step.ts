import type { Step } from '../step.js';

/**
 * Puts every produced file in the blob store. Blobs are content-addressed, so storing them again after a
 * crash stores nothing new; the artifact rows are written when the pipeline ends, with the status.
 */
export const storeArtifactsStep: Step = {
  name: 'store-artifacts',
  async run(ctx) {
    // Side by side: each put waits on its own fsync (or S3 round trip).
    const outputs = ctx.outputs.splice(0);
    const stored = await Promise.all(outputs.map((output) => ctx.deps.blobs.put(output.bytes)));
    outputs.forEach((output, index) => {
      const ref = stored[index]!;
      ctx.artifacts.push({ name: output.name, mediaType: output.mediaType, size: ref.size, sha256: ref.sha256 });
    });
  },
};

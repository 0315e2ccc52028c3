import { z } from 'zod';

/** A flow version as the API shows it. */
export const flowVersionSchema = z.object({
  name: z.string(),
  version: z.number().int(),
  state: z.enum(['draft', 'published']),
  builtin: z.boolean(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  definition: z.record(z.string(), z.unknown()).describe('The validated definition (JSON).'),
  source: z.string().optional().describe('The definition as posted (YAML or JSON).'),
});

/** GET /v1/flows: the latest version of every flow of the tenant, then the built-in flows. */
export const flowListSchema = z.object({
  items: z.array(
    z.object({
      name: z.string(),
      builtin: z.boolean(),
      latestVersion: z.number().int(),
      latestState: z.enum(['draft', 'published']),
      publishedVersion: z.number().int().nullable().describe('The version documents run now; null while only drafts exist.'),
      match: z.record(z.string(), z.unknown()),
      description: z.string().optional(),
      href: z.string(),
    }),
  ),
});

/** GET /v1/flows/{name}: every version, newest first. */
export const flowDetailSchema = z.object({ name: z.string(), builtin: z.boolean(), versions: z.array(flowVersionSchema) });

/** Path of a flow. */
export const flowParams = z.object({ name: z.string().max(100) });

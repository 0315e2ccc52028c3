import { RULE_SET_NAMES, TARGETS } from '@einvoice-hub/core';
import { z } from 'zod';
import { parseDuration } from './duration.js';

// The flow definition language. One zod schema is the single source: it validates what administrators post
// (YAML or JSON), types the engine, and is published as JSON Schema at /v1/flows/schema.

/** A name of one of the tenant's stored secrets or certificates (PUT /v1/secrets/{name}); values never appear in flows. */
const secretName = z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'must be the name of a stored secret (letters, digits, ".", "_", "-")');

/** An ISO 8601 duration of days, hours, minutes and seconds, such as PT24H or PT30S. */
const duration = z.string().refine((text) => parseDuration(text) !== undefined, 'must be an ISO 8601 duration such as PT30S, PT24H or P2D (days, hours, minutes, seconds)');

/** Statuses a document can end a flow in, which `notify` can react to. */
export const NOTIFY_EVENTS = ['failed', 'rejected', 'completed', 'delivered', 'accepted'] as const;

const httpDestination = z.strictObject({
  type: z.literal('http'),
  url: z.string().regex(/^https?:\/\/[^\s]+$/, 'must be an http:// or https:// URL'),
  hmacSecret: secretName.optional().describe('Secret whose value keys the X-Signature HMAC-SHA256 of the body.'),
  clientCertificate: secretName.optional().describe('Certificate (with its private key) for mutual TLS.'),
  timeout: duration.optional().describe('How long one attempt may take (default PT30S).'),
});

const emailDestination = z.strictObject({
  type: z.literal('email'),
  to: z.array(z.email('must be an e-mail address')).min(1, 'needs at least one address'),
  from: z.email('must be an e-mail address').optional(),
  smtp: secretName.describe('Secret holding the SMTP server URL with its credentials, e.g. smtps://user:password@mail.example:465.'),
  subject: z.string().max(200).optional(),
});

const folderDestination = z.strictObject({
  type: z.literal('folder'),
  path: z
    .string()
    .min(1)
    .max(500)
    .refine((p) => !p.startsWith('/') && !p.split(/[\\/]/).includes('..'), 'must be a relative path inside the service\'s delivery folder, without ".."')
    .describe('Directory under the service\'s folder-delivery root (setting `folderRoot`).'),
  fileName: z.enum(['document-id', 'invoice-number']).optional().describe('How files are named (default document-id).'),
});

/** Where `deliver` sends the e-invoice. */
export const destinationSchema = z.discriminatedUnion('type', [httpDestination, emailDestination, folderDestination]);

const retrySchema = z.strictObject({
  deadline: duration.optional().describe('Give up retrying transport failures this long after the first attempt (default PT24H).'),
  initialDelay: duration.optional().describe('Wait before the first retry; each next one waits about twice as long, with jitter (default PT10S).'),
  maxDelay: duration.optional().describe('Longest wait between two attempts (default PT1H).'),
});

const stepSchemas = {
  normalize: z.strictObject({}).describe('Repairs common mistakes (whitespace, code case, VAT id prefixes, country rules); each change is logged.'),
  transform: z.strictObject({ format: z.enum(TARGETS, { error: `must be one of ${TARGETS.join(', ')}` }) }).describe('Writes the e-invoice in a format.'),
  validate: z
    .strictObject({
      rules: z.array(z.enum(RULE_SET_NAMES as [string, ...string[]], { error: `must be one of ${RULE_SET_NAMES.join(', ')}` })).min(1).optional(),
      blockOnWarnings: z.boolean().optional(),
    })
    .describe('Checks the e-invoice against rule sets; fatal findings (and warnings with blockOnWarnings) fail the document.'),
  sign: z.strictObject({ method: z.literal('xmldsig-enveloped'), certificate: secretName }).describe('Signs the e-invoice (UBL-based formats).'),
  deliver: z.strictObject({ destination: destinationSchema, retry: retrySchema.optional() }).describe('Sends the e-invoice; transport failures are retried until the deadline.'),
  'await-status': z
    .strictObject({
      poll: z.strictObject({ url: z.string().regex(/^https?:\/\/[^\s]+$/, 'must be an http:// or https:// URL'), interval: duration }).optional(),
      callback: z.boolean().optional(),
      deadline: duration,
    })
    .refine((s) => s.poll !== undefined || s.callback === true, 'needs "poll", "callback: true", or both')
    .describe('Waits for the receiver\'s verdict (accepted or rejected), by polling a URL or by callback, until the deadline.'),
  notify: z
    .strictObject({
      on: z.array(z.enum(NOTIFY_EVENTS)).min(1),
      to: z.union([z.literal('contact'), z.email('must be "contact" or an e-mail address')]),
    })
    .describe('E-mails a person when the document ends in one of the statuses; failures carry a correction link.'),
} as const;

/** The kinds of step a flow can list. */
export type StepKind = keyof typeof stepSchemas;
/** Every step kind, in the order they usually appear. */
export const STEP_KINDS = Object.keys(stepSchemas) as StepKind[];

/** One step: an object with exactly one key, the step's kind. */
export const flowStepSchema = z.union(
  STEP_KINDS.map((kind) => z.strictObject({ [kind]: stepSchemas[kind] })) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]],
  { error: `must be an object with one key: ${STEP_KINDS.join(', ')}` },
);

/** Context keys a flow matches on: scalar values compared with the document's context. */
const matchSchema = z.record(z.string().min(1), z.union([z.string(), z.number(), z.boolean()]));

/** A flow definition as written by an administrator. */
export const flowDefinitionSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be 1–63 lowercase letters, digits or "-", starting with a letter or digit'),
    description: z.string().max(1000).optional(),
    match: matchSchema.default({}).describe('Every key must equal the document context\'s; the flow with the most keys that fits wins.'),
    steps: z.array(flowStepSchema).min(1, 'needs at least one step'),
  })
  .describe('An eInvoice Hub processing flow.');

/** A validated flow definition. */
export type FlowDefinition = {
  name: string;
  description?: string;
  match: Record<string, string | number | boolean>;
  steps: FlowStep[];
};

/** The settings of each kind of step. */
export type StepSettings = { [K in StepKind]: z.output<(typeof stepSchemas)[K]> };
/** One step of a flow. */
export type FlowStep = { [K in StepKind]: { [P in K]: StepSettings[K] } }[StepKind];
/** Settings of a destination. */
export type DestinationSettings = z.output<typeof destinationSchema>;

/** The kind of a step (its only key). */
export function stepKind(step: FlowStep): StepKind {
  return Object.keys(step)[0] as StepKind;
}

/** The settings of a step of a known kind. */
export function stepSettings<K extends StepKind>(step: FlowStep, kind: K): StepSettings[K] {
  return (step as Record<string, unknown>)[kind] as StepSettings[K];
}

/** The JSON Schema of flow definitions, served at /v1/flows/schema. */
export function flowJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(flowDefinitionSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'urn:einvoice-hub:schema:flow',
    title: 'eInvoice Hub flow',
  };
}

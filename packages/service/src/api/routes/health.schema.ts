import { z } from 'zod';

/** The answer of a health check that passed. */
export const healthSchema = z.object({ status: z.literal('ok') }).describe('Healthy.');

import type { StepKind, StepSettings } from '../flows/flow-definition.schema.js';
import type { Step } from './step.js';
import { normalizeStep } from './steps/normalize.step.js';
import { signStep } from './steps/sign.step.js';
import { transformStep } from './steps/transform.step.js';
import { validateStep } from './steps/validate.step.js';

/** The steps that make the e-invoice, run in one go by the process-document job. */
export type GenerationKind = Extract<StepKind, 'normalize' | 'transform' | 'validate' | 'sign'>;

/** The implementation of each generation step. */
export const GENERATION_STEPS: { readonly [K in GenerationKind]: Step<StepSettings[K]> } = {
  normalize: normalizeStep,
  transform: transformStep,
  validate: validateStep,
  sign: signStep,
};

/** True for the kinds the process-document job runs itself. */
export function isGenerationKind(kind: StepKind): kind is GenerationKind {
  return kind in GENERATION_STEPS;
}

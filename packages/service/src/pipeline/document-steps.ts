import type { Step } from './step.js';
import { readInputStep } from './steps/read-input.step.js';
import { storeArtifactsStep } from './steps/store-artifacts.step.js';
import { transformStep } from './steps/transform.step.js';
import { validateStep } from './steps/validate.step.js';

/** The fixed processing of a received document; the flows issue selects such lists by context. */
export const DOCUMENT_STEPS: readonly Step[] = [readInputStep, transformStep, validateStep, storeArtifactsStep];

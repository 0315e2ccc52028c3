export * from './normalization.js';
export * from './normalize-invoice.js';
export { MAX_REPORTED_LENGTH } from './normalization-log.js';
export { termsAt } from './business-terms.js';
export { looksLikeLeitwegId, hasValidLeitwegIdCheckDigits, readLeitwegIdShape, type LeitwegIdParts } from './leitweg-id.js';
export { findCodiceFiscaleFault, type CodiceFiscaleFault } from './codice-fiscale.js';

import { fatal, type Assertion } from '../../binding.js';
import { filledPath, hasAnyPath, hasPath } from '../../assertion-tests.js';
import { at, filled, has, normalizeSpace, stringLength, text } from '../../xpath.js';
import { attributeFilled } from './cii-model-query.js';

/**
 * The CII model rules on references and payment: item classification, supporting documents, preceding
 * invoices, payment card, credit transfer account and payment means.
 */
export const CII_MODEL_REFERENCE_ASSERTIONS: readonly Assertion[] = [
  // BR-65: normalize-space(ram:ClassCode/@listID) != '' or not(ram:ClassCode).
  fatal('BR-65', 'Item_classification', (e) => attributeFilled(at(e, 'ram:ClassCode'), 'listID') || !has(e, 'ram:ClassCode')),
  fatal('BR-52', 'Additional_supporting_document', filledPath('ram:IssuerAssignedID')),
  fatal('BR-55', 'Preceding_invoice_reference', filledPath('ram:IssuerAssignedID')),

  // BR-51: at most 10 characters of the card number (the first 6 and last 4 digits).
  fatal('BR-51', 'Payment_card', (e) => stringLength(normalizeSpace(text(e, 'ram:ID'))) <= 10),

  // BR-50 wants a non-blank account identifier, BR-61 only the element.
  fatal('BR-50', 'Credit_transfer_account', (e) => filled(e, 'ram:IBANID') || filled(e, 'ram:ProprietaryID')),
  fatal('BR-61', 'Credit_transfer_account', hasAnyPath('ram:IBANID', 'ram:ProprietaryID')),

  fatal('BR-49', 'Payment_instructions', hasPath('ram:TypeCode')),
];

import type { DocumentIndex } from '../../document-index.js';
import { normalizeSpace, stringValue } from '../../xpath.js';
import {
  absent,
  absoluteContext,
  anywhereContext,
  atMostOnce,
  childrenAnywhere,
  custom,
  exactlyOnce,
  familyContext,
  group,
  INVOICE,
  type SyntaxGroup,
} from './cii-syntax-table.js';

/**
 * CII syntax rules on the document as a whole: the root, the document context (BT-23, BT-24), the
 * exchanged document header (BT-1, BT-3, notes) and payment means found anywhere.
 */

/** `//ram:SpecifiedTradeSettlementPaymentMeans`. */
export const PAYMENT_MEANS: SyntaxGroup = group(
  anywhereContext('payment-means', 'ram:SpecifiedTradeSettlementPaymentMeans'),
  'ram:SpecifiedTradeSettlementPaymentMeans',
  [absent('warning', [['CII-SR-464', 'ram:PayerSpecifiedDebtorFinancialInstitution']])],
);

/** `/rsm:CrossIndustryInvoice/rsm:ExchangedDocumentContext`. */
export const DOCUMENT_CONTEXT: SyntaxGroup = group(
  absoluteContext('document-context', `${INVOICE}/rsm:ExchangedDocumentContext`),
  'rsm:ExchangedDocumentContext',
  [
    absent('warning', [
      ['CII-SR-001', 'ram:SpecifiedTransactionID'],
      ['CII-SR-002', 'ram:TestIndicator'],
    ]),
    atMostOnce('CII-SR-003', 'warning', 'ram:BusinessProcessSpecifiedDocumentContextParameter', ['BT-23']),
    absent('warning', [
      ['CII-SR-006', 'ram:BIMSpecifiedDocumentContextParameter'],
      ['CII-SR-007', 'ram:ScenarioSpecifiedDocumentContextParameter'],
      ['CII-SR-008', 'ram:ApplicationSpecifiedDocumentContextParameter'],
    ]),
    exactlyOnce('CII-SR-009', 'fatal', 'ram:GuidelineSpecifiedDocumentContextParameter', ['BT-24']),
    exactlyOnce('CII-SR-010', 'fatal', 'ram:GuidelineSpecifiedDocumentContextParameter/ram:ID', ['BT-24']),
    absent('warning', [
      ['CII-SR-011', 'ram:SubsetSpecifiedDocumentContextParameter'],
      ['CII-SR-012', 'ram:MessageStandardSpecifiedDocumentContextParameter'],
    ]),
  ],
);

/** `/rsm:CrossIndustryInvoice/rsm:ExchangedDocument`. */
export const EXCHANGED_DOCUMENT: SyntaxGroup = group(
  absoluteContext('exchanged-document', `${INVOICE}/rsm:ExchangedDocument`),
  'rsm:ExchangedDocument',
  [
    absent('warning', [['CII-SR-013', 'ram:Name']]),
    exactlyOnce('CII-SR-014', 'fatal', 'ram:TypeCode', ['BT-3']),
    absent('warning', [
      ['CII-SR-015', 'ram:IssueDateTime/udt:DateTime'],
      ['CII-SR-016', 'ram:CopyIndicator'],
      ['CII-SR-017', 'ram:Purpose'],
      ['CII-SR-018', 'ram:ControlRequirementIndicator'],
      ['CII-SR-019', 'ram:LanguageID'],
      ['CII-SR-020', 'ram:PurposeCode'],
      ['CII-SR-021', 'ram:RevisionDateTime'],
      ['CII-SR-022', 'ram:VersionID'],
      ['CII-SR-023', 'ram:GlobalID'],
      ['CII-SR-024', 'ram:RevisionID'],
      ['CII-SR-025', 'ram:PreviousRevisionID'],
      ['CII-SR-026', 'ram:CategoryCode'],
      ['CII-SR-027', 'ram:IncludedNote/ram:Subject'],
      ['CII-SR-028', 'ram:IncludedNote/ram:ContentCode'],
      ['CII-SR-032', 'ram:IncludedNote/ram:ID'],
      ['CII-SR-033', 'ram:EffectiveSpecifiedPeriod'],
      ['CII-SR-034', 'ram:IssuerTradeParty'],
    ]),
  ],
);

/** `/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:IncludedNote`. */
export const DOCUMENT_NOTE: SyntaxGroup = group(
  absoluteContext('document-note', `${INVOICE}/rsm:ExchangedDocument/ram:IncludedNote`),
  'an invoice note (rsm:ExchangedDocument/ram:IncludedNote)',
  [atMostOnce('CII-SR-030', 'warning', 'ram:Content', ['BT-22'])],
);

/**
 * `count(//PM/X[normalize-space(.) != normalize-space((//PM/X)[1])]) = 0`: every X of a payment means has
 * the same normalized value as the first one in the document.
 */
function allPaymentMeansAgree(doc: DocumentIndex, name: string): boolean {
  const values = childrenAnywhere(doc, name, 'ram:SpecifiedTradeSettlementPaymentMeans');
  const first = values[0];
  if (!first) return true;
  const expected = normalizeSpace(stringValue(first));
  return values.every((value) => normalizeSpace(stringValue(value)) === expected);
}

/** `/rsm:CrossIndustryInvoice`, the root. */
export const ROOT: SyntaxGroup = group(
  absoluteContext('invoice', INVOICE),
  'rsm:CrossIndustryInvoice',
  [
    absent('fatal', [
      ['CII-DT-013', '@languageID'],
      ['CII-DT-014', '@languageLocaleID'],
    ]),
    absent('warning', [['CII-SR-438', 'ram:ValuationBreakdownStatement']]),
    custom(
      'CII-SR-467',
      'fatal',
      ['BT-81'],
      (_, doc) => allPaymentMeansAgree(doc, 'ram:TypeCode'),
      'All payment means of the invoice must use the same Payment means type code (BT-81); give every ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode the same code.',
    ),
    custom(
      'CII-SR-468',
      'fatal',
      ['BT-82'],
      (_, doc) => allPaymentMeansAgree(doc, 'ram:Information'),
      'All payment means of the invoice must carry the same Payment means text (BT-82); make every ram:SpecifiedTradeSettlementPaymentMeans/ram:Information identical.',
    ),
    custom(
      'CII-SR-469',
      'fatal',
      ['BT-83'],
      (_, doc) => childrenAnywhere(doc, 'ram:PaymentReference', 'ram:ApplicableHeaderTradeSettlement').length <= 1,
      'The Remittance information (BT-83, ram:ApplicableHeaderTradeSettlement/ram:PaymentReference) may appear only once in the invoice; keep a single payment reference.',
    ),
  ],
);

/** `//*[ends-with(name(), 'DocumentContextParameter')]`, in any namespace. */
export const CONTEXT_PARAMETER: SyntaxGroup = group(
  familyContext('document-context-parameter', 'context-parameter'),
  'a document context parameter (*DocumentContextParameter)',
  [
    absent('warning', [
      ['CII-SR-04', 'ram:Value'],
      ['CII-SR-05', 'ram:SpecifiedDocumentVersion'],
    ]),
  ],
);

import type { XmlElement } from '../../../xml/xml-element.js';
import type { DocumentIndex } from '../../document-index.js';
import { normalizeSpace, stringValue, text } from '../../xpath.js';
import {
  absent,
  absoluteContext,
  atMostOnce,
  beneath,
  childrenAnywhere,
  custom,
  exists,
  group,
  notBoth,
  TRANSACTION,
  type SyntaxGroup,
} from './cii-syntax-table.js';

/**
 * CII syntax rules on the header settlement (payee BG-10, payment instructions BG-16, payment terms,
 * document allowances and charges, VAT breakdown) and the document totals (BG-22).
 */

/**
 * CII-SR-462: `count(//ram:ApplicableTradeTax/ram:DueDateTypeCode) = 0 or
 * count(distinct-values(//ram:ApplicableTradeTax/ram:DueDateTypeCode)) = 1` — across the whole document,
 * all VAT point date codes are the same string (compared as written).
 */
function oneVatPointDateCode(_: XmlElement, doc: DocumentIndex): boolean {
  return new Set(childrenAnywhere(doc, 'ram:DueDateTypeCode', 'ram:ApplicableTradeTax').map(stringValue)).size <= 1;
}

const hasIban = exists('ram:PayeePartyCreditorFinancialAccount/ram:IBANID');
const hasProprietaryId = exists('ram:PayeePartyCreditorFinancialAccount/ram:ProprietaryID');

/**
 * CII-SR-470: no payment means with type code 30 or 58 (normalized, first ram:TypeCode) lacks both an
 * IBAN and a proprietary account identifier.
 */
function creditTransfersHaveAccount(settlement: XmlElement): boolean {
  for (const means of settlement.children) {
    if (means.name !== 'ram:SpecifiedTradeSettlementPaymentMeans') continue;
    const code = normalizeSpace(text(means, 'ram:TypeCode'));
    if ((code === '30' || code === '58') && !hasIban(means) && !hasProprietaryId(means)) return false;
  }
  return true;
}

/** `/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement`. */
export const HEADER_SETTLEMENT: SyntaxGroup = group(
  absoluteContext('header-settlement', `${TRANSACTION}/ram:ApplicableHeaderTradeSettlement`),
  'ram:ApplicableHeaderTradeSettlement',
  [
    absent('warning', [
      ['CII-SR-339', 'ram:DuePayableAmount'],
      ['CII-SR-340', 'ram:CreditorReferenceTypeCode'],
      ['CII-SR-341', 'ram:CreditorReferenceType'],
      ['CII-SR-342', 'ram:CreditorReferenceIssuerID'],
      ['CII-SR-344', 'ram:PaymentCurrencyCode'],
      ['CII-SR-345', 'ram:InvoiceIssuerReference'],
      ['CII-SR-346', 'ram:InvoiceDateTime'],
      ['CII-SR-347', 'ram:NextInvoiceDateTime'],
      ['CII-SR-348', 'ram:CreditReasonCode'],
      ['CII-SR-349', 'ram:CreditReason'],
      ['CII-SR-350', 'ram:InvoicerTradeParty'],
      ['CII-SR-351', 'ram:InvoiceeTradeParty'],
      ...beneath('ram:PayeeTradeParty', [
        ['CII-SR-352', 'ram:RoleCode'],
        ['CII-SR-353', 'ram:Description'],
        ...beneath('ram:SpecifiedLegalOrganization', [
          ['CII-SR-354', 'ram:LegalClassificationCode'],
          ['CII-SR-355', 'ram:Name'],
          ['CII-SR-356', 'ram:TradingBusinessName'],
          ['CII-SR-357', 'ram:PostalTradeAddress'],
          ['CII-SR-358', 'ram:AuthorizedLegalRegistration'],
        ]),
        ['CII-SR-359', 'ram:DefinedTradeContact'],
        ['CII-SR-360', 'ram:PostalTradeAddress'],
        ['CII-SR-361', 'ram:URIUniversalCommunication'],
        ['CII-SR-362', 'ram:SpecifiedTaxRegistration'],
        ['CII-SR-363', 'ram:EndPointURIUniversalCommunication'],
        ['CII-SR-364', 'ram:LogoAssociatedSpecifiedBinaryFile'],
      ]),
    ]),
    custom(
      'CII-SR-451',
      'warning',
      ['BT-60'],
      notBoth('ram:PayeeTradeParty/ram:ID', 'ram:PayeeTradeParty/ram:GlobalID'),
      'Give the Payee identifier (BT-60) once: either as ram:PayeeTradeParty/ram:ID or as ram:PayeeTradeParty/ram:GlobalID, not both.',
    ),
    absent('warning', [
      ['CII-SR-365', 'ram:PayerTradeParty'],
      ['CII-SR-366', 'ram:TaxApplicableTradeCurrencyExchange'],
      ['CII-SR-367', 'ram:InvoiceApplicableTradeCurrencyExchange'],
      ['CII-SR-368', 'ram:PaymentApplicableTradeCurrencyExchange'],
      ...beneath('ram:SpecifiedTradeSettlementPaymentMeans', [
        ['CII-SR-369', 'ram:PaymentChannelCode'],
        ['CII-SR-370', 'ram:GuaranteeMethodCode'],
        ['CII-SR-371', 'ram:PaymentMethodCode'],
        ['CII-SR-443', 'ram:ID'],
        ...beneath('ram:ApplicableTradeSettlementFinancialCard', [
          ['CII-SR-372', 'ram:MicrochipIndicator'],
          ['CII-SR-373', 'ram:TypeCode'],
          ['CII-SR-375', 'ram:ExpiryDate'],
          ['CII-SR-376', 'ram:VerificationNumeric'],
          ['CII-SR-377', 'ram:ValidFromDateTime'],
          ['CII-SR-378', 'ram:CreditLimitAmount'],
          ['CII-SR-379', 'ram:CreditAvailableAmount'],
          ['CII-SR-380', 'ram:InterestRatePercent'],
          ['CII-SR-381', 'ram:Description'],
        ]),
        ['CII-SR-382', 'ram:PayerPartyDebtorFinancialAccount/ram:AccountName'],
        ['CII-SR-444', 'ram:PayerPartyDebtorFinancialAccount/ram:ProprietaryID'],
        ...beneath('ram:PayerSpecifiedDebtorFinancialInstitution', [
          ['CII-SR-384', 'ram:ClearingSystemName'],
          ['CII-SR-385', 'ram:Name'],
          ['CII-SR-386', 'ram:LocationFinancialInstitutionAddress'],
        ]),
      ]),
      ...beneath('ram:SpecifiedTradeAllowanceCharge', [
        ['CII-SR-388', 'ram:ID'],
        ['CII-SR-389', 'ram:SequenceNumeric'],
        ['CII-SR-390', 'ram:BasisQuantity'],
        ['CII-SR-391', 'ram:PrepaidIndicator'],
        ['CII-SR-392', 'ram:UnitBasisAmount'],
        ['CII-SR-393', 'ram:TypeCode'],
        ['CII-SR-394', 'ram:ActualTradeCurrencyExchange'],
      ]),
      ['CII-SR-395', 'ram:SubtotalCalculatedTradeTax'],
      ['CII-SR-396', 'ram:SpecifiedLogisticsServiceCharge'],
      ...beneath('ram:SpecifiedTradePaymentTerms', [
        ['CII-SR-397', 'ram:ID'],
        ['CII-SR-398', 'ram:FromEventCode'],
        ['CII-SR-399', 'ram:SettlementPeriodMeasure'],
        ['CII-SR-400', 'ram:DueDateDateTime/udt:DateTime'],
        ['CII-SR-401', 'ram:TypeCode'],
        ['CII-SR-402', 'ram:InstructionTypeCode'],
        ['CII-SR-404', 'ram:PartialPaymentPercent'],
        ['CII-SR-405', 'ram:PaymentMeansID'],
        ['CII-SR-406', 'ram:PartialPaymentAmount'],
        ['CII-SR-407', 'ram:ApplicableTradePaymentPenaltyTerms'],
        ['CII-SR-408', 'ram:ApplicableTradePaymentDiscountTerms'],
        ['CII-SR-409', 'ram:PayeeTradeParty'],
      ]),
      ['CII-SR-421', 'ram:SpecifiedFinancialAdjustment'],
      ['CII-SR-422', 'ram:InvoiceReferencedDocument/ram:LineID'],
      ['CII-SR-423', 'ram:ProFormaInvoiceReferencedDocument'],
      ['CII-SR-424', 'ram:LetterOfCreditReferencedDocument'],
      ['CII-SR-425', 'ram:FactoringAgreementReferencedDocument'],
      ['CII-SR-426', 'ram:FactoringListReferencedDocument'],
      ['CII-SR-427', 'ram:PayableSpecifiedTradeAccountingAccount'],
      ...beneath('ram:ReceivableSpecifiedTradeAccountingAccount', [
        ['CII-SR-428', 'ram:SetTriggerCode'],
        ['CII-SR-429', 'ram:TypeCode'],
        ['CII-SR-430', 'ram:AmountTypeCode'],
        ['CII-SR-431', 'ram:Name'],
        ['CII-SR-432', 'ram:CostReferenceDimensionPattern'],
      ]),
      ['CII-SR-433', 'ram:PurchaseSpecifiedTradeAccountingAccount'],
      ['CII-SR-434', 'ram:SalesSpecifiedTradeAccountingAccount'],
      ['CII-SR-435', 'ram:SpecifiedTradeSettlementFinancialCard'],
      ['CII-SR-436', 'ram:SpecifiedAdvancePayment'],
      ['CII-SR-437', 'ram:UltimatePayeeTradeParty'],
    ]),
    atMostOnce('CII-SR-452', 'warning', 'ram:SpecifiedTradePaymentTerms', ['BT-9', 'BT-20', 'BT-89']),
    atMostOnce('CII-SR-453', 'warning', 'ram:SpecifiedTradePaymentTerms/ram:Description', ['BT-20']),
    atMostOnce('CII-SR-461', 'fatal', 'ram:ApplicableTradeTax/ram:TaxPointDate', ['BT-7']),
    custom(
      'CII-SR-462',
      'fatal',
      ['BT-8'],
      oneVatPointDateCode,
      'All VAT breakdowns must use the same Value added tax point date code (BT-8, ram:ApplicableTradeTax/ram:DueDateTypeCode); give one code for the whole invoice.',
    ),
    custom(
      'CII-SR-470',
      'fatal',
      ['BT-81', 'BT-84'],
      creditTransfersHaveAccount,
      'A credit transfer (Payment means type code BT-81 = 30 or 58) needs the Payment account identifier (BT-84): give ram:PayeePartyCreditorFinancialAccount/ram:IBANID or ram:ProprietaryID.',
    ),
  ],
);

/** CII-SR-477..494: each total of the document at most once, with the business term it carries if any. */
const SINGLE_TOTALS: readonly (readonly [id: string, element: string, terms: readonly string[]])[] = [
  ['CII-SR-477', 'ram:LineTotalAmount', ['BT-106']],
  ['CII-SR-478', 'ram:ChargeTotalAmount', ['BT-108']],
  ['CII-SR-479', 'ram:AllowanceTotalAmount', ['BT-107']],
  ['CII-SR-480', 'ram:TaxBasisTotalAmount', ['BT-109']],
  ['CII-SR-481', 'ram:RoundingAmount', ['BT-114']],
  ['CII-SR-482', 'ram:GrandTotalAmount', ['BT-112']],
  ['CII-SR-483', 'ram:InformationAmount', []],
  ['CII-SR-484', 'ram:TotalPrepaidAmount', ['BT-113']],
  ['CII-SR-485', 'ram:TotalDiscountAmount', []],
  ['CII-SR-486', 'ram:TotalAllowanceChargeAmount', []],
  ['CII-SR-487', 'ram:DuePayableAmount', ['BT-115']],
  ['CII-SR-488', 'ram:RetailValueExcludingTaxInformationAmount', []],
  ['CII-SR-489', 'ram:TotalDepositFeeInformationAmount', []],
  ['CII-SR-490', 'ram:ProductValueExcludingTobaccoTaxInformationAmount', []],
  ['CII-SR-491', 'ram:TotalRetailValueInformationAmount', []],
  ['CII-SR-492', 'ram:GrossLineTotalAmount', []],
  ['CII-SR-493', 'ram:NetLineTotalAmount', []],
  ['CII-SR-494', 'ram:NetIncludingTaxesLineTotalAmount', []],
];

/** `.../ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation`. */
export const DOCUMENT_TOTALS: SyntaxGroup = group(
  absoluteContext('document-totals', `${TRANSACTION}/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation`),
  'the document totals (ram:SpecifiedTradeSettlementHeaderMonetarySummation, BG-22)',
  [
    absent('warning', [
      ['CII-SR-411', 'ram:InformationAmount'],
      ['CII-SR-412', 'ram:TotalDiscountAmount'],
      ['CII-SR-413', 'ram:TotalAllowanceChargeAmount'],
      ['CII-SR-414', 'ram:RetailValueExcludingTaxInformationAmount'],
      ['CII-SR-415', 'ram:TotalDepositFeeInformationAmount'],
      ['CII-SR-416', 'ram:ProductValueExcludingTobaccoTaxInformationAmount'],
      ['CII-SR-417', 'ram:TotalRetailValueInformationAmount'],
      ['CII-SR-418', 'ram:GrossLineTotalAmount'],
      ['CII-SR-419', 'ram:NetLineTotalAmount'],
      ['CII-SR-420', 'ram:NetIncludingTaxesLineTotalAmount'],
    ]),
    SINGLE_TOTALS.map(([id, element, terms]) => atMostOnce(id, 'fatal', element, terms)),
  ],
);

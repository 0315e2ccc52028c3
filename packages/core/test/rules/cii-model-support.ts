import { compileRuleSet } from '../../src/rules/compile.js';
import { DocumentIndex } from '../../src/rules/document-index.js';
import { CII_MODEL_ASSERTIONS } from '../../src/rules/en16931/cii/cii-model.js';
import { en16931RuleSet } from '../../src/rules/en16931/en16931-rule-set.js';
import { runRuleSets } from '../../src/rules/engine.js';
import type { Finding } from '../../src/rules/finding.js';
import { rule } from '../../src/rules/rule-definition.js';
import { readXml } from '../../src/xml/xml-read.js';

/**
 * Test support for the CII model binding: runs ONLY its assertions, in the contexts of the official model
 * pattern as the EN 16931 rule set declares them (so VAT category contexts still take their elements
 * first), with placeholder definitions, so these tests depend neither on the messages nor on other rules.
 */
const modelIds = [...new Set(CII_MODEL_ASSERTIONS.map((a) => a.rule))];
const compiled = compileRuleSet({
  name: 'cii-model-under-test',
  syntax: 'cii',
  contexts: en16931RuleSet('cii').contexts.filter((c) => c.pattern === 'model'),
  assertions: CII_MODEL_ASSERTIONS,
  definitions: modelIds.map((id) => rule(id, [], id)),
});

/** The findings of the CII model assertions on a document. */
export function modelFindings(xml: string | Uint8Array): Finding[] {
  return runRuleSets(new DocumentIndex(readXml(xml), 'cii'), [compiled]);
}

/** The distinct rule ids the CII model assertions report on a document, sorted. */
export function firedRules(xml: string | Uint8Array): string[] {
  return [...new Set(modelFindings(xml).map((f) => f.rule))].sort();
}

/** True when `id` fires on the document. */
export function fires(id: string, xml: string): boolean {
  return modelFindings(xml).some((f) => f.rule === id);
}

const NAMESPACES =
  'xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" ' +
  'xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" ' +
  'xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"';

/** The parts of a small CII document; each is the inner XML of its element, omitted when empty. */
export type CiiParts = {
  /** Children of `rsm:CrossIndustryInvoice` before the transaction (context, document). */
  header?: string;
  /** `ram:IncludedSupplyChainTradeLineItem` elements, whole. */
  lines?: string;
  agreement?: string;
  delivery?: string;
  settlement?: string;
};

/** A CII document fragment built from parts, in the order of the D16B schema. */
export function ciiDocument(parts: CiiParts): string {
  const optional = (name: string, inner: string | undefined) => (inner === undefined ? '' : `<ram:${name}>${inner}</ram:${name}>`);
  return (
    `<rsm:CrossIndustryInvoice ${NAMESPACES}>${parts.header ?? ''}<rsm:SupplyChainTradeTransaction>${parts.lines ?? ''}` +
    optional('ApplicableHeaderTradeAgreement', parts.agreement) +
    optional('ApplicableHeaderTradeDelivery', parts.delivery) +
    optional('ApplicableHeaderTradeSettlement', parts.settlement) +
    '</rsm:SupplyChainTradeTransaction></rsm:CrossIndustryInvoice>'
  );
}

/** An invoice line with only a net amount (BT-131). */
export function lineWithNet(amount: string): string {
  return (
    '<ram:IncludedSupplyChainTradeLineItem><ram:SpecifiedLineTradeSettlement><ram:SpecifiedTradeSettlementLineMonetarySummation>' +
    `<ram:LineTotalAmount>${amount}</ram:LineTotalAmount>` +
    '</ram:SpecifiedTradeSettlementLineMonetarySummation></ram:SpecifiedLineTradeSettlement></ram:IncludedSupplyChainTradeLineItem>'
  );
}

/** A document level allowance (`false`) or charge (`true`) with an amount, written as `indicator`. */
export function allowanceCharge(indicator: string, amount: string, extra = ''): string {
  return `<ram:SpecifiedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>${indicator}</udt:Indicator></ram:ChargeIndicator><ram:ActualAmount>${amount}</ram:ActualAmount>${extra}</ram:SpecifiedTradeAllowanceCharge>`;
}

/** A header VAT breakdown (BG-23). */
export function vatBreakdown(fields: { calculated?: string; basis?: string; category?: string; rate?: string; type?: string }): string {
  const element = (name: string, value: string | undefined) => (value === undefined ? '' : `<ram:${name}>${value}</ram:${name}>`);
  return (
    '<ram:ApplicableTradeTax>' +
    element('CalculatedAmount', fields.calculated) +
    element('TypeCode', fields.type ?? 'VAT') +
    element('BasisAmount', fields.basis) +
    element('CategoryCode', fields.category ?? 'S') +
    element('RateApplicablePercent', fields.rate) +
    '</ram:ApplicableTradeTax>'
  );
}

/** `ram:SpecifiedTradeSettlementHeaderMonetarySummation` from its children's values, in schema order. */
export function documentTotals(totals: {
  lines?: string;
  charges?: string;
  allowances?: string;
  basis?: string;
  vat?: readonly (readonly [currency: string, amount: string])[];
  grand?: string;
  rounding?: string;
  paid?: string;
  due?: string;
}): string {
  const element = (name: string, value: string | undefined) => (value === undefined ? '' : `<ram:${name}>${value}</ram:${name}>`);
  return (
    '<ram:SpecifiedTradeSettlementHeaderMonetarySummation>' +
    element('LineTotalAmount', totals.lines) +
    element('ChargeTotalAmount', totals.charges) +
    element('AllowanceTotalAmount', totals.allowances) +
    element('TaxBasisTotalAmount', totals.basis) +
    (totals.vat ?? []).map(([currency, amount]) => `<ram:TaxTotalAmount currencyID="${currency}">${amount}</ram:TaxTotalAmount>`).join('') +
    element('RoundingAmount', totals.rounding) +
    element('GrandTotalAmount', totals.grand) +
    element('TotalPrepaidAmount', totals.paid) +
    element('DuePayableAmount', totals.due) +
    '</ram:SpecifiedTradeSettlementHeaderMonetarySummation>'
  );
}

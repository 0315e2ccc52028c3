import type { LineAllowanceCharge } from '../../model/allowance-charge.js';
import type { InvoiceLine, Item, LineVat, PriceDetails } from '../../model/invoice-line.js';
import { group, leaf, type XmlNode } from '../../xml/xml-write.js';
import type { UblVocabulary } from './ubl-names.js';
import { identifierLeaf, VAT_SCHEME, type AmountWriter } from './ubl-write-values.js';

/**
 * A `cac:AllowanceCharge`: BG-20/21 at document level (with its VAT category) or BG-27/28 on a line
 * (without one); the order of the elements is UBL's.
 */
export function writeUblAllowanceCharge(value: LineAllowanceCharge & { vatCategoryCode?: string; vatRate?: string }, charge: boolean, amount: AmountWriter): XmlNode {
  return {
    name: 'cac:AllowanceCharge',
    children: [
      leaf('cbc:ChargeIndicator', charge ? 'true' : 'false'),
      leaf('cbc:AllowanceChargeReasonCode', value.reasonCode),
      leaf('cbc:AllowanceChargeReason', value.reason),
      leaf('cbc:MultiplierFactorNumeric', value.percentage),
      amount('cbc:Amount', value.amount),
      amount('cbc:BaseAmount', value.baseAmount),
      value.vatCategoryCode !== undefined || value.vatRate !== undefined
        ? { name: 'cac:TaxCategory', children: [leaf('cbc:ID', value.vatCategoryCode), leaf('cbc:Percent', value.vatRate), VAT_SCHEME] }
        : undefined,
    ],
  };
}

function writeItem(item: Item | undefined, vat: LineVat | undefined): XmlNode {
  const i = item ?? {};
  return {
    name: 'cac:Item',
    children: [
      leaf('cbc:Description', i.description),
      leaf('cbc:Name', i.name),
      group('cac:BuyersItemIdentification', [leaf('cbc:ID', i.buyerId)]),
      group('cac:SellersItemIdentification', [leaf('cbc:ID', i.sellerId)]),
      group('cac:StandardItemIdentification', [identifierLeaf('cbc:ID', i.standardId)]),
      group('cac:OriginCountry', [leaf('cbc:IdentificationCode', i.originCountryCode)]),
      ...(i.classifications ?? []).map((c) =>
        group('cac:CommodityClassification', [leaf('cbc:ItemClassificationCode', c.id, { listID: c.schemeId, listVersionID: c.schemeVersionId })]),
      ),
      vat ? { name: 'cac:ClassifiedTaxCategory', children: [leaf('cbc:ID', vat.categoryCode), leaf('cbc:Percent', vat.rate), VAT_SCHEME] } : undefined,
      ...(i.attributes ?? []).map((a) => group('cac:AdditionalItemProperty', [leaf('cbc:Name', a.name), leaf('cbc:Value', a.value)])),
    ],
  };
}

function writePrice(price: PriceDetails | undefined, amount: AmountWriter): XmlNode | undefined {
  if (!price) return undefined;
  const discount =
    price.discount !== undefined || price.grossPrice !== undefined
      ? {
          name: 'cac:AllowanceCharge',
          children: [leaf('cbc:ChargeIndicator', 'false'), amount('cbc:Amount', price.discount), amount('cbc:BaseAmount', price.grossPrice)],
        }
      : undefined;
  return {
    name: 'cac:Price',
    children: [
      amount('cbc:PriceAmount', price.netPrice),
      leaf('cbc:BaseQuantity', price.baseQuantity, { unitCode: price.baseQuantityUnitCode }),
      discount,
    ],
  };
}

/** BG-25 as a `cac:InvoiceLine` or `cac:CreditNoteLine`. */
export function writeUblLine(line: InvoiceLine, vocabulary: UblVocabulary, amount: AmountWriter): XmlNode {
  const period = line.period ? group('cac:InvoicePeriod', [leaf('cbc:StartDate', line.period.startDate), leaf('cbc:EndDate', line.period.endDate)]) : undefined;
  const objectReference = line.objectIdentifier
    ? { name: 'cac:DocumentReference', children: [identifierLeaf('cbc:ID', line.objectIdentifier), leaf('cbc:DocumentTypeCode', '130')] }
    : undefined;
  const allowanceCharges = [
    ...(line.allowances ?? []).map((a) => writeUblAllowanceCharge(a, false, amount)),
    ...(line.charges ?? []).map((c) => writeUblAllowanceCharge(c, true, amount)),
  ];
  return {
    name: vocabulary.line,
    children: [
      leaf('cbc:ID', line.id),
      leaf('cbc:Note', line.note),
      leaf(vocabulary.quantity, line.quantity, { unitCode: line.unitCode }),
      amount('cbc:LineExtensionAmount', line.netAmount),
      leaf('cbc:AccountingCost', line.buyerAccountingReference),
      period,
      group('cac:OrderLineReference', [leaf('cbc:LineID', line.orderLineReference)]),
      objectReference,
      ...allowanceCharges,
      writeItem(line.item, line.vat),
      writePrice(line.price, amount),
    ],
  };
}

import type { InvoiceLine, LineVat, PriceDetails } from '../../model/invoice-line.js';
import type { XmlElement } from '../../xml/xml-element.js';
import type { ElementReader } from '../element-reader.js';
import { REFERENCE_TYPE } from './cii-names.js';
import { parseObjectIdentifier } from './cii-parse-agreement.js';
import { parseCiiLineAllowanceCharges } from './cii-parse-amounts.js';
import { parseCiiItem } from './cii-parse-item.js';
import { compact, nestedText, nonEmpty, readChargeIndicator, readPeriod, readVatTypeCode } from './cii-read-values.js';

/** BG-25 from a `ram:IncludedSupplyChainTradeLineItem`. */
export function parseCiiLine(reader: ElementReader): InvoiceLine {
  const document = reader.child('ram:AssociatedDocumentLineDocument');
  const id = document?.text('ram:LineID');
  const note = document ? nestedText(document, 'ram:IncludedNote', 'ram:Content') : undefined;
  document?.finish();
  const product = reader.child('ram:SpecifiedTradeProduct');
  const agreement = reader.child('ram:SpecifiedLineTradeAgreement');
  const orderLineReference = agreement ? nestedText(agreement, 'ram:BuyerOrderReferencedDocument', 'ram:LineID') : undefined;
  const price = agreement ? parsePrice(agreement) : undefined;
  agreement?.finish();
  const delivery = reader.child('ram:SpecifiedLineTradeDelivery');
  const quantity = delivery?.one('ram:BilledQuantity');
  delivery?.finish();
  const settlement = reader.child('ram:SpecifiedLineTradeSettlement');
  const line = compact<InvoiceLine>({
    id,
    note,
    quantity: quantity?.text,
    unitCode: quantity?.attributes['unitCode'],
    orderLineReference,
    price,
    item: product ? parseCiiItem(product) : undefined,
    ...(settlement ? parseLineSettlement(settlement) : {}),
  });
  reader.finish();
  return line ?? {};
}

/** The line terms of `ram:SpecifiedLineTradeSettlement`. */
function parseLineSettlement(reader: ElementReader): Partial<InvoiceLine> {
  const tax = reader.child('ram:ApplicableTradeTax');
  if (tax) readVatTypeCode(tax);
  const vat = tax ? (compact<LineVat>({ categoryCode: tax.text('ram:CategoryCode'), rate: tax.text('ram:RateApplicablePercent') }) ?? {}) : undefined;
  tax?.finish();
  const { allowances, charges } = parseCiiLineAllowanceCharges(reader);
  // BT-128 is the line's only referenced document, so one without a type code is taken as BT-128 too.
  const reference = reader.find('ram:AdditionalReferencedDocument', isObjectReference);
  const referenceReader = reference ? reader.over(reference) : undefined;
  referenceReader?.skip('ram:TypeCode');
  const objectIdentifier = referenceReader ? parseObjectIdentifier(referenceReader) : undefined;
  referenceReader?.finish();
  const terms = compact<Partial<InvoiceLine>>({
    vat,
    period: readPeriod(reader, 'ram:BillingSpecifiedPeriod'),
    allowances: nonEmpty(allowances),
    charges: nonEmpty(charges),
    netAmount: nestedText(reader, 'ram:SpecifiedTradeSettlementLineMonetarySummation', 'ram:LineTotalAmount'),
    objectIdentifier,
    buyerAccountingReference: nestedText(reader, 'ram:ReceivableSpecifiedTradeAccountingAccount', 'ram:ID'),
  });
  reader.finish();
  return terms ?? {};
}

function isObjectReference(element: XmlElement): boolean {
  const typeCode = element.children.find((child) => child.name === 'ram:TypeCode');
  return typeCode === undefined || typeCode.text.trim() === REFERENCE_TYPE.invoicedObject;
}

/**
 * BG-29 from the gross and net prices. BT-149/150 may stand in both; the net price's is kept and a gross
 * price base quantity that says something else is reported.
 */
function parsePrice(reader: ElementReader): PriceDetails | undefined {
  const gross = reader.child('ram:GrossPriceProductTradePrice');
  const grossPrice = gross?.text('ram:ChargeAmount');
  const grossQuantity = gross?.one('ram:BasisQuantity');
  const discount = gross ? readPriceDiscount(gross) : undefined;
  gross?.finish();
  const net = reader.child('ram:NetPriceProductTradePrice');
  const netPrice = net?.text('ram:ChargeAmount');
  const netQuantity = net?.one('ram:BasisQuantity');
  net?.finish();
  const quantity = netQuantity ?? grossQuantity;
  if (netQuantity && grossQuantity && (netQuantity.text !== grossQuantity.text || netQuantity.attributes['unitCode'] !== grossQuantity.attributes['unitCode'])) {
    reader.report(grossQuantity, 'repeated-element', 'The gross price gives another base quantity than the net price; the model has one (BT-149/150) and keeps the one of the net price');
  }
  return compact<PriceDetails>({
    netPrice,
    discount,
    grossPrice,
    baseQuantity: quantity?.text,
    baseQuantityUnitCode: quantity?.attributes['unitCode'],
  });
}

/** BT-147 from the gross price's `ram:AppliedTradeAllowanceCharge`; only an allowance has a place there (CII-SR-119). */
function readPriceDiscount(gross: ElementReader): string | undefined {
  const applied = gross.child('ram:AppliedTradeAllowanceCharge');
  if (!applied) return undefined;
  if (readChargeIndicator(applied) === true) {
    applied.skip(...applied.element.children.map((child) => child.name));
    applied.report(applied.element, 'invalid-value', 'A charge on the gross price has no place in EN 16931 (only a price discount, BT-147); it was not read');
    return undefined;
  }
  const discount = applied.text('ram:ActualAmount');
  applied.finish();
  return discount;
}

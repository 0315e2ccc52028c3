import type { LineAllowanceCharge } from '../../model/allowance-charge.js';
import type { InvoiceLine, Item, ItemAttribute, ItemClassification, PriceDetails } from '../../model/invoice-line.js';
import type { ElementReader } from '../element-reader.js';
import { parseUblLineAllowanceCharge, parseUblTaxCategory } from './ubl-parse-amounts.js';
import { compact, identifierOf, nestedText, nonEmpty } from './ubl-read-values.js';
import type { UblVocabulary } from './ubl-names.js';

/** BG-25 from a `cac:InvoiceLine` or `cac:CreditNoteLine`. */
export function parseUblLine(reader: ElementReader, vocabulary: UblVocabulary): InvoiceLine {
  const quantity = reader.one(vocabulary.quantity);
  const id = reader.text('cbc:ID');
  const note = reader.text('cbc:Note');
  const netAmount = reader.text('cbc:LineExtensionAmount');
  const buyerAccountingReference = reader.text('cbc:AccountingCost');
  const periodReader = reader.child('cac:InvoicePeriod');
  const period = periodReader ? (compact({ startDate: periodReader.text('cbc:StartDate'), endDate: periodReader.text('cbc:EndDate') }) ?? {}) : undefined;
  periodReader?.finish();
  const orderLineReference = nestedText(reader, 'cac:OrderLineReference', 'cbc:LineID');
  const objectIdentifier = parseLineObjectIdentifier(reader);
  const allowances: LineAllowanceCharge[] = [];
  const charges: LineAllowanceCharge[] = [];
  for (const element of reader.all('cac:AllowanceCharge')) {
    const { charge, value } = parseUblLineAllowanceCharge(reader.over(element));
    (charge ? charges : allowances).push(value);
  }
  const itemReader = reader.child('cac:Item');
  const parsedItem = itemReader ? parseUblItem(itemReader) : undefined;
  const priceReader = reader.child('cac:Price');
  const price = priceReader ? parseUblPrice(priceReader) : undefined;
  reader.finish();
  return (
    compact<InvoiceLine>({
      id,
      note,
      objectIdentifier,
      quantity: quantity?.text,
      unitCode: quantity?.attributes['unitCode'],
      netAmount,
      orderLineReference,
      buyerAccountingReference,
      period,
      allowances: nonEmpty(allowances),
      charges: nonEmpty(charges),
      price,
      vat: parsedItem?.vat,
      item: parsedItem?.item,
    }) ?? {}
  );
}

/** BT-128: the line's `cac:DocumentReference` with document type 130 ("invoiced object"). */
function parseLineObjectIdentifier(line: ElementReader): ReturnType<typeof identifierOf> {
  // EN 16931 binds BT-128 to the line's document reference with type 130; one without a type code is read
  // as BT-128 too (the official examples do so), one with another type code is not.
  const element = line.find('cac:DocumentReference', (candidate) => {
    const type = candidate.children.find((c) => c.name === 'cbc:DocumentTypeCode');
    return type === undefined || type.text.trim() === '130';
  });
  if (!element) return undefined;
  const reader = line.over(element);
  const id = identifierOf(reader.one('cbc:ID'));
  reader.skip('cbc:DocumentTypeCode');
  reader.finish();
  return id;
}

/** BG-31 and BG-30 from `cac:Item`. */
function parseUblItem(reader: ElementReader): { item: Item; vat?: { categoryCode?: string; rate?: string } } {
  const description = reader.text('cbc:Description');
  const name = reader.text('cbc:Name');
  const buyerId = nestedText(reader, 'cac:BuyersItemIdentification', 'cbc:ID');
  const sellerId = nestedText(reader, 'cac:SellersItemIdentification', 'cbc:ID');
  const standard = reader.child('cac:StandardItemIdentification');
  const standardId = identifierOf(standard?.one('cbc:ID'));
  standard?.finish();
  const originCountryCode = nestedText(reader, 'cac:OriginCountry', 'cbc:IdentificationCode');
  const classifications: ItemClassification[] = [];
  for (const element of reader.all('cac:CommodityClassification')) {
    const classification = reader.over(element);
    const code = classification.one('cbc:ItemClassificationCode');
    classification.finish();
    if (!code) continue;
    classifications.push(
      compact<ItemClassification>({ id: code.text, schemeId: code.attributes['listID'], schemeVersionId: code.attributes['listVersionID'] }) ?? { id: code.text },
    );
  }
  const categoryReader = reader.child('cac:ClassifiedTaxCategory');
  const category = categoryReader ? parseUblTaxCategory(categoryReader) : undefined;
  const attributes: ItemAttribute[] = [];
  for (const element of reader.all('cac:AdditionalItemProperty')) {
    const property = reader.over(element);
    attributes.push(compact<ItemAttribute>({ name: property.text('cbc:Name'), value: property.text('cbc:Value') }) ?? {});
    property.finish();
  }
  reader.finish();
  const item =
    compact<Item>({
      name,
      description,
      sellerId,
      buyerId,
      standardId,
      classifications: nonEmpty(classifications),
      originCountryCode,
      attributes: nonEmpty(attributes),
    }) ?? {};
  const vat = categoryReader ? (compact({ categoryCode: category?.code, rate: category?.rate }) ?? {}) : undefined;
  return vat === undefined ? { item } : { item, vat };
}

/** BG-29 from `cac:Price`: the price discount (BT-147) and gross price (BT-148) are its allowance. */
function parseUblPrice(reader: ElementReader): PriceDetails {
  const netPrice = reader.text('cbc:PriceAmount');
  const base = reader.one('cbc:BaseQuantity');
  const allowance = reader.find('cac:AllowanceCharge', (candidate) =>
    candidate.children.some((c) => c.name === 'cbc:ChargeIndicator' && (c.text.trim() === 'false' || c.text.trim() === '0')),
  );
  let discount: string | undefined;
  let grossPrice: string | undefined;
  if (allowance) {
    const allowanceReader = reader.over(allowance);
    allowanceReader.skip('cbc:ChargeIndicator');
    discount = allowanceReader.text('cbc:Amount');
    grossPrice = allowanceReader.text('cbc:BaseAmount');
    allowanceReader.finish();
  }
  reader.finish();
  return (
    compact<PriceDetails>({
      netPrice,
      discount,
      grossPrice,
      baseQuantity: base?.text,
      baseQuantityUnitCode: base?.attributes['unitCode'],
    }) ?? {}
  );
}

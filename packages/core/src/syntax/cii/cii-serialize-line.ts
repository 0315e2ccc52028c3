import type { InvoiceLine, Item, PriceDetails } from '../../model/invoice-line.js';
import { group, leaf, type XmlNode } from '../../xml/xml-write.js';
import { REFERENCE_TYPE } from './cii-names.js';
import { lineAllowanceChargeNode } from './cii-serialize-amounts.js';
import { chargeIndicator, element, identifierLeaf, nested, periodNode, referencedDocument, reportWrite, vatTypeCode, type WriteContext } from './cii-write-values.js';

/**
 * BG-25 as `ram:IncludedSupplyChainTradeLineItem`. The XSD requires the line document and the line
 * settlement, so both are always written.
 */
export function lineNode(line: InvoiceLine, context: WriteContext): XmlNode {
  return element('ram:IncludedSupplyChainTradeLineItem', [
    element('ram:AssociatedDocumentLineDocument', [
      leaf('ram:LineID', line.id),
      line.note === undefined ? undefined : element('ram:IncludedNote', [leaf('ram:Content', line.note)]),
    ]),
    line.item ? itemNode(line.item) : undefined,
    group('ram:SpecifiedLineTradeAgreement', [
      nested('ram:BuyerOrderReferencedDocument', 'ram:LineID', line.orderLineReference),
      ...priceNodes(line.price, context),
    ]),
    group('ram:SpecifiedLineTradeDelivery', [quantityLeaf('ram:BilledQuantity', { quantity: line.quantity, unitCode: line.unitCode, term: 'BT-130' }, context)]),
    lineSettlementNode(line, context),
  ]);
}

function lineSettlementNode(line: InvoiceLine, context: WriteContext): XmlNode {
  const vat = line.vat;
  const object = line.objectIdentifier;
  return element('ram:SpecifiedLineTradeSettlement', [
    vat ? element('ram:ApplicableTradeTax', [vatTypeCode(), leaf('ram:CategoryCode', vat.categoryCode), leaf('ram:RateApplicablePercent', vat.rate)]) : undefined,
    periodNode(line.period, { start: 'BT-134', end: 'BT-135' }, context),
    ...(line.allowances ?? []).map((allowance) => lineAllowanceChargeNode(allowance, false)),
    ...(line.charges ?? []).map((charge) => lineAllowanceChargeNode(charge, true)),
    nested('ram:SpecifiedTradeSettlementLineMonetarySummation', 'ram:LineTotalAmount', line.netAmount),
    object ? referencedDocument(REFERENCE_TYPE.invoicedObject, { id: object.id, referenceType: object.schemeId }) : undefined,
    nested('ram:ReceivableSpecifiedTradeAccountingAccount', 'ram:ID', line.buyerAccountingReference),
  ]);
}

/**
 * BG-29 as gross and net prices. The base quantity (BT-149/150) goes on each price written, since CII
 * binds it to both; the net price carries it alone when there is no gross price.
 */
function priceNodes(price: PriceDetails | undefined, context: WriteContext): (XmlNode | undefined)[] {
  if (!price) return [];
  const quantity = quantityLeaf('ram:BasisQuantity', { quantity: price.baseQuantity, unitCode: price.baseQuantityUnitCode, term: 'BT-150' }, context);
  const hasGross = price.grossPrice !== undefined || price.discount !== undefined;
  const gross = hasGross
    ? element('ram:GrossPriceProductTradePrice', [
        leaf('ram:ChargeAmount', price.grossPrice),
        quantity,
        price.discount === undefined ? undefined : element('ram:AppliedTradeAllowanceCharge', [chargeIndicator(false), leaf('ram:ActualAmount', price.discount)]),
      ])
    : undefined;
  const hasNet = price.netPrice !== undefined || (!hasGross && quantity !== undefined);
  const net = hasNet ? element('ram:NetPriceProductTradePrice', [leaf('ram:ChargeAmount', price.netPrice), quantity]) : undefined;
  return [gross, net];
}

/** A quantity with its `unitCode`; CII has no place for a unit code without a quantity, so that one is reported. */
function quantityLeaf(name: string, value: { quantity?: string; unitCode?: string; term: string }, context: WriteContext): XmlNode | undefined {
  if (value.quantity === undefined && value.unitCode !== undefined) {
    reportWrite(context, 'not-representable', value.term, `CII writes the unit code "${value.unitCode}" on its quantity, and there is no quantity; it was not written`);
  }
  return leaf(name, value.quantity, { unitCode: value.unitCode });
}

/** BG-31 as `ram:SpecifiedTradeProduct`, children in XSD order. */
function itemNode(item: Item): XmlNode {
  return element('ram:SpecifiedTradeProduct', [
    identifierLeaf('ram:GlobalID', item.standardId),
    leaf('ram:SellerAssignedID', item.sellerId),
    leaf('ram:BuyerAssignedID', item.buyerId),
    leaf('ram:Name', item.name),
    leaf('ram:Description', item.description),
    ...(item.attributes ?? []).map((attribute) =>
      element('ram:ApplicableProductCharacteristic', [leaf('ram:Description', attribute.name), leaf('ram:Value', attribute.value)]),
    ),
    ...(item.classifications ?? []).map((classification) =>
      element('ram:DesignatedProductClassification', [
        leaf('ram:ClassCode', classification.id, { listID: classification.schemeId, listVersionID: classification.schemeVersionId }),
      ]),
    ),
    nested('ram:OriginTradeCountry', 'ram:ID', item.originCountryCode),
  ]);
}

import type { Delivery } from '../../model/delivery.js';
import type { Invoice } from '../../model/invoice.js';
import type { ElementReader } from '../element-reader.js';
import { parseCiiShipTo } from './cii-parse-party.js';
import { compact, nestedText, readDate } from './cii-read-values.js';

/** The invoice terms of `ram:ApplicableHeaderTradeDelivery`. */
export type CiiDeliveryTerms = Pick<Invoice, 'delivery' | 'despatchAdviceReference' | 'receivingAdviceReference'>;

/**
 * Reads `ram:ApplicableHeaderTradeDelivery`: BG-13 (ship-to party and actual delivery date), BT-16 and BT-15.
 * BG-13 gathers two CII aggregates, so it is absent (not empty) when neither says anything.
 */
export function parseCiiDelivery(reader: ElementReader): CiiDeliveryTerms {
  const shipToReader = reader.child('ram:ShipToTradeParty');
  const shipTo = shipToReader ? parseCiiShipTo(shipToReader) : {};
  const event = reader.child('ram:ActualDeliverySupplyChainEvent');
  const actualDeliveryDate = event ? readDate(event, 'ram:OccurrenceDateTime') : undefined;
  event?.finish();
  const terms = compact<CiiDeliveryTerms>({
    delivery: compact<Delivery>({ ...shipTo, actualDeliveryDate }),
    despatchAdviceReference: nestedText(reader, 'ram:DespatchAdviceReferencedDocument', 'ram:IssuerAssignedID'),
    receivingAdviceReference: nestedText(reader, 'ram:ReceivingAdviceReferencedDocument', 'ram:IssuerAssignedID'),
  });
  reader.finish();
  return terms ?? {};
}

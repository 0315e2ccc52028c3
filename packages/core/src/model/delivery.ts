import { z } from 'zod';
import { postalAddressSchema } from './address.js';
import { dateSchema, identifierSchema, textSchema } from './primitives.js';

/** A period with optional start and end dates: BG-14 (invoice) and BG-26 (line). */
export const periodSchema = z
  .object({
    /** BT-73 Invoicing period start date / BT-134 Invoice line period start date. */
    startDate: dateSchema.optional().describe('BT-73 Invoicing period start date / BT-134 Invoice line period start date.'),
    /** BT-74 Invoicing period end date / BT-135 Invoice line period end date. */
    endDate: dateSchema.optional().describe('BT-74 Invoicing period end date / BT-135 Invoice line period end date.'),
  })
  .strict();
/** A period (BG-14, BG-26). */
export type Period = z.infer<typeof periodSchema>;

/** BG-13 DELIVERY INFORMATION: where and when the goods and services were delivered. */
export const deliverySchema = z
  .object({
    /** BT-70 Deliver to party name (0..1). */
    partyName: textSchema.optional().describe('BT-70 Deliver to party name (0..1).'),
    /** BT-71 Deliver to location identifier, with BT-71-1 scheme (0..1). */
    locationId: identifierSchema.optional().describe('BT-71 Deliver to location identifier, with BT-71-1 scheme (0..1).'),
    /** BT-72 Actual delivery date (0..1). */
    actualDeliveryDate: dateSchema.optional().describe('BT-72 Actual delivery date (0..1).'),
    /** BG-15 DELIVER TO ADDRESS (0..1). */
    address: postalAddressSchema.optional().describe('BG-15 DELIVER TO ADDRESS (0..1).'),
  })
  .strict();
/** BG-13 DELIVERY INFORMATION. */
export type Delivery = z.infer<typeof deliverySchema>;

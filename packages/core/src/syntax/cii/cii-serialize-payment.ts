import type { CreditTransfer, PaymentInstructions } from '../../model/payment.js';
import { leaf, type XmlNode } from '../../xml/xml-write.js';
import type { SharedPaymentTerms } from '../payment-sharing.js';
import { element, reportWrite, type WriteContext } from './cii-write-values.js';

/** An account identifier that is an IBAN (spaces aside) goes to `ram:IBANID`, any other to `ram:ProprietaryID`. */
const IBAN = /^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$/;

/**
 * The terms CII carries once per document though the model keeps them per payment means: BT-90
 * `ram:CreditorReferenceID`, BT-89 `ram:DirectDebitMandateID`, BT-83 `ram:PaymentReference`. The first
 * value is written; a different value on another means cannot be carried and is reported.
 */
export function sharedPaymentTerms(instructions: readonly PaymentInstructions[], context: WriteContext): SharedPaymentTerms {
  return {
    creditorId: single(instructions, (entry) => entry.directDebit?.creditorId, { term: 'BT-90', context }),
    mandateReference: single(instructions, (entry) => entry.directDebit?.mandateReference, { term: 'BT-89', context }),
    remittanceInformation: single(instructions, (entry) => entry.remittanceInformation, { term: 'BT-83', context }),
  };
}

function single(
  instructions: readonly PaymentInstructions[],
  pick: (entry: PaymentInstructions) => string | undefined,
  where: { term: string; context: WriteContext },
): string | undefined {
  const values = [...new Set(instructions.map(pick).filter((value): value is string => value !== undefined))];
  if (values.length > 1) {
    reportWrite(where.context, 'not-representable', where.term, `CII has one ${where.term} per document; the payment means give ${values.length} different values and only "${values[0]}" was written`);
  }
  return values[0];
}

/**
 * The `ram:SpecifiedTradeSettlementPaymentMeans` of one BG-16 entry: one per credit transfer (a CII means
 * holds one creditor account), or one when there is none. The type code and text go on each, as
 * CII-SR-467/468 expect; the card (BG-18) and the debited account (BT-91) go on the first.
 */
export function paymentMeansNodes(entry: PaymentInstructions): XmlNode[] {
  const debitedAccountId = entry.directDebit?.debitedAccountId;
  const transfers: (CreditTransfer | undefined)[] = entry.creditTransfers ?? [];
  const hasMeans = entry.meansCode !== undefined || entry.meansText !== undefined || entry.paymentCard !== undefined || debitedAccountId !== undefined;
  // An entry holding only document-level terms (BT-83, BT-89, BT-90) has no means of its own to write.
  if (transfers.length === 0 && !hasMeans) return [];
  const rows = transfers.length > 0 ? transfers : [undefined];
  return rows.map((transfer, index) =>
    element('ram:SpecifiedTradeSettlementPaymentMeans', [
      leaf('ram:TypeCode', entry.meansCode),
      leaf('ram:Information', entry.meansText),
      index === 0 && entry.paymentCard
        ? element('ram:ApplicableTradeSettlementFinancialCard', [leaf('ram:ID', entry.paymentCard.primaryAccountNumber), leaf('ram:CardholderName', entry.paymentCard.holderName)])
        : undefined,
      index === 0 && debitedAccountId !== undefined ? element('ram:PayerPartyDebtorFinancialAccount', [leaf('ram:IBANID', debitedAccountId)]) : undefined,
      ...(transfer ? creditTransferNodes(transfer) : []),
    ]),
  );
}

/**
 * BG-17 as the creditor account and institution. A transfer with nothing but a BIC gets no account
 * element; any other transfer gets one, even empty, so that reading it back gives the transfer again.
 */
function creditTransferNodes(transfer: CreditTransfer): (XmlNode | undefined)[] {
  const { accountId, accountName, serviceProviderId } = transfer;
  const isIban = accountId !== undefined && IBAN.test(accountId.replace(/\s+/g, ''));
  const account =
    accountId === undefined && accountName === undefined && serviceProviderId !== undefined
      ? undefined
      : element('ram:PayeePartyCreditorFinancialAccount', [
          leaf('ram:IBANID', isIban ? accountId : undefined),
          leaf('ram:AccountName', accountName),
          leaf('ram:ProprietaryID', isIban ? undefined : accountId),
        ]);
  const institution = serviceProviderId === undefined ? undefined : element('ram:PayeeSpecifiedCreditorFinancialInstitution', [leaf('ram:BICID', serviceProviderId)]);
  return [account, institution];
}

import type { PaymentInstructions } from '../../model/payment.js';
import type { ElementReader } from '../element-reader.js';
import { compact, nestedText } from './ubl-read-values.js';

/** One `cac:PaymentMeans` as a BG-16 entry; `dueDate` is BT-9 where a credit note carries it. */
export function parseUblPaymentMeans(reader: ElementReader, options: { readDueDate: boolean }): { entry: PaymentInstructions; dueDate?: string } {
  const code = reader.one('cbc:PaymentMeansCode');
  const dueDate = options.readDueDate ? reader.text('cbc:PaymentDueDate') : undefined;
  const remittance = reader.text('cbc:PaymentID');
  const card = reader.child('cac:CardAccount');
  const paymentCard = card
    ? compact({ primaryAccountNumber: card.text('cbc:PrimaryAccountNumberID'), holderName: card.text('cbc:HolderName') })
    : undefined;
  card?.skip('cbc:NetworkID');
  card?.finish();
  const account = reader.child('cac:PayeeFinancialAccount');
  const creditTransfer = account
    ? compact({
        accountId: account.text('cbc:ID'),
        accountName: account.text('cbc:Name'),
        serviceProviderId: nestedText(account, 'cac:FinancialInstitutionBranch', 'cbc:ID'),
      })
    : undefined;
  account?.finish();
  const mandate = reader.child('cac:PaymentMandate');
  const directDebit = mandate
    ? compact({ mandateReference: mandate.text('cbc:ID'), debitedAccountId: nestedText(mandate, 'cac:PayerFinancialAccount', 'cbc:ID') })
    : undefined;
  mandate?.finish();
  reader.finish();
  const entry =
    compact<PaymentInstructions>({
      meansCode: code?.text,
      meansText: code?.attributes['name'],
      remittanceInformation: remittance,
      creditTransfers: account ? [creditTransfer ?? {}] : undefined,
      paymentCard: card ? (paymentCard ?? {}) : undefined,
      directDebit: mandate ? (directDebit ?? {}) : undefined,
    }) ?? {};
  return dueDate === undefined ? { entry } : { entry, dueDate };
}

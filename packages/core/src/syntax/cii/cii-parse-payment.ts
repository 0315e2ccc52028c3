import type { CreditTransfer, PaymentCard, PaymentInstructions } from '../../model/payment.js';
import type { ElementReader } from '../element-reader.js';
import { attachSharedPaymentTerms, type SharedPaymentTerms } from '../payment-sharing.js';
import { compact, nestedText, nonEmpty, readDate } from './cii-read-values.js';

/** BT-20, BT-9 and BT-89 from `ram:SpecifiedTradePaymentTerms`. */
export type CiiPaymentTerms = { paymentTerms?: string; dueDate?: string; mandateReference?: string };

/**
 * BG-16 entries, one per `ram:SpecifiedTradeSettlementPaymentMeans`, with the terms CII carries once per
 * document (BT-90 creditor id, BT-89 mandate, BT-83 remittance) placed by the rule both codecs share.
 */
export function parseCiiPaymentInstructions(root: ElementReader, shared: SharedPaymentTerms): PaymentInstructions[] | undefined {
  const instructions = root.all('ram:SpecifiedTradeSettlementPaymentMeans').map((element) => parseCiiPaymentMeans(root.over(element)));
  return nonEmpty(attachSharedPaymentTerms(instructions, shared));
}

/** One `ram:SpecifiedTradeSettlementPaymentMeans` as a BG-16 entry. */
function parseCiiPaymentMeans(reader: ElementReader): PaymentInstructions {
  const meansCode = reader.text('ram:TypeCode');
  const meansText = reader.text('ram:Information');
  const card = reader.child('ram:ApplicableTradeSettlementFinancialCard');
  const paymentCard = card ? (compact<PaymentCard>({ primaryAccountNumber: card.text('ram:ID'), holderName: card.text('ram:CardholderName') }) ?? {}) : undefined;
  card?.finish();
  const debitedAccountId = nestedText(reader, 'ram:PayerPartyDebtorFinancialAccount', 'ram:IBANID');
  const transfer = readCreditTransfer(reader);
  reader.finish();
  const entry = compact<PaymentInstructions>({
    meansCode,
    meansText,
    creditTransfers: transfer ? [transfer] : undefined,
    paymentCard,
    directDebit: debitedAccountId === undefined ? undefined : { debitedAccountId },
  });
  return entry ?? {};
}

/**
 * BG-17 from the creditor account (BT-84 as `ram:IBANID` or `ram:ProprietaryID`, BT-85) and the creditor's
 * institution (BT-86). Either element alone makes a credit transfer, so a lone BIC is not lost.
 */
function readCreditTransfer(reader: ElementReader): CreditTransfer | undefined {
  const account = reader.child('ram:PayeePartyCreditorFinancialAccount');
  const institution = reader.child('ram:PayeeSpecifiedCreditorFinancialInstitution');
  if (!account && !institution) return undefined;
  const iban = account?.one('ram:IBANID');
  const proprietary = account?.one('ram:ProprietaryID');
  if (account && iban && proprietary) {
    account.report(proprietary, 'repeated-element', 'The account is given as ram:IBANID and ram:ProprietaryID (CII-SR-470 allows one); BT-84 keeps the IBAN');
  }
  const accountName = account?.text('ram:AccountName');
  account?.finish();
  const serviceProviderId = institution?.text('ram:BICID');
  institution?.finish();
  return compact<CreditTransfer>({ accountId: (iban ?? proprietary)?.text, accountName, serviceProviderId }) ?? {};
}

/**
 * Reads the `ram:SpecifiedTradePaymentTerms`. EN 16931 has one of each term (CII-SR-452/453); when
 * several terms elements are given, the first value of each term is kept and a different later one is reported.
 */
export function parseCiiPaymentTerms(root: ElementReader): CiiPaymentTerms {
  const result: CiiPaymentTerms = {};
  for (const element of root.all('ram:SpecifiedTradePaymentTerms')) {
    const reader = root.over(element);
    const found: CiiPaymentTerms = {
      paymentTerms: reader.text('ram:Description'),
      dueDate: readDate(reader, 'ram:DueDateDateTime'),
      mandateReference: reader.text('ram:DirectDebitMandateID'),
    };
    reader.finish();
    for (const key of Object.keys(found) as (keyof CiiPaymentTerms)[]) {
      const value = found[key];
      if (value === undefined) continue;
      if (result[key] === undefined) result[key] = value;
      else if (result[key] !== value) reader.report(element, 'repeated-element', `These payment terms give a second ${TERM_NAMES[key]}; the model has one and keeps the first`);
    }
  }
  return compact(result) ?? {};
}

const TERM_NAMES: Readonly<Record<keyof CiiPaymentTerms, string>> = {
  paymentTerms: 'payment terms text (BT-20)',
  dueDate: 'payment due date (BT-9)',
  mandateReference: 'mandate reference (BT-89)',
};

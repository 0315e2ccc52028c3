/**
 * Which business term a value of the invoice JSON form holds, by its path.
 *
 * The model shares one shape between several business groups (a postal address is BG-5, BG-8, BG-12 or
 * BG-15; an allowance is BG-20 or BG-27), so the term of a field depends on where the shape sits. This
 * table mirrors the JSON form: list indices are transparent, leaves are term ids.
 */

/** A node of the term table: a term id at a leaf, the terms of the fields below otherwise. */
type TermTree = { readonly [field: string]: string | TermTree };

/** An EN 16931 "Identifier" with its scheme: BT-n and BT-n-1. */
function identifierTerms(term: string): TermTree {
  return { id: term, schemeId: `${term}-1` };
}

/** A postal address; the ids are given in field order: line 1, line 2, line 3, city, post code, subdivision, country. */
function addressTerms(...ids: readonly [string, string, string, string, string, string, string]): TermTree {
  const [line1, line2, line3, city, postCode, countrySubdivision, countryCode] = ids;
  return { line1, line2, line3, city, postCode, countrySubdivision, countryCode };
}

/** A contact: point of contact, telephone, e-mail. */
function contactTerms(name: string, telephone: string, email: string): TermTree {
  return { name, telephone, email };
}

/** A run of consecutive terms for fields listed in model order, e.g. BG-22 is BT-106 … BT-115. */
function consecutiveTerms(first: number, fields: readonly string[]): TermTree {
  return Object.fromEntries(fields.map((field, index) => [field, `BT-${first + index}`]));
}

const DOCUMENT_ALLOWANCE_FIELDS = ['amount', 'baseAmount', 'percentage', 'vatCategoryCode', 'vatRate', 'reason', 'reasonCode'] as const;
const LINE_ALLOWANCE_FIELDS = ['amount', 'baseAmount', 'percentage', 'reason', 'reasonCode'] as const;

const INVOICE_TERMS: TermTree = {
  number: 'BT-1',
  issueDate: 'BT-2',
  typeCode: 'BT-3',
  currencyCode: 'BT-5',
  vatAccountingCurrencyCode: 'BT-6',
  vatPointDate: 'BT-7',
  vatPointDateCode: 'BT-8',
  dueDate: 'BT-9',
  ...consecutiveTerms(10, [
    'buyerReference', 'projectReference', 'contractReference', 'purchaseOrderReference', 'salesOrderReference',
    'receivingAdviceReference', 'despatchAdviceReference', 'tenderOrLotReference',
  ]),
  invoicedObjectIdentifier: identifierTerms('BT-18'),
  buyerAccountingReference: 'BT-19',
  paymentTerms: 'BT-20',
  notes: { subjectCode: 'BT-21', text: 'BT-22' },
  processControl: { businessProcessType: 'BT-23', specificationIdentifier: 'BT-24' },
  precedingInvoices: { reference: 'BT-25', issueDate: 'BT-26' },
  seller: {
    name: 'BT-27',
    tradingName: 'BT-28',
    identifiers: identifierTerms('BT-29'),
    legalRegistrationId: identifierTerms('BT-30'),
    vatId: 'BT-31',
    taxRegistrationId: 'BT-32',
    additionalLegalInformation: 'BT-33',
    electronicAddress: identifierTerms('BT-34'),
    address: addressTerms('BT-35', 'BT-36', 'BT-162', 'BT-37', 'BT-38', 'BT-39', 'BT-40'),
    contact: contactTerms('BT-41', 'BT-42', 'BT-43'),
  },
  buyer: {
    name: 'BT-44',
    tradingName: 'BT-45',
    identifier: identifierTerms('BT-46'),
    legalRegistrationId: identifierTerms('BT-47'),
    vatId: 'BT-48',
    electronicAddress: identifierTerms('BT-49'),
    address: addressTerms('BT-50', 'BT-51', 'BT-163', 'BT-52', 'BT-53', 'BT-54', 'BT-55'),
    contact: contactTerms('BT-56', 'BT-57', 'BT-58'),
  },
  payee: { name: 'BT-59', identifier: identifierTerms('BT-60'), legalRegistrationId: identifierTerms('BT-61') },
  sellerTaxRepresentative: {
    name: 'BT-62',
    vatId: 'BT-63',
    address: addressTerms('BT-64', 'BT-65', 'BT-164', 'BT-66', 'BT-67', 'BT-68', 'BT-69'),
  },
  delivery: {
    partyName: 'BT-70',
    locationId: identifierTerms('BT-71'),
    actualDeliveryDate: 'BT-72',
    address: addressTerms('BT-75', 'BT-76', 'BT-165', 'BT-77', 'BT-78', 'BT-79', 'BT-80'),
  },
  invoicingPeriod: { startDate: 'BT-73', endDate: 'BT-74' },
  paymentInstructions: {
    meansCode: 'BT-81',
    meansText: 'BT-82',
    remittanceInformation: 'BT-83',
    creditTransfers: consecutiveTerms(84, ['accountId', 'accountName', 'serviceProviderId']),
    paymentCard: consecutiveTerms(87, ['primaryAccountNumber', 'holderName']),
    directDebit: consecutiveTerms(89, ['mandateReference', 'creditorId', 'debitedAccountId']),
  },
  allowances: consecutiveTerms(92, DOCUMENT_ALLOWANCE_FIELDS),
  charges: consecutiveTerms(99, DOCUMENT_ALLOWANCE_FIELDS),
  totals: consecutiveTerms(106, [
    'lineNetTotal', 'allowanceTotal', 'chargeTotal', 'taxExclusiveAmount', 'vatTotal',
    'vatTotalInAccountingCurrency', 'taxInclusiveAmount', 'paidAmount', 'roundingAmount', 'amountDue',
  ]),
  vatBreakdown: consecutiveTerms(116, ['taxableAmount', 'taxAmount', 'categoryCode', 'rate', 'exemptionReason', 'exemptionReasonCode']),
  supportingDocuments: {
    ...consecutiveTerms(122, ['reference', 'description', 'externalLocation']),
    attachment: { content: 'BT-125', mimeCode: 'BT-125-1', filename: 'BT-125-2' },
  },
  lines: {
    id: 'BT-126',
    note: 'BT-127',
    objectIdentifier: identifierTerms('BT-128'),
    ...consecutiveTerms(129, ['quantity', 'unitCode', 'netAmount', 'orderLineReference', 'buyerAccountingReference']),
    period: { startDate: 'BT-134', endDate: 'BT-135' },
    allowances: consecutiveTerms(136, LINE_ALLOWANCE_FIELDS),
    charges: consecutiveTerms(141, LINE_ALLOWANCE_FIELDS),
    price: consecutiveTerms(146, ['netPrice', 'discount', 'grossPrice', 'baseQuantity', 'baseQuantityUnitCode']),
    vat: { categoryCode: 'BT-151', rate: 'BT-152' },
    item: {
      ...consecutiveTerms(153, ['name', 'description', 'sellerId', 'buyerId']),
      standardId: identifierTerms('BT-157'),
      classifications: { id: 'BT-158', schemeId: 'BT-158-1', schemeVersionId: 'BT-158-2' },
      originCountryCode: 'BT-159',
      attributes: { name: 'BT-160', value: 'BT-161' },
    },
  },
};

/**
 * The business terms of the value at a path of the invoice JSON form (`['seller', 'vatId']` → `['BT-31']`);
 * empty for values that are not business terms (`kind`) or paths outside the model.
 */
export function termsAt(path: readonly PropertyKey[]): string[] {
  let node: string | TermTree | undefined = INVOICE_TERMS;
  for (const key of path) {
    if (typeof key === 'number') continue;
    if (node === undefined || typeof node === 'string' || typeof key !== 'string' || !Object.hasOwn(node, key)) return [];
    node = node[key];
  }
  return typeof node === 'string' ? [node] : [];
}

import { rule, type RuleDefinition } from '../../rule-definition.js';

/**
 * The meaning of the EN 16931 core rules BR-01 … BR-65 and BR-B-01/02: what an invoice, its parties,
 * lines, allowances, charges and payment instructions must contain. Shared by the UBL and CII bindings.
 */
export const CORE_DOCUMENT_DEFINITIONS: readonly RuleDefinition[] = [
  // The invoice as a whole.
  rule('BR-01', ['BT-24'], 'The Specification identifier (BT-24) is missing; state the specification the invoice follows, e.g. urn:cen.eu:en16931:2017.'),
  rule('BR-02', ['BT-1'], 'The Invoice number (BT-1) is missing; give the invoice its unique number.'),
  rule('BR-03', ['BT-2'], 'The Invoice issue date (BT-2) is missing; add the date the invoice was issued.'),
  rule('BR-04', ['BT-3'], 'The Invoice type code (BT-3) is missing; add the code of the document type (e.g. 380 for an invoice).'),
  rule('BR-05', ['BT-5'], 'The Invoice currency code (BT-5) is missing; add the currency all invoice amounts are given in.'),
  rule('BR-06', ['BT-27'], 'The Seller name (BT-27) is missing; add the registered name of the seller.'),
  rule('BR-07', ['BT-44'], 'The Buyer name (BT-44) is missing; add the full name of the buyer.'),
  rule('BR-08', ['BG-5'], 'The Seller postal address (BG-5) is missing; add the address of the seller.'),
  rule('BR-09', ['BG-5', 'BT-40'], 'The Seller postal address (BG-5) has no Seller country code (BT-40); add the country code of the address.'),
  rule('BR-10', ['BG-8'], 'The Buyer postal address (BG-8) is missing; add the address of the buyer.'),
  rule('BR-11', ['BG-8', 'BT-55'], 'The Buyer postal address (BG-8) has no Buyer country code (BT-55); add the country code of the address.'),
  rule('BR-12', ['BT-106'], 'The Sum of Invoice line net amount (BT-106) is missing from the document totals; add it.'),
  rule('BR-13', ['BT-109'], 'The Invoice total amount without VAT (BT-109) is missing from the document totals; add it.'),
  rule('BR-14', ['BT-112'], 'The Invoice total amount with VAT (BT-112) is missing from the document totals; add it.'),
  rule('BR-15', ['BT-115'], 'The Amount due for payment (BT-115) is missing from the document totals; add it.'),
  rule('BR-16', ['BG-25'], 'The invoice has no Invoice line (BG-25); add at least one line.'),
  // Parties.
  rule('BR-17', ['BG-10', 'BT-59'], 'A Payee (BG-10) is given without a Payee name (BT-59); add the name of the party to be paid.'),
  rule('BR-18', ['BG-11', 'BT-62'], 'The Seller tax representative party (BG-11) has no Seller tax representative name (BT-62); add the name.'),
  rule('BR-19', ['BG-11', 'BG-12'], 'The Seller tax representative party (BG-11) has no Seller tax representative postal address (BG-12); add the address.'),
  rule('BR-20', ['BG-12', 'BT-69'], 'The Seller tax representative postal address (BG-12) has no Tax representative country code (BT-69); add the country code.'),
  // Invoice lines.
  rule('BR-21', ['BG-25', 'BT-126'], 'An Invoice line (BG-25) has no Invoice line identifier (BT-126); give every line an identifier.'),
  rule('BR-22', ['BG-25', 'BT-129'], 'An Invoice line (BG-25) has no Invoiced quantity (BT-129); add the quantity invoiced.'),
  rule('BR-23', ['BG-25', 'BT-130'], 'The Invoiced quantity of a line has no Invoiced quantity unit of measure code (BT-130); add the unit code.'),
  rule('BR-24', ['BG-25', 'BT-131'], 'An Invoice line (BG-25) has no Invoice line net amount (BT-131); add the net amount of the line.'),
  rule('BR-25', ['BG-25', 'BT-153'], 'An Invoice line (BG-25) has no Item name (BT-153); name the item invoiced.'),
  rule('BR-26', ['BG-25', 'BT-146'], 'An Invoice line (BG-25) has no Item net price (BT-146); add the net price of the item.'),
  rule('BR-27', ['BT-146'], 'The Item net price (BT-146) is negative; a price must be zero or more (use a credit note or a negative quantity instead).'),
  rule('BR-28', ['BT-148'], 'The Item gross price (BT-148) is negative; a price must be zero or more.'),
  // Periods.
  rule('BR-29', ['BG-14', 'BT-73', 'BT-74'], 'The Invoicing period end date (BT-74) is before its start date (BT-73); correct the period.'),
  rule('BR-30', ['BG-26', 'BT-134', 'BT-135'], 'The Invoice line period end date (BT-135) is before its start date (BT-134); correct the line period.'),
  // Document level allowances and charges.
  rule('BR-31', ['BG-20', 'BT-92'], 'A Document level allowance (BG-20) has no Document level allowance amount (BT-92); add the amount.'),
  rule('BR-32', ['BG-20', 'BT-95'], 'A Document level allowance (BG-20) has no Document level allowance VAT category code (BT-95); add the VAT category.'),
  rule('BR-33', ['BG-20', 'BT-97', 'BT-98'], 'A Document level allowance (BG-20) gives no reason; add a Document level allowance reason (BT-97) or reason code (BT-98).'),
  rule('BR-36', ['BG-21', 'BT-99'], 'A Document level charge (BG-21) has no Document level charge amount (BT-99); add the amount.'),
  rule('BR-37', ['BG-21', 'BT-102'], 'A Document level charge (BG-21) has no Document level charge VAT category code (BT-102); add the VAT category.'),
  rule('BR-38', ['BG-21', 'BT-104', 'BT-105'], 'A Document level charge (BG-21) gives no reason; add a Document level charge reason (BT-104) or reason code (BT-105).'),
  // Line allowances and charges.
  rule('BR-41', ['BG-27', 'BT-136'], 'An Invoice line allowance (BG-27) has no Invoice line allowance amount (BT-136); add the amount.'),
  rule('BR-42', ['BG-27', 'BT-139', 'BT-140'], 'An Invoice line allowance (BG-27) gives no reason; add an Invoice line allowance reason (BT-139) or reason code (BT-140).'),
  rule('BR-43', ['BG-28', 'BT-141'], 'An Invoice line charge (BG-28) has no Invoice line charge amount (BT-141); add the amount.'),
  rule('BR-44', ['BG-28', 'BT-144', 'BT-145'], 'An Invoice line charge (BG-28) gives no reason; add an Invoice line charge reason (BT-144) or reason code (BT-145).'),
  // VAT breakdown.
  rule('BR-45', ['BG-23', 'BT-116'], 'A VAT breakdown (BG-23) has no VAT category taxable amount (BT-116); add the taxable amount.'),
  rule('BR-46', ['BG-23', 'BT-117'], 'A VAT breakdown (BG-23) has no VAT category tax amount (BT-117); add the tax amount.'),
  rule('BR-47', ['BG-23', 'BT-118'], 'A VAT breakdown (BG-23) has no VAT category code (BT-118); add the category it sums up.'),
  rule('BR-48', ['BG-23', 'BT-119'], 'A VAT breakdown (BG-23) has no VAT category rate (BT-119); add the rate, unless the category is "Not subject to VAT" (O).'),
  // Payment.
  rule('BR-49', ['BG-16', 'BT-81'], 'A Payment instruction (BG-16) has no Payment means type code (BT-81); add the code of the payment means.'),
  rule('BR-50', ['BG-17', 'BT-84'], 'A Credit transfer (BG-17) has no Payment account identifier (BT-84); add the account (e.g. IBAN) to pay to.'),
  rule('BR-51', ['BG-18', 'BT-87'], 'The Payment card primary account number (BT-87) looks complete; show at most the first 6 and last 4 digits, never the full card number.'),
  rule('BR-52', ['BG-24', 'BT-122'], 'An Additional supporting document (BG-24) has no Supporting document reference (BT-122); add its identifier.'),
  rule('BR-53', ['BT-6', 'BT-111'], 'A VAT accounting currency code (BT-6) is given but no Invoice total VAT amount in accounting currency (BT-111); add the VAT total in that currency.'),
  rule('BR-54', ['BG-32', 'BT-160', 'BT-161'], 'An Item attribute (BG-32) lacks its Item attribute name (BT-160) or value (BT-161); give both.'),
  rule('BR-55', ['BG-3', 'BT-25'], 'A Preceding Invoice reference (BG-3) has no Preceding Invoice reference (BT-25); add the number of the earlier invoice.'),
  rule('BR-56', ['BG-11', 'BT-63'], 'The Seller tax representative party (BG-11) has no Seller tax representative VAT identifier (BT-63); add its VAT identifier.'),
  rule('BR-57', ['BG-15', 'BT-80'], 'The Deliver to address (BG-15) has no Deliver to country code (BT-80); add the country code.'),
  rule('BR-61', ['BT-81', 'BT-84'], 'The Payment means type code (BT-81) is a credit transfer (30, 58) but no Payment account identifier (BT-84) is given; add the account to pay to.'),
  // Identifiers and their schemes.
  rule('BR-62', ['BT-34'], 'The Seller electronic address (BT-34) has no scheme identifier; add the schemeID of the address.'),
  rule('BR-63', ['BT-49'], 'The Buyer electronic address (BT-49) has no scheme identifier; add the schemeID of the address.'),
  rule('BR-64', ['BT-157'], 'The Item standard identifier (BT-157) has no scheme identifier; add the schemeID (e.g. 0160 for GTIN).'),
  rule('BR-65', ['BT-158'], 'The Item classification identifier (BT-158) has no scheme identifier; add the listID of the classification.'),
  // Split payment (Italy).
  rule('BR-B-01', ['BT-40', 'BT-95', 'BT-102', 'BT-151'], 'The VAT category "Split payment" (B) is only allowed on a domestic Italian invoice; the Seller country code (BT-40) and the Buyer country code must both be IT.'),
  rule('BR-B-02', ['BT-95', 'BT-102', 'BT-118', 'BT-151'], 'The invoice mixes the VAT categories "Split payment" (B) and "Standard rated" (S); use only one of them across lines, allowances and charges.'),
];

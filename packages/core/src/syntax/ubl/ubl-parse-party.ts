import type { Contact, PostalAddress } from '../../model/address.js';
import type { Buyer, Payee, Seller, SellerTaxRepresentative } from '../../model/party.js';
import type { Identifier } from '../../model/primitives.js';
import type { ElementReader } from '../element-reader.js';
import { compact, identifierOf, nestedText, nonEmpty } from './ubl-read-values.js';

/** BG-5 / BG-8 / BG-12 / BG-15 from a `cac:PostalAddress` or `cac:Address`. */
export function parseUblAddress(reader: ElementReader | undefined): PostalAddress | undefined {
  if (!reader) return undefined;
  const address = compact<PostalAddress>({
    line1: reader.text('cbc:StreetName'),
    line2: reader.text('cbc:AdditionalStreetName'),
    city: reader.text('cbc:CityName'),
    postCode: reader.text('cbc:PostalZone'),
    countrySubdivision: reader.text('cbc:CountrySubentity'),
    line3: nestedText(reader, 'cac:AddressLine', 'cbc:Line'),
    countryCode: nestedText(reader, 'cac:Country', 'cbc:IdentificationCode'),
  });
  reader.finish();
  return address ?? {};
}

/** BG-6 / BG-9 from a `cac:Contact`. */
export function parseUblContact(reader: ElementReader | undefined): Contact | undefined {
  if (!reader) return undefined;
  const contact = compact<Contact>({
    name: reader.text('cbc:Name'),
    telephone: reader.text('cbc:Telephone'),
    email: reader.text('cbc:ElectronicMail'),
  });
  reader.finish();
  return contact ?? {};
}

/** True when a `cac:PartyTaxScheme` or `cac:TaxCategory` is about VAT (`cac:TaxScheme/cbc:ID` = VAT). */
function isVatScheme(reader: ElementReader): boolean {
  const scheme = reader.element.children.find((c) => c.name === 'cac:TaxScheme');
  const id = scheme?.children.find((c) => c.name === 'cbc:ID');
  return id?.text.trim().toUpperCase() === 'VAT';
}

/** The VAT and other tax registration identifiers of a party (`cac:PartyTaxScheme`). */
function parseTaxSchemes(party: ElementReader, options: { otherSchemes: boolean }): { vatId?: string; taxRegistrationId?: string } {
  const result: { vatId?: string; taxRegistrationId?: string } = {};
  for (const element of party.all('cac:PartyTaxScheme')) {
    const scheme = party.over(element);
    const companyId = scheme.text('cbc:CompanyID');
    scheme.skip('cac:TaxScheme');
    // The buyer and the tax representative have only a VAT identifier (BT-48, BT-63): their tax scheme
    // names no other term, so any scheme id is read as VAT.
    if (isVatScheme(scheme) || !options.otherSchemes) {
      if (result.vatId === undefined) result.vatId = companyId;
      else scheme.report(element, 'repeated-element', 'A second VAT registration of the party was not read');
    } else if (result.taxRegistrationId === undefined) result.taxRegistrationId = companyId;
    else scheme.report(element, 'repeated-element', 'A second tax registration of the party was not read');
    scheme.finish();
  }
  return result;
}

/** Party identifiers, split into the business identifiers and the SEPA creditor identifier (BT-90). */
function parseIdentifications(party: ElementReader, options: { max: number }): { ids: Identifier[]; sepaCreditorId?: string } {
  const ids: Identifier[] = [];
  let sepaCreditorId: string | undefined;
  for (const element of party.all('cac:PartyIdentification')) {
    const reader = party.over(element);
    const id = identifierOf(reader.one('cbc:ID'));
    reader.finish();
    if (!id) continue;
    // BT-90 has no element of its own in UBL: it is a party identifier with scheme "SEPA".
    if (id.schemeId?.trim().toUpperCase() === 'SEPA' && sepaCreditorId === undefined) sepaCreditorId = id.id;
    else if (ids.length < options.max) ids.push(id);
    else reader.report(element, 'repeated-element', 'The party can have only one identifier here; this one was not read');
  }
  return sepaCreditorId === undefined ? { ids } : { ids, sepaCreditorId };
}

/** The legal entity of a party: registration name, registration id and legal form. */
function parseLegalEntity(party: ElementReader): { name?: string; legalId?: Identifier; legalForm?: string } {
  const legal = party.child('cac:PartyLegalEntity');
  if (!legal) return {};
  const result = { name: legal.text('cbc:RegistrationName'), legalId: identifierOf(legal.one('cbc:CompanyID')), legalForm: legal.text('cbc:CompanyLegalForm') };
  legal.finish();
  return compact(result) ?? {};
}

/** BG-4 from `cac:AccountingSupplierParty`; also returns BT-90 when given as a SEPA party identifier. */
export function parseUblSeller(wrapper: ElementReader): { seller: Seller; sepaCreditorId?: string } {
  const party = wrapper.child('cac:Party');
  wrapper.finish();
  if (!party) return { seller: {} };
  const endpoint = identifierOf(party.one('cbc:EndpointID'));
  const { ids, sepaCreditorId } = parseIdentifications(party, { max: Infinity });
  const tradingName = nestedText(party, 'cac:PartyName', 'cbc:Name');
  const address = parseUblAddress(party.child('cac:PostalAddress'));
  const taxes = parseTaxSchemes(party, { otherSchemes: true });
  const legal = parseLegalEntity(party);
  const contact = parseUblContact(party.child('cac:Contact'));
  party.finish();
  const seller = compact<Seller>({
    name: legal.name,
    tradingName,
    identifiers: nonEmpty(ids),
    legalRegistrationId: legal.legalId,
    vatId: taxes.vatId,
    taxRegistrationId: taxes.taxRegistrationId,
    additionalLegalInformation: legal.legalForm,
    electronicAddress: endpoint,
    address,
    contact,
  });
  return sepaCreditorId === undefined ? { seller: seller ?? {} } : { seller: seller ?? {}, sepaCreditorId };
}

/** BG-7 from `cac:AccountingCustomerParty`. */
export function parseUblBuyer(wrapper: ElementReader): Buyer {
  const party = wrapper.child('cac:Party');
  wrapper.finish();
  if (!party) return {};
  const electronicAddress = identifierOf(party.one('cbc:EndpointID'));
  const identifier = parseBuyerIdentifier(party);
  const tradingName = nestedText(party, 'cac:PartyName', 'cbc:Name');
  const address = parseUblAddress(party.child('cac:PostalAddress'));
  const taxes = parseTaxSchemes(party, { otherSchemes: false });
  const legal = parseLegalEntity(party);
  const contact = parseUblContact(party.child('cac:Contact'));
  party.finish();
  return (
    compact<Buyer>({
      name: legal.name,
      tradingName,
      identifier,
      legalRegistrationId: legal.legalId,
      vatId: taxes.vatId,
      electronicAddress,
      address,
      contact,
    }) ?? {}
  );
}

/** BG-10 from `cac:PayeeParty`; also returns BT-90 when given as a SEPA party identifier. */
export function parseUblPayee(party: ElementReader): { payee: Payee; sepaCreditorId?: string } {
  const { ids, sepaCreditorId } = parseIdentifications(party, { max: 1 });
  const name = nestedText(party, 'cac:PartyName', 'cbc:Name');
  const legal = parseLegalEntity(party);
  party.finish();
  const payee = compact<Payee>({ name, identifier: ids[0], legalRegistrationId: legal.legalId }) ?? {};
  return sepaCreditorId === undefined ? { payee } : { payee, sepaCreditorId };
}

/** BG-11 from `cac:TaxRepresentativeParty`. */
export function parseUblTaxRepresentative(party: ElementReader): SellerTaxRepresentative {
  const name = nestedText(party, 'cac:PartyName', 'cbc:Name');
  const address = parseUblAddress(party.child('cac:PostalAddress'));
  const taxes = parseTaxSchemes(party, { otherSchemes: false });
  party.finish();
  return compact<SellerTaxRepresentative>({ name, vatId: taxes.vatId, address }) ?? {};
}

/** BT-46: the buyer's single identifier (a SEPA-scheme one is an ordinary identifier for the buyer). */
function parseBuyerIdentifier(party: ElementReader): Identifier | undefined {
  let identifier: Identifier | undefined;
  for (const element of party.all('cac:PartyIdentification')) {
    const reader = party.over(element);
    const id = identifierOf(reader.one('cbc:ID'));
    reader.finish();
    if (identifier === undefined) identifier = id;
    else reader.report(element, 'repeated-element', 'The buyer can have only one identifier (BT-46); this one was not read');
  }
  return identifier;
}

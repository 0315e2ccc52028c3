import type { Contact, PostalAddress } from '../../model/address.js';
import type { Delivery } from '../../model/delivery.js';
import type { Buyer, Payee, Seller, SellerTaxRepresentative } from '../../model/party.js';
import type { Identifier } from '../../model/primitives.js';
import type { ElementReader } from '../element-reader.js';
import { compact, identifierOf, nestedText, nonEmpty } from './cii-read-values.js';

/*
 * The trade parties (`ram:TradePartyType`): seller, buyer, payee, seller tax representative and ship-to
 * share one CII type, but each role maps a different subset of it. Every role reads only what EN 16931
 * binds for it, so a part the role does not carry (e.g. a buyer `ram:Description`) is reported by finish().
 */

/** Tax registration schemes: VA a VAT identifier, FC a tax registration identifier (BT-32, seller only). */
type TaxScheme = 'VA' | 'FC';

/** BG-4 from `ram:SellerTradeParty`. */
export function parseCiiSeller(reader: ElementReader): Seller {
  const identifiers = nonEmpty(readPartyIdentifiers(reader).map((element) => identifierOf(element)));
  const name = reader.text('ram:Name');
  const additionalLegalInformation = reader.text('ram:Description');
  const legal = readLegalOrganization(reader, { tradingName: true });
  const contact = readContact(reader);
  const address = readAddress(reader);
  const electronicAddress = readElectronicAddress(reader);
  const tax = readTaxRegistrations(reader, ['VA', 'FC']);
  reader.finish();
  const seller = compact<Seller>({
    name,
    tradingName: legal.tradingName,
    identifiers,
    legalRegistrationId: legal.id,
    vatId: tax.VA,
    taxRegistrationId: tax.FC,
    additionalLegalInformation,
    electronicAddress,
    address,
    contact,
  });
  return seller ?? {};
}

/** BG-7 from `ram:BuyerTradeParty`. */
export function parseCiiBuyer(reader: ElementReader): Buyer {
  const identifier = readSingleIdentifier(reader, 'BT-46 Buyer identifier');
  const name = reader.text('ram:Name');
  const legal = readLegalOrganization(reader, { tradingName: true });
  const contact = readContact(reader);
  const address = readAddress(reader);
  const electronicAddress = readElectronicAddress(reader);
  const tax = readTaxRegistrations(reader, ['VA']);
  reader.finish();
  const buyer = compact<Buyer>({
    name,
    tradingName: legal.tradingName,
    identifier,
    legalRegistrationId: legal.id,
    vatId: tax.VA,
    electronicAddress,
    address,
    contact,
  });
  return buyer ?? {};
}

/** BG-10 from `ram:PayeeTradeParty`. */
export function parseCiiPayee(reader: ElementReader): Payee {
  const identifier = readSingleIdentifier(reader, 'BT-60 Payee identifier');
  const name = reader.text('ram:Name');
  const legal = readLegalOrganization(reader, { tradingName: false });
  reader.finish();
  return compact<Payee>({ name, identifier, legalRegistrationId: legal.id }) ?? {};
}

/** BG-11 from `ram:SellerTaxRepresentativeTradeParty`. */
export function parseCiiTaxRepresentative(reader: ElementReader): SellerTaxRepresentative {
  const name = reader.text('ram:Name');
  const address = readAddress(reader);
  const tax = readTaxRegistrations(reader, ['VA']);
  reader.finish();
  return compact<SellerTaxRepresentative>({ name, vatId: tax.VA, address }) ?? {};
}

/** The BG-13 terms of `ram:ShipToTradeParty`: BT-71 location, BT-70 name, BG-15 address. */
export function parseCiiShipTo(reader: ElementReader): Pick<Delivery, 'locationId' | 'partyName' | 'address'> {
  const locationId = readSingleIdentifier(reader, 'BT-71 Deliver to location identifier');
  const partyName = reader.text('ram:Name');
  const address = readAddress(reader);
  reader.finish();
  return compact({ locationId, partyName, address }) ?? {};
}

/** BG-5 / BG-8 / BG-12 / BG-15 from `ram:PostalTradeAddress`. */
export function readAddress(reader: ElementReader): PostalAddress | undefined {
  const address = reader.child('ram:PostalTradeAddress');
  if (!address) return undefined;
  const value = compact<PostalAddress>({
    postCode: address.text('ram:PostcodeCode'),
    line1: address.text('ram:LineOne'),
    line2: address.text('ram:LineTwo'),
    line3: address.text('ram:LineThree'),
    city: address.text('ram:CityName'),
    countryCode: address.text('ram:CountryID'),
    countrySubdivision: address.text('ram:CountrySubDivisionName'),
  });
  address.finish();
  return value ?? {};
}

/** `ram:ID` (EN 16931: without scheme) then `ram:GlobalID` (with scheme), the order the XSD prescribes. */
function readPartyIdentifiers(reader: ElementReader) {
  return [...reader.all('ram:ID'), ...reader.all('ram:GlobalID')];
}

/** A party identifier of which EN 16931 allows one (CII-SR-449/450/451): the first is kept, the others reported. */
function readSingleIdentifier(reader: ElementReader, term: string): Identifier | undefined {
  const [first, ...others] = readPartyIdentifiers(reader);
  for (const element of others) {
    reader.report(element, 'repeated-element', `${term} is given more than once (ram:ID / ram:GlobalID); the model keeps the first`);
  }
  return identifierOf(first);
}

/** `ram:SpecifiedLegalOrganization`: BT-30/47/61 legal registration identifier and BT-28/45 trading name. */
function readLegalOrganization(reader: ElementReader, options: { tradingName: boolean }): { id?: Identifier; tradingName?: string } {
  const organization = reader.child('ram:SpecifiedLegalOrganization');
  if (!organization) return {};
  const id = identifierOf(organization.one('ram:ID'));
  const tradingName = options.tradingName ? organization.text('ram:TradingBusinessName') : undefined;
  organization.finish();
  return compact({ id, tradingName }) ?? {};
}

/**
 * BG-6 / BG-9 from `ram:DefinedTradeContact`. The contact point (BT-41/56) is `ram:PersonName`, or
 * `ram:DepartmentName` when there is no person (CII-SR-465/466 allow one of the two).
 */
function readContact(reader: ElementReader): Contact | undefined {
  const contact = reader.child('ram:DefinedTradeContact');
  if (!contact) return undefined;
  const person = contact.one('ram:PersonName');
  const department = contact.one('ram:DepartmentName');
  if (person && department) {
    contact.report(department, 'repeated-element', 'The contact point is given as ram:PersonName and ram:DepartmentName; the model keeps the person name');
  }
  const value = compact<Contact>({
    name: (person ?? department)?.text,
    telephone: nestedText(contact, 'ram:TelephoneUniversalCommunication', 'ram:CompleteNumber'),
    email: nestedText(contact, 'ram:EmailURIUniversalCommunication', 'ram:URIID'),
  });
  contact.finish();
  return value ?? {};
}

/** BT-34 / BT-49 electronic address from `ram:URIUniversalCommunication/ram:URIID@schemeID`. */
function readElectronicAddress(reader: ElementReader): Identifier | undefined {
  const communication = reader.child('ram:URIUniversalCommunication');
  if (!communication) return undefined;
  const address = identifierOf(communication.one('ram:URIID'));
  communication.finish();
  return address;
}

/** The `ram:SpecifiedTaxRegistration`s by scheme; schemes the role does not carry, and repeats, are reported. */
function readTaxRegistrations(reader: ElementReader, schemes: readonly TaxScheme[]): Partial<Record<TaxScheme, string>> {
  const found: Partial<Record<TaxScheme, string>> = {};
  for (const element of reader.all('ram:SpecifiedTaxRegistration')) {
    const registration = reader.over(element);
    const id = registration.one('ram:ID');
    registration.finish();
    if (!id) continue;
    const scheme = (id.attributes['schemeID'] ?? '').trim();
    if (!(schemes as readonly string[]).includes(scheme)) {
      reader.report(id, 'invalid-value', `A tax registration with scheme "${scheme}" has no place in EN 16931 here (expected ${schemes.join(' or ')}); it was not read`);
    } else if (found[scheme as TaxScheme] !== undefined) {
      reader.report(id, 'repeated-element', `A second tax registration with scheme ${scheme} was not read; the model keeps one`);
    } else {
      found[scheme as TaxScheme] = id.text;
    }
  }
  return found;
}

import type { Contact, PostalAddress } from '../../model/address.js';
import type { Buyer, Payee, Seller, SellerTaxRepresentative } from '../../model/party.js';
import { group, leaf, type XmlNode } from '../../xml/xml-write.js';
import { identifierLeaf, VAT_SCHEME } from './ubl-write-values.js';

/** BG-5 / BG-8 / BG-12 / BG-15 as a UBL address element. */
export function writeUblAddress(name: string, address: PostalAddress | undefined): XmlNode | undefined {
  if (!address) return undefined;
  return {
    name,
    children: [
      leaf('cbc:StreetName', address.line1),
      leaf('cbc:AdditionalStreetName', address.line2),
      leaf('cbc:CityName', address.city),
      leaf('cbc:PostalZone', address.postCode),
      leaf('cbc:CountrySubentity', address.countrySubdivision),
      group('cac:AddressLine', [leaf('cbc:Line', address.line3)]),
      group('cac:Country', [leaf('cbc:IdentificationCode', address.countryCode)]),
    ],
  };
}

function writeContact(contact: Contact | undefined): XmlNode | undefined {
  if (!contact) return undefined;
  return {
    name: 'cac:Contact',
    children: [leaf('cbc:Name', contact.name), leaf('cbc:Telephone', contact.telephone), leaf('cbc:ElectronicMail', contact.email)],
  };
}

function taxScheme(companyId: string | undefined, schemeId: string): XmlNode | undefined {
  if (companyId === undefined) return undefined;
  const scheme = schemeId === 'VAT' ? VAT_SCHEME : { name: 'cac:TaxScheme', children: [{ name: 'cbc:ID', text: schemeId }] };
  return { name: 'cac:PartyTaxScheme', children: [leaf('cbc:CompanyID', companyId), scheme] };
}

function partyName(name: string | undefined): XmlNode | undefined {
  return group('cac:PartyName', [leaf('cbc:Name', name)]);
}

function sepaIdentification(creditorId: string | undefined): XmlNode | undefined {
  return creditorId === undefined ? undefined : group('cac:PartyIdentification', [leaf('cbc:ID', creditorId, { schemeID: 'SEPA' })]);
}

/** `cac:AccountingSupplierParty` (BG-4); BT-90 is written as a SEPA party identifier when given. */
export function writeUblSeller(seller: Seller | undefined, sepaCreditorId: string | undefined): XmlNode | undefined {
  if (!seller && sepaCreditorId === undefined) return undefined;
  const s = seller ?? {};
  const party: XmlNode = {
    name: 'cac:Party',
    children: [
      identifierLeaf('cbc:EndpointID', s.electronicAddress),
      ...(s.identifiers ?? []).map((id) => group('cac:PartyIdentification', [identifierLeaf('cbc:ID', id)])),
      sepaIdentification(sepaCreditorId),
      partyName(s.tradingName),
      writeUblAddress('cac:PostalAddress', s.address),
      taxScheme(s.vatId, 'VAT'),
      // BT-32 is any tax registration other than VAT; "FC" (fiscal code) names it, as CII does.
      taxScheme(s.taxRegistrationId, 'FC'),
      group('cac:PartyLegalEntity', [
        leaf('cbc:RegistrationName', s.name),
        identifierLeaf('cbc:CompanyID', s.legalRegistrationId),
        leaf('cbc:CompanyLegalForm', s.additionalLegalInformation),
      ]),
      writeContact(s.contact),
    ],
  };
  return { name: 'cac:AccountingSupplierParty', children: [party] };
}

/** `cac:AccountingCustomerParty` (BG-7). */
export function writeUblBuyer(buyer: Buyer | undefined): XmlNode | undefined {
  if (!buyer) return undefined;
  const party: XmlNode = {
    name: 'cac:Party',
    children: [
      identifierLeaf('cbc:EndpointID', buyer.electronicAddress),
      group('cac:PartyIdentification', [identifierLeaf('cbc:ID', buyer.identifier)]),
      partyName(buyer.tradingName),
      writeUblAddress('cac:PostalAddress', buyer.address),
      taxScheme(buyer.vatId, 'VAT'),
      group('cac:PartyLegalEntity', [leaf('cbc:RegistrationName', buyer.name), identifierLeaf('cbc:CompanyID', buyer.legalRegistrationId)]),
      writeContact(buyer.contact),
    ],
  };
  return { name: 'cac:AccountingCustomerParty', children: [party] };
}

/** `cac:PayeeParty` (BG-10); BT-90 goes here, as a SEPA identifier, when there is a payee. */
export function writeUblPayee(payee: Payee | undefined, sepaCreditorId: string | undefined): XmlNode | undefined {
  if (!payee) return undefined;
  return {
    name: 'cac:PayeeParty',
    children: [
      group('cac:PartyIdentification', [identifierLeaf('cbc:ID', payee.identifier)]),
      sepaIdentification(sepaCreditorId),
      partyName(payee.name),
      group('cac:PartyLegalEntity', [identifierLeaf('cbc:CompanyID', payee.legalRegistrationId)]),
    ],
  };
}

/** `cac:TaxRepresentativeParty` (BG-11). */
export function writeUblTaxRepresentative(representative: SellerTaxRepresentative | undefined): XmlNode | undefined {
  if (!representative) return undefined;
  return {
    name: 'cac:TaxRepresentativeParty',
    children: [partyName(representative.name), writeUblAddress('cac:PostalAddress', representative.address), taxScheme(representative.vatId, 'VAT')],
  };
}

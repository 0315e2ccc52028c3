import type { Contact, PostalAddress } from '../../model/address.js';
import type { Delivery } from '../../model/delivery.js';
import type { Buyer, Payee, Seller, SellerTaxRepresentative } from '../../model/party.js';
import type { Identifier } from '../../model/primitives.js';
import { group, leaf, type XmlNode } from '../../xml/xml-write.js';
import { element, identifierLeaf } from './cii-write-values.js';

/** The parts of a `ram:TradePartyType` EN 16931 uses; each role fills its own subset. */
type TradeParty = {
  identifiers?: readonly Identifier[];
  name?: string;
  description?: string;
  legalId?: Identifier;
  tradingName?: string;
  contact?: Contact;
  address?: PostalAddress;
  electronicAddress?: Identifier;
  vatId?: string;
  taxRegistrationId?: string;
};

/** BG-4 as `ram:SellerTradeParty`. */
export function sellerNode(seller: Seller): XmlNode {
  return tradePartyNode('ram:SellerTradeParty', {
    identifiers: seller.identifiers,
    name: seller.name,
    description: seller.additionalLegalInformation,
    legalId: seller.legalRegistrationId,
    tradingName: seller.tradingName,
    contact: seller.contact,
    address: seller.address,
    electronicAddress: seller.electronicAddress,
    vatId: seller.vatId,
    taxRegistrationId: seller.taxRegistrationId,
  });
}

/** BG-7 as `ram:BuyerTradeParty`. */
export function buyerNode(buyer: Buyer): XmlNode {
  return tradePartyNode('ram:BuyerTradeParty', {
    identifiers: buyer.identifier ? [buyer.identifier] : undefined,
    name: buyer.name,
    legalId: buyer.legalRegistrationId,
    tradingName: buyer.tradingName,
    contact: buyer.contact,
    address: buyer.address,
    electronicAddress: buyer.electronicAddress,
    vatId: buyer.vatId,
  });
}

/** BG-10 as `ram:PayeeTradeParty`. */
export function payeeNode(payee: Payee): XmlNode {
  return tradePartyNode('ram:PayeeTradeParty', {
    identifiers: payee.identifier ? [payee.identifier] : undefined,
    name: payee.name,
    legalId: payee.legalRegistrationId,
  });
}

/** BG-11 as `ram:SellerTaxRepresentativeTradeParty`. */
export function taxRepresentativeNode(representative: SellerTaxRepresentative): XmlNode {
  return tradePartyNode('ram:SellerTaxRepresentativeTradeParty', {
    name: representative.name,
    address: representative.address,
    vatId: representative.vatId,
  });
}

/** The ship-to party of BG-13 (BT-71, BT-70, BG-15), or nothing when the delivery names no place. */
export function shipToNode(delivery: Delivery | undefined): XmlNode | undefined {
  if (!delivery || (delivery.locationId === undefined && delivery.partyName === undefined && delivery.address === undefined)) return undefined;
  return tradePartyNode('ram:ShipToTradeParty', {
    identifiers: delivery.locationId ? [delivery.locationId] : undefined,
    name: delivery.partyName,
    address: delivery.address,
  });
}

/**
 * A trade party in XSD order: ID*, GlobalID*, Name, Description, SpecifiedLegalOrganization,
 * DefinedTradeContact, PostalTradeAddress, URIUniversalCommunication, SpecifiedTaxRegistration*.
 * EN 16931 puts an identifier without scheme in `ram:ID` and one with a scheme in `ram:GlobalID`.
 */
function tradePartyNode(name: string, party: TradeParty): XmlNode {
  const identifiers = party.identifiers ?? [];
  return element(name, [
    ...identifiers.filter((identifier) => identifier.schemeId === undefined).map((identifier) => leaf('ram:ID', identifier.id)),
    ...identifiers.filter((identifier) => identifier.schemeId !== undefined).map((identifier) => identifierLeaf('ram:GlobalID', identifier)),
    leaf('ram:Name', party.name),
    leaf('ram:Description', party.description),
    group('ram:SpecifiedLegalOrganization', [identifierLeaf('ram:ID', party.legalId), leaf('ram:TradingBusinessName', party.tradingName)]),
    party.contact ? contactNode(party.contact) : undefined,
    party.address ? addressNode(party.address) : undefined,
    party.electronicAddress ? element('ram:URIUniversalCommunication', [identifierLeaf('ram:URIID', party.electronicAddress)]) : undefined,
    taxRegistrationNode('VA', party.vatId),
    taxRegistrationNode('FC', party.taxRegistrationId),
  ]);
}

/** BG-6 / BG-9 as `ram:DefinedTradeContact`; the contact point goes to `ram:PersonName`. */
function contactNode(contact: Contact): XmlNode {
  return element('ram:DefinedTradeContact', [
    leaf('ram:PersonName', contact.name),
    group('ram:TelephoneUniversalCommunication', [leaf('ram:CompleteNumber', contact.telephone)]),
    group('ram:EmailURIUniversalCommunication', [leaf('ram:URIID', contact.email)]),
  ]);
}

/** A postal address as `ram:PostalTradeAddress`, children in XSD order. */
function addressNode(address: PostalAddress): XmlNode {
  return element('ram:PostalTradeAddress', [
    leaf('ram:PostcodeCode', address.postCode),
    leaf('ram:LineOne', address.line1),
    leaf('ram:LineTwo', address.line2),
    leaf('ram:LineThree', address.line3),
    leaf('ram:CityName', address.city),
    leaf('ram:CountryID', address.countryCode),
    leaf('ram:CountrySubDivisionName', address.countrySubdivision),
  ]);
}

function taxRegistrationNode(scheme: 'VA' | 'FC', id: string | undefined): XmlNode | undefined {
  return id === undefined ? undefined : element('ram:SpecifiedTaxRegistration', [leaf('ram:ID', id, { schemeID: scheme })]);
}

import type { XmlElement } from '../../../xml/xml-element.js';
import { flagIs, normalizeSpace, text } from '../../xpath.js';
import {
  absent,
  absoluteContext,
  anywhereContext,
  atMostOnce,
  beneath,
  custom,
  exactlyOnce,
  exists,
  group,
  LINE,
  matchingContext,
  type SyntaxGroup,
} from './cii-syntax-table.js';

/**
 * CII syntax rules on the trade parts of an invoice line: its agreement (prices BT-146..BT-148), delivery
 * and settlement (line VAT BG-30, line allowances and charges BG-27/BG-28), and on allowances and charges
 * wherever they appear.
 */

const PRICE_ALLOWANCE = 'ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge';
const hasPriceAllowanceIndicator = exists(`${PRICE_ALLOWANCE}/ram:ChargeIndicator`);
const hasPriceAllowanceAmount = exists(`${PRICE_ALLOWANCE}/ram:ActualAmount`);

/**
 * CII-SR-119: `(GA/ChargeIndicator[udt:Indicator = false()] and GA/ActualAmount) or (not(GA/ChargeIndicator)
 * and not(GA/ActualAmount))`, GA being the gross price's allowances. `udt:Indicator = false()` casts the
 * text to xs:boolean ('false' or '0', blanks trimmed); a value that is not a boolean never equals false().
 */
function priceAllowanceIsDiscount(agreement: XmlElement): boolean {
  if (flagIs(agreement, `${PRICE_ALLOWANCE}/ram:ChargeIndicator/udt:Indicator`, false) && hasPriceAllowanceAmount(agreement)) return true;
  return !hasPriceAllowanceIndicator(agreement) && !hasPriceAllowanceAmount(agreement);
}

/** `.../ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeAgreement`. */
export const LINE_AGREEMENT: SyntaxGroup = group(
  absoluteContext('line-agreement', `${LINE}/ram:SpecifiedLineTradeAgreement`),
  "the line's ram:SpecifiedLineTradeAgreement",
  [
    absent('warning', [
      ['CII-SR-104', 'ram:BuyerReference'],
      ['CII-SR-105', 'ram:BuyerRequisitionerTradeParty'],
      ['CII-SR-106', 'ram:ApplicableTradeDeliveryTerms'],
      ['CII-SR-107', 'ram:SellerOrderReferencedDocument'],
      ['CII-SR-108', 'ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID'],
      ['CII-SR-109', 'ram:QuotationReferencedDocument'],
      ['CII-SR-110', 'ram:ContractReferencedDocument'],
      ['CII-SR-111', 'ram:DemandForecastReferencedDocument'],
      ['CII-SR-112', 'ram:PromotionalDealReferencedDocument'],
      ['CII-SR-113', 'ram:AdditionalReferencedDocument'],
      ...beneath('ram:GrossPriceProductTradePrice', [
        ['CII-SR-114', 'ram:TypeCode'],
        ['CII-SR-115', 'ram:MinimumQuantity'],
        ['CII-SR-116', 'ram:MaximumQuantity'],
        ['CII-SR-117', 'ram:ChangeReason'],
        ['CII-SR-118', 'ram:OrderUnitConversionFactorNumeric'],
      ]),
    ]),
    exactlyOnce('CII-SR-439', 'fatal', 'ram:NetPriceProductTradePrice/ram:ChargeAmount', ['BT-146']),
    custom(
      'CII-SR-119',
      'warning',
      ['BT-147', 'BT-148'],
      priceAllowanceIsDiscount,
      'Only a discount may be applied to the Item gross price (BT-148): its ram:AppliedTradeAllowanceCharge needs ram:ChargeIndicator false and the Item price discount (BT-147) in ram:ActualAmount; a price charge is not allowed.',
    ),
    absent('warning', [
      ...beneath('ram:GrossPriceProductTradePrice', [
        ...beneath('ram:AppliedTradeAllowanceCharge', [
          ['CII-SR-120', 'ram:ID'],
          ['CII-SR-121', 'ram:SequenceNumeric'],
          ['CII-SR-122', 'ram:CalculationPercent'],
          ['CII-SR-123', 'ram:BasisAmount'],
          ['CII-SR-124', 'ram:BasisQuantity'],
          ['CII-SR-125', 'ram:PrepaidIndicator'],
          ['CII-SR-126', 'ram:UnitBasisAmount'],
          ['CII-SR-127', 'ram:ReasonCode'],
          ['CII-SR-128', 'ram:Reason'],
          ['CII-SR-129', 'ram:TypeCode'],
          ['CII-SR-130', 'ram:CategoryTradeTax'],
          ['CII-SR-131', 'ram:ActualTradeCurrencyExchange'],
        ]),
        ['CII-SR-445', 'ram:IncludedTradeTax'],
        ['CII-SR-132', 'ram:ValiditySpecifiedPeriod'],
        ['CII-SR-133', 'ram:DeliveryTradeLocation'],
        ['CII-SR-134', 'ram:TradeComparisonReferencePrice'],
        ['CII-SR-135', 'ram:AssociatedReferencedDocument'],
      ]),
      ...beneath('ram:NetPriceProductTradePrice', [
        ['CII-SR-136', 'ram:TypeCode'],
        ['CII-SR-138', 'ram:MinimumQuantity'],
        ['CII-SR-139', 'ram:MaximumQuantity'],
        ['CII-SR-140', 'ram:ChangeReason'],
        ['CII-SR-141', 'ram:OrderUnitConversionFactorNumeric'],
        ['CII-SR-142', 'ram:AppliedTradeAllowanceCharge'],
        ['CII-SR-446', 'ram:IncludedTradeTax'],
        ['CII-SR-143', 'ram:ValiditySpecifiedPeriod'],
        ['CII-SR-144', 'ram:DeliveryTradeLocation'],
        ['CII-SR-145', 'ram:TradeComparisonReferencePrice'],
        ['CII-SR-146', 'ram:AssociatedReferencedDocument'],
      ]),
    ]),
    atMostOnce('CII-SR-441', 'fatal', 'ram:NetPriceProductTradePrice/ram:ChargeAmount', ['BT-146']),
    absent('warning', [
      ['CII-SR-147', 'ram:RequisitionerReferencedDocument'],
      ['CII-SR-148', 'ram:ItemSellerTradeParty'],
      ['CII-SR-149', 'ram:ItemBuyerTradeParty'],
      ['CII-SR-150', 'ram:IncludedSpecifiedMarketplace'],
      ['CII-SR-447', 'ram:UltimateCustomerOrderReferencedDocument'],
    ]),
  ],
);

/** `//ram:SpecifiedTradeAllowanceCharge`: document and line allowances and charges. */
export const ALLOWANCE_CHARGE: SyntaxGroup = group(
  anywhereContext('allowance-charge', 'ram:SpecifiedTradeAllowanceCharge'),
  'an allowance or charge (ram:SpecifiedTradeAllowanceCharge)',
  [
    custom(
      'CII-SR-463',
      'fatal',
      ['BG-20', 'BG-21', 'BG-27', 'BG-28'],
      exists('ram:ChargeIndicator'),
      'Every allowance or charge (BG-20, BG-21, BG-27, BG-28) must state which one it is in ram:ChargeIndicator (false for an allowance, true for a charge).',
    ),
    atMostOnce('CII-SR-471', 'fatal', 'ram:RateApplicablePercent'),
    atMostOnce('CII-SR-472', 'fatal', 'ram:CategoryTradeTax'),
    atMostOnce('CII-SR-473', 'fatal', 'ram:ActualAmount', ['BT-92', 'BT-99', 'BT-136', 'BT-141']),
  ],
);

/** `//ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge`: the discount on an item price. */
export const PRICE_DISCOUNT: SyntaxGroup = group(
  matchingContext('price-discount', ['ram:AppliedTradeAllowanceCharge'], (element) => element.parent?.name === 'ram:GrossPriceProductTradePrice'),
  'a gross price discount (ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge)',
  [
    atMostOnce('CII-SR-440', 'fatal', 'ram:ActualAmount', ['BT-147']),
  ],
);

/** `.../ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeDelivery`. */
export const LINE_DELIVERY: SyntaxGroup = group(
  absoluteContext('line-delivery', `${LINE}/ram:SpecifiedLineTradeDelivery`),
  "the line's ram:SpecifiedLineTradeDelivery",
  [
    absent('warning', [
      ['CII-SR-151', 'ram:RequestedQuantity'],
      ['CII-SR-152', 'ram:ReceivedQuantity'],
      ['CII-SR-153', 'ram:ChargeFreeQuantity'],
      ['CII-SR-154', 'ram:PackageQuantity'],
      ['CII-SR-155', 'ram:ProductUnitQuantity'],
      ['CII-SR-156', 'ram:PerPackageUnitQuantity'],
      ['CII-SR-157', 'ram:NetWeightMeasure'],
      ['CII-SR-158', 'ram:GrossWeightMeasure'],
      ['CII-SR-159', 'ram:TheoreticalWeightMeasure'],
      ['CII-SR-160', 'ram:DespatchedQuantity'],
      ['CII-SR-161', 'ram:SpecifiedDeliveryAdjustment'],
      ['CII-SR-162', 'ram:IncludedSupplyChainPackaging'],
      ['CII-SR-163', 'ram:RelatedSupplyChainConsignment'],
      ['CII-SR-164', 'ram:ShipToTradeParty'],
      ['CII-SR-165', 'ram:UltimateShipToTradeParty'],
      ['CII-SR-166', 'ram:ShipFromTradeParty'],
      ['CII-SR-167', 'ram:ActualDespatchSupplyChainEvent'],
      ['CII-SR-168', 'ram:ActualPickUpSupplyChainEvent'],
      ['CII-SR-169', 'ram:RequestedDeliverySupplyChainEvent'],
      ['CII-SR-170', 'ram:ActualDeliverySupplyChainEvent'],
      ['CII-SR-171', 'ram:ActualReceiptSupplyChainEvent'],
      ['CII-SR-172', 'ram:AdditionalReferencedDocument'],
      ['CII-SR-173', 'ram:DespatchAdviceReferencedDocument'],
      ['CII-SR-174', 'ram:ReceivingAdviceReferencedDocument'],
      ['CII-SR-175', 'ram:DeliveryNoteReferencedDocument'],
      ['CII-SR-176', 'ram:ConsumptionReportReferencedDocument'],
      ['CII-SR-177', 'ram:PackingListReferencedDocument'],
    ]),
  ],
);

/**
 * CII-SR-474: `count(ram:AdditionalReferencedDocument[normalize-space(ram:TypeCode) = '130']) <= 1`; the
 * predicate reads the first ram:TypeCode of each document.
 */
function atMostOneLineObjectReference(settlement: XmlElement): boolean {
  let found = 0;
  for (const child of settlement.children) {
    if (child.name === 'ram:AdditionalReferencedDocument' && normalizeSpace(text(child, 'ram:TypeCode')) === '130') found++;
  }
  return found <= 1;
}

/** `.../ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeSettlement`. */
export const LINE_SETTLEMENT: SyntaxGroup = group(
  absoluteContext('line-settlement', `${LINE}/ram:SpecifiedLineTradeSettlement`),
  "the line's ram:SpecifiedLineTradeSettlement",
  [
    absent('warning', [
      ['CII-SR-178', 'ram:PaymentReference'],
      ['CII-SR-179', 'ram:InvoiceIssuerReference'],
      ['CII-SR-180', 'ram:TotalAdjustmentAmount'],
      ['CII-SR-181', 'ram:DiscountIndicator'],
      ['CII-SR-182', 'ram:ApplicableTradeTax/ram:CalculatedAmount'],
      ...beneath('ram:SpecifiedTradeAllowanceCharge', [
        ['CII-SR-183', 'ram:ChargeIndicator/udt:IndicatorString'],
        ['CII-SR-184', 'ram:ID'],
        ['CII-SR-185', 'ram:SequenceNumeric'],
        ['CII-SR-186', 'ram:CalculationPercent/@format'],
        ['CII-SR-187', 'ram:BasisQuantity'],
        ['CII-SR-188', 'ram:PrepaidIndicator'],
        ['CII-SR-189', 'ram:UnitBasisAmount'],
        ['CII-SR-190', 'ram:TypeCode'],
        ['CII-SR-191', 'ram:CategoryTradeTax'],
        ['CII-SR-192', 'ram:ActualTradeCurrencyExchange'],
        ['CII-SR-193', 'ram:ID'],
      ]),
      ['CII-SR-194', 'ram:SubtotalCalculatedTradeTax'],
      ['CII-SR-195', 'ram:SpecifiedLogisticsServiceCharge'],
      ['CII-SR-196', 'ram:SpecifiedTradePaymentTerms'],
      ...beneath('ram:SpecifiedTradeSettlementLineMonetarySummation', [
        ['CII-SR-197', 'ram:ChargeTotalAmount'],
        ['CII-SR-198', 'ram:AllowanceTotalAmount'],
        ['CII-SR-199', 'ram:TaxBasisTotalAmount'],
        ['CII-SR-200', 'ram:TaxTotalAmount'],
        ['CII-SR-201', 'ram:GrandTotalAmount'],
        ['CII-SR-202', 'ram:InformationAmount'],
        ['CII-SR-203', 'ram:TotalAllowanceChargeAmount'],
        ['CII-SR-204', 'ram:TotalRetailValueInformationAmount'],
        ['CII-SR-205', 'ram:GrossLineTotalAmount'],
        ['CII-SR-206', 'ram:NetLineTotalAmount'],
        ['CII-SR-207', 'ram:NetIncludingTaxesLineTotalAmount'],
        ['CII-SR-208', 'ram:ProductWeightLossInformationAmount'],
      ]),
      ['CII-SR-209', 'ram:SpecifiedFinancialAdjustment'],
      ['CII-SR-210', 'ram:InvoiceReferencedDocument'],
      ['CII-SR-212', 'ram:PayableSpecifiedTradeAccountingAccount'],
      ...beneath('ram:ReceivableSpecifiedTradeAccountingAccount', [
        ['CII-SR-213', 'ram:SetTriggerCode'],
        ['CII-SR-214', 'ram:TypeCode'],
        ['CII-SR-215', 'ram:AmountTypeCode'],
        ['CII-SR-216', 'ram:Name'],
        ['CII-SR-217', 'ram:CostReferenceDimensionPattern'],
      ]),
      ['CII-SR-218', 'ram:PurchaseSpecifiedTradeAccountingAccount'],
      ['CII-SR-219', 'ram:SalesSpecifiedTradeAccountingAccount'],
      ['CII-SR-220', 'ram:SpecifiedTradeSettlementFinancialCard'],
    ]),
    exactlyOnce('CII-SR-454', 'warning', 'ram:ApplicableTradeTax', ['BG-30']),
    custom(
      'CII-SR-474',
      'warning',
      ['BT-128'],
      atMostOneLineObjectReference,
      'An invoice line may carry only one Invoice line object identifier (BT-128, ram:AdditionalReferencedDocument with ram:TypeCode 130); keep a single one.',
    ),
  ],
);

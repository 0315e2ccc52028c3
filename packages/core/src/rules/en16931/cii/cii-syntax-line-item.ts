import {
  absent,
  absoluteContext,
  atMostOnce,
  beneath,
  counter,
  custom,
  exactlyOnce,
  exists,
  group,
  LINE,
  type SyntaxGroup,
} from './cii-syntax-table.js';

/**
 * CII syntax rules on an invoice line (BG-25) itself, its line document (BT-126, BT-127) and its item
 * (BG-31, BG-32).
 */

/** `.../ram:IncludedSupplyChainTradeLineItem`. */
export const LINE_ITEM: SyntaxGroup = group(absoluteContext('line', LINE), 'an invoice line (ram:IncludedSupplyChainTradeLineItem)', [
  absent('warning', [
    ['CII-SR-035', 'ram:DescriptionCode'],
    ['CII-SR-036', 'ram:ParentLineID'],
    ['CII-SR-037', 'ram:LineStatusCode'],
    ['CII-SR-038', 'ram:LineStatusReasonCode'],
    ['CII-SR-221', 'ram:IncludedSubordinateTradeLineItem'],
  ]),
]);

/** `.../ram:IncludedSupplyChainTradeLineItem/ram:AssociatedDocumentLineDocument`. */
export const LINE_DOCUMENT: SyntaxGroup = group(
  absoluteContext('line-document', `${LINE}/ram:AssociatedDocumentLineDocument`),
  "the line's ram:AssociatedDocumentLineDocument",
  [
    atMostOnce('CII-SR-039', 'warning', 'ram:IncludedNote', ['BT-127']),
    atMostOnce('CII-SR-040', 'warning', 'ram:IncludedNote/ram:Content', ['BT-127']),
    absent('warning', [
      ...beneath('ram:IncludedNote', [
        ['CII-SR-041', 'ram:SubjectCode'],
        ['CII-SR-042', 'ram:ID'],
        ['CII-SR-043', 'ram:Subject'],
        ['CII-SR-044', 'ram:ContentCode'],
      ]),
    ]),
  ],
);

const hasGlobalId = exists('ram:GlobalID');
const hasGlobalIdScheme = exists('ram:GlobalID/@schemeID');
const hasOriginCountry = exists('ram:OriginTradeCountry');
const countOriginCountryIds = counter('ram:OriginTradeCountry/ram:ID');

/** `.../ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedTradeProduct`. */
export const LINE_PRODUCT: SyntaxGroup = group(
  absoluteContext('line-product', `${LINE}/ram:SpecifiedTradeProduct`),
  "the line's item (ram:SpecifiedTradeProduct)",
  [
    absent('warning', [['CII-SR-045', 'ram:ID']]),
    custom(
      'CII-SR-046',
      'fatal',
      ['BT-157', 'BT-157-1'],
      // `not(ram:GlobalID) or (ram:GlobalID/@schemeID)`: existential, one GlobalID with a scheme suffices.
      (element) => !hasGlobalId(element) || hasGlobalIdScheme(element),
      'An Item standard identifier (BT-157, ram:SpecifiedTradeProduct/ram:GlobalID) needs its scheme identifier (BT-157-1); add the schemeID attribute.',
    ),
    absent('warning', [
      ['CII-SR-048', 'ram:ManufacturerAssignedID'],
      ['CII-SR-049', 'ram:TradeName'],
      ['CII-SR-050', 'ram:TypeCode'],
      ['CII-SR-051', 'ram:NetWeightMeasure'],
      ['CII-SR-052', 'ram:GrossWeightMeasure'],
      ['CII-SR-053', 'ram:ProductGroupID'],
      ['CII-SR-054', 'ram:EndItemTypeCode'],
      ['CII-SR-055', 'ram:EndItemName'],
      ['CII-SR-056', 'ram:AreaDensityMeasure'],
      ['CII-SR-057', 'ram:UseDescription'],
      ['CII-SR-058', 'ram:BrandName'],
      ['CII-SR-059', 'ram:SubBrandName'],
      ['CII-SR-060', 'ram:DrainedNetWeightMeasure'],
      ['CII-SR-061', 'ram:VariableMeasureIndicator'],
      ['CII-SR-062', 'ram:ColourCode'],
      ['CII-SR-063', 'ram:ColourDescription'],
      ['CII-SR-064', 'ram:Designation'],
      ['CII-SR-065', 'ram:FormattedCancellationAnnouncedLaunchDateTime'],
      ['CII-SR-066', 'ram:FormattedLatestProductDataChangeDateTime'],
      ...beneath('ram:ApplicableProductCharacteristic', [
        ['CII-SR-067', 'ram:ID'],
        ['CII-SR-068', 'ram:TypeCode'],
        ['CII-SR-070', 'ram:ValueMeasure'],
        ['CII-SR-071', 'ram:MeasurementMethodCode'],
        ['CII-SR-073', 'ram:ValueCode'],
        ['CII-SR-074', 'ram:ValueDateTime'],
        ['CII-SR-075', 'ram:ValueIndicator'],
        ['CII-SR-076', 'ram:ContentTypeCode'],
        ['CII-SR-077', 'ram:ValueSpecifiedBinaryFile'],
        ['CII-SR-078', 'ram:ApplicableProductCharacteristicCondition'],
        ['CII-SR-079', 'ram:ApplicableReferencedStandard'],
      ]),
      ['CII-SR-080', 'ram:ApplicableMaterialGoodsCharacteristic'],
      ...beneath('ram:DesignatedProductClassification', [
        ['CII-SR-081', 'ram:SystemID'],
        ['CII-SR-082', 'ram:SystemName'],
        ['CII-SR-083', 'ram:ClassName'],
        ['CII-SR-084', 'ram:SubClassCode'],
        ['CII-SR-085', 'ram:ClassProductCharacteristic'],
        ['CII-SR-086', 'ram:ApplicableReferencedStandard'],
      ]),
      ['CII-SR-087', 'ram:IndividualTradeProductInstance'],
      ['CII-SR-088', 'ram:CertificationEvidenceReferenceReferencedDocument'],
      ['CII-SR-089', 'ram:InspectionReferenceReferencedDocument'],
    ]),
    custom(
      'CII-SR-090',
      'fatal',
      ['BT-159'],
      (element) => !hasOriginCountry(element) || countOriginCountryIds(element) === 1,
      'When the item has a ram:OriginTradeCountry, it must hold exactly one ram:ID, the Item country of origin (BT-159).',
    ),
    absent('warning', [
      ['CII-SR-091', 'ram:OriginTradeCountry/ram:Name'],
      ['CII-SR-092', 'ram:OriginTradeCountry/ram:SubordinateTradeCountrySubDivision'],
      ['CII-SR-093', 'ram:LinearSpatialDimension'],
      ['CII-SR-094', 'ram:MinimumLinearSpatialDimension'],
      ['CII-SR-095', 'ram:MaximumLinearSpatialDimension'],
      ['CII-SR-096', 'ram:ManufacturerTradeParty'],
      ['CII-SR-097', 'ram:PresentationSpecifiedBinaryFile'],
      ['CII-SR-098', 'ram:MSDSReferenceReferencedDocument'],
      ['CII-SR-099', 'ram:AdditionalReferenceReferencedDocument'],
      ['CII-SR-100', 'ram:LegalRightsOwnerTradeParty'],
      ['CII-SR-101', 'ram:BrandOwnerTradeParty'],
      ['CII-SR-102', 'ram:IncludedReferencedProduct'],
      ['CII-SR-103', 'ram:InformationNote'],
    ]),
  ],
);

/** `.../ram:SpecifiedTradeProduct/ram:ApplicableProductCharacteristic`. */
export const LINE_PRODUCT_CHARACTERISTIC: SyntaxGroup = group(
  absoluteContext('line-product-characteristic', `${LINE}/ram:SpecifiedTradeProduct/ram:ApplicableProductCharacteristic`),
  'an item attribute (ram:ApplicableProductCharacteristic, BG-32)',
  [exactlyOnce('CII-SR-069', 'fatal', 'ram:Description', ['BT-160']), exactlyOnce('CII-SR-072', 'fatal', 'ram:Value', ['BT-161'])],
);

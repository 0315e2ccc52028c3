import type { Item, ItemAttribute, ItemClassification } from '../../model/invoice-line.js';
import type { ElementReader } from '../element-reader.js';
import { compact, identifierOf, nestedText, nonEmpty } from './cii-read-values.js';

/** BG-31 from a line's `ram:SpecifiedTradeProduct`. */
export function parseCiiItem(reader: ElementReader): Item {
  const item = compact<Item>({
    standardId: identifierOf(reader.one('ram:GlobalID')),
    sellerId: reader.text('ram:SellerAssignedID'),
    buyerId: reader.text('ram:BuyerAssignedID'),
    name: reader.text('ram:Name'),
    description: reader.text('ram:Description'),
    attributes: nonEmpty(reader.all('ram:ApplicableProductCharacteristic').map((element) => parseAttribute(reader.over(element)))),
    classifications: nonEmpty(readClassifications(reader)),
    originCountryCode: nestedText(reader, 'ram:OriginTradeCountry', 'ram:ID'),
  });
  reader.finish();
  return item ?? {};
}

/** BG-32 from `ram:ApplicableProductCharacteristic` (BT-160 `ram:Description`, BT-161 `ram:Value`). */
function parseAttribute(reader: ElementReader): ItemAttribute {
  const attribute = compact<ItemAttribute>({ name: reader.text('ram:Description'), value: reader.text('ram:Value') });
  reader.finish();
  return attribute ?? {};
}

/** BT-158 from `ram:DesignatedProductClassification/ram:ClassCode` with `listID` (BT-158-1) and `listVersionID` (BT-158-2). */
function readClassifications(root: ElementReader): ItemClassification[] {
  const classifications: ItemClassification[] = [];
  for (const element of root.all('ram:DesignatedProductClassification')) {
    const reader = root.over(element);
    const code = reader.one('ram:ClassCode');
    reader.finish();
    if (!code) {
      if (element.children.length === 0) root.report(element, 'invalid-value', 'A product classification without ram:ClassCode has no identifier (BT-158); it was not read');
      continue;
    }
    const classification: ItemClassification = { id: code.text };
    const schemeId = code.attributes['listID'];
    const schemeVersionId = code.attributes['listVersionID'];
    if (schemeId !== undefined) classification.schemeId = schemeId;
    if (schemeVersionId !== undefined) classification.schemeVersionId = schemeVersionId;
    classifications.push(classification);
  }
  return classifications;
}

import type { XmlElement } from '../../../xml/xml-element.js';
import type { RuleContext } from '../../binding.js';
import { flagIs, stringValue } from '../../xpath.js';
import type { CiiVatFamily } from './cii-vat-families.js';
import { hasCategoryCode, typeIsVat } from './cii-vat-query.js';

/**
 * The CII contexts of one VAT category family, in the official order: the VAT breakdown (`VATS`), and
 * lines (`VATS_Line`), document level allowances (`VATS_Allowance`) and charges (`VATS_Charge`).
 */

const HEADER = 'ram:ApplicableHeaderTradeSettlement';
const TRANSACTION = 'rsm:SupplyChainTradeTransaction';

/** `[ram:CategoryCode = code][upper-case(ram:TypeCode) = 'VAT']` */
function isVatTax(tax: XmlElement, code: string): boolean {
  return hasCategoryCode(tax, code) && typeIsVat(tax);
}

/** The VAT breakdown context, whose element is the category code or the trade tax (see `breakdownContext`). */
function breakdownContext(f: CiiVatFamily): RuleContext {
  const { code, context: name } = f.family;
  switch (f.breakdownContext) {
    case 'codeInVat':
      // //rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode[. = code][upper-case(../ram:TypeCode) = 'VAT']
      return {
        name, pattern: 'model', elements: ['ram:CategoryCode'],
        matches: (element) => {
          const tax = element.parent;
          const settlement = tax?.parent;
          return stringValue(element) === code && tax?.name === 'ram:ApplicableTradeTax' && settlement?.name === HEADER &&
            settlement.parent?.name === TRANSACTION && typeIsVat(tax);
        },
      };
    case 'code':
      // //ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode[. = code]
      return {
        name, pattern: 'model', elements: ['ram:CategoryCode'],
        matches: (element) =>
          stringValue(element) === code && element.parent?.name === 'ram:ApplicableTradeTax' && element.parent.parent?.name === HEADER,
      };
    case 'taxInVat':
      // //rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax[ram:CategoryCode = code][upper-case(ram:TypeCode) = 'VAT']
      return {
        name, pattern: 'model', elements: ['ram:ApplicableTradeTax'],
        matches: (element) => element.parent?.name === HEADER && element.parent.parent?.name === TRANSACTION && isVatTax(element, code),
      };
  }
}

/** The four contexts of a family, in the official order. */
export function ciiVatContexts(f: CiiVatFamily): RuleContext[] {
  const { code, context } = f.family;
  // //ram:SpecifiedTradeAllowanceCharge[ram:ChargeIndicator/udt:Indicator = false()]/ram:CategoryTradeTax[…], at any depth
  const allowanceCharge = (name: string, charge: boolean): RuleContext => ({
    name, pattern: 'model', elements: ['ram:CategoryTradeTax'],
    matches: (element) => element.parent?.name === 'ram:SpecifiedTradeAllowanceCharge' &&
      flagIs(element.parent, 'ram:ChargeIndicator/udt:Indicator', charge) && isVatTax(element, code),
  });
  // //rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax[…]
  const line: RuleContext = {
    name: `${context}_Line`, pattern: 'model', elements: ['ram:ApplicableTradeTax'],
    matches: (element) => {
      const settlement = element.parent;
      const item = settlement?.parent;
      return settlement?.name === 'ram:SpecifiedLineTradeSettlement' && item?.name === 'ram:IncludedSupplyChainTradeLineItem' &&
        item.parent?.name === TRANSACTION && isVatTax(element, code);
    },
  };
  const allowance = allowanceCharge(`${context}_Allowance`, false);
  const charge = allowanceCharge(`${context}_Charge`, true);
  return f.order === 'lineAllowanceCharge'
    ? [breakdownContext(f), line, allowance, charge]
    : [breakdownContext(f), allowance, charge, line];
}

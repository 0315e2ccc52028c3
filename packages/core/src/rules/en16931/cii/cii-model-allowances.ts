import type { XmlElement } from '../../../xml/xml-element.js';
import { fatal, type Assertion } from '../../binding.js';
import { at, decimalsAtMost, has } from '../../xpath.js';
import { isVatType } from './cii-model-query.js';

/**
 * The CII model rules on allowances and charges, document level (BG-20, BG-21) and line level (BG-27,
 * BG-28). Their contexts are the `ram:ChargeIndicator` element, so every test looks at its parent, the
 * `ram:SpecifiedTradeAllowanceCharge`.
 */

/** `../ram:Reason or ../ram:ReasonCode`. */
function hasReason(indicator: XmlElement): boolean {
  return has(indicator.parent, 'ram:Reason') || has(indicator.parent, 'ram:ReasonCode');
}

/** `../ram:CategoryTradeTax[upper-case(ram:TypeCode) = 'VAT']/ram:CategoryCode`. */
function hasVatCategory(indicator: XmlElement): boolean {
  return at(indicator.parent, 'ram:CategoryTradeTax').some((tax) => isVatType(tax) && has(tax, 'ram:CategoryCode'));
}

/** `string-length(substring-after(../ram:<amount>, '.')) <= 2`. */
function twoDecimals(amount: string): Assertion['test'] {
  return (indicator) => decimalsAtMost(indicator.parent, amount, 2);
}

/** `../ram:ActualAmount`. */
function hasAmount(indicator: XmlElement): boolean {
  return has(indicator.parent, 'ram:ActualAmount');
}

const always = (): boolean => true;

/** The assertions of the four allowance and charge contexts. */
export const CII_MODEL_ALLOWANCE_ASSERTIONS: readonly Assertion[] = [
  fatal('BR-31', 'Document_level_allowances', hasAmount),
  fatal('BR-32', 'Document_level_allowances', hasVatCategory),
  fatal('BR-33', 'Document_level_allowances', hasReason),
  // BR-CO-05 to BR-CO-08 (reason and reason code agree) are not machine-checked in the official rules: true().
  fatal('BR-CO-05', 'Document_level_allowances', always),
  fatal('BR-CO-21', 'Document_level_allowances', hasReason),
  fatal('BR-DEC-01', 'Document_level_allowances', twoDecimals('ram:ActualAmount')),
  fatal('BR-DEC-02', 'Document_level_allowances', twoDecimals('ram:BasisAmount')),

  fatal('BR-36', 'Document_level_charges', hasAmount),
  fatal('BR-37', 'Document_level_charges', hasVatCategory),
  fatal('BR-38', 'Document_level_charges', hasReason),
  fatal('BR-CO-06', 'Document_level_charges', always),
  fatal('BR-CO-22', 'Document_level_charges', hasReason),
  fatal('BR-DEC-05', 'Document_level_charges', twoDecimals('ram:ActualAmount')),
  fatal('BR-DEC-06', 'Document_level_charges', twoDecimals('ram:BasisAmount')),

  fatal('BR-41', 'Invoice_line_allowances', hasAmount),
  fatal('BR-42', 'Invoice_line_allowances', hasReason),
  fatal('BR-CO-07', 'Invoice_line_allowances', always),
  fatal('BR-CO-23', 'Invoice_line_allowances', hasReason),
  fatal('BR-DEC-24', 'Invoice_line_allowances', twoDecimals('ram:ActualAmount')),
  fatal('BR-DEC-25', 'Invoice_line_allowances', twoDecimals('ram:BasisAmount')),

  fatal('BR-43', 'Invoice_line_charges', hasAmount),
  fatal('BR-44', 'Invoice_line_charges', hasReason),
  fatal('BR-CO-08', 'Invoice_line_charges', always),
  fatal('BR-CO-24', 'Invoice_line_charges', hasReason),
  fatal('BR-DEC-27', 'Invoice_line_charges', twoDecimals('ram:ActualAmount')),
  fatal('BR-DEC-28', 'Invoice_line_charges', twoDecimals('ram:BasisAmount')),
];

import type { XmlElement } from '../xml/xml-element.js';
import { firstAlong, notBlank, pathSteps, stringLength, stringValue, substringAfter } from './xpath.js';

/**
 * Assertion tests that many rules share, each made by one factory: every rule of a kind then runs the same
 * compiled function (V8 keeps the optimised code of a function literal for all the closures it makes), which
 * warms up once for all of them instead of once per rule. The paths are split when the rule is declared.
 */

/** The test `exists(path)`. */
export function hasPath(path: string): (element: XmlElement) => boolean {
  const steps = pathSteps(path);
  return (element) => firstAlong(element, steps) !== undefined;
}

/** The test `exists(a) or exists(b) or …`. */
export function hasAnyPath(...paths: readonly string[]): (element: XmlElement) => boolean {
  const alternatives = paths.map(pathSteps);
  return (element) => {
    for (const steps of alternatives) if (firstAlong(element, steps) !== undefined) return true;
    return false;
  };
}

/** The test `exists(@name)` for an unqualified attribute. */
export function hasAttributeNamed(name: string): (element: XmlElement) => boolean {
  return (element) => element.attributes[name] !== undefined;
}

/** The test `normalize-space(path) != ''`. */
export function filledPath(path: string): (element: XmlElement) => boolean {
  const steps = pathSteps(path);
  return (element) => notBlank(stringValue(firstAlong(element, steps)));
}

/** The test `string-length(substring-after(path, '.')) <= max` (the BR-DEC rules). */
export function decimalsAtMostPath(path: string, max: number): (element: XmlElement) => boolean {
  const steps = pathSteps(path);
  return (element) => stringLength(substringAfter(stringValue(firstAlong(element, steps)), '.')) <= max;
}

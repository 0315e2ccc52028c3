/** Lexical forms the model accepts; kept free of zod so that readers and rules load fast. */

/** Lexical form of xs:decimal: optional sign, digits, optional fraction; no exponent (XML whitespace around it is allowed). */
export const DECIMAL_PATTERN = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)\s*$/;

/** Calendar date as the model keeps it: ISO 8601 `YYYY-MM-DD`, optionally with the time zone xs:date allows. */
export const DATE_PATTERN = /^\s*\d{4}-\d{2}-\d{2}(?:Z|[+-]\d{2}:\d{2})?\s*$/;

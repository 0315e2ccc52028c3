import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XmlDocument, XmlValidateError, XsdValidator } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';
import { SHARED } from './shared.js';

/** The official schemas the tests validate written documents against (read-only, outside the repository). */
export type SchemaName = 'ubl-invoice' | 'ubl-credit-note' | 'cii';

const SCHEMA_PATHS: Readonly<Record<SchemaName, string>> = {
  'ubl-invoice': join(SHARED, 'schemas', 'ubl-2.1', 'maindoc', 'UBL-Invoice-2.1.xsd'),
  'ubl-credit-note': join(SHARED, 'schemas', 'ubl-2.1', 'maindoc', 'UBL-CreditNote-2.1.xsd'),
  cii: join(SHARED, 'schemas', 'cii-d16b', 'CII', 'uncefact', 'data', 'standard', 'CrossIndustryInvoice_100pD16B.xsd'),
};

// The schemas import their modules by relative path; libxml2 resolves them through the file system.
xmlRegisterFsInputProviders();

// Compiling a schema takes a while (UBL has hundreds of modules), so each one is compiled once per process.
const validators = new Map<SchemaName, XsdValidator>();

function validatorFor(schema: SchemaName): XsdValidator {
  let validator = validators.get(schema);
  if (!validator) {
    const path = SCHEMA_PATHS[schema];
    const schemaDoc = XmlDocument.fromBuffer(readFileSync(path), { url: path });
    // The schema document stays alive with its validator: the compiled schema may point into it.
    validator = XsdValidator.fromDoc(schemaDoc);
    validators.set(schema, validator);
  }
  return validator;
}

/** Validates an XML document against an official schema; returns the error messages, empty when valid. */
export function validateAgainstXsd(xml: string, schema: SchemaName): string[] {
  const validator = validatorFor(schema);
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromString(xml);
  } catch (error) {
    return [`not well-formed: ${(error as Error).message.trim()}`];
  }
  try {
    validator.validate(doc);
    return [];
  } catch (error) {
    if (error instanceof XmlValidateError) return error.details.map((detail) => `line ${detail.line}: ${detail.message.trim()}`);
    throw error;
  } finally {
    doc.dispose();
  }
}

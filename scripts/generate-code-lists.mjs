#!/usr/bin/env node
// Generates packages/core/src/rules/en16931/code-lists/*.ts: the code lists the EN 16931 code-list rules
// (BR-CL-*) check against, one file per list, each list written once however many rules use it.
//
// Source: ../shared/rules/en16931-codelists.json, the allowed codes extracted from the official EN 16931
// validation artefacts 1.3.16 of CEN/TC 434 (EUPL 1.2): the lists are the official code lists of those
// artefacts, for the UBL and the CII bindings. The product never reads ../shared: the generated files
// are committed, and this script is run again when the artefacts are updated.
//
// Where the extraction has no entry, the list is stated here, checked against the artefacts by hand:
// - UBL BR-CL-16/17/18: the same lists as CII BR-CL-16/17/18 (the UBL artefact writes them in another
//   layout, which the extraction missed);
// - UBL BR-CL-08 (a test on the invoice note, in the UBL model pattern): the CII BR-CL-08 list without the
//   18 codes the UBL artefact 1.3.16 does not list yet (UBL_4451_NOT_LISTED below);
// - BR-CL-24: six MIME types, compared as literals in both artefacts (MIME_TYPES below).
//
// Usage: node scripts/generate-code-lists.mjs           writes the files
//        node scripts/generate-code-lists.mjs --check   exits 1 when a committed file is out of date
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = join(root, '..', 'shared', 'rules', 'en16931-codelists.json');
const outDir = join(root, 'packages', 'core', 'src', 'rules', 'en16931', 'code-lists');

/** UNTDID 4451 codes of the CII BR-CL-08 list that the UBL BR-CL-08 list of artefacts 1.3.16 lacks. */
const UBL_4451_NOT_LISTED = [
  'BAT', 'BAU', 'BAV', 'BAW', 'BAX', 'BAY', 'BAZ', 'BBA', 'BBB',
  'BMF', 'BMG', 'BMH', 'CCJ', 'CCK', 'CCL', 'CCM', 'CCN', 'CCO',
];

/** BR-CL-24: the MIME types both artefacts accept for an attached document, in their order. */
const MIME_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.spreadsheet',
];

/**
 * Every list: its file, export name, description, and the [rule, syntax, index] entries of the JSON it
 * comes from (all of which must hold the same codes). `derive` builds a list the JSON does not hold.
 */
const LISTS = [
  { file: 'untdid-1001-invoice', name: 'UNTDID_1001_INVOICE', title: 'UNTDID 1001 document type codes of an invoice (UBL)', from: [['BR-CL-01', 'UBL', 0]] },
  { file: 'untdid-1001-credit-note', name: 'UNTDID_1001_CREDIT_NOTE', title: 'UNTDID 1001 document type codes of a credit note (UBL)', from: [['BR-CL-01', 'UBL', 1]] },
  { file: 'untdid-1001', name: 'UNTDID_1001', title: 'UNTDID 1001 document type codes of invoices and credit notes (CII)', from: [['BR-CL-01', 'CII', 0]] },
  {
    file: 'iso-4217',
    name: 'ISO_4217',
    title: 'ISO 4217 alpha-3 currency codes',
    from: ['BR-CL-03', 'BR-CL-04', 'BR-CL-05'].flatMap((id) => [[id, 'UBL', 0], [id, 'CII', 0]]),
  },
  { file: 'untdid-2005-vat-point', name: 'UNTDID_2005_VAT_POINT', title: 'VAT point date codes, a restriction of UNTDID 2005 (UBL)', from: [['BR-CL-06', 'UBL', 0]] },
  { file: 'untdid-2475-vat-point', name: 'UNTDID_2475_VAT_POINT', title: 'VAT point date codes, a restriction of UNTDID 2475 (CII)', from: [['BR-CL-06', 'CII', 0]] },
  { file: 'untdid-1153', name: 'UNTDID_1153', title: 'UNTDID 1153 reference code qualifiers (invoiced object identifier schemes)', from: [['BR-CL-07', 'UBL', 0], ['BR-CL-07', 'CII', 0]] },
  { file: 'untdid-4451', name: 'UNTDID_4451', title: 'UNTDID 4451 text subject code qualifiers (CII)', from: [['BR-CL-08', 'CII', 0]] },
  {
    file: 'untdid-4451-ubl',
    name: 'UNTDID_4451_UBL',
    title: 'UNTDID 4451 text subject code qualifiers as the UBL artefact lists them, in its (alphabetical) order (BR-CL-08)',
    derive: (lookup) => {
      const cii = lookup(['BR-CL-08', 'CII', 0]);
      for (const code of UBL_4451_NOT_LISTED) if (!cii.includes(code)) throw new Error(`BR-CL-08: ${code} is not in the CII list`);
      return cii.filter((code) => !UBL_4451_NOT_LISTED.includes(code)).sort();
    },
  },
  {
    file: 'iso-6523-icd',
    name: 'ISO_6523_ICD',
    title: 'ISO 6523 ICD identifier scheme codes',
    from: [
      ['BR-CL-10', 'UBL', 0],
      ['BR-CL-10', 'CII', 0],
      ...['BR-CL-11', 'BR-CL-21', 'BR-CL-26'].flatMap((id) => [[id, 'UBL', 0], [id, 'CII', 0]]),
    ],
  },
  { file: 'untdid-7143', name: 'UNTDID_7143', title: 'UNTDID 7143 item type identification codes (item classification schemes)', from: [['BR-CL-13', 'UBL', 0], ['BR-CL-13', 'CII', 0]] },
  // The two artefacts differ here: the CII list still has AN (Netherlands Antilles) and lacks SS (South Sudan).
  {
    file: 'iso-3166-1-ubl',
    name: 'ISO_3166_1_UBL',
    title: 'ISO 3166-1 alpha-2 country codes with 1A (Kosovo) and XI (Northern Ireland), as the UBL artefact lists them',
    from: [['BR-CL-14', 'UBL', 0], ['BR-CL-15', 'UBL', 0]],
  },
  {
    file: 'iso-3166-1-cii',
    name: 'ISO_3166_1_CII',
    title: 'ISO 3166-1 alpha-2 country codes with 1A (Kosovo) and XI (Northern Ireland), as the CII artefact lists them',
    from: [['BR-CL-14', 'CII', 0], ['BR-CL-15', 'CII', 0]],
  },
  { file: 'untdid-4461', name: 'UNTDID_4461', title: 'UNTDID 4461 payment means codes', from: [['BR-CL-16', 'CII', 0]] },
  { file: 'untdid-5305', name: 'UNTDID_5305', title: 'UNTDID 5305 duty or tax or fee category codes (VAT categories)', from: [['BR-CL-17', 'CII', 0], ['BR-CL-18', 'CII', 0]] },
  { file: 'untdid-5189', name: 'UNTDID_5189', title: 'UNTDID 5189 allowance reason codes', from: [['BR-CL-19', 'UBL', 0], ['BR-CL-19', 'CII', 0]] },
  { file: 'untdid-7161', name: 'UNTDID_7161', title: 'UNTDID 7161 special service (charge reason) codes', from: [['BR-CL-20', 'UBL', 0], ['BR-CL-20', 'CII', 0]] },
  { file: 'vatex', name: 'VATEX', title: 'VATEX VAT exemption reason codes', from: [['BR-CL-22', 'UBL', 0], ['BR-CL-22', 'CII', 0]] },
  { file: 'unece-rec-20-21', name: 'UNECE_REC_20_21', title: 'UN/ECE Recommendation 20 unit codes with the Recommendation 21 extension', from: [['BR-CL-23', 'UBL', 0], ['BR-CL-23', 'CII', 0]] },
  { file: 'mime-types', name: 'MIME_TYPES', title: 'MIME media types of an attached document (BR-CL-24)', derive: () => MIME_TYPES },
  { file: 'eas', name: 'EAS', title: 'EAS electronic address scheme codes', from: [['BR-CL-25', 'UBL', 0], ['BR-CL-25', 'CII', 0]] },
];

/** JSON entries the rules test as a literal instead of a list: UBL BR-CL-10 also allows 'SEPA' (seller and payee). */
const LITERALS = [['BR-CL-10', 'UBL', 1, ['SEPA']]];

/** Entries the extraction lacks, served by another list (see the header). */
const MISSING = new Set(['BR-CL-16/UBL', 'BR-CL-17/UBL', 'BR-CL-18/UBL', 'BR-CL-24/UBL', 'BR-CL-24/CII']);

function main() {
  const check = process.argv.includes('--check');
  const { codelists } = JSON.parse(readFileSync(source, 'utf8'));
  const lookup = ([id, syntax, index]) => {
    const list = codelists[id]?.[syntax]?.lists?.[index];
    if (!list) throw new Error(`${id} ${syntax} #${index}: not in ${source}`);
    return list;
  };

  // Every list of the JSON is written exactly once (or is a known literal), so nothing is forgotten.
  const used = new Set();
  for (const [id, syntax, index, codes] of LITERALS) {
    if (!same(lookup([id, syntax, index]), codes)) throw new Error(`${id} ${syntax} #${index}: expected ${codes.join(' ')}`);
    used.add(`${id}/${syntax}/${index}`);
  }
  const files = new Map();
  for (const list of LISTS) {
    let codes;
    if (list.derive) codes = list.derive(lookup);
    else {
      codes = lookup(list.from[0]);
      for (const entry of list.from) {
        if (!same(lookup(entry), codes)) throw new Error(`${list.name}: ${entry.join(' ')} differs from ${list.from[0].join(' ')}`);
        used.add(entry.join('/'));
      }
    }
    if (new Set(codes).size !== codes.length) throw new Error(`${list.name}: duplicate codes`);
    files.set(`${list.file}.ts`, render(list, codes));
  }
  for (const [id, bySyntax] of Object.entries(codelists)) {
    for (const [syntax, entry] of Object.entries(bySyntax)) {
      if (entry.lists.length === 0 && !MISSING.has(`${id}/${syntax}`)) throw new Error(`${id} ${syntax}: no list and not known as missing`);
      entry.lists.forEach((_, index) => {
        if (!used.has(`${id}/${syntax}/${index}`)) throw new Error(`${id} ${syntax} #${index}: not assigned to a code-list file`);
      });
    }
  }

  if (check) {
    const stale = [...files].filter(([file, text]) => read(join(outDir, file)) !== text).map(([file]) => file);
    const extra = readdirSync(outDir).filter((file) => !files.has(file));
    if (stale.length > 0 || extra.length > 0) {
      console.error(`code lists out of date: ${[...stale, ...extra.map((f) => `${f} (not generated)`)].join(', ')}`);
      process.exit(1);
    }
    console.log(`${files.size} code-list files up to date`);
    return;
  }
  mkdirSync(outDir, { recursive: true });
  for (const [file, text] of files) writeFileSync(join(outDir, file), text);
  console.log(`wrote ${files.size} code-list files to ${outDir}`);
}

function same(a, b) {
  return a.length === b.length && new Set([...a, ...b]).size === a.length;
}

function read(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** One generated module: a ReadonlySet in the order of the source list, lines under 120 characters. */
function render(list, codes) {
  const rules = list.from ? [...new Set(list.from.map(([id]) => id))].join(', ') : undefined;
  const lines = [];
  let line = '  ';
  for (const code of codes) {
    const item = `'${code}',`;
    if (line.length + item.length + 1 > 118 && line.trim() !== '') {
      lines.push(line.trimEnd());
      line = '  ';
    }
    line += `${item} `;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return [
    '// Generated by scripts/generate-code-lists.mjs from the official code lists of the EN 16931 validation',
    '// artefacts 1.3.16 (CEN/TC 434, EUPL 1.2). Do not edit: change the script and run it again.',
    '',
    `/** ${list.title}${rules ? ` (${rules})` : ''}: ${codes.length} codes. */`,
    `export const ${list.name}: ReadonlySet<string> = new Set([`,
    ...lines,
    ']);',
    '',
  ].join('\n');
}

main();

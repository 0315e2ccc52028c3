#!/usr/bin/env node
// Benchmark of the validator (built package): per-invoice time over the official examples, growth with
// invoice size up to 10,000 lines, and the cold start of `einvoice validate` for one file.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ublCodec, validate } from '@einvoice-hub/core';

const root = fileURLToPath(new URL('..', import.meta.url));
const examples = join(root, '..', 'shared', 'conformance', 'en16931', 'examples');
const docs = ['ubl', 'cii'].flatMap((syntax) =>
  readdirSync(join(examples, syntax))
    .filter((name) => /\.xml$/i.test(name))
    .sort()
    .map((name) => ({ name: `${syntax}/${name}`, bytes: readFileSync(join(examples, syntax, name)) })),
);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

// 1. Official examples: parse + validate, per invoice.
const rounds = Number(process.env.BENCH_ROUNDS ?? 50);
const perDoc = new Map(docs.map((d) => [d.name, []]));
let total = 0;
let count = 0;
for (let round = 0; round < 10 + rounds; round++) {
  for (const doc of docs) {
    const start = process.hrtime.bigint();
    const report = validate(doc.bytes);
    const elapsed = ms(start);
    if (report.findings.length !== 0) throw new Error(`${doc.name} should have no finding, got ${report.findings.length}`);
    if (round < 10) continue;
    perDoc.get(doc.name).push(elapsed);
    total += elapsed;
    count++;
  }
}
const medians = [...perDoc.values()].map(median);
console.log(`Validation (parse + EN 16931 rules), ${docs.length} official examples, ${rounds} rounds, node ${process.version}`);
console.log(`  median per invoice: ${median(medians).toFixed(3)} ms`);
console.log(`  invoices per second (one core, all examples, incl. a 3.3 MB one): ${(count / (total / 1000)).toFixed(0)}`);
const typical = docs.filter((d) => d.bytes.byteLength < 200_000);
const typicalTotal = typical.reduce((sum, d) => sum + median(perDoc.get(d.name)), 0);
console.log(`  invoices per second (one core, the ${typical.length} examples under 200 KB): ${(typical.length / (typicalTotal / 1000)).toFixed(0)}`);

// 2. Growth: generated invoices with many lines.
function generatedInvoice(lines) {
  const invoice = JSON.parse(readFileSync(join(root, 'packages', 'core', 'test', 'fixtures', 'invoice-standard-rated.json'), 'utf8'));
  invoice.processControl = { specificationIdentifier: 'urn:cen.eu:en16931:2017' };
  const line = invoice.lines[0];
  invoice.lines = Array.from({ length: lines }, (_, i) => ({ ...line, id: String(i + 1), quantity: '2', netAmount: '20.00', price: { netPrice: '10.00' } }));
  const net = (lines * 20).toFixed(2);
  const vat = (lines * 5).toFixed(2);
  const gross = (lines * 25).toFixed(2);
  invoice.totals = { lineNetTotal: net, taxExclusiveAmount: net, vatTotal: vat, taxInclusiveAmount: gross, amountDue: gross };
  invoice.vatBreakdown = [{ taxableAmount: net, taxAmount: vat, categoryCode: 'S', rate: '25' }];
  return ublCodec.serialize(invoice).xml;
}
console.log('Growth with invoice size (parse + validate, median of 5):');
let tenThousand = '';
for (const lines of [1000, 2000, 5000, 10000]) {
  const xml = generatedInvoice(lines);
  if (lines === 10000) tenThousand = xml;
  const first = validate(xml);
  if (!first.valid) throw new Error(`generated ${lines}-line invoice is invalid: ${first.findings.slice(0, 3).map((f) => f.rule).join(', ')}`);
  const times = [];
  for (let i = 0; i < 5; i++) {
    const start = process.hrtime.bigint();
    validate(xml);
    times.push(ms(start));
  }
  console.log(`  ${String(lines).padStart(6)} lines (${(xml.length / 1024 / 1024).toFixed(1)} MiB): ${median(times).toFixed(0)} ms`);
}

// 3. Cold start of the CLI on one file (a new process each time).
const dir = mkdtempSync(join(tmpdir(), 'einvoice-bench-'));
const small = join(dir, 'invoice.xml');
writeFileSync(small, readFileSync(join(examples, 'ubl', 'ubl-tc434-example1.xml')));
const big = join(dir, 'invoice-10000-lines.xml');
writeFileSync(big, tenThousand);
const bin = join(root, 'packages', 'cli', 'bin', 'einvoice.js');
for (const [label, file] of [['one example invoice', small], ['the 10,000-line invoice', big]]) {
  const times = [];
  for (let i = 0; i < 11; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [bin, 'validate', file], { encoding: 'utf8' });
    times.push(ms(start));
    if (result.status !== 0) throw new Error(`einvoice validate failed: ${result.stderr || result.stdout}`);
  }
  console.log(`CLI cold start, \`einvoice validate\` on ${label}: median ${median(times).toFixed(0)} ms of 11 runs (node startup included)`);
}

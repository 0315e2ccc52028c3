#!/usr/bin/env node
// Benchmark: UBL → CII conversion (read + detect + parse + write) over the official EN 16931 UBL examples.
// Prints the median time per document and documents per second on one core. Uses the built package (dist).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertInvoice } from '@einvoice-hub/core';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, '..', 'shared', 'conformance', 'en16931', 'examples', 'ubl');
const docs = readdirSync(dir)
  .filter((name) => /\.xml$/i.test(name))
  .sort()
  .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));

const rounds = Number(process.env.BENCH_ROUNDS ?? 30);
const warmup = 5;
const samples = [];
const perDoc = new Map(docs.map((d) => [d.name, []]));
let totalNs = 0n;
let converted = 0;

for (let round = 0; round < warmup + rounds; round++) {
  for (const doc of docs) {
    const start = process.hrtime.bigint();
    const result = convertInvoice(doc.bytes, 'cii');
    const elapsed = process.hrtime.bigint() - start;
    if (result.output.length === 0) throw new Error(`empty output for ${doc.name}`);
    if (round < warmup) continue;
    samples.push(Number(elapsed) / 1e6);
    perDoc.get(doc.name).push(Number(elapsed) / 1e6);
    totalNs += elapsed;
    converted++;
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const totalBytes = docs.reduce((sum, d) => sum + d.bytes.byteLength, 0);
const perSecond = converted / (Number(totalNs) / 1e9);

console.log(`UBL → CII conversion, ${docs.length} official examples (${(totalBytes / 1024).toFixed(0)} KiB), ${rounds} rounds after ${warmup} warm-up rounds, node ${process.version}`);
console.log(`median per document: ${median(samples).toFixed(3)} ms`);
console.log(`documents per second (one core): ${perSecond.toFixed(0)}`);
const slowest = [...perDoc.entries()].map(([name, times]) => [name, median(times)]).sort((a, b) => b[1] - a[1]).slice(0, 3);
console.log(`slowest (median): ${slowest.map(([name, ms]) => `${name} ${ms.toFixed(2)} ms`).join('; ')}`);

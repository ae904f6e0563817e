// node bench/compare.mjs BEFORE.json AFTER.json
// Prints every figure of two bench result files side by side with after/before, and whether the
// change is better or worse for that figure (latencies, seconds, memory and CPU: lower is better).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const [beforeFile, afterFile] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  console.error('usage: node bench/compare.mjs BEFORE.json AFTER.json');
  process.exit(2);
}
const before = JSON.parse(readFileSync(beforeFile, 'utf8'));
const after = JSON.parse(readFileSync(afterFile, 'utf8'));

/** Numeric leaves of `figures`, keyed by their path; the plan text and raw run lists are left out. */
function leaves(value, path = '', out = new Map()) {
  if (typeof value === 'number') out.set(path, value);
  else if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) leaves(child, path ? `${path}.${key}` : key, out);
  }
  return out;
}

// Which way is better, by the figure's name; sizes and counts (calls, rows, samples...) get no verdict.
const HIGHER_IS_BETTER = /([pP]erSecond|^batch\.ratio\w*|^single\.ratio)$/;
const LOWER_IS_BETTER =
  /(\.p50|\.p90|\.p99|\.max|\.seconds|^rssMb\.\w+|^cpuSeconds\..+|toHealthyMs|^invoicing\.ratio\w*)$/;
const a = leaves(before.figures);
const b = leaves(after.figures);
const rows = [['figure', basename(beforeFile), basename(afterFile), 'after/before', '']];
for (const [path, x] of a) {
  if (!b.has(path)) continue;
  const y = b.get(path);
  const ratio = x === 0 ? null : y / x;
  let verdict = '';
  const direction = HIGHER_IS_BETTER.test(path) ? 1 : LOWER_IS_BETTER.test(path) ? -1 : 0;
  if (ratio !== null && direction !== 0 && Math.abs(ratio - 1) >= 0.05) {
    verdict = ratio > 1 === direction > 0 ? 'better' : 'worse';
  }
  rows.push([path, format(x), format(y), ratio === null ? '' : ratio.toFixed(2), verdict]);
}

const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
for (const [i, row] of rows.entries()) {
  console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
const describe = (result) =>
  `${result.mode} run of ${result.commit?.sha?.slice(0, 10) ?? '?'}${result.commit?.srcDirty ? ' (+ uncommitted src)' : ''} on ${result.date}, load ${result.machine?.loadAverage?.start ?? '?'}`;
console.log(`\nbefore: ${describe(before)}\nafter:  ${describe(after)}`);
if (before.mode !== after.mode) console.log('note: the two files are of different sizes (quick vs full)');

function format(value) {
  return Math.abs(value) >= 100
    ? Math.round(value).toLocaleString('en-US')
    : String(Math.round(value * 1000) / 1000);
}

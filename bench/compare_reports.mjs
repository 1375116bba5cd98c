// Compares two spend reports (engine vs. peer): counts, loyalty and risks
// must be identical (rejected_examples and file_errors are not compared).
// Exit 0 when they agree, 1 with the first differences listed otherwise.
//   node bench/compare_reports.mjs samkjop.json duckdb.json
import fs from 'node:fs';

const [a, b] = process.argv.slice(2).map((p) => JSON.parse(fs.readFileSync(p, 'utf8')));
const problems = [];
const same = (x, y) => JSON.stringify(x) === JSON.stringify(y);

for (const key of ['lines_read', 'rejected', 'out_of_year', 'unmapped_account', 'in_scope',
  'unknown_supplier']) {
  if (a.counts[key] !== b.counts[key]) problems.push(`counts.${key}: ${a.counts[key]} != ${b.counts[key]}`);
}
for (const section of ['loyalty', 'risks']) {
  const x = a[section];
  const y = b[section];
  if (x.length !== y.length) problems.push(`${section}: ${x.length} rows != ${y.length} rows`);
  for (let idx = 0; idx < Math.min(x.length, y.length) && problems.length < 20; ++idx) {
    if (!same(x[idx], y[idx])) {
      problems.push(`${section}[${idx}]:\n    ${JSON.stringify(x[idx])}\n != ${JSON.stringify(y[idx])}`);
    }
  }
}
if (problems.length) {
  console.error(`MISMATCH (${problems.length}${problems.length >= 20 ? '+' : ''}):`);
  for (const p of problems.slice(0, 20)) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`reports agree: ${a.counts.lines_read} lines, ${a.loyalty.length} loyalty rows, ` +
  `${a.risks.length} risks`);

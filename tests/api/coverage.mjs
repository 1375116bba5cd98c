#!/usr/bin/env node
// After every API test file has run (each in its own process, on its own database): every route
// the OpenAPI document lists was exercised by some file, and every /api route that answered
// (other than 404/405) is documented. Reads the calls each file wrote to $SAMKJOP_API_CALLS_DIR.
//   SAMKJOP_API_CALLS_DIR=DIR node tests/api/coverage.mjs
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { binary, Contract } from './harness.mjs';

const dir = process.env.SAMKJOP_API_CALLS_DIR;
if (!dir) throw new Error('SAMKJOP_API_CALLS_DIR is not set');
const calls = readdirSync(dir).filter((f) => f.endsWith('.json')).flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
const contract = new Contract(JSON.parse(execFileSync(binary, ['openapi'], { encoding: 'utf8' })));
const problems = [];
for (const r of contract.routes) {
  const op = contract.doc.paths[r.path][r.method.toLowerCase()];
  if (!op.summary || op.summary.length < 6) problems.push(`${r.method} ${r.path} has no summary`);
  if (!Object.keys(op.responses).some((s) => s.startsWith('2'))) problems.push(`${r.method} ${r.path} has no success answer`);
  if (!calls.some((c) => contract.route(c.method, c.path) === r && c.status < 500))
    problems.push(`${r.method} ${r.path} was never exercised by the API tests`);
}
for (const c of calls) {
  if (!c.path.startsWith('/api/') || c.path.startsWith('/api/test/') || [404, 405].includes(c.status)) continue;
  if (!contract.route(c.method, c.path)) problems.push(`${c.method} ${c.path} answered ${c.status} but is not in the OpenAPI document`);
}
const unique = [...new Set(problems)];
if (unique.length) {
  console.error(`API coverage:\n  ${unique.join('\n  ')}`);
  process.exit(1);
}
console.log(`API coverage: all ${contract.routes.length} documented routes exercised (${calls.length} requests)`);

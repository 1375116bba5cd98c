// `samkjop rules …` and `samkjop spend analyze` read the database's legal table when given
// --db, the built-in one otherwise: a value the administrator enters over HTTP changes the
// command line's answers (on SQLite and on PostgreSQL: the server's own database).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { as, binary, serverForFile, TODAY } from '../harness.mjs';

let server;
serverForFile({ set: (s) => { server = s; } });

const run = (args) => {
  const r = spawnSync(binary, args, { encoding: 'utf8', env: { ...process.env, SAMKJOP_DB: '', SAMKJOP_DATA: '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const json = (r) => JSON.parse(r.stdout);

test('rules thresholds prints the object GET /api/rules/values answers, with and without --db', async () => {
  const c = await as(server, 'ansatt');
  const api = await c.get('/api/rules/values');
  const fromDb = run(['rules', 'thresholds', '--db', server.db, '--today', TODAY]);
  assert.equal(fromDb.status, 0, fromDb.stderr);
  assert.deepEqual(json(fromDb), api.data);
  const builtin = run(['rules', 'thresholds', '--today', TODAY]);
  assert.equal(builtin.status, 0, builtin.stderr);
  assert.deepEqual(json(builtin), api.data, 'the seed is the built-in table');
  const history = run(['rules', 'thresholds', '--db', server.db, '--history', '--today', TODAY]);
  assert.deepEqual(json(history), (await c.get('/api/rules/values?history=true')).data);
});

test('a value entered by the administrator is used by rules assess and spend analyze with --db only', async () => {
  const a = await as(server, 'admin');
  const r = await a.post('/api/rules/values', {
    key: 'threshold.national', amount_ore: 200_000_000, in_force: '2025-01-01', source: 'Test: ny nasjonal terskel', confirmed: true, reason: 'Test av --db',
  });
  assert.equal(r.status, 201, JSON.stringify(r.data));

  const args = ['rules', 'assess', '--value', '1500000', '--kind', 'goods', '--date', '2025-06-02'];
  const builtin = run(args);
  const db = run([...args, '--db', server.db]);
  assert.equal(builtin.status, 0, builtin.stderr);
  assert.equal(db.status, 0, db.stderr);
  assert.equal(json(builtin).part, 'II');
  assert.equal(json(db).part, 'I', 'under the new national threshold of 2 000 000');

  const dir = mkdtempSync(join(tmpdir(), 'samkjop-spend-'));
  writeFileSync(join(dir, 'invoices.csv'), 'buyer_orgnr,invoice_date,supplier_orgnr,account,amount\n944117784,2025-03-01,974760673,6500,1000.00\n');
  writeFileSync(join(dir, 'agreements.csv'), 'agreement_id,supplier_orgnr,product_area,buyers,valid_from,valid_to\nA-1,974760673,office,944117784,2024-01-01,2027-12-31\n');
  writeFileSync(join(dir, 'categories.csv'), 'account,product_area\n6500,office\n');
  const spend = (extra) => run(['spend', 'analyze', '--invoices', join(dir, 'invoices.csv'), '--agreements', join(dir, 'agreements.csv'),
    '--categories', join(dir, 'categories.csv'), '--year', '2025', '--quiet', ...extra]);
  const sBuiltin = spend([]);
  const sDb = spend(['--db', server.db]);
  assert.equal(sBuiltin.status, 0, sBuiltin.stderr);
  assert.equal(sDb.status, 0, sDb.stderr);
  assert.equal(json(sBuiltin).thresholds.national_ore, 130_000_000);
  assert.equal(json(sDb).thresholds.national_ore, 200_000_000);
  rmSync(dir, { recursive: true, force: true });
});

test('bad input on the command line: the JSON error and exit 2', () => {
  const r = run(['rules', 'thresholds', '--db', 'mysql://x']);
  assert.equal(r.status, 2);
  const climate = run(['rules', 'climate-check']);
  assert.equal(climate.status, 2);
  assert.equal(json(climate).error.code, 'rules.missing_option');
  assert.equal(json(climate).error.field, 'input');
});

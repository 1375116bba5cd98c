// The calculators over HTTP answer the same JSON and error codes as `samkjop rules …` (the CLI is
// run beside the server and the answers compared), for every signed-in user; signed out is 401.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { Client, as, binary, isProblem, serverForFile } from '../harness.mjs';

let server;
serverForFile({ set: (s) => { server = s; } });

const cli = (args, input) => {
  const r = spawnSync(binary, ['rules', ...args], { encoding: 'utf8', input, env: { ...process.env, SAMKJOP_DB: '', SAMKJOP_DATA: '' } });
  return { status: r.status, body: JSON.parse(r.stdout) };
};

test('assess: the same answer as the CLI; the parts at the thresholds', async () => {
  const c = await as(server, 'ansatt');
  for (const [ore, kind, date, part] of [
    [9_999_900, 'goods', '2025-06-02', 'outside'],
    [10_000_000, 'goods', '2025-06-02', 'I'],
    [130_000_000, 'services', '2025-06-02', 'II'],
    [230_000_000, 'goods', '2025-06-02', 'III'],
    [780_000_000, 'special', '2025-06-02', 'IV'],
    [5_780_000_000, 'works', '2025-06-02', 'III'],
  ]) {
    const r = await c.post('/api/rules/assess', { value_ore: ore, kind, date });
    assert.equal(r.status, 200, JSON.stringify(r.data));
    assert.equal(r.data.part, part, `${ore} ${kind}`);
    const k = cli(['assess', '--value', (ore / 100).toFixed(2), '--kind', kind, '--date', date]);
    assert.equal(k.status, 0);
    assert.deepEqual(r.data, k.body);
  }
  const p3 = await c.post('/api/rules/assess', { value_ore: 230_000_000, kind: 'goods', date: '2025-06-02' });
  assert.equal(p3.data.publication, 'doffin+ted');
  assert.ok(p3.data.procedures.includes('open_tender'));
  assert.equal(p3.data.min_days['open.tender'], 30);
  assert.ok(p3.data.reasons.every((x) => typeof x.paragraph === 'string' && x.paragraph.length > 0));
});

test('assess on or after 2026-01-01 is unconfirmed until the 2026–2027 values are entered', async () => {
  const c = await as(server, 'ansatt');
  const before = await c.post('/api/rules/assess', { value_ore: 50_000_000, kind: 'goods', date: '2025-12-31' });
  const after = await c.post('/api/rules/assess', { value_ore: 50_000_000, kind: 'goods', date: '2026-01-01' });
  assert.equal(after.data.confirmed, false);
  // The unconfirmed reasons of 2025 are the ones DOMAIN.md marks; 2026 adds the carried-forward values.
  const unconfirmed = (a) => a.reasons.filter((x) => !x.confirmed).length;
  assert.ok(unconfirmed(after.data) > unconfirmed(before.data));
});

test('assess: bad input, the CLI\'s codes, the field named', async () => {
  const c = await as(server, 'ansatt');
  const cases = [
    [{ kind: 'goods', date: '2025-01-01' }, 'rules.missing_option', 'value_ore'],
    [{ value_ore: 1, date: '2025-01-01' }, 'rules.missing_option', 'kind'],
    [{ value_ore: 1, kind: 'goods' }, 'rules.missing_option', 'date'],
    [{ value_ore: -1, kind: 'goods', date: '2025-01-01' }, 'rules.negative_value', 'value_ore'],
    [{ value_ore: 1, kind: 'food', date: '2025-01-01' }, 'rules.invalid_kind', 'kind'],
    [{ value_ore: 1, kind: 'goods', date: '01.01.2025' }, 'rules.invalid_date', 'date'],
    [{ value_ore: 1, kind: 'goods', date: '2016-12-31' }, 'rules.date_before_table', 'date'],
    [{ value_ore: '1', kind: 'goods', date: '2025-01-01' }, 'rules.invalid_body', 'value_ore'],
    [{ value_ore: 1, kind: 'goods', date: '2025-01-01', extra: true }, 'rules.invalid_body', 'extra'],
  ];
  for (const [body, code, field] of cases) isProblem(assert, await c.post('/api/rules/assess', body), 400, code, field);
  const k = cli(['assess', '--value', '1', '--kind', 'food', '--date', '2025-01-01']);
  assert.equal(k.status, 2);
  assert.equal(k.body.error.code, 'rules.invalid_kind');
  isProblem(assert, await new Client(server).post('/api/rules/assess', { value_ore: 1, kind: 'goods', date: '2025-01-01' }), 401);
});

test('standstill and deadline: the CLI\'s answers, holidays moving the last day', async () => {
  const c = await as(server, 'revisor');
  const s = await c.post('/api/rules/standstill', { notified: '2026-03-27' });
  assert.equal(s.status, 200, JSON.stringify(s.data));
  assert.equal(s.data.days, 10);
  assert.equal(s.data.last_day, '2026-04-07');  // 6 April is Easter Monday
  assert.deepEqual(s.data, cli(['standstill', '--notified', '2026-03-27']).body);
  const s15 = await c.post('/api/rules/standstill', { notified: '2026-03-27', days: 15 });
  assert.equal(s15.data.days, 15);
  const d = await c.post('/api/rules/deadline', { from: '2026-05-07', days: 10 });
  assert.equal(d.status, 200);
  assert.equal(d.data.nominal_last_day, '2026-05-17');
  assert.equal(d.data.last_day, '2026-05-18');
  assert.equal(d.data.extended, true);
  assert.deepEqual(d.data, cli(['deadline', '--from', '2026-05-07', '--days', '10']).body);
  isProblem(assert, await c.post('/api/rules/standstill', {}), 400, 'rules.missing_option', 'notified');
  isProblem(assert, await c.post('/api/rules/standstill', { notified: '2026-03-27', days: 0 }), 400, 'rules.invalid_days', 'days');
  isProblem(assert, await c.post('/api/rules/deadline', { from: '2026-05-07' }), 400, 'rules.missing_option', 'days');
  isProblem(assert, await c.post('/api/rules/deadline', { from: 'i går', days: 3 }), 400, 'rules.invalid_date', 'from');
  isProblem(assert, await c.post('/api/rules/deadline', { from: '2026-05-07', days: 99999 }), 400, 'rules.invalid_days', 'days');
  const anon = new Client(server);
  isProblem(assert, await anon.post('/api/rules/standstill', { notified: '2026-03-27' }), 401);
  isProblem(assert, await anon.post('/api/rules/deadline', { from: '2026-05-07', days: 10 }), 401);
});

test('price-score: linear and proportional, the CLI\'s answers; bad prices named by index', async () => {
  const c = await as(server, 'ansatt');
  const lin = await c.post('/api/rules/price-score', { model: 'linear', prices_ore: [100_000, 150_000, 250_000] });
  assert.equal(lin.status, 200, JSON.stringify(lin.data));
  assert.deepEqual(lin.data.scores, [10, 5, -5]);
  assert.deepEqual(lin.data, cli(['price-score', '--model', 'linear', '--prices', '1000,1500,2500']).body);
  const floor = await c.post('/api/rules/price-score', { model: 'linear', floor_zero: true, k: 1, prices_ore: [100_000, 250_000] });
  assert.deepEqual(floor.data.scores, [10, 0]);
  const prop = await c.post('/api/rules/price-score', { model: 'proportional', prices_ore: [100_000, 200_000] });
  assert.deepEqual(prop.data.scores, [10, 5]);
  isProblem(assert, await c.post('/api/rules/price-score', { prices_ore: [1] }), 400, 'rules.missing_option', 'model');
  isProblem(assert, await c.post('/api/rules/price-score', { model: 'cubic', prices_ore: [1] }), 400, 'rules.invalid_model');
  isProblem(assert, await c.post('/api/rules/price-score', { model: 'linear', k: 0, prices_ore: [1] }), 400, 'rules.invalid_k', 'k');
  isProblem(assert, await c.post('/api/rules/price-score', { model: 'linear', prices_ore: [] }), 400, 'rules.no_prices');
  isProblem(assert, await c.post('/api/rules/price-score', { model: 'linear', prices_ore: [100, 0] }), 400, 'rules.invalid_price', 'prices_ore[1]');
  isProblem(assert, await c.post('/api/rules/price-score', { model: 'linear', prices_ore: [100, 1.5] }), 400, 'rules.invalid_price', 'prices_ore[1]');
  isProblem(assert, await c.post('/api/rules/price-score', { model: 'linear', prices_ore: '100' }), 400, 'rules.invalid_body', 'prices_ore');
  isProblem(assert, await new Client(server).post('/api/rules/price-score', { model: 'linear', prices_ore: [1] }), 401);
});

test('climate-check: the rule of FOA § 7-9 over HTTP and on the command line', async () => {
  const c = await as(server, 'ansatt');
  const ok = { announced: '2025-02-01', criteria: [{ name: 'Pris', weight: 70 }, { name: 'Klima', weight: 30, climate: true }] };
  const r = await c.post('/api/rules/climate-check', ok);
  assert.equal(r.status, 200, JSON.stringify(r.data));
  assert.equal(r.data.verdict, 'ok');
  assert.deepEqual(r.data, cli(['climate-check', '--input', '-'], JSON.stringify(ok)).body);
  const low = await c.post('/api/rules/climate-check', { ...ok, criteria: [{ name: 'Pris', weight: 80 }, { name: 'Klima', weight: 20, climate: true }] });
  assert.equal(low.data.verdict, 'violation');
  assert.ok(low.data.problems.length > 0);
  isProblem(assert, await c.post('/api/rules/climate-check', { criteria: ok.criteria }), 400, 'rules.missing_option', 'announced');
  isProblem(assert, await c.post('/api/rules/climate-check', { ...ok, criteria: [] }), 400, 'rules.no_criteria');
  isProblem(assert, await c.post('/api/rules/climate-check', { ...ok, criteria: [{ name: 'Pris', weight: 'mye' }] }), 400, 'rules.invalid_weight', 'criteria[0].weight');
  const bad = cli(['climate-check', '--input', '-'], '{nei');
  assert.equal(bad.status, 2);
  assert.equal(bad.body.error.code, 'rules.invalid_body');
  isProblem(assert, await new Client(server).post('/api/rules/climate-check', ok), 401);
});

// The legal table in the server: today's values, values at a date, the history with superseded
// rows, an administrator adding and correcting values (audited), structural changes (the floor,
// part II) that give two answers the day before and the day after, and bad input naming the field.
// Access: every signed-in user reads, only the administrator writes; signed out is 401.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, as, isProblem, serverForFile, TODAY } from '../harness.mjs';

let server;
serverForFile({ set: (s) => { server = s; } });

const byKey = (body, key) => body.items.filter((v) => v.key === key);

test('today\'s values: every key once, with id, unit, supersedes, source and confirmed', async () => {
  const c = await as(server, 'ansatt');
  const r = await c.get('/api/rules/values');
  assert.equal(r.status, 200);
  assert.equal(r.data.date, TODAY);
  assert.equal(r.data.total, r.data.items.length);
  const keys = r.data.items.map((v) => v.key);
  assert.equal(new Set(keys).size, keys.length);
  for (const key of ['threshold.floor', 'threshold.national', 'months.framework_max', 'months.tax_certificate_max_age', 'flag.part_ii_applies', 'days.standstill'])
    assert.ok(keys.includes(key), key);
  const national = byKey(r.data, 'threshold.national')[0];
  assert.equal(national.unit, 'ore');
  assert.equal(national.amount_ore, 130_000_000);
  assert.equal(national.in_force, '2026-01-01');
  assert.equal(national.confirmed, false, 'the 2026–2027 values are not entered yet');
  assert.equal(national.supersedes, null);
  assert.equal(byKey(r.data, 'months.framework_max')[0].months, 48);
  assert.equal(byKey(r.data, 'months.tax_certificate_max_age')[0].months, 6);
  assert.equal(byKey(r.data, 'flag.part_ii_applies')[0].flag, true);
  assert.equal(byKey(r.data, 'days.standstill')[0].days, 10);
  assert.equal(r.data.confirmed, false);
});

test('values at a date, and bad dates', async () => {
  const c = await as(server, 'innkjop.kongsvinger');
  const r = await c.get('/api/rules/values?at=2020-06-01');
  assert.equal(r.status, 200);
  assert.equal(r.data.date, '2020-06-01');
  assert.equal(byKey(r.data, 'threshold.eea.goods_services')[0].amount_ore, 205_000_000);
  const s2025 = await c.get('/api/rules/values?at=2025-12-31');
  assert.equal(byKey(s2025.data, 'threshold.eea.goods_services')[0].in_force, '2024-03-14');
  isProblem(assert, await c.get('/api/rules/values?at=2016-12-31'), 400, 'rules.date_before_table', 'date');
  isProblem(assert, await c.get('/api/rules/values?at=2027-02-30'), 400, 'rules.invalid_date', 'at');
  isProblem(assert, await c.get('/api/rules/values?history=kanskje'), 400, 'rules.invalid_query', 'history');
});

test('signed out is 401; an officer may read but not write (403)', async () => {
  const anon = new Client(server);
  isProblem(assert, await anon.get('/api/rules/values'), 401);
  isProblem(assert, await anon.post('/api/rules/values', { key: 'threshold.floor', amount_ore: 1, in_force: '2027-07-01', source: 'x', confirmed: true }), 401);
  const o = await as(server, 'innkjop.kongsvinger');
  isProblem(assert, await o.post('/api/rules/values', { key: 'threshold.floor', amount_ore: 30_000_000, in_force: '2027-07-01', source: 'x', confirmed: true }), 403, 'auth.missing_permission');
  isProblem(assert, await (await as(server, 'direktor')).post('/api/rules/values', { key: 'threshold.floor', amount_ore: 30_000_000, in_force: '2027-07-01', source: 'x', confirmed: true }), 403);
});

test('the administrator raises the floor from a date: an assessment the day before and the day after gives two answers', async () => {
  const a = await as(server, 'admin');
  const added = await a.post('/api/rules/values', {
    key: 'threshold.floor', amount_ore: 30_000_000, in_force: '2027-07-01', source: 'Prop. 147 L (2024–2025), tenkt ikrafttredelse', confirmed: false,
  });
  assert.equal(added.status, 201, JSON.stringify(added.data));
  assert.equal(added.data.unit, 'ore');
  assert.equal(added.data.supersedes, null);
  const o = await as(server, 'ansatt');
  const before = await o.post('/api/rules/assess', { value_ore: 20_000_000, kind: 'services', date: '2027-06-30' });
  const after = await o.post('/api/rules/assess', { value_ore: 20_000_000, kind: 'services', date: '2027-07-01' });
  assert.equal(before.status, 200);
  assert.equal(before.data.part, 'I');
  assert.equal(before.data.protocol_required, true);
  assert.equal(after.data.part, 'outside');
  assert.equal(after.data.protocol_required, false);
  // Audited, with the row as it was written.
  const audit = await a.get(`/api/audit?entity=rules.legal_value&entity_id=${added.data.id}`);
  assert.equal(audit.status, 200);
  assert.equal(audit.data.items.length, 1);
  assert.equal(audit.data.items[0].action, 'create');
  assert.equal(audit.data.items[0].after.amount_ore, 30_000_000);
});

test('part II removed from a date: the national band is part I from that day', async () => {
  const a = await as(server, 'admin');
  const r = await a.post('/api/rules/values', { key: 'flag.part_ii_applies', flag: false, in_force: '2028-01-01', source: 'NOU 2023:26 (tenkt vedtak)', confirmed: false });
  assert.equal(r.status, 201, JSON.stringify(r.data));
  assert.equal(r.data.flag, false);
  const before = await a.post('/api/rules/assess', { value_ore: 150_000_000, kind: 'goods', date: '2027-12-31' });
  const after = await a.post('/api/rules/assess', { value_ore: 150_000_000, kind: 'goods', date: '2028-01-01' });
  assert.equal(before.data.part, 'II');
  assert.equal(before.data.publication, 'doffin');
  assert.equal(after.data.part, 'I');
  assert.equal(after.data.publication, 'none');
  assert.ok(after.data.reasons.some((x) => /del II gjelder ikke/.test(x.text_nb)));
});

test('entering the 2026–2027 values by superseding the carried-forward rows; the history keeps the old rows', async () => {
  const a = await as(server, 'admin');
  const at = await a.get('/api/rules/values?at=2026-01-01');
  const placeholders = at.data.items.filter((v) => v.in_force === '2026-01-01' && !v.confirmed);
  assert.deepEqual(placeholders.map((v) => v.key).sort(), ['threshold.eea.goods_services', 'threshold.eea.special', 'threshold.eea.works', 'threshold.national']);
  const gs = placeholders.find((v) => v.key === 'threshold.eea.goods_services');
  const fixed = await a.post('/api/rules/values', {
    key: gs.key, amount_ore: 240_000_000, in_force: '2026-01-01', source: 'FOA § 5-3; tenkt kunngjøring 2026', confirmed: true, supersedes: gs.id, reason: '2026-verdien er fastsatt',
  });
  assert.equal(fixed.status, 201, JSON.stringify(fixed.data));
  assert.equal(fixed.data.supersedes, gs.id);
  assert.equal(fixed.data.reason, '2026-verdien er fastsatt');
  const now = await a.get('/api/rules/values?at=2026-06-01');
  assert.equal(byKey(now.data, gs.key)[0].id, fixed.data.id);
  assert.equal(byKey(now.data, gs.key)[0].amount_ore, 240_000_000);
  const history = await a.get('/api/rules/values?history=true');
  assert.equal(history.status, 200);
  const old = history.data.items.find((v) => v.id === gs.id);
  assert.equal(old.superseded_by, fixed.data.id);
  assert.ok(history.data.total > now.data.total);
  // Superseding it again: 409.
  isProblem(assert, await a.post('/api/rules/values', {
    key: gs.key, amount_ore: 1, in_force: '2026-01-01', source: 'x', confirmed: true, supersedes: gs.id, reason: 'igjen',
  }), 409, 'rules.already_superseded', 'supersedes');
  const audit = await a.get(`/api/audit?entity=rules.legal_value&entity_id=${fixed.data.id}`);
  assert.equal(audit.data.items[0].action, 'supersede');
  assert.equal(audit.data.items[0].before.id, gs.id);
});

test('bad values are refused with the field named, and nothing is written', async () => {
  const a = await as(server, 'admin');
  const count = (await a.get('/api/rules/values?history=true')).data.total;
  const base = { key: 'threshold.national', amount_ore: 140_000_000, in_force: '2027-09-01', source: 'FOA § 5-1', confirmed: true };
  const cases = [
    [{ ...base, amount_ore: -1 }, 400, 'rules.invalid_legal_value', 'amount_ore'],
    [{ ...base, key: 'threshold.unknown' }, 400, 'rules.unknown_key', 'key'],
    [{ ...base, key: 'limit.national' }, 400, 'rules.unknown_key', 'key'],
    [{ ...base, amount_ore: undefined, days: 10 }, 400, 'rules.unit_mismatch', 'days'],
    [{ ...base, key: 'days.standstill' }, 400, 'rules.unit_mismatch', 'amount_ore'],
    [{ ...base, key: 'flag.part_ii_applies', amount_ore: undefined, flag: 'ja' }, 400, 'rules.invalid_legal_value', 'flag'],
    [{ ...base, in_force: '2027-13-01' }, 400, 'rules.invalid_legal_value', 'in_force'],
    [{ ...base, in_force: '2016-06-01' }, 400, 'rules.invalid_legal_value', 'in_force'],
    [{ ...base, source: '' }, 400, 'rules.invalid_legal_value', 'source'],
    [{ ...base, confirmed: undefined }, 400, 'rules.invalid_legal_value', 'confirmed'],
    [{ ...base, supersedes: 3 }, 400, 'rules.reason_required', 'reason'],
    [{ ...base, in_force: '2019-01-01' }, 400, 'rules.reason_required', 'reason'],
    [{ ...base, supersedes: 999999, reason: 'x' }, 404, 'rules.value_not_found', 'supersedes'],
    [{ ...base, key: 'threshold.floor', supersedes: 3, reason: 'x' }, 400, 'rules.invalid_legal_value', 'key'],
    [{ ...base, in_force: '2018-04-06', reason: 'x' }, 409, 'rules.duplicate_value', 'in_force'],
    [{ ...base, extra: 1 }, 400, 'rules.invalid_legal_value', 'extra'],
  ];
  for (const [body, status, code, field] of cases) {
    const json = JSON.parse(JSON.stringify(body));  // drops undefined
    isProblem(assert, await a.post('/api/rules/values', json), status, code, field);
  }
  assert.equal((await a.get('/api/rules/values?history=true')).data.total, count);
  // Back-dating with a reason is allowed.
  const ok = await a.post('/api/rules/values', { ...base, in_force: '2019-01-01', reason: 'Rettet ikrafttredelse etter Lovdata' });
  assert.equal(ok.status, 201, JSON.stringify(ok.data));
});

test('concurrent writers: one row is superseded once, one key gets one value per date (both databases)', async () => {
  // One session, ten requests at once (ten parallel sign-ins would meet the login throttle).
  const admin = await as(server, 'admin');
  const clients = Array.from({ length: 10 }, () => admin);
  const base = { key: 'days.standstill', days: 10, in_force: '2029-01-01', source: 'Samtidighetstest', confirmed: true };
  const adds = await Promise.all(clients.map((c, i) => c.post('/api/rules/values', { ...base, days: 10 + i })));
  assert.deepEqual(adds.map((r) => r.status).sort(), [201, ...Array(9).fill(409)], JSON.stringify(adds.map((r) => r.data.code)));
  for (const r of adds.filter((x) => x.status === 409)) assert.equal(r.data.code, 'rules.duplicate_value');
  const target = adds.find((r) => r.status === 201).data.id;
  const fixes = await Promise.all(clients.map((c, i) => c.post('/api/rules/values', { ...base, days: 20 + i, supersedes: target, reason: `rettelse ${i}` })));
  assert.deepEqual(fixes.map((r) => r.status).sort(), [201, ...Array(9).fill(409)], JSON.stringify(fixes.map((r) => r.data.code)));
  const history = (await clients[0].get('/api/rules/values?history=true')).data.items;
  assert.equal(history.filter((v) => v.supersedes === target).length, 1);
  const inForce = (await clients[0].get('/api/rules/values?at=2029-01-01')).data.items.filter((v) => v.key === 'days.standstill');
  assert.equal(inForce.length, 1);
  assert.equal(inForce[0].supersedes, target);
});

test('DL-6: a change notifies the procurement officers in office, who confirm having read it; others get nothing', async () => {
  const officer = await as(server, 'innkjop.kongsvinger');
  const employee = await as(server, 'ansatt');
  const before = (await officer.get('/api/notifications?page_size=500')).data;
  const employeeBefore = (await employee.get('/api/notifications?page_size=500')).data.total;
  const a = await as(server, 'admin');
  const added = await a.post('/api/rules/values', {
    key: 'days.standstill', days: 12, in_force: '2031-03-01', source: 'Tenkt endring av FOA § 10-3', confirmed: false,
  });
  assert.equal(added.status, 201, JSON.stringify(added.data));
  const after = (await officer.get('/api/notifications?page_size=500')).data;
  assert.equal(after.total, before.total + 1);
  assert.equal(after.unread, before.unread + 1);
  const notice = after.items[0];
  assert.equal(notice.kind, 'rules.change');
  assert.equal(notice.link, '/regelverk');
  assert.equal(notice.requires_confirmation, true);
  assert.match(notice.body, /12 dager fra og med 01\.03\.2031/);
  assert.equal((await employee.get('/api/notifications?page_size=500')).data.total, employeeBefore, 'an employee is not notified');
  const confirmed = await officer.post(`/api/notifications/${notice.id}/confirm`);
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.data));
  assert.ok(confirmed.data.confirmed_at);
  // A correction notifies again, naming the reason.
  const fixed = await a.post('/api/rules/values', {
    key: 'days.standstill', days: 10, in_force: '2031-03-01', source: 'FOA § 10-3', confirmed: true, supersedes: added.data.id, reason: 'Endringen ble ikke vedtatt',
  });
  assert.equal(fixed.status, 201, JSON.stringify(fixed.data));
  const latest = (await officer.get('/api/notifications?page_size=1')).data.items[0];
  assert.match(latest.title_nb, /^Rettet verdi i regelverket/);
  assert.match(latest.body, /Begrunnelse: Endringen ble ikke vedtatt/);
});

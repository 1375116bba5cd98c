// Role assignments with history, R-1 and IA-5, who may appoint whom, the councils.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serverForFile, Client, as, isProblem, PASSWORD, TODAY, addDays, addMonths, KV, GRUE, ASNES } from '../harness.mjs';

let server;
serverForFile({
  set: (s) => { server = s; },
  // A person of Kongsvinger without roles, for the appointments and the account below.
  async setup(s) {
    const o = await as(s, 'innkjop.kongsvinger');
    const r = await o.post('/api/people', { name: 'Trine Lie', email: 'trine.lie@kongsvinger.kommune.no', municipality: KV, title: 'Kokk' });
    assert.equal(r.status, 201, JSON.stringify(r.data));
  },
});

describe('org: role assignments (R-1, IA-5) and councils', () => {
  const person = async (c, q) => (await c.get(`/api/people?q=${encodeURIComponent(q)}`)).data.items[0];
  test('who was the officer on a date: the history', async () => {
    // The demo: Åsnes's officer left three months before the demo was seeded.
    const a = await as(server, 'ansatt');
    const left = addMonths(TODAY, -3);
    const before = await a.get(`/api/roles?role=officer&municipality=${ASNES}&at=${addMonths(TODAY, -6)}`);
    assert.deepEqual(before.data.items.map((x) => [x.person_name, x.valid_to]), [['Gunnar Åsli', left]]);
    const lastDay = await a.get(`/api/roles?role=officer&municipality=${ASNES}&at=${left}`);
    assert.equal(lastDay.data.total, 1);
    const now = await a.get(`/api/roles?role=officer&municipality=${ASNES}&at=${addDays(left, 1)}`);
    assert.equal(now.data.total, 0);
    isProblem(assert, await a.get('/api/roles?at=2026-02-30'), 400, 'org.invalid_filter', 'at');
    isProblem(assert, await a.get('/api/roles?role=king'), 400, undefined, 'role');
  });
  test('officer appoints a product manager in own municipality (IA-5), not elsewhere', async () => {
    const o = await as(server, 'innkjop.kongsvinger');
    const trine = await person(o, 'Trine Lie');
    const r = await o.post('/api/roles', { person_id: trine.id, role: 'product_manager', municipality: KV, product_area: 'food', valid_from: TODAY });
    assert.equal(r.status, 201, JSON.stringify(r.data));
    assert.equal(r.data.product_area, 'food');
    isProblem(assert, await o.post('/api/roles', { person_id: trine.id, role: 'product_manager', municipality: GRUE, product_area: 'food', valid_from: TODAY }), 403, 'org.not_allowed_to_appoint');
    isProblem(assert, await (await as(server, 'ansatt')).post('/api/roles', { person_id: trine.id, role: 'product_manager', municipality: KV, product_area: 'ict', valid_from: TODAY }), 403);
    isProblem(assert, await o.post('/api/roles', { person_id: trine.id, role: 'product_manager', municipality: KV, product_area: 'nope', valid_from: TODAY }), 400, 'org.invalid_assignment', 'product_area');
    isProblem(assert, await o.post('/api/roles', { person_id: trine.id, role: 'wizard', municipality: KV, valid_from: TODAY }), 400, undefined, 'role');
    isProblem(assert, await o.post('/api/roles', { person_id: trine.id, role: 'product_manager', municipality: '123456785', product_area: 'food', valid_from: TODAY }), 400, undefined, 'municipality');
    // The appointment is in the audit log with its after-image.
    const audit = await (await as(server, 'direktor')).get(`/api/audit?entity=org.role_assignment&entity_id=${r.data.id}`);
    assert.equal(audit.data.items[0].action, 'appoint');
    assert.equal(audit.data.items[0].username, 'innkjop.kongsvinger');
    assert.equal(audit.data.items[0].after.person_name, 'Trine Lie');
  });
  test('the chief executive appoints a new officer; the previous one ends the day before (R-1)', async () => {
    // The new officer starts in a month, so Ola Haugen stays the officer today for the other tests.
    const c = await as(server, 'radmann');
    const trine = await person(c, 'Trine Lie');
    const start = addMonths(TODAY, 1);
    isProblem(assert, await c.post('/api/roles', { person_id: trine.id, role: 'officer', municipality: GRUE, valid_from: start }), 403);
    const r = await c.post('/api/roles', { person_id: trine.id, role: 'officer', municipality: KV, valid_from: start });
    assert.equal(r.status, 201, JSON.stringify(r.data));
    const hist = await c.get(`/api/roles?role=officer&municipality=${KV}`);
    const ola = hist.data.items.find((x) => x.person_name === 'Ola Haugen');
    assert.equal(ola.valid_to, addDays(start, -1));
    const then = await c.get(`/api/roles?role=officer&municipality=${KV}&at=${start}`);
    assert.deepEqual(then.data.items.map((x) => x.person_name), ['Trine Lie']);
    const today = await c.get(`/api/roles?role=officer&municipality=${KV}&at=${TODAY}`);
    assert.deepEqual(today.data.items.map((x) => x.person_name), ['Ola Haugen']);
    isProblem(assert, await c.post('/api/roles', { person_id: trine.id, role: 'officer', municipality: KV, valid_from: start }), 409);
    // Ending Trine before she starts is refused; ending on her start day works.
    isProblem(assert, await c.post(`/api/roles/${r.data.id}/end`, { valid_to: addDays(start, -1) }), 400, 'org.bad_end_date', 'valid_to');
    assert.equal((await c.post(`/api/roles/${r.data.id}/end`, { valid_to: start })).status, 200);
  });
  test('ending an assignment: director allowed, other municipality officer denied', async () => {
    const d = await as(server, 'direktor');
    const grue = await d.get(`/api/roles?role=officer&municipality=${GRUE}&include_ended=false`);
    const id = grue.data.items[0].id;
    isProblem(assert, await (await as(server, 'innkjop.kongsvinger')).post(`/api/roles/${id}/end`, { valid_to: '2030-01-01' }), 403);
    const r = await d.post(`/api/roles/${id}/end`, { valid_to: '2030-12-31' });
    assert.equal(r.status, 200);
    assert.equal(r.data.valid_to, '2030-12-31');
    isProblem(assert, await d.post('/api/roles/999999/end', { valid_to: '2030-12-31' }), 404);
  });
  test('councils: chief executives and officers in force today', async () => {
    const r = await (await as(server, 'raad')).get('/api/councils');
    assert.equal(r.status, 200);
    const coop = r.data.items.find((x) => x.code === 'cooperation');
    const proc = r.data.items.find((x) => x.code === 'procurement');
    assert.equal(coop.name_nb, 'Samarbeidsrådet');
    assert.equal(coop.members.length, 6);
    assert.equal(proc.members.length, 5);
    assert.ok(!proc.members.some((m) => m.municipality === ASNES));
  });
});


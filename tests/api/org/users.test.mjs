// User accounts: admin only; must-change passwords; deactivate and activate.
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

describe('org: user accounts (admin only)', () => {
  test('admin lists and creates; director denied', async () => {
    isProblem(assert, await (await as(server, 'direktor')).get('/api/users'), 403);
    const admin = await as(server, 'admin');
    const list = await admin.get('/api/users');
    assert.equal(list.status, 200);
    assert.ok(list.data.items.some((u) => u.username === 'revisor' && u.name === 'Rita Revisjon'));
    const trine = (await admin.get('/api/people?q=Trine')).data.items[0];
    isProblem(assert, await (await as(server, 'direktor')).post('/api/users', { username: 'trine', password: 'Midlertidig-123', person_id: trine.id }), 403);
    isProblem(assert, await admin.post('/api/users', { username: 'Trine Lie', password: 'kort', person_id: trine.id }), 400, 'org.invalid_user');
    const created = await admin.post('/api/users', { username: 'trine', password: 'Midlertidig-123', person_id: trine.id });
    assert.equal(created.status, 201);
    assert.equal(created.data.must_change_password, true);
    isProblem(assert, await admin.post('/api/users', { username: 'trine', password: 'Midlertidig-123', person_id: trine.id }), 409);
  });
  test('a new or reset account must change its password before anything else', async () => {
    const t = new Client(server);
    const r = await t.login('trine', 'Midlertidig-123');
    assert.equal(r.status, 200);
    assert.equal(r.data.user.must_change_password, true);
    isProblem(assert, await t.get('/api/municipalities'), 403, 'auth.password_change_required');
    assert.equal((await t.get('/api/auth/me')).status, 200);
    assert.equal((await t.post('/api/auth/password', { current_password: 'Midlertidig-123', new_password: 'Hemmelig-sommer-2027' })).status, 204);
    // Trine holds no role yet: signed in, she may see herself but nothing of the organisation.
    assert.equal((await t.get('/api/auth/me')).status, 200);
    isProblem(assert, await t.get('/api/municipalities'), 403, 'auth.missing_permission');
    const o = await as(server, 'innkjop.kongsvinger');
    const appointed = await o.post('/api/roles', { person_id: r.data.user.person_id, role: 'employee', municipality: KV, valid_from: TODAY });
    assert.equal(appointed.status, 201, JSON.stringify(appointed.data));
    assert.equal((await t.get('/api/municipalities')).status, 200, 'as an employee she reads the region');
    const admin = await as(server, 'admin');
    const id = (await admin.get('/api/users')).data.items.find((u) => u.username === 'trine').id;
    isProblem(assert, await (await as(server, 'direktor')).post(`/api/users/${id}/reset-password`, { new_password: 'Nytt-passord-123' }), 403);
    const reset = await admin.post(`/api/users/${id}/reset-password`, { new_password: 'Nytt-passord-123' });
    assert.equal(reset.data.must_change_password, true);
    isProblem(assert, await t.get('/api/auth/me'), 401, undefined, undefined);
  });
  test('deactivate ends sessions and blocks login; activate restores', async () => {
    const admin = await as(server, 'admin');
    const id = (await admin.get('/api/users')).data.items.find((u) => u.username === 'ansatt').id;
    const a = await as(server, 'ansatt');
    isProblem(assert, await (await as(server, 'direktor')).post(`/api/users/${id}/deactivate`), 403);
    assert.equal((await admin.post(`/api/users/${id}/deactivate`)).data.active, false);
    isProblem(assert, await a.get('/api/municipalities'), 401);
    isProblem(assert, await new Client(server).login('ansatt'), 401, 'auth.invalid_credentials');
    isProblem(assert, await (await as(server, 'direktor')).post(`/api/users/${id}/activate`), 403);
    assert.equal((await admin.post(`/api/users/${id}/activate`)).data.active, true);
    assert.equal((await new Client(server).login('ansatt')).status, 200);
    const self = (await admin.get('/api/users')).data.items.find((u) => u.username === 'admin').id;
    isProblem(assert, await admin.post(`/api/users/${self}/deactivate`), 409);
    isProblem(assert, await (await as(server, 'direktor')).post(`/api/users/${id}/unlock`), 403);
  });
});


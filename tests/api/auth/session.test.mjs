// Sign-in, CSRF, the account lock and its release, password change, logout.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serverForFile, Client, as, isProblem, PASSWORD, TODAY, addDays, addMonths, KV, GRUE, ASNES } from '../harness.mjs';

let server;
serverForFile({ set: (s) => { server = s; } });

describe('auth: sign-in, CSRF, throttling, passwords', () => {
  test('login returns user, roles and csrf token and sets an HttpOnly SameSite=Lax cookie', async () => {
    const c = new Client(server);
    const r = await c.login('innkjop.kongsvinger');
    assert.equal(r.status, 200);
    assert.equal(r.data.user.username, 'innkjop.kongsvinger');
    assert.equal(r.data.user.name, 'Ola Haugen');
    assert.deepEqual(r.data.roles.map((x) => [x.role, x.municipality]), [['officer', KV]]);
    assert.match(r.data.csrf_token, /^[0-9a-f]{64}$/);
    const cookie = r.headers.get('set-cookie');
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.doesNotMatch(cookie, /Secure/);
    const me = await c.get('/api/auth/me');
    assert.equal(me.status, 200);
    assert.equal(me.data.csrf_token, r.data.csrf_token);
  });
  test('wrong password and unknown user are the same 401', async () => {
    const a = await new Client(server).login('stab', 'wrong-password');
    isProblem(assert, a, 401, 'auth.invalid_credentials');
    const b = await new Client(server).login('nobody', 'wrong-password');
    isProblem(assert, b, 401, 'auth.invalid_credentials');
    isProblem(assert, await new Client(server).post('/api/auth/login', { username: 'stab' }), 400, 'auth.invalid_body', 'password');
  });
  test('state-changing requests need the X-CSRF-Token header', async () => {
    const c = await as(server, 'direktor');
    const body = { code: 'csrftest', name_nb: 'CSRF', name_en: 'CSRF' };
    isProblem(assert, await c.post('/api/product-areas', body, { csrf: false }), 403, 'auth.csrf');
    isProblem(assert, await c.post('/api/product-areas', body, { csrf: false, headers: { 'x-csrf-token': 'f'.repeat(64) } }), 403, 'auth.csrf');
  });
  test('repeated failures lock the account (429 with Retry-After); admin releases it', async () => {
    const c = new Client(server);
    for (let i = 0; i < 3; i++) isProblem(assert, await c.login('raad', 'wrong-password'), 401);
    const locked = await c.login('raad', PASSWORD);
    isProblem(assert, locked, 429, 'auth.throttled');
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
    const admin = await as(server, 'admin');
    const users = await admin.get('/api/users');
    const raad = users.data.items.find((u) => u.username === 'raad');
    assert.equal(raad.locked, true);
    const unlocked = await admin.post(`/api/users/${raad.id}/unlock`);
    assert.equal(unlocked.status, 200);
    assert.equal(unlocked.data.locked, false);
    assert.equal((await new Client(server).login('raad')).status, 200);
  });
  test('password change: validation, then the new password works', async () => {
    const c = await as(server, 'stab');
    isProblem(assert, await c.post('/api/auth/password', { current_password: PASSWORD, new_password: 'short' }), 400, 'auth.weak_password', 'new_password');
    isProblem(assert, await c.post('/api/auth/password', { current_password: 'wrong-one-x', new_password: 'Et-nytt-passord-1' }), 400, 'auth.wrong_password', 'current_password');
    assert.equal((await c.post('/api/auth/password', { current_password: PASSWORD, new_password: 'Et-nytt-passord-1' })).status, 204);
    assert.equal((await new Client(server).login('stab', 'Et-nytt-passord-1')).status, 200);
    assert.equal((await c.post('/api/auth/password', { current_password: 'Et-nytt-passord-1', new_password: PASSWORD })).status, 204);
  });
  test('logout ends the session', async () => {
    const c = await as(server, 'ansatt');
    assert.equal((await c.post('/api/auth/logout')).status, 204);
    c.cookie = c.cookie || 'samkjop_session=';
    isProblem(assert, await c.get('/api/auth/me'), 401);
  });
});


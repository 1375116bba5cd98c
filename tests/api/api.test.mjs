// Black-box API scenarios against the real binary. Run on SQLite by default
// and on PostgreSQL with SAMKJOP_TEST_DB=postgresql://... (make test does both).
// Every protected route has an allowed and a denied caller.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, as, isProblem, calls, PASSWORD, TODAY, addDays, addMonths } from './harness.mjs';

const KV = '944117784';
const GRUE = '964948143';
const ASNES = '974602970';
let server;

before(async () => { server = await startServer(); });
after(async () => {
  const code = await server.stop();
  assert.equal(code, 0, 'server must exit 0 on SIGTERM (graceful shutdown)');
});

describe('core: health, errors, headers', () => {
  test('health reports status, version and database kind without a session', async () => {
    const r = await new Client(server).get('/api/health');
    assert.equal(r.status, 200);
    assert.equal(r.data.status, 'ok');
    assert.match(r.data.version, /^\d+\.\d+\.\d+$/);
    assert.equal(r.data.database, server.db.startsWith('postgres') ? 'postgresql' : 'sqlite');
    assert.equal(r.data.today, TODAY, 'the server runs on the pinned date');
  });
  test('security headers and request id on every response', async () => {
    const r = await new Client(server).get('/api/health');
    assert.match(r.headers.get('content-security-policy'), /frame-ancestors 'none'/);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.match(r.headers.get('x-request-id'), /^[0-9a-f]{16}$/);
    // The request id is the server's, never the client's (issue 8, defect 12); the client's
    // X-Request-Id only goes to the access log (tests/api/core/http.test.mjs).
    const mine = await new Client(server).get('/api/health', { headers: { 'x-request-id': 'trace-123' } });
    assert.match(mine.headers.get('x-request-id'), /^[0-9a-f]{16}$/);
    assert.notEqual(mine.headers.get('x-request-id'), 'trace-123');
  });
  test('unknown /api path is 404 problem+json; wrong method 405', async () => {
    const c = await as(server, 'ansatt');
    isProblem(assert, await c.get('/api/nope'), 404, 'http.not_found');
    isProblem(assert, await c.request('DELETE', '/api/municipalities'), 405);
  });
  test('protected routes need a session (401 before anything else)', async () => {
    const c = new Client(server);
    isProblem(assert, await c.get('/api/municipalities'), 401, 'auth.unauthenticated');
    isProblem(assert, await c.post('/api/municipalities', {}), 401, 'auth.unauthenticated');
    isProblem(assert, await c.get('/api/auth/me'), 401);
  });
  test('malformed JSON, wrong content type, non-object, oversize body', async () => {
    const c = await as(server, 'direktor');
    isProblem(assert, await c.request('POST', '/api/product-areas', { body: '{"code": ', headers: { 'content-type': 'application/json' } }), 400, 'http.malformed_json', 'body');
    isProblem(assert, await c.request('POST', '/api/product-areas', { body: 'code=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415);
    isProblem(assert, await c.post('/api/product-areas', [1, 2]), 400, 'http.not_an_object');
    const big = { code: 'big', name_nb: 'x'.repeat(70 * 1024), name_en: 'x' };
    isProblem(assert, await c.post('/api/product-areas', big), 413, 'http.payload_too_large');
    const areas = await c.get('/api/product-areas');
    assert.ok(!areas.data.items.some((a) => a.code === 'big'), 'nothing was written');
  });
  test('unknown and wrongly typed fields name the field', async () => {
    const c = await as(server, 'direktor');
    const r = await c.post('/api/municipalities', { orgnr: 12, name: 'X', municipality_number: '3401', host: 'no', extra: 1 });
    isProblem(assert, r, 400, 'org.invalid_municipality');
    const fields = r.data.errors.map((e) => e.field).sort();
    assert.deepEqual(fields, ['extra', 'host', 'orgnr']);
    for (const e of r.data.errors) assert.ok(e.message.length > 3);
  });
  test('the web app is served with history fallback, and never files outside it', async () => {
    const c = new Client(server);
    const page = await c.get('/organisasjon/kommuner');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type'), /text\/html/);
    assert.match(page.data, /Samkjøp/);
    const js = await c.get('/assets/app.js');
    assert.match(js.headers.get('content-type'), /javascript/);
    assert.match(js.headers.get('cache-control'), /immutable/);
    const escape = await c.get('/%2e%2e/%2e%2e/%2e%2e/etc/passwd');
    assert.doesNotMatch(String(escape.data), /root:/);
  });
  test('OpenAPI document is public and describes the session schema', async () => {
    const r = await new Client(server).get('/api/openapi.json');
    assert.equal(r.status, 200);
    assert.equal(r.data.openapi, '3.1.0');
    assert.ok(r.data.components.schemas.Session);
  });
});

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

describe('org: municipalities', () => {
  test('any signed-in user lists the region in Norwegian order, with R-1', async () => {
    const c = await as(server, 'ansatt');
    const r = await c.get('/api/municipalities');
    assert.equal(r.status, 200);
    assert.equal(r.data.total, 6);
    assert.deepEqual(r.data.items.map((m) => m.name), ['Eidskog', 'Grue', 'Kongsvinger', 'Nord-Odal', 'Sør-Odal', 'Åsnes']);
    const kv = r.data.items.find((m) => m.orgnr === KV);
    assert.equal(kv.host, true);
    assert.equal(kv.orgnr_verified, true);
    assert.equal(kv.officer.name, 'Ola Haugen');
    const asnes = r.data.items.find((m) => m.orgnr === ASNES);
    assert.equal(asnes.r1_ok, false);
    assert.equal(asnes.officer, null);
  });
  test('get one, with spaces in the orgnr; unknown 404; invalid 400', async () => {
    const c = await as(server, 'ansatt');
    const r = await c.get('/api/municipalities/944%20117%20784');
    assert.equal(r.status, 200);
    assert.equal(r.data.municipality_number, '3401');
    isProblem(assert, await c.get('/api/municipalities/123456785'), 404, 'org.municipality_not_found');
    isProblem(assert, await c.get('/api/municipalities/123456789'), 400, 'http.invalid_orgnr');
  });
  test('create: director allowed, employee and officer denied; bad input is 4xx and changes nothing', async () => {
    const body = { orgnr: '974 760 673', name: 'Testkommune', municipality_number: '0402', host: false };
    isProblem(assert, await (await as(server, 'ansatt')).post('/api/municipalities', body), 403);
    isProblem(assert, await (await as(server, 'innkjop.kongsvinger')).post('/api/municipalities', body), 403);
    const d = await as(server, 'direktor');
    isProblem(assert, await d.post('/api/municipalities', { ...body, orgnr: '974760674' }), 400, 'org.invalid_municipality', 'orgnr');
    isProblem(assert, await d.post('/api/municipalities', { ...body, host: true }), 409, 'org.second_host');
    const created = await d.post('/api/municipalities', body);
    assert.equal(created.status, 201);
    assert.equal(created.data.orgnr, '974760673');
    assert.equal(created.data.municipality_number, '0402');
    assert.equal(created.data.r1_ok, false);
    isProblem(assert, await d.post('/api/municipalities', body), 409, 'org.duplicate_orgnr');
    const list = await d.get('/api/municipalities');
    assert.equal(list.data.total, 7);
    assert.equal(list.data.items.filter((m) => m.host).length, 1);
  });
  test('patch: merge patch by director; orgnr cannot change; officer denied', async () => {
    const d = await as(server, 'direktor');
    const r = await d.patch('/api/municipalities/974760673', { name: 'Testkommune 2', member_from: '2026-01-01' },
      { headers: { 'content-type': 'application/merge-patch+json' } });
    assert.equal(r.status, 200, JSON.stringify(r.data));
    assert.equal(r.data.name, 'Testkommune 2');
    assert.equal(r.data.member_from, '2026-01-01');
    isProblem(assert, await d.patch('/api/municipalities/974760673', { orgnr: '944117784' }), 400, 'org.invalid_municipality', 'orgnr');
    isProblem(assert, await d.patch('/api/municipalities/974760673', { member_to: '2025-01-01' }), 400, undefined, 'member_to');
    isProblem(assert, await (await as(server, 'innkjop.kongsvinger')).patch('/api/municipalities/974760673', { name: 'X' }), 403);
  });
  test('make-host moves the host; officer denied', async () => {
    isProblem(assert, await (await as(server, 'innkjop.kongsvinger')).post(`/api/municipalities/${GRUE}/make-host`), 403);
    const d = await as(server, 'direktor');
    const r = await d.post(`/api/municipalities/${GRUE}/make-host`);
    assert.equal(r.status, 200);
    assert.equal(r.data.host, true);
    const list = await d.get('/api/municipalities');
    assert.deepEqual(list.data.items.filter((m) => m.host).map((m) => m.orgnr), [GRUE]);
    assert.equal((await d.post(`/api/municipalities/${KV}/make-host`)).status, 200);
  });
});

describe('org: product areas and people', () => {
  test('product areas: anyone reads ~15 areas; director creates; officer denied', async () => {
    const a = await as(server, 'ansatt');
    const r = await a.get('/api/product-areas');
    assert.ok(r.data.total >= 15);
    assert.ok(r.data.items.some((p) => p.code === 'food' && p.name_nb === 'Matvarer' && p.name_en === 'Food'));
    isProblem(assert, await (await as(server, 'innkjop.kongsvinger')).post('/api/product-areas', { code: 'toys', name_nb: 'Leker', name_en: 'Toys' }), 403);
    const d = await as(server, 'direktor');
    assert.equal((await d.post('/api/product-areas', { code: 'toys', name_nb: 'Leker', name_en: 'Toys' })).status, 201);
    isProblem(assert, await d.post('/api/product-areas', { code: 'toys', name_nb: 'Leker', name_en: 'Toys' }), 409);
    isProblem(assert, await d.post('/api/product-areas', { code: 'Bad Code', name_nb: 'X', name_en: 'X' }), 400, undefined, 'code');
  });
  test('people: contact directory search; officer creates in own municipality only', async () => {
    const a = await as(server, 'ansatt');
    const r = await a.get('/api/people?q=haugen');
    assert.equal(r.status, 200);
    assert.deepEqual(r.data.items.map((p) => p.name), ['Ola Haugen']);
    assert.equal(r.data.items[0].username, 'innkjop.kongsvinger');
    const byMuni = await a.get(`/api/people?municipality=${ASNES}`);
    assert.ok(byMuni.data.items.every((p) => p.municipality === ASNES));
    const o = await as(server, 'innkjop.kongsvinger');
    const created = await o.post('/api/people', { name: 'Trine Lie', email: 'trine.lie@kongsvinger.kommune.no', municipality: KV, title: 'Kokk' });
    assert.equal(created.status, 201);
    isProblem(assert, await o.post('/api/people', { name: 'Other', municipality: GRUE }), 403, 'org.person_out_of_scope');
    isProblem(assert, await a.post('/api/people', { name: 'Nope', municipality: KV }), 403);
    isProblem(assert, await o.post('/api/people', { name: 'Bad', email: 'not-an-email', municipality: KV }), 400, 'org.invalid_person', 'email');
    const got = await a.get(`/api/people/${created.data.id}`);
    assert.equal(got.data.name, 'Trine Lie');
    isProblem(assert, await a.get('/api/people/999999'), 404);
    isProblem(assert, await a.get('/api/people/abc'), 400, 'http.invalid_id');
    const patched = await o.patch(`/api/people/${created.data.id}`, { phone: '+47 900 00 000' });
    assert.equal(patched.status, 200);
    assert.equal(patched.data.phone, '+47 900 00 000');
    const grueOfficer = (await a.get(`/api/people?municipality=${GRUE}&q=vik`)).data.items[0];
    isProblem(assert, await o.patch(`/api/people/${grueOfficer.id}`, { phone: '12345' }), 403);
  });
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
    assert.equal((await t.get('/api/municipalities')).status, 200);
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

describe('audit log', () => {
  test('director and auditor read it with filters; employee and officer denied', async () => {
    isProblem(assert, await (await as(server, 'ansatt')).get('/api/audit'), 403);
    isProblem(assert, await (await as(server, 'innkjop.kongsvinger')).get('/api/audit'), 403);
    const rev = await as(server, 'revisor');
    const all = await rev.get('/api/audit?page_size=5');
    assert.equal(all.status, 200);
    assert.equal(all.data.items.length, 5);
    assert.ok(all.data.total > 50);
    const hosts = await rev.get('/api/audit?entity=org.municipality&user=direktor');
    assert.ok(hosts.data.items.some((e) => e.action === 'make_host' && e.after.host === GRUE));
    assert.ok(hosts.data.items.every((e) => e.entity === 'org.municipality' && e.username === 'direktor'));
    const prefix = await rev.get('/api/audit?entity=org.&page_size=500');
    assert.ok(prefix.data.items.every((e) => e.entity.startsWith('org.')));
    const today = new Date().toISOString().slice(0, 10);
    const dated = await rev.get(`/api/audit?from=${today}&to=${today}&page_size=3`);
    assert.equal(dated.status, 200);
    isProblem(assert, await rev.get('/api/audit?from=yesterday'), 400, 'audit.invalid_filter', 'from');
    isProblem(assert, await rev.get('/api/audit?page=0'), 400, undefined, 'page');
    assert.equal((await rev.get('/api/audit?page_size=0')).data.page_size, 1, 'page_size is clamped, not refused');
    assert.equal((await rev.get('/api/audit?page_size=99999')).data.page_size, 500);
    isProblem(assert, await (await as(server, 'innkjop.kongsvinger')).get('/api/permissions'), 403);
    const table = await rev.get('/api/permissions');
    assert.ok(table.data.grants.some((g) => g.role === 'officer' && g.permission === 'org.people.write' && g.scope === 'own_municipality'));
  });
  test('export to xlsx: director allowed, officer denied', async () => {
    const d = await as(server, 'direktor');
    const r = await d.request('GET', '/api/audit/export.xlsx?entity=org.', { raw: true });
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /spreadsheetml/);
    assert.match(r.headers.get('content-disposition'), /revisjonslogg\.xlsx/);
    assert.equal(r.data.subarray(0, 2).toString(), 'PK');
    isProblem(assert, await (await as(server, 'innkjop.kongsvinger')).get('/api/audit/export.xlsx'), 403);
  });
});

describe('OpenAPI coverage', () => {
  test('every documented route has a summary and was exercised by this suite; every route answered is documented', async () => {
    const doc = (await new Client(server).get('/api/openapi.json')).data;
    const documented = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        assert.ok(op.summary && op.summary.length > 5, `${method} ${path} has no summary`);
        assert.ok(Object.keys(op.responses).some((s) => s.startsWith('2')), `${method} ${path} has no success response`);
        const re = new RegExp('^' + path.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.') + '$');
        documented.push({ method: method.toUpperCase(), path, re });
      }
    }
    const missing = documented.filter((d) => !calls.some((c) => c.method === d.method && d.re.test(c.path)));
    assert.deepEqual(missing.map((d) => `${d.method} ${d.path}`), [], 'routes without an API test');
    // /api/test/ is the test-only gauge route (serve --test-gauges), never documented.
    const undocumented = calls.filter((c) => c.path.startsWith('/api/') && !c.path.startsWith('/api/test/') && ![404, 405].includes(c.status) &&
      !documented.some((d) => d.method === c.method && d.re.test(c.path)));
    assert.deepEqual(undocumented.map((c) => `${c.method} ${c.path}`), [], 'routes missing from the OpenAPI document');
  });
});

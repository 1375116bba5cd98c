// The core's basics: health, errors as problem+json, security headers, the web app's files, the
// OpenAPI document.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serverForFile, Client, as, isProblem, PASSWORD, TODAY, addDays, addMonths, KV, GRUE, ASNES } from '../harness.mjs';

let server;
serverForFile({ set: (s) => { server = s; } });

describe('core: health, errors, headers', () => {
  test('health reports status, version and database kind without a session', async () => {
    const r = await new Client(server).get('/api/health');
    assert.equal(r.status, 200);
    assert.equal(r.data.status, 'ok');
    assert.match(r.data.version, /^\d+\.\d+\.\d+$/);
    assert.equal(r.data.database, server.db.startsWith('postgres') ? 'postgresql' : 'sqlite');
    assert.equal(r.data.today, TODAY, 'the server runs on the pinned date');
  });
  test('the job core.purge_sessions purges expired sessions and quiet throttle rows', async () => {
    // It runs hourly from the scheduler, which is off with --today; run it by hand here.
    const r = await (await as(server, 'admin')).post('/api/jobs/core.purge_sessions/run');
    assert.equal(r.data.outcome, 'ok');
    assert.match(server.log(), /"msg":"purged","sessions":\d+,"throttle_rows":\d+/);
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


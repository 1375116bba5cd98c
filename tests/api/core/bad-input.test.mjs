// Hostile bodies on every write route, generated from the OpenAPI document (so it grows with every
// module): malformed JSON, wrong types, huge strings, deep nesting, numbers out of range, control
// and bidi characters, lone surrogates, duplicate keys, unknown fields, wrong content types. Each
// answer must be a 4xx problem+json — never a 5xx — and nothing may change (the audit log, which
// records every change, keeps its count). Budget: every body once, as one allowed role; every
// role once with one body; at most 2 s per route.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, as, TODAY } from '../harness.mjs';

const KV = '944117784';
const ROLES = ['admin', 'direktor', 'stab', 'radmann', 'innkjop.kongsvinger', 'produkt.kongsvinger', 'raad', 'ansatt', 'revisor'];
const UNSAFE = new Set(['post', 'put', 'patch', 'delete']);

let server;
let doc;
let admin;
const clients = {};

before(async () => {
  server = await startServer();
  doc = server.contract.doc;
  admin = await as(server, 'admin');
  for (const u of ROLES) clients[u] = await as(server, u);
});
after(async () => { assert.equal(await server.stop(), 0); });

function resolve(schema) {
  if (schema?.$ref) return resolve(schema.$ref.split('/').slice(1).reduce((o, k) => o[k], doc));
  return schema;
}

// A value the field's schema accepts, so that each body below is wrong in exactly one way.
function sample(name, s) {
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (s.format === 'date') return TODAY;
  if (/orgnr|municipality/.test(name) && type === 'string') return KV;
  if (type === 'integer') return 1;
  if (type === 'boolean') return false;
  if (name.includes('password')) return 'En-lang-og-grei-setning-7';
  return 'test';
}

function wrongTypes(s) {
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  const all = { string: 12, integer: 'x', boolean: 'yes' };
  const out = [[], { nested: true }];
  out.push(type === 'integer' ? 1.5 : all[type] ?? 1);
  if (type === 'integer') out.push(9223372036854775808, -1e400);
  return out;
}

// Bodies that must all be refused, each with the reason it is wrong.
function hostileBodies(schema) {
  const props = schema.properties ?? {};
  const base = {};
  for (const name of schema.required ?? []) base[name] = sample(name, props[name]);
  const json = (o) => JSON.stringify(o);
  const out = [
    ['not JSON', '{"a": ', 'application/json'],
    ['an array', '[1, 2]', 'application/json'],
    ['a string', '"x"', 'application/json'],
    ['empty', '', 'application/json'],
    ['deep nesting', '['.repeat(5000) + ']'.repeat(5000), 'application/json'],
    ['number out of range', '{"x": 1e309}', 'application/json'],
    ['lone surrogate key', '{"\\ud800": 1}', 'application/json'],
    ['duplicate key', json(base).replace(/^\{/, '{"dup": 1, "dup": 2,').replace(',}', '}'), 'application/json'],
    ['unknown field', json({ ...base, no_such_field: 1 }), 'application/json'],
    ['form encoding', 'a=1', 'application/x-www-form-urlencoded'],
    ['json-ish type', json(base), 'application/jsonx'],
    ['no type', json(base), ''],
    ['3 000 unknown keys', json(Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`k${i}`, i]))), 'application/json'],
  ];
  for (const [name, s0] of Object.entries(props)) {
    const s = resolve(s0);
    for (const v of wrongTypes(s)) out.push([`${name} of wrong type ${JSON.stringify(v)}`, json({ ...base, [name]: v }), 'application/json']);
    const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
    if (type === 'string' && !name.includes('password')) {
      for (const [why, v] of [['NUL', 'a\u0000b'], ['C0 control', 'a\u0007b'], ['bidi override', 'a\u202Eb'],
        ['huge string', 'x'.repeat(20000)], ['line separator', 'a\u2028b']])
        out.push([`${name} with ${why}`, json({ ...base, [name]: v }), 'application/json']);
      out.push([`${name} as lone surrogate`, json({ ...base, [name]: 'x' }).replace('"x"', '"\\udc00"'), 'application/json']);
    }
    if (s.format === 'date') out.push([`${name} not a date`, json({ ...base, [name]: '2027-02-30' }), 'application/json']);
    if ((schema.required ?? []).includes(name)) {
      const { [name]: _, ...without } = base;
      out.push([`${name} missing`, json(without), 'application/json']);
      out.push([`${name} null`, json({ ...base, [name]: null }), 'application/json']);
    }
  }
  return out;
}

async function changes() {
  // Every change is audited; sign-ins (auth.session) are not changes of data.
  const total = async (entity) => (await admin.get(`/api/audit?entity=${entity}&page_size=1`)).data.total;
  return [await total('org.'), await total('auth.user'), await total('core.')];
}

function writeRoutes() {
  const out = [];
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) {
      // JSON bodies only (a raw upload has its own bad-input tests: tests/api/core/files.test.mjs).
      if (!UNSAFE.has(method) || !op.requestBody?.content['application/json']) continue;
      const schema = resolve(op.requestBody.content['application/json'].schema);
      // Path ids of real objects, so a body that slipped through would change something.
      out.push({ method: method.toUpperCase(), path, op, schema });
    }
  return out;
}

async function realPath(path) {
  if (path.includes('{orgnr}')) return path.replace('{orgnr}', KV);
  if (!path.includes('{id}')) return path;
  const d = clients.direktor;
  if (path.startsWith('/api/people')) return path.replace('{id}', (await d.get('/api/people?page_size=1')).data.items[0].id);
  if (path.startsWith('/api/roles')) return path.replace('{id}', (await d.get('/api/roles?page_size=1')).data.items[0].id);
  if (path.startsWith('/api/users')) return path.replace('{id}', (await admin.get('/api/users?page_size=1')).data.items[0].id);
  return path.replace('{id}', '1');
}

function assertRefused(res, what) {
  assert.ok(res.status >= 400 && res.status < 500, `${what}: ${res.status} ${JSON.stringify(res.data).slice(0, 300)}`);
  assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/, what);
  assert.equal(typeof res.data.detail, 'string', what);
  assert.ok(Array.isArray(res.data.errors) && res.data.errors.length <= 20, `${what}: ${res.data.errors?.length} errors`);
}

test('hostile bodies on every write route: 4xx problem+json, nothing changed', async () => {
  const before = await changes();
  const routes = writeRoutes();
  assert.ok(routes.length >= 8, `${routes.length} write routes with a body`);
  let sent = 0;
  for (const r of routes) {
    const started = Date.now();
    const path = await realPath(r.path);
    // An allowed role: the first whose permissions include the route's.
    const perm = r.op['x-permission'];
    let client = clients.admin;
    for (const u of ROLES) {
      const me = await clients[u].get('/api/auth/me');
      if (!perm || me.data.permissions.some((p) => p.name === perm && p.scope === 'region')) { client = clients[u]; break; }
    }
    for (const [why, body, type] of hostileBodies(r.schema)) {
      const headers = type ? { 'content-type': type } : {};
      const res = await client.request(r.method, path, { body, headers });
      assertRefused(res, `${r.method} ${r.path} with ${why}`);
      sent++;
    }
    assert.ok(Date.now() - started < 2000 * 3, `${r.method} ${r.path} took ${Date.now() - started} ms`);
  }
  assert.deepEqual(await changes(), before, 'a hostile body changed data');
  assert.ok(sent > 200, `sent ${sent} bodies`);
});

test('every role once with one hostile body on every write route', async () => {
  const before = await changes();
  for (const r of writeRoutes()) {
    const path = await realPath(r.path);
    for (const u of ROLES) {
      const res = await clients[u].request(r.method, path, { body: '{"x": "\u0000", "x": 1e309}', headers: { 'content-type': 'application/json' } });
      assertRefused(res, `${u} ${r.method} ${r.path}`);
    }
  }
  assert.deepEqual(await changes(), before);
});

test('unauthenticated: hostile bodies on sign-in answer 4xx (1e309, 3000 unknown keys)', async () => {
  const { Client } = await import('../harness.mjs');
  const c = new Client(server);
  for (const body of ['{"username": 1e309, "password": "x"}', JSON.stringify(Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`k${i}`, i])))]) {
    const res = await c.request('POST', '/api/auth/login', { body, headers: { 'content-type': 'application/json' } });
    assertRefused(res, 'login');
  }
});

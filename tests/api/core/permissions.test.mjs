// The access model, walked mechanically: the route table (the OpenAPI document, each route with its
// x-permission) against the grant table (GET /api/permissions) and every demo role's effective
// permissions (GET /api/auth/me). For every route, a caller holding its permission gets past the
// permission check and a caller without it gets 403 auth.missing_permission; a caller scoped to one
// municipality gets 403 or 404 on another's objects; the auditor is refused every unsafe route
// except own-record actions and calculators. A new module's routes are walked the same way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, as, isProblem, TODAY } from '../harness.mjs';

const KV = '944117784';
const GRUE = '964948143';
// One demo account per role (the demo data: src/modules/org/demo_data.cc).
const ACCOUNTS = {
  admin: 'admin', director: 'direktor', staff: 'stab', chief_executive: 'radmann',
  officer: 'innkjop.kongsvinger', product_manager: 'produkt.kongsvinger', council_member: 'raad',
  employee: 'ansatt', auditor: 'revisor',
};
// Routes anyone may call, and why.
const PUBLIC = {
  'GET /api/health': 'monitoring',
  'GET /api/openapi.json': 'the contract',
  'POST /api/auth/login': 'signing in',
};
// Routes the walk leaves out, and why (each is tested where named).
const NOT_WALKED = {
  'POST /api/auth/logout': 'ends the caller\'s own session (auth/session.test.mjs)',
};
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let server;
let doc;
let table;
const clients = {};
const held = {};

before(async () => {
  server = await startServer();
  doc = server.contract.doc;
  for (const [role, username] of Object.entries(ACCOUNTS)) {
    clients[role] = await as(server, username);
    const me = await clients[role].get('/api/auth/me');
    held[role] = new Map(me.data.permissions.map((p) => [p.name, p]));
  }
  table = (await clients.auditor.get('/api/permissions')).data;
});
after(async () => { assert.equal(await server.stop(), 0); });

function routes() {
  const out = [];
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) out.push({ method: method.toUpperCase(), path, op, key: `${method.toUpperCase()} ${path}` });
  return out;
}

// A request that reaches the route but changes nothing: ids of objects that do not exist, an
// empty body where the route reads one.
function harmless(client, r) {
  const path = r.path.replace('{id}', '999999999').replace('{orgnr}', '123456785');
  if (!UNSAFE.has(r.method)) return client.request(r.method, path);
  return r.op.requestBody ? client.request(r.method, path, { json: {} }) : client.request(r.method, path);
}

test('every route names a permission of the grant table, or is public on purpose', () => {
  const declared = new Set(table.permissions.map((p) => p.name));
  for (const r of routes()) {
    const perm = r.op['x-permission'];
    if (PUBLIC[r.key]) assert.equal(perm, undefined, `${r.key} is public but names a permission`);
    else assert.ok(perm && declared.has(perm), `${r.key} names no declared permission (${perm})`);
  }
});

test('a caller holding the route\'s permission gets past the check; one without it gets 403', async () => {
  let checked = 0;
  for (const r of routes()) {
    const perm = r.op['x-permission'];
    if (!perm || NOT_WALKED[r.key]) continue;
    for (const role of Object.keys(ACCOUNTS)) {
      const res = await harmless(clients[role], r);
      const refusedHere = res.status === 403 && res.data?.code === 'auth.missing_permission';
      if (held[role].has(perm)) assert.ok(!refusedHere, `${role} holds ${perm} but ${r.key} refused it`);
      else isProblem(assert, res, 403, 'auth.missing_permission');
      // An integration that is off (no --…-url in this server) answers 503 net.not_configured.
      assert.ok(res.status < 500 || res.data?.code === 'net.not_configured', `${role} ${r.key}: ${res.status}`);
      checked++;
    }
  }
  assert.ok(checked > 100, `walked ${checked} route × role pairs`);
});

test('/api/auth/me lists exactly the grant table\'s permissions for the caller\'s roles', () => {
  for (const [role, perms] of Object.entries(held)) {
    const expected = new Set(table.grants.filter((g) => g.role === role || g.role === 'signed_in').map((g) => g.permission));
    assert.deepEqual([...perms.keys()].sort(), [...expected].sort(), role);
  }
  const officer = held.officer.get('org.people.write');
  assert.equal(officer.scope, 'own_municipality');
  assert.deepEqual(officer.municipalities, [KV]);
  assert.equal(held.officer.get('org.people.read').scope, 'region');
  assert.equal(held.employee.get('core.session.own').scope, 'own_records');
});

test('the auditor holds no write permission and every unsafe route refuses the auditor', async () => {
  const writes = new Set(table.permissions.filter((p) => p.write).map((p) => p.name));
  const ownRecords = new Set(table.grants.filter((g) => g.scope === 'own_records').map((g) => g.permission));
  for (const [name, p] of held.auditor)
    assert.ok(!writes.has(name) || p.scope === 'own_records', `the auditor holds write permission ${name}`);
  assert.ok(!table.grants.some((g) => g.role === 'auditor' && writes.has(g.permission)), 'a write grant to the auditor');
  let refused = 0;
  for (const r of routes()) {
    if (!UNSAFE.has(r.method) || PUBLIC[r.key] || NOT_WALKED[r.key]) continue;
    const perm = r.op['x-permission'];
    const res = await harmless(clients.auditor, r);
    // An own-records write permission the auditor holds (own password) is not refused; one the
    // auditor does not hold (core.files.upload: every role but the auditor) is.
    if ((ownRecords.has(perm) && held.auditor.has(perm)) || !writes.has(perm)) {
      // The caller's own records (own password) and pure calculators (read permissions).
      assert.ok(res.status !== 403 || res.data.code !== 'auth.missing_permission', r.key);
    } else {
      isProblem(assert, res, 403, 'auth.missing_permission');
      refused++;
    }
  }
  assert.ok(refused >= 10, `the auditor was refused ${refused} unsafe routes`);
});

// For every route whose permission some role holds per municipality (or per product area): a
// request by a caller scoped to Kongsvinger on Grue's objects. A route with such a permission
// and no probe here fails the last test, so a new module must add its probes.
async function grueObjects() {
  const d = clients.director;
  const person = (await d.get(`/api/people?municipality=${GRUE}`)).data.items[0];
  const role = (await d.get(`/api/roles?municipality=${GRUE}&role=officer&include_ended=false`)).data.items[0];
  return { person, role };
}
const PROBES = {
  'POST /api/people': (c) => c.post('/api/people', { name: 'Someone in Grue', municipality: GRUE }),
  'PATCH /api/people/{id}': (c, g) => c.patch(`/api/people/${g.person.id}`, { phone: '12345678' }),
  'POST /api/roles': (c, g) => c.post('/api/roles', {
    person_id: g.person.id, role: 'product_manager', municipality: GRUE, product_area: 'food', valid_from: TODAY,
  }),
  'POST /api/roles/{id}/end': (c, g) => c.post(`/api/roles/${g.role.id}/end`, { valid_to: TODAY }),
};

test('a caller scoped to one municipality gets 403 or 404 on another\'s objects', async () => {
  const g = await grueObjects();
  const scopedRoles = ['officer', 'chief_executive', 'product_manager'];
  let probed = 0;
  for (const [key, probe] of Object.entries(PROBES)) {
    const [method, path] = key.split(' ');
    const perm = doc.paths[path][method.toLowerCase()]['x-permission'];
    for (const role of scopedRoles) {
      const p = held[role].get(perm);
      if (!p || p.scope === 'region') continue;
      const res = await probe(clients[role], g);
      assert.ok(res.status === 403 || res.status === 404, `${role} ${key} on Grue: ${res.status} ${JSON.stringify(res.data)}`);
      probed++;
    }
  }
  assert.ok(probed >= 6, `probed ${probed}`);
  // Nothing changed in Grue.
  const after = await grueObjects();
  assert.deepEqual(after, g);
});

test('every route with a per-municipality permission has a probe above', () => {
  const scoped = new Set(table.grants.filter((g) => g.scope === 'own_municipality' || g.scope === 'own_municipality_and_area').map((g) => g.permission));
  const missing = routes().filter((r) => scoped.has(r.op['x-permission']) && !PROBES[r.key]).map((r) => r.key);
  assert.deepEqual(missing, [], 'add a probe for these routes');
});

// The org rules the probes of issue 8 broke, each as it was reported: ending only shortens a role
// (R-1 re-opened through /end), central staff's records, the last administrator, text rules shared
// by create and update (characters, not bytes; controls and bidi overrides; blank names), content
// types and duplicate keys, ids out of range; and paging with folded search in the directory.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, as, isProblem, TODAY, addDays, addMonths } from '../harness.mjs';

const KV = '944117784';
let server;

before(async () => { server = await startServer(); });
after(async () => { assert.equal(await server.stop(), 0); });

const person = async (c, q) => (await c.get(`/api/people?q=${encodeURIComponent(q)}`)).data.items[0];

test('ending a role only shortens it: a later end is 409, so R-1 cannot be re-opened (defect 3)', async () => {
  const d = await as(server, 'direktor');
  const ola = (await d.get(`/api/roles?role=officer&municipality=${KV}&at=${TODAY}`)).data.items[0];
  const p = await d.post('/api/people', { name: 'Ny Innkjøper', municipality: KV });
  const start = addMonths(TODAY, 1);
  assert.equal((await d.post('/api/roles', { person_id: p.data.id, role: 'officer', municipality: KV, valid_from: start })).status, 201);
  // Ola's assignment now ends the day before; "ending" it in 2099 would give two officers.
  isProblem(assert, await d.post(`/api/roles/${ola.id}/end`, { valid_to: '2099-12-31' }), 409, 'org.end_would_extend', 'valid_to');
  const officers = await d.get(`/api/roles?role=officer&municipality=${KV}&at=${start}`);
  assert.equal(officers.data.total, 1);
  // Shortening is fine.
  assert.equal((await d.post(`/api/roles/${ola.id}/end`, { valid_to: addDays(start, -2) })).status, 200);
});

test('central staff are edited by admin and director only, not by the host\'s officer or chief executive (defect 10)', async () => {
  const d = await as(server, 'direktor');
  const dagny = await person(d, 'Dagny Lund');
  for (const u of ['innkjop.kongsvinger', 'radmann'])
    isProblem(assert, await (await as(server, u)).patch(`/api/people/${dagny.id}`, { email: 'falsk@example.no' }), 403, 'org.central_staff');
  const trine = await (await as(server, 'innkjop.kongsvinger')).post('/api/people', { name: 'Vanlig Ansatt', municipality: KV });
  assert.equal((await (await as(server, 'innkjop.kongsvinger')).patch(`/api/people/${trine.data.id}`, { title: 'Kokk' })).status, 200);
  assert.equal((await d.patch(`/api/people/${dagny.id}`, { phone: '62 80 00 02' })).status, 200);
  assert.equal((await d.get(`/api/people/${dagny.id}`)).data.email, 'dagny.lund@kongsvinger.kommune.no');
  // The web offers «Rediger» from the server's flag, not from a rule of its own.
  assert.equal((await d.get(`/api/people/${dagny.id}`)).data.central_staff, true);
  assert.equal((await d.get(`/api/people/${trine.data.id}`)).data.central_staff, false);
  const listed = (await d.get(`/api/people?municipality=${KV}&page_size=500`)).data.items;
  assert.equal(listed.find((p) => p.id === dagny.id).central_staff, true);
  assert.equal(listed.find((p) => p.id === trine.data.id).central_staff, false);
});

test('the last administrator cannot end their role or lose their account (defect 15)', async () => {
  const a = await as(server, 'admin');
  const mine = (await a.get('/api/roles?role=admin&include_ended=false')).data.items;
  assert.equal(mine.length, 1);
  isProblem(assert, await a.post(`/api/roles/${mine[0].id}/end`, { valid_to: TODAY }), 409, 'org.last_admin');
  assert.equal((await a.get('/api/roles?role=admin&include_ended=false')).data.items[0].valid_to, null);
});

test('create and update apply the same text rules (defect 18, the æ/ø/å case of issue 7)', async () => {
  const o = await as(server, 'innkjop.kongsvinger');
  const name = 'Æ'.repeat(100) + 'øå'.repeat(50);  // 200 characters (the limit), 400 bytes
  const created = await o.post('/api/people', { name, municipality: KV });
  assert.equal(created.status, 201, JSON.stringify(created.data));
  const patched = await o.patch(`/api/people/${created.data.id}`, { name: 'å' + name.slice(1) });
  assert.equal(patched.status, 200, JSON.stringify(patched.data));
  isProblem(assert, await o.post('/api/people', { name: name + 'x', municipality: KV }), 400, 'org.invalid_person', 'name');
  isProblem(assert, await o.patch(`/api/people/${created.data.id}`, { name: name + 'x' }), 400, 'org.invalid_person', 'name');
  for (const bad of ['Ola\u0000Nordmann', 'Ola\u0007', 'Ola \u202Enamdron', '\u2066Ola\u2069', 'Ola\nNordmann']) {
    isProblem(assert, await o.post('/api/people', { name: bad, municipality: KV }), 400, 'org.invalid_person', 'name');
    isProblem(assert, await o.patch(`/api/people/${created.data.id}`, { name: bad }), 400, 'org.invalid_person', 'name');
  }
  isProblem(assert, await o.post('/api/people', { name: '   ', municipality: KV }), 400, 'org.invalid_person', 'name');
  isProblem(assert, await o.patch(`/api/people/${created.data.id}`, { name: '   ' }), 400, 'org.invalid_person', 'name');
  isProblem(assert, await o.patch(`/api/people/${created.data.id}`, { name: null }), 400, 'org.invalid_person', 'name');
  const trimmed = await o.patch(`/api/people/${created.data.id}`, { name: '  Trimmet Navn  ' });
  assert.equal(trimmed.data.name, 'Trimmet Navn');
  assert.equal((await o.patch(`/api/people/${created.data.id}`, { title: null })).data.title, null, 'null clears an optional field');
});

test('content types are matched case-insensitively and exactly; duplicate keys are refused (defect 17)', async () => {
  const o = await as(server, 'innkjop.kongsvinger');
  const body = JSON.stringify({ name: 'Typen Riktig', municipality: KV });
  assert.equal((await o.request('POST', '/api/people', { body, headers: { 'content-type': 'APPLICATION/JSON; charset=UTF-8' } })).status, 201);
  isProblem(assert, await o.request('POST', '/api/people', { body, headers: { 'content-type': 'application/jsonx' } }), 415);
  isProblem(assert, await o.request('POST', '/api/people', { body, headers: { 'content-type': 'application/merge-patch+json' } }), 415);
  const id = (await person(o, 'Typen Riktig')).id;
  assert.equal((await o.request('PATCH', `/api/people/${id}`, { body: '{"title": "X"}', headers: { 'content-type': 'application/merge-patch+json' } })).status, 200);
  isProblem(assert, await o.request('POST', '/api/people', { body: '{"name": "A", "name": "B"}', headers: { 'content-type': 'application/json' } }), 400, 'http.duplicate_key', 'name');
});

test('ids and numbers out of range are 400, not 500 or a negative id (defect 5)', async () => {
  const a = await as(server, 'ansatt');
  isProblem(assert, await a.get('/api/people/9223372036854775808'), 400, 'http.invalid_id', 'id');
  isProblem(assert, await a.get('/api/people/99999999999999999999'), 400, 'http.invalid_id');
  const d = await as(server, 'direktor');
  isProblem(assert, await d.request('POST', '/api/roles', { body: '{"person_id": 9223372036854775808, "role": "staff", "valid_from": "2027-01-01"}', headers: { 'content-type': 'application/json' } }), 400, 'org.invalid_assignment', 'person_id');
  isProblem(assert, await d.request('POST', '/api/roles', { body: '{"person_id": 1e309}', headers: { 'content-type': 'application/json' } }), 400, 'http.malformed_json');
});

test('the directory pages in SQL, in Norwegian order, with folded search (defect 20)', async () => {
  const a = await as(server, 'ansatt');
  const first = await a.get('/api/people?page_size=5');
  assert.equal(first.data.items.length, 5);
  assert.equal(first.data.page, 1);
  assert.equal(first.data.page_size, 5);
  assert.ok(first.data.total > 20);
  const second = await a.get('/api/people?page_size=5&page=2');
  assert.notDeepEqual(second.data.items.map((p) => p.id), first.data.items.map((p) => p.id));
  const all = (await a.get('/api/people?page_size=500')).data.items.map((p) => p.name);
  assert.equal(all.length, first.data.total);
  const collator = new Intl.Collator('nb');
  assert.deepEqual(all, [...all].sort(collator.compare), 'Norwegian order (Æ Ø Å last)');
  assert.deepEqual((await a.get('/api/people?q=asli')).data.items.map((p) => p.name), ['Gunnar Åsli'], '"asli" finds "Åsli"');
  isProblem(assert, await a.get('/api/people?page=0'), 400, 'org.invalid_filter', 'page');
  isProblem(assert, await a.get('/api/people?page=x'), 400, undefined, 'page');
  assert.equal((await a.get('/api/people?page_size=100000')).data.page_size, 500, 'page_size is clamped, never refused');
  assert.equal((await a.get('/api/people?page_size=-3')).data.page_size, 1);
  assert.equal((await a.get('/api/people?page=999')).data.items.length, 0);
});

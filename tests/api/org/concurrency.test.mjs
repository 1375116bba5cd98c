// Rules that read then write hold under concurrency, on SQLite and on PostgreSQL (make test runs
// this file on both): R-1 (one officer), one host, one account per person. The server runs four
// worker threads, so the requests below really run at the same time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, as, TODAY } from '../harness.mjs';

const ASNES = '974602970';  // no officer in the demo (R-1 red)
let server;
let director;
let admin;

before(async () => {
  server = await startServer();
  director = await as(server, 'direktor');
  admin = await as(server, 'admin');
});
after(async () => { assert.equal(await server.stop(), 0); });

async function newPeople(n, municipality) {
  const ids = [];
  for (let i = 0; i < n; i++) {
    const r = await director.post('/api/people', { name: `Kandidat ${i + 1}`, municipality });
    assert.equal(r.status, 201, JSON.stringify(r.data));
    ids.push(r.data.id);
  }
  return ids;
}

// Valid organisation numbers (MOD11 with weights 3 2 7 6 5 4 3 2) that the demo does not use.
function orgnrs(n) {
  const out = [];
  for (let base = 91000000; out.length < n; base++) {
    const d = String(base).padStart(8, '0').split('').map(Number);
    const sum = d.reduce((s, x, i) => s + x * [3, 2, 7, 6, 5, 4, 3, 2][i], 0);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    out.push(d.join('') + (check === 11 ? 0 : check));
  }
  return out;
}

test('20 concurrent appointments of different people as officer of one municipality: exactly one wins (R-1)', async () => {
  const people = await newPeople(20, ASNES);
  const answers = await Promise.all(people.map((id) =>
    director.post('/api/roles', { person_id: id, role: 'officer', municipality: ASNES, valid_from: TODAY })));
  const statuses = answers.map((r) => r.status).sort();
  assert.equal(statuses.filter((s) => s === 201).length, 1, JSON.stringify(statuses));
  assert.equal(statuses.filter((s) => s === 409).length, 19, JSON.stringify(statuses));
  for (const r of answers.filter((x) => x.status === 409)) assert.equal(r.data.code, 'org.officer_overlap');
  const now = await director.get(`/api/roles?role=officer&municipality=${ASNES}&at=${TODAY}`);
  assert.equal(now.data.total, 1, 'exactly one officer in force afterwards');
});

test('20 concurrent make-host calls on different municipalities leave exactly one host', async () => {
  for (const [i, orgnr] of orgnrs(14).entries()) {
    const r = await director.post('/api/municipalities', { orgnr, name: `Testkommune ${i + 1}`, municipality_number: String(5001 + i), host: false });
    assert.equal(r.status, 201, JSON.stringify(r.data));
  }
  const all = (await director.get('/api/municipalities')).data.items;
  assert.equal(all.length, 20);
  const answers = await Promise.all(all.map((m) => director.post(`/api/municipalities/${m.orgnr}/make-host`)));
  for (const r of answers) assert.ok(r.status === 200 || r.status === 409, `${r.status} ${JSON.stringify(r.data)}`);
  const hosts = (await director.get('/api/municipalities')).data.items.filter((m) => m.host);
  assert.equal(hosts.length, 1, JSON.stringify(hosts.map((m) => m.name)));
});

test('8 parallel account creations for one person make exactly one account', async () => {
  const [person] = await newPeople(1, ASNES);
  const answers = await Promise.all(Array.from({ length: 8 }, (_, i) =>
    admin.post('/api/users', { username: `kandidat${i}`, password: 'Et-langt-midlertidig-passord', person_id: person })));
  const statuses = answers.map((r) => r.status);
  assert.equal(statuses.filter((s) => s === 201).length, 1, JSON.stringify(statuses));
  assert.ok(statuses.every((s) => s === 201 || s === 409), JSON.stringify(statuses));
  const users = (await admin.get('/api/users?page_size=500')).data.items.filter((u) => u.person_id === person);
  assert.equal(users.length, 1);
});

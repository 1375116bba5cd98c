// Issue 8, defect 11: a burst of parallel wrong passwords got past the account lock (30
// parallel against a limit of 5: 8 checked). The attempt is now counted before the password
// is verified, in a write transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: a row lock), so at
// most `limit` verifications happen per lock period. Runs on both databases.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, isProblem, PASSWORD, as } from '../harness.mjs';

let server;
// The production limit (5); a first lock of 60 s so the burst cannot outlast it.
before(async () => { server = await startServer({ serve: { '--login-account-limit': null } }); });
after(async () => { await server.stop(); });

test('30 parallel wrong logins: at most 5 are verified (401), the rest 429', async () => {
  const results = await Promise.all(Array.from({ length: 30 }, () =>
    new Client(server).post('/api/auth/login', { username: 'revisor', password: 'wrong-password' })));
  const counts = {};
  for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
  assert.deepEqual(Object.keys(counts).sort(), ['401', '429'], JSON.stringify(counts));
  assert.ok(counts[401] <= 5, `${counts[401]} passwords were checked against a limit of 5`);
  assert.equal(counts[401] + counts[429], 30);
  for (const r of results.filter((x) => x.status === 429)) isProblem(assert, r, 429, 'auth.throttled');
  isProblem(assert, await new Client(server).login('revisor', PASSWORD), 429, 'auth.throttled');
});

test('30 parallel password changes with a wrong current password: at most 5 are verified', async () => {
  const c = await as(server, 'stab');
  const results = await Promise.all(Array.from({ length: 30 }, () =>
    c.post('/api/auth/password', { current_password: 'wrong-password', new_password: 'et helt nytt langt passord' })));
  const counts = {};
  for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
  assert.deepEqual(Object.keys(counts).sort(), ['400', '429'], JSON.stringify(counts));
  assert.ok(counts[400] <= 5, `${counts[400]} current passwords were checked against a limit of 5`);
});

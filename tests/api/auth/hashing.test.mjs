// Issue 8, defect 7: each argon2id hash costs ~77 ms of CPU and 64 MiB, and a burst of
// logins slowed /api/health to 1–2.4 s. Every hash and verification now passes a small gate
// (core/auth/hash_gate.h): at most --hash-concurrency at once, a bounded queue, and 503
// auth.busy beyond it. The gauge auth.hashes_running (serve --test-gauges) proves the bound.
// The demo accounts are hashed at interactive cost here, so each verification takes real time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, isProblem, PASSWORD } from '../harness.mjs';

const USERS = ['direktor', 'admin', 'stab', 'radmann', 'innkjop.kongsvinger', 'produkt.kongsvinger', 'raad', 'ansatt', 'revisor'];
let server;
before(async () => {
  server = await startServer({ hashCost: 'interactive', serve: { '--hash-concurrency': '2', '--threads': '8' } });
});
after(async () => { await server.stop(); });

const gauges = async () => (await new Client(server).get('/api/test/gauges')).data;

test('a burst of logins never runs more than 2 hashes at once', async () => {
  assert.equal((await new Client(server).post('/api/test/gauges/reset')).status, 204);
  const burst = Array.from({ length: 24 }, (_, i) => new Client(server).login(USERS[i % USERS.length], PASSWORD));
  const health = new Client(server).get('/api/health');
  const results = await Promise.all(burst);
  assert.equal((await health).status, 200, 'health answers during the burst');
  const g = (await gauges())['auth.hashes_running'];
  assert.ok(g, 'the gauge exists');
  assert.ok(g.peak <= 2, `peak ${g.peak} hashes at once, bound 2`);
  assert.ok(g.peak >= 1, 'the burst did hash');
  assert.equal(g.current, 0);
  const ok = results.filter((r) => r.status === 200).length;
  assert.ok(ok >= 1, 'logins went through');
  for (const r of results.filter((x) => x.status !== 200)) {
    isProblem(assert, r, 503, 'auth.busy');
    assert.equal(r.headers.get('retry-after'), '1');
  }
  // A refused login was never checked, so it was not counted as a failure.
  for (const u of USERS) assert.equal((await new Client(server).login(u, PASSWORD)).status, 200, u);
});

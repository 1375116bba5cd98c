// Issue 8, defect 2: throttling per account (5 failures) and per client address (100
// failures), separately; a throttled attempt gets 429 at once with Retry-After =
// min(2^(n - limit), 900) s. The production defaults run here (first lock 1 s); a trusted
// proxy (127.0.0.1, the suite itself) lets each test be its own client address.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, isProblem, PASSWORD, as } from '../harness.mjs';

let server;
before(async () => {
  server = await startServer({ serve: { '--login-account-limit': null, '--login-first-lock-seconds': null, '--trusted-proxy': '127.0.0.1' } });
});
after(async () => { await server.stop(); });

const login = (username, password, xff) =>
  new Client(server).post('/api/auth/login', { username, password }, { headers: { 'x-forwarded-for': xff } });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('an account locks after 5 failures, at once, and Retry-After doubles: 1, 2, 4 s', async () => {
  for (let i = 0; i < 5; i++) isProblem(assert, await login('raad', 'wrong-password', '192.0.2.1'), 401, 'auth.invalid_credentials');
  const started = Date.now();
  const first = await login('raad', PASSWORD, '192.0.2.1');
  isProblem(assert, first, 429, 'auth.throttled');
  assert.ok(Date.now() - started < 500, 'answered at once: the server never sleeps');
  assert.equal(first.headers.get('retry-after'), '1');
  assert.match(first.data.detail, /Prøv igjen om 1 sekund\./);
  // From another address too: it is the account that is locked.
  isProblem(assert, await login('raad', PASSWORD, '198.51.100.1'), 429, 'auth.throttled');
  // After each lock, one more guess is checked, and it locks for twice as long.
  let wait = 1;
  for (const next of [2, 4]) {
    await sleep(wait * 1000 + 150);
    isProblem(assert, await login('raad', 'wrong-password', '192.0.2.1'), 401, 'auth.invalid_credentials');
    const locked = await login('raad', PASSWORD, '192.0.2.1');
    isProblem(assert, locked, 429, 'auth.throttled');
    assert.equal(locked.headers.get('retry-after'), String(next));
    wait = next;
  }
  // The admin sees the lock and releases it.
  const admin = await as(server, 'admin');
  const raad = (await admin.get('/api/users')).data.items.find((u) => u.username === 'raad');
  assert.equal(raad.locked, true);
  assert.equal((await admin.post(`/api/users/${raad.id}/unlock`)).data.locked, false);
  assert.equal((await login('raad', PASSWORD, '192.0.2.1')).status, 200);
});

test('a right password resets the account\'s count', async () => {
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < 4; i++) isProblem(assert, await login('stab', 'wrong-password', '192.0.2.2'), 401);
    assert.equal((await login('stab', PASSWORD, '192.0.2.2')).status, 200, `round ${round}: 4 failures do not lock`);
  }
});

test('a client address locks after 100 failures, apart from the accounts', async () => {
  // 25 accounts × 4 failures: no account reaches its limit of 5.
  for (let i = 0; i < 100; i++)
    isProblem(assert, await login(`konto${i % 25}`, 'wrong-password', '203.0.113.50'), 401, 'auth.invalid_credentials');
  const locked = await login('revisor', PASSWORD, '203.0.113.50');
  isProblem(assert, locked, 429, 'auth.throttled');
  assert.equal(locked.headers.get('retry-after'), '1');
  assert.equal((await login('revisor', PASSWORD, '203.0.113.51')).status, 200, 'the account itself is not locked');
  // konto1 has 4 failures, below its 5: from another address its fifth is still checked.
  isProblem(assert, await login('konto1', 'wrong-password', '203.0.113.52'), 401, 'auth.invalid_credentials');
});

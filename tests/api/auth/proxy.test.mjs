// Issue 8, defect 2: behind a reverse proxy every user shares the proxy's address, so one
// script's failed logins locked the whole region out. With --trusted-proxy, the client is the
// right-most X-Forwarded-For address that is not a trusted proxy, and only then; a header from
// any other peer is ignored. (The suite connects from 127.0.0.1, which plays the proxy here.)
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, isProblem, PASSWORD } from '../harness.mjs';

const login = (server, username, password, xff) =>
  new Client(server).post('/api/auth/login', { username, password }, xff ? { headers: { 'x-forwarded-for': xff } } : {});

describe('behind a trusted proxy', () => {
  let server;
  before(async () => {
    server = await startServer({ serve: { '--trusted-proxy': ['127.0.0.1', '10.0.0.0/8'], '--login-address-limit': '6' } });
  });
  after(async () => { await server.stop(); });

  test('one client\'s failures lock that client, not everyone behind the proxy', async () => {
    // The attacker guesses across accounts, each far below its own limit of 3.
    for (let i = 0; i < 6; i++) isProblem(assert, await login(server, `gjett${i}`, 'wrong-password', '203.0.113.7'), 401, 'auth.invalid_credentials');
    const locked = await login(server, 'stab', PASSWORD, '203.0.113.7');
    isProblem(assert, locked, 429, 'auth.throttled');
    assert.ok(Number(locked.headers.get('retry-after')) >= 1);
    // A colleague behind the same proxy signs in.
    assert.equal((await login(server, 'stab', PASSWORD, '198.51.100.23')).status, 200);
    assert.equal((await login(server, 'direktor', PASSWORD, '192.0.2.44')).status, 200);
  });

  test('the right-most untrusted address counts: a forged left part does not help', async () => {
    // nginx appends the address it saw; the attacker only controls what is left of it.
    for (const forged of ['1.1.1.1', '198.51.100.23', '1.1.1.1, 192.0.2.44'])
      isProblem(assert, await login(server, 'stab', PASSWORD, `${forged}, 203.0.113.7`), 429, 'auth.throttled');
    // A second trusted hop (10.0.0.0/8) is skipped.
    isProblem(assert, await login(server, 'stab', PASSWORD, '203.0.113.7, 10.1.2.3'), 429, 'auth.throttled');
    assert.equal((await login(server, 'stab', PASSWORD, '203.0.113.7, 198.51.100.99')).status, 200,
      'when a client\'s own proxy (untrusted) appends, its right-most address is the client');
  });

  test('a request from the proxy itself without the header is the proxy, not the locked client', async () => {
    assert.equal((await login(server, 'ansatt', PASSWORD)).status, 200);
  });

  test('each lock is logged as one JSON line with the client address and no password', async () => {
    const lines = server.log().split('\n').filter((l) => l.includes('"msg":"throttle_lock"'));
    const json = lines.map((l) => JSON.parse(l.slice(l.indexOf('{'))));
    const lock = json.find((j) => j.scope === 'address' && j.key === '203.0.113.7');
    assert.ok(lock, `no address lock logged: ${lines.join('\n')}`);
    assert.equal(lock.client_ip, '203.0.113.7');
    assert.equal(lock.failures, 6);
    assert.equal(lock.lock_seconds, 60);
    assert.equal(lock.on, 'login');
    assert.ok(!server.log().includes('wrong-password'), 'the password is never logged');
  });

  test('a bad --trusted-proxy is refused at start with a message', async () => {
    const { spawnSync } = await import('node:child_process');
    const { binary } = await import('../harness.mjs');
    const r = spawnSync(binary, ['serve', '--data', server.data, '--trusted-proxy', '10.0.0.1/8'], { encoding: 'utf8', timeout: 10000 });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--trusted-proxy «10\.0\.0\.1\/8»/);
  });
});

describe('without a trusted proxy', () => {
  let server;
  before(async () => { server = await startServer({ serve: { '--login-address-limit': '6' } }); });
  after(async () => { await server.stop(); });

  test('a forged X-Forwarded-For is ignored: a new address per try does not escape the lock', async () => {
    for (let i = 0; i < 6; i++) isProblem(assert, await login(server, `gjett${i}`, 'wrong-password', `203.0.113.${i + 1}`), 401);
    isProblem(assert, await login(server, 'stab', PASSWORD, '198.51.100.77'), 429, 'auth.throttled');
    isProblem(assert, await login(server, 'stab', PASSWORD), 429, 'auth.throttled');
  });
});

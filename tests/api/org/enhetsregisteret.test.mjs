// GET /api/enhetsregisteret/{orgnr} against a local fake of Brønnøysundregistrene's API
// (tests/support/fake_http.py), and the answer of a server where the integration is off.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, Client, as, isProblem, KV, ASNES, freePort } from '../harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
let fake, fakeBase, server, off;

function startFake() {
  return new Promise((resolve, reject) => {
    const proc = spawn('python3', [join(root, 'tests', 'support', 'fake_http.py')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;  // the line may come in pieces
      const m = /PORT (\d+)\n/.exec(out);
      if (m) resolve({ proc, port: Number(m[1]) });
    });
    proc.once('exit', (code) => reject(new Error(`fake exited ${code}`)));
  });
}

before(async () => {
  fake = await startFake();
  fakeBase = `http://127.0.0.1:${fake.port}/enhetsregisteret/api`;
  server = await startServer({ args: ['--enhetsregisteret-url', fakeBase] });
  off = await startServer();
});
after(async () => {
  fake?.proc.kill('SIGTERM');
  assert.equal(await server.stop(), 0);
  assert.equal(await off.stop(), 0);
});

describe('Enhetsregisteret lookup', () => {
  test('admin, director and officer look a unit up: name, form, address', async () => {
    for (const user of ['admin', 'direktor', 'innkjop.kongsvinger']) {
      const c = await as(server, user);
      const r = await c.get(`/api/enhetsregisteret/${KV}`);
      assert.equal(r.status, 200, `${user}: ${JSON.stringify(r.data)}`);
      assert.equal(r.data.orgnr, KV);
      assert.equal(r.data.name, 'KONGSVINGER KOMMUNE');
      assert.equal(r.data.form_code, 'KOMM');
      assert.equal(r.data.form_name, 'Kommune');
      assert.deepEqual(r.data.address, {
        lines: ['Rådhusplassen 1'], postcode: '2226', city: 'KONGSVINGER',
        municipality_number: '3401', municipality: 'KONGSVINGER', country_code: 'NO',
      });
      assert.equal(r.data.bankrupt, false);
    }
    // Spaces in the number are allowed, as everywhere.
    assert.equal((await (await as(server, 'admin')).get('/api/enhetsregisteret/944%20117%20784')).status, 200);
  });

  test('employee and anonymous callers are denied', async () => {
    isProblem(assert, await (await as(server, 'ansatt')).get(`/api/enhetsregisteret/${KV}`), 403);
    isProblem(assert, await new Client(server).get(`/api/enhetsregisteret/${KV}`), 401);
  });

  test('unknown, gone and invalid numbers; the register down', async () => {
    const c = await as(server, 'admin');
    isProblem(assert, await c.get('/api/enhetsregisteret/964948143'), 404, 'org.registry_not_found');
    isProblem(assert, await c.get(`/api/enhetsregisteret/${ASNES}`), 404, 'org.registry_not_found');  // 410 Gone
    isProblem(assert, await c.get('/api/enhetsregisteret/123456789'), 400, 'http.invalid_orgnr');
    isProblem(assert, await c.get('/api/enhetsregisteret/abc'), 400, 'http.invalid_orgnr');
    // A server pointed at a port where nothing listens.
    const down = await startServer({ args: ['--enhetsregisteret-url', `http://127.0.0.1:${await freePort()}`] });
    try {
      const r = await (await as(down, 'admin')).get(`/api/enhetsregisteret/${KV}`);
      isProblem(assert, r, 503, 'net.connect_failed');
      assert.match(r.data.detail, /Enhetsregisteret/);
    } finally {
      assert.equal(await down.stop(), 0);
    }
  });

  test('without --enhetsregisteret-url the lookup answers not configured', async () => {
    const r = await (await as(off, 'admin')).get(`/api/enhetsregisteret/${KV}`);
    isProblem(assert, r, 503, 'net.not_configured');
    assert.match(r.data.detail, /ikke satt opp/);
    isProblem(assert, await (await as(off, 'ansatt')).get(`/api/enhetsregisteret/${KV}`), 403);
  });
});

// Issue 8, defect 14: the policy was length only ('aaaaaaaaaa' and ten spaces and an x
// passed). It now follows NIST SP 800-63B-4 for a password that is the only factor: at least
// 15 characters, no composition rules, common and dictionary passwords refused (libpwquality
// with cracklib's dictionary), not the username nor containing it, at most 1024 bytes. The same
// rule on every door: POST /api/users, reset, /api/auth/password and the CLI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, isProblem, as, binary, PASSWORD, TODAY } from '../harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

// Refused for every account (the username cases are below).
const REFUSED = [
  ['aaaaaaaaaa', /minst 15 tegn/, 'ten letters (passed before)'],
  [' '.repeat(10) + 'x', /minst 15 tegn/, 'ten spaces and an x (passed before)'],
  ['ti tegn !!', /minst 15 tegn/, 'the old minimum'],
  ['fjorten tegn!!', /minst 15 tegn/, '14 characters'],
  ['aaaaaaaaaaaaaaaa', /forlengs og baklengs/, 'one letter, 16 times'],
  [' '.repeat(15) + 'x', /for få forskjellige tegn/, 'fifteen spaces and an x'],
  ['password1234567', /systematisk/, 'a common password'],
  ['1234567890123456', /systematisk/, 'digits in a row'],
  ['administrator123', /ordlisten/, 'a dictionary word'],
  ['x'.repeat(1025), /1024/, 'too long (the body\'s field limit answers first, on the same field)'],
];
const GOOD = 'korrekt hest batteri stift';

test('POST /api/users refuses weak passwords on the field password', async () => {
  const admin = await as(server, 'admin');
  const person = (await admin.get('/api/people?q=Gunnar')).data.items[0];
  for (const [password, message, why] of REFUSED) {
    const r = await admin.post('/api/users', { username: 'gunnar', password, person_id: person.id });
    isProblem(assert, r, 400, 'org.invalid_user', 'password');
    const e = r.data.errors.find((x) => x.field === 'password');
    assert.match(e.message, message, why);
  }
  const named = await admin.post('/api/users', { username: 'gunnar', password: 'Gunnar-sitt-passord', person_id: person.id });
  assert.match(named.data.errors.find((x) => x.field === 'password').message, /inneholde brukernavnet/);
  const created = await admin.post('/api/users', { username: 'gunnar', password: GOOD, person_id: person.id });
  assert.equal(created.status, 201, JSON.stringify(created.data));
});

test('reset and /api/auth/password refuse weak passwords on new_password', async () => {
  const admin = await as(server, 'admin');
  const id = (await admin.get('/api/users')).data.items.find((u) => u.username === 'raad').id;
  for (const [password, message, why] of REFUSED) {
    const r = await admin.post(`/api/users/${id}/reset-password`, { new_password: password });
    isProblem(assert, r, 400, password.length > 1024 ? undefined : 'auth.weak_password', 'new_password');
    assert.match(r.data.errors.find((e) => e.field === 'new_password').message, message, why);
  }
  isProblem(assert, await admin.post(`/api/users/${id}/reset-password`, { new_password: 'RAAD-er-et-godt-ord' }), 400, 'auth.weak_password', 'new_password');
  const self = await as(server, 'stab');
  for (const [password, message, why] of REFUSED) {
    const r = await self.post('/api/auth/password', { current_password: PASSWORD, new_password: password });
    isProblem(assert, r, 400, password.length > 1024 ? undefined : 'auth.weak_password', 'new_password');
    assert.match(r.data.errors.find((e) => e.field === 'new_password').message, message, why);
  }
  isProblem(assert, await self.post('/api/auth/password', { current_password: PASSWORD, new_password: 'stab stab stab stab' }), 400, 'auth.weak_password', 'new_password');
  assert.equal((await self.post('/api/auth/password', { current_password: PASSWORD, new_password: GOOD })).status, 204);
  assert.equal((await self.post('/api/auth/password', { current_password: GOOD, new_password: PASSWORD })).status, 204);
});

test('the CLI (user add, user passwd) applies the same policy', () => {
  const d = mkdtempSync(join(tmpdir(), 'samkjop-pw-'));
  const run = (args, input) => spawnSync(binary, [...args, '--data', d], { input, encoding: 'utf8', env: { ...process.env, SAMKJOP_DB: '', SAMKJOP_DATA: '' } });
  try {
    assert.equal(run(['seed-demo', '--password-hash-cost', 'min', '--today', TODAY], '').status, 0);
    for (const [password, message, why] of REFUSED.filter(([p]) => !p.includes('\n'))) {
      const add = run(['user', 'add', 'kari.grue', '--role', 'employee', '--municipality', '964948143'], `${password}\n`);
      assert.notEqual(add.status, 0, why);
      assert.match(add.stderr, message, why);
      assert.match(add.stderr, /password:/, 'names the field');
    }
    const named = run(['user', 'add', 'kari.grue', '--role', 'employee', '--municipality', '964948143'], 'hei-kari.grue-her\n');
    assert.match(named.stderr, /inneholde brukernavnet/);
    assert.equal(run(['user', 'add', 'kari.grue', '--role', 'employee', '--municipality', '964948143'], `${GOOD}\n`).status, 0);
    const weak = run(['user', 'passwd', 'kari.grue'], 'aaaaaaaaaa\n');
    assert.notEqual(weak.status, 0);
    assert.match(weak.stderr, /minst 15 tegn/);
    assert.equal(run(['user', 'passwd', 'kari.grue'], 'blåbær sykkel regn fjord\n').status, 0);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

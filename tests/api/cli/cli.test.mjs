// The command line: --help everywhere, data options and their environment
// variables, user add/passwd with the password on standard input, backup and
// restore. SQLite only (the PostgreSQL variants call pg_dump/pg_restore).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binary, freePort } from '../harness.mjs';

const run = (args, { input = '', env = {} } = {}) =>
  spawnSync(binary, args, { input, encoding: 'utf8', env: { ...process.env, SAMKJOP_DB: '', SAMKJOP_DATA: '', ...env } });

test('every subcommand has --help', () => {
  for (const cmd of [[], ['serve'], ['migrate'], ['seed-demo'], ['user'], ['user', 'add'], ['user', 'passwd'],
    ['backup'], ['restore'], ['openapi'], ['rules'], ['spend'], ['spend', 'analyze']]) {
    const r = run([...cmd, '--help']);
    assert.equal(r.status, 0, `${cmd.join(' ')} --help: ${r.stderr}`);
    assert.match(r.stdout, /Usage|Options/i, cmd.join(' '));
  }
  const bad = run(['no-such-command']);
  assert.equal(bad.status, 2);
});

test('SAMKJOP_DATA sets the data folder; --data wins over it', () => {
  const a = mkdtempSync(join(tmpdir(), 'samkjop-cli-a-'));
  const b = mkdtempSync(join(tmpdir(), 'samkjop-cli-b-'));
  assert.equal(run(['migrate'], { env: { SAMKJOP_DATA: a } }).status, 0);
  assert.ok(existsSync(join(a, 'samkjop.db')));
  assert.equal(run(['migrate', '--data', b], { env: { SAMKJOP_DATA: a } }).status, 0);
  assert.ok(existsSync(join(b, 'samkjop.db')));
  const bad = run(['migrate', '--db', 'mysql://x']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /sqlite:STI eller postgresql/);
  rmSync(a, { recursive: true, force: true });
  rmSync(b, { recursive: true, force: true });
});

test('user add and passwd read the password from stdin; bad input exits non-zero with a message', () => {
  const d = mkdtempSync(join(tmpdir(), 'samkjop-cli-'));
  assert.equal(run(['seed-demo', '--data', d, '--password-hash-cost', 'min']).status, 0);
  const again = run(['seed-demo', '--data', d]);
  assert.equal(again.status, 0);
  assert.match(again.stdout, /allerede data/);
  const ok = run(['user', 'add', 'kari.grue', '--role', 'officer', '--municipality', '964 948 143', '--name', 'Kari Grue', '--data', d],
    { input: 'Et-sterkt-passord-1\n' });
  assert.equal(ok.status, 0, ok.stderr);
  const weak = run(['user', 'add', 'x.y', '--role', 'employee', '--municipality', '944117784', '--data', d], { input: 'kort\n' });
  assert.notEqual(weak.status, 0);
  assert.match(weak.stderr, /minst 15 tegn/);
  const badRole = run(['user', 'add', 'x.z', '--role', 'king', '--data', d], { input: 'Et-sterkt-passord-1\n' });
  assert.equal(badRole.status, 2);
  assert.match(badRole.stderr, /Ukjent rolle/);
  const noMuni = run(['user', 'add', 'x.w', '--role', 'officer', '--data', d], { input: 'Et-sterkt-passord-1\n' });
  assert.equal(noMuni.status, 2);
  const dup = run(['user', 'add', 'kari.grue', '--role', 'employee', '--municipality', '944117784', '--data', d], { input: 'Et-sterkt-passord-1\n' });
  assert.notEqual(dup.status, 0);
  assert.equal(run(['user', 'passwd', 'kari.grue', '--data', d], { input: 'Enda-et-passord-2\n' }).status, 0);
  assert.notEqual(run(['user', 'passwd', 'nobody', '--data', d], { input: 'Enda-et-passord-2\n' }).status, 0);
  rmSync(d, { recursive: true, force: true });
});

test('backup and restore round-trip a SQLite database', () => {
  const d = mkdtempSync(join(tmpdir(), 'samkjop-cli-'));
  const file = join(d, 'backup.db');
  assert.equal(run(['seed-demo', '--data', d, '--password-hash-cost', 'min']).status, 0);
  const b = run(['backup', '--data', d, '--to', file]);
  assert.equal(b.status, 0, b.stderr);
  assert.ok(existsSync(file));
  const other = join(d, 'restored');
  const r = run(['restore', '--data', other, '--from', file]);
  assert.equal(r.status, 0, r.stderr);
  const again = run(['seed-demo', '--data', other]);
  assert.match(again.stdout, /allerede data/, 'the restored database holds the demo data');
  assert.notEqual(run(['restore', '--data', other, '--from', join(d, 'missing.db')]).status, 0);
  rmSync(d, { recursive: true, force: true });
});

test('serve --public-url https://… marks the session cookie Secure', async () => {
  const { spawn } = await import('node:child_process');
  const d = mkdtempSync(join(tmpdir(), 'samkjop-cli-'));
  assert.equal(run(['seed-demo', '--data', d, '--password-hash-cost', 'min']).status, 0);
  const port = await freePort();
  const proc = spawn(binary, ['serve', '--data', d, '--listen', `127.0.0.1:${port}`, '--password-hash-cost', 'min',
    '--public-url', 'https://innkjop.example.no'], { stdio: 'ignore' });
  try {
    let res;
    for (let i = 0; i < 100 && !res; i++) {
      try {
        res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
          method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'direktor', password: 'Samkjop-demo-2026' }),
        });
      } catch { await new Promise((r) => setTimeout(r, 100)); }
    }
    assert.equal(res.status, 200);
    assert.match(res.headers.get('set-cookie'), /; Secure/);
  } finally {
    proc.kill('SIGTERM');
    await new Promise((r) => proc.on('exit', r));
    rmSync(d, { recursive: true, force: true });
  }
});

// Starts build/samkjop on a throwaway database (SQLite file, or the
// PostgreSQL URL in SAMKJOP_TEST_DB), loads the demo data, and gives tests a
// small client. Every request is recorded so coverage.test can check that
// every documented route was exercised.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// SAMKJOP_BIN (or SAMKJOP_TEST_BINARY) runs the suite against another binary (e.g. an older
// build, to see a regression test fail before its fix).
export const binary = process.env.SAMKJOP_BIN ?? process.env.SAMKJOP_TEST_BINARY ?? join(root, 'build', 'samkjop');
export const PASSWORD = 'Samkjop-demo-2026';
// Time is an input: the server and the demo data run on this pinned date, never on the wall
// clock. It is deliberately not the real date, so a rule that reads the wall clock fails here.
export const TODAY = process.env.SAMKJOP_TEST_TODAY ?? '2027-03-15';

/** An ISO date `days` after `iso` (negative: before). */
export function addDays(iso, days) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
/** An ISO date `months` after `iso`, clamped to the month's last day (as the server does). */
export function addMonths(iso, months) {
  const [y, m, d] = iso.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}
export const calls = [];

// The demo's municipalities the tests use.
export const KV = '944117784';     // Kongsvinger, the host
export const GRUE = '964948143';
export const ASNES = '974602970';  // no officer in the demo (R-1 red)

/**
 * The usual set-up of a test file: a server on its own database, started before the file's
 * tests (`set` receives it, then `setup` may prepare data) and stopped after them; it must exit
 * 0 on SIGTERM (graceful shutdown).
 */
export function serverForFile({ set, setup, ...options } = {}) {
  let server;
  before(async () => {
    server = await startServer(options);
    set?.(server);
    await setup?.(server);
  });
  after(async () => {
    const code = await server.stop();
    assert.equal(code, 0, 'server must exit 0 on SIGTERM (graceful shutdown)');
  });
}

// Every request of this test process, for the coverage check that runs after all the files
// (tests/api/coverage.mjs): each file runs in its own process and writes its calls here.
if (process.env.SAMKJOP_API_CALLS_DIR) {
  process.on('exit', () => {
    mkdirSync(process.env.SAMKJOP_API_CALLS_DIR, { recursive: true });
    writeFileSync(join(process.env.SAMKJOP_API_CALLS_DIR, `${process.pid}.json`), JSON.stringify(calls));
  });
}

// The contract: every JSON answer is validated against the schema the server's OpenAPI document
// gives for its route and status (the web's types are generated from the same document), so a
// drift between an entity's JSON and its schema fails the test that saw it.
const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats');

export class Contract {
  constructor(doc) {
    this.doc = doc;
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema(doc, 'openapi');
    this.validators = new Map();
    this.routes = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      const re = new RegExp('^' + path.replace(/\./g, '\\.').replace(/\{[^}]+\}/g, '[^/]+') + '$');
      const literals = path.split('/').filter((s) => s && !s.startsWith('{')).length;
      for (const method of Object.keys(ops)) this.routes.push({ method: method.toUpperCase(), path, re, literals });
    }
    // Literal segments win over parameters, as in the server's router.
    this.routes.sort((a, b) => b.literals - a.literals);
  }
  route(method, path) {
    const m = method === 'HEAD' ? 'GET' : method;
    return this.routes.find((r) => r.method === m && r.re.test(path));
  }
  /** Throws when `data` does not match the documented schema of this answer. */
  check(method, path, status, contentType, data) {
    const r = this.route(method, path);
    if (!r || method === 'HEAD') return;
    const responses = this.doc.paths[r.path][r.method.toLowerCase()].responses;
    const answer = responses[String(status)];
    if (!answer) throw new Error(`${method} ${path} answered ${status}, which its OpenAPI entry does not list`);
    const type = (contentType || '').split(';')[0].trim();
    const content = answer.content?.[type];
    if (!content) {
      if (type.includes('json')) throw new Error(`${method} ${path} ${status}: ${type} is not documented`);
      return;
    }
    const key = `${r.method} ${r.path} ${status} ${type}`;
    if (!this.validators.has(key)) {
      const pointer = ['paths', r.path, r.method.toLowerCase(), 'responses', String(status), 'content', type, 'schema']
        .map((x) => x.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
      this.validators.set(key, this.ajv.compile({ $ref: `openapi#/${pointer}` }));
    }
    const validate = this.validators.get(key);
    if (!validate(data))
      throw new Error(`${key}: the body does not match its OpenAPI schema: ${this.ajv.errorsText(validate.errors)}\n${JSON.stringify(data).slice(0, 500)}`);
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

// The serve options every suite starts with; a file may override one (`serve: {flag: value}`),
// drop one (`null`), repeat one (an array) or add its own. The lock at the account limit lasts
// 60 s here (the production default is 1 s, doubling), so a test's lock outlasts its requests.
const SERVE_DEFAULTS = {
  '--password-hash-cost': 'min', '--login-account-limit': '3', '--login-first-lock-seconds': '60',
  '--max-body-kib': '64', '--test-gauges': true,
};

/**
 * Starts a server on its own throwaway database with the demo data.
 * `args`: extra `serve` arguments appended as they are (e.g. ['--public-url', 'https://…']).
 * `hashCost`: argon2id cost of the demo accounts and of the server ('min' or 'interactive').
 */
export async function startServer({ serve = {}, hashCost = 'min', args = [] } = {}) {
  const data = mkdtempSync(join(tmpdir(), 'samkjop-api-'));
  let db = `sqlite:${join(data, 'samkjop.db')}`;
  const pg = process.env.SAMKJOP_TEST_DB;
  if (pg && pg.startsWith('postgres')) {
    // A fresh database in the test cluster for every run.
    const name = `samkjop_api_${process.pid}_${Date.now()}`;
    const made = spawnSync('psql', [pg, '-v', 'ON_ERROR_STOP=1', '-qc', `CREATE DATABASE ${name}`], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`createdb failed: ${made.stderr}`);
    db = pg.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
  }
  const seed = spawnSync(binary, ['seed-demo', '--db', db, '--data', data, '--password-hash-cost', hashCost, '--today', TODAY], { encoding: 'utf8' });
  if (seed.status !== 0) throw new Error(`seed-demo failed: ${seed.stderr}`);
  // A stand-in web app, to test static files and the history fallback.
  mkdirSync(join(data, 'web', 'assets'), { recursive: true });
  writeFileSync(join(data, 'web', 'index.html'), '<!doctype html><html lang="nb"><title>Samkjøp</title></html>');
  writeFileSync(join(data, 'web', 'assets', 'app.js'), 'console.log(1);');
  const port = await freePort();
  const flags = [];
  for (const [flag, value] of Object.entries({ ...SERVE_DEFAULTS, '--password-hash-cost': hashCost, ...serve })) {
    if (value === null || value === false) continue;
    for (const v of Array.isArray(value) ? value : [value]) flags.push(...(v === true ? [flag] : [flag, String(v)]));
  }
  const proc = spawn(binary, ['serve', '--db', db, '--data', data, '--listen', `127.0.0.1:${port}`, '--today', TODAY,
    ...flags, '--web', join(data, 'web'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (proc.exitCode !== null) throw new Error(`server exited: ${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const contract = new Contract(await (await fetch(`${base}/api/openapi.json`)).json());
  return {
    base, db, data, proc, contract,
    log: () => log,
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.exitCode !== null ? r() : proc.on('exit', r));
      if (!db.startsWith('postgres')) rmSync(data, { recursive: true, force: true });
      return proc.exitCode;
    },
  };
}

// A client with its own cookie jar. `as` logs in as a demo user.
export class Client {
  constructor(server) {
    this.server = server;
    this.cookie = '';
    this.csrf = '';
  }
  async request(method, path, { body, json, headers = {}, raw = false, csrf = true } = {}) {
    const h = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (csrf && this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    let payload = body;
    if (json !== undefined) {
      payload = JSON.stringify(json);
      h['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.server.base + path, { method, headers: h, body: payload });
    const bare = path.split('?')[0];
    calls.push({ method, path: bare, status: res.status });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const type = res.headers.get('content-type') || '';
    let data = null;
    if (raw) data = Buffer.from(await res.arrayBuffer());
    else if (type.includes('json')) data = await res.json();
    else data = await res.text();
    // SAMKJOP_NO_CONTRACT=1: skip the schema check (only to run a test against an old binary).
    if (bare.startsWith('/api/') && !raw && this.checkContract !== false && !process.env.SAMKJOP_NO_CONTRACT)
      this.server.contract?.check(method, bare, res.status, type, data);
    return { status: res.status, headers: res.headers, data };
  }
  get(p, o) { return this.request('GET', p, o); }
  post(p, json, o = {}) { return this.request('POST', p, { ...o, json }); }
  patch(p, json, o = {}) { return this.request('PATCH', p, { ...o, json }); }
  async login(username, password = PASSWORD) {
    const r = await this.post('/api/auth/login', { username, password });
    if (r.status === 200) this.csrf = r.data.csrf_token;
    return r;
  }
}

export async function as(server, username) {
  const c = new Client(server);
  const r = await c.login(username);
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.data)}`);
  return c;
}

// Asserts a problem+json response with the status, and optionally code/field.
export function isProblem(assert, r, status, code, field) {
  assert.equal(r.status, status, JSON.stringify(r.data));
  assert.match(r.headers.get('content-type'), /application\/problem\+json/);
  assert.equal(r.data.status, status);
  assert.equal(typeof r.data.detail, 'string');
  assert.ok(Array.isArray(r.data.errors));
  if (code) assert.equal(r.data.code, code);
  if (field) assert.ok(r.data.errors.some((e) => e.field === field), `no error on field ${field}: ${JSON.stringify(r.data.errors)}`);
}

// The HTTP transport, black-box (issue 8: defects 1, 4, 6, 12, 16, 22-HSTS). Raw sockets where
// fetch cannot go: bodies that are never finished, malformed requests, pipelining, paths that
// fetch would normalise. The server runs with --max-body-kib 64 and --test-gauges.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../harness.mjs';

const LIMIT = 64 * 1024;
let server;
let port;

before(async () => {
  server = await startServer();
  port = Number(new URL(server.base).port);
});
after(async () => {
  const code = await server.stop();
  assert.equal(code, 0, 'server must exit 0 on SIGTERM (graceful shutdown)');
});

// Parses as many complete HTTP/1.1 responses as `buf` holds. `heads[i]` says the i-th request
// was HEAD (its response has a Content-Length but no body).
function parseResponses(buf, heads = []) {
  const out = [];
  let at = 0;
  for (;;) {
    const end = buf.indexOf('\r\n\r\n', at);
    if (end < 0) break;
    const lines = buf.subarray(at, end).toString('latin1').split('\r\n');
    const status = Number(lines[0].split(' ')[1]);
    const headers = {};
    for (const l of lines.slice(1)) {
      const c = l.indexOf(':');
      headers[l.slice(0, c).toLowerCase()] = l.slice(c + 1).trim();
    }
    const interim = status >= 100 && status < 200;
    const len = interim || heads[out.filter((r) => !r.interim).length] ? 0 : Number(headers['content-length'] ?? 0);
    if (buf.length < end + 4 + len) break;
    const body = buf.subarray(end + 4, end + 4 + len).toString('utf8');
    out.push({ status, headers, body, interim });
    at = end + 4 + len;
  }
  return { responses: out, rest: buf.subarray(at) };
}

// Opens a connection, sends `data` (string/Buffer, or a function(socket, state) that writes),
// and resolves with the responses once `count` final responses have arrived, the server has
// closed, or `timeoutMs` has passed (then `timedOut` is true).
function raw(data, { count = 1, timeoutMs = 5000, heads = [] } = {}) {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    let buf = Buffer.alloc(0);
    let done = false;
    const state = { answered: false };
    const finish = (extra) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      const { responses } = parseResponses(buf, heads);
      sock.destroy();
      resolve({ responses, finals: responses.filter((r) => !r.interim), raw: buf, ...extra });
    };
    const timer = setTimeout(() => finish({ timedOut: true }), timeoutMs);
    sock.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      const { responses } = parseResponses(buf, heads);
      if (responses.some((r) => !r.interim)) state.answered = true;
      if (state.onInterim && responses.some((r) => r.interim)) state.onInterim();
      if (responses.filter((r) => !r.interim).length >= count) finish({});
    });
    sock.on('error', () => {}); // a reset after our answer arrived is fine
    sock.on('close', () => finish({ closed: true }));
    sock.on('connect', () => {
      if (typeof data === 'function') data(sock, state);
      else sock.write(data);
    });
  });
}

function assertProblem(r, status, code) {
  assert.ok(r, 'no response');
  assert.equal(r.status, status, r.body);
  assert.match(r.headers['content-type'], /application\/problem\+json/);
  const p = JSON.parse(r.body);
  assert.equal(p.status, status);
  if (code) assert.equal(p.code, code);
  assert.match(r.headers['x-request-id'], /^[0-9a-f]{16}$/);
  assert.equal(r.headers['x-content-type-options'], 'nosniff');
}

async function gauges() {
  const r = await fetch(`${server.base}/api/test/gauges`);
  assert.equal(r.status, 200, 'serve --test-gauges exposes /api/test/gauges');
  return r.json();
}

const get = (path, extra = '') => `GET ${path} HTTP/1.1\r\nHost: t\r\n${extra}\r\n`;

describe('request bodies: the limit is decided from the header, before the body is read', () => {
  test('16 × 60 MiB bodies at once: all 413, no body bytes buffered past the limit (the memory figure is make bench: bench/run-body-flood.sh)', async () => {
    await fetch(`${server.base}/api/test/gauges/reset`, { method: 'POST' }); // checked below, via the peak
    const size = 60 * 1024 * 1024;
    const body = Buffer.alloc(size, 'a'); // one buffer, shared by all 16 sockets
    const slice = 1024 * 1024;
    const send = (sock, state) => {
      sock.write(`POST /api/auth/login HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`);
      let sent = 0;
      const pump = () => {
        while (sent < size && !state.answered && !sock.destroyed) {
          const ok = sock.write(body.subarray(sent, sent + slice));
          sent += slice;
          if (!ok) { sock.once('drain', pump); return; }
        }
      };
      pump();
    };
    const results = await Promise.all(Array.from({ length: 16 }, () => raw(send, { timeoutMs: 60000 })));
    for (const r of results) {
      assert.ok(!r.timedOut, 'answered');
      assertProblem(r.finals[0], 413, 'http.payload_too_large');
    }
    // The body was not read, so the connection cannot carry another request.
    for (const r of results) assert.equal(r.finals[0].headers.connection, 'close');
    const g = (await gauges())['http.body_bytes_buffered'];
    assert.ok(g, 'the transport records http.body_bytes_buffered');
    assert.ok(g.peak <= LIMIT, `body bytes buffered peaked at ${g.peak}`);
    assert.equal(g.current, 0);
  });

  test('a chunked body that grows past the limit is stopped with 413', async () => {
    const chunk = `4000\r\n${'x'.repeat(0x4000)}\r\n`; // 16 KiB chunks, never a last chunk
    const r = await raw((sock, state) => {
      sock.write('POST /api/auth/login HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n');
      let n = 0;
      const tick = () => { if (!state.answered && !sock.destroyed && n++ < 64) { sock.write(chunk); setImmediate(tick); } };
      tick();
    });
    assert.ok(!r.timedOut, 'answered without waiting for the end of the body');
    assertProblem(r.finals[0], 413, 'http.payload_too_large');
  });

  test('Expect: 100-continue with a body over the limit is answered 413 before the body is sent', async () => {
    const r = await raw(`POST /api/auth/login HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: ${10 << 20}\r\nExpect: 100-continue\r\n\r\n`);
    assert.ok(!r.timedOut, 'answered although no body byte was sent');
    assert.equal(r.responses.filter((x) => x.interim).length, 0, 'no 100 Continue');
    assertProblem(r.finals[0], 413, 'http.payload_too_large');
  });

  test('Expect: 100-continue within the limit gets 100 Continue, then the answer', async () => {
    const body = JSON.stringify({ username: 'nobody', password: 'wrong-password-123' });
    const r = await raw((sock, state) => {
      sock.write(`POST /api/auth/login HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nExpect: 100-continue\r\n\r\n`);
      state.onInterim = () => { if (!state.sent) { state.sent = true; sock.write(body); } };
    });
    assert.equal(r.responses[0]?.status, 100);
    assert.equal(r.finals[0]?.status, 401);
  });
});

describe('HTTP conformance: limits and malformed requests get their proper answers', () => {
  test('a request target over 8 KiB is 414', async () => {
    const r = await raw(get(`/api/health?pad=${'p'.repeat(9 * 1024)}`));
    assertProblem(r.finals[0], 414, 'http.uri_too_long');
    const longer = await raw(get(`/api/health?pad=${'p'.repeat(40 * 1024)}`));
    assertProblem(longer.finals[0], 414, 'http.uri_too_long');
  });

  test('header fields over 32 KiB are 431', async () => {
    const pad = Array.from({ length: 3 }, (_, i) => `X-Pad-${i}: ${'h'.repeat(12 * 1024)}\r\n`).join('');
    const r = await raw(get('/api/health', pad));
    assertProblem(r.finals[0], 431, 'http.headers_too_large');
  });

  test('a malformed request line or header is 400', async () => {
    for (const bad of [
      'GET /api/health HTTP/1.1\r\nHost: t\r\nNo colon in this line\r\n\r\n',
      'GET /api/health HTTP/9.9\r\nHost: t\r\n\r\n',
      'GET\r\n\r\n',
      'POST /api/auth/login HTTP/1.1\r\nHost: t\r\nContent-Length: 12abc\r\n\r\n',
      'POST /api/auth/login HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
    ]) {
      const r = await raw(bad);
      assert.ok(!r.timedOut, `answered: ${JSON.stringify(bad)}`);
      assertProblem(r.finals[0], 400);
    }
  });

  test('three pipelined requests on one connection are all answered, in order', async () => {
    const r = await raw(get('/api/health') + get('/api/nope') + get('/api/openapi.json') + get('/api/health', 'Connection: close\r\n'), { count: 4 });
    assert.deepEqual(r.finals.map((x) => x.status), [200, 404, 200, 200]);
    assert.equal(JSON.parse(r.finals[2].body).openapi, '3.1.0');
    assert.equal(r.finals[3].headers.connection, 'close');
  });

  test('HEAD on an API GET route answers like GET, without the body', async () => {
    const getRes = await fetch(`${server.base}/api/health`);
    const getBody = await getRes.text();
    const head = await fetch(`${server.base}/api/health`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(Number(head.headers.get('content-length')), Buffer.byteLength(getBody));
    assert.equal(await head.text(), '');
    // On the wire: no body bytes, so the next response on the connection parses.
    const r = await raw(`HEAD /api/health HTTP/1.1\r\nHost: t\r\n\r\n${get('/api/health')}`, { count: 2, heads: [true, false] });
    assert.deepEqual(r.finals.map((x) => x.status), [200, 200]);
    assert.equal(r.finals[1].body, getBody);
  });

  test('HEAD on a static file sends its real Content-Length', async () => {
    const head = await fetch(`${server.base}/assets/app.js`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-length'), String('console.log(1);'.length));
    assert.equal(await head.text(), '');
  });

  test('a path segment over 255 bytes is 404, not 500', async () => {
    for (const path of [`/${'a'.repeat(300)}`, `/assets/${'b'.repeat(300)}.js`, `/api/${'c'.repeat(300)}`]) {
      const r = await raw(get(path));
      assertProblem(r.finals[0], 404, 'http.not_found');
    }
  });
});

describe('the web root cannot be left', () => {
  test('a sibling folder whose name starts with the root\'s is not served', async () => {
    // The web root is DATA/web; DATA/web-private and DATA/web.bak are siblings.
    for (const dir of ['web-private', 'web.bak']) {
      mkdirSync(join(server.data, dir), { recursive: true });
      writeFileSync(join(server.data, dir, 'secret.txt'), 'TOP-SECRET');
    }
    for (const path of ['/../web-private/secret.txt', '/%2e%2e/web-private/secret.txt', '/assets/../../web.bak/secret.txt',
      '/..%2fweb-private%2fsecret.txt', '/./../web-private/secret.txt']) {
      const r = await raw(get(path));
      assert.ok(r.finals[0], `answered ${path}`);
      assert.doesNotMatch(r.finals[0].body, /TOP-SECRET/, path);
      assertProblem(r.finals[0], 404, 'http.not_found');
    }
    // Inside the root still works, and so does the history fallback.
    assert.equal((await fetch(`${server.base}/assets/app.js`)).status, 200);
    assert.match(await (await fetch(`${server.base}/organisasjon/roller`)).text(), /<!doctype html>/);
  });
});

describe('logs and request ids', () => {
  test('a %0a in the path does not forge a log line', async () => {
    const forged = '{"msg":"access","request_id":"forged"}';
    for (const path of [`/${'a'.repeat(300)}%0a${encodeURIComponent(forged)}`, `/api/x%0a${encodeURIComponent(forged)}`,
      `/x%0d%0a${encodeURIComponent(forged)}`, `/api/health%0aFORGED%0bLINE%1b%5b31m`]) {
      await raw(get(path));
    }
    await new Promise((r) => setTimeout(r, 200));
    const lines = server.log().split('\n');
    const stamped = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/;
    const bad = lines.filter((l) => (l.includes('forged') || l.includes('FORGED')) && !stamped.test(l));
    assert.deepEqual(bad, [], 'a log line that does not start with a timestamp');
    // eslint-disable-next-line no-control-regex
    assert.ok(!lines.some((l) => l.includes('FORGED') && /[\x00-\x08\x0b-\x1f\x7f]/.test(l)), 'control characters are encoded');
    assert.ok(lines.some((l) => l.includes('"msg":"access"') && l.includes('\\nFORGED\\u000bLINE\\u001b[31m')));
  });

  test('the request id is the server\'s; the client\'s X-Request-Id goes to the access log only', async () => {
    const r = await raw(get('/api/health', 'X-Request-Id: trace-123\r\n'));
    const id = r.finals[0].headers['x-request-id'];
    assert.match(id, /^[0-9a-f]{16}$/);
    assert.notEqual(id, 'trace-123');
    const long = 'L'.repeat(100);
    const r2 = await raw(get('/api/health', `X-Request-Id: ${long}\r\n`));
    await new Promise((res) => setTimeout(res, 200));
    const access = server.log().split('\n').filter((l) => l.includes('"msg":"access"'));
    const line = access.find((l) => l.includes(`"request_id":"${id}"`));
    assert.ok(line, 'the access log names the server\'s id');
    assert.match(line, /"client_request_id":"trace-123"/);
    const line2 = access.find((l) => l.includes(`"request_id":"${r2.finals[0].headers['x-request-id']}"`));
    assert.match(line2, new RegExp(`"client_request_id":"${'L'.repeat(64)}"`));
  });

  test('no HSTS when the public address is plain http', async () => {
    const r = await fetch(`${server.base}/api/health`);
    assert.equal(r.headers.get('strict-transport-security'), null);
  });
});

describe('HSTS', () => {
  test('--public-url https://… adds Strict-Transport-Security to every response', async () => {
    const s = await startServer({ args: ['--public-url', 'https://innkjop.example.no'] });
    try {
      for (const path of ['/api/health', '/', '/api/nope']) {
        const r = await fetch(`${s.base}${path}`);
        assert.equal(r.headers.get('strict-transport-security'), 'max-age=31536000; includeSubDomains', path);
      }
    } finally {
      assert.equal(await s.stop(), 0);
    }
  });
});

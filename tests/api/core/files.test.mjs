// Files and uploads (core/files): POST /api/files with a raw body streamed to disk, the type read
// from the content, dedupe by SHA-256, downloads as attachments for callers who may read the
// file, the per-route limit (413 by Content-Length and chunked, the connection answered), bad
// names, and who may do what. The server runs with --max-upload-mib 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { createHash, randomBytes } from 'node:crypto';
import { serverForFile, as, Client, isProblem } from '../harness.mjs';

let server;
serverForFile({ set: (s) => { server = s; }, serve: { '--max-upload-mib': '1' } });

const pdf = (extra = randomBytes(2000)) => Buffer.concat([Buffer.from('%PDF-1.7\n'), extra]);
const sha = (b) => createHash('sha256').update(b).digest('hex');

function upload(client, bytes, filename, type = 'application/pdf') {
  const q = filename === undefined ? '' : `?filename=${encodeURIComponent(filename)}`;
  const headers = type ? { 'content-type': type } : {};
  return client.request('POST', `/api/files${q}`, { body: bytes, headers });
}

test('upload and download round trip: bytes, headers, metadata, audit', async () => {
  const d = await as(server, 'direktor');
  const bytes = pdf();
  const name = 'Kontrakt møbler «2027».pdf';
  const up = await upload(d, bytes, name);
  assert.equal(up.status, 201, JSON.stringify(up.data));
  assert.equal(up.data.filename, name);
  assert.equal(up.data.size, bytes.length);
  assert.equal(up.data.content_type, 'application/pdf');
  assert.equal(up.data.sha256, sha(bytes));
  assert.equal(up.data.attached, false);
  assert.equal(up.data.uploaded_by_username, 'direktor');

  const dl = await d.get(`/api/files/${up.data.id}`, { raw: true });
  assert.equal(dl.status, 200);
  assert.ok(Buffer.compare(dl.data, bytes) === 0, 'downloaded bytes differ');
  assert.equal(dl.headers.get('content-type'), 'application/pdf');
  assert.equal(dl.headers.get('content-length'), String(bytes.length));
  assert.equal(dl.headers.get('x-content-type-options'), 'nosniff');
  const cd = dl.headers.get('content-disposition');
  assert.match(cd, /^attachment; /);
  assert.ok(cd.includes(`filename*=UTF-8''${encodeURIComponent(name).replace(/'/g, '%27')}`), cd);
  assert.ok(cd.includes('filename="Kontrakt mobler _2027_.pdf"'), cd);

  // HEAD: the same headers, no body.
  const head = await d.request('HEAD', `/api/files/${up.data.id}`, { raw: true });
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('content-length'), String(bytes.length));
  assert.equal(head.data.length, 0);

  const meta = await d.get(`/api/files/${up.data.id}/meta`);
  assert.equal(meta.status, 200);
  assert.deepEqual(meta.data, up.data);

  const admin = await as(server, 'admin');
  const audit = await admin.get(`/api/audit?entity=core.file&entity_id=${up.data.id}`);
  assert.equal(audit.data.total, 1);
  assert.equal(audit.data.items[0].action, 'create');
});

test('the same bytes twice: one blob, two files each with its own name and uploader', async () => {
  const a = await as(server, 'stab');
  const b = await as(server, 'ansatt');
  const bytes = pdf();
  const one = await upload(a, bytes, 'en.pdf');
  const two = await upload(b, bytes, 'to.pdf', 'application/octet-stream');
  assert.equal(one.status, 201);
  assert.equal(two.status, 201);
  assert.notEqual(one.data.id, two.data.id);
  assert.equal(one.data.sha256, two.data.sha256);
  const dl = await b.get(`/api/files/${two.data.id}`, { raw: true });
  assert.ok(Buffer.compare(dl.data, bytes) === 0);
  assert.match(dl.headers.get('content-disposition'), /filename="to\.pdf"/);
  // Each sees only their own.
  isProblem(assert, await b.get(`/api/files/${one.data.id}`), 404, 'files.not_found');
});

test('the same new bytes uploaded at once by several callers: all stored, one blob, each readable', async () => {
  const users = ['stab', 'ansatt', 'direktor', 'innkjop.kongsvinger', 'radmann', 'admin'];
  const clients = await Promise.all(users.map((u) => as(server, u)));
  const bytes = pdf(randomBytes(256 * 1024));
  const answers = await Promise.all(clients.map((c, i) => upload(c, bytes, `samtidig-${i}.pdf`)));
  for (const a of answers) assert.equal(a.status, 201, JSON.stringify(a.data));
  assert.equal(new Set(answers.map((a) => a.data.id)).size, users.length);
  assert.equal(new Set(answers.map((a) => a.data.sha256)).size, 1);
  const downloads = await Promise.all(clients.map((c, i) => c.get(`/api/files/${answers[i].data.id}`, { raw: true })));
  for (const d of downloads) assert.ok(Buffer.compare(d.data, bytes) === 0);
});

test('types are read from the content: PNG, JPEG, XLSX, CSV, XML, ZIP', async () => {
  const c = await as(server, 'innkjop.kongsvinger');
  const cases = [
    [Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(64)]), 'bilde.png', 'image/png', 'image/png'],
    [Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), randomBytes(64)]), 'bilde.jpg', 'image/jpeg', 'image/jpeg'],
    [Buffer.from('navn;beløp\nMøbler AS;100\nKjøkken AS;200\n'), 'liste.csv', 'text/csv', 'text/csv; charset=utf-8'],
    [Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Invoice/>'), 'faktura.xml', 'application/xml', 'application/xml'],
    [Buffer.from('Bare tekst.\nTo linjer.\n'), 'notat.txt', '', 'text/plain; charset=utf-8'],
    [zip(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml']), 'ark.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    [zip(['a.txt', 'b.txt']), 'pakke.zip', 'application/zip', 'application/zip'],
  ];
  for (const [bytes, name, declared, detected] of cases) {
    const r = await upload(c, bytes, name, declared);
    assert.equal(r.status, 201, `${name}: ${JSON.stringify(r.data)}`);
    assert.equal(r.data.content_type, detected, name);
  }
  // The name says PDF; the content is a PNG: the content wins.
  const png = await upload(c, cases[0][0], 'egentlig.pdf', '');
  assert.equal(png.data.content_type, 'image/png');
});

test('bad input: mismatching type 415, legacy Office 415, unknown binary 415, empty 400, bad names 400', async () => {
  const c = await as(server, 'stab');
  isProblem(assert, await upload(c, pdf(), 'x.png', 'image/png'), 415, 'files.type_mismatch', 'file');
  isProblem(assert, await upload(c, Buffer.from('just text'), 'x.pdf', 'application/pdf'), 415, 'files.type_mismatch');
  const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), randomBytes(512)]);
  isProblem(assert, await upload(c, ole, 'gammel.doc', 'application/msword'), 415, 'files.legacy_format', 'file');
  isProblem(assert, await upload(c, ole, 'gammel.xls', ''), 415, 'files.legacy_format');
  isProblem(assert, await upload(c, Buffer.from([0, 1, 2, 3, 255, 254]), 'x.bin', ''), 415, 'files.unsupported_type');
  isProblem(assert, await upload(c, Buffer.alloc(0), 'tom.pdf'), 400, 'files.empty', 'file');
  for (const [name, code] of [['../../etc/passwd', 'files.filename_invalid'], ['a/b.pdf', 'files.filename_invalid'],
    ['a\u0000b.pdf', 'files.filename_invalid'], ['a\r\nSet-Cookie: x.pdf', 'files.filename_invalid'],
    ['a\u0007b.pdf', 'files.filename_invalid'], ['x'.repeat(300), 'files.filename_too_long'],
    ['', 'files.filename_required'], [undefined, 'files.filename_required']]) {
    const r = await upload(c, pdf(), name);
    isProblem(assert, r, 400, code, 'filename');
    assert.match(r.data.detail, /[a-zæøå]/, 'a Norwegian detail');
  }
  // A name of 255 characters (many two bytes long) is fine.
  assert.equal((await upload(c, pdf(), 'ø'.repeat(251) + '.pdf')).status, 201);
});

test('over the limit: 413 problem+json by Content-Length and by a chunked body, the connection answered', async () => {
  const c = await as(server, 'stab');
  const port = Number(new URL(server.base).port);
  const head = (extra) => `POST /api/files?filename=stor.pdf HTTP/1.1\r\nHost: t\r\nCookie: ${c.cookie}\r\n` +
    `X-CSRF-Token: ${c.csrf}\r\nContent-Type: application/pdf\r\n${extra}\r\n`;
  // Declared too large: answered before the body is sent.
  const byLength = await rawRequest(port, (s) => s.write(head(`Content-Length: ${2 * 1024 * 1024}\r\n`)));
  assert.equal(byLength.status, 413, byLength.text);
  assert.match(byLength.headers['content-type'], /application\/problem\+json/);
  assert.equal(JSON.parse(byLength.body).code, 'http.payload_too_large');
  // Chunked, growing past 1 MiB: stopped with 413 while the client is still sending.
  const chunked = await rawRequest(port, (s, st) => {
    s.write(head('Transfer-Encoding: chunked\r\n'));
    const chunk = Buffer.concat([Buffer.from('%PDF-'), randomBytes(64 * 1024 - 5)]);
    let sent = 0;
    const pump = () => {
      while (!st.answered && sent < 40 && s.writable) {
        sent++;
        if (!s.write(`${chunk.length.toString(16)}\r\n`) || !s.write(chunk) || !s.write('\r\n')) return s.once('drain', pump);
      }
    };
    pump();
  });
  assert.equal(chunked.status, 413, chunked.text);
  assert.equal(JSON.parse(chunked.body).code, 'http.payload_too_large');
  // Just under the limit is accepted.
  const ok = await upload(c, pdf(randomBytes(1024 * 1024 - 100)), 'nesten.pdf');
  assert.equal(ok.status, 201);
});

test('who may: signed out 401, auditor may not upload, another user’s unattached file 404, own list paged', async () => {
  const anon = new Client(server);
  isProblem(assert, await upload(anon, pdf(), 'x.pdf'), 401);
  isProblem(assert, await anon.get('/api/files/1'), 401);
  isProblem(assert, await anon.get('/api/files?mine=true'), 401);
  const revisor = await as(server, 'revisor');
  isProblem(assert, await upload(revisor, pdf(), 'x.pdf'), 403);

  const owner = await as(server, 'raad');
  const other = await as(server, 'ansatt');
  const a = (await upload(owner, pdf(), 'raad-1.pdf')).data;
  const b = (await upload(owner, pdf(), 'raad-2.pdf')).data;
  for (const who of [other, revisor]) {
    isProblem(assert, await who.get(`/api/files/${a.id}`), 404, 'files.not_found');
    isProblem(assert, await who.get(`/api/files/${a.id}/meta`), 404, 'files.not_found');
  }
  isProblem(assert, await owner.get('/api/files/999999'), 404, 'files.not_found');
  isProblem(assert, await owner.get('/api/files/abc'), 400);

  const mine = await owner.get('/api/files?mine=true&page_size=1');
  assert.equal(mine.status, 200);
  assert.equal(mine.data.total, 2);
  assert.deepEqual(mine.data.items.map((f) => f.id), [b.id]);
  const page2 = await owner.get('/api/files?mine=true&page_size=1&page=2');
  assert.deepEqual(page2.data.items.map((f) => f.id), [a.id]);
  const others = await other.get('/api/files?mine=true');
  assert.ok(!others.data.items.some((f) => f.id === a.id || f.id === b.id));
  isProblem(assert, await owner.get('/api/files'), 400, 'files.invalid_query', 'mine');
  // The auditor reads (own list: empty) but uploads nothing.
  assert.equal((await revisor.get('/api/files?mine=true')).data.total, 0);
});

// A minimal stored ZIP with these entry names (no data): local headers and the central directory.
function zip(names) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const n of names) {
    const name = Buffer.from(n);
    const l = Buffer.alloc(30);
    l.writeUInt32LE(0x04034b50, 0); l.writeUInt16LE(20, 4); l.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0); c.writeUInt16LE(20, 4); c.writeUInt16LE(20, 6);
    c.writeUInt16LE(name.length, 28); c.writeUInt32LE(offset, 42);
    locals.push(l, name);
    centrals.push(c, name);
    offset += 30 + name.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(names.length, 8); end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

// Sends a request over a raw socket (`write(socket, state)`), resolves with the first response.
function rawRequest(port, write) {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1');
    const st = { answered: false };
    let buf = Buffer.alloc(0);
    const timer = setTimeout(() => { s.destroy(); reject(new Error('no answer in 10 s')); }, 10000);
    s.on('connect', () => write(s, st));
    s.on('error', () => {});  // the server may reset after its answer; what arrived counts
    const done = () => {
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return false;
      const lines = buf.subarray(0, end).toString('latin1').split('\r\n');
      const headers = {};
      for (const l of lines.slice(1)) headers[l.slice(0, l.indexOf(':')).toLowerCase()] = l.slice(l.indexOf(':') + 1).trim();
      const len = Number(headers['content-length'] ?? 0);
      if (buf.length < end + 4 + len) return false;
      st.answered = true;
      clearTimeout(timer);
      s.destroy();
      resolve({ status: Number(lines[0].split(' ')[1]), headers, body: buf.subarray(end + 4, end + 4 + len).toString('utf8'), text: buf.toString('utf8').slice(0, 300) });
      return true;
    };
    s.on('data', (d) => { buf = Buffer.concat([buf, d]); done(); });
    s.on('close', () => { if (!st.answered && !done()) { clearTimeout(timer); reject(new Error(`closed without an answer: ${buf.toString().slice(0, 200)}`)); } });
  });
}

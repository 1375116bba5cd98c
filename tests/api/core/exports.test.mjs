// Exports of list routes (?format=csv|xlsx): the people list and the audit log. The files are
// what the JSON list shows (same filters, same scope, every row), named with filename*=UTF-8''…,
// and a person named "=HYPERLINK(…)" never becomes a formula.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { serverForFile, Client, as, isProblem, KV, GRUE } from '../harness.mjs';

let server;
serverForFile({ set: (s) => { server = s; } });

const EVIL = '=HYPERLINK("http://evil.example";"klikk")';

/** The rows of a CSV export: BOM, ';', CRLF, quoted fields with "" (the exporter's shape). */
function parseCsv(buf) {
  assert.deepEqual([...buf.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM first');
  const text = buf.subarray(3).toString('utf8');
  assert.ok(text.endsWith('\r\n'), 'lines end in CRLF');
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  return rows;
}

/** The cells of the first sheet of an xlsx, as text, read with Python's zipfile + ElementTree. */
function xlsxRows(buf) {
  const script = `
import sys, zipfile, io, json, xml.etree.ElementTree as ET
ns = {'x': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
shared = []
if 'xl/sharedStrings.xml' in z.namelist():
    for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('x:si', ns):
        shared.append(''.join(t.text or '' for t in si.iter('{%s}t' % ns['x'])))
rows = []
for r in ET.fromstring(z.read('xl/worksheets/sheet1.xml')).iter('{%s}row' % ns['x']):
    cells = []
    for c in r.findall('x:c', ns):
        t = c.get('t')
        if t == 'inlineStr': cells.append(''.join(x.text or '' for x in c.iter('{%s}t' % ns['x'])))
        elif t == 's': cells.append(shared[int(c.find('x:v', ns).text)])
        else:
            v = c.find('x:v', ns)
            cells.append(None if v is None else float(v.text))
    rows.append(cells)
print(json.dumps(rows))`;
  const r = spawnSync('python3', ['-c', script], { input: buf, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

/** Every item of a paged JSON list. */
async function allItems(client, path) {
  const items = [];
  for (let page = 1; ; page++) {
    const r = await client.get(`${path}${path.includes('?') ? '&' : '?'}page=${page}&page_size=500`);
    assert.equal(r.status, 200);
    items.push(...r.data.items);
    if (items.length >= r.data.total) return items;
  }
}

describe('exports', () => {
  test('people as CSV: the same rows as the JSON list, every page, with the filters', async () => {
    const o = await as(server, 'innkjop.kongsvinger');
    for (const query of ['', `municipality=${GRUE}`, 'q=haugen']) {
      const json = await allItems(o, `/api/people?${query}`);
      const r = await o.request('GET', `/api/people?${query}&format=csv&page_size=1`, { raw: true });
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-type'), /^text\/csv; charset=utf-8/);
      assert.equal(r.headers.get('content-disposition'), `attachment; filename="personer.csv"; filename*=UTF-8''personer.csv`);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
      const rows = parseCsv(r.data);
      assert.deepEqual(rows[0], ['Navn', 'Tittel', 'E-post', 'Telefon', 'Kommune (orgnr)']);
      assert.deepEqual(rows.slice(1).map((x) => x[0]), json.map((p) => p.name), `query ${query}`);
      assert.ok(json.length > (query ? 0 : 1), 'the filter finds people');
    }
    const grue = parseCsv((await o.request('GET', `/api/people?municipality=${GRUE}&format=csv`, { raw: true })).data);
    assert.ok(grue.slice(1).every((x) => x[4] === '964 948 143'), 'orgnr shown grouped');
  });

  test('people as xlsx: the same rows, a real workbook', async () => {
    const a = await as(server, 'ansatt');
    const json = await allItems(a, `/api/people?municipality=${KV}`);
    const r = await a.request('GET', `/api/people?municipality=${KV}&format=xlsx`, { raw: true });
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /spreadsheetml\.sheet/);
    assert.match(r.headers.get('content-disposition'), /filename\*=UTF-8''personer\.xlsx/);
    const rows = xlsxRows(r.data);
    assert.deepEqual(rows[0], ['Navn', 'Tittel', 'E-post', 'Telefon', 'Kommune (orgnr)']);
    assert.deepEqual(rows.slice(1).map((x) => x[0]), json.map((p) => p.name));
  });

  test('a name that is a formula is neutralised in CSV and xlsx', async () => {
    const d = await as(server, 'direktor');
    const created = await d.post('/api/people', { name: EVIL, title: '+47 tull', municipality: KV });
    assert.equal(created.status, 201);
    const csv = parseCsv((await d.request('GET', '/api/people?q=hyperlink&format=csv', { raw: true })).data);
    assert.deepEqual(csv.slice(1).map((x) => [x[0], x[1]]), [[`'${EVIL}`, "'+47 tull"]]);
    const xlsx = xlsxRows((await d.request('GET', '/api/people?q=hyperlink&format=xlsx', { raw: true })).data);
    assert.equal(xlsx[1][0], `'${EVIL}`);
    assert.equal(xlsx[1][1], "'+47 tull");
    // The JSON keeps the name as it was written.
    assert.equal((await d.get('/api/people?q=hyperlink')).data.items[0].name, EVIL);
  });

  test('bad format is a 400 naming the field; anonymous callers get 401', async () => {
    const a = await as(server, 'ansatt');
    isProblem(assert, await a.get('/api/people?format=pdf'), 400, 'org.invalid_filter', 'format');
    isProblem(assert, await new Client(server).get('/api/people?format=csv'), 401);
  });

  test('audit log as CSV and xlsx: director allowed, officer denied; filters apply', async () => {
    const d = await as(server, 'direktor');
    const json = await allItems(d, '/api/audit?entity=org.person');
    const r = await d.request('GET', '/api/audit?entity=org.person&format=csv', { raw: true });
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-disposition'), /filename\*=UTF-8''revisjonslogg\.csv/);
    const rows = parseCsv(r.data);
    assert.equal(rows[0][0], 'Tidspunkt (UTC)');
    assert.equal(rows.length - 1, json.length);
    assert.ok(rows.slice(1).every((x) => x[3] === 'org.person'));
    // The person named as a formula is in an audit image too: neutralised there as well? The
    // image is JSON text starting with '{', so it needs no prefix, but the name is inside it.
    assert.ok(rows.slice(1).some((x) => x[6].includes('HYPERLINK')));
    const x = await d.request('GET', '/api/audit?entity=org.&format=xlsx', { raw: true });
    assert.equal(x.status, 200);
    assert.equal(x.data.subarray(0, 2).toString(), 'PK');
    assert.equal(xlsxRows(x.data)[0][7], 'Forespørsel');
    const officer = await as(server, 'innkjop.kongsvinger');
    isProblem(assert, await officer.get('/api/audit?format=csv'), 403);
    isProblem(assert, await officer.get('/api/audit?format=xlsx'), 403);
    isProblem(assert, await d.get('/api/audit?format=doc'), 400, 'audit.invalid_filter', 'format');
  });
});

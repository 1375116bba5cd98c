// Norwegian search (core::search) through the people list: folding, word
// prefixes under 3 characters, ranking, user syntax as literal text, scope,
// and the same hits on SQLite and PostgreSQL.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { serverForFile, startServer, as, isProblem, KV, GRUE } from '../harness.mjs';

let server;
const created = new Map(); // name -> id

// The people this file adds (by the director, who writes in every municipality).
const PEOPLE = [
  { name: 'Zeta Møbler', municipality: KV },
  { name: 'Ærlig Møbler', municipality: GRUE },
  { name: 'Øystein Møbler', municipality: KV },
  { name: 'Åse Møbler', municipality: KV },
  { name: 'Anne Møblerud', municipality: KV },
  { name: 'Bjørn Skolemøbler', municipality: GRUE },
  { name: 'Kari Lund', municipality: KV, title: 'Kjøkkensjef' },
  { name: 'Ola Prosent', municipality: KV, title: '100% Rabatt' },
  { name: 'Eva Strek', municipality: GRUE, title: 'Under_strek' },
  { name: 'Siv Sitat', municipality: KV, title: 'Sitat "A" AND NEAR(x) stjerne*' },
];

async function seed(s) {
  const d = await as(s, 'direktor');
  const ids = new Map();
  for (const p of PEOPLE) {
    const r = await d.post('/api/people', p);
    assert.equal(r.status, 201, JSON.stringify(r.data));
    ids.set(p.name, r.data.id);
  }
  return ids;
}

serverForFile({
  set: (s) => { server = s; },
  setup: async (s) => { for (const [k, v] of await seed(s)) created.set(k, v); },
});

// The fold of core::nor::FoldForSearch for the letters used here.
const fold = (s) => s.toLowerCase().replaceAll('æ', 'ae').replaceAll('ø', 'o').replaceAll('å', 'a');

async function search(client, q, extra = '') {
  const r = await client.get(`/api/people?q=${encodeURIComponent(q)}&page_size=200${extra}`);
  assert.equal(r.status, 200, JSON.stringify(r.data));
  return r.data;
}
// The names of this file's people among the hits, in the order answered.
const ours = (page) => page.items.map((p) => p.name).filter((n) => created.has(n));
// Every hit really contains the folded query (no similarity matching), and the total counts them.
function allContain(page, q) {
  const f = fold(q).trim();
  for (const p of page.items) {
    const text = fold([p.name, p.email ?? '', p.title ?? ''].join(' '));
    assert.ok(text.includes(f), `${p.name} does not contain ${f}`);
  }
}

describe('search: people', () => {
  test('mobler finds møbler; whole word, then prefix, then substring; ties in Norwegian order', async () => {
    const a = await as(server, 'ansatt');
    const page = await search(a, 'mobler');
    assert.deepEqual(ours(page), ['Zeta Møbler', 'Ærlig Møbler', 'Øystein Møbler', 'Åse Møbler',
      'Anne Møblerud', 'Bjørn Skolemøbler']);
    allContain(page, 'mobler');
    assert.equal(page.total, page.items.length);
    // The same with the Norwegian letter and in capitals.
    assert.deepEqual(ours(await search(a, 'MØBLER')), ours(page));
    // Paging in SQL over the ranked list, total before paging.
    const first = await a.get(`/api/people?q=mobler&page_size=2`);
    assert.equal(first.data.total, page.total);
    assert.deepEqual(first.data.items.map((p) => p.name), page.items.slice(0, 2).map((p) => p.name));
    const second = await a.get(`/api/people?q=mobler&page_size=2&page=2`);
    assert.deepEqual(second.data.items.map((p) => p.name), page.items.slice(2, 4).map((p) => p.name));
    assert.equal(second.data.total, page.total);
    // Past the end: no items, the total still right.
    const past = await a.get(`/api/people?q=mobler&page_size=2&page=500`);
    assert.equal(past.status, 200);
    assert.deepEqual(past.data.items, []);
    assert.equal(past.data.total, page.total);
  });

  test('kjokken finds Kjøkkensjef (title)', async () => {
    const a = await as(server, 'ansatt');
    const page = await search(a, 'kjokken');
    assert.deepEqual(ours(page), ['Kari Lund']);
    allContain(page, 'kjokken');
  });

  test('under 3 characters: word prefixes only', async () => {
    const a = await as(server, 'ansatt');
    const mo = await search(a, 'mø');
    // "Skolemøbler" has no word starting "mo"; "Møblerud" has. None is the whole word "mo",
    // so all rank as prefixes, in Norwegian name order.
    assert.deepEqual(ours(mo), ['Anne Møblerud', 'Zeta Møbler', 'Ærlig Møbler', 'Øystein Møbler', 'Åse Møbler']);
    for (const p of mo.items) {
      const words = fold([p.name, p.email ?? '', p.title ?? ''].join(' ')).split(/\s+/);
      assert.ok(words.some((w) => w.startsWith('mo')), `${p.name}: no word starts with "mo"`);
    }
    // One letter: "å" folds to "a": Åse and Anne (and others), never a word with "a" inside only.
    const aa = await search(a, 'å');
    assert.ok(ours(aa).includes('Åse Møbler') && ours(aa).includes('Anne Møblerud'));
    assert.ok(ours(aa).includes('Ærlig Møbler'), 'æ folds to ae: a word starting with a');
    assert.ok(!ours(aa).includes('Kari Lund'), 'Kari Lund has no word starting with a');
    assert.ok(!ours(aa).includes('Bjørn Skolemøbler'));
  });

  test('wildcards and FTS syntax are literal text, never 500', async () => {
    const a = await as(server, 'ansatt');
    assert.deepEqual(ours(await search(a, '00%')), ['Ola Prosent']);
    assert.deepEqual(ours(await search(a, '%')), []);
    assert.deepEqual(ours(await search(a, '%%%')), []);
    assert.deepEqual(ours(await search(a, '_')), []);
    assert.deepEqual(ours(await search(a, 'r_s')), ['Eva Strek']);
    assert.deepEqual(ours(await search(a, '___')), []);
    assert.deepEqual(ours(await search(a, '"')), ['Siv Sitat']);
    assert.deepEqual(ours(await search(a, '"a" and')), ['Siv Sitat']);
    assert.deepEqual(ours(await search(a, 'NEAR(')), ['Siv Sitat']);
    assert.deepEqual(ours(await search(a, 'ne*')), ['Siv Sitat']);
    for (const q of ['*', 'AND', 'OR', 'NOT', 'NEAR(', '"', '""', '\\', "'", "'; DROP TABLE org_people; --", '!', '^', '-x', '{a}', ':']) {
      const r = await a.get(`/api/people?q=${encodeURIComponent(q)}`);
      assert.equal(r.status, 200, `${q}: ${JSON.stringify(r.data)}`);
      allContain(r.data, q);
    }
    // Too long or with a control character: a clear 400 naming the field.
    isProblem(assert, await a.get(`/api/people?q=${'x'.repeat(101)}`), 400, 'org.invalid_filter', 'q');
    isProblem(assert, await a.get(`/api/people?q=a%00b`), 400, 'org.invalid_filter', 'q');
  });

  test('scope: an officer finds only what their list shows; signed-out caller denied', async () => {
    const o = await as(server, 'innkjop.kongsvinger');
    const list = (await o.get('/api/people?page_size=200')).data;
    const visible = new Set(list.items.map((p) => p.id));
    const hits = await search(o, 'mobler');
    assert.ok(hits.items.length > 0);
    for (const p of hits.items) assert.ok(visible.has(p.id), `${p.name} is not in the officer's list`);
    // The officer's own-municipality people with "møbler"; Grue's are not reached
    // (if the officer's read scope is narrower than the region).
    const all = await search(await as(server, 'direktor'), 'mobler');
    const outside = all.items.filter((p) => !visible.has(p.id));
    for (const p of outside) assert.ok(!hits.items.some((h) => h.id === p.id));
    assert.equal(hits.total, hits.items.length);
    const anon = await fetch(`${server.base}/api/people?q=mobler`);
    assert.equal(anon.status, 401);
  });

  test('the same hits on SQLite and PostgreSQL', { skip: !process.env.SAMKJOP_TEST_DB?.startsWith('postgres') && 'runs in the PostgreSQL run (scripts/test-api.sh postgresql): compares with a SQLite server' }, async () => {
    // This run's server is on PostgreSQL; start one on SQLite with the same data.
    const pg = process.env.SAMKJOP_TEST_DB;
    delete process.env.SAMKJOP_TEST_DB;
    const lite = await startServer();
    process.env.SAMKJOP_TEST_DB = pg;
    try {
      await seed(lite);
      const [p, l] = [await as(server, 'direktor'), await as(lite, 'direktor')];
      const queries = ['mobler', 'møb', 'mø', 'm', 'a', 'å', 'ø', 'ae', 'kjokken', 'sjef', 'lund', 'ol', 'o',
        'haugen', 'kommune', '.no', '@', 'e', 'en', 'nne', 'r_s', '00%', '"', 'NEAR(', 'x) s', 'ne*', 'ola pr', 'zzz'];
      for (const q of queries) {
        const [a, b] = [await search(p, q), await search(l, q)];
        assert.deepEqual(a.items.map((x) => x.name), b.items.map((x) => x.name), `q=${q}`);
        assert.equal(a.total, b.total, `q=${q}`);
      }
    } finally {
      assert.equal(await lite.stop(), 0);
    }
  });
});

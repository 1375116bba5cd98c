// The audit log: readers, filters, paging, the Excel export; the grant table route.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serverForFile, Client, as, isProblem, PASSWORD, TODAY, addDays, addMonths, KV, GRUE, ASNES } from '../harness.mjs';

let server;
serverForFile({ set: (s) => { server = s; } });

describe('audit log', () => {
  test('director and auditor read it with filters; employee and officer denied', async () => {
    isProblem(assert, await (await as(server, 'ansatt')).get('/api/audit'), 403);
    isProblem(assert, await (await as(server, 'innkjop.kongsvinger')).get('/api/audit'), 403);
    const d = await as(server, 'direktor');
    assert.equal((await d.post(`/api/municipalities/${GRUE}/make-host`)).status, 200);
    assert.equal((await d.post(`/api/municipalities/${KV}/make-host`)).status, 200);
    const rev = await as(server, 'revisor');
    const all = await rev.get('/api/audit?page_size=5');
    assert.equal(all.status, 200);
    assert.equal(all.data.items.length, 5);
    assert.ok(all.data.total > 50);
    const hosts = await rev.get('/api/audit?entity=org.municipality&user=direktor');
    assert.ok(hosts.data.items.some((e) => e.action === 'make_host' && e.after.host === GRUE));
    assert.ok(hosts.data.items.every((e) => e.entity === 'org.municipality' && e.username === 'direktor'));
    const prefix = await rev.get('/api/audit?entity=org.&page_size=500');
    assert.ok(prefix.data.items.every((e) => e.entity.startsWith('org.')));
    const today = new Date().toISOString().slice(0, 10);
    const dated = await rev.get(`/api/audit?from=${today}&to=${today}&page_size=3`);
    assert.equal(dated.status, 200);
    isProblem(assert, await rev.get('/api/audit?from=yesterday'), 400, 'audit.invalid_filter', 'from');
    isProblem(assert, await rev.get('/api/audit?page=0'), 400, undefined, 'page');
    assert.equal((await rev.get('/api/audit?page_size=0')).data.page_size, 1, 'page_size is clamped, not refused');
    assert.equal((await rev.get('/api/audit?page_size=99999')).data.page_size, 500);
    isProblem(assert, await (await as(server, 'innkjop.kongsvinger')).get('/api/permissions'), 403);
    const table = await rev.get('/api/permissions');
    assert.ok(table.data.grants.some((g) => g.role === 'officer' && g.permission === 'org.people.write' && g.scope === 'own_municipality'));
  });
  test('export to xlsx: director allowed, officer denied (more in exports.test)', async () => {
    const d = await as(server, 'direktor');
    const r = await d.request('GET', '/api/audit?entity=org.&format=xlsx', { raw: true });
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /spreadsheetml/);
    assert.match(r.headers.get('content-disposition'), /revisjonslogg\.xlsx/);
    assert.equal(r.data.subarray(0, 2).toString(), 'PK');
    isProblem(assert, await (await as(server, 'innkjop.kongsvinger')).get('/api/audit?format=xlsx'), 403);
  });
});


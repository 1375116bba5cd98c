// Product areas and the contact directory (people).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serverForFile, Client, as, isProblem, PASSWORD, TODAY, addDays, addMonths, KV, GRUE, ASNES } from '../harness.mjs';

let server;
serverForFile({ set: (s) => { server = s; } });

describe('org: product areas and people', () => {
  test('product areas: anyone reads ~15 areas; director creates; officer denied', async () => {
    const a = await as(server, 'ansatt');
    const r = await a.get('/api/product-areas');
    assert.ok(r.data.total >= 15);
    assert.ok(r.data.items.some((p) => p.code === 'food' && p.name_nb === 'Matvarer' && p.name_en === 'Food'));
    isProblem(assert, await (await as(server, 'innkjop.kongsvinger')).post('/api/product-areas', { code: 'toys', name_nb: 'Leker', name_en: 'Toys' }), 403);
    const d = await as(server, 'direktor');
    assert.equal((await d.post('/api/product-areas', { code: 'toys', name_nb: 'Leker', name_en: 'Toys' })).status, 201);
    isProblem(assert, await d.post('/api/product-areas', { code: 'toys', name_nb: 'Leker', name_en: 'Toys' }), 409);
    isProblem(assert, await d.post('/api/product-areas', { code: 'Bad Code', name_nb: 'X', name_en: 'X' }), 400, undefined, 'code');
  });
  test('people: contact directory search; officer creates in own municipality only', async () => {
    const a = await as(server, 'ansatt');
    const r = await a.get('/api/people?q=haugen');
    assert.equal(r.status, 200);
    assert.deepEqual(r.data.items.map((p) => p.name), ['Ola Haugen']);
    assert.equal(r.data.items[0].username, 'innkjop.kongsvinger');
    const byMuni = await a.get(`/api/people?municipality=${ASNES}`);
    assert.ok(byMuni.data.items.every((p) => p.municipality === ASNES));
    const o = await as(server, 'innkjop.kongsvinger');
    const created = await o.post('/api/people', { name: 'Trine Lie', email: 'trine.lie@kongsvinger.kommune.no', municipality: KV, title: 'Kokk' });
    assert.equal(created.status, 201);
    isProblem(assert, await o.post('/api/people', { name: 'Other', municipality: GRUE }), 403, 'org.person_out_of_scope');
    isProblem(assert, await a.post('/api/people', { name: 'Nope', municipality: KV }), 403);
    isProblem(assert, await o.post('/api/people', { name: 'Bad', email: 'not-an-email', municipality: KV }), 400, 'org.invalid_person', 'email');
    const got = await a.get(`/api/people/${created.data.id}`);
    assert.equal(got.data.name, 'Trine Lie');
    isProblem(assert, await a.get('/api/people/999999'), 404);
    isProblem(assert, await a.get('/api/people/abc'), 400, 'http.invalid_id');
    const patched = await o.patch(`/api/people/${created.data.id}`, { phone: '+47 900 00 000' });
    assert.equal(patched.status, 200);
    assert.equal(patched.data.phone, '+47 900 00 000');
    const grueOfficer = (await a.get(`/api/people?municipality=${GRUE}&q=vik`)).data.items[0];
    isProblem(assert, await o.patch(`/api/people/${grueOfficer.id}`, { phone: '12345' }), 403);
  });
});


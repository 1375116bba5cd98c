// Municipalities: the region list with R-1, create/patch/make-host with allowed and denied callers.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serverForFile, Client, as, isProblem, PASSWORD, TODAY, addDays, addMonths, KV, GRUE, ASNES } from '../harness.mjs';

let server;
serverForFile({ set: (s) => { server = s; } });

describe('org: municipalities', () => {
  test('any signed-in user lists the region in Norwegian order, with R-1', async () => {
    const c = await as(server, 'ansatt');
    const r = await c.get('/api/municipalities');
    assert.equal(r.status, 200);
    assert.equal(r.data.total, 6);
    assert.deepEqual(r.data.items.map((m) => m.name), ['Eidskog', 'Grue', 'Kongsvinger', 'Nord-Odal', 'Sør-Odal', 'Åsnes']);
    const kv = r.data.items.find((m) => m.orgnr === KV);
    assert.equal(kv.host, true);
    assert.equal(kv.orgnr_verified, true);
    assert.equal(kv.officer.name, 'Ola Haugen');
    const asnes = r.data.items.find((m) => m.orgnr === ASNES);
    assert.equal(asnes.r1_ok, false);
    assert.equal(asnes.officer, null);
  });
  test('get one, with spaces in the orgnr; unknown 404; invalid 400', async () => {
    const c = await as(server, 'ansatt');
    const r = await c.get('/api/municipalities/944%20117%20784');
    assert.equal(r.status, 200);
    assert.equal(r.data.municipality_number, '3401');
    isProblem(assert, await c.get('/api/municipalities/123456785'), 404, 'org.municipality_not_found');
    isProblem(assert, await c.get('/api/municipalities/123456789'), 400, 'http.invalid_orgnr');
  });
  test('create: director allowed, employee and officer denied; bad input is 4xx and changes nothing', async () => {
    const body = { orgnr: '974 760 673', name: 'Testkommune', municipality_number: '0402', host: false };
    isProblem(assert, await (await as(server, 'ansatt')).post('/api/municipalities', body), 403);
    isProblem(assert, await (await as(server, 'innkjop.kongsvinger')).post('/api/municipalities', body), 403);
    const d = await as(server, 'direktor');
    isProblem(assert, await d.post('/api/municipalities', { ...body, orgnr: '974760674' }), 400, 'org.invalid_municipality', 'orgnr');
    isProblem(assert, await d.post('/api/municipalities', { ...body, host: true }), 409, 'org.second_host');
    const created = await d.post('/api/municipalities', body);
    assert.equal(created.status, 201);
    assert.equal(created.data.orgnr, '974760673');
    assert.equal(created.data.municipality_number, '0402');
    assert.equal(created.data.r1_ok, false);
    isProblem(assert, await d.post('/api/municipalities', body), 409, 'org.duplicate_orgnr');
    const list = await d.get('/api/municipalities');
    assert.equal(list.data.total, 7);
    assert.equal(list.data.items.filter((m) => m.host).length, 1);
  });
  test('patch: merge patch by director; orgnr cannot change; officer denied', async () => {
    const d = await as(server, 'direktor');
    const r = await d.patch('/api/municipalities/974760673', { name: 'Testkommune 2', member_from: '2026-01-01' },
      { headers: { 'content-type': 'application/merge-patch+json' } });
    assert.equal(r.status, 200, JSON.stringify(r.data));
    assert.equal(r.data.name, 'Testkommune 2');
    assert.equal(r.data.member_from, '2026-01-01');
    isProblem(assert, await d.patch('/api/municipalities/974760673', { orgnr: '944117784' }), 400, 'org.invalid_municipality', 'orgnr');
    isProblem(assert, await d.patch('/api/municipalities/974760673', { member_to: '2025-01-01' }), 400, undefined, 'member_to');
    isProblem(assert, await (await as(server, 'innkjop.kongsvinger')).patch('/api/municipalities/974760673', { name: 'X' }), 403);
  });
  test('make-host moves the host; officer denied', async () => {
    isProblem(assert, await (await as(server, 'innkjop.kongsvinger')).post(`/api/municipalities/${GRUE}/make-host`), 403);
    const d = await as(server, 'direktor');
    const r = await d.post(`/api/municipalities/${GRUE}/make-host`);
    assert.equal(r.status, 200);
    assert.equal(r.data.host, true);
    const list = await d.get('/api/municipalities');
    assert.deepEqual(list.data.items.filter((m) => m.host).map((m) => m.orgnr), [GRUE]);
    assert.equal((await d.post(`/api/municipalities/${KV}/make-host`)).status, 200);
  });
});


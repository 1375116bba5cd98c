// A development stand-in for `samkjop serve`: serves web/dist with history fallback and a small
// in-memory implementation of the API contract, with the RIIK demo data. For working on the UI
// before (or without) the C++ server; the real e2e suite runs against build/samkjop.
//   node tests/e2e/mock-server.mjs [--listen 127.0.0.1:8090] [--dist web/dist]
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const here = fileURLToPath(new URL('.', import.meta.url));
const dist = resolve(arg('--dist', join(here, '../../web/dist')));
const [host, port] = arg('--listen', '127.0.0.1:8090').split(':');

const today = () => new Date().toISOString().slice(0, 10);
const addDays = (iso, n) => new Date(Date.parse(iso) + n * 86400000).toISOString().slice(0, 10);
const PASSWORD = 'Samkjop-demo-2026';

const municipalities = [
  { orgnr: '944117784', name: 'Kongsvinger', municipality_number: '3401', host: true, member_from: '2015-01-01', member_to: null, orgnr_verified: true },
  { orgnr: '874602752', name: 'Eidskog', municipality_number: '3416', host: false, member_from: '2015-01-01', member_to: null, orgnr_verified: false },
  { orgnr: '964948143', name: 'Grue', municipality_number: '3417', host: false, member_from: '2015-01-01', member_to: null, orgnr_verified: false },
  { orgnr: '964950768', name: 'Nord-Odal', municipality_number: '3414', host: false, member_from: '2015-01-01', member_to: null, orgnr_verified: false },
  { orgnr: '874602612', name: 'Sør-Odal', municipality_number: '3415', host: false, member_from: '2015-01-01', member_to: null, orgnr_verified: false },
  { orgnr: '974602970', name: 'Åsnes', municipality_number: '3418', host: false, member_from: '2015-01-01', member_to: null, orgnr_verified: false },
];
const K = '944117784';
const productAreas = [
  ['mat', 'Mat og drikke', 'Food and beverages'], ['kontor', 'Kontorrekvisita', 'Office supplies'],
  ['ikt-utstyr', 'IKT-utstyr', 'ICT equipment'], ['renhold', 'Renhold og renholdsartikler', 'Cleaning'],
  ['kjoretoy', 'Kjøretøy', 'Vehicles'], ['byggevarer', 'Byggevarer', 'Building materials'],
  ['medisinsk', 'Medisinsk forbruksmateriell', 'Medical consumables'], ['mobler', 'Møbler og inventar', 'Furniture'],
].map(([code, name_nb, name_en]) => ({ code, name_nb, name_en }));

let nextId = 100;
const people = [
  [1, 'Ingrid Solberg', 'Systemadministrator', K], [2, 'Erik Haugen', 'Innkjøpsdirektør', K],
  [3, 'Marit Lunde', 'Innkjøpsrådgiver', K], [4, 'Tor Bakken', 'Kommunedirektør', K],
  [5, 'Kari Nordby', 'Innkjøpsansvarlig', K], [6, 'Ola Østby', 'Fagleder mat', K],
  [7, 'Anne Strand', 'Rådsmedlem', '964948143'], [8, 'Per Åsheim', 'Konsulent', K],
  [9, 'Liv Ødegård', 'Revisor', null], [10, 'Hans Eide', 'Kommunedirektør', '874602752'],
  [11, 'Siri Grue', 'Innkjøpsansvarlig', '964948143'], [12, 'Bjørn Odalen', 'Kommunedirektør', '964950768'],
  [13, 'Æsa Berg', 'Innkjøpsansvarlig', '874602612'], [14, 'Aud Flisa', 'Kommunedirektør', '974602970'],
].map(([id, name, title, municipality]) => ({
  id, name, title, municipality,
  email: `${name.toLowerCase().replace(/ /g, '.').replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a')}@example.no`,
  phone: `62 88 ${String(10 + id).padStart(2, '0')} 00`,
}));
const users = [
  ['admin', 1], ['direktor', 2], ['stab', 3], ['radmann', 4], ['innkjop.kongsvinger', 5],
  ['produkt.kongsvinger', 6], ['raad', 7], ['ansatt', 8], ['revisor', 9],
].map(([username, person_id], i) => ({ id: i + 1, username, person_id, active: true, must_change_password: false, locked: false, failures: 0, password: PASSWORD }));
const roles = [
  [1, 'admin', null, null], [2, 'director', null, null], [3, 'staff', null, null], [4, 'chief_executive', K, null],
  [5, 'officer', K, null], [6, 'product_manager', K, 'mat'], [7, 'council_member', null, null], [8, 'employee', K, null],
  [9, 'auditor', null, null], [10, 'chief_executive', '874602752', null], [11, 'officer', '964948143', null],
  [12, 'chief_executive', '964950768', null], [13, 'officer', '874602612', null], [14, 'chief_executive', '974602970', null],
].map(([person_id, role, municipality, product_area], i) => ({ id: i + 1, person_id, role, municipality, product_area, valid_from: '2025-01-01', valid_to: null }));
roles.push({ id: 50, person_id: 8, role: 'officer', municipality: K, product_area: null, valid_from: '2023-01-01', valid_to: '2024-12-31' });
const audit = [];
const sessions = new Map();

const inForce = (r, at = today()) => r.valid_from <= at && (r.valid_to === null || r.valid_to >= at);
const personName = (id) => people.find((p) => p.id === id)?.name ?? '?';
const officerOf = (orgnr) => roles.filter((r) => r.role === 'officer' && r.municipality === orgnr && inForce(r));
const municipalityJson = (m) => {
  const o = officerOf(m.orgnr);
  return { ...m, officer: o[0] ? { assignment_id: o[0].id, person_id: o[0].person_id, name: personName(o[0].person_id), valid_from: o[0].valid_from } : null, r1_ok: o.length === 1 };
};
const roleJson = (r) => ({ ...r, person_name: personName(r.person_id) });
const sessionBody = (s) => {
  const u = users.find((x) => x.id === s.userId);
  const p = people.find((x) => x.id === u.person_id);
  return {
    user: { id: u.id, username: u.username, name: p.name, email: p.email, person_id: p.id, must_change_password: u.must_change_password },
    roles: roles.filter((r) => r.person_id === u.person_id && inForce(r)).map(({ role, municipality, product_area, valid_from, valid_to }) => ({ role, municipality, product_area, valid_from, valid_to })),
    csrf_token: s.csrf,
  };
};
const userJson = (u) => ({ id: u.id, username: u.username, person_id: u.person_id, name: personName(u.person_id), active: u.active, must_change_password: u.must_change_password, locked: u.locked });
const personJson = (p) => ({ ...p, username: users.find((u) => u.person_id === p.id)?.username ?? null });

function problem(res, status, detail, code, errors = []) {
  const titles = { 400: 'Ugyldig forespørsel', 401: 'Ikke innlogget', 403: 'Ingen tilgang', 404: 'Finnes ikke', 409: 'Konflikt', 429: 'For mange forsøk' };
  send(res, status, { type: 'about:blank', title: titles[status] ?? 'Feil', status, detail, code, errors }, 'application/problem+json');
}
function send(res, status, body, type = 'application/json') {
  if (body === undefined) { res.writeHead(status); res.end(); return; }
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8` });
  res.end(JSON.stringify(body));
}
const list = (items) => ({ items, total: items.length });
function record(s, action, entity, entity_id, before, after) {
  const u = s ? users.find((x) => x.id === s.userId) : null;
  audit.unshift({ id: audit.length + 1, at: new Date().toISOString(), username: u?.username ?? 'system', action, entity, entity_id: String(entity_id), before, after, request_id: randomBytes(6).toString('hex') });
}
const has = (s, ...rs) => sessionBody(s).roles.some((r) => rs.includes(r.role));
const hasIn = (s, role, orgnr) => sessionBody(s).roles.some((r) => r.role === role && r.municipality === orgnr);

async function readJson(req) {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  if (!raw) return {};
  return JSON.parse(raw);
}

async function api(req, res, url) {
  const path = url.pathname;
  const method = req.method;
  const cookie = /samkjop_session=([a-f0-9]+)/.exec(req.headers.cookie ?? '')?.[1];
  const s = cookie ? sessions.get(cookie) : undefined;
  let body = {};
  if (method !== 'GET') {
    try { body = await readJson(req); } catch { return problem(res, 400, 'Ugyldig JSON.', 'http.malformed_json'); }
  }
  if (path === '/api/health') return send(res, 200, { status: 'ok', version: '0.1.0-mock', database: 'sqlite' });
  if (path === '/api/auth/login' && method === 'POST') {
    const u = users.find((x) => x.username === body.username);
    if (u?.locked) { res.setHeader('Retry-After', '300'); return problem(res, 429, 'For mange mislykkede innlogginger. Kontoen er midlertidig sperret.', 'auth.throttled'); }
    if (!u || !u.active || u.password !== body.password) {
      if (u && ++u.failures >= 5) u.locked = true;
      return problem(res, 401, 'Feil brukernavn eller passord.', 'auth.invalid_credentials');
    }
    u.failures = 0;
    const id = randomBytes(16).toString('hex');
    const session = { userId: u.id, csrf: randomBytes(16).toString('hex') };
    sessions.set(id, session);
    res.setHeader('Set-Cookie', `samkjop_session=${id}; HttpOnly; SameSite=Lax; Path=/`);
    return send(res, 200, sessionBody(session));
  }
  if (!s) return problem(res, 401, 'Du er ikke innlogget.', 'auth.unauthenticated');
  if (method !== 'GET' && req.headers['x-csrf-token'] !== s.csrf) return problem(res, 403, 'Mangler eller feil CSRF-token.', 'auth.csrf');
  if (path === '/api/auth/me') return send(res, 200, sessionBody(s));
  if (path === '/api/auth/logout') { sessions.delete(cookie); res.setHeader('Set-Cookie', 'samkjop_session=; Max-Age=0; Path=/'); return send(res, 204); }
  if (path === '/api/auth/password') {
    const u = users.find((x) => x.id === s.userId);
    if (body.current_password !== u.password) return problem(res, 400, 'Nåværende passord er feil.', 'auth.wrong_password', [{ field: 'current_password', message: 'Passordet er feil.' }]);
    if ((body.new_password ?? '').length < 10) return problem(res, 400, 'Passordet er for kort.', 'auth.password_too_short', [{ field: 'new_password', message: 'Må ha minst 10 tegn.' }]);
    u.password = body.new_password; u.must_change_password = false;
    return send(res, 204);
  }
  if (path === '/api/municipalities' && method === 'GET') return send(res, 200, list(municipalities.map(municipalityJson)));
  if (path === '/api/municipalities' && method === 'POST') {
    if (!has(s, 'admin', 'director')) return problem(res, 403, 'Du har ikke tilgang.', 'auth.forbidden');
    if (municipalities.some((m) => m.orgnr === body.orgnr)) return problem(res, 409, 'Kommunen finnes allerede.', 'org.duplicate', [{ field: 'orgnr', message: 'Finnes allerede.' }]);
    if (body.host && municipalities.some((m) => m.host)) return problem(res, 409, 'Det finnes allerede en vertskommune.', 'org.second_host', [{ field: 'host', message: 'Det kan bare være én vertskommune.' }]);
    const m = { orgnr: body.orgnr, name: body.name, municipality_number: body.municipality_number, host: !!body.host, member_from: body.member_from ?? null, member_to: body.member_to ?? null, orgnr_verified: false };
    municipalities.push(m); record(s, 'create', 'org.municipality', m.orgnr, null, m);
    return send(res, 201, municipalityJson(m));
  }
  let match;
  if ((match = /^\/api\/municipalities\/(\d+)(\/make-host)?$/.exec(path))) {
    const m = municipalities.find((x) => x.orgnr === match[1]);
    if (!m) return problem(res, 404, 'Fant ikke kommunen.', 'org.not_found');
    if (method === 'GET') return send(res, 200, municipalityJson(m));
    if (!has(s, 'admin', 'director')) return problem(res, 403, 'Du har ikke tilgang.', 'auth.forbidden');
    const before = { ...m };
    if (match[2]) { municipalities.forEach((x) => { x.host = false; }); m.host = true; record(s, 'make_host', 'org.municipality', m.orgnr, before, { ...m }); }
    else { Object.assign(m, body); record(s, 'update', 'org.municipality', m.orgnr, before, { ...m }); }
    return send(res, 200, municipalityJson(m));
  }
  if (path === '/api/product-areas' && method === 'GET') return send(res, 200, list(productAreas));
  if (path === '/api/product-areas' && method === 'POST') { productAreas.push(body); record(s, 'create', 'org.product_area', body.code, null, body); return send(res, 201, body); }
  if (path === '/api/people' && method === 'GET') {
    const q = (url.searchParams.get('q') ?? '').toLowerCase();
    const mu = url.searchParams.get('municipality');
    return send(res, 200, list(people.filter((p) => (!q || [p.name, p.email, p.title].some((v) => v?.toLowerCase().includes(q))) && (!mu || p.municipality === mu)).map(personJson)));
  }
  if (path === '/api/people' && method === 'POST') {
    if (!body.name) return problem(res, 400, 'Navn mangler.', 'org.invalid', [{ field: 'name', message: 'Må fylles ut.' }]);
    const p = { id: nextId++, name: body.name, email: body.email ?? null, phone: body.phone ?? null, title: body.title ?? null, municipality: body.municipality ?? null };
    people.push(p); record(s, 'create', 'org.person', p.id, null, p);
    return send(res, 201, personJson(p));
  }
  if ((match = /^\/api\/people\/(\d+)$/.exec(path))) {
    const p = people.find((x) => x.id === Number(match[1]));
    if (!p) return problem(res, 404, 'Fant ikke personen.', 'org.not_found');
    if (method === 'GET') return send(res, 200, personJson(p));
    const before = { ...p }; Object.assign(p, body); record(s, 'update', 'org.person', p.id, before, { ...p });
    return send(res, 200, personJson(p));
  }
  if (path === '/api/users' && method === 'GET') { if (!has(s, 'admin')) return problem(res, 403, 'Du har ikke tilgang.', 'auth.forbidden'); return send(res, 200, list(users.map(userJson))); }
  if (path === '/api/users' && method === 'POST') {
    if (users.some((u) => u.username === body.username)) return problem(res, 409, 'Brukernavnet er i bruk.', 'auth.duplicate_username', [{ field: 'username', message: 'Brukernavnet er i bruk.' }]);
    const u = { id: users.length + 1, username: body.username, person_id: body.person_id, active: true, must_change_password: true, locked: false, failures: 0, password: body.password };
    users.push(u); record(s, 'create', 'auth.user', u.id, null, userJson(u));
    return send(res, 201, userJson(u));
  }
  if ((match = /^\/api\/users\/(\d+)\/(deactivate|activate|unlock|reset-password)$/.exec(path))) {
    const u = users.find((x) => x.id === Number(match[1]));
    if (!u) return problem(res, 404, 'Fant ikke brukeren.', 'auth.not_found');
    const before = userJson(u);
    if (match[2] === 'deactivate') u.active = false;
    if (match[2] === 'activate') u.active = true;
    if (match[2] === 'unlock') { u.locked = false; u.failures = 0; }
    if (match[2] === 'reset-password') {
      if ((body.new_password ?? '').length < 10) return problem(res, 400, 'Passordet er for kort.', 'auth.password_too_short', [{ field: 'new_password', message: 'Må ha minst 10 tegn.' }]);
      u.password = body.new_password; u.must_change_password = true;
    }
    record(s, match[2].replace('-', '_'), 'auth.user', u.id, before, userJson(u));
    return send(res, 200, userJson(u));
  }
  if (path === '/api/roles' && method === 'GET') {
    const f = Object.fromEntries(url.searchParams);
    const items = roles.filter((r) =>
      (!f.municipality || r.municipality === f.municipality) && (!f.role || r.role === f.role) && (!f.product_area || r.product_area === f.product_area) &&
      (f.at ? inForce(r, f.at) : f.include_ended === 'true' || r.valid_to === null || r.valid_to >= today()));
    return send(res, 200, list(items.map(roleJson)));
  }
  if (path === '/api/roles' && method === 'POST') {
    const allowed = body.role === 'officer' ? has(s, 'admin', 'director') || hasIn(s, 'chief_executive', body.municipality)
      : body.role === 'product_manager' ? has(s, 'admin', 'director') || hasIn(s, 'officer', body.municipality) : has(s, 'admin');
    if (!allowed) return problem(res, 403, 'Du har ikke lov til å utnevne denne rollen i denne kommunen.', 'auth.forbidden');
    if (!people.some((p) => p.id === body.person_id)) return problem(res, 400, 'Ukjent person.', 'org.unknown_person', [{ field: 'person_id', message: 'Ukjent person.' }]);
    if (body.role === 'officer') for (const r of officerOf(body.municipality)) { const before = { ...r }; r.valid_to = addDays(body.valid_from, -1); record(s, 'end', 'org.role', r.id, before, { ...r }); }
    const r = { id: nextId++, person_id: body.person_id, role: body.role, municipality: body.municipality ?? null, product_area: body.product_area ?? null, valid_from: body.valid_from, valid_to: body.valid_to ?? null };
    roles.push(r); record(s, 'create', 'org.role', r.id, null, roleJson(r));
    return send(res, 201, roleJson(r));
  }
  if ((match = /^\/api\/roles\/(\d+)\/end$/.exec(path))) {
    const r = roles.find((x) => x.id === Number(match[1]));
    if (!r) return problem(res, 404, 'Fant ikke rollen.', 'org.not_found');
    const before = { ...r }; r.valid_to = body.valid_to; record(s, 'end', 'org.role', r.id, before, { ...r });
    return send(res, 200, roleJson(r));
  }
  if (path === '/api/councils') {
    const members = (role) => roles.filter((r) => r.role === role && inForce(r)).map((r) => ({ person_id: r.person_id, name: personName(r.person_id), municipality: r.municipality, role }));
    return send(res, 200, list([
      { code: 'cooperation', name_nb: 'Samarbeidsrådet', name_en: 'Cooperation council', members: members('chief_executive') },
      { code: 'procurement', name_nb: 'Innkjøpsrådet', name_en: 'Procurement council', members: members('officer') },
    ]));
  }
  if (path === '/api/audit') {
    if (!has(s, 'admin', 'director', 'auditor')) return problem(res, 403, 'Du har ikke tilgang.', 'auth.forbidden');
    const f = Object.fromEntries(url.searchParams);
    const items = audit.filter((e) => (!f.entity || e.entity.startsWith(f.entity)) && (!f.user || e.username === f.user) && (!f.from || e.at.slice(0, 10) >= f.from) && (!f.to || e.at.slice(0, 10) <= f.to));
    const offset = Number(f.offset ?? 0); const limit = Number(f.limit ?? 50);
    return send(res, 200, { items: items.slice(offset, offset + limit), total: items.length });
  }
  if (path === '/api/audit/export.xlsx') { res.writeHead(200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': 'attachment; filename="revisjonslogg.xlsx"' }); return res.end('mock'); }
  return problem(res, 404, 'Ukjent adresse.', 'http.not_found');
}

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.woff': 'font/woff', '.json': 'application/json' };
function serveStatic(req, res, url) {
  let file = normalize(join(dist, decodeURIComponent(url.pathname)));
  if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) file = join(dist, 'index.html');
  res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}

createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname.startsWith('/api/')) api(req, res, url).catch((e) => { console.error(e); problem(res, 500, 'Intern feil.', 'internal'); });
  else serveStatic(req, res, url);
}).listen(Number(port), host, () => console.log(`mock server on http://${host}:${port} (dist ${dist})`));

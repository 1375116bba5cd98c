import { stubFetch } from '@/testing/test-utils';
import { ApiError, api, parseRetryAfter, setCsrfToken, setUnauthorizedHandler, withQuery } from './api-client';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setUnauthorizedHandler(null);
});

test('GET sends no CSRF token; POST and PATCH do', async () => {
  const { calls } = stubFetch({
    'GET /api/municipalities': { body: { items: [], total: 0 } },
    'POST /api/roles': { status: 201, body: { id: 1 } },
    'PATCH /api/people/1': { body: { id: 1 } },
  });
  setCsrfToken('tok');
  await api.get('/api/municipalities');
  await api.post('/api/roles', { person_id: 1 });
  await api.patch('/api/people/1', { name: 'A' });
  expect(calls[0]!.headers['X-CSRF-Token']).toBeUndefined();
  expect(calls[1]!.headers['X-CSRF-Token']).toBe('tok');
  expect(calls[1]!.headers['Content-Type']).toBe('application/json');
  expect(calls[2]!.headers['X-CSRF-Token']).toBe('tok');
  expect(calls[2]!.body).toEqual({ name: 'A' });
});

test('a problem+json answer becomes an ApiError with fields', async () => {
  stubFetch({
    'POST /api/municipalities': {
      status: 400,
      body: { type: 'about:blank', title: 'Ugyldig', status: 400, detail: 'Organisasjonsnummeret er ugyldig.', code: 'org.invalid_orgnr', errors: [{ field: 'orgnr', message: 'Feil kontrollsiffer.' }] },
    },
  });
  const error = await api.post('/api/municipalities', {}).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  const e = error as ApiError;
  expect(e.status).toBe(400);
  expect(e.problem.code).toBe('org.invalid_orgnr');
  expect(e.message).toBe('Organisasjonsnummeret er ugyldig.');
  expect(e.fieldErrors).toEqual([{ field: 'orgnr', message: 'Feil kontrollsiffer.' }]);
});

test('401 calls the unauthorized handler, except for login and me', async () => {
  stubFetch({
    'GET /api/roles': { status: 401, body: { status: 401, title: 'Ikke innlogget' } },
    'GET /api/auth/me': { status: 401, body: { status: 401, title: 'Ikke innlogget' } },
    'POST /api/auth/login': { status: 401, body: { status: 401, detail: 'Feil brukernavn eller passord.' } },
  });
  const handler = vi.fn();
  setUnauthorizedHandler(handler);
  await expect(api.get('/api/auth/me')).rejects.toBeInstanceOf(ApiError);
  await expect(api.post('/api/auth/login', {})).rejects.toBeInstanceOf(ApiError);
  expect(handler).not.toHaveBeenCalled();
  await expect(api.get('/api/roles', { at: '2026-01-01' })).rejects.toBeInstanceOf(ApiError);
  expect(handler).toHaveBeenCalledTimes(1);
});

test('429 carries the Retry-After time', async () => {
  stubFetch({ 'POST /api/auth/login': { status: 429, body: { status: 429, detail: 'For mange forsøk.' }, headers: { 'Retry-After': '120' } } });
  const before = Date.now();
  const e = (await api.post('/api/auth/login', {}).catch((x: unknown) => x)) as ApiError;
  expect(e.status).toBe(429);
  expect(e.retryAt!.getTime()).toBeGreaterThanOrEqual(before + 119_000);
});

test('a network failure becomes status 0 with a Norwegian message', async () => {
  vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
  const e = (await api.get('/api/health').catch((x: unknown) => x)) as ApiError;
  expect(e.status).toBe(0);
  expect(e.message).toMatch(/kontakt med serveren/);
});

test('a non-JSON error still gives a message', async () => {
  vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } })));
  const e = (await api.get('/api/health').catch((x: unknown) => x)) as ApiError;
  expect(e.status).toBe(502);
  expect(e.message).toMatch(/502/);
});

test('withQuery leaves out empty values', () => {
  expect(withQuery('/api/audit', { entity: '', user: 'direktor', from: undefined, limit: 25, include_ended: true })).toBe('/api/audit?user=direktor&limit=25&include_ended=true');
  expect(withQuery('/api/audit', {})).toBe('/api/audit');
});

test('parseRetryAfter reads seconds and HTTP dates', () => {
  const now = new Date('2026-01-01T10:00:00Z');
  expect(parseRetryAfter('60', now)?.toISOString()).toBe('2026-01-01T10:01:00.000Z');
  expect(parseRetryAfter('Thu, 01 Jan 2026 10:05:00 GMT', now)?.toISOString()).toBe('2026-01-01T10:05:00.000Z');
  expect(parseRetryAfter(null, now)).toBeNull();
  expect(parseRetryAfter('soon', now)).toBeNull();
});

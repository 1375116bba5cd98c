import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { AppProvider } from '@/app/provider';
import { sessionQueryKey, type Session } from '@/lib/auth';
import { permissionsFor } from './grants';

/**
 * A signed-in session with these roles. `permissions` defaults to what the server would send for
 * the roles that are in force (testing/grants.ts); pass them to spell out an exact set.
 */
export function makeSession(
  roles: Array<Partial<Session['roles'][number]> & { role: Session['roles'][number]['role'] }> = [],
  user: Partial<Session['user']> = {},
  permissions?: Session['permissions'],
): Session {
  const grants = roles.map((r) => ({ municipality: null, product_area: null, valid_from: '2020-01-01', valid_to: null, ...r }));
  const today = '2026-06-15';
  const inForce = grants.filter((g) => g.valid_from <= today && (g.valid_to === null || g.valid_to >= today));
  return {
    user: { id: 1, username: 'test', name: 'Test Testesen', email: null, person_id: null, must_change_password: false, ...user },
    roles: grants,
    permissions: permissions ?? permissionsFor(inForce),
    csrf_token: 'csrf-123',
    today,
  };
}

/** Renders with a fresh query cache (optionally signed in) and a memory router. */
export function renderWithProviders(ui: ReactElement, { session = null, route = '/', path = '*' }: { session?: Session | null; route?: string; path?: string } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  queryClient.setQueryData(sessionQueryKey, session);
  const result = render(
    <AppProvider queryClient={queryClient}>
      <MemoryRouter initialEntries={[route]}>
        <Routes>
          <Route path={path} element={ui} />
        </Routes>
      </MemoryRouter>
    </AppProvider>,
  );
  return { ...result, queryClient };
}

/** A fetch stub answering by "METHOD path" with JSON bodies; records the calls. */
export function stubFetch(routes: Record<string, { status?: number; body?: unknown; headers?: Record<string, string> }>) {
  const calls: Array<{ method: string; url: string; headers: Record<string, string>; body: unknown }> = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    calls.push({ method, url, headers: (init?.headers ?? {}) as Record<string, string>, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const key = `${method} ${url.split('?')[0]}`;
    const r = routes[key] ?? { status: 404, body: { status: 404, title: 'Not found', detail: `no stub for ${key}` } };
    const status = r.status ?? 200;
    const isProblem = status >= 400;
    return new Response(status === 204 ? null : JSON.stringify(r.body ?? {}), {
      status,
      headers: { 'Content-Type': isProblem ? 'application/problem+json' : 'application/json', ...r.headers },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}

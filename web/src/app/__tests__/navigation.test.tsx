import { QueryClient } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { sessionQueryKey, setSignOutReason, type Session } from '@/lib/auth';
import { makeSession, stubFetch } from '@/testing/test-utils';
import { AppProvider } from '../provider';
import { routes } from '../router';

const KONGSVINGER = '944117784';

function renderApp(path: string, session: Session | null) {
  stubFetch({
    'GET /api/health': { body: { status: 'ok', version: '9.9.9', database: 'sqlite' } },
    'GET /api/municipalities': { body: { items: [], total: 0 } },
    'GET /api/product-areas': { body: { items: [], total: 0 } },
    'GET /api/users': { body: { items: [], total: 0 } },
    'POST /api/auth/logout': { status: 204 },
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  queryClient.setQueryData(sessionQueryKey, session);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { router, queryClient };
}

afterEach(() => {
  vi.unstubAllGlobals();
  setSignOutReason(null);
});

test('without a session a protected page sends you to login, and back afterwards', async () => {
  const { router } = renderApp('/roller?x=1', null);
  expect(await screen.findByRole('heading', { level: 1, name: 'Logg inn' })).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/logg-inn');
  expect(router.state.location.search).toBe('?neste=%2Froller%3Fx%3D1');
});

test('the statements are public, from the footer', async () => {
  renderApp('/logg-inn', null);
  const footer = await screen.findByRole('contentinfo');
  await userEvent.click(within(footer).getByRole('link', { name: 'Personvernerklæring' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Personvernerklæring' })).toBeInTheDocument();
  expect(screen.getByText(/sesjonscookie/)).toBeInTheDocument();
});

test('an employee sees no Users or Audit log in the menu, and gets «no access» by address', async () => {
  renderApp('/brukere', makeSession([{ role: 'employee', municipality: KONGSVINGER }]));
  expect(await screen.findByRole('heading', { level: 1, name: 'Du har ikke tilgang' })).toBeInTheDocument();
  const nav = screen.getByRole('navigation', { name: 'Hovedmeny' });
  expect(within(nav).getByRole('link', { name: 'Oversikt' })).toBeInTheDocument();
  expect(within(nav).getByRole('link', { name: 'Roller' })).toBeInTheDocument();
  expect(within(nav).queryByRole('link', { name: 'Brukere' })).not.toBeInTheDocument();
  expect(within(nav).queryByRole('link', { name: 'Revisjonslogg' })).not.toBeInTheDocument();
});

test('an admin sees Users, marked as the current page, with «Ny bruker»', async () => {
  renderApp('/brukere', makeSession([{ role: 'admin' }]));
  expect(await screen.findByRole('heading', { level: 1, name: 'Brukere' })).toBeInTheDocument();
  const nav = screen.getByRole('navigation', { name: 'Hovedmeny' });
  expect(within(nav).getByRole('link', { name: 'Brukere' })).toHaveAttribute('aria-current', 'page');
  expect(within(nav).getByRole('link', { name: 'Revisjonslogg' })).toBeInTheDocument();
  expect(within(nav).getByRole('link', { name: 'Tilganger' })).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Ny bruker' })).toBeInTheDocument();
  expect(document.title).toBe('Brukere – Samkjøp');
});

test('the auditor sees «Tilganger» in the menu and opens the grant table', async () => {
  stubFetch({
    'GET /api/health': { body: { status: 'ok', version: '9.9.9', database: 'sqlite' } },
    'GET /api/permissions': {
      body: {
        roles: ['officer'],
        permissions: [{ name: 'org.people.write', module: 'org', write: true, description_nb: 'Registrere og endre personer', description_en: 'Register and edit people' }],
        grants: [{ role: 'officer', permission: 'org.people.write', scope: 'own_municipality' }],
      },
    },
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  queryClient.setQueryData(sessionQueryKey, makeSession([{ role: 'auditor' }]));
  const router = createMemoryRouter(routes, { initialEntries: ['/'] });
  render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  const nav = await screen.findByRole('navigation', { name: 'Hovedmeny' });
  await userEvent.click(within(nav).getByRole('link', { name: 'Tilganger' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Tilganger' })).toBeInTheDocument();
  expect(await screen.findByRole('table', { name: 'Tilganger per rolle' })).toBeInTheDocument();
  expect(within(nav).getByRole('link', { name: 'Tilganger' })).toHaveAttribute('aria-current', 'page');
  // The auditor writes nothing: no «Ny bruker», and no Users menu.
  expect(within(nav).queryByRole('link', { name: 'Brukere' })).not.toBeInTheDocument();
});

test('an employee has no «Tilganger» in the menu and gets «no access» by address', async () => {
  renderApp('/tilganger', makeSession([{ role: 'employee', municipality: KONGSVINGER }]));
  expect(await screen.findByRole('heading', { level: 1, name: 'Du har ikke tilgang' })).toBeInTheDocument();
  expect(within(screen.getByRole('navigation', { name: 'Hovedmeny' })).queryByRole('link', { name: 'Tilganger' })).not.toBeInTheDocument();
});

test('the employee gets «no access» at the appoint form', async () => {
  renderApp('/roller/utnevn', makeSession([{ role: 'employee', municipality: KONGSVINGER }]));
  expect(await screen.findByRole('heading', { level: 1, name: 'Du har ikke tilgang' })).toBeInTheDocument();
});

test('a session whose permissions lack org.municipalities.read sees no Organisation menu and no page', async () => {
  renderApp('/organisasjon', makeSession([{ role: 'employee', municipality: KONGSVINGER }], {}, []));
  expect(await screen.findByRole('heading', { level: 1, name: 'Du har ikke tilgang' })).toBeInTheDocument();
  expect(within(screen.getByRole('navigation', { name: 'Hovedmeny' })).queryByRole('link', { name: 'Organisasjon' })).not.toBeInTheDocument();
});

test('a user who must change password is sent there first', async () => {
  const { router } = renderApp('/organisasjon', makeSession([{ role: 'staff' }], { must_change_password: true }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Bytt passord' })).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/bytt-passord');
  expect(screen.queryByRole('navigation', { name: 'Hovedmeny' })).not.toBeInTheDocument();
});

test('logging out lands on the login page with a confirmation', async () => {
  const { router } = renderApp('/', makeSession([{ role: 'director' }]));
  await userEvent.click(await screen.findByRole('button', { name: 'Logg ut' }));
  expect(await screen.findByText('Du er logget ut.')).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/logg-inn');
  expect(router.state.location.search).toBe('');
});

test('the language switch changes texts and <html lang>', async () => {
  renderApp('/logg-inn', null);
  await userEvent.click(await screen.findByRole('button', { name: 'Change language to English' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
  expect(document.documentElement.lang).toBe('en');
  await userEvent.click(screen.getByRole('button', { name: 'Bytt språk til norsk' }));
  expect(document.documentElement.lang).toBe('nb');
});

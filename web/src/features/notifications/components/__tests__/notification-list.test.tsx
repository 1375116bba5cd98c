// The list page: newest first as the server sends them, unread marked, «Merk som lest», «Merk alle
// som lest», «Jeg har lest dette» for kinds that ask for it, and the confirmed time.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeSession, renderWithProviders, stubFetch } from '@/testing/test-utils';
import { NotificationList } from '../notification-list';
import { NotificationSettings } from '../notification-settings';

const base = {
  kind: 'core.message',
  kind_label_nb: 'Melding',
  kind_label_en: 'Message',
  title_en: null,
  body: '',
  link: null,
  requires_confirmation: false,
  created_at: '2027-03-15T08:00:00Z',
  read_at: null,
  confirmed_at: null,
};
const rule = {
  ...base,
  id: 3,
  kind: 'rules.change',
  kind_label_nb: 'Endring i regelverket',
  title_nb: 'Nye terskelverdier',
  body: 'Bekreft at du har lest.',
  link: '/regelverk',
  requires_confirmation: true,
};
const message = { ...base, id: 2, title_nb: 'Møte neste uke' };
const old = { ...base, id: 1, title_nb: 'Velkommen', read_at: '2027-03-08T08:00:00Z' };
const list = { items: [rule, message, old], total: 3, unread: 2, page: 1, page_size: 20 };

afterEach(() => vi.unstubAllGlobals());

function nth<T>(list: T[], i: number): T {
  const x = list[i];
  if (x === undefined) throw new Error(`no item ${i}`);
  return x;
}

test('lists newest first with unread count, and marks one read', async () => {
  const { calls } = stubFetch({
    'GET /api/notifications': { body: list },
    'POST /api/notifications/2/read': { body: { ...message, read_at: '2027-03-15T09:00:00Z' } },
  });
  renderWithProviders(<NotificationList />, { session: makeSession([{ role: 'employee' }]) });
  const items = within(await screen.findByRole('list', { name: 'Dine varsler' })).getAllByRole('listitem');
  expect(items.map((i) => within(i).getByRole('heading').textContent)).toEqual(['Nye terskelverdier', 'Møte neste uke', 'Velkommen']);
  expect(screen.getByText(/2 uleste/)).toBeInTheDocument();
  expect(within(nth(items, 0)).getByRole('link', { name: 'Åpne' })).toHaveAttribute('href', '/regelverk');
  expect(within(nth(items, 2)).queryByRole('button')).not.toBeInTheDocument();
  await userEvent.click(within(nth(items, 1)).getByRole('button', { name: 'Merk som lest: Møte neste uke' }));
  await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === '/api/notifications/2/read')).toBe(true));
});

test('a kind that asks for it gets «Jeg har lest dette»; once confirmed the time is shown', async () => {
  const { calls } = stubFetch({
    'GET /api/notifications': { body: list },
    'POST /api/notifications/3/confirm': { body: { ...rule, read_at: '2027-03-15T09:00:00Z', confirmed_at: '2027-03-15T09:00:00Z' } },
  });
  renderWithProviders(<NotificationList />, { session: makeSession([{ role: 'employee' }]) });
  const first = nth(await screen.findAllByRole('listitem'), 0);
  expect(within(first).queryByRole('button', { name: /Merk som lest/ })).not.toBeInTheDocument();
  await userEvent.click(within(first).getByRole('button', { name: 'Jeg har lest dette: Nye terskelverdier' }));
  await waitFor(() => expect(calls.some((c) => c.url === '/api/notifications/3/confirm')).toBe(true));
});

test('shows the confirmed time instead of the button', async () => {
  stubFetch({ 'GET /api/notifications': { body: { ...list, items: [{ ...rule, read_at: '2027-03-14T09:05:00Z', confirmed_at: '2027-03-14T09:05:00Z' }] } } });
  renderWithProviders(<NotificationList />, { session: makeSession([{ role: 'employee' }]) });
  expect(await screen.findByText(/^Bekreftet 14\.03\.2027 kl\. 10:05$/)).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /Jeg har lest dette/ })).not.toBeInTheDocument();
});

test('«Merk alle som lest» and the unread filter ask the server', async () => {
  const { calls } = stubFetch({
    'GET /api/notifications': { body: list },
    'POST /api/notifications/read-all': { body: { marked: 2 } },
  });
  renderWithProviders(<NotificationList />, { session: makeSession([{ role: 'employee' }]) });
  await screen.findAllByRole('listitem');
  await userEvent.click(screen.getByRole('button', { name: 'Merk alle som lest' }));
  expect(await screen.findByText('Alle varslene er merket som lest.')).toBeInTheDocument();
  await userEvent.click(screen.getByRole('checkbox', { name: 'Vis bare uleste' }));
  await waitFor(() => expect(calls.some((c) => c.method === 'GET' && c.url.includes('unread=true'))).toBe(true));
});

test('paging: the next page asks for page 2', async () => {
  const { calls } = stubFetch({ 'GET /api/notifications': { body: { ...list, total: 45 } } });
  renderWithProviders(<NotificationList />, { session: makeSession([{ role: 'employee' }]) });
  await screen.findAllByRole('listitem');
  await userEvent.click(screen.getByRole('button', { name: 'Neste' }));
  await waitFor(() => expect(calls.some((c) => c.url.includes('page=2'))).toBe(true));
});

test('settings: one choice per kind, saved with PUT', async () => {
  const settings = {
    items: [
      { kind: 'core.message', label_nb: 'Melding', label_en: 'Message', requires_confirmation: false, email: 'off', default_email: 'off' },
      { kind: 'rules.change', label_nb: 'Endring i regelverket', label_en: 'Change in the rules', requires_confirmation: true, email: 'immediate', default_email: 'immediate' },
    ],
    total: 2,
  };
  const { calls } = stubFetch({
    'GET /api/notifications/settings': { body: settings },
    'PUT /api/notifications/settings': { body: settings },
  });
  renderWithProviders(<NotificationSettings />, { session: makeSession([{ role: 'employee' }]) });
  const select = await screen.findByRole('combobox', { name: 'E-post for «Melding»' });
  await userEvent.selectOptions(select, 'digest');
  await userEvent.click(screen.getByRole('button', { name: 'Lagre innstillingene' }));
  await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
  const put = calls.find((c) => c.method === 'PUT');
  expect(put?.body).toEqual({ settings: [{ kind: 'core.message', email: 'digest' }, { kind: 'rules.change', email: 'immediate' }] });
  expect(await screen.findByText('Innstillingene er lagret.')).toBeInTheDocument();
});

test('settings: a field error from the server is shown at its select', async () => {
  stubFetch({
    'GET /api/notifications/settings': {
      body: { items: [{ kind: 'core.message', label_nb: 'Melding', label_en: 'Message', requires_confirmation: false, email: 'off', default_email: 'off' }], total: 1 },
    },
    'PUT /api/notifications/settings': {
      status: 400,
      body: { status: 400, title: 'Bad Request', code: 'notify.invalid_settings', detail: 'Varselinnstillingene er ugyldige.', errors: [{ field: 'settings[0].email', message: 'Må være «off» (av), «immediate» (med én gang) eller «digest» (daglig sammendrag).' }] },
    },
  });
  renderWithProviders(<NotificationSettings />, { session: makeSession([{ role: 'employee' }]) });
  await screen.findByRole('combobox', { name: 'E-post for «Melding»' });
  await userEvent.click(screen.getByRole('button', { name: 'Lagre innstillingene' }));
  expect((await screen.findAllByText(/Må være «off» \(av\)/)).length).toBeGreaterThan(0);
  expect(screen.getByRole('combobox', { name: 'E-post for «Melding»' })).toHaveAttribute('aria-invalid', 'true');
});

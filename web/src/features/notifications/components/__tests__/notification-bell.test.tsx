// The bell in the header: its accessible name carries the unread count from the server, it links
// to «Varsler», and it polls.
import { screen, waitFor } from '@testing-library/react';
import { makeSession, renderWithProviders, stubFetch } from '@/testing/test-utils';
import { BELL_POLL_MS } from '../../api/get-notifications';
import { NotificationBell } from '../notification-bell';

const page = (unread: number) => ({ items: [], total: unread, unread, page: 1, page_size: 1 });

afterEach(() => vi.unstubAllGlobals());

test('shows the unread count in the link name and as a badge', async () => {
  const { calls } = stubFetch({ 'GET /api/notifications': { body: page(3) } });
  renderWithProviders(<NotificationBell />, { session: makeSession([{ role: 'employee' }]) });
  const link = await screen.findByRole('link', { name: 'Varsler, 3 uleste' });
  expect(link).toHaveAttribute('href', '/varsler');
  expect(link.querySelector('.ds-badge')).toHaveAttribute('data-count', '3');
  expect(calls[0]?.url).toContain('unread=true');
});

test('no unread: says so and shows no badge', async () => {
  stubFetch({ 'GET /api/notifications': { body: page(0) } });
  renderWithProviders(<NotificationBell />, { session: makeSession([{ role: 'employee' }]) });
  const link = await screen.findByRole('link', { name: 'Varsler, ingen uleste' });
  expect(link.querySelector('.ds-badge')).toBeNull();
});

test('signed out or without the permission: no bell and no request', () => {
  const { calls } = stubFetch({ 'GET /api/notifications': { body: page(3) } });
  renderWithProviders(<NotificationBell />, { session: null });
  expect(screen.queryByRole('link')).not.toBeInTheDocument();
  renderWithProviders(<NotificationBell />, { session: makeSession([{ role: 'employee' }], {}, []) });
  expect(screen.queryByRole('link')).not.toBeInTheDocument();
  expect(calls).toHaveLength(0);
});

test('polls every minute', () => {
  expect(BELL_POLL_MS).toBe(60_000);
});

test('a new count is shown after a refetch', async () => {
  const stub = stubFetch({ 'GET /api/notifications': { body: page(1) } });
  const { queryClient } = renderWithProviders(<NotificationBell />, { session: makeSession([{ role: 'employee' }]) });
  await screen.findByRole('link', { name: 'Varsler, 1 uleste' });
  stub.fetchMock.mockImplementation(async () => new Response(JSON.stringify(page(5)), { status: 200, headers: { 'Content-Type': 'application/json' } }));
  await queryClient.refetchQueries({ queryKey: ['notifications'] });
  await waitFor(() => expect(screen.getByRole('link', { name: 'Varsler, 5 uleste' })).toBeInTheDocument());
});

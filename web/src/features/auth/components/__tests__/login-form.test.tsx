import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders, stubFetch } from '@/testing/test-utils';
import { setLang } from '@/lib/i18n';
import { translate } from '../../i18n';
import { LoginForm, retryText } from '../login-form';

afterEach(() => {
  vi.unstubAllGlobals();
  act(() => setLang('nb'));
});

const session = {
  user: { id: 2, username: 'direktor', name: 'Erik Haugen', email: null, person_id: 2, must_change_password: false },
  roles: [{ role: 'director', municipality: null, product_area: null, valid_from: '2025-01-01', valid_to: null }],
  csrf_token: 'abc',
};

test('empty fields are named in the error summary and at the fields', async () => {
  stubFetch({});
  renderWithProviders(<LoginForm onSuccess={() => {}} />);
  await userEvent.click(screen.getByRole('button', { name: 'Logg inn' }));
  const links = await screen.findAllByRole('link');
  expect(links.map((l) => l.getAttribute('href'))).toEqual(['#login-username', '#login-password']);
  expect(screen.getByLabelText('Brukernavn')).toHaveAttribute('aria-invalid', 'true');
  expect(fetch).not.toHaveBeenCalled();
});

test('signs in and hands over the session', async () => {
  const { calls } = stubFetch({ 'POST /api/auth/login': { body: session } });
  const onSuccess = vi.fn();
  renderWithProviders(<LoginForm onSuccess={onSuccess} />);
  await userEvent.type(screen.getByLabelText('Brukernavn'), ' direktor ');
  await userEvent.type(screen.getByLabelText('Passord'), 'Samkjop-demo-2026');
  await userEvent.click(screen.getByRole('button', { name: 'Logg inn' }));
  await waitFor(() => expect(onSuccess).toHaveBeenCalled());
  expect(calls[0]!.body).toEqual({ username: 'direktor', password: 'Samkjop-demo-2026' });
});

test('401 shows the server\'s Norwegian detail', async () => {
  stubFetch({ 'POST /api/auth/login': { status: 401, body: { status: 401, title: 'Unauthorized', detail: 'Feil brukernavn eller passord.' } } });
  renderWithProviders(<LoginForm onSuccess={() => {}} />);
  await userEvent.type(screen.getByLabelText('Brukernavn'), 'direktor');
  await userEvent.type(screen.getByLabelText('Passord'), 'feil');
  await userEvent.click(screen.getByRole('button', { name: 'Logg inn' }));
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('Feil brukernavn eller passord.');
  expect(screen.getByLabelText('Passord')).toHaveValue('');
});

test('in English, 401 shows the English for the code, not the Norwegian detail', async () => {
  act(() => setLang('en'));
  stubFetch({
    'POST /api/auth/login': { status: 401, body: { status: 401, code: 'auth.invalid_credentials', title: 'Ikke innlogget', detail: 'Feil brukernavn eller passord.' } },
  });
  renderWithProviders(<LoginForm onSuccess={() => {}} />);
  await userEvent.type(screen.getByLabelText('Username'), 'direktor');
  await userEvent.type(screen.getByLabelText('Password'), 'feil');
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('Sign-in failed');
  expect(alert).toHaveTextContent('Wrong username or password.');
  expect(alert).not.toHaveTextContent('Feil brukernavn');
});

test('in English, a code without English text falls back to the server\'s Norwegian detail', async () => {
  act(() => setLang('en'));
  stubFetch({ 'POST /api/auth/login': { status: 401, body: { status: 401, code: 'auth.something_new', detail: 'Noe nytt gikk galt.' } } });
  renderWithProviders(<LoginForm onSuccess={() => {}} />);
  await userEvent.type(screen.getByLabelText('Username'), 'direktor');
  await userEvent.type(screen.getByLabelText('Password'), 'feil');
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('Noe nytt gikk galt.');
});

test('429 says when to try again', async () => {
  stubFetch({
    'POST /api/auth/login': { status: 429, body: { status: 429, detail: 'For mange forsøk. Kontoen er midlertidig sperret.' }, headers: { 'Retry-After': '600' } },
  });
  renderWithProviders(<LoginForm onSuccess={() => {}} />);
  await userEvent.type(screen.getByLabelText('Brukernavn'), 'direktor');
  await userEvent.type(screen.getByLabelText('Passord'), 'feil');
  await userEvent.click(screen.getByRole('button', { name: 'Logg inn' }));
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('For mange forsøk. Kontoen er midlertidig sperret.');
  expect(alert).toHaveTextContent(/Du kan prøve igjen kl\. \d\d:\d\d \(om 10 min\)/);
});

test('retryText: seconds when short, clock time when long', () => {
  const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('nb', k, p);
  const now = new Date('2026-01-15T11:00:00Z');
  expect(retryText(t, new Date('2026-01-15T11:00:30Z'), now)).toBe('Du kan prøve igjen om 30 sekunder.');
  expect(retryText(t, new Date('2026-01-15T11:05:00Z'), now)).toBe('Du kan prøve igjen kl. 12:05 (om 5 min).');
  expect(retryText(t, null, now)).toBeNull();
});

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeSession, renderWithProviders, stubFetch } from '@/testing/test-utils';
import { ChangePasswordForm } from '../change-password-form';

afterEach(() => vi.unstubAllGlobals());

test('a short new password is refused before asking the server', async () => {
  stubFetch({});
  renderWithProviders(<ChangePasswordForm onSuccess={() => {}} />, { session: makeSession([], { must_change_password: true }) });
  await userEvent.type(screen.getByLabelText('Nåværende passord'), 'gammelt-passord');
  await userEvent.type(screen.getByLabelText('Nytt passord'), 'kort');
  await userEvent.click(screen.getByRole('button', { name: 'Bytt passord' }));
  expect(await screen.findByRole('link', { name: 'Det nye passordet må ha minst 15 tegn' })).toHaveAttribute('href', '#password-new');
  expect(fetch).not.toHaveBeenCalled();
});

test('field errors from problem+json appear in the summary, linked to the field', async () => {
  stubFetch({
    'POST /api/auth/password': {
      status: 400,
      body: { status: 400, title: 'Ugyldig', detail: 'Passordet kan ikke brukes.', errors: [{ field: 'current_password', message: 'Nåværende passord er feil.' }] },
    },
  });
  renderWithProviders(<ChangePasswordForm onSuccess={() => {}} />, { session: makeSession() });
  await userEvent.type(screen.getByLabelText('Nåværende passord'), 'feil-passord');
  await userEvent.type(screen.getByLabelText('Nytt passord'), 'et-langt-nytt-passord');
  await userEvent.type(screen.getByLabelText('Gjenta nytt passord'), 'et-langt-nytt-passord');
  await userEvent.click(screen.getByRole('button', { name: 'Bytt passord' }));
  // The summary names the field in front of the server's message, and shows its detail.
  const link = await screen.findByRole('link', { name: 'Nåværende passord: Nåværende passord er feil.' });
  expect(link).toHaveAttribute('href', '#password-current');
  expect(screen.getByText('Passordet kan ikke brukes.')).toBeInTheDocument();
});

test('success sends the CSRF-protected request and calls back', async () => {
  const { calls } = stubFetch({ 'POST /api/auth/password': { status: 204 }, 'GET /api/auth/me': { body: makeSession() } });
  const onSuccess = vi.fn();
  renderWithProviders(<ChangePasswordForm onSuccess={onSuccess} />, { session: makeSession() });
  await userEvent.type(screen.getByLabelText('Nåværende passord'), 'gammelt-passord');
  await userEvent.type(screen.getByLabelText('Nytt passord'), 'et-langt-nytt-passord');
  await userEvent.type(screen.getByLabelText('Gjenta nytt passord'), 'et-langt-nytt-passord');
  await userEvent.click(screen.getByRole('button', { name: 'Bytt passord' }));
  await waitFor(() => expect(onSuccess).toHaveBeenCalled());
  expect(calls[0]!.body).toEqual({ current_password: 'gammelt-passord', new_password: 'et-langt-nytt-passord' });
});

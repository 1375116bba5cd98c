// The legal table: today's values with source and status; the history strikes superseded rows
// through with the reason; only the administrator gets the form.
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setLang } from '@/lib/i18n';
import { makeSession, renderWithProviders, stubFetch } from '@/testing/test-utils';
import { RulesPage } from '../routes/rules';

const row = (over: Record<string, unknown>) => ({
  id: 1, key: 'threshold.national', unit: 'ore', in_force: '2018-04-06', label_nb: 'Nasjonal terskelverdi', label_en: 'National threshold',
  amount_ore: 130_000_000, amount_nok: '1300000.00', source: 'FOA § 5-1', confirmed: true, explanation_nb: '', explanation_en: '',
  supersedes: null, reason: null, superseded_by: null, ...over,
});

const today = { date: '2027-03-15', total: 2, confirmed: false, items: [row({ id: 3, confirmed: false, in_force: '2026-01-01' }), row({ id: 4, key: 'days.standstill', unit: 'days', amount_ore: undefined, amount_nok: undefined, days: 10, label_nb: 'Karensperiode', in_force: '2017-01-01' })] };
const history = {
  date: '2027-03-15', total: 3, confirmed: false,
  items: [row({ id: 3, superseded_by: 9, in_force: '2026-01-01', amount_ore: 140_000_000 }), row({ id: 9, supersedes: 3, reason: 'Skrivefeil i beløpet', in_force: '2026-01-01' }), today.items[1]],
};

function renderPage(role: 'admin' | 'employee') {
  const stub = stubFetch({});
  stub.fetchMock.mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    stub.calls.push({ method: init?.method ?? 'GET', url, headers: {}, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const body = url.includes('/api/rules/values') ? (url.includes('history=true') ? history : today) : {};
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  renderWithProviders(<RulesPage />, { session: makeSession(role === 'admin' ? [{ role: 'admin' }] : [{ role: 'employee', municipality: '944117784' }]) });
  return stub;
}

afterEach(() => {
  vi.unstubAllGlobals();
  act(() => setLang('nb'));
});

test('today\'s values are listed with amount, date and status, and the unconfirmed warning', async () => {
  renderPage('employee');
  const table = await screen.findByRole('table', { name: 'Verdier i regeltabellen som gjelder 15.03.2027' });
  const national = within(table).getByRole('rowheader', { name: /^Nasjonal terskelverdi/ }).closest('tr') as HTMLElement;
  expect(within(national).getByText('Kilde: FOA § 5-1')).toBeInTheDocument();
  expect(within(national).getByText('1 300 000 kr')).toBeInTheDocument();
  expect(within(national).getByText('01.01.2026')).toBeInTheDocument();
  expect(within(national).getByText('Ubekreftet')).toBeInTheDocument();
  expect(within(table).getByText('10 dager')).toBeInTheDocument();
  expect(screen.getByText(/Noen verdier som gjelder 15\.03\.2027, er ikke bekreftet/)).toBeInTheDocument();
  expect(screen.queryByRole('heading', { name: 'Legg inn eller rett en verdi' })).not.toBeInTheDocument();
});

test('the history strikes a superseded row through and gives the reason', async () => {
  renderPage('employee');
  await userEvent.click(await screen.findByText('Historikk: alle verdier, også rettede'));
  const table = await screen.findByRole('table', { name: 'Alle rader i regeltabellen' });
  const old = within(table).getByText('1 400 000 kr');
  expect(old.tagName).toBe('DEL');
  expect(within(table).getByText('Rettet av rad 9: Skrivefeil i beløpet')).toBeInTheDocument();
  expect(within(table).getByText('Retter rad 3: Skrivefeil i beløpet')).toBeInTheDocument();
});

test('the administrator enters a value in kroner and it is sent in øre', async () => {
  const stub = renderPage('admin');
  expect(await screen.findByRole('heading', { name: 'Legg inn eller rett en verdi' })).toBeInTheDocument();
  await screen.findByRole('option', { name: 'Nasjonal terskelverdi (threshold.national)' });
  await userEvent.selectOptions(screen.getByLabelText('Nøkkel'), 'threshold.national');
  await userEvent.type(screen.getByLabelText('Beløp i kroner'), '1 400 000');
  const date = screen.getByLabelText('Gjelder fra');
  await userEvent.clear(date);
  await userEvent.type(date, '01.07.2027');
  await userEvent.type(screen.getByLabelText('Kilde'), 'FOA § 5-1; regjeringen.no');
  await userEvent.click(screen.getByRole('button', { name: 'Lagre verdien' }));
  await vi.waitFor(() => expect(stub.calls.some((c) => c.method === 'POST')).toBe(true));
  expect(stub.calls.find((c) => c.method === 'POST')?.body).toEqual({
    key: 'threshold.national', amount_ore: 140_000_000, in_force: '2027-07-01', source: 'FOA § 5-1; regjeringen.no', confirmed: true,
  });
});

test('correcting a row without a reason is refused in the form', async () => {
  const stub = renderPage('admin');
  await screen.findByRole('option', { name: 'Nasjonal terskelverdi (threshold.national)' });
  await userEvent.selectOptions(screen.getByLabelText('Nøkkel'), 'threshold.national');
  await userEvent.selectOptions(screen.getByLabelText('Retter rad (valgfritt)'), '9');
  await userEvent.type(screen.getByLabelText('Beløp i kroner'), '1 300 000');
  await userEvent.type(screen.getByLabelText('Kilde'), 'FOA § 5-1');
  await userEvent.click(screen.getByRole('button', { name: 'Lagre verdien' }));
  expect((await screen.findAllByText('Fyll ut begrunnelse')).length).toBeGreaterThan(0);
  expect(stub.calls.filter((c) => c.method === 'POST')).toEqual([]);
});

// The calculators send what the user typed as the API wants it (kroner → øre, dd.mm.åååå →
// ISO) and show the server's answer; the server's field errors land on their fields.
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setLang } from '@/lib/i18n';
import { makeSession, renderWithProviders, stubFetch } from '@/testing/test-utils';
import { AssessCalculator } from '../assess-calculator';
import { TimeLimitsCalculator } from '../time-limits-calculator';

const reason = (nb: string, paragraph: string) => ({ text_nb: nb, text_en: `EN ${nb}`, paragraph, source: 'DOMAIN.md', confirmed: true });

const assessment = {
  value_ore: 150_000_000,
  value_nok: '1500000.00',
  kind: 'goods',
  date: '2025-06-02',
  part: 'II',
  publication: 'doffin',
  protocol_required: true,
  tax_certificate_required: true,
  pay_conditions_required: false,
  apprentices_threshold_met: false,
  procedures: ['open_offer_competition', 'restricted_offer_competition'],
  min_days: {},
  confirmed: false,
  reasons: [reason('Verdien er lik eller over nasjonal terskelverdi', 'FOA § 5-1'), reason('Kunngjøres i Doffin', 'FOA del II')],
};

afterEach(() => {
  vi.unstubAllGlobals();
  act(() => setLang('nb'));
});

test('«Hvilke regler gjelder»: kroner are sent as øre, the date as ISO, and the answer shows part, procedures and reasons', async () => {
  const stub = stubFetch({ 'POST /api/rules/assess': { body: assessment } });
  renderWithProviders(<AssessCalculator />, { session: makeSession([{ role: 'employee', municipality: '944117784' }]) });
  await userEvent.type(screen.getByLabelText('Anslått verdi i kroner'), '1 500 000');
  await userEvent.selectOptions(screen.getByLabelText('Hva kjøpes?'), 'goods');
  const date = screen.getByLabelText('Dato');
  await userEvent.clear(date);
  await userEvent.type(date, '02.06.2025');
  await userEvent.click(screen.getByRole('button', { name: 'Vis reglene' }));
  expect(await screen.findByRole('heading', { name: 'Del I og del II (nasjonal)' })).toBeInTheDocument();
  expect(stub.calls.find((c) => c.method === 'POST')?.body).toEqual({ value_ore: 150_000_000, kind: 'goods', date: '2025-06-02' });
  expect(screen.getByText('Åpen tilbudskonkurranse')).toBeInTheDocument();
  expect(screen.getByText('Begrenset tilbudskonkurranse')).toBeInTheDocument();
  const reasons = screen.getByRole('table', { name: 'Begrunnelse' });
  expect(within(reasons).getByText('Verdien er lik eller over nasjonal terskelverdi')).toBeInTheDocument();
  expect(within(reasons).getByText('FOA § 5-1')).toBeInTheDocument();
  expect(screen.getByText(/bygger på verdier som ikke er bekreftet/)).toBeInTheDocument();
  expect(screen.getByText(/1 500 000 kr/)).toBeInTheDocument();
});

test('an amount that is not kroner is refused before anything is sent', async () => {
  const stub = stubFetch({});
  renderWithProviders(<AssessCalculator />, { session: makeSession([{ role: 'employee', municipality: '944117784' }]) });
  await userEvent.type(screen.getByLabelText('Anslått verdi i kroner'), 'mye');
  await userEvent.click(screen.getByRole('button', { name: 'Vis reglene' }));
  expect((await screen.findAllByText('Skriv et beløp i kroner, for eksempel 1 300 000.')).length).toBeGreaterThan(0);
  expect(stub.calls.filter((c) => c.method === 'POST')).toEqual([]);
});

test('the server\'s field error is shown on its field (in English by its code)', async () => {
  act(() => setLang('en'));
  stubFetch({
    'POST /api/rules/assess': {
      status: 400,
      body: { status: 400, title: 'Bad', code: 'rules.date_before_table', detail: 'Datoen er før regeltabellen.', errors: [{ field: 'date', message: 'Datoen er før regeltabellen.' }] },
    },
  });
  renderWithProviders(<AssessCalculator />, { session: makeSession([{ role: 'employee', municipality: '944117784' }]) });
  await userEvent.type(screen.getByLabelText('Estimated value in kroner'), '100000');
  await userEvent.selectOptions(screen.getByLabelText('What is bought?'), 'works');
  const date = screen.getByLabelText('Date');
  await userEvent.clear(date);
  await userEvent.type(date, '01.01.2016');
  await userEvent.click(screen.getByRole('button', { name: 'Show the rules' }));
  expect((await screen.findAllByText(/before the first value of the legal table/)).length).toBeGreaterThan(0);
});

test('the standstill and deadline calculators send their dates and show the days', async () => {
  const stub = stubFetch({
    'POST /api/rules/standstill': {
      body: { notified: '2026-03-27', days: 10, last_day: '2026-04-07', first_signing_day: '2026-04-08', reasons: [reason('Karensperioden er minst 10 dager', 'FOA § 25-2')] },
    },
    'POST /api/rules/deadline': {
      body: { from: '2026-05-07', days: 10, nominal_last_day: '2026-05-17', last_day: '2026-05-18', extended: true, reasons: [reason('17. mai er en helligdag', 'Tidsfristforskriften')] },
    },
  });
  renderWithProviders(<TimeLimitsCalculator />, { session: makeSession([{ role: 'employee', municipality: '944117784' }]) });
  const notified = screen.getByLabelText('Meldingen om tildeling ble sendt');
  await userEvent.clear(notified);
  await userEvent.type(notified, '27.03.2026');
  await userEvent.click(screen.getByRole('button', { name: 'Beregn karensperioden' }));
  expect(await screen.findByText('Karensperioden varer til og med 07.04.2026. Kontrakten kan tidligst signeres 08.04.2026.')).toBeInTheDocument();
  expect(stub.calls.find((c) => c.url.endsWith('/standstill'))?.body).toEqual({ notified: '2026-03-27' });

  const from = screen.getByLabelText('Hendelsens dato');
  await userEvent.clear(from);
  await userEvent.type(from, '07.05.2026');
  await userEvent.type(screen.getByLabelText('Antall kalenderdager'), '10');
  await userEvent.click(screen.getByRole('button', { name: 'Beregn fristen' }));
  expect(await screen.findByText('Fristen løper ut ved slutten av 18.05.2026.')).toBeInTheDocument();
  expect(screen.getByText(/Dag 10 er 17\.05\.2026, som ikke er en virkedag/)).toBeInTheDocument();
  expect(stub.calls.find((c) => c.url.endsWith('/deadline'))?.body).toEqual({ from: '2026-05-07', days: 10 });
});

test('a deadline without days is refused before anything is sent', async () => {
  const stub = stubFetch({});
  renderWithProviders(<TimeLimitsCalculator />, { session: makeSession([{ role: 'employee', municipality: '944117784' }]) });
  await userEvent.click(screen.getByRole('button', { name: 'Beregn fristen' }));
  expect((await screen.findAllByText('Skriv et helt tall, 0 eller større.')).length).toBeGreaterThan(0);
  expect(stub.calls.filter((c) => c.method === 'POST')).toEqual([]);
});

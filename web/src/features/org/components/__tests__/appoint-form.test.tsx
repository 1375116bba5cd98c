// The appoint form offers only the roles and municipalities the caller's permissions reach.
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setLang } from '@/lib/i18n';
import { makeSession, renderWithProviders, stubFetch } from '@/testing/test-utils';
import { AppointForm } from '../appoint-form';

const KONGSVINGER = '944117784';
const GRUE = '964948143';
const municipality = (orgnr: string, name: string) => ({
  orgnr, name, municipality_number: '3401', host: orgnr === KONGSVINGER, member_from: '2015-01-01', member_to: null, orgnr_verified: true, officer: null, r1_ok: false,
});

function renderForm(session: ReturnType<typeof makeSession>, extra: Parameters<typeof stubFetch>[0] = {}) {
  const stub = stubFetch({
    'GET /api/municipalities': { body: { items: [municipality(KONGSVINGER, 'Kongsvinger'), municipality(GRUE, 'Grue')], total: 2 } },
    'GET /api/product-areas': { body: { items: [{ code: 'mat', name_nb: 'Mat og drikke', name_en: 'Food and beverages' }], total: 1 } },
    'GET /api/people': {
      body: { items: [{ id: 7, name: 'Ola Grue', email: null, phone: null, title: null, municipality: GRUE, username: null }], total: 1 },
    },
    ...extra,
  });
  renderWithProviders(<AppointForm onDone={() => {}} onCancel={() => {}} />, { session });
  return stub;
}

const optionsOf = (select: HTMLElement) => within(select).getAllByRole('option').map((o) => o.textContent);

afterEach(() => {
  vi.unstubAllGlobals();
  act(() => setLang('nb'));
});

test('the director may appoint officers, product managers and employees, in every municipality', async () => {
  renderForm(makeSession([{ role: 'director' }]));
  const group = await screen.findByRole('group', { name: 'Rolle' });
  expect(within(group).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['officer', 'product_manager', 'employee']);
  expect(optionsOf(screen.getByLabelText('Kommune'))).toEqual(['Velg kommune', 'Grue', 'Kongsvinger']);
});

test('the officer of Grue: product managers and employees, in Grue only; not officers', async () => {
  renderForm(makeSession([{ role: 'officer', municipality: GRUE }]));
  const group = await screen.findByRole('group', { name: 'Rolle' });
  expect(within(group).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['product_manager', 'employee']);
  expect(optionsOf(screen.getByLabelText('Kommune'))).toEqual(['Velg kommune', 'Grue']);
  await userEvent.click(within(group).getByRole('radio', { name: 'Ansatt' }));
  expect(screen.queryByLabelText('Produktområde')).not.toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Utnevn ansatt' })).toBeInTheDocument();
});

test('the chief executive of Kongsvinger: only the officer, only Kongsvinger (no role choice shown)', async () => {
  renderForm(makeSession([{ role: 'chief_executive', municipality: KONGSVINGER }]));
  expect(await screen.findByRole('button', { name: 'Utnevn innkjøpsansvarlig' })).toBeInTheDocument();
  expect(screen.queryByRole('group', { name: 'Rolle' })).not.toBeInTheDocument();
  expect(optionsOf(screen.getByLabelText('Kommune'))).toEqual(['Velg kommune', 'Kongsvinger']);
});

test('in English, a refusal by the server shows the English for its code', async () => {
  act(() => setLang('en'));
  renderForm(makeSession([{ role: 'director' }]), {
    'POST /api/roles': {
      status: 409,
      body: {
        status: 409, code: 'org.officer_overlap', detail: 'Kari Nordby er innkjøpsansvarlig fra 2027-04-01. Den nye må starte etter det, eller avslutt den andre først.',
        errors: [{ field: 'valid_from', message: 'Overlapper med en annen innkjøpsansvarlig.' }],
      },
    },
  });
  await userEvent.selectOptions(await screen.findByLabelText('Municipality'), GRUE);
  await userEvent.selectOptions(screen.getByLabelText('Person'), '7');
  await userEvent.click(screen.getByRole('button', { name: 'Appoint procurement officer' }));
  expect(await screen.findByText(/Another procurement officer starts on or after this date/)).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Valid from: Overlaps with another procurement officer.' })).toBeInTheDocument();
  expect(screen.queryByText(/Kari Nordby er innkjøpsansvarlig/)).not.toBeInTheDocument();
});

import { act, screen, within } from '@testing-library/react';
import { setLang } from '@/lib/i18n';
import { makeSession, renderWithProviders, stubFetch } from '@/testing/test-utils';
import type { PermissionTable } from '../../api/get-permissions';
import { PermissionsMatrix } from '../permissions-matrix';

const TABLE: PermissionTable = {
  roles: ['admin', 'director', 'officer', 'auditor'],
  permissions: [
    { name: 'core.session.own', module: 'core', write: false, description_nb: 'Egen økt og eget passord', description_en: 'Own session and password' },
    { name: 'core.audit.read', module: 'core', write: false, description_nb: 'Lese revisjonsloggen', description_en: 'Read the audit log' },
    { name: 'org.people.read', module: 'org', write: false, description_nb: 'Lese kontaktregisteret', description_en: 'Read the contact directory' },
    { name: 'org.people.write', module: 'org', write: true, description_nb: 'Registrere og endre personer', description_en: 'Register and edit people' },
  ],
  grants: [
    { role: 'signed_in', permission: 'core.session.own', scope: 'own_records' },
    { role: 'admin', permission: 'core.audit.read', scope: 'region' },
    { role: 'director', permission: 'core.audit.read', scope: 'region' },
    { role: 'auditor', permission: 'core.audit.read', scope: 'region' },
    { role: 'admin', permission: 'org.people.read', scope: 'region' },
    { role: 'director', permission: 'org.people.read', scope: 'region' },
    { role: 'officer', permission: 'org.people.read', scope: 'region' },
    { role: 'auditor', permission: 'org.people.read', scope: 'region' },
    { role: 'admin', permission: 'org.people.write', scope: 'region' },
    { role: 'director', permission: 'org.people.write', scope: 'region' },
    { role: 'officer', permission: 'org.people.write', scope: 'own_municipality' },
  ],
};

afterEach(() => {
  vi.unstubAllGlobals();
  act(() => setLang('nb'));
});

function renderMatrix(table: PermissionTable = TABLE) {
  const stub = stubFetch({ 'GET /api/permissions': { body: table } });
  renderWithProviders(<PermissionsMatrix />, { session: makeSession([{ role: 'auditor' }]) });
  return stub;
}

/** The text of the cell in `row` under the column header named `column`. */
function cell(table: HTMLElement, rowName: RegExp, column: string): string {
  const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
  const index = headers.indexOf(column);
  expect(index, `no column ${column}`).toBeGreaterThan(0);
  const row = within(table).getByRole('row', { name: rowName });
  return within(row).getAllByRole('cell')[index - 1]!.textContent ?? '';
}

test('a real table: caption, column headers with scope, permissions as row headers grouped by module', async () => {
  const { calls } = renderMatrix();
  const table = await screen.findByRole('table', { name: 'Tilganger per rolle' });
  expect(calls.map((c) => `${c.method} ${c.url}`)).toContain('GET /api/permissions');
  const columns = within(table).getAllByRole('columnheader');
  expect(columns.map((c) => c.textContent)).toEqual(['Tilgang', 'Alle innloggede', 'Administrator', 'Innkjøpsdirektør', 'Innkjøpsansvarlig', 'Revisor']);
  for (const c of columns) expect(c).toHaveAttribute('scope', 'col');
  const groups = within(table).getAllByRole('rowheader').filter((h) => h.getAttribute('scope') === 'rowgroup');
  expect(groups.map((g) => g.textContent)).toEqual(['Innlogging, revisjon og tilganger', 'Organisasjon']);
  const people = within(table).getByRole('rowheader', { name: /Registrere og endre personer/ });
  expect(people).toHaveAttribute('scope', 'row');
  expect(people).toHaveTextContent('org.people.write');
  expect(people).toHaveTextContent('Endrer');
});

test('cells name the scope in words; an officer writes people in their own municipality; empty when not granted', async () => {
  renderMatrix();
  const table = await screen.findByRole('table', { name: 'Tilganger per rolle' });
  expect(cell(table, /Registrere og endre personer/, 'Innkjøpsansvarlig')).toBe('Egen kommune');
  expect(cell(table, /Registrere og endre personer/, 'Innkjøpsdirektør')).toBe('Hele regionen');
  expect(cell(table, /Egen økt/, 'Alle innloggede')).toBe('Egne data');
  // Not granted: visually empty, «Ingen tilgang» for screen readers.
  expect(cell(table, /Registrere og endre personer/, 'Revisor')).toBe('Ingen tilgang');
  expect(within(within(table).getByRole('row', { name: /Registrere og endre personer/ })).getAllByRole('cell')[4]!.querySelector('.sr-only')).not.toBeNull();
});

test('the explanation names every scope', async () => {
  renderMatrix();
  await screen.findByRole('table');
  expect(screen.getByRole('heading', { level: 2, name: 'Slik leser du tabellen' })).toBeInTheDocument();
  for (const term of ['Hele regionen', 'Egen kommune', 'Egen kommune og produktområde', 'Egne data'])
    expect(screen.getAllByText(term).some((e) => e.tagName === 'DT')).toBe(true);
});

test('in English: English descriptions, scopes and column names', async () => {
  act(() => setLang('en'));
  renderMatrix();
  const table = await screen.findByRole('table', { name: 'Permissions by role' });
  expect(within(table).getByRole('rowheader', { name: /Register and edit people/ })).toHaveTextContent('Changes');
  expect(cell(table, /Register and edit people/, 'Procurement officer')).toBe('Own municipality');
  expect(cell(table, /Own session/, 'Everyone signed in')).toBe('Own records');
});

test('a failed load shows the server’s message and a retry', async () => {
  stubFetch({ 'GET /api/permissions': { status: 403, body: { status: 403, code: 'auth.forbidden', detail: 'Du har ikke tilgang til dette.' } } });
  renderWithProviders(<PermissionsMatrix />, { session: makeSession([{ role: 'employee' }]) });
  expect(await screen.findByText('Du har ikke tilgang til dette.')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Prøv igjen' })).toBeInTheDocument();
});

// «Rediger» on a contact follows the caller's org.people.write scope, and write_central for
// people outside any municipality and for central staff (the server's central_staff flag: an
// admin, director, staff or auditor role today, wherever the person's record sits).
import { screen } from '@testing-library/react';
import { makeSession, renderWithProviders, stubFetch } from '@/testing/test-utils';
import { PersonDetail } from '../person-detail';

const KONGSVINGER = '944117784';
const GRUE = '964948143';

function renderPerson(municipality: string | null, session: ReturnType<typeof makeSession>, central = false) {
  stubFetch({
    'GET /api/people/7': { body: { id: 7, name: 'Ola Nordmann', email: null, phone: null, title: null, municipality, username: null, central_staff: central } },
    'GET /api/municipalities': { body: { items: [], total: 0 } },
    'GET /api/product-areas': { body: { items: [], total: 0 } },
    'GET /api/roles': { body: { items: [], total: 0 } },
  });
  renderWithProviders(<PersonDetail id={7} />, { session });
}

afterEach(() => vi.unstubAllGlobals());

test.each([
  ['the officer of Grue, a person in Grue', GRUE, makeSession([{ role: 'officer', municipality: GRUE }]), true],
  ['the officer of Grue, a person in Kongsvinger', KONGSVINGER, makeSession([{ role: 'officer', municipality: GRUE }]), false],
  ['staff (region), a person in Kongsvinger', KONGSVINGER, makeSession([{ role: 'staff' }]), true],
  ['staff, central staff (no municipality)', null, makeSession([{ role: 'staff' }]), false],
  ['the director, central staff (no municipality)', null, makeSession([{ role: 'director' }]), true],
  ['the auditor, a person in Grue', GRUE, makeSession([{ role: 'auditor' }]), false],
  ['the officer of Kongsvinger, the director (record in Kongsvinger)', KONGSVINGER, makeSession([{ role: 'officer', municipality: KONGSVINGER }]), false, true],
  ['the chief executive of Kongsvinger, the director (record in Kongsvinger)', KONGSVINGER, makeSession([{ role: 'chief_executive', municipality: KONGSVINGER }]), false, true],
  ['the director, central staff in Kongsvinger', KONGSVINGER, makeSession([{ role: 'director' }]), true, true],
  ['the officer of Kongsvinger, an employee in Kongsvinger', KONGSVINGER, makeSession([{ role: 'officer', municipality: KONGSVINGER }]), true, false],
])('%s: edit offered = %s', async (_name, municipality, session, allowed, central = false) => {
  renderPerson(municipality, session, central);
  expect(await screen.findByText('Opplysninger')).toBeInTheDocument();
  if (allowed) expect(screen.getByRole('button', { name: 'Rediger' })).toBeInTheDocument();
  else expect(screen.queryByRole('button', { name: 'Rediger' })).not.toBeInTheDocument();
});

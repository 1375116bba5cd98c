import { screen } from '@testing-library/react';
import { makeSession, renderWithProviders } from '@/testing/test-utils';
import { Authorization, POLICIES } from './authorization';

const KONGSVINGER = '944117784';
const GRUE = '964948143';

describe('<Authorization>', () => {
  test('an admin sees admin-only content', () => {
    renderWithProviders(
      <Authorization allowedRoles={['admin']} forbiddenFallback={<p>Ingen tilgang</p>}>
        <p>Brukere</p>
      </Authorization>,
      { session: makeSession([{ role: 'admin' }]) },
    );
    expect(screen.getByText('Brukere')).toBeInTheDocument();
    expect(screen.queryByText('Ingen tilgang')).not.toBeInTheDocument();
  });

  test('an employee gets the fallback', () => {
    renderWithProviders(
      <Authorization allowedRoles={['admin']} forbiddenFallback={<p>Ingen tilgang</p>}>
        <p>Brukere</p>
      </Authorization>,
      { session: makeSession([{ role: 'employee', municipality: KONGSVINGER }]) },
    );
    expect(screen.queryByText('Brukere')).not.toBeInTheDocument();
    expect(screen.getByText('Ingen tilgang')).toBeInTheDocument();
  });

  test('a role that has ended does not count', () => {
    renderWithProviders(
      <Authorization policy="audit:read">
        <p>Logg</p>
      </Authorization>,
      { session: makeSession([{ role: 'auditor', valid_to: '2021-01-01' }]) },
    );
    expect(screen.queryByText('Logg')).not.toBeInTheDocument();
  });
});

describe('policies per municipality', () => {
  test('the chief executive appoints the officer of their own municipality only', () => {
    const s = makeSession([{ role: 'chief_executive', municipality: KONGSVINGER }]);
    expect(POLICIES['officer:appoint'](s, KONGSVINGER)).toBe(true);
    expect(POLICIES['officer:appoint'](s, GRUE)).toBe(false);
    expect(POLICIES['product-manager:appoint'](s, KONGSVINGER)).toBe(false);
  });

  test('the officer appoints product managers in their own municipality (IA-5)', () => {
    const s = makeSession([{ role: 'officer', municipality: GRUE }]);
    expect(POLICIES['product-manager:appoint'](s, GRUE)).toBe(true);
    expect(POLICIES['product-manager:appoint'](s, KONGSVINGER)).toBe(false);
    expect(POLICIES['officer:appoint'](s, GRUE)).toBe(false);
  });

  test('the director may do both everywhere, and write municipalities; not manage users', () => {
    const s = makeSession([{ role: 'director' }]);
    expect(POLICIES['officer:appoint'](s, GRUE)).toBe(true);
    expect(POLICIES['product-manager:appoint'](s, KONGSVINGER)).toBe(true);
    expect(POLICIES['municipalities:write'](s)).toBe(true);
    expect(POLICIES['users:manage'](s)).toBe(false);
  });

  test('the auditor reads the audit log but writes nothing', () => {
    const s = makeSession([{ role: 'auditor' }]);
    expect(POLICIES['audit:read'](s)).toBe(true);
    expect(POLICIES['municipalities:write'](s)).toBe(false);
    expect(POLICIES['officer:appoint'](s, GRUE)).toBe(false);
  });
});

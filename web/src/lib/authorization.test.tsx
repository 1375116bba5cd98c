// can() and <Authorization> decide from the session's permissions only; each rule is tested both
// ways (allowed and denied). The sessions below spell out what the server sends.
import { screen } from '@testing-library/react';
import { permission, permissionsFor } from '@/testing/grants';
import { makeSession, renderWithProviders } from '@/testing/test-utils';
import { Authorization, can } from './authorization';

const KONGSVINGER = '944117784';
const GRUE = '964948143';

const withPermissions = (...permissions: ReturnType<typeof permission>[]) => makeSession([], {}, permissions);

describe('can() by scope', () => {
  test('region: anywhere, also for objects outside any municipality', () => {
    const s = withPermissions(permission('org.people.write', 'region'));
    expect(can(s, 'org.people.write')).toBe(true);
    expect(can(s, 'org.people.write', { municipality: GRUE })).toBe(true);
    expect(can(s, 'org.people.write', { municipality: null })).toBe(true);
  });

  test('own_municipality: the municipalities listed, or no municipality given; not others, not central objects', () => {
    const s = withPermissions(permission('org.people.write', 'own_municipality', { municipalities: [GRUE] }));
    expect(can(s, 'org.people.write')).toBe(true);
    expect(can(s, 'org.people.write', { municipality: GRUE })).toBe(true);
    expect(can(s, 'org.people.write', { municipality: KONGSVINGER })).toBe(false);
    expect(can(s, 'org.people.write', { municipality: null })).toBe(false);
  });

  test('own_municipality_and_area: the pair must match', () => {
    const s = withPermissions(
      permission('org.roles.appoint_local', 'own_municipality_and_area', { product_areas: [{ municipality: GRUE, product_area: 'mat' }] }),
    );
    expect(can(s, 'org.roles.appoint_local')).toBe(true);
    expect(can(s, 'org.roles.appoint_local', { municipality: GRUE })).toBe(true);
    expect(can(s, 'org.roles.appoint_local', { municipality: GRUE, productArea: 'mat' })).toBe(true);
    expect(can(s, 'org.roles.appoint_local', { municipality: GRUE, productArea: 'kontor' })).toBe(false);
    expect(can(s, 'org.roles.appoint_local', { municipality: KONGSVINGER, productArea: 'mat' })).toBe(false);
    expect(can(s, 'org.roles.appoint_local', { municipality: null })).toBe(false);
  });

  test('own_records: yes for the caller’s own things', () => {
    const s = withPermissions(permission('core.session.own', 'own_records'));
    expect(can(s, 'core.session.own')).toBe(true);
  });

  test('a permission the caller lacks, a session without permissions, and no session: no', () => {
    const s = withPermissions(permission('org.people.read', 'region'));
    expect(can(s, 'org.people.write')).toBe(false);
    expect(can({ ...s, permissions: undefined as never }, 'org.people.read')).toBe(false);
    expect(can(null, 'org.people.read')).toBe(false);
  });

  test('a scope the web does not know: no (the server decides)', () => {
    const s = withPermissions({ ...permission('org.people.write', 'region'), scope: 'galaxy' as never });
    expect(can(s, 'org.people.write')).toBe(false);
  });
});

describe('the roles of the contract, through the permissions the server sends for them', () => {
  test('the chief executive appoints the officer of their own municipality only', () => {
    const s = makeSession([{ role: 'chief_executive', municipality: KONGSVINGER }]);
    expect(can(s, 'org.roles.appoint_officer', { municipality: KONGSVINGER })).toBe(true);
    expect(can(s, 'org.roles.appoint_officer', { municipality: GRUE })).toBe(false);
    expect(can(s, 'org.roles.appoint_local', { municipality: KONGSVINGER })).toBe(false);
  });

  test('the officer appoints product managers and employees in their own municipality (IA-5)', () => {
    const s = makeSession([{ role: 'officer', municipality: GRUE }]);
    expect(can(s, 'org.roles.appoint_local', { municipality: GRUE })).toBe(true);
    expect(can(s, 'org.roles.appoint_local', { municipality: KONGSVINGER })).toBe(false);
    expect(can(s, 'org.roles.appoint_officer', { municipality: GRUE })).toBe(false);
    expect(can(s, 'org.people.write', { municipality: GRUE })).toBe(true);
    expect(can(s, 'org.people.write_central')).toBe(false);
  });

  test('the director appoints everywhere and writes municipalities; does not manage users', () => {
    const s = makeSession([{ role: 'director' }]);
    expect(can(s, 'org.roles.appoint_officer', { municipality: GRUE })).toBe(true);
    expect(can(s, 'org.roles.appoint_local', { municipality: KONGSVINGER })).toBe(true);
    expect(can(s, 'org.municipalities.write')).toBe(true);
    expect(can(s, 'org.users.write')).toBe(false);
  });

  test('the auditor reads the audit log and the permissions, writes nothing', () => {
    const s = makeSession([{ role: 'auditor' }]);
    expect(can(s, 'core.audit.read')).toBe(true);
    expect(can(s, 'core.permissions.read')).toBe(true);
    const writes = s.permissions.filter((p) => !p.name.endsWith('.read') && p.scope !== 'own_records');
    expect(writes).toEqual([]);
    expect(can(s, 'org.municipalities.write')).toBe(false);
    expect(can(s, 'org.roles.appoint_officer', { municipality: GRUE })).toBe(false);
  });

  test('two roles: the widest scope wins', () => {
    const perms = permissionsFor([
      { role: 'officer', municipality: GRUE, product_area: null },
      { role: 'staff', municipality: null, product_area: null },
    ]);
    expect(perms.find((p) => p.name === 'org.people.write')).toEqual({ name: 'org.people.write', scope: 'region', municipalities: [], product_areas: [] });
  });
});

describe('<Authorization>', () => {
  test('an admin sees admin-only content', () => {
    renderWithProviders(
      <Authorization permission="org.users.write" forbiddenFallback={<p>Ingen tilgang</p>}>
        <p>Brukere</p>
      </Authorization>,
      { session: makeSession([{ role: 'admin' }]) },
    );
    expect(screen.getByText('Brukere')).toBeInTheDocument();
    expect(screen.queryByText('Ingen tilgang')).not.toBeInTheDocument();
  });

  test('an employee gets the fallback', () => {
    renderWithProviders(
      <Authorization permission="org.users.write" forbiddenFallback={<p>Ingen tilgang</p>}>
        <p>Brukere</p>
      </Authorization>,
      { session: makeSession([{ role: 'employee', municipality: KONGSVINGER }]) },
    );
    expect(screen.queryByText('Brukere')).not.toBeInTheDocument();
    expect(screen.getByText('Ingen tilgang')).toBeInTheDocument();
  });

  test('per municipality: the officer of Grue edits Grue’s people, not Kongsvinger’s', () => {
    const session = makeSession([{ role: 'officer', municipality: GRUE }]);
    const { unmount } = renderWithProviders(
      <Authorization permission="org.people.write" municipality={GRUE}>
        <p>Rediger</p>
      </Authorization>,
      { session },
    );
    expect(screen.getByText('Rediger')).toBeInTheDocument();
    unmount();
    renderWithProviders(
      <Authorization permission="org.people.write" municipality={KONGSVINGER}>
        <p>Rediger</p>
      </Authorization>,
      { session },
    );
    expect(screen.queryByText('Rediger')).not.toBeInTheDocument();
  });

  test('a role that has ended gives no permissions', () => {
    renderWithProviders(
      <Authorization permission="core.audit.read">
        <p>Logg</p>
      </Authorization>,
      { session: makeSession([{ role: 'auditor', valid_to: '2021-01-01' }]) },
    );
    expect(screen.queryByText('Logg')).not.toBeInTheDocument();
  });
});

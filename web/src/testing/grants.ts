// For tests only: what the server answers in `permissions` for a set of roles, computed from the
// grant table of the contract (issue 7, item 2). Component tests build sessions with it, so they
// read as "an officer in Grue sees …" while the code under test only looks at permissions.
// The server's grant table is the truth; this copy exists so the web's tests need no server.
import type { PermissionScope, RoleGrant, SessionPermission } from '@/lib/auth';
import type { PermissionName } from '@/lib/authorization';

type Grant = readonly [role: string, permission: PermissionName, scope: PermissionScope];

const READS: PermissionName[] = ['org.municipalities.read', 'org.product_areas.read', 'org.people.read', 'org.roles.read', 'org.councils.read'];
const ALL_ROLES = ['admin', 'director', 'staff', 'chief_executive', 'officer', 'product_manager', 'council_member', 'employee', 'auditor'];

export const CONTRACT_GRANTS: readonly Grant[] = [
  ['signed_in', 'core.session.own', 'own_records'],
  ['signed_in', 'core.files.read', 'own_records'],
  ...ALL_ROLES.filter((role) => role !== 'auditor').map((role): Grant => [role, 'core.files.upload', 'own_records']),
  ['signed_in', 'core.notifications.read', 'own_records'],
  ['signed_in', 'core.notifications.write', 'own_records'],
  ...ALL_ROLES.flatMap((role) => READS.map((p): Grant => [role, p, 'region'])),
  ...['admin', 'director', 'auditor'].flatMap((role): Grant[] => [
    [role, 'core.audit.read', 'region'],
    [role, 'core.permissions.read', 'region'],
  ]),
  ...['admin', 'director'].flatMap((role): Grant[] => [
    [role, 'org.municipalities.write', 'region'],
    [role, 'org.product_areas.write', 'region'],
    [role, 'org.people.write', 'region'],
    [role, 'org.people.write_central', 'region'],
    [role, 'org.roles.appoint', 'region'],
    [role, 'org.roles.appoint_central', 'region'],
    [role, 'org.roles.appoint_officer', 'region'],
    [role, 'org.roles.appoint_local', 'region'],
  ]),
  ['staff', 'org.people.write', 'region'],
  ['chief_executive', 'org.people.write', 'own_municipality'],
  ['chief_executive', 'org.roles.appoint', 'own_municipality'],
  ['chief_executive', 'org.roles.appoint_officer', 'own_municipality'],
  ['officer', 'org.people.write', 'own_municipality'],
  ['officer', 'org.roles.appoint', 'own_municipality'],
  ['officer', 'org.roles.appoint_local', 'own_municipality'],
  ['admin', 'org.roles.appoint_admin', 'region'],
  ['admin', 'org.users.read', 'region'],
  ['admin', 'org.users.write', 'region'],
  ['signed_in', 'rules.values.read', 'region'],
  ['admin', 'rules.values.write', 'region'],
];

const WIDTH: Record<PermissionScope, number> = { own_records: 0, own_municipality_and_area: 1, own_municipality: 2, region: 3 };

/** The effective permissions of these role grants (all taken as in force), as the server would send them. */
export function permissionsFor(roles: readonly Pick<RoleGrant, 'role' | 'municipality' | 'product_area'>[]): SessionPermission[] {
  const byName = new Map<string, SessionPermission>();
  const holders = [{ role: 'signed_in', municipality: null, product_area: null }, ...roles];
  for (const held of holders) {
    for (const [role, name, scope] of CONTRACT_GRANTS) {
      if (role !== held.role) continue;
      const p = byName.get(name) ?? { name, scope, municipalities: [], product_areas: [] };
      if (WIDTH[scope] > WIDTH[p.scope]) p.scope = scope;
      if (scope === 'own_municipality' && held.municipality && !p.municipalities.includes(held.municipality)) p.municipalities.push(held.municipality);
      if (scope === 'own_municipality_and_area' && held.municipality && held.product_area)
        p.product_areas.push({ municipality: held.municipality, product_area: held.product_area });
      byName.set(name, p);
    }
  }
  // The widest scope wins; narrower lists are only sent for the scope that is sent.
  return [...byName.values()].map((p) => ({
    ...p,
    municipalities: p.scope === 'own_municipality' ? p.municipalities : [],
    product_areas: p.scope === 'own_municipality_and_area' ? p.product_areas : [],
  }));
}

/** One permission, for tests that spell the session's permissions out. */
export function permission(name: PermissionName, scope: PermissionScope, covers: { municipalities?: string[]; product_areas?: SessionPermission['product_areas'] } = {}): SessionPermission {
  return { name, scope, municipalities: covers.municipalities ?? [], product_areas: covers.product_areas ?? [] };
}

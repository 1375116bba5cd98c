// Authorization for the UI, decided by the server. The session carries the caller's effective
// permissions today (name, scope, and the municipalities or municipality × product area pairs the
// scope covers), computed by the server from its grant table (role → permission → scope). The UI
// does not know which role may do what: it asks `can(permission, target)` and hides what the
// caller cannot use, so nobody is offered a button that ends in 403. The server enforces every
// rule regardless.
import type { ReactNode } from 'react';
import { todayIso } from './format';
import { useSession, type RoleGrant, type RoleName, type Session, type SessionPermission } from './auth';

export type { RoleName };

/**
 * The permission names the web asks about (names only; who holds them comes from the server).
 * `<module>.<entity>.<verb>`, as in the server's permissions.h of each module.
 */
export const PERMISSION_NAMES = [
  'core.session.own',
  'core.audit.read',
  'core.permissions.read',
  'core.files.upload',
  'core.files.read',
  'core.notifications.read',
  'core.notifications.write',
  'org.municipalities.read',
  'org.municipalities.write',
  'org.product_areas.read',
  'org.product_areas.write',
  'org.people.read',
  'org.people.write',
  'org.people.write_central',
  'org.roles.read',
  'org.roles.appoint',
  'org.roles.appoint_admin',
  'org.roles.appoint_central',
  'org.roles.appoint_officer',
  'org.roles.appoint_local',
  'org.councils.read',
  'org.users.read',
  'org.users.write',
  'rules.values.read',
  'rules.values.write',
  'core.jobs.read',
  'core.jobs.run',
  'core.mail.read',
  'core.mail.send',
] as const;
export type PermissionName = (typeof PERMISSION_NAMES)[number];

/**
 * What an action is about. `municipality` is an organisation number, or null for an object that
 * belongs to no municipality (e.g. central staff), which only a region-wide scope covers. Leave
 * it out to ask "may the caller do this anywhere?" (to show a menu entry or a «Ny …» button).
 */
export type Target = { municipality?: string | null; productArea?: string | null };

/** Display only: the role names, in the order the UI lists them (filters, labels). */
export const ROLE_NAMES: readonly RoleName[] = [
  'admin', 'director', 'staff', 'chief_executive', 'officer', 'product_manager',
  'council_member', 'employee', 'auditor',
];

function inForce(grant: RoleGrant, today: string): boolean {
  return grant.valid_from <= today && (grant.valid_to === null || grant.valid_to >= today);
}

/** The role grants of the session that are in force today (to show the caller's roles). */
export function activeGrants(session: Session | null | undefined, today = todayIso()): RoleGrant[] {
  return (session?.roles ?? []).filter((g) => inForce(g, today));
}

function permissionOf(session: Session | null | undefined, name: PermissionName): SessionPermission | undefined {
  return (session?.permissions ?? []).find((p) => p.name === name);
}

/**
 * Whether the session may use `permission` on `target`:
 * - region: yes;
 * - own_municipality: the target's municipality is one of those listed (or no municipality given);
 * - own_municipality_and_area: the municipality × product area pair matches (either may be left out);
 * - own_records: yes (the UI asks it only about the caller's own things);
 * - a permission the caller lacks: no.
 */
export function can(session: Session | null | undefined, permission: PermissionName, target: Target = {}): boolean {
  const p = permissionOf(session, permission);
  if (!p) return false;
  const { municipality, productArea } = target;
  switch (p.scope) {
    case 'region':
    case 'own_records':
      return true;
    case 'own_municipality':
      if (municipality === undefined) return true;
      return municipality !== null && p.municipalities.includes(municipality);
    case 'own_municipality_and_area':
      if (municipality === null) return false;
      return p.product_areas.some(
        (pa) => (municipality === undefined || pa.municipality === municipality) && (productArea == null || pa.product_area === productArea),
      );
    default:
      // A scope this web does not know yet: let the server decide.
      return false;
  }
}

export function useAuthorization() {
  const { data: session } = useSession();
  return {
    session,
    can: (permission: PermissionName, target?: Target) => can(session, permission, target),
  };
}

type AuthorizationProps = {
  permission: PermissionName;
  municipality?: string | null;
  productArea?: string | null;
  children: ReactNode;
  forbiddenFallback?: ReactNode;
};

/** Renders children only when the session may use `permission` (on the municipality, if given). */
export function Authorization({ permission, municipality, productArea, children, forbiddenFallback = null }: AuthorizationProps) {
  const { can: allowed } = useAuthorization();
  const target: Target = {};
  if (municipality !== undefined) target.municipality = municipality;
  if (productArea !== undefined) target.productArea = productArea;
  return <>{allowed(permission, target) ? children : forbiddenFallback}</>;
}

// Declarative authorization for the UI. The server enforces every rule; the UI only hides
// what the user's roles cannot use, so nobody is offered a button that ends in 403.
import type { ReactNode } from 'react';
import { todayIso } from './format';
import { useSession, type RoleGrant, type RoleName, type Session } from './auth';

export type { RoleName };

export const ROLE_NAMES: readonly RoleName[] = [
  'admin', 'director', 'staff', 'chief_executive', 'officer', 'product_manager',
  'council_member', 'employee', 'auditor',
];

function inForce(grant: RoleGrant, today: string): boolean {
  return grant.valid_from <= today && (grant.valid_to === null || grant.valid_to >= today);
}

/** The role grants of the session that are in force today. */
export function activeGrants(session: Session | null | undefined, today = todayIso()): RoleGrant[] {
  return (session?.roles ?? []).filter((g) => inForce(g, today));
}

export function hasRole(session: Session | null | undefined, ...roles: RoleName[]): boolean {
  return activeGrants(session).some((g) => roles.includes(g.role));
}

export function hasRoleIn(session: Session | null | undefined, role: RoleName, municipality: string): boolean {
  return activeGrants(session).some((g) => g.role === role && g.municipality === municipality);
}

/** Per-object rules, mirroring the server (issue #2 §5, IA-5). */
export const POLICIES = {
  'municipalities:write': (s: Session | null | undefined) => hasRole(s, 'admin', 'director'),
  'product-areas:write': (s: Session | null | undefined) => hasRole(s, 'admin', 'director'),
  /** Region-wide for admin, director, staff; the chief executive and the officer in their own municipality. */
  'people:write': (s: Session | null | undefined, municipality?: string) =>
    hasRole(s, 'admin', 'director', 'staff') ||
    (municipality === undefined
      ? hasRole(s, 'chief_executive', 'officer')
      : hasRoleIn(s, 'chief_executive', municipality) || hasRoleIn(s, 'officer', municipality)),
  'users:manage': (s: Session | null | undefined) => hasRole(s, 'admin'),
  'audit:read': (s: Session | null | undefined) => hasRole(s, 'admin', 'director', 'auditor'),
  /** Everyone signed in may see who holds which role. */
  'roles:read': (s: Session | null | undefined) => !!s,
  /** An officer is appointed by the municipality's chief executive, the director or an admin. */
  'officer:appoint': (s: Session | null | undefined, municipality?: string) =>
    hasRole(s, 'admin', 'director') ||
    (municipality === undefined ? hasRole(s, 'chief_executive') : hasRoleIn(s, 'chief_executive', municipality)),
  /** A product manager is appointed by the municipality's officer (IA-5), the director or an admin. */
  'product-manager:appoint': (s: Session | null | undefined, municipality?: string) =>
    hasRole(s, 'admin', 'director') ||
    (municipality === undefined ? hasRole(s, 'officer') : hasRoleIn(s, 'officer', municipality)),
} as const;

export type Policy = keyof typeof POLICIES;

export function useAuthorization() {
  const { data: session } = useSession();
  return {
    session,
    hasRole: (...roles: RoleName[]) => hasRole(session, ...roles),
    can: (policy: Policy, municipality?: string) => POLICIES[policy](session, municipality),
  };
}

type AuthorizationProps = {
  children: ReactNode;
  forbiddenFallback?: ReactNode;
} & ({ allowedRoles: RoleName[]; policy?: never; municipality?: never } | { policy: Policy; municipality?: string; allowedRoles?: never });

/** Renders children only when the session has one of `allowedRoles` or passes `policy`. */
export function Authorization({ children, forbiddenFallback = null, ...rule }: AuthorizationProps) {
  const { session } = useAuthorization();
  const allowed = rule.allowedRoles
    ? hasRole(session, ...rule.allowedRoles)
    : POLICIES[rule.policy](session, rule.municipality);
  return <>{allowed ? children : forbiddenFallback}</>;
}

import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading } from '@/components/query-state';
import { useSession, useSignOutReason } from '@/lib/auth';
import { useAuthorization, type PermissionName } from '@/lib/authorization';
import { paths } from '@/lib/paths';
import { ForbiddenPage } from './routes/errors';

/** Signed-in routes: no session → login (returning here afterwards); must change password → do that first. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  const reason = useSignOutReason();
  if (session.isPending) return <Loading />;
  if (!session.data) {
    // After «Logg ut» go to a plain login page; otherwise come back here after signing in.
    if (reason === 'logout') return <Navigate to={paths.login} replace />;
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? paths.login : `${paths.login}?neste=${encodeURIComponent(next)}`} replace />;
  }
  if (session.data.user.must_change_password && location.pathname !== paths.changePassword) {
    return <Navigate to={paths.changePassword} replace />;
  }
  return <Outlet />;
}

/** Shows «no access» instead of a page the caller's permissions do not reach (anywhere). */
export function RequireAccess({ permission, children }: { permission: PermissionName; children: ReactNode }) {
  const { can } = useAuthorization();
  return can(permission) ? <>{children}</> : <ForbiddenPage />;
}

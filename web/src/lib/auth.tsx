// The session: who is signed in, with which roles and which permissions. The session endpoints
// live here (not in a feature) because the app shell, the route guards and every feature depend
// on them.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { ApiError, api, setCsrfToken } from './api-client';
import type { BodyOf, ResponseOf } from './api-types';
import { setServerToday } from './format';

export type Session = ResponseOf<'/api/auth/me', 'get'>;
/** One of the caller's effective permissions today, as /api/auth/me and the login answer send it. */
export type SessionPermission = Session['permissions'][number];
/** How far a permission reaches (the widest the caller has for it). */
export type PermissionScope = SessionPermission['scope'];
export type SessionUser = Session['user'];
export type RoleGrant = Session['roles'][number];
export type RoleName = RoleGrant['role'];
export type LoginInput = BodyOf<'/api/auth/login', 'post'>;

export const sessionQueryKey = ['auth', 'me'] as const;

// Why the last session ended, so the login page can say so: the user signed out, or a request
// got 401 in the middle of a session (expired). Cleared at the next sign-in.
export type SignOutReason = 'logout' | 'expired' | null;
let signOutReason: SignOutReason = null;
const reasonListeners = new Set<() => void>();
export function setSignOutReason(reason: SignOutReason): void {
  signOutReason = reason;
  reasonListeners.forEach((l) => l());
}
export function useSignOutReason(): SignOutReason {
  return useSyncExternalStore(
    (l) => {
      reasonListeners.add(l);
      return () => reasonListeners.delete(l);
    },
    () => signOutReason,
    () => signOutReason,
  );
}

/** GET /api/auth/me; null when not signed in (401). */
export async function getSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/api/auth/me');
    setCsrfToken(session.csrf_token);
    setServerToday(session.today);
    return session;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export const sessionQueryOptions = () =>
  queryOptions({ queryKey: sessionQueryKey, queryFn: getSession, staleTime: Infinity });

export function useSession() {
  return useQuery(sessionQueryOptions());
}

/** The signed-in session; only call below a route guard that ensures one. */
export function useRequiredSession(): Session {
  const { data } = useSession();
  if (!data) throw new Error('useRequiredSession used outside a signed-in route');
  return data;
}

export async function login(input: LoginInput): Promise<Session> {
  const session = await api.post<Session>('/api/auth/login', input);
  setCsrfToken(session.csrf_token);
  setServerToday(session.today);
  return session;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => {
      setSignOutReason(null);
      // Drop anything cached for a previous user before showing the new one's data.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}

export async function logout(): Promise<void> {
  try {
    await api.post<void>('/api/auth/logout');
  } finally {
    setCsrfToken(null);
  }
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      setSignOutReason('logout');
      queryClient.setQueryData(sessionQueryKey, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
    },
  });
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ResponseOf } from '@/lib/api-types';

/**
 * GET /api/permissions (needs core.permissions.read): every role, every permission of every
 * module, and the grant table role → permission → scope. `role` in a grant may also be
 * `signed_in` (every signed-in user).
 */
export type PermissionTable = ResponseOf<'/api/permissions', 'get'>;
export type PermissionInfo = PermissionTable['permissions'][number];

export const permissionsKey = ['permissions'] as const;

export function getPermissions(): Promise<PermissionTable> {
  return api.get<PermissionTable>('/api/permissions');
}

// The table changes only with a new server version.
export const getPermissionsQueryOptions = () => queryOptions({ queryKey: permissionsKey, queryFn: getPermissions, staleTime: Infinity });

export function usePermissions() {
  return useQuery(getPermissionsQueryOptions());
}

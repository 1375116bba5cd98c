import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ItemOf, QueryOf, ResponseOf } from '@/lib/api-types';

export type RoleAssignmentList = ResponseOf<'/api/roles', 'get'>;
export type RoleAssignment = ItemOf<RoleAssignmentList>;
export type RolesFilter = QueryOf<'/api/roles', 'get'>;

export const rolesKey = ['roles'] as const;

export const getRoles = (filter: RolesFilter = {}, signal?: AbortSignal) =>
  api.get<RoleAssignmentList>('/api/roles', filter, signal);

export const getRolesQueryOptions = (filter: RolesFilter = {}) =>
  queryOptions({ queryKey: [...rolesKey, filter], queryFn: ({ signal }) => getRoles(filter, signal) });

export function useRoles(filter: RolesFilter = {}, options: { enabled?: boolean } = {}) {
  return useQuery({ ...getRolesQueryOptions(filter), ...options });
}

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ItemOf, ResponseOf } from '@/lib/api-types';

export type AuditList = ResponseOf<'/api/audit', 'get'>;
export type AuditEntry = ItemOf<AuditList>;
export type AuditFilter = { entity?: string; user?: string; from?: string; to?: string };

export const AUDIT_PAGE_SIZE = 25;

export const getAudit = (filter: AuditFilter, offset: number, signal?: AbortSignal) =>
  api.get<AuditList>('/api/audit', { ...filter, limit: AUDIT_PAGE_SIZE, offset }, signal);

export const getAuditQueryOptions = (filter: AuditFilter, offset: number) =>
  queryOptions({
    queryKey: ['audit', filter, offset],
    queryFn: ({ signal }) => getAudit(filter, offset, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

export function useAudit(filter: AuditFilter, offset: number) {
  return useQuery(getAuditQueryOptions(filter, offset));
}

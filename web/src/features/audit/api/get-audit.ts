import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ItemOf, ResponseOf } from '@/lib/api-types';

export type AuditList = ResponseOf<'/api/audit', 'get'>;
export type AuditEntry = ItemOf<AuditList>;
export type AuditFilter = { entity?: string; user?: string; from?: string; to?: string };

export const AUDIT_PAGE_SIZE = 25;

export const getAudit = (filter: AuditFilter, page: number, signal?: AbortSignal) =>
  api.get<AuditList>('/api/audit', { ...filter, page, page_size: AUDIT_PAGE_SIZE }, signal);

export const getAuditQueryOptions = (filter: AuditFilter, page: number) =>
  queryOptions({
    queryKey: ['audit', filter, page],
    queryFn: ({ signal }) => getAudit(filter, page, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

export function useAudit(filter: AuditFilter, page: number) {
  return useQuery(getAuditQueryOptions(filter, page));
}

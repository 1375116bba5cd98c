import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ItemOf, QueryOf, ResponseOf } from '@/lib/api-types';

/** GET /api/rules/values (rules.values.read): the values in force on a date, or every row. */
export type LegalValues = ResponseOf<'/api/rules/values', 'get'>;
export type LegalValue = ItemOf<LegalValues>;
export type LegalValuesQuery = QueryOf<'/api/rules/values', 'get'>;

export const legalValuesKey = ['rules', 'values'] as const;

export const getLegalValues = (query: LegalValuesQuery = {}, signal?: AbortSignal) =>
  api.get<LegalValues>('/api/rules/values', query, signal);

export const getLegalValuesQueryOptions = (query: LegalValuesQuery = {}) =>
  queryOptions({ queryKey: [...legalValuesKey, query], queryFn: ({ signal }) => getLegalValues(query, signal) });

export function useLegalValues(query: LegalValuesQuery = {}) {
  return useQuery(getLegalValuesQueryOptions(query));
}

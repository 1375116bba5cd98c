import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ResponseOf } from '@/lib/api-types';

export type Health = ResponseOf<'/api/health', 'get'>;

export const getHealth = () => api.get<Health>('/api/health');

export const getHealthQueryOptions = () =>
  queryOptions({ queryKey: ['health'], queryFn: getHealth, staleTime: Infinity, retry: false });

export function useHealth() {
  return useQuery(getHealthQueryOptions());
}

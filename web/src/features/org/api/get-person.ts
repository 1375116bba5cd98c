import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ResponseOf } from '@/lib/api-types';
import { peopleKey } from './get-people';

export type PersonDetail = ResponseOf<'/api/people/{id}', 'get'>;

export const getPerson = (id: number) => api.get<PersonDetail>(`/api/people/${id}`);

export const getPersonQueryOptions = (id: number) =>
  queryOptions({ queryKey: [...peopleKey, 'detail', id], queryFn: () => getPerson(id) });

export function usePerson(id: number) {
  return useQuery(getPersonQueryOptions(id));
}

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ItemOf, ResponseOf } from '@/lib/api-types';
import { sortNb } from '@/lib/format';

export type PersonList = ResponseOf<'/api/people', 'get'>;
export type Person = ItemOf<PersonList>;
export type PeopleFilter = { q?: string; municipality?: string };

export const peopleKey = ['people'] as const;

export async function getPeople(filter: PeopleFilter = {}, signal?: AbortSignal): Promise<PersonList> {
  const list = await api.get<PersonList>('/api/people', { q: filter.q?.trim(), municipality: filter.municipality }, signal);
  return { ...list, items: sortNb(list.items, (p) => p.name) };
}

export const getPeopleQueryOptions = (filter: PeopleFilter = {}) =>
  queryOptions({
    queryKey: [...peopleKey, { q: filter.q?.trim() ?? '', municipality: filter.municipality ?? '' }],
    queryFn: ({ signal }) => getPeople(filter, signal),
    placeholderData: keepPreviousData,
  });

export function usePeople(filter: PeopleFilter = {}) {
  return useQuery(getPeopleQueryOptions(filter));
}

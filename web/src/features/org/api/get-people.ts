import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ItemOf, ResponseOf } from '@/lib/api-types';

export type PersonList = ResponseOf<'/api/people', 'get'>;
export type Person = ItemOf<PersonList>;
/** The list's filters and page; the server orders (Norwegian order, or by search rank with `q`). */
export type PeopleFilter = { q?: string; municipality?: string; page?: number; page_size?: number };

export const peopleKey = ['people'] as const;
export const PEOPLE_PAGE_SIZE = 50;
/** For pickers that list everyone in one select: the server's largest page. */
export const PEOPLE_PICKER_SIZE = 500;

const query = (filter: PeopleFilter) => ({
  q: filter.q?.trim() || undefined,
  municipality: filter.municipality || undefined,
  page: filter.page ?? 1,
  page_size: filter.page_size ?? PEOPLE_PAGE_SIZE,
});

export const getPeople = (filter: PeopleFilter = {}, signal?: AbortSignal): Promise<PersonList> =>
  api.get<PersonList>('/api/people', query(filter), signal);

export const getPeopleQueryOptions = (filter: PeopleFilter = {}) =>
  queryOptions({
    queryKey: [...peopleKey, query(filter)],
    queryFn: ({ signal }) => getPeople(filter, signal),
    placeholderData: keepPreviousData,
  });

export function usePeople(filter: PeopleFilter = {}) {
  return useQuery(getPeopleQueryOptions(filter));
}

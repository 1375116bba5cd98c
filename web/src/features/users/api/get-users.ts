import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ItemOf, ResponseOf } from '@/lib/api-types';

export type UserList = ResponseOf<'/api/users', 'get'>;
export type UserAccount = ItemOf<UserList>;

export const usersKey = ['users'] as const;
export const USERS_PAGE_SIZE = 50;

/** One page of accounts, ordered by username by the server. */
export const getUsers = (page: number, signal?: AbortSignal): Promise<UserList> =>
  api.get<UserList>('/api/users', { page, page_size: USERS_PAGE_SIZE }, signal);

export const getUsersQueryOptions = (page = 1) =>
  queryOptions({ queryKey: [...usersKey, page], queryFn: ({ signal }) => getUsers(page, signal), placeholderData: keepPreviousData });

export function useUsers(page = 1) {
  return useQuery(getUsersQueryOptions(page));
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ItemOf, ResponseOf } from '@/lib/api-types';
import { sortNb } from '@/lib/format';

export type UserList = ResponseOf<'/api/users', 'get'>;
export type UserAccount = ItemOf<UserList>;

export const usersKey = ['users'] as const;

export async function getUsers(): Promise<UserList> {
  const list = await api.get<UserList>('/api/users');
  return { ...list, items: sortNb(list.items, (u) => u.username) };
}

export const getUsersQueryOptions = () => queryOptions({ queryKey: usersKey, queryFn: getUsers });

export function useUsers() {
  return useQuery(getUsersQueryOptions());
}

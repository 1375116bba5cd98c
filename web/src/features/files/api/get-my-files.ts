import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ItemOf, ResponseOf } from '@/lib/api-types';

export type MyFiles = ResponseOf<'/api/files', 'get'>;
export type MyFile = ItemOf<MyFiles>;

export const MY_FILES_PAGE_SIZE = 25;
export const myFilesKey = ['files', 'mine'] as const;

export const getMyFiles = (page: number, signal?: AbortSignal) =>
  api.get<MyFiles>('/api/files', { mine: true, page, page_size: MY_FILES_PAGE_SIZE }, signal);

export const getMyFilesQueryOptions = (page: number) =>
  queryOptions({
    queryKey: [...myFilesKey, page],
    queryFn: ({ signal }) => getMyFiles(page, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

export function useMyFiles(page: number) {
  return useQuery(getMyFilesQueryOptions(page));
}

import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { BodyOf, ItemOf, ResponseOf } from '@/lib/api-types';

export type Outbox = ResponseOf<'/api/mail/outbox', 'get'>;
export type OutboxMail = ItemOf<Outbox>;
export type OutboxState = OutboxMail['state'];
export type TestMailBody = BodyOf<'/api/mail/test', 'post'>;

export const OUTBOX_PAGE_SIZE = 25;

export const getOutbox = (state: OutboxState | '', page: number, signal?: AbortSignal) =>
  api.get<Outbox>('/api/mail/outbox', { state: state || undefined, page, page_size: OUTBOX_PAGE_SIZE }, signal);

export const getOutboxQueryOptions = (state: OutboxState | '', page: number) =>
  queryOptions({
    queryKey: ['outbox', state, page],
    queryFn: ({ signal }) => getOutbox(state, page, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

export function useOutbox(state: OutboxState | '', page: number) {
  return useQuery(getOutboxQueryOptions(state, page));
}

/** Puts a test mail in the outbox (the job core.send_mail sends it). */
export const sendTestMail = (body: TestMailBody) => api.post<OutboxMail>('/api/mail/test', body);

export function useSendTestMail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendTestMail,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['outbox'] }),
  });
}

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ItemOf, ResponseOf } from '@/lib/api-types';

export type NotificationList = ResponseOf<'/api/notifications', 'get'>;
export type Notification = ItemOf<NotificationList>;

export const NOTIFICATIONS_PAGE_SIZE = 20;
/** How often the bell asks for the unread count (it also asks when the window gets focus). */
export const BELL_POLL_MS = 60_000;

export const notificationsKey = ['notifications'] as const;

export const getNotifications = (page: number, unreadOnly: boolean, pageSize: number, signal?: AbortSignal) =>
  api.get<NotificationList>('/api/notifications', { page, page_size: pageSize, unread: unreadOnly ? true : undefined }, signal);

export const getNotificationsQueryOptions = (page: number, unreadOnly: boolean) =>
  queryOptions({
    queryKey: [...notificationsKey, 'list', page, unreadOnly],
    queryFn: ({ signal }) => getNotifications(page, unreadOnly, NOTIFICATIONS_PAGE_SIZE, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

export function useNotifications(page: number, unreadOnly: boolean) {
  return useQuery(getNotificationsQueryOptions(page, unreadOnly));
}

/** The unread count for the bell: one small page, polled every minute and on window focus. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: [...notificationsKey, 'unread'],
    queryFn: ({ signal }) => getNotifications(1, true, 1, signal),
    select: (d) => d.unread,
    enabled,
    staleTime: 0,
    refetchInterval: BELL_POLL_MS,
    refetchOnWindowFocus: true,
  });
}

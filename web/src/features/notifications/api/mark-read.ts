import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ResponseOf } from '@/lib/api-types';
import { notificationsKey } from './get-notifications';

type Marked = ResponseOf<'/api/notifications/{id}/read', 'post'>;
type Confirmed = ResponseOf<'/api/notifications/{id}/confirm', 'post'>;
type MarkedAll = ResponseOf<'/api/notifications/read-all', 'post'>;

export const markRead = (id: number) => api.post<Marked>(`/api/notifications/${id}/read`);
export const confirmNotification = (id: number) => api.post<Confirmed>(`/api/notifications/${id}/confirm`);
export const markAllRead = () => api.post<MarkedAll>('/api/notifications/read-all');

function useNotificationMutation<A, R>(fn: (a: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export const useMarkRead = () => useNotificationMutation(markRead);
export const useConfirmNotification = () => useNotificationMutation(confirmNotification);
export const useMarkAllRead = () => useNotificationMutation(markAllRead);

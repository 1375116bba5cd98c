import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { BodyOf, ItemOf, ResponseOf } from '@/lib/api-types';

export type SettingsList = ResponseOf<'/api/notifications/settings', 'get'>;
export type NotificationSetting = ItemOf<SettingsList>;
export type EmailMode = NotificationSetting['email'];
export type SettingsBody = BodyOf<'/api/notifications/settings', 'put'>;

export const EMAIL_MODES: EmailMode[] = ['off', 'immediate', 'digest'];

export const settingsKey = ['notifications-settings'] as const;

export const getSettingsQueryOptions = () =>
  queryOptions({
    queryKey: settingsKey,
    queryFn: ({ signal }) => api.get<SettingsList>('/api/notifications/settings', undefined, signal),
  });

export const useNotificationSettings = () => useQuery(getSettingsQueryOptions());

export const updateSettings = (body: SettingsBody) => api.put<SettingsList>('/api/notifications/settings', body);

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSettings,
    onSuccess: (data) => queryClient.setQueryData(settingsKey, data),
  });
}

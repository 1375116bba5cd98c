import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ResponseOf } from '@/lib/api-types';
import { usersKey } from './get-users';

type Result = ResponseOf<'/api/users/{id}/activate', 'post'>;

/** Re-activates a deactivated account. */
export const activateUser = (id: number) => api.post<Result>(`/api/users/${id}/activate`);

export function useActivateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: activateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

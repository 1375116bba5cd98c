import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ResponseOf } from '@/lib/api-types';
import { usersKey } from './get-users';

type Result = ResponseOf<'/api/users/{id}/deactivate', 'post'>;

/** Deactivates the account: it can no longer sign in, and its sessions end. */
export const deactivateUser = (id: number) => api.post<Result>(`/api/users/${id}/deactivate`);

export function useDeactivateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deactivateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

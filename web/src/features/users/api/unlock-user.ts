import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ResponseOf } from '@/lib/api-types';
import { usersKey } from './get-users';

type Result = ResponseOf<'/api/users/{id}/unlock', 'post'>;

/** Releases a lockout after too many failed sign-ins. */
export const unlockUser = (id: number) => api.post<Result>(`/api/users/${id}/unlock`);

export function useUnlockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unlockUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

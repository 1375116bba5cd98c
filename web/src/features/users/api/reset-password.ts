import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ResponseOf } from '@/lib/api-types';
import { usersKey } from './get-users';

type Result = ResponseOf<'/api/users/{id}/reset-password', 'post'>;

/** Sets a temporary password; the user must change it at the next sign-in. */
export const resetPassword = ({ id, newPassword }: { id: number; newPassword: string }) =>
  api.post<Result>(`/api/users/${id}/reset-password`, { new_password: newPassword });

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

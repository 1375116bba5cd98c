import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { BodyOf } from '@/lib/api-types';
import { sessionQueryKey } from '@/lib/auth';

export type ChangePasswordInput = BodyOf<'/api/auth/password', 'post'>;

export const changePassword = (input: ChangePasswordInput) => api.post<void>('/api/auth/password', input);

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    // must_change_password is now false: fetch the session again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { BodyOf, ResponseOf } from '@/lib/api-types';
import { usersKey } from './get-users';

export type CreateUserInput = BodyOf<'/api/users', 'post'>;
type Created = ResponseOf<'/api/users', 'post'>;

export const createUser = (input: CreateUserInput) => api.post<Created>('/api/users', input);

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { BodyOf, ResponseOf } from '@/lib/api-types';
import { peopleKey } from './get-people';

export type CreatePersonInput = BodyOf<'/api/people', 'post'>;
type Created = ResponseOf<'/api/people', 'post'>;

export const createPerson = (input: CreatePersonInput) => api.post<Created>('/api/people', input);

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPerson,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKey }),
  });
}

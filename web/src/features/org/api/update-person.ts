import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { BodyOf, ResponseOf } from '@/lib/api-types';
import { peopleKey } from './get-people';

export type UpdatePersonInput = BodyOf<'/api/people/{id}', 'patch'>;
type Updated = ResponseOf<'/api/people/{id}', 'patch'>;

export const updatePerson = ({ id, patch }: { id: number; patch: UpdatePersonInput }) =>
  api.patch<Updated>(`/api/people/${id}`, patch);

export function useUpdatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePerson,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKey }),
  });
}

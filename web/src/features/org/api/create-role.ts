import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { BodyOf, ResponseOf } from '@/lib/api-types';
import { municipalitiesKey } from './get-municipalities';
import { rolesKey } from './get-roles';
import { councilsKey } from './get-councils';

export type CreateRoleInput = BodyOf<'/api/roles', 'post'>;
type Created = ResponseOf<'/api/roles', 'post'>;

/** Appoints a person to a role. Appointing an officer ends the previous one the day before. */
export const createRole = (input: CreateRoleInput) => api.post<Created>('/api/roles', input);

export function useCreateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRole,
    // Officers show on municipalities and make up the procurement council.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: rolesKey }),
        queryClient.invalidateQueries({ queryKey: municipalitiesKey }),
        queryClient.invalidateQueries({ queryKey: councilsKey }),
      ]),
  });
}

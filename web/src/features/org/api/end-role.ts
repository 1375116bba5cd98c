import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ResponseOf } from '@/lib/api-types';
import { municipalitiesKey } from './get-municipalities';
import { rolesKey } from './get-roles';
import { councilsKey } from './get-councils';

type Ended = ResponseOf<'/api/roles/{id}/end', 'post'>;

/** Ends an assignment; `validTo` is its last day (YYYY-MM-DD). */
export const endRole = ({ id, validTo }: { id: number; validTo: string }) =>
  api.post<Ended>(`/api/roles/${id}/end`, { valid_to: validTo });

export function useEndRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: endRole,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: rolesKey }),
        queryClient.invalidateQueries({ queryKey: municipalitiesKey }),
        queryClient.invalidateQueries({ queryKey: councilsKey }),
      ]),
  });
}

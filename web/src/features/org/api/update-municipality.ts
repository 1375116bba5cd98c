import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { BodyOf, ResponseOf } from '@/lib/api-types';
import { municipalitiesKey } from './get-municipalities';

export type UpdateMunicipalityInput = BodyOf<'/api/municipalities/{orgnr}', 'patch'>;
type Updated = ResponseOf<'/api/municipalities/{orgnr}', 'patch'>;

/** JSON merge patch: only the fields given change; null clears a date. */
export const updateMunicipality = ({ orgnr, patch }: { orgnr: string; patch: UpdateMunicipalityInput }) =>
  api.patch<Updated>(`/api/municipalities/${encodeURIComponent(orgnr)}`, patch);

export function useUpdateMunicipality() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMunicipality,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: municipalitiesKey }),
  });
}

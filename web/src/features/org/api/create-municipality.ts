import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { BodyOf, ResponseOf } from '@/lib/api-types';
import { municipalitiesKey } from './get-municipalities';

export type CreateMunicipalityInput = BodyOf<'/api/municipalities', 'post'>;
type Created = ResponseOf<'/api/municipalities', 'post'>;

export const createMunicipality = (input: CreateMunicipalityInput) =>
  api.post<Created>('/api/municipalities', input);

export function useCreateMunicipality() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMunicipality,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: municipalitiesKey }),
  });
}

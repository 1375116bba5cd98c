import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ResponseOf } from '@/lib/api-types';
import { municipalitiesKey } from './get-municipalities';

type Result = ResponseOf<'/api/municipalities/{orgnr}/make-host', 'post'>;

/** Moves the host role to this municipality (admin, director). */
export const makeHost = (orgnr: string) =>
  api.post<Result>(`/api/municipalities/${encodeURIComponent(orgnr)}/make-host`);

export function useMakeHost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: makeHost,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: municipalitiesKey }),
  });
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ResponseOf } from '@/lib/api-types';
import { municipalitiesKey } from './get-municipalities';

export type MunicipalityDetail = ResponseOf<'/api/municipalities/{orgnr}', 'get'>;

export const getMunicipality = (orgnr: string) =>
  api.get<MunicipalityDetail>(`/api/municipalities/${encodeURIComponent(orgnr)}`);

export const getMunicipalityQueryOptions = (orgnr: string) =>
  queryOptions({ queryKey: [...municipalitiesKey, orgnr], queryFn: () => getMunicipality(orgnr) });

export function useMunicipality(orgnr: string) {
  return useQuery(getMunicipalityQueryOptions(orgnr));
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ItemOf, ResponseOf } from '@/lib/api-types';
import { sortNb } from '@/lib/format';

export type MunicipalityList = ResponseOf<'/api/municipalities', 'get'>;
export type Municipality = ItemOf<MunicipalityList>;

export const municipalitiesKey = ['municipalities'] as const;

export async function getMunicipalities(): Promise<MunicipalityList> {
  const list = await api.get<MunicipalityList>('/api/municipalities');
  return { ...list, items: sortNb(list.items, (m) => m.name) };
}

export const getMunicipalitiesQueryOptions = () =>
  queryOptions({ queryKey: municipalitiesKey, queryFn: getMunicipalities });

export function useMunicipalities() {
  return useQuery(getMunicipalitiesQueryOptions());
}

/** orgnr → name, for showing municipality names next to people and roles. */
export function municipalityNames(list: MunicipalityList | undefined): Map<string, string> {
  return new Map((list?.items ?? []).map((m) => [m.orgnr, m.name]));
}

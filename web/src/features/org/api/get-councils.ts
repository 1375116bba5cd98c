import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ItemOf, ResponseOf } from '@/lib/api-types';
import { sortNb } from '@/lib/format';

export type CouncilList = ResponseOf<'/api/councils', 'get'>;
export type Council = ItemOf<CouncilList>;

export const councilsKey = ['councils'] as const;

export async function getCouncils(): Promise<CouncilList> {
  const list = await api.get<CouncilList>('/api/councils');
  return { ...list, items: list.items.map((c) => ({ ...c, members: sortNb(c.members, (m) => m.name) })) };
}

export const getCouncilsQueryOptions = () => queryOptions({ queryKey: councilsKey, queryFn: getCouncils });

export function useCouncils() {
  return useQuery(getCouncilsQueryOptions());
}

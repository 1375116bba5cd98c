import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ItemOf, ResponseOf } from '@/lib/api-types';
import { sortNb } from '@/lib/format';
import type { Lang } from '@/lib/i18n';

export type ProductAreaList = ResponseOf<'/api/product-areas', 'get'>;
export type ProductArea = ItemOf<ProductAreaList>;

export const productAreasKey = ['product-areas'] as const;

export async function getProductAreas(): Promise<ProductAreaList> {
  const list = await api.get<ProductAreaList>('/api/product-areas');
  return { ...list, items: sortNb(list.items, (p) => p.name_nb) };
}

export const getProductAreasQueryOptions = () =>
  queryOptions({ queryKey: productAreasKey, queryFn: getProductAreas, staleTime: 5 * 60_000 });

export function useProductAreas() {
  return useQuery(getProductAreasQueryOptions());
}

export function productAreaName(area: ProductArea | undefined, lang: Lang, fallback = ''): string {
  if (!area) return fallback;
  return lang === 'en' ? area.name_en || area.name_nb : area.name_nb;
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { BodyOf, ResponseOf } from '@/lib/api-types';
import { productAreasKey } from './get-product-areas';

export type CreateProductAreaInput = BodyOf<'/api/product-areas', 'post'>;
type Created = ResponseOf<'/api/product-areas', 'post'>;

export const createProductArea = (input: CreateProductAreaInput) => api.post<Created>('/api/product-areas', input);

export function useCreateProductArea() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProductArea,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: productAreasKey }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { BodyOf, ResponseOf } from '@/lib/api-types';
import { legalValuesKey } from './get-legal-values';

/** POST /api/rules/values (rules.values.write): a new value, or a correction (supersedes + reason). */
export type AddLegalValueInput = BodyOf<'/api/rules/values', 'post'>;
type Added = ResponseOf<'/api/rules/values', 'post'>;

export const addLegalValue = (input: AddLegalValueInput) => api.post<Added>('/api/rules/values', input);

export function useAddLegalValue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addLegalValue,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: legalValuesKey }),
  });
}

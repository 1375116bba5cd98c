import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { BodyOf, ResponseOf } from '@/lib/api-types';

/** POST /api/rules/assess: which part of the regulation applies, publication, procedures, reasons. */
export type AssessInput = BodyOf<'/api/rules/assess', 'post'>;
export type Assessment = ResponseOf<'/api/rules/assess', 'post'>;
export const assess = (input: AssessInput) => api.post<Assessment>('/api/rules/assess', input);
export const useAssess = () => useMutation({ mutationFn: assess });

/** POST /api/rules/standstill: the standstill period's last day. */
export type StandstillInput = BodyOf<'/api/rules/standstill', 'post'>;
export type Standstill = ResponseOf<'/api/rules/standstill', 'post'>;
export const standstill = (input: StandstillInput) => api.post<Standstill>('/api/rules/standstill', input);
export const useStandstill = () => useMutation({ mutationFn: standstill });

/** POST /api/rules/deadline: the last day of a period of N days. */
export type DeadlineInput = BodyOf<'/api/rules/deadline', 'post'>;
export type Deadline = ResponseOf<'/api/rules/deadline', 'post'>;
export const deadline = (input: DeadlineInput) => api.post<Deadline>('/api/rules/deadline', input);
export const useDeadline = () => useMutation({ mutationFn: deadline });

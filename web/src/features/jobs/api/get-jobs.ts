import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ItemOf, ResponseOf } from '@/lib/api-types';

export type JobList = ResponseOf<'/api/jobs', 'get'>;
export type Job = ItemOf<JobList>;
export type JobRun = ResponseOf<'/api/jobs/{name}/run', 'post'>;

export const jobsKey = ['jobs'] as const;

export const getJobs = (signal?: AbortSignal) => api.get<JobList>('/api/jobs', undefined, signal);

export const getJobsQueryOptions = () =>
  queryOptions({ queryKey: jobsKey, queryFn: ({ signal }) => getJobs(signal), staleTime: 0 });

export function useJobs() {
  return useQuery(getJobsQueryOptions());
}

/** Runs a job now (the answer comes when it has finished). */
export const runJob = (name: string) => api.post<JobRun>(`/api/jobs/${encodeURIComponent(name)}/run`);

export function useRunJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runJob,
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: jobsKey }), queryClient.invalidateQueries({ queryKey: ['outbox'] })]),
  });
}

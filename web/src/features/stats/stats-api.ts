/**
 * The statistics API as the screens read it: one query-key factory and one hook per endpoint, typed by the shared
 * contract (common/contracts/stats.ts), so a change to a figure's shape on the server fails the type check here.
 * @module
 */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dashboard, Definitions, Records, RegionList, RegionScheme, ReportJob, ReportRequest, Summary } from '@common/contracts/stats';
import { api } from '../../api/client';
import { queryOf } from './format';
import type { StatsQuery } from './useStatsQuery';

const FINISHED: ReportJob['status'][] = ['done', 'failed', 'expired'];

/** Query keys of the statistics screens; names are in the reader's language, so it is part of each key. */
export const statsKeys = {
  all: ['stats'] as const,
  dashboard: (query: StatsQuery, lang: string) => [...statsKeys.all, 'dashboard', query, lang] as const,
  records: (query: StatsQuery, page: number, lang: string) => [...statsKeys.all, 'records', query, page, lang] as const,
  regions: (year: number, scheme: RegionScheme, lang: string) => [...statsKeys.all, 'by-region', scheme, year, lang] as const,
  summary: (year: number) => [...statsKeys.all, 'public-summary', year] as const,
  definitions: (lang: string) => [...statsKeys.all, 'definitions', lang] as const,
  report: (id: string | null) => [...statsKeys.all, 'report', id] as const,
};

/** The dashboard under the filters of the address (the previous figures stay shown while the next load). */
export function useDashboard(query: StatsQuery) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: statsKeys.dashboard(query, i18n.language),
    queryFn: () => api.get<Dashboard>('/api/stats/dashboard', queryOf(query)),
    placeholderData: keepPreviousData,
  });
}

/** The aid records behind a figure, 50 a page. */
export function useRecords(query: StatsQuery, page: number) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: statsKeys.records(query, page, i18n.language),
    queryFn: () => api.get<Records>('/api/stats/records', { ...queryOf(query), page, pageSize: 50 }),
    placeholderData: keepPreviousData,
  });
}

/** One year's figures by region in a scheme (the public figures). */
export function useRegions(year: number, scheme: RegionScheme, enabled = true) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: statsKeys.regions(year, scheme, i18n.language),
    queryFn: () => api.get<RegionList>('/api/public/stats/by-region', { from: year, to: year, scheme }),
    enabled,
  });
}

/** A year's public national summary. */
export function usePublicSummary(year: number) {
  return useQuery({
    queryKey: statsKeys.summary(year),
    queryFn: () => api.get<Summary>('/api/public/stats/summary', { year }),
  });
}

/** What each figure counts, in the reader's language. */
export function useDefinitions() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: statsKeys.definitions(i18n.language),
    queryFn: () => api.get<Definitions>('/api/public/stats/definitions'),
  });
}

/** Queues an official report; its job id comes back. */
export function useRequestReport(onQueued: (jobId: string) => void) {
  return useMutation({
    mutationFn: (body: ReportRequest) => api.post<{ jobId: string }>('/api/stats/reports', body),
    onSuccess: (data) => onQueued(data.jobId),
  });
}

/** A report job, polled every second until it is finished. */
export function useReportJob(jobId: string | null) {
  return useQuery({
    queryKey: statsKeys.report(jobId),
    queryFn: () => api.get<ReportJob>(`/api/stats/reports/${jobId}`),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data && FINISHED.includes(q.state.data.status) ? false : 1000),
  });
}

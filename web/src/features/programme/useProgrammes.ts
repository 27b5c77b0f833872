import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Programme } from './types';

/** The programmes with their full content (public), cached for the session: priority names for every screen. */
export function useProgrammes() {
  return useQuery({
    queryKey: ['programmes'],
    queryFn: async () => {
      const list = await api.get<{ items: { code: string }[] }>('/api/public/programmes');
      return Promise.all(list.items.map((p) => api.get<Programme>(`/api/public/programmes/${p.code}`)));
    },
    staleTime: 60_000,
  });
}

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Definition } from './types';

/** The definitions, as the server states them (src/domain/statistics/definitions.ts). */
export function Definitions() {
  const { t, i18n } = useTranslation('stats');
  const defs = useQuery({
    queryKey: ['stats', 'definitions', i18n.language],
    queryFn: () => api.get<{ items: Definition[] }>('/api/public/stats/definitions'),
  });
  return (
    <section className="card" id="definitions">
      <h2>{t('sections.definitions')}</h2>
      <dl className="stats-definitions">
        {defs.data?.items.map((d) => (
          <div key={d.id}>
            <dt>{d.term}</dt>
            <dd>{d.text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { useDefinitions } from './stats-api';

/** The definitions, as the server states them (src/domain/statistics/definitions.ts). */
export function Definitions() {
  const { t } = useTranslation('stats');
  const defs = useDefinitions();
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

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import type { HistoryEntry } from './registry-api';
import { formatDate, formatMoment } from '@common/format/date';

/** A legal ground code (suspension, termination) in words; free text as typed. */
function useGround() {
  const { t, i18n } = useTranslation('registry');
  return (ground: string | null) => (ground && i18n.exists(`registry:grounds.${ground}`) ? t(`grounds.${ground}`) : (ground ?? ''));
}

/** The organisation's timeline: certificate decisions and (for managers) audited changes, newest first. */
export function HistoryTimeline({ organisationId, version }: { organisationId: string; version: string }) {
  const { t, i18n } = useTranslation('registry');
  const ground = useGround();
  const history = useQuery({
    queryKey: ['organisation-history', organisationId, version],
    queryFn: () => api.get<{ items: HistoryEntry[] }>(`/api/organisations/${organisationId}/history`),
  });
  const when = (entry: HistoryEntry) => (entry.kind === 'decision' ? formatDate(entry.at) : formatMoment(entry.at));
  return (
    <section className="card">
      <h2>{t('history.title')}</h2>
      <ErrorNotice error={history.error} />
      {history.isLoading && <Loading />}
      {history.data?.items.length === 0 && <EmptyState message={t('history.empty')} />}
      <ol className="registry-timeline">
        {history.data?.items.map((entry, i) => (
          <li key={i} className={`registry-timeline-${entry.kind}`}>
            <time>{when(entry)}</time>
            {entry.kind === 'decision' ? (
              <div>
                <strong>{t(`events.${entry.event}`)}</strong> — {entry.certificateNumber}
                <div>{t('history.decision', { number: entry.decisionNumber, date: formatDate(entry.decisionDate) })}</div>
                <div className="muted">{t('history.ground', { ground: ground(entry.legalGround) })}</div>
                {entry.note && <div className="muted">{entry.note}</div>}
              </div>
            ) : (
              <div>
                <span className="badge">{t('history.audit')}</span> <code>{entry.action}</code>
                <div className="muted">{t('history.by', { actor: entry.actor })}</div>
                {entry.changedFields.length > 0 && (
                  <div>
                    {t('history.changed', {
                      fields: entry.changedFields.map((f) => (i18n.exists(`registry:fields.${f}`) ? t(`fields.${f}`) : f)).join(', '),
                    })}
                  </div>
                )}
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

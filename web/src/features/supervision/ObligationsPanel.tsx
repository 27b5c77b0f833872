import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '@common/format/date';
import { useReferenceList } from '../../api/reference';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { ObligationActions } from './ObligationActions';
import { ObligationBadge } from './ObligationBadge';
import { fetchObligations, type Obligation } from './supervision-api';

/** What an obligation is about: its kind, with the report year or the province the plan is addressed to. */
function useSubject() {
  const { t, i18n } = useTranslation('supervision');
  const new34 = useReferenceList('provincesNew34');
  const old63 = useReferenceList('provincesOld63');
  const names = new Map([...(new34.data ?? []), ...(old63.data ?? [])].map((p) => [p.id, i18n.language === 'en' ? p.nameEn : p.nameVi]));
  return (o: Obligation) => {
    const extra = o.year ? t('year', { year: o.year }) : o.provinceId ? (names.get(o.provinceId) ?? o.provinceId) : null;
    return extra ? `${t(`kinds.${o.kind}`)} — ${extra}` : t(`kinds.${o.kind}`);
  };
}

/**
 * An organisation's obligations with their due dates, status, legal basis and what was recorded, the score with
 * its formula, and the actions the signed-in user may take (the NGO fulfils, central waives).
 */
export function ObligationsPanel({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation('supervision');
  const subject = useSubject();
  const query = useQuery({ queryKey: ['obligations', organisationId], queryFn: () => fetchObligations(organisationId) });
  if (query.isLoading) return <Loading />;
  if (query.error || !query.data) return <ErrorNotice error={query.error} />;
  const { items, score } = query.data;
  return (
    <>
      <p data-testid="obligation-score">
        <strong>{t('score.label')}:</strong> {t('score.value', { score: score.score })} · {t('score.late', { count: score.late })} ·{' '}
        {t('score.doneLate', { count: score.doneLate })}
      </p>
      <p className="hint">{t('score.formula')}</p>
      {items.length === 0 && <EmptyState message={t('empty')} />}
      {items.length > 0 && (
        <div className="table-wrap">
          <table data-testid="obligations">
            <caption className="sr-only">{t('title')}</caption>
            <thead>
              <tr>
                <th>{t('columns.kind')}</th>
                <th>{t('columns.certificate')}</th>
                <th>{t('columns.dueDate')}</th>
                <th>{t('columns.status')}</th>
                <th>{t('columns.doneOn')}</th>
                <th>{t('columns.legalBasis')}</th>
                <th>{t('columns.record')}</th>
                <th>{t('columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((o) => (
                <tr key={o.key} data-kind={o.kind} data-province={o.provinceId ?? ''}>
                  <td>
                    {subject(o)}
                    {o.kind === 'INACTIVITY_REVIEW' && o.evidence && (
                      <small className="muted">
                        <br />
                        {t('evidence', o.evidence)}
                      </small>
                    )}
                    {o.kind === 'INACTIVITY_REVIEW' && o.status === 'LATE' && (
                      <small>
                        <br />
                        <span className="badge bad">{t('inactivityAlert')}</span>{' '}
                        <Link to={`/organisations/${organisationId}`}>{t('startTermination')}</Link>
                      </small>
                    )}
                  </td>
                  <td>{o.certificateNumber ?? '—'}</td>
                  <td>{formatDate(o.dueDate)}</td>
                  <td>
                    <ObligationBadge status={o.status} />
                  </td>
                  <td>{o.doneOn ? formatDate(o.doneOn) : '—'}</td>
                  <td>
                    <small>{o.legalBasis}</small>
                  </td>
                  <td>
                    {o.record && (
                      <small>
                        {t('recordedBy', { by: o.record.recordedBy })}
                        {o.record.reason && (
                          <>
                            <br />
                            {t('waivedBecause', { reason: o.record.reason })}
                          </>
                        )}
                        {o.record.note && (
                          <>
                            <br />
                            {o.record.note}
                          </>
                        )}
                        {o.record.documentUrl && (
                          <>
                            <br />
                            <a href={o.record.documentUrl}>{t('document')}</a>
                          </>
                        )}
                      </small>
                    )}
                  </td>
                  <td>
                    <ObligationActions organisationId={organisationId} obligation={o} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { Pagination } from '../../components/Pagination';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { ClockBadge } from './Badges';
import { ProceduresNav } from './ProceduresNav';
import type { Consultation, Page } from './types';
import { useLocalized } from './useLocalized';

type Item = Consultation & { dossierId: string; dossierCode: string | null; organisationName: string; procedureCode: string };

/** A consulted agency's requests for opinions, with due dates and the answer form. */
export function ConsultationsPage() {
  const { t } = useTranslation('procedures');
  const { t: tc } = useTranslation('caseFile');
  const l = useLocalized();
  const [status, setStatus] = useState<'PENDING' | ''>('PENDING');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['consultations', status, page],
    queryFn: () => api.get<Page<Item>>('/api/consultations', { status, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="stack">
      <ProceduresNav />
      <section className="card">
        <h1>{t('consultations.title')}</h1>
        <div className="field">
          <label htmlFor="c-status">{t('list.status')}</label>
          <select
            id="c-status"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as 'PENDING' | '');
              setPage(1);
            }}
          >
            <option value="PENDING">{t('consultationStatus.PENDING')}</option>
            <option value="">{t('consultations.all')}</option>
          </select>
        </div>
        <ErrorNotice error={list.error} />
        {list.isLoading && <Loading />}
        {list.data?.items.length === 0 && <EmptyState message={t('consultations.empty')} />}
        {list.data?.items.map((c) => (
          <article key={c.id} className="card" data-consultation={c.dossierCode ?? c.dossierId}>
            <p>
              <Link to={`/dossiers/${c.dossierId}`}>
                <strong>{c.dossierCode}</strong>
              </Link>{' '}
              · {c.organisationName} · {l.name(c.agency)}
            </p>
            <p>
              {t('consultations.requestedOn')}: {l.date(c.requestedOn)} · {t('detail.due')}: {l.date(c.clock.dueDate)}{' '}
              <ClockBadge clock={c.clock} />
            </p>
            {c.opinion && (
              <p>
                <strong>{t(`opinion.${c.opinion}`)}</strong>: {c.answer}
              </p>
            )}
            {/* The answer is given on the dossier's page, with what was applied for and the documents in view. */}
            {c.canAnswer && (
              <p>
                <Link to={`/dossiers/${c.dossierId}`} className="button primary">
                  {tc('answer.open')}
                </Link>
              </p>
            )}
          </article>
        ))}
        {list.data && <Pagination page={page} pageSize={20} total={list.data.total} onPage={setPage} />}
      </section>
    </div>
  );
}

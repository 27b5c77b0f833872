import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorNotice, Loading } from '../../components/States';
import { formatDate } from '@common/format/date';
import { formatAmount } from './format';
import type { AidReport } from './aid-reports-types';
import './aid.css';

type Money = { currency: string; amount: string };

function MoneyList({ items, lang }: { items: Money[]; lang: string }) {
  const { t } = useTranslation('aidReports');
  if (!items.length) return <>{t('report.none')}</>;
  return <>{items.map((m) => `${formatAmount(m.amount, lang)} ${m.currency}`).join(' · ')}</>;
}

/** One aid report: the registry's figures of its period, the text, save / refresh / file for its filer. */
export function AidReportPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation('aidReports');
  const queryClient = useQueryClient();
  const report = useQuery({ queryKey: ['aid-report', id], queryFn: () => api.get<AidReport>(`/api/aid-reports/${id}`) });
  const [summary, setSummary] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => setSummary(report.data?.summary ?? ''), [report.data?.summary]);
  const done = (r: AidReport) => {
    queryClient.setQueryData(['aid-report', id], r);
    void queryClient.invalidateQueries({ queryKey: ['aid-reports'] });
  };
  const save = useMutation({
    mutationFn: (refreshFigures: boolean) =>
      api.put<AidReport>(`/api/aid-reports/${id}`, { version: report.data!.version, summary: summary.trim() || null, refreshFigures }),
    onSuccess: (r) => {
      done(r);
      setSaved(true);
    },
  });
  const submit = useMutation({
    mutationFn: async () => {
      const draft = await api.put<AidReport>(`/api/aid-reports/${id}`, { version: report.data!.version, summary: summary.trim() || null });
      return api.post<AidReport>(`/api/aid-reports/${id}/submit`, { version: draft.version });
    },
    onSuccess: done,
  });
  if (report.isLoading) return <Loading />;
  if (!report.data) return <ErrorNotice error={report.error} />;
  const r = report.data;
  const f = r.figures;
  const lang = i18n.language;
  return (
    <section className="card">
      <p>
        <Link to={`/aid-reports?year=${r.periodKey.slice(0, 4)}&aidItemId=${r.aidItemId}`}>← {t('report.back')}</Link>
      </p>
      <h1>{t('report.title', { kind: t(`kinds.${r.kind}`), code: r.aidItemCode })}</h1>
      <p>
        <Link to={`/aid/${r.aidItemId}`}>{lang.startsWith('en') ? (r.aidItemTitleEn ?? r.aidItemTitleVi) : r.aidItemTitleVi}</Link>
      </p>
      <dl className="aid-facts">
        <dt>{t('period')}</dt>
        <dd>
          {formatDate(r.periodFrom)} – {formatDate(r.periodTo)}
        </dd>
        <dt>{t('due')}</dt>
        <dd>{formatDate(r.dueDate)}</dd>
        <dt>{t('report.status')}</dt>
        <dd>
          <span className={`badge ${r.status === 'SUBMITTED' ? 'ok' : ''}`}>{t(`report.statuses.${r.status}`)}</span>
          {r.submittedAt && <> {t('report.submitted', { date: formatDate(r.submittedAt.slice(0, 10)) })}</>}
        </dd>
      </dl>
      <h2>{t('report.figures', { from: formatDate(r.periodFrom), to: formatDate(r.periodTo) })}</h2>
      <dl className="aid-facts">
        <dt>{t('report.committed')}</dt>
        <dd>
          <MoneyList items={f.committed} lang={lang} /> ({formatAmount(f.committedUsd, lang)} USD)
        </dd>
        <dt>{t('report.disbursed')}</dt>
        <dd>
          <MoneyList items={f.disbursed} lang={lang} /> ({formatAmount(f.disbursedUsd, lang)} USD)
        </dd>
        <dt>{t('report.disbursementCount')}</dt>
        <dd>{f.disbursementCount}</dd>
        <dt>{t('report.disbursedToDate')}</dt>
        <dd>{formatAmount(f.disbursedToDateUsd, lang)}</dd>
        <dt>{t('report.counterpart')}</dt>
        <dd>
          {f.counterpartFunds.length === 0
            ? t('report.none')
            : f.counterpartFunds.map((c, i) => (
                <div key={i}>
                  {formatAmount(c.amount, lang)} {c.currency} – {c.source}
                </div>
              ))}
        </dd>
      </dl>
      <div className="field">
        <label htmlFor="aid-report-summary">{t('report.summary')}</label>
        <textarea id="aid-report-summary" value={summary} disabled={!r.canEdit} onChange={(e) => setSummary(e.target.value)} />
      </div>
      {r.canEdit && (
        <div className="row-actions">
          <button type="button" onClick={() => save.mutate(false)} disabled={save.isPending}>
            {t('report.save')}
          </button>
          <button type="button" onClick={() => save.mutate(true)} disabled={save.isPending}>
            {t('report.refresh')}
          </button>
          <ConfirmButton
            className="primary"
            label={t('report.submit')}
            question={t('report.confirmSubmit')}
            onConfirm={() => submit.mutate()}
          />
        </div>
      )}
      {saved && !save.isPending && r.status === 'DRAFT' && <p role="status">{t('report.saved')}</p>}
      <ErrorNotice error={save.error ?? submit.error} />
    </section>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api, downloadUrl } from '../../api/client';
import { plainOptions, SelectField } from '../../components/SelectField';
import { ErrorNotice, Loading } from '../../components/States';
import { formatAmount } from '../aid/format';
import { reportYears } from './ProgrammeReportPage';
import type { Review } from './programmeReportTypes';
import { pick } from './types';
import './programme.css';
import './programme-reports.css';

type Row = {
  key: string;
  label: ReactNode;
  committedUsd: string;
  disbursedUsd: string;
  aidRecords?: number | null;
  organisations?: number | null;
};

/** One money table of the review: label, committed, disbursed, aid items, NGOs. */
function MoneyTable({ caption, first, rows }: { caption: string; first: string; rows: Row[] }) {
  const { t, i18n } = useTranslation('programmeReports');
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th>{first}</th>
            <th className="num">{t('figures.committedUsd')}</th>
            <th className="num">{t('figures.disbursedUsd')}</th>
            <th className="num">{t('figures.aidRecords')}</th>
            <th className="num">{t('figures.organisations')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>{r.label}</td>
              <td className="num">{formatAmount(r.committedUsd, i18n.language)}</td>
              <td className="num">{formatAmount(r.disbursedUsd, i18n.language)}</td>
              <td className="num">{r.aidRecords ?? '—'}</td>
              <td className="num">{r.organisations ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Central's review report of the Programme (mid-term, final, or any period): choose the years, see the tables
 * (totals, priority fields, 34 provinces, regions of both schemes, indicators) and download them as xlsx or PDF.
 */
export function ProgrammeReviewPage() {
  const { t, i18n } = useTranslation('programmeReports');
  const { t: tp } = useTranslation('programme');
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const from = Number(params.get('from')) || 2019;
  const to = Number(params.get('to')) || 2022;
  const [draft, setDraft] = useState({ from, to });
  const review = useQuery({
    queryKey: ['programme-review', from, to],
    queryFn: () => api.get<Review>('/api/programme-reviews', { from, to }),
  });
  const years = plainOptions([...reportYears()].reverse());
  const r = review.data;
  const usd = (v: string) => formatAmount(v, lang);
  const unallocated = t('rows.unallocated');
  return (
    <section className="card needs stack">
      <p>
        <Link to="/programmes">← {t('programme:programmes.title')}</Link> · <Link to="/programme-reports/status">{t('links.status')}</Link>
      </p>
      <h1>{t('review.title')}</h1>
      <p className="muted">{t('review.intro')}</p>
      <div className="filters">
        <SelectField
          label={t('review.from')}
          value={draft.from}
          options={years}
          onChange={(e) => setDraft({ ...draft, from: Number(e.target.value) })}
        />
        <SelectField
          label={t('review.to')}
          value={draft.to}
          options={years}
          onChange={(e) => setDraft({ ...draft, to: Number(e.target.value) })}
        />
        <div className="inline">
          <button type="button" className="primary" onClick={() => setParams({ from: String(draft.from), to: String(draft.to) })}>
            {t('review.show')}
          </button>
          <button type="button" onClick={() => setParams({ from: '2019', to: '2022' })}>
            {t('review.midTerm')}
          </button>
          <button type="button" onClick={() => setParams({ from: '2019', to: '2025' })}>
            {t('review.final')}
          </button>
        </div>
      </div>
      <ErrorNotice error={review.error} />
      {review.isLoading && <Loading />}
      {r && (
        <>
          <h2>{t(`review.documentTitle.${r.kind}`, { from: r.from, to: r.to })}</h2>
          <p className="muted">{pick(lang, r.programme.titleVi, r.programme.titleEn)}</p>
          <p>
            <a href={downloadUrl('/api/programme-reviews/export.xlsx', { from: r.from, to: r.to })}>{t('review.downloadXlsx')}</a> ·{' '}
            <a href={downloadUrl('/api/programme-reviews/export.pdf', { from: r.from, to: r.to })}>{t('review.downloadPdf')}</a>
          </p>
          {r.synthetic && <p className="notice warning">{t('synthetic')}</p>}
          <h3>{t('review.totals')}</h3>
          <dl className="programme-figures">
            <dt>{t('figures.committedUsd')}</dt>
            <dd>{usd(r.totals.committedUsd)}</dd>
            <dt>{t('figures.disbursedUsd')}</dt>
            <dd>{usd(r.totals.disbursedUsd)}</dd>
            <dt>{t('figures.aidRecords')}</dt>
            <dd>{r.totals.aidRecords}</dd>
            <dt>{t('figures.activeOrganisations')}</dt>
            <dd>{r.totals.activeOrganisations}</dd>
            <dt>{t('figures.registeredOrganisations')}</dt>
            <dd>{r.totals.registeredOrganisations ?? '—'}</dd>
          </dl>
          <p className="muted">{t('review.recordsNote')}</p>
          <MoneyTable
            caption={t('review.byPriority')}
            first={t('columns.priority')}
            rows={[
              ...r.priorities.map((p) => ({
                key: p.code,
                ...p,
                label: (
                  <>
                    {pick(lang, p.nameVi, p.nameEn)}
                    {p.shared ? ' *' : ''} <span className="muted">({p.sectorNames.join('; ')})</span>
                  </>
                ),
              })),
              { key: 'outside', label: t('rows.outside'), ...r.outsidePriorities },
            ]}
          />
          {r.priorities.some((p) => p.shared) && <p className="muted">* {t('report.shared')}</p>}
          <MoneyTable
            caption={t('review.byProvince')}
            first={t('columns.province')}
            rows={[
              ...r.provinces.map((p) => ({ key: p.id, ...p, label: <Link to={`/statistics/province/${p.code}`}>{p.name}</Link> })),
              { key: 'unallocated', label: unallocated, ...r.provincesUnallocated },
            ]}
          />
          {(['current', 'historic'] as const).map((scheme) => (
            <MoneyTable
              key={scheme}
              caption={t(scheme === 'current' ? 'review.byRegionCurrent' : 'review.byRegionHistoric')}
              first={t('columns.region')}
              rows={[
                ...r.regions[scheme].items.map((x) => ({ key: x.code, ...x, label: x.name })),
                { key: 'unallocated', label: unallocated, ...r.regions[scheme].unallocated },
              ]}
            />
          ))}
          <div className="table-wrap">
            <table>
              <caption>{t('review.indicators')}</caption>
              <thead>
                <tr>
                  <th>{t('columns.indicator')}</th>
                  <th className="num">{t('columns.target')}</th>
                  <th className="num">{t('columns.achieved')}</th>
                  <th>{t('columns.basis')}</th>
                </tr>
              </thead>
              <tbody>
                {r.indicators.map((i) => (
                  <tr key={i.code}>
                    <td>{pick(lang, i.nameVi, i.nameEn)}</td>
                    <td className="num">{i.target === null ? '—' : `${formatAmount(i.target, lang)} ${tp(`units.${i.unit}`)}`}</td>
                    <td className="num">{i.achieved === null ? t('review.notMeasured') : formatAmount(i.achieved, lang)}</td>
                    <td>{t(`indicatorBasis.${i.basis}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

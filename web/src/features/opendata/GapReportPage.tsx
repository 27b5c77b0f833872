import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { formatUsd } from '../stats/format';
import type { GapReport, Page } from './types';
import './opendata.css';

type Found = { id: string; name: string; nameVi: string | null; country: string };

/** The gap report of one NGO: published to IATI against reported in Viet Nam, by year. NGOs see their own. */
export function GapReportPage() {
  const { t, i18n } = useTranslation('opendata');
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const organisationId = user?.role === 'ngo' ? user.organisationId : params.get('organisation');
  const [q, setQ] = useState('');
  const search = useQuery({
    queryKey: ['gap-search', q],
    queryFn: () => api.get<Page<Found>>('/api/public/organisations', { q, pageSize: 10 }),
    enabled: user?.role !== 'ngo' && q.trim().length >= 2,
  });
  const gap = useQuery({
    queryKey: ['gap', organisationId],
    queryFn: () => api.get<GapReport>(`/api/iati/gap/${organisationId}`),
    enabled: Boolean(organisationId),
  });
  const lang = i18n.language;
  const usd = (v: string) => formatUsd(v, lang);
  return (
    <div className="stack opendata">
      <section className="card">
        <p>
          <Link to="/open-data">← {t('page.title')}</Link>
        </p>
        <h1>{t('gap.title')}</h1>
        <p>{t('gap.intro')}</p>
        {user?.role !== 'ngo' && (
          <>
            <div className="field">
              <label htmlFor="gap-search">{t('gap.search')}</label>
              <input id="gap-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
            </div>
            {search.data && (
              <ul className="opendata-search">
                {search.data.items.map((o) => (
                  <li key={o.id}>
                    <button
                      type="button"
                      onClick={() => {
                        setParams({ organisation: o.id });
                        setQ('');
                      }}
                    >
                      {o.name}
                      {o.nameVi && o.nameVi !== o.name ? ` — ${o.nameVi}` : ''} ({o.country})
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
      {!organisationId && <EmptyState message={t('gap.pick')} />}
      <ErrorNotice error={gap.error} />
      {gap.isLoading && organisationId && <Loading />}
      {gap.data && (
        <section className="card" data-testid="gap-report">
          <h2>
            {lang === 'en'
              ? (gap.data.organisation.nameEn ?? gap.data.organisation.name)
              : (gap.data.organisation.nameVi ?? gap.data.organisation.name)}
          </h2>
          {gap.data.organisation.iatiOrgId && <p className="muted">{t('gap.iatiOrgId', { id: gap.data.organisation.iatiOrgId })}</p>}
          <p>{t('gap.summary', gap.data.activities)}</p>
          {gap.data.years.length === 0 ? (
            <EmptyState message={t('gap.noData')} />
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th rowSpan={2}>{t('gap.year')}</th>
                    <th colSpan={3}>{t('gap.iati')}</th>
                    <th colSpan={3}>{t('gap.vietnam')}</th>
                    <th rowSpan={2} className="num">
                      {t('gap.difference')}
                    </th>
                  </tr>
                  <tr>
                    {[0, 1].map((k) => (
                      <Headers key={k} />
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {gap.data.years.map((y) => (
                    <tr key={y.year}>
                      <th scope="row">{y.year}</th>
                      <td className="num">{y.iati.activities}</td>
                      <td className="num">{usd(y.iati.committedUsd)}</td>
                      <td className="num">
                        {usd(y.iati.disbursedUsd)}
                        {y.iati.unconverted > 0 && (
                          <small className="muted"> ({t('gap.unconverted', { count: y.iati.unconverted })})</small>
                        )}
                      </td>
                      <td className="num">{y.vietnam.activities}</td>
                      <td className="num">{usd(y.vietnam.committedUsd)}</td>
                      <td className="num">{usd(y.vietnam.disbursedUsd)}</td>
                      <td className={`num ${y.disbursedDifferenceUsd.startsWith('-') ? 'opendata-minus' : ''}`}>
                        {usd(y.disbursedDifferenceUsd)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <ItemList title={t('gap.onlyIati')} items={gap.data.onlyIati} />
          <ItemList title={t('gap.onlyVietnam')} items={gap.data.onlyVietnam} />
        </section>
      )}
    </div>
  );
}

function Headers() {
  const { t } = useTranslation('opendata');
  return (
    <>
      <th className="num">{t('gap.activities')}</th>
      <th className="num">{t('gap.committed')}</th>
      <th className="num">{t('gap.disbursed')}</th>
    </>
  );
}

function ItemList({ title, items }: { title: string; items: GapReport['onlyIati'] }) {
  if (items.length === 0) return null;
  return (
    <details>
      <summary>
        {title} ({items.length})
      </summary>
      <ul>
        {items.map((i) => (
          <li key={i.id}>
            <Link to={`/aid/${i.id}`}>{i.code}</Link> {i.title} {i.iatiIdentifier && <code>{i.iatiIdentifier}</code>}
          </li>
        ))}
      </ul>
    </details>
  );
}

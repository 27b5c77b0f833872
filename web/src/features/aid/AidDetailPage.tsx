import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { AidStatusBadge, ReportStatusBadge } from './AidBadges';
import { formatDate } from '@common/format/date';
import { formatAmount, formatShare } from './format';
import { TransactionsPanel } from './TransactionsPanel';
import { BudgetsPanel } from './BudgetsPanel';
import { AdjustmentsPanel } from './AdjustmentsPanel';
import { RevocationPanel } from './RevocationPanel';
import { CounterpartFundsPanel } from './CounterpartFundsPanel';
import { AidApprovalDecisionPanel } from '../procedures/AidApprovalDecisionPanel';
import type { AidDetail, ReportStatus } from './types';
import { useReference } from './useReference';
import './aid.css';

type ItemReport = {
  reportId: string;
  reportYear: number;
  status: ReportStatus;
  disbursedAmount: string | null;
  currency: string | null;
  amountUsd: string | null;
  results: string | null;
  beneficiariesTotal: number | null;
  beneficiariesFemale: number | null;
  beneficiariesEthnicMinority: number | null;
  beneficiariesDisability: number | null;
};

/** The aid page: what, who, where, which sectors, the money, and what the annual reports say about it. */
export function AidDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('aid');
  const ref = useReference();
  // The aid owner reads its item, its money and its adjustments; the NGO reports and IATI budgets are not opened to it.
  const isOwner = useSession().user?.role === 'owner';
  const item = useQuery({ queryKey: ['aid', id], queryFn: () => api.get<AidDetail>(`/api/aid/${id}`) });
  const reports = useQuery({
    queryKey: ['aid', id, 'reports'],
    queryFn: () => api.get<{ items: ItemReport[] }>(`/api/aid/${id}/reports`),
    enabled: item.isSuccess && !isOwner,
  });
  if (item.isLoading) return <Loading />;
  if (!item.data) return <ErrorNotice error={item.error} />;
  const a = item.data;
  const en = i18n.language === 'en';
  const country = ref.countries.data?.find((c) => c.code === a.donorCountryCode);
  const fact = (label: string, value: ReactNode) => (
    <>
      <dt>{label}</dt>
      <dd>{value === null || value === undefined || value === '' ? '—' : value}</dd>
    </>
  );
  const number = (n: number | null) => (n === null ? '—' : formatAmount(String(n), i18n.language));

  return (
    <div className="stack">
      <section className="card">
        <p>
          <Link to="/aid">← {t('list.title')}</Link>
        </p>
        <div className="aid-head">
          <h1>
            {a.code} · {en && a.titleEn ? a.titleEn : a.titleVi}
          </h1>
          <div className="row-actions">
            <AidStatusBadge status={a.status} mayBeRevoked={a.mayBeRevoked} />
            {a.synthetic && <span className="badge warn">{t('detail.synthetic')}</span>}
            {a.abilities.edit && (
              <Link className="button" to={`/aid/${a.id}/edit`}>
                {t('detail.edit')}
              </Link>
            )}
          </div>
        </div>
        {a.mayBeRevoked && <p className="notice warning">{t('detail.lapsedNotice', { date: formatDate(a.revocableFrom) })}</p>}
        {a.revocableFrom && !a.mayBeRevoked && a.status === 'APPROVED' && (
          <p className="notice">{t('detail.lapseDate', { date: formatDate(a.revocableFrom) })}</p>
        )}
        {a.revocation && (
          <p className="notice warning">
            {t('revocation.done', {
              number: a.revocation.decisionNumber,
              date: formatDate(a.revocation.decisionDate),
              reason: a.revocation.reason,
            })}
          </p>
        )}
        <dl className="aid-facts">
          {fact(t('fields.titleVi'), <span lang="vi">{a.titleVi}</span>)}
          {fact(t('fields.titleEn'), a.titleEn && <span lang="en">{a.titleEn}</span>)}
          {fact(t('fields.modality'), t(`modality.${a.modality}`))}
          {fact(t('fields.donor'), (!en && a.donorNameVi) || (a.organisationName ?? a.otherDonorName))}
          {fact(t('fields.donorCountry'), country ? ref.name(country) : a.donorCountryCode)}
          {fact(t('fields.governingAgency'), en ? a.governingAgencyNameEn : a.governingAgencyNameVi)}
          {fact(t('fields.aidOwner'), a.aidOwnerName)}
          {fact(t('fields.approval'), a.approvalDecisionNumber ? `${a.approvalDecisionNumber} — ${formatDate(a.approvalDate)}` : null)}
          {fact(t('fields.legalBasis'), a.approvalLegalBasis && t(`legalBasis.${a.approvalLegalBasis}`))}
          {fact(t('fields.planned'), a.plannedStart || a.plannedEnd ? `${formatDate(a.plannedStart)} – ${formatDate(a.plannedEnd)}` : null)}
          {fact(t('fields.actual'), a.actualStart || a.actualEnd ? `${formatDate(a.actualStart)} – ${formatDate(a.actualEnd)}` : null)}
          {fact(t('fields.budgetRevenue'), a.budgetRevenue ? t('detail.yes') : t('detail.no'))}
          {fact(t('fields.iatiIdentifier'), a.iatiIdentifier)}
          {fact(t('fields.description'), (en ? a.descriptionEn : a.descriptionVi) ?? a.descriptionVi)}
        </dl>
      </section>

      <div className="aid-columns">
        <section className="card" aria-labelledby="aid-locations">
          <h2 id="aid-locations">{t('detail.locations')}</h2>
          {a.locations.length === 0 ? (
            <EmptyState />
          ) : (
            <table>
              <thead>
                <tr>
                  <th>{t('fields.province')}</th>
                  <th>{t('detail.currentUnit')}</th>
                  <th className="num">{t('fields.share')}</th>
                </tr>
              </thead>
              <tbody>
                {a.locations.map((l) => (
                  <tr key={l.provinceId}>
                    <td>
                      {en ? l.nameEn : l.nameVi}
                      {l.scheme === 'old63' && <span className="muted"> ({t('detail.oldProvince')})</span>}
                      {l.communeCode && <span className="muted"> · {l.communeCode}</span>}
                    </td>
                    <td>{en ? l.currentNameEn : l.currentNameVi}</td>
                    <td className="num">{formatShare(l.share)}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="card" aria-labelledby="aid-sectors">
          <h2 id="aid-sectors">{t('detail.sectors')}</h2>
          {a.sectors.length === 0 ? (
            <EmptyState />
          ) : (
            <table>
              <thead>
                <tr>
                  <th>{t('fields.sector')}</th>
                  <th>{t('detail.dacCode')}</th>
                  <th className="num">{t('fields.share')}</th>
                </tr>
              </thead>
              <tbody>
                {a.sectors.map((s) => (
                  <tr key={s.code}>
                    <td>{en ? s.nameEn : s.nameVi}</td>
                    <td>{s.dacCode}</td>
                    <td className="num">{formatShare(s.share)}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {a.partners.length > 0 && (
            <>
              <h3>{t('detail.partners')}</h3>
              <ul className="plain">
                {a.partners.map((p) => (
                  <li key={`${p.role}:${p.name}`}>
                    <span className="badge">{t(`partnerRole.${p.role}`)}</span> {p.name}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>

      {a.abilities.revoke && <RevocationPanel item={a} />}
      <AdjustmentsPanel item={a} />
      <AidApprovalDecisionPanel aidItemId={a.id} />
      <TransactionsPanel item={a} />
      <CounterpartFundsPanel aidItemId={a.id} />
      {!isOwner && <BudgetsPanel item={a} />}

      {!isOwner && (
        <section className="card" aria-labelledby="aid-reports">
          <h2 id="aid-reports">{t('detail.reports')}</h2>
          <ErrorNotice error={reports.error} />
          {reports.data?.items.length === 0 && <EmptyState message={t('detail.noReports')} />}
          {reports.data && reports.data.items.length > 0 && (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>{t('reports.year')}</th>
                    <th>{t('reports.status')}</th>
                    <th className="num">{t('reports.disbursed')}</th>
                    <th className="num">USD</th>
                    <th>{t('reports.results')}</th>
                    <th className="num">{t('reports.beneficiaries')}</th>
                  </tr>
                </thead>
                <tbody>
                  {reports.data.items.map((r) => (
                    <tr key={r.reportId}>
                      <td>
                        <Link to={`/reports/ngo/${r.reportId}`}>{r.reportYear}</Link>
                      </td>
                      <td>
                        <ReportStatusBadge status={r.status} />
                      </td>
                      <td className="num">
                        {r.disbursedAmount ? `${formatAmount(r.disbursedAmount, i18n.language)} ${r.currency ?? ''}` : '—'}
                      </td>
                      <td className="num">{formatAmount(r.amountUsd, i18n.language)}</td>
                      <td>{r.results ?? ''}</td>
                      <td className="num">
                        {number(r.beneficiariesTotal)}
                        {r.beneficiariesFemale !== null && (
                          <div className="muted">{t('reports.femaleShort', { n: number(r.beneficiariesFemale) })}</div>
                        )}
                        {r.beneficiariesEthnicMinority !== null && (
                          <div className="muted">{t('reports.ethnicShort', { n: number(r.beneficiariesEthnicMinority) })}</div>
                        )}
                        {r.beneficiariesDisability !== null && (
                          <div className="muted">{t('reports.disabilityShort', { n: number(r.beneficiariesDisability) })}</div>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </div>
  );
}

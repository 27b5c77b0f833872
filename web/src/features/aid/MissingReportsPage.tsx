import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { Pagination } from '../../components/Pagination';
import { plainOptions, SelectField } from '../../components/SelectField';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { ReportStatusBadge } from './AidBadges';
import { formatDate } from '@common/format/date';
import { defaultReportYear, yearOptions } from './format';
import { useReference } from './useReference';
import './aid.css';

type Missing = {
  year: number;
  periodFrom: string;
  periodTo: string;
  dueDate: string;
  daysOverdue: number;
  items: {
    organisationId: string;
    code: string;
    name: string;
    nameVi: string | null;
    countryCode: string;
    reportStatus: 'DRAFT' | 'RETURNED' | null;
    aidItems: number;
    expectedBecause: ('CERTIFICATE' | 'AID')[];
  }[];
  total: number;
};
const PAGE_SIZE = 50;

/** "Who has not reported": FNGOs in the officer's scope expected to file the year's report that have not. */
export function MissingReportsPage() {
  const { t } = useTranslation('aid');
  const { t: tc } = useTranslation();
  const ref = useReference();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || defaultReportYear();
  const page = Number(params.get('page')) || 1;
  const missing = useQuery({
    queryKey: ['reports', 'missing', year, page],
    queryFn: () => api.get<Missing>('/api/reports/missing', { year, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="card">
      <p>
        <Link to="/reports">← {t('reports.title')}</Link>
      </p>
      <h1>{t('missing.title', { year })}</h1>
      <div className="filters">
        <SelectField
          label={t('filters.year')}
          value={year}
          onChange={(e) => setParams({ year: e.target.value })}
          options={plainOptions(yearOptions())}
        />
      </div>
      {missing.data && (
        <p>
          {t('reports.periodLine', {
            from: formatDate(missing.data.periodFrom),
            to: formatDate(missing.data.periodTo),
            due: formatDate(missing.data.dueDate),
          })}
          {missing.data.daysOverdue > 0 && <span className="badge bad"> {t('missing.overdue', { days: missing.data.daysOverdue })}</span>}
        </p>
      )}
      <p className="hint">{t('missing.explain')}</p>
      <ErrorNotice error={missing.error} />
      {missing.isLoading && <Loading />}
      {missing.data?.items.length === 0 && <EmptyState message={t('missing.none')} />}
      {missing.data && missing.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t('missing.title', { year })}</caption>
            <thead>
              <tr>
                <th>{t('missing.organisation')}</th>
                <th>{t('fields.donorCountry')}</th>
                <th>{t('reports.status')}</th>
                <th className="num">{t('missing.aidItems')}</th>
                <th>{t('missing.expectedBecause')}</th>
              </tr>
            </thead>
            <tbody>
              {missing.data.items.map((m) => (
                <tr key={m.organisationId}>
                  <td>
                    <Link to={`/aid?organisationId=${m.organisationId}&year=${year}`}>
                      {ref.lang === 'vi' ? (m.nameVi ?? m.name) : m.name}
                    </Link>{' '}
                    <span className="muted">{m.code}</span>
                  </td>
                  <td>{ref.name(ref.countries.data?.find((c) => c.code === m.countryCode)) || '—'}</td>
                  <td>
                    <ReportStatusBadge status={m.reportStatus} />
                  </td>
                  <td className="num">{m.aidItems}</td>
                  <td>{m.expectedBecause.map((r) => t(`missing.because.${r}`)).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {missing.data && (
        <Pagination
          page={page}
          pageSize={PAGE_SIZE}
          total={missing.data.total}
          onPage={(p) => setParams({ year: String(year), page: String(p) })}
        />
      )}
      <p className="hint">{tc('syntheticBanner')}</p>
    </section>
  );
}

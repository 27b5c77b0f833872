import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { ErrorNotice, Loading } from '../../components/States';
import { formatDate } from '@common/format/date';
import { formatAmount } from '@common/format/money';
import '../registry/registry.css';

type Named = { id: string; nameVi: string; nameEn: string };
type Money = { committedUsd: string; disbursedUsd: string };

/** The answer of GET /api/public/aid/:id (src/modules/aid/public-aid-item.schemas.ts). */
export type PublicAidItem = {
  id: string;
  code: string;
  iatiIdentifier: string;
  titleVi: string;
  titleEn: string | null;
  descriptionVi: string | null;
  descriptionEn: string | null;
  modality: string;
  status: string;
  organisation: { id: string; name: string; nameVi: string | null } | null;
  donorCountryCode: string | null;
  aidOwner: Named | null;
  governingAgency: Named | null;
  approvalDate: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  sectors: { code: string; nameVi: string; nameEn: string; share: string }[];
  provinces: (Named & { share: string })[];
  partners: { role: string; name: string; organisationId: string | null }[];
  years: ({ year: number } & Money)[];
  total: Money;
  synthetic: boolean;
};

/**
 * `/public/aid/:id`: the public page of one approved aid item — purpose, donor NGO (linked to its profile), aid
 * owner and partners, sectors, provinces (a list with their shares), committed and disbursed by year. Anyone may
 * open it; an item the public may not see answers 404 and the page says so.
 */
export function PublicAidItemPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('aid');
  const { t: tr } = useTranslation('registry');
  const en = i18n.language === 'en';
  const item = useQuery({
    queryKey: ['public-aid', id],
    queryFn: () => api.get<PublicAidItem>(`/api/public/aid/${id}`),
    retry: false,
  });
  if (item.isLoading) return <Loading />;
  if (item.error) {
    return (
      <section className="card">
        {item.error instanceof ApiError && item.error.status === 404 ? (
          <p className="notice" data-testid="public-aid-not-found">
            {t('publicItem.notFound')}
          </p>
        ) : (
          <ErrorNotice error={item.error} />
        )}
        <Link to="/statistics">{t('publicItem.back')}</Link>
      </section>
    );
  }
  const a = item.data!;
  const name = (n: { nameVi: string; nameEn: string }) => (en ? n.nameEn : n.nameVi);
  const usd = (value: string) => formatAmount(value, en ? 'en' : 'vi');
  const start = a.actualStart ?? a.plannedStart;
  const end = a.actualEnd ?? a.plannedEnd;
  const description = en ? (a.descriptionEn ?? a.descriptionVi) : a.descriptionVi;
  return (
    <div className="stack registry">
      <section className="card">
        <h1 data-testid="public-aid-title">{en ? (a.titleEn ?? a.titleVi) : a.titleVi}</h1>
        <p className="muted">{t('publicItem.publicNote')}</p>
        {a.synthetic && <p className="notice warning">{tr('directory.syntheticNote')}</p>}
        {description && (
          <>
            <h2>{t('publicItem.description')}</h2>
            <p className="registry-mission">{description}</p>
          </>
        )}
        <dl className="registry-facts">
          <dt>{t('publicItem.donor')}</dt>
          <dd>
            {a.organisation ? (
              <Link to={`/directory/${a.organisation.id}`}>{(!en && a.organisation.nameVi) || a.organisation.name}</Link>
            ) : (
              t('publicItem.otherDonor')
            )}
          </dd>
          {a.aidOwner && (
            <>
              <dt>{t('publicItem.aidOwner')}</dt>
              <dd>{name(a.aidOwner)}</dd>
            </>
          )}
          {a.governingAgency && (
            <>
              <dt>{t('publicItem.governingAgency')}</dt>
              <dd>{name(a.governingAgency)}</dd>
            </>
          )}
          <dt>{t('publicItem.modality')}</dt>
          <dd>{t(`modality.${a.modality}`)}</dd>
          <dt>{t('publicItem.status')}</dt>
          <dd>{t(`status.${a.status}`)}</dd>
          {a.approvalDate && (
            <>
              <dt>{t('publicItem.approvalDate')}</dt>
              <dd>{formatDate(a.approvalDate)}</dd>
            </>
          )}
          {(start || end) && (
            <>
              <dt>{t('publicItem.period')}</dt>
              <dd>
                {formatDate(start)} – {formatDate(end)}
              </dd>
            </>
          )}
          <dt>{t('publicItem.iati')}</dt>
          <dd className="registry-code">{a.iatiIdentifier}</dd>
        </dl>
      </section>
      <section className="card">
        <h2>{t('publicItem.sectors')}</h2>
        <ul data-testid="public-aid-sectors">
          {a.sectors.map((s) => (
            <li key={s.code}>
              {name(s)} ({formatAmount(s.share, en ? 'en' : 'vi')}%)
            </li>
          ))}
        </ul>
        <h2>{t('publicItem.provinces')}</h2>
        <ul data-testid="public-aid-provinces">
          {a.provinces.map((p) => (
            <li key={p.id}>
              <Link to={`/statistics/province/${p.id.split(':')[1]}`}>{name(p)}</Link> ({formatAmount(p.share, en ? 'en' : 'vi')}%)
            </li>
          ))}
        </ul>
        <h2>{t('publicItem.partners')}</h2>
        {a.partners.length === 0 ? (
          <p className="muted">{t('publicItem.noPartners')}</p>
        ) : (
          <ul>
            {a.partners.map((p) => (
              <li key={`${p.role}-${p.name}`}>
                {t(`partnerRole.${p.role}`)}: {p.organisationId ? <Link to={`/directory/${p.organisationId}`}>{p.name}</Link> : p.name}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card">
        <h2>{t('publicItem.byYear')}</h2>
        {a.years.length === 0 ? (
          <p className="muted">{t('publicItem.noMoney')}</p>
        ) : (
          <div className="table-wrap">
            <table data-testid="public-aid-years">
              <thead>
                <tr>
                  <th scope="col">{t('publicItem.year')}</th>
                  <th scope="col" className="num">
                    {t('publicItem.committed')}
                  </th>
                  <th scope="col" className="num">
                    {t('publicItem.disbursed')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {a.years.map((y) => (
                  <tr key={y.year}>
                    <td>{y.year}</td>
                    <td className="num">{usd(y.committedUsd)}</td>
                    <td className="num">{usd(y.disbursedUsd)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('publicItem.total')}</th>
                  <td className="num">{usd(a.total.committedUsd)}</td>
                  <td className="num">{usd(a.total.disbursedUsd)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

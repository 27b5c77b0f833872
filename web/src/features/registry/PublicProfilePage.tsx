import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { ErrorNotice, Loading } from '../../components/States';
import { ProfileAwards } from '../programme/ProfileAwards';
import { ProfileActivity } from './ProfileActivity';
import { ProfileAid } from './ProfileAid';
import { ProfileHistory } from './ProfileHistory';
import { displayName, statusClass, useReference, type PublicProfile } from './registry-api';
import './registry.css';
import { formatDate } from '@common/format/date';

/**
 * The public profile of an organisation: names, country, mission, what it does and its office, the certificates in
 * force, its approved aid of five years, the history of its certificates and its awards. No person data.
 */
export function PublicProfilePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('registry');
  const ref = useReference();
  const profile = useQuery({
    queryKey: ['public-profile', id],
    queryFn: () => api.get<PublicProfile>(`/api/public/organisations/${id}`),
    retry: false,
  });
  if (profile.isLoading) return <Loading />;
  if (profile.error) {
    return (
      <section className="card">
        {profile.error instanceof ApiError && profile.error.status === 404 ? (
          <p className="notice">{t('profile.notFound')}</p>
        ) : (
          <ErrorNotice error={profile.error} />
        )}
        <Link to="/directory">{t('profile.back')}</Link>
      </section>
    );
  }
  const p = profile.data!;
  const name = displayName(p, i18n.language);
  return (
    <div className="stack registry">
      <section className="card">
        <p>
          <Link to="/directory">← {t('profile.back')}</Link>
        </p>
        <h1>
          {name} {p.acronym && <span className="muted">({p.acronym})</span>}
        </h1>
        {p.synthetic && <p className="notice warning">{t('directory.syntheticNote')}</p>}
        <dl className="registry-facts">
          {name !== p.name && (
            <>
              <dt>{t('fields.nameOriginal')}</dt>
              <dd>{p.name}</dd>
            </>
          )}
          {p.nameVi && i18n.language === 'en' && (
            <>
              <dt>{t('fields.nameVi')}</dt>
              <dd>{p.nameVi}</dd>
            </>
          )}
          {p.nameEn && i18n.language !== 'en' && (
            <>
              <dt>{t('fields.nameEn')}</dt>
              <dd>{p.nameEn}</dd>
            </>
          )}
          <dt>{t('fields.countryCode')}</dt>
          <dd>{i18n.language === 'en' ? p.countryNameEn : p.countryNameVi}</dd>
          <dt>{t('fields.orgType')}</dt>
          <dd>{t(`orgTypes.${p.orgType}`)}</dd>
          <dt>{t('directory.status')}</dt>
          <dd>
            <span className={statusClass(p.status)}>{t(`status.${p.status}`)}</span>
          </dd>
          {p.website && (
            <>
              <dt>{t('fields.website')}</dt>
              <dd>
                <a
                  href={p.website.startsWith('http') ? p.website : `https://${p.website}`}
                  rel="noopener noreferrer nofollow"
                  target="_blank"
                >
                  {p.website}
                </a>
              </dd>
            </>
          )}
          {p.email && (
            <>
              <dt>{t('fields.email')}</dt>
              <dd>{p.email}</dd>
            </>
          )}
          {p.hqAddress && (
            <>
              <dt>{t('fields.hqAddress')}</dt>
              <dd>{p.hqAddress}</dd>
            </>
          )}
        </dl>
        {p.mission && (
          <>
            <h2>{t('profile.mission')}</h2>
            <p className="registry-mission">{p.mission}</p>
          </>
        )}
      </section>
      {p.activity && <ProfileActivity profile={p} />}
      <section className="card">
        <h2>{t('profile.certificates')}</h2>
        {p.certificates.length === 0 && <p className="muted">{t('profile.noCertificate')}</p>}
        {p.certificates.map((c) => (
          <article key={c.id} className="registry-certificate" aria-label={c.number}>
            <h3>
              {t(`certificateTypes.${c.type}`)} — {c.number} <span className={statusClass(c.status)}>{t(`status.${c.status}`)}</span>
            </h3>
            <dl className="registry-facts">
              <dt>{t('certificate.validFrom')}</dt>
              <dd>{formatDate(c.validFrom)}</dd>
              <dt>{t('certificate.validUntil')}</dt>
              <dd data-testid="valid-until">{formatDate(c.validUntil)}</dd>
              <dt>{t('certificate.provinces')}</dt>
              <dd>{c.provinces.map(ref.name).join(', ')}</dd>
              <dt>{t('certificate.sectors')}</dt>
              <dd>{c.sectors.map(ref.name).join(', ')}</dd>
              {c.officeProvince && (
                <>
                  <dt>{t('certificate.officeProvince')}</dt>
                  <dd>{ref.name(c.officeProvince)}</dd>
                </>
              )}
            </dl>
          </article>
        ))}
      </section>
      {p.aid && <ProfileAid organisationId={p.id} aid={p.aid} />}
      {p.history && <ProfileHistory history={p.history} />}
      <ProfileAwards awards={p.awards ?? []} />
    </div>
  );
}

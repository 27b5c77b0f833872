import { useTranslation } from 'react-i18next';
import type { PublicProfile } from './registry-api';

/** What the NGO does (fields and provinces of its certificates in force, in words) and its office in Viet Nam. */
export function ProfileActivity({ profile }: { profile: PublicProfile }) {
  const { t, i18n } = useTranslation('registry');
  const name = (n: { nameVi: string; nameEn: string }) => (i18n.language === 'en' ? n.nameEn : n.nameVi);
  const list = (items: { nameVi: string; nameEn: string }[]) =>
    new Intl.ListFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', { type: 'conjunction' }).format(items.map(name));
  const { sectors, provinces } = profile.activity;
  return (
    <section className="card" aria-labelledby="profile-activity">
      <h2 id="profile-activity">{t('publicProfile.whatItDoes')}</h2>
      {sectors.length === 0 && provinces.length === 0 ? (
        <p className="muted">{t('publicProfile.noActivity')}</p>
      ) : (
        <>
          {sectors.length > 0 && <p data-testid="profile-sectors">{t('publicProfile.sectorsLine', { list: list(sectors) })}</p>}
          {provinces.length > 0 && <p data-testid="profile-provinces">{t('publicProfile.provincesLine', { list: list(provinces) })}</p>}
        </>
      )}
      <h3>{t('publicProfile.office')}</h3>
      {profile.office ? (
        <p data-testid="profile-office">
          {t('publicProfile.officeLine', { province: name(profile.office.province), number: profile.office.certificateNumber })}
        </p>
      ) : (
        <p className="muted">{t('publicProfile.noOffice')}</p>
      )}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { formatDate } from '@common/format/date';
import type { PublicAward } from './coordination-types';
import './coordination.css';

/** The decided awards of an NGO and its people, on its public profile (one card each: readable on a phone). */
export function ProfileAwards({ awards }: { awards: PublicAward[] }) {
  const { t } = useTranslation('coordination');
  if (awards.length === 0) return null;
  return (
    <section className="card coordination" aria-labelledby="profile-awards">
      <h2 id="profile-awards">{t('awards.profileTitle')}</h2>
      <ul className="award-list">
        {awards.map((a) => (
          <li key={a.id} data-testid="profile-award">
            <h3>{a.awardName ?? t(`awardKinds.${a.awardKind}`)}</h3>
            {a.personName && <p>{t('awards.toPerson', { name: a.personName })}</p>}
            <p className="muted">
              {t('awards.decisionLine', { number: a.decisionNumber, date: formatDate(a.decisionDate), authority: a.issuingAuthority })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

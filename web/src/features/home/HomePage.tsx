import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session';
import { PublicOverview } from './PublicOverview';
import { WorkOverview } from './WorkOverview';
import { OwnerAidHome } from '../aid/OwnerAidHome';
import './home.css';

/** Signed in: what needs doing today; anonymous: last year's national figures and where to look further. */
export function HomePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <div className="stack">
      <section className="card">
        <h1>{user ? t('home.welcome', { name: user.displayName }) : t('appTitle')}</h1>
        <p>{user ? t('home.intro') : t('home.publicIntro')}</p>
        {user && <p className="muted">{t('home.signedInAs', { role: t(`roles.${user.role}`) })}</p>}
      </section>
      {/* An aid owner sees its own aid (issue 13); other signed-in roles their work; the public the national figures. */}
      {user?.role === 'owner' ? <OwnerAidHome /> : user ? <WorkOverview role={user.role} /> : <PublicOverview />}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session';

export function HomePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <section className="card">
      <h1>{user ? t('home.welcome', { name: user.displayName }) : t('appTitle')}</h1>
      <p>{user ? t('home.intro') : t('home.publicIntro')}</p>
      {user && <p className="muted">{t('home.signedInAs', { role: t(`roles.${user.role}`) })}</p>}
    </section>
  );
}

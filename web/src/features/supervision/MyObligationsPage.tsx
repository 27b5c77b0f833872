import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../../api/session';
import { EmptyState } from '../../components/States';
import { ObligationsPanel } from './ObligationsPanel';

/** The NGO's own obligations, fulfilled on screen (linked from its home). */
export function MyObligationsPage() {
  const { t } = useTranslation('supervision');
  const { user } = useSession();
  return (
    <section className="card">
      <h1>{t('myTitle')}</h1>
      <p className="hint">{t('intro')}</p>
      <p>
        <Link to="/supervision/sanctions">{t('sanctions:title')}</Link>
      </p>
      {user?.organisationId ? <ObligationsPanel organisationId={user.organisationId} /> : <EmptyState message={t('empty')} />}
    </section>
  );
}

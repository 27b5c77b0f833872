import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../../api/session';
import { hasNationalScope } from '@common/auth/national-scope';

/**
 * The Programme's monitoring screens, offered on the programmes page: a ministry's or province's officer files its
 * yearly report; central sees who has reported and produces the review reports.
 */
export function ProgrammeMonitoringLinks() {
  const { t } = useTranslation('programmeReports');
  const { user } = useSession();
  const central = hasNationalScope(user);
  if (!central && user?.role !== 'agency') return null;
  return (
    <nav className="inline" aria-label={t('report.title')}>
      {user?.role === 'agency' && (
        <Link className="button" to="/programme-reports">
          {t('links.reports')}
        </Link>
      )}
      {central && (
        <>
          <Link className="button" to="/programme-reports/status">
            {t('links.status')}
          </Link>
          <Link className="button" to="/programme-reviews">
            {t('links.review')}
          </Link>
        </>
      )}
    </nav>
  );
}

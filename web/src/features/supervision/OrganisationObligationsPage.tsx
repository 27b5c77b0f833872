import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { InspectionFindingsPanel } from './InspectionFindingsPanel';
import { ObligationsPanel } from './ObligationsPanel';

/** One organisation's obligations as an officer of its scope sees them (from the compliance list). */
export function OrganisationObligationsPage() {
  const { t } = useTranslation('supervision');
  const { id = '' } = useParams();
  return (
    <div className="stack">
      <section className="card">
        <p>
          <Link to="/supervision">← {t('complianceTitle')}</Link>
        </p>
        <h1>{t('title')}</h1>
        <p className="hint">{t('intro')}</p>
        <ObligationsPanel organisationId={id} />
      </section>
      <InspectionFindingsPanel organisationId={id} />
    </div>
  );
}

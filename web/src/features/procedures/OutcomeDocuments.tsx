import { useTranslation } from 'react-i18next';
import { downloadUrl } from '../../api/client';
import type { DossierDetail } from './types';

/** The documents a decision produced (certificate, decision, written refusal), named as the decision names them. */
export const OUTCOME_CODES = ['OUTCOME_CERTIFICATE', 'OUTCOME_DECISION', 'OUTCOME_REFUSAL'] as const;

/**
 * The outcome documents of a decided dossier, first on the page for the applicant: PDF in the Decree 30 form, each
 * a download. Nothing when the dossier has none.
 */
export function OutcomeDocuments({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation('procedures');
  const docs = dossier.documents.filter((d) => (OUTCOME_CODES as readonly string[]).includes(d.documentCode));
  if (!docs.length) return null;
  return (
    <section className="card" data-testid="outcome-documents">
      <h2>{t('outcome.title')}</h2>
      <ul className="plain">
        {docs.map((d) => (
          <li key={d.id}>
            <a href={downloadUrl(`/api/dossiers/${dossier.id}/documents/${d.id}`)}>
              {t('outcome.pdf', { name: t(`outcome.${d.documentCode}`) })}
            </a>{' '}
            <span className="muted">{d.fileName}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

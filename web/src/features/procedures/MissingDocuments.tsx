import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { DossierDetail } from './types';
import { useLocalized } from './useLocalized';

/**
 * Under a refused submission, which documents are still missing, by name: the server answers with codes
 * (`details.missing`, `oneOf:<group>` for "one of these"), which mean nothing to the person filing.
 */
export function MissingDocuments({ error, checklist }: { error: unknown; checklist: DossierDetail['checklist'] }) {
  const { t } = useTranslation('procedures');
  const l = useLocalized();
  if (!(error instanceof ApiError) || error.code !== 'dossier_documents_missing') return null;
  const missing = (error.details as { missing?: string[] } | undefined)?.missing ?? [];
  const label = (code: string) => {
    if (!code.startsWith('oneOf:')) return l.name(checklist.find((c) => c.code === code) ?? { nameVi: code, nameEn: code });
    const group = checklist.filter((c) => c.oneOf === code.slice('oneOf:'.length)).map((c) => l.name(c));
    return t('detail.missingOneOf', { names: group.join(' / ') });
  };
  return (
    <ul className="missing-documents" data-testid="missing-documents">
      {missing.map((code) => (
        <li key={code}>{label(code)}</li>
      ))}
    </ul>
  );
}

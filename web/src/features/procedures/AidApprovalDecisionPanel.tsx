import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { AidDecisionContent } from './AidDecisionContent';
import type { AidDecisionContentView } from './types';
import { useLocalized } from './useLocalized';

type ApprovalDecision = {
  dossierId: string;
  code: string | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  content: AidDecisionContentView | null;
};

/**
 * On a registered aid item: the approval decision of the dossier that registered it (number, date, link to the
 * dossier) and its Decree 80 Art. 11 content. Nothing is shown for an item approved outside vnaid (the API says 404).
 */
export function AidApprovalDecisionPanel({ aidItemId }: { aidItemId: string }) {
  const { t } = useTranslation('procedures');
  const l = useLocalized();
  const decision = useQuery({
    queryKey: ['aid', aidItemId, 'approval-decision'],
    queryFn: () => api.get<ApprovalDecision>(`/api/aid/${aidItemId}/approval-decision`),
    retry: false,
  });
  if (!decision.data) return null;
  const d = decision.data;
  return (
    <div data-testid="aid-approval-decision">
      <p className="notice success">
        <strong>{t('detail.decision')}:</strong> {d.decisionNumber} ({l.date(d.decisionDate)}) ·{' '}
        <Link to={`/dossiers/${d.dossierId}`}>{d.code ?? t('aidDecision.dossier')}</Link>
      </p>
      {d.content && <AidDecisionContent content={d.content} />}
    </div>
  );
}

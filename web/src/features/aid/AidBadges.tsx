import { useTranslation } from 'react-i18next';
import type { AidStatus, ReportStatus } from './types';

const STATUS_CLASS: Record<AidStatus, string> = {
  PIPELINE: '',
  APPROVED: 'ok',
  IMPLEMENTING: 'ok',
  COMPLETED: '',
  CANCELLED: 'bad',
  LAPSED: 'warn',
};
const REPORT_CLASS: Record<ReportStatus, string> = { DRAFT: 'warn', SUBMITTED: 'ok', ACCEPTED: 'ok', RETURNED: 'bad' };

/** The status of an aid item as a coloured label (LAPSED is computed by the server from the approval date). */
export function AidStatusBadge({ status }: { status: AidStatus }) {
  const { t } = useTranslation('aid');
  return <span className={`badge ${STATUS_CLASS[status]}`}>{t(`status.${status}`)}</span>;
}

export function ReportStatusBadge({ status }: { status: ReportStatus | null }) {
  const { t } = useTranslation('aid');
  if (!status) return <span className="badge bad">{t('reportStatus.NONE')}</span>;
  return <span className={`badge ${REPORT_CLASS[status]}`}>{t(`reportStatus.${status}`)}</span>;
}

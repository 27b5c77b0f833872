import { useTranslation } from 'react-i18next';
import type { AidStatus, ReportStatus } from './types';

const STATUS_CLASS: Record<AidStatus, string> = {
  PIPELINE: '',
  APPROVED: 'ok',
  IMPLEMENTING: 'ok',
  COMPLETED: '',
  CANCELLED: 'bad',
  REVOKED: 'bad',
};
const REPORT_CLASS: Record<ReportStatus, string> = { DRAFT: 'warn', SUBMITTED: 'ok', ACCEPTED: 'ok', RETURNED: 'bad' };

/**
 * The status of an aid item as a coloured label, with the "may be revoked" flag beside an approved item not started
 * six months after approval (a flag, never a status: nothing lapses by itself, D80 Art. 4.7).
 */
export function AidStatusBadge({ status, mayBeRevoked = false }: { status: AidStatus; mayBeRevoked?: boolean }) {
  const { t } = useTranslation('aid');
  return (
    <>
      <span className={`badge ${STATUS_CLASS[status]}`}>{t(`status.${status}`)}</span>
      {mayBeRevoked && (
        <>
          {' '}
          <span className="badge warn" title={t('revocation.flagHint')}>
            {t('revocation.flag')}
          </span>
        </>
      )}
    </>
  );
}

export function ReportStatusBadge({ status }: { status: ReportStatus | null }) {
  const { t } = useTranslation('aid');
  if (!status) return <span className="badge bad">{t('reportStatus.NONE')}</span>;
  return <span className={`badge ${REPORT_CLASS[status]}`}>{t(`reportStatus.${status}`)}</span>;
}

import { useTranslation } from 'react-i18next';
import type { ObligationStatus } from './supervision-api';

const TONE: Record<ObligationStatus, string> = { DONE: 'ok', WAIVED: '', DUE: 'warn', LATE: 'bad' };

/** The status of an obligation as a coloured badge, in the screen's language. */
export function ObligationBadge({ status }: { status: ObligationStatus }) {
  const { t } = useTranslation('supervision');
  return <span className={`badge ${TONE[status]}`}>{t(`statuses.${status}`)}</span>;
}

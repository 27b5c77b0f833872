import { useTranslation } from 'react-i18next';
import type { Clock } from './types';
import { wordingContext } from './wording';

/** Late and overdue counts say "working days" when the limit is counted in working days (i18n context `WORKING`). */
function dayContext(clock: Clock): 'WORKING' | undefined {
  return clock.unit === 'WORKING' ? 'WORKING' : undefined;
}

/** Due-date badge of a clock: days left, due today, overdue, paused, or done on time / late. */
export function ClockBadge({ clock }: { clock: Clock | null }) {
  const { t } = useTranslation('procedures');
  if (!clock) return <span className="muted">—</span>;
  if (clock.state === 'NOT_STARTED') return <span className="badge">{t('badge.notStarted')}</span>;
  if (clock.state === 'DONE') {
    return clock.onTime ? (
      <span className="badge ok">{t('badge.onTime')}</span>
    ) : (
      <span className="badge bad">{t('badge.late', { count: clock.overdueDays, context: dayContext(clock) })}</span>
    );
  }
  if (clock.paused || clock.state === 'PAUSED') return <span className="badge warn">{t('badge.paused')}</span>;
  if (clock.overdueDays > 0)
    return <span className="badge bad">{t('badge.overdue', { count: clock.overdueDays, context: dayContext(clock) })}</span>;
  if (clock.remainingDays === 0) return <span className="badge warn">{t('badge.dueToday')}</span>;
  return (
    <span className={clock.remainingDays <= 2 ? 'badge warn' : 'badge ok'}>{t('badge.daysLeft', { count: clock.remainingDays })}</span>
  );
}

const STATUS_TONE: Record<string, string> = { APPROVED: 'ok', DELIVERED: 'ok', REJECTED: 'bad', INCOMPLETE: 'warn', WITHDRAWN: '' };

/** The dossier's status as a badge, in the words of its procedure. */
export function StatusBadge({ status, procedureCode }: { status: string; procedureCode: string }) {
  const { t } = useTranslation('procedures');
  return (
    <span className={`badge ${STATUS_TONE[status] ?? ''}`.trim()}>{t(`status.${status}`, { context: wordingContext(procedureCode) })}</span>
  );
}

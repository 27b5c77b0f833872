import { useTranslation } from 'react-i18next';
import { formatDate } from '@common/format/date';
import type { Clock } from './sanctions-api';

/** A working-day clock in words: done (on time or late), days left or overdue, not started, or no limit. */
export function ClockText({ clock }: { clock: Clock | null }) {
  const { t } = useTranslation('sanctions');
  if (!clock) return <span className="muted">{t('clock.none')}</span>;
  if (clock.state === 'NOT_STARTED') return <span className="muted">{t('clock.NOT_STARTED')}</span>;
  const date = clock.dueDate ? formatDate(clock.dueDate) : '';
  if (clock.state === 'DONE') {
    const done = clock.finishedOn ? formatDate(clock.finishedOn) : '';
    return <span>{t(clock.onTime ? 'clock.done' : 'clock.doneLate', { date: done })}</span>;
  }
  if (clock.overdueDays > 0) return <strong className="error">{t('clock.overdue', { days: clock.overdueDays, date })}</strong>;
  return <span>{t('clock.left', { days: clock.remainingDays, date })}</span>;
}

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/States';
import { formatDate } from '@common/format/date';
import type { Adjustment } from './types';

/** The adjustment requests the officer's agency decides (D80 Art. 16), oldest due first; nothing when there are none. */
export function PendingAdjustments() {
  const { t } = useTranslation('aid');
  const pending = useQuery({
    queryKey: ['aid', 'adjustments', 'pending'],
    queryFn: () => api.get<{ items: Adjustment[] }>('/api/aid/adjustments'),
  });
  const items = [...(pending.data?.items ?? [])].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  if (pending.isSuccess && items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="aid-pending-adjustments">
      <h2 id="aid-pending-adjustments">{t('adjustments.pendingTitle')}</h2>
      <ErrorNotice error={pending.error} />
      <ul className="plain">
        {items.map((a) => (
          <li key={a.id}>
            <Link to={`/aid/${a.aidItemId}`}>
              {a.itemCode} · {a.itemTitleVi}
            </Link>{' '}
            <span className="muted">
              {t('adjustments.entry', { date: formatDate(a.filedOn) })} · {t('adjustments.due', { date: formatDate(a.dueDate) })}
            </span>
            {a.overdue && (
              <>
                {' '}
                <span className="badge bad">{t('adjustments.overdue')}</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

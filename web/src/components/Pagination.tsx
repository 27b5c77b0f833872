import { useTranslation } from 'react-i18next';

type Props = { page: number; pageSize: number; total: number; onPage(page: number): void };

/** Previous / next with "1–20 of 436"; hidden when everything fits on one page. */
export function Pagination({ page, pageSize, total, onPage }: Props) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total <= pageSize && page === 1) return null;
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label={t('pagination.page', { page, pages })}>
      <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 1}>
        ‹ {t('pagination.previous')}
      </button>
      <span aria-live="polite">{t('pagination.summary', { from, to, total })}</span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={page >= pages}>
        {t('pagination.next')} ›
      </button>
    </nav>
  );
}

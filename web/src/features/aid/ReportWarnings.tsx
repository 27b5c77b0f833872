import { useTranslation } from 'react-i18next';
import { formatDate } from '@common/format/date';

type Warning = { path: string; code: string; params: Record<string, string>; message: string };

/**
 * What the aid rules allow but a reader should check on an annual report (over the commitment, after the project's
 * end): shown beside the report, never blocking it.
 */
export function ReportWarnings({ warnings }: { warnings: readonly Warning[] | undefined }) {
  const { t } = useTranslation('caseFile');
  if (!warnings?.length) return null;
  return (
    <div className="notice warning" data-testid="report-warnings">
      <strong>{t('reportWarnings.title')}</strong>
      <ul>
        {warnings.map((w) => (
          <li key={`${w.path}:${w.code}`}>
            {t(`reportWarnings.${w.code}`, {
              ...w.params,
              ...(w.params.date ? { date: formatDate(w.params.date) } : {}),
              ...(w.params.end ? { end: formatDate(w.params.end) } : {}),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

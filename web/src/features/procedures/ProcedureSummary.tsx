import { useTranslation } from 'react-i18next';
import { HeadedTable } from './HeadedTable';
import type { ProcedureVersion } from './types';
import { useLocalized } from './useLocalized';

/** Steps with who acts and the time limit, and the required documents, of one procedure version. */
export function ProcedureSummary({ version }: { version: ProcedureVersion }) {
  const { t } = useTranslation('procedures');
  const l = useLocalized();
  const limit = (d: ProcedureVersion['steps'][number]['deadline']) =>
    d
      ? `${d.days} ${t(`units.${d.unit}`)} ${d.direction === 'BEFORE' ? t('catalogue.before', { anchor: t(`catalogue.anchors.${d.anchor}`) }) : t('catalogue.after', { anchor: t(`catalogue.anchors.${d.anchor}`) })}`
      : t('catalogue.noLimit');
  return (
    <div className="stack">
      <p>
        <strong>{t('catalogue.overall')}:</strong> {version.overallLimit ? limit(version.overallLimit as never) : t('catalogue.noLimit')} ·{' '}
        {t('catalogue.copies', { count: version.copies })}
        {version.provisional && <span className="badge warn"> {t('catalogue.provisional')}</span>}
      </p>
      <details>
        <summary>{t('wizard.steps')}</summary>
        <HeadedTable headers={[t('detail.step'), t('detail.role'), t('list.deadline'), t('detail.legalRef')]}>
          {version.steps.map((s) => (
            <tr key={s.code}>
              <td>
                {l.name(s)}
                {s.noteVi && <div className="muted">{l.pick(s.noteVi, s.noteEn)}</div>}
              </td>
              <td>{t(`roles.${s.role}`)}</td>
              <td>{limit(s.deadline)}</td>
              <td>{s.legalRef}</td>
            </tr>
          ))}
        </HeadedTable>
      </details>
      <details open>
        <summary>{t('wizard.documents')}</summary>
        <ul>
          {version.documents.map((d) => (
            <li key={d.code}>
              {l.name(d)} — <em>{d.oneOf ? t('detail.alternative') : d.required ? t('detail.required') : t('detail.optional')}</em>
              {d.conditionVi && <span className="muted"> ({l.pick(d.conditionVi, d.conditionEn)})</span>}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { Entry, Report } from './types';

const COUNTS = ['activities', 'vietnam', 'created', 'updated', 'unchanged', 'skipped', 'transactionsKept', 'partsLeftOut'] as const;

/** The dry-run report (or the apply result): counts, what is created, changed and left out and why, duplicates. */
export function ImportReportView({ report }: { report: Report }) {
  const { t, i18n } = useTranslation('opendata');
  const lang = i18n.language;
  const reason = (code: string) => t(`import.reasons.${code}`, { defaultValue: code });
  return (
    <div className="stack">
      <dl className="opendata-counts" data-testid="iati-counts">
        {COUNTS.map((k) => (
          <div key={k} data-testid={`count-${k}`}>
            <dt>{t(`import.counts.${k}`)}</dt>
            <dd className="num">{report.counts[k].toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}</dd>
          </div>
        ))}
      </dl>
      {report.fatal && <p className="notice error">{lang === 'en' ? report.fatal.message.en : report.fatal.message.vi}</p>}
      {report.listsTruncated && <p className="notice warning">{t('import.truncated')}</p>}

      {report.likelyDuplicates.length > 0 && (
        <div className="notice warning">
          <h3>{t('import.likelyTitle')}</h3>
          <p>{t('import.likelyIntro')}</p>
          <ul>
            {report.likelyDuplicates.map((d) => (
              <li key={`${d.ref}-${d.name}-${d.organisationId}`}>
                “{d.name}” {d.ref && <code>{d.ref}</code>} ≈ “{d.organisationName}” ({d.score}) —{' '}
                {t('import.activities', { count: d.activities })}
              </li>
            ))}
          </ul>
        </div>
      )}

      {Object.keys(report.partsLeftOutByReason).length > 0 && (
        <div>
          <h3>{t('import.partsLeftOut')}</h3>
          <ul>
            {Object.entries(report.partsLeftOutByReason).map(([code, n]) => (
              <li key={code}>
                {reason(code)}: <strong>{n}</strong>
              </li>
            ))}
          </ul>
        </div>
      )}

      <EntryTable title={t('import.created')} entries={report.created} />
      <EntryTable title={t('import.updated')} entries={report.updated} />
      {report.skipped.length > 0 && (
        <details open={report.counts.created + report.counts.updated === 0}>
          <summary>
            {t('import.skipped')}:{' '}
            {Object.entries(report.skippedByReason)
              .map(([code, n]) => `${reason(code)} (${n})`)
              .join(', ')}
          </summary>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th className="num">#</th>
                  <th>{t('import.identifier')}</th>
                  <th>{t('import.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {report.skipped.map((e) => (
                  <tr key={`${e.index}-${e.identifier}`}>
                    <td className="num">{e.index}</td>
                    <td>
                      <code>{e.identifier ?? '—'}</code>
                    </td>
                    <td>
                      {reason(e.reason ?? '')}
                      {e.detail && <small className="muted"> — {e.detail}</small>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}

      {report.problems.length > 0 && (
        <details>
          <summary>{t('import.problems')}</summary>
          <ul>
            {report.problems.map((p, i) => (
              <li key={i}>
                {p.line !== undefined && `${t('import.line')} ${p.line}: `}
                {lang === 'en' ? p.message.en : p.message.vi}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function EntryTable({ title, entries }: { title: string; entries: Entry[] }) {
  const { t } = useTranslation('opendata');
  if (entries.length === 0) return null;
  return (
    <details open>
      <summary>{title}</summary>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('import.identifier')}</th>
              <th>{t('import.activity')}</th>
              <th>{t('import.donor')}</th>
              <th>{t('import.changes')}</th>
              <th>{t('import.leftOut')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={`${e.index}-${e.identifier}`}>
                <td>
                  <code>{e.identifier}</code>
                </td>
                <td>{e.title}</td>
                <td>
                  {e.donor?.name}
                  {e.donor && (
                    <>
                      {' '}
                      <span className={`badge ${e.donor.match === 'likely' ? 'warn' : e.donor.match === 'none' ? '' : 'ok'}`}>
                        {t(`import.match.${e.donor.match}`)}
                      </span>
                    </>
                  )}
                </td>
                <td>{e.action === 'update' ? (e.changes?.length ? e.changes.join(', ') : t('import.noChanges')) : ''}</td>
                <td>
                  {(e.leftOut ?? []).map((p, i) => (
                    <div key={i}>
                      {t(`import.reasons.${p.reason}`, { defaultValue: p.reason })}
                      <small className="muted"> — {p.detail}</small>
                    </div>
                  ))}
                  {(e.notes ?? []).map((code) => (
                    <div key={code} className="muted" data-testid="iati-note">
                      {t(`import.notes.${code}`, { defaultValue: code })}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

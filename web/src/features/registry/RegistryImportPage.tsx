import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { ErrorNotice } from '../../components/States';
import type { ImportReport } from './registry-api';
import './registry.css';

/** Legacy import: template download, a dry run with the row-by-row report, then the all-or-nothing import. */
export function RegistryImportPage() {
  const { t } = useTranslation('registry');
  const input = useRef<HTMLInputElement>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const run = useMutation({
    mutationFn: async (dryRun: boolean) => {
      const file = input.current?.files?.[0];
      if (!file) throw new Error(t('import.file'));
      const form = new FormData();
      form.append('file', file);
      try {
        return await api.upload<ImportReport>(`/api/registry/import${dryRun ? '?dryRun=1' : ''}`, form);
      } catch (error) {
        // A rejected import answers 422 with the same report in the error details.
        const details = error instanceof ApiError ? (error.details as Partial<ImportReport> | undefined) : undefined;
        if (details?.errors)
          return {
            dryRun,
            valid: false,
            rows: 0,
            organisations: { created: 0, updated: 0 },
            certificates: { created: 0, skipped: 0, decisions: 0 },
            ...details,
          } as ImportReport;
        throw error;
      }
    },
    onMutate: () => setReport(null),
    onSuccess: setReport,
  });
  const counts = report && {
    organisations: report.organisations.created,
    updated: report.organisations.updated,
    certificates: report.certificates.created,
    skipped: report.certificates.skipped,
    decisions: report.certificates.decisions,
  };
  return (
    <div className="stack registry">
      <section className="card">
        <p>
          <Link to="/organisations">← {t('organisations.title')}</Link>
        </p>
        <h1>{t('import.title')}</h1>
        <p>{t('import.intro')}</p>
        <p>
          <a className="button" href="/api/registry/import/template.xlsx" download>
            {t('import.template')}
          </a>
        </p>
        <div className="field">
          <label htmlFor="registry-import-file">{t('import.file')}</label>
          <input
            id="registry-import-file"
            ref={input}
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={() => setReport(null)}
          />
        </div>
        <div className="row-actions">
          <button type="button" onClick={() => run.mutate(true)} disabled={run.isPending}>
            {t('import.check')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => run.mutate(false)}
            disabled={run.isPending || !report?.valid || !report.dryRun}
          >
            {t('import.apply')}
          </button>
        </div>
        <ErrorNotice error={run.error} />
      </section>
      {report && counts && (
        <section className="card" aria-live="polite">
          {report.valid ? (
            <p className="notice success">{t(report.dryRun ? 'import.ok' : 'import.applied', counts)}</p>
          ) : (
            <>
              <p className="notice error">{t('import.errors', { count: report.errors.length })}</p>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th>{t('import.row')}</th>
                      <th>{t('import.column')}</th>
                      <th>{t('import.message')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.errors.map((e, i) => (
                      <tr key={i}>
                        <td className="num">{e.row || '—'}</td>
                        <td>
                          <code>{e.column}</code>
                        </td>
                        <td>{e.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      )}
    </div>
  );
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Pagination } from '../../components/Pagination';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { CandidatesPanel } from './CandidatesPanel';
import { ImportReportView } from './ImportReportView';
import { formatBytes, type ImportView, type Page } from './types';
import './opendata.css';
import { formatMoment } from '@common/format/date';

const BUSY = new Set(['UPLOADED', 'PLANNING', 'APPLYING']);

/** Officers' IATI import: upload (dry run), the report, apply with confirmation or discard; recent imports. */
export function IatiImportPage() {
  const { t, i18n } = useTranslation('opendata');
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [params, setParams] = useSearchParams();
  const selected = params.get('import');
  const [page, setPage] = useState(1);
  const select = (id: string | null) => setParams(id ? { import: id } : {}, { replace: true });

  const list = useQuery({
    queryKey: ['iati-imports', page],
    queryFn: () => api.get<Page<ImportView>>('/api/iati/imports', { page, pageSize: 10 }),
    placeholderData: keepPreviousData,
  });
  const current = useQuery({
    queryKey: ['iati-import', selected],
    queryFn: () => api.get<ImportView>(`/api/iati/imports/${selected}`),
    enabled: Boolean(selected),
    // Large files are checked and applied by a job: poll until it is done.
    refetchInterval: (query) => (query.state.data && BUSY.has(query.state.data.status) ? 2000 : false),
  });
  const refresh = (view: ImportView) => {
    queryClient.setQueryData(['iati-import', view.id], view);
    void queryClient.invalidateQueries({ queryKey: ['iati-imports'] });
    void queryClient.invalidateQueries({ queryKey: ['iati-candidates'] });
  };
  const upload = useMutation({
    mutationFn: async () => {
      const file = input.current?.files?.[0];
      if (!file) throw new Error(t('import.file'));
      const form = new FormData();
      form.append('file', file);
      return api.upload<ImportView>('/api/iati/imports', form);
    },
    onSuccess: (view) => {
      refresh(view);
      select(view.id);
    },
  });
  const apply = useMutation({
    mutationFn: (id: string) => api.post<ImportView>(`/api/iati/imports/${id}/apply`, { confirm: true }),
    onSuccess: refresh,
  });
  const discard = useMutation({ mutationFn: (id: string) => api.post<ImportView>(`/api/iati/imports/${id}/discard`), onSuccess: refresh });
  const view = selected ? current.data : undefined;
  const report = view?.result ?? view?.report;
  return (
    <div className="stack opendata">
      <section className="card">
        <p>
          <Link to="/open-data">← {t('page.title')}</Link>
        </p>
        <h1>{t('import.title')}</h1>
        <p>{t('import.intro')}</p>
        <div className="field">
          <label htmlFor="iati-import-file">{t('import.file')}</label>
          <input id="iati-import-file" ref={input} type="file" accept=".xml,application/xml,text/xml" />
        </div>
        <div className="row-actions">
          <button type="button" className="primary" onClick={() => upload.mutate()} disabled={upload.isPending}>
            {upload.isPending ? t('import.checking') : t('import.check')}
          </button>
        </div>
        <ErrorNotice error={upload.error} />
      </section>

      {selected && current.isLoading && <Loading />}
      <ErrorNotice error={current.error} />
      {view && (
        <section className="card" aria-live="polite" data-testid="iati-import-report">
          <h2>{t(view.status === 'APPLIED' ? 'import.resultTitle' : 'import.reportTitle', { file: view.fileName })}</h2>
          <p>
            <span
              className={`badge ${view.status === 'APPLIED' || view.status === 'PLANNED' ? 'ok' : BUSY.has(view.status) ? 'warn' : 'bad'}`}
            >
              {t(`import.status.${view.status}`)}
            </span>{' '}
            <span className="muted">{formatBytes(view.bytes, i18n.language)}</span>
          </p>
          {BUSY.has(view.status) && <Loading />}
          {view.error?.message && <p className="notice error">{i18n.language === 'en' ? view.error.message.en : view.error.message.vi}</p>}
          {view.status === 'APPLIED' && view.result && <p className="notice success">{t('import.applied', view.result.counts)}</p>}
          {report && <ImportReportView report={report} />}
          {(view.status === 'PLANNED' || view.status === 'FAILED') && report && (
            <div className="row-actions">
              <ConfirmButton
                className="primary"
                label={t('import.apply')}
                question={t('import.applyQuestion', report.counts)}
                onConfirm={() => apply.mutate(view.id)}
                disabled={apply.isPending}
              />
              <ConfirmButton
                label={t('import.discard')}
                question={t('import.discardQuestion')}
                onConfirm={() => discard.mutate(view.id)}
                disabled={discard.isPending}
              />
              {apply.isPending && <span>{t('import.applying')}</span>}
            </div>
          )}
          <ErrorNotice error={apply.error ?? discard.error} />
        </section>
      )}

      <CandidatesPanel />

      <section className="card">
        <h2>{t('import.recent')}</h2>
        <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
        {list.data && list.data.items.length === 0 && <EmptyState message={t('import.noImports')} />}
        {list.data && list.data.items.length > 0 && (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('import.fileName')}</th>
                  <th>{t('import.when')}</th>
                  <th>{t('import.by')}</th>
                  <th>{t('import.statusColumn')}</th>
                  <th className="num">{t('import.counts.created')}</th>
                  <th className="num">{t('import.counts.updated')}</th>
                  <th className="num">{t('import.counts.skipped')}</th>
                  <th></th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((i) => (
                  <tr key={i.id} aria-current={i.id === selected ? 'true' : undefined}>
                    <td>{i.fileName}</td>
                    <td>{formatMoment(i.createdAt)}</td>
                    <td>{i.createdBy ?? '—'}</td>
                    <td>{t(`import.status.${i.status}`)}</td>
                    <td className="num">{i.counts?.created ?? ''}</td>
                    <td className="num">{i.counts?.updated ?? ''}</td>
                    <td className="num">{i.counts?.skipped ?? ''}</td>
                    <td>
                      <button type="button" onClick={() => select(i.id)}>
                        {t('import.open')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {list.data && <Pagination page={page} pageSize={10} total={list.data.total} onPage={setPage} />}
      </section>
    </div>
  );
}

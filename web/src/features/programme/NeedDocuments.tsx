import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, downloadUrl } from '../../api/client';
import { ErrorNotice } from '../../components/States';
import { formatBytes } from '../opendata/types';
import { formatMoment, needDocumentKinds, type NeedDetail, type NeedDocumentKind } from './types';

/**
 * A proposal's documents (concept note, budget, …): everyone who sees the proposal downloads them — through the
 * public route once it is published, the officers' route before; the proposing body and central attach and remove
 * them while the proposal is editable (the server checks the same).
 */
export function NeedDocuments({ need, canChange }: { need: NeedDetail; canChange: boolean }) {
  const { t, i18n } = useTranslation('programme');
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<NeedDocumentKind>('CONCEPT_NOTE');
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['need', need.id] });
  const attach = useMutation({
    mutationFn: (f: File) => {
      const form = new FormData();
      form.append('file', f);
      return api.upload(`/api/needs/${need.id}/documents?kind=${kind}`, form);
    },
    onSuccess: () => {
      setFile(null);
      setInputKey((k) => k + 1);
      return refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (documentId: string) => api.delete(`/api/needs/${need.id}/documents/${documentId}`),
    onSuccess: refresh,
  });
  const isPublic = need.status === 'PUBLISHED' || need.status === 'FUNDED';
  const href = (documentId: string) =>
    downloadUrl(isPublic ? `/api/public/needs/${need.id}/documents/${documentId}` : `/api/needs/${need.id}/documents/${documentId}`);
  const editable = canChange && need.editable;
  if (!editable && need.documents.length === 0) return null;

  return (
    <section className="need-documents">
      <h2>{t('needDocuments.title')}</h2>
      {need.documents.length === 0 ? (
        <p className="muted">{t('needDocuments.none')}</p>
      ) : (
        <ul className="plain">
          {need.documents.map((d) => (
            <li key={d.id} data-document={d.id}>
              <span className="muted">{t(`needDocuments.kinds.${d.kind}`)}: </span>
              <a href={href(d.id)}>{d.fileName}</a>{' '}
              <span className="muted">
                ({formatBytes(d.sizeBytes, i18n.language)}, {t('needDocuments.uploadedOn', { date: formatMoment(d.uploadedAt) })})
              </span>
              {editable && (
                <button
                  type="button"
                  disabled={remove.isPending}
                  onClick={() => {
                    if (window.confirm(t('needDocuments.confirmRemove', { name: d.fileName }))) remove.mutate(d.id);
                  }}
                >
                  {t('needDocuments.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form
          className="need-documents-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (file) attach.mutate(file);
          }}
        >
          <p className="hint">{t('needDocuments.hint')}</p>
          <label>
            {t('needDocuments.kind')}
            <select value={kind} onChange={(e) => setKind(e.target.value as NeedDocumentKind)}>
              {needDocumentKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`needDocuments.kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('needDocuments.file')}
            <input
              key={inputKey}
              type="file"
              accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </label>
          <button type="submit" disabled={!file || attach.isPending}>
            {attach.isPending ? t('needDocuments.uploading') : t('needDocuments.attach')}
          </button>
        </form>
      )}
      <ErrorNotice error={attach.error ?? remove.error} />
    </section>
  );
}

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, downloadUrl } from '../../api/client';
import { ErrorNotice } from '../../components/States';
import { OUTCOME_CODES, OutcomeDocuments } from './OutcomeDocuments';
import type { DossierDetail } from './types';
import { useLocalized } from './useLocalized';

/**
 * The document checklist with an upload per item the caller may add now (`canUpload`: the applicant every item, the
 * donor of an aid approval only its letter) and the files filed.
 */
export function DossierChecklist({
  dossier,
  canUpload,
  onChanged,
}: {
  dossier: DossierDetail;
  canUpload: (documentCode: string) => boolean;
  onChanged(): void;
}) {
  const { t } = useTranslation('procedures');
  const l = useLocalized();
  const [busy, setBusy] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: ({ code, file }: { code: string; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload(`/api/dossiers/${dossier.id}/documents?documentCode=${encodeURIComponent(code)}`, form);
    },
    onSettled: () => {
      setBusy(null);
      onChanged();
    },
  });
  const requested = new Set(dossier.supplements.filter((s) => !s.answeredOn).flatMap((s) => s.documentCodes));
  const fileOf = (id: string | null) => dossier.documents.find((d) => d.id === id);

  return (
    <>
      <OutcomeDocuments dossier={dossier} />
      <section className="card">
        <h2>{t('detail.checklist')}</h2>
        {dossier.checklist.some((item) => canUpload(item.code)) && <p className="hint">{t('detail.fileHint')}</p>}
        <ErrorNotice error={upload.error} />
        <ul className="plain checklist">
          {dossier.checklist.map((item) => {
            const file = fileOf(item.documentId);
            return (
              <li key={item.code} data-document={item.code}>
                <span className="doc-name">
                  {l.name(item)}
                  {item.conditionVi && <span className="muted"> ({l.pick(item.conditionVi, item.conditionEn)})</span>}
                </span>
                <em className="muted">
                  {item.oneOf ? t('detail.alternative') : item.required ? t('detail.required') : t('detail.optional')}
                </em>
                {file ? (
                  <a className="badge ok" href={downloadUrl(`/api/dossiers/${dossier.id}/documents/${file.id}`)}>
                    ✓ {file.fileName}
                  </a>
                ) : (
                  <span className={item.required && !item.oneOf ? 'badge bad' : 'badge'}>{t('detail.missing')}</span>
                )}
                {requested.has(item.code) && <span className="badge warn">{t('status.INCOMPLETE')}</span>}
                {canUpload(item.code) && (
                  <label className="button">
                    {busy === item.code ? t('detail.uploading') : t('detail.upload')}
                    <input
                      type="file"
                      className="sr-only"
                      aria-label={`${t('detail.upload')}: ${l.name(item)}`}
                      accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
                      disabled={busy !== null}
                      onChange={(e) => {
                        const f = e.target.files?.[0];
                        if (f) {
                          setBusy(item.code);
                          upload.mutate({ code: item.code, file: f });
                        }
                        e.target.value = '';
                      }}
                    />
                  </label>
                )}
              </li>
            );
          })}
        </ul>
        {dossier.documents.length > 0 && (
          <details>
            <summary>
              {t('detail.documents')} ({dossier.documents.length})
            </summary>
            <div className="table-wrap">
              <table>
                <tbody>
                  {dossier.documents.map((d) => (
                    <tr key={d.id}>
                      <td>
                        <a href={downloadUrl(`/api/dossiers/${dossier.id}/documents/${d.id}`)}>{d.fileName}</a>
                        {d.superseded && <span className="muted"> ({t('detail.superseded')})</span>}
                      </td>
                      <td>{OUTCOME_CODES.some((c) => c === d.documentCode) ? t(`outcome.${d.documentCode}`) : d.documentCode}</td>
                      <td className="num">{(d.sizeBytes / 1024).toFixed(0)} KB</td>
                      <td className="mono" title={t('detail.checksum')}>
                        {d.sha256}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        )}
      </section>
    </>
  );
}

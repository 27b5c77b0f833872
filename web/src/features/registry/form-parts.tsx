import { useId, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';

/** A labelled textarea. */
export function TextAreaField({ label, ...area }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: ReactNode }) {
  const id = useId();
  return (
    <div className="field wide">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={3} {...area} />
    </div>
  );
}

/** Values of a multiple select in a form. */
export const selectedValues = (form: HTMLFormElement, name: string): string[] =>
  new FormData(form).getAll(name).map(String).filter(Boolean);

/**
 * The 409 of a stale edit: the server's sentence saying who changed which fields and when, with a button to load
 * the latest version. Other errors are left to ErrorNotice.
 */
export function StaleNotice({ error, onReload }: { error: unknown; onReload(): void }) {
  const { t } = useTranslation('registry');
  if (!(error instanceof ApiError) || error.code !== 'stale_version') return null;
  const summary = (error.details as { summary?: string } | undefined)?.summary ?? error.message;
  return (
    <div className="notice warning" role="alert">
      <p>
        <strong>{t('organisation.staleTitle')}</strong>
      </p>
      <p>{summary}</p>
      <button type="button" onClick={onReload}>
        {t('organisation.staleReload')}
      </button>
    </div>
  );
}

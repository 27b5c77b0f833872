import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { fieldLabel, type Lookup } from './field-label';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="state" role="status">
      {t('states.loading')}
    </p>
  );
}

export function EmptyState({ message }: { message?: string }) {
  const { t } = useTranslation();
  return <p className="state empty">{message ?? t('states.empty')}</p>;
}

/** Shows a server error in the user's language, with the field problems when the server listed them. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  // Only a catalogue string is a label (a `fields` entry may be a group of its own).
  const lookup: Lookup = (ns, key, params) =>
    typeof i18n.getResource(i18n.language, ns, key) === 'string' ? i18n.t(key, { ns, ...params }) : undefined;
  const message = error instanceof ApiError ? error.message : t('states.error');
  const issues =
    error instanceof ApiError ? ((error.details as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? []) : [];
  return (
    <div className="notice error" role="alert">
      <p>{message}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              <strong title={issue.path}>{fieldLabel(issue.path, lookup)}</strong>: {issue.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('actions.retry')}
        </button>
      )}
    </div>
  );
}

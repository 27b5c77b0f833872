import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

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
  const { t } = useTranslation();
  if (!error) return null;
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
              <code>{issue.path.replace(/^(body|params|querystring)\./, '')}</code>: {issue.message}
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

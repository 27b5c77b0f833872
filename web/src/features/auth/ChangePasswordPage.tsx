import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { Field } from '../../components/Field';
import { ErrorNotice } from '../../components/States';

/**
 * The one screen open to an account whose password an administrator chose (new account, reset): the server
 * refuses everything else (403 password_change_required) until the owner picks their own.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation();
  const { user, refresh, signOut } = useSession();
  const navigate = useNavigate();
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post('/api/me/password', body),
    onSuccess: async () => {
      await refresh();
      navigate('/');
    },
  });
  if (!user) return null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = String(form.get('next'));
    setMismatch(next !== String(form.get('repeat')));
    if (next !== String(form.get('repeat'))) return;
    change.mutate({ currentPassword: String(form.get('current')), newPassword: next });
  };

  return (
    <section className="card narrow">
      <h1>{t('forcedChange.title')}</h1>
      <p>{user.mustChangePassword ? t('forcedChange.intro') : t('forcedChange.voluntary')}</p>
      <form onSubmit={submit}>
        <Field label={t('currentPassword')} name="current" type="password" autoComplete="current-password" required autoFocus />
        <Field
          label={t('newPassword')}
          name="next"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint={t('passwordRule')}
        />
        <Field
          label={t('forcedChange.repeat')}
          name="repeat"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          error={mismatch ? t('forcedChange.mismatch') : undefined}
        />
        <ErrorNotice error={change.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={change.isPending}>
            {tc('actions.save')}
          </button>
          <button type="button" onClick={() => void signOut().then(() => navigate('/'))}>
            {t('forcedChange.signOut')}
          </button>
        </div>
      </form>
    </section>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Field } from '../../components/Field';
import { EmptyState, ErrorNotice } from '../../components/States';

type Token = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

export function AccountPage() {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => api.get<{ items: Token[] }>('/api/me/tokens') });
  const changePassword = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post('/api/me/password', body),
    onSuccess: () => setSaved(true),
  });
  const createToken = useMutation({
    mutationFn: (name: string) => api.post<{ secret: string }>('/api/me/tokens', { name }),
    onSuccess: (result) => {
      setSecret(result.secret);
      void queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api/me/tokens/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });
  if (!user) return null;

  const onPassword = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSaved(false);
    changePassword.mutate({ currentPassword: String(form.get('current')), newPassword: String(form.get('next')) });
  };
  const onToken = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    createToken.mutate(String(form.get('name')));
    event.currentTarget.reset();
  };

  return (
    <div className="stack">
      <section className="card">
        <h1>{user.displayName}</h1>
        <p>
          {user.username} · {tc(`roles.${user.role}`)}
        </p>
      </section>
      <section className="card">
        <h2>{t('changePassword')}</h2>
        <form onSubmit={onPassword}>
          <Field label={t('currentPassword')} name="current" type="password" autoComplete="current-password" required />
          <Field
            label={t('newPassword')}
            name="next"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            hint={t('passwordRule')}
          />
          <ErrorNotice error={changePassword.error} />
          {saved && <p className="notice success">{t('passwordChanged')}</p>}
          <button type="submit" className="primary" disabled={changePassword.isPending}>
            {tc('actions.save')}
          </button>
        </form>
      </section>
      <section className="card">
        <h2>{t('tokens')}</h2>
        <form onSubmit={onToken} className="inline">
          <Field label={t('tokenName')} name="name" required maxLength={100} />
          <button type="submit">{tc('actions.create')}</button>
        </form>
        {secret && (
          <p className="notice success">
            {t('tokenCreated')} <code>{secret}</code>
          </p>
        )}
        <ErrorNotice error={tokens.error ?? createToken.error} />
        {tokens.data?.items.length === 0 && <EmptyState message={t('noTokens')} />}
        <ul className="plain">
          {tokens.data?.items.map((token) => (
            <li key={token.id}>
              <strong>{token.name}</strong> <code>{token.prefix}…</code>{' '}
              {token.revokedAt ? `(${t('revoke')}: ${token.revokedAt.slice(0, 10)})` : ''}
              {!token.revokedAt && (
                <ConfirmButton label={t('revoke')} question={`${t('revoke')} ${token.name}?`} onConfirm={() => revoke.mutate(token.id)} />
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

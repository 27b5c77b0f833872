import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useSession } from '../../api/session';
import { Field } from '../../components/Field';
import { ErrorNotice } from '../../components/States';
import { CHANGE_PASSWORD_PATH } from './paths';

export function SignInPage() {
  const { t } = useTranslation('auth');
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const user = await signIn(String(form.get('username')), String(form.get('password')));
      const next = params.get('next');
      if (user.mustChangePassword) navigate(CHANGE_PASSWORD_PATH);
      else navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card narrow">
      <h1>{t('title')}</h1>
      <form onSubmit={submit} noValidate={false}>
        <Field label={t('username')} name="username" autoComplete="username" required autoFocus />
        <Field label={t('password')} name="password" type="password" autoComplete="current-password" required />
        <ErrorNotice error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('submit')}
        </button>
      </form>
      <p className="hint">{t('demoHint')}</p>
    </section>
  );
}

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useReferenceList } from '../../api/reference';
import type { Role } from '../../api/session';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { ErrorNotice } from '../../components/States';
import { OrganisationPicker } from '../registry/OrganisationPicker';
import { agencyRole, roleList, type User } from './users-api';

type Props = { user: User; onDone(): void; onChanged(): void };

/**
 * Edits one account (name, e-mail, role, agency or organisation) and resets its password. A reset signs the
 * account out everywhere, revokes its API tokens and makes the owner choose a new password at the next sign-in,
 * so it is confirmed first.
 */
export function UserEditor({ user, onDone, onChanged }: Props) {
  const { t } = useTranslation('admin');
  const { t: tc, i18n } = useTranslation();
  const [role, setRole] = useState<Role>(user.role);
  const [password, setPassword] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const agencies = useReferenceList('agencies');
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.patch<User>(`/api/users/${user.id}`, body),
    onSuccess: () => {
      setNotice(t('users.saved'));
      onChanged();
    },
  });
  const reset = useMutation({
    mutationFn: () => api.post<User>(`/api/users/${user.id}/password`, { password }),
    onSuccess: () => {
      setPassword('');
      setNotice(t('users.resetDone', { name: user.displayName }));
      onChanged();
    },
  });

  const onSave = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const organisationId = String(form.get('organisationId') ?? '');
    setNotice(null);
    save.mutate({
      version: user.version,
      displayName: String(form.get('displayName')),
      email: email === '' ? null : email,
      role,
      ...(agencyRole(role) ? { agencyId: String(form.get('agencyId')) } : {}),
      ...(role === 'ngo' && organisationId ? { organisationId } : {}),
    });
  };

  return (
    <section className="card" aria-labelledby="user-editor-title">
      <h2 id="user-editor-title">{t('users.editTitle', { name: user.username })}</h2>
      <form onSubmit={onSave} className="grid-form">
        <Field label={t('users.displayName')} name="displayName" defaultValue={user.displayName} required maxLength={200} />
        <Field label={t('users.email')} name="email" type="email" defaultValue={user.email ?? ''} maxLength={200} />
        <SelectField
          id="edit-role"
          label={t('users.role')}
          value={role}
          options={roleList.map((r) => ({ value: r, label: tc(`roles.${r}`) }))}
          onChange={(e) => setRole(e.target.value as Role)}
        />
        {agencyRole(role) && (
          <SelectField
            id="edit-agency"
            name="agencyId"
            required
            defaultValue={user.agencyId ?? ''}
            label={t('users.agency')}
            options={(agencies.data ?? []).map((a) => ({ value: a.id, label: i18n.language === 'en' ? a.nameEn : a.nameVi }))}
          />
        )}
        {role === 'ngo' && (
          <>
            {user.organisationId && (
              <p className="hint">
                {t('users.currentOrganisation', { name: (i18n.language === 'en' ? user.scopeNameEn : user.scopeNameVi) ?? '—' })}
              </p>
            )}
            <OrganisationPicker label={t('users.organisation')} name="organisationId" required={!user.organisationId} />
          </>
        )}
        <ErrorNotice error={save.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={save.isPending}>
            {tc('actions.save')}
          </button>
          <button type="button" onClick={onDone}>
            {t('users.close')}
          </button>
        </div>
      </form>
      <h3>{t('users.resetPassword')}</h3>
      <p className="hint">{t('users.resetHint')}</p>
      <div className="inline">
        <Field
          label={t('users.newPassword')}
          type="password"
          autoComplete="new-password"
          minLength={10}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <ConfirmButton
          label={t('users.resetPassword')}
          question={t('users.confirmReset', { name: user.displayName })}
          disabled={password.length < 10 || reset.isPending}
          onConfirm={() => reset.mutate()}
        />
      </div>
      <ErrorNotice error={reset.error} />
      {notice && (
        <p className="notice success" role="status">
          {notice}
        </p>
      )}
    </section>
  );
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '@common/contracts/primitives';
import { api } from '../../api/client';
import { useReferenceList } from '../../api/reference';
import type { Role } from '../../api/session';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Field } from '../../components/Field';
import { Pagination } from '../../components/Pagination';
import { SelectField } from '../../components/SelectField';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { OrganisationPicker } from '../registry/OrganisationPicker';
import { UserEditor } from './UserEditor';
import { agencyRole, roleList, type User } from './users-api';

export function UsersPage() {
  const { t } = useTranslation('admin');
  const { t: tc, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [role, setRole] = useState<Role | ''>('');
  const [q, setQ] = useState('');
  const [newRole, setNewRole] = useState<Role>('central');
  const [created, setCreated] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const roleOptions = roleList.map((r) => ({ value: r, label: tc(`roles.${r}`) }));
  const users = useQuery({
    queryKey: ['users', page, role, q],
    queryFn: () => api.get<Page<User>>('/api/users', { page, pageSize: 20, role, q }),
    placeholderData: keepPreviousData,
  });
  const editing = users.data?.items.find((u) => u.id === editingId);
  const agencies = useReferenceList('agencies');
  const invalidate = () => void queryClient.invalidateQueries({ queryKey: ['users'] });
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<User>('/api/users', body),
    onSuccess: (user) => {
      setCreated(user.username);
      invalidate();
    },
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) => api.patch(`/api/users/${id}`, body),
    onSettled: invalidate,
  });
  const unlock = useMutation({ mutationFn: (id: string) => api.post(`/api/users/${id}/unlock`), onSettled: invalidate });

  const onCreate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body: Record<string, unknown> = Object.fromEntries([...form.entries()].filter(([, v]) => v !== ''));
    setCreated(null);
    create.mutate(body, { onSuccess: () => (event.target as HTMLFormElement).reset() });
  };

  return (
    <div className="stack">
      <section className="card">
        <h1>{t('users.title')}</h1>
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <Field
            label={tc('actions.search')}
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setPage(1);
            }}
            type="search"
          />
          <SelectField
            id="role-filter"
            label={t('users.filterRole')}
            value={role}
            empty={t('users.allRoles')}
            options={roleOptions}
            onChange={(e) => {
              setRole(e.target.value as Role | '');
              setPage(1);
            }}
          />
        </form>
        <ErrorNotice error={users.error ?? update.error ?? unlock.error} />
        {users.isLoading && <Loading />}
        {users.data?.items.length === 0 && <EmptyState message={tc('states.noResults')} />}
        {users.data && users.data.items.length > 0 && (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('users.username')}</th>
                  <th>{t('users.displayName')}</th>
                  <th>{t('users.role')}</th>
                  <th>{t('users.agency')}</th>
                  <th>{t('users.status')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {users.data.items.map((user) => (
                  <tr key={user.id}>
                    <td>{user.username}</td>
                    <td>{user.displayName}</td>
                    <td>{tc(`roles.${user.role}`)}</td>
                    <td>{(i18n.language === 'en' ? user.scopeNameEn : user.scopeNameVi) ?? '—'}</td>
                    <td>
                      {user.active ? t('users.statusActive') : t('users.statusInactive')}
                      {user.lockedUntil && <> · {t('users.locked')}</>}
                      {user.mustChangePassword && <> · {t('users.mustChange')}</>}
                    </td>
                    <td className="row-actions">
                      <button type="button" onClick={() => setEditingId(user.id)}>
                        {t('users.edit')}
                      </button>
                      {user.lockedUntil && (
                        <button type="button" onClick={() => unlock.mutate(user.id)}>
                          {t('users.unlock')}
                        </button>
                      )}
                      {user.active ? (
                        <ConfirmButton
                          label={t('users.disable')}
                          question={t('users.confirmDisable', { name: user.displayName })}
                          onConfirm={() => update.mutate({ id: user.id, body: { version: user.version, active: false } })}
                        />
                      ) : (
                        <ConfirmButton
                          label={t('users.enable')}
                          question={t('users.confirmEnable', { name: user.displayName })}
                          onConfirm={() => update.mutate({ id: user.id, body: { version: user.version, active: true } })}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {users.data && <Pagination page={page} pageSize={20} total={users.data.total} onPage={setPage} />}
      </section>
      {editing && <UserEditor key={editing.id} user={editing} onDone={() => setEditingId(null)} onChanged={invalidate} />}
      <section className="card">
        <h2>{t('users.new')}</h2>
        <form onSubmit={onCreate} className="grid-form">
          <Field label={t('users.username')} name="username" required minLength={3} pattern="[a-zA-Z0-9._@\-]+" />
          <Field label={t('users.displayName')} name="displayName" required />
          <Field label={t('users.email')} name="email" type="email" />
          <SelectField
            id="new-role"
            name="role"
            label={t('users.role')}
            value={newRole}
            options={roleOptions}
            onChange={(e) => setNewRole(e.target.value as Role)}
          />
          {agencyRole(newRole) && (
            <SelectField
              id="new-agency"
              name="agencyId"
              required
              label={t('users.agency')}
              options={(agencies.data ?? []).map((a) => ({ value: a.id, label: i18n.language === 'en' ? a.nameEn : a.nameVi }))}
            />
          )}
          {newRole === 'ngo' && <OrganisationPicker label={t('users.organisation')} name="organisationId" required />}
          <Field
            label={t('users.password')}
            name="password"
            type="password"
            required
            minLength={10}
            autoComplete="new-password"
            hint={t('users.initialHint')}
          />
          <ErrorNotice error={create.error} />
          {created && <p className="notice success">{t('users.created', { name: created })}</p>}
          <button type="submit" className="primary" disabled={create.isPending}>
            {tc('actions.create')}
          </button>
        </form>
      </section>
    </div>
  );
}

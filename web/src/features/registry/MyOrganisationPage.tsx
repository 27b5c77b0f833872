import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { Field } from '../../components/Field';
import { ErrorNotice, Loading } from '../../components/States';
import { StaleNotice } from './form-parts';
import { displayName, statusClass, type Organisation } from './registry-api';
import './registry.css';
import { formatDate } from '@common/format/date';

/** The NGO representative's own organisation: status, certificates in brief, and the contact details it may edit. */
export function MyOrganisationPage() {
  const { t, i18n } = useTranslation('registry');
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const org = useQuery({ queryKey: ['my-organisation'], queryFn: () => api.get<Organisation>('/api/my-organisation') });
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.patch<Organisation>('/api/my-organisation/contacts', body),
    onSuccess: (saved) => queryClient.setQueryData(['my-organisation'], saved),
  });
  if (org.isLoading) return <Loading />;
  if (!org.data) return <ErrorNotice error={org.error} />;
  const data = org.data;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (key: string) => {
      const v = String(form.get(key) ?? '').trim();
      return v === '' ? null : v;
    };
    save.mutate({
      version: data.version,
      website: value('website'),
      email: value('email'),
      phone: value('phone'),
      contactAddress: value('contactAddress'),
    });
  };
  return (
    <div className="stack registry">
      <section className="card">
        <h1>
          {t('my.title')}: {displayName(data, i18n.language)} <span className={statusClass(data.status)}>{t(`status.${data.status}`)}</span>
        </h1>
        <p className="muted">{t('my.intro')}</p>
        <ul>
          {data.certificates.map((c) => (
            <li key={c.id}>
              {t(`certificateTypes.${c.type}`)} {c.number}: {formatDate(c.validFrom)} – {formatDate(c.validUntil)}{' '}
              <span className={statusClass(c.status)}>{t(`status.${c.status}`)}</span>
            </li>
          ))}
        </ul>
        <p>
          <Link to={`/directory/${data.id}`}>{t('organisation.publicProfile')}</Link>
        </p>
      </section>
      <section className="card">
        <h2>{t('my.contacts')}</h2>
        <StaleNotice
          error={save.error}
          onReload={() => {
            save.reset();
            void org.refetch();
          }}
        />
        <form className="grid-form" onSubmit={onSubmit} key={data.version}>
          <Field label={t('fields.website')} name="website" defaultValue={data.website ?? ''} />
          <Field label={t('fields.email')} name="email" type="email" defaultValue={data.email ?? ''} />
          <Field label={t('fields.phone')} name="phone" defaultValue={data.phone ?? ''} />
          <Field label={t('fields.contactAddress')} name="contactAddress" defaultValue={data.contactAddress ?? ''} />
          {!(save.error instanceof ApiError && save.error.code === 'stale_version') && <ErrorNotice error={save.error} />}
          {save.isSuccess && <p className="notice success">{t('my.saved')}</p>}
          <button type="submit" className="primary" disabled={save.isPending}>
            {tc('actions.save')}
          </button>
        </form>
      </section>
    </div>
  );
}

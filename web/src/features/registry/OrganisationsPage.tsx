import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { Field } from '../../components/Field';
import { Pagination } from '../../components/Pagination';
import { SelectField } from '../../components/SelectField';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { AlertsPanel } from './AlertsPanel';
import { DirectoryFilters } from './DirectoryFilters';
import { OrganisationTable } from './OrganisationTable';
import { useFilterParams } from './DirectoryPage';
import { useReference, type DirectoryItem, type Organisation, type Page } from './registry-api';
import './registry.css';
import { DateField } from '../../components/DateField';
import { hasNationalScope } from '@common/auth/national-scope';

const PAGE_SIZE = 25;
const ORG_TYPES = ['NGO', 'SOCIAL_FUND', 'PRIVATE_FUND', 'FOUNDATION', 'OTHER'];

/** Form data without empty values, numbers as numbers. */
export function formBody(form: HTMLFormElement, numeric: string[] = []): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of new FormData(form).entries()) {
    if (typeof value !== 'string' || value.trim() === '') continue;
    body[key] = numeric.includes(key) ? Number(value) : value.trim();
  }
  return body;
}

/** Officers' list of organisations (scoped by the server), status on a chosen date, alerts, and creation. */
export function OrganisationsPage() {
  const { t } = useTranslation('registry');
  const { t: tc } = useTranslation();
  const { user } = useSession();
  const ref = useReference();
  const navigate = useNavigate();
  const { filters, page, update, params } = useFilterParams();
  const [asOf, setAsOf] = useState(params.get('asOf') ?? '');
  const manager = hasNationalScope(user);
  const list = useQuery({
    queryKey: ['organisations', filters, page, asOf],
    queryFn: () => api.get<Page<DirectoryItem>>('/api/organisations', { ...filters, asOf, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Organisation>('/api/organisations', body),
    onSuccess: (org) => navigate(`/organisations/${org.id}`),
  });
  const onCreate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(formBody(event.currentTarget));
  };
  return (
    <div className="stack registry">
      <section className="card">
        <h1>{t('organisations.title')}</h1>
        {!manager && <p className="notice">{t('organisations.readOnly')}</p>}
        {manager && (
          <p>
            <Link to="/organisations/import">{t('organisations.import')}</Link>
          </p>
        )}
        <DirectoryFilters value={filters} onChange={(next) => update(next)} />
        <div className="filters">
          <DateField label={t('organisations.asOf')} value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </div>
        <p aria-live="polite">{list.data && t('organisations.count', { total: list.data.total })}</p>
        <ErrorNotice error={list.error} />
        {list.isLoading && <Loading />}
        {list.data?.items.length === 0 && <EmptyState message={tc('states.noResults')} />}
        {list.data && list.data.items.length > 0 && (
          <OrganisationTable items={list.data.items} linkTo={(id) => `/organisations/${id}`} audience="officer" />
        )}
        {list.data && <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={(p) => update(filters, p)} />}
      </section>
      <AlertsPanel />
      {manager && (
        <section className="card">
          <h2>{t('organisations.new')}</h2>
          <form className="grid-form" onSubmit={onCreate}>
            <Field label={t('fields.nameOriginal')} name="nameOriginal" required />
            <Field label={t('fields.nameVi')} name="nameVi" />
            <Field label={t('fields.nameEn')} name="nameEn" />
            <Field label={t('fields.acronym')} name="acronym" />
            <SelectField
              id="new-country"
              name="countryCode"
              required
              defaultValue=""
              empty=""
              label={t('fields.countryCode')}
              options={ref.countries.map((c) => ({ value: c.code, label: ref.name(c) }))}
            />
            <SelectField
              id="new-type"
              name="orgType"
              defaultValue="NGO"
              label={t('fields.orgType')}
              options={ORG_TYPES.map((o) => ({ value: o, label: t(`orgTypes.${o}`) }))}
            />
            <DateField label={t('fields.homeTermUntil')} name="homeTermUntil" />
            <Field label={t('fields.website')} name="website" />
            <Field label={t('fields.email')} name="email" type="email" />
            <ErrorNotice error={create.error} />
            <button type="submit" className="primary" disabled={create.isPending}>
              {tc('actions.create')}
            </button>
          </form>
        </section>
      )}
    </div>
  );
}

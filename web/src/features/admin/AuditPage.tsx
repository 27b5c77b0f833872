import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditPage as AuditEntries } from '@common/contracts/audit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Field } from '../../components/Field';
import { Pagination } from '../../components/Pagination';
import { SelectField } from '../../components/SelectField';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { formatMoment } from '@common/format/date';
import { DateField } from '../../components/DateField';

export function AuditPage() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [page, setPage] = useState(1);
  const [filters, setFilters] = useState({ entityType: '', action: '', from: '', to: '' });
  const entries = useQuery({
    queryKey: ['audit', page, filters],
    queryFn: () => api.get<AuditEntries>('/api/audit', { page, pageSize: 25, ...filters }),
    placeholderData: keepPreviousData,
  });
  const entityLabels = t('audit.entities', { returnObjects: true }) as Record<string, string>;
  const set = (key: keyof typeof filters) => (event: { target: { value: string } }) => {
    setFilters({ ...filters, [key]: event.target.value });
    setPage(1);
  };
  return (
    <section className="card">
      <h1>{t('audit.title')}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={t('audit.filterEntity')}
          empty={t('audit.anyEntity')}
          options={Object.entries(entityLabels).map(([value, label]) => ({ value, label }))}
          value={filters.entityType}
          onChange={set('entityType')}
        />
        <Field label={t('audit.filterAction')} value={filters.action} onChange={set('action')} />
        <DateField label={t('audit.from')} value={filters.from} onChange={set('from')} />
        <DateField label={t('audit.to')} value={filters.to} onChange={set('to')} />
      </form>
      <ErrorNotice error={entries.error} />
      {entries.isLoading && <Loading />}
      {entries.data?.items.length === 0 && <EmptyState message={tc('states.noResults')} />}
      {entries.data && entries.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('audit.at')}</th>
                <th>{t('audit.actor')}</th>
                <th>{t('audit.action')}</th>
                <th>{t('audit.entity')}</th>
                <th>{t('audit.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.data.items.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatMoment(entry.at)}</td>
                  <td>{entry.actorLabel}</td>
                  <td>
                    {/* Words for people (every action has a label: common/i18n/audit-actions.test.ts); the code on hover for the API. */}
                    <span title={entry.action}>{t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}</span>
                  </td>
                  <td>
                    {entityLabels[entry.entityType] ?? entry.entityType} {entry.entityId ? <code>{entry.entityId.slice(0, 8)}</code> : null}
                  </td>
                  <td>
                    {(entry.before !== null || entry.after !== null) && (
                      <details>
                        <summary>{t('audit.changes')}</summary>
                        {entry.before !== null && (
                          <>
                            <h4>{t('audit.before')}</h4>
                            <pre>{JSON.stringify(entry.before, null, 1)}</pre>
                          </>
                        )}
                        {entry.after !== null && (
                          <>
                            <h4>{t('audit.after')}</h4>
                            <pre>{JSON.stringify(entry.after, null, 1)}</pre>
                          </>
                        )}
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {entries.data && <Pagination page={page} pageSize={25} total={entries.data.total} onPage={setPage} />}
    </section>
  );
}

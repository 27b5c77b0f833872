import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { Field } from '../../components/Field';
import { Pagination } from '../../components/Pagination';
import { plainOptions, SelectField } from '../../components/SelectField';
import { EmptyState, ErrorNotice } from '../../components/States';
import { formatDate } from '@common/format/date';
import { yearOptions } from './format';
import type { ExchangeRate, Page } from './types';
import { useReference } from './useReference';
import './aid.css';
import { DateField } from '../../components/DateField';
import { MoneyField } from '../../components/MoneyField';

type Change = { rates: number; reconverted: number };
type RowError = { line: number; field: string; message: string };

/** The exchange-rate table transactions convert with: browse, add or replace one rate, import a CSV. */
export function ExchangeRatesPage() {
  const { t } = useTranslation('aid');
  const { user } = useSession();
  const ref = useReference();
  const currencyOptions = (ref.currencies.data ?? []).map((c) => ({ value: c.code, label: ref.name(c) }));
  const queryClient = useQueryClient();
  const [currency, setCurrency] = useState('');
  const [year, setYear] = useState('');
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<Change | null>(null);
  const rates = useQuery({
    queryKey: ['rates', currency, year, page],
    queryFn: () => api.get<Page<ExchangeRate>>('/api/exchange-rates', { currency, year, page, pageSize: 50 }),
    placeholderData: keepPreviousData,
  });
  const done = (change: Change) => {
    setResult(change);
    void queryClient.invalidateQueries({ queryKey: ['rates'] });
    void queryClient.invalidateQueries({ queryKey: ['aid'] });
  };
  const put = useMutation({ mutationFn: (body: Record<string, string>) => api.post<Change>('/api/exchange-rates', body), onSuccess: done });
  const upload = useMutation({
    mutationFn: async (file: File) => api.post<Change>('/api/exchange-rates/import', { csv: await file.text(), source: file.name }),
    onSuccess: done,
  });
  const admin = user?.role === 'admin';
  const onPut = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setResult(null);
    put.mutate(Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, String(v).trim()])), {
      onSuccess: () => form.reset(),
    });
  };
  const rowErrors = upload.error instanceof ApiError ? ((upload.error.details as { errors?: RowError[] } | undefined)?.errors ?? []) : [];

  return (
    <div className="stack">
      <section className="card">
        <p>
          <Link to="/aid">← {t('list.title')}</Link>
        </p>
        <h1>{t('rates.title')}</h1>
        <p className="hint">{t('rates.explain')}</p>
        <div className="filters">
          <SelectField
            label={t('transactions.currency')}
            value={currency}
            onChange={(e) => {
              setCurrency(e.target.value);
              setPage(1);
            }}
            empty={t('filters.all')}
            options={currencyOptions.map((c) => ({ value: c.value, label: `${c.value} — ${c.label}` }))}
          />
          <SelectField
            label={t('filters.year')}
            value={year}
            onChange={(e) => {
              setYear(e.target.value);
              setPage(1);
            }}
            empty={t('filters.all')}
            options={plainOptions(yearOptions())}
          />
        </div>
        <ErrorNotice error={rates.error} />
        {rates.data?.items.length === 0 && <EmptyState />}
        {rates.data && rates.data.items.length > 0 && (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('transactions.currency')}</th>
                  <th>{t('rates.date')}</th>
                  <th className="num">{t('rates.usdPerUnit')}</th>
                  <th className="num">{t('rates.vndPerUnit')}</th>
                  <th>{t('rates.source')}</th>
                </tr>
              </thead>
              <tbody>
                {rates.data.items.map((r) => (
                  <tr key={`${r.currency}:${r.date}`}>
                    <td>{r.currency}</td>
                    <td>{formatDate(r.date)}</td>
                    <td className="num">{r.usdPerUnit}</td>
                    <td className="num">{r.vndPerUnit}</td>
                    <td>{r.source ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {rates.data && <Pagination page={page} pageSize={50} total={rates.data.total} onPage={setPage} />}
      </section>
      {admin && (
        <section className="card">
          <h2>{t('rates.putTitle')}</h2>
          <form className="grid-form" onSubmit={onPut}>
            <SelectField
              label={t('transactions.currency')}
              name="currency"
              required
              options={currencyOptions.map((c) => ({ value: c.value, label: c.value }))}
            />
            <DateField label={t('rates.date')} name="date" required />
            <MoneyField label={t('rates.usdPerUnit')} name="usdPerUnit" required />
            <MoneyField label={t('rates.vndPerUnit')} name="vndPerUnit" required />
            <Field label={t('rates.source')} name="source" maxLength={200} />
            <div className="field">
              <button type="submit" className="primary" disabled={put.isPending}>
                {t('rates.put')}
              </button>
            </div>
          </form>
          <ErrorNotice error={put.error} />
          <h2>{t('rates.importTitle')}</h2>
          <p className="hint">{t('rates.importHint')}</p>
          <div className="field">
            <label htmlFor="rates-file">{t('rates.file')}</label>
            <input
              id="rates-file"
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => {
                const file = e.target.files?.[0];
                setResult(null);
                if (file) upload.mutate(file);
                e.target.value = '';
              }}
            />
          </div>
          <ErrorNotice error={upload.error} />
          {rowErrors.length > 0 && (
            <ul className="notice error">
              {rowErrors.map((r) => (
                <li key={`${r.line}:${r.field}`}>{t('rates.rowError', { line: r.line, field: r.field, message: r.message })}</li>
              ))}
            </ul>
          )}
          {result && <p className="notice success">{t('rates.done', { rates: result.rates, reconverted: result.reconverted })}</p>}
        </section>
      )}
    </div>
  );
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Field } from '../../components/Field';
import { Pagination } from '../../components/Pagination';
import { EmptyState, ErrorNotice } from '../../components/States';
import { formatDate } from '@common/format/date';
import { formatAmount } from './format';
import type { AidDetail, Page, Transaction } from './types';
import { useReference } from './useReference';
import { DateField } from '../../components/DateField';
import { MoneyField } from '../../components/MoneyField';

const PAGE_SIZE = 20;

/** Totals in original currencies, USD and VND, the transactions table and, for writers, the form to add one. */
export function TransactionsPanel({ item }: { item: AidDetail }) {
  const { t, i18n } = useTranslation('aid');
  const { t: tc } = useTranslation();
  const ref = useReference();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [added, setAdded] = useState(false);
  const list = useQuery({
    queryKey: ['aid', item.id, 'transactions', page],
    queryFn: () => api.get<Page<Transaction>>(`/api/aid/${item.id}/transactions`, { page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const add = useMutation({
    mutationFn: (body: Record<string, string>) => api.post<Transaction>(`/api/aid/${item.id}/transactions`, body),
    onSuccess: () => {
      setAdded(true);
      void queryClient.invalidateQueries({ queryKey: ['aid'] });
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const body = Object.fromEntries([...new FormData(form).entries()].filter(([, v]) => v !== '').map(([k, v]) => [k, String(v).trim()]));
    setAdded(false);
    add.mutate(body, { onSuccess: () => form.reset() });
  };
  const money = (value: string) => formatAmount(value, i18n.language);

  return (
    <section className="card" aria-labelledby="aid-money">
      <h2 id="aid-money">{t('transactions.title')}</h2>
      <div className="aid-totals">
        <div>
          <span className="muted">{t('fields.committedUsd')}</span>
          <strong>{money(item.totals.committedUsd)}</strong>
        </div>
        <div>
          <span className="muted">{t('fields.disbursedUsd')}</span>
          <strong>{money(item.totals.disbursedUsd)}</strong>
        </div>
        <div>
          <span className="muted">{t('transactions.committedVnd')}</span>
          <strong>{money(item.totals.committedVnd)}</strong>
        </div>
        <div>
          <span className="muted">{t('transactions.disbursedVnd')}</span>
          <strong>{money(item.totals.disbursedVnd)}</strong>
        </div>
      </div>
      {item.totals.byCurrency.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="hint">{t('transactions.byCurrency')}</caption>
            <thead>
              <tr>
                <th>{t('transactions.currency')}</th>
                <th className="num">{t('kind.COMMITMENT')}</th>
                <th className="num">{t('kind.DISBURSEMENT')}</th>
              </tr>
            </thead>
            <tbody>
              {item.totals.byCurrency.map((c) => (
                <tr key={c.currency}>
                  <td>{c.currency}</td>
                  <td className="num">{money(c.committed)}</td>
                  <td className="num">{money(c.disbursed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorNotice error={list.error} />
      {list.data?.items.length === 0 && <EmptyState message={t('transactions.none')} />}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('transactions.date')}</th>
                <th>{t('transactions.kind')}</th>
                <th className="num">{t('transactions.amount')}</th>
                <th className="num">USD</th>
                <th className="num">VND</th>
                <th>{t('transactions.rateDate')}</th>
                <th>{t('transactions.source')}</th>
                <th>{t('transactions.description')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((tx) => (
                <tr key={tx.id}>
                  <td>{formatDate(tx.date)}</td>
                  <td>{t(`kind.${tx.kind}`)}</td>
                  <td className="num">
                    {money(tx.amount)} {tx.currency}
                  </td>
                  <td className="num">{money(tx.amountUsd)}</td>
                  <td className="num">{money(tx.amountVnd)}</td>
                  <td>{formatDate(tx.rateDate)}</td>
                  <td>{t(`source.${tx.source}`)}</td>
                  <td>{tx.description ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />}
      <p className="hint">{t('transactions.conversionNote')}</p>
      {item.abilities.addTransaction && <h3>{t('transactions.add')}</h3>}
      {item.abilities.addTransaction && (
        <form className="grid-form" onSubmit={onSubmit} aria-label={t('transactions.add')}>
          <div className="field">
            <label htmlFor="tx-kind">{t('transactions.kind')}</label>
            <select id="tx-kind" name="kind" required defaultValue="DISBURSEMENT">
              <option value="COMMITMENT">{t('kind.COMMITMENT')}</option>
              <option value="DISBURSEMENT">{t('kind.DISBURSEMENT')}</option>
            </select>
          </div>
          <DateField label={t('transactions.date')} name="date" required />
          <MoneyField label={t('transactions.amount')} name="amount" required hint={t('transactions.amountHint')} />
          <div className="field">
            <label htmlFor="tx-currency">{t('transactions.currency')}</label>
            <select id="tx-currency" name="currency" required defaultValue={item.defaultCurrency}>
              {(ref.currencies.data ?? [{ code: item.defaultCurrency, nameVi: item.defaultCurrency, nameEn: item.defaultCurrency }]).map(
                (c) => (
                  <option key={c.code} value={c.code}>
                    {c.code} — {ref.name(c)}
                  </option>
                ),
              )}
            </select>
          </div>
          <Field label={t('transactions.description')} name="description" maxLength={1000} />
          <div className="field">
            <button type="submit" className="primary" disabled={add.isPending}>
              {t('transactions.add')}
            </button>
          </div>
          <ErrorNotice error={add.error} />
          {added && <p className="notice success">{tc('states.saved')}</p>}
        </form>
      )}
    </section>
  );
}

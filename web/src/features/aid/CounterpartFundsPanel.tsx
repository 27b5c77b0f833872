import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorNotice } from '../../components/States';
import { formatAmount } from './format';
import type { CounterpartList } from './aid-reports-types';

/**
 * Counterpart funds (vốn đối ứng, D80 Art. 3.9) beside the aid item: each amount with its currency and source, the
 * totals per currency, and for those who may record them a small form; with a link to the item's reports.
 */
export function CounterpartFundsPanel({ aidItemId }: { aidItemId: string }) {
  const { t, i18n } = useTranslation('aidReports');
  const queryClient = useQueryClient();
  const key = ['aid', aidItemId, 'counterpart'];
  const funds = useQuery({ queryKey: key, queryFn: () => api.get<CounterpartList>(`/api/aid/${aidItemId}/counterpart-funds`) });
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('VND');
  const [source, setSource] = useState('');
  const update = (data: CounterpartList) => queryClient.setQueryData(key, data);
  const add = useMutation({
    mutationFn: () => api.post<CounterpartList>(`/api/aid/${aidItemId}/counterpart-funds`, { amount: amount.trim(), currency, source }),
    onSuccess: (data) => {
      update(data);
      setAmount('');
      setSource('');
    },
  });
  const remove = useMutation({
    mutationFn: (fundId: string) => api.delete<CounterpartList>(`/api/aid/${aidItemId}/counterpart-funds/${fundId}`),
    onSuccess: update,
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  const lang = i18n.language;
  return (
    <section className="card" aria-labelledby="counterpart-funds">
      <h2 id="counterpart-funds">{t('counterpartFunds.title')}</h2>
      <ErrorNotice error={funds.error} />
      {funds.data && funds.data.items.length === 0 && <p className="hint">{t('counterpartFunds.empty')}</p>}
      {funds.data && funds.data.items.length > 0 && (
        <ul>
          {funds.data.items.map((f) => (
            <li key={f.id}>
              {formatAmount(f.amount, lang)} {f.currency} – {f.source}{' '}
              {funds.data.canEdit && (
                <ConfirmButton
                  label={t('counterpartFunds.remove')}
                  question={t('counterpartFunds.confirmRemove')}
                  onConfirm={() => remove.mutate(f.id)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {funds.data && funds.data.totals.length > 0 && (
        <p>
          {t('counterpartFunds.total')}: {funds.data.totals.map((m) => `${formatAmount(m.amount, lang)} ${m.currency}`).join(' · ')}
        </p>
      )}
      {funds.data?.canEdit && (
        <form className="filters" onSubmit={onSubmit}>
          <div className="field">
            <label htmlFor="counterpart-amount">{t('counterpartFunds.amount')}</label>
            <input id="counterpart-amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="counterpart-currency">{t('counterpartFunds.currency')}</label>
            <input
              id="counterpart-currency"
              maxLength={3}
              value={currency}
              onChange={(e) => setCurrency(e.target.value.toUpperCase())}
              required
            />
          </div>
          <div className="field wide">
            <label htmlFor="counterpart-source">{t('counterpartFunds.source')}</label>
            <input
              id="counterpart-source"
              value={source}
              placeholder={t('counterpartFunds.sourcePlaceholder')}
              onChange={(e) => setSource(e.target.value)}
              required
            />
          </div>
          <button type="submit" disabled={add.isPending}>
            {t('counterpartFunds.add')}
          </button>
        </form>
      )}
      <ErrorNotice error={add.error ?? remove.error} />
      <p>
        <Link to={`/aid-reports?aidItemId=${aidItemId}`}>{t('title')}</Link>
      </p>
    </section>
  );
}

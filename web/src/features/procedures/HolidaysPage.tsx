import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Field } from '../../components/Field';
import { ErrorNotice, Loading } from '../../components/States';
import { ProceduresNav } from './ProceduresNav';
import { useLocalized } from './useLocalized';
import { vietnamYear } from '@common/time/vietnam-today';
import { DateField } from '../../components/DateField';

type Decision = {
  id: string;
  date: string;
  kind: string;
  occasion: string | null;
  reasonVi: string;
  reasonEn: string;
  legalRef: string;
  version: number;
};
type Day = { date: string; reason: string; kind: string; legalRef: string };
const KINDS = ['HOLIDAY', 'COMPENSATORY', 'SWAP_OFF', 'SWAP_WORK', 'EXTRA_OFF'];
const OCCASIONS = ['NEW_YEAR', 'LUNAR_NEW_YEAR', 'HUNG_KINGS', 'VICTORY_DAY', 'LABOUR_DAY', 'NATIONAL_DAY', 'CULTURE_DAY'];

/** The Prime Minister's yearly holiday decisions (admin edits, central officers read) and the resulting calendar. */
export function HolidaysPage() {
  const { t } = useTranslation('procedures');
  const l = useLocalized();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const isAdmin = user?.role === 'admin';
  const [year, setYear] = useState(vietnamYear());
  const [weekends, setWeekends] = useState(false);
  const [added, setAdded] = useState(false);
  const [check, setCheck] = useState({ from: '', days: '30' });
  const decisions = useQuery({
    queryKey: ['holiday-decisions', year],
    queryFn: () => api.get<{ items: Decision[] }>('/api/calendar/decisions', { year }),
  });
  const days = useQuery({
    queryKey: ['non-working', year, l.en],
    queryFn: () => api.get<{ days: Day[] }>('/api/calendar/non-working-days', { year }),
  });
  const result = useQuery({
    queryKey: ['add-working-days', check.from, check.days],
    queryFn: () => api.get<{ date: string }>('/api/calendar/add-working-days', { from: check.from, days: check.days }),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(check.from) && check.days !== '',
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['holiday-decisions'] });
    void queryClient.invalidateQueries({ queryKey: ['non-working'] });
    void queryClient.invalidateQueries({ queryKey: ['add-working-days'] });
  };
  const create = useMutation({
    mutationFn: (body: unknown) => api.post('/api/calendar/decisions', body),
    onSuccess: () => {
      setAdded(true);
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (d: Decision) => api.delete(`/api/calendar/decisions/${d.id}?version=${d.version}`),
    onSettled: refresh,
  });
  const onCreate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAdded(false);
    const form = new FormData(event.currentTarget);
    const body = Object.fromEntries([...form.entries()].filter(([, v]) => v !== ''));
    create.mutate(body, { onSuccess: () => (event.target as HTMLFormElement).reset() });
  };
  const shown = (days.data?.days ?? []).filter((d) => weekends || d.kind !== 'WEEKEND');
  const weekendCount = (days.data?.days ?? []).filter((d) => d.kind === 'WEEKEND').length;

  return (
    <div className="stack">
      <ProceduresNav />
      <section className="card">
        <h1>{t('holidays.title')}</h1>
        <p className="hint">{t('holidays.intro')}</p>
        <div className="filters">
          <Field
            label={t('holidays.year')}
            type="number"
            min={1990}
            max={2100}
            value={year}
            onChange={(e) => setYear(Number(e.target.value) || year)}
          />
          <DateField label={t('holidays.checkFrom')} value={check.from} onChange={(e) => setCheck({ ...check, from: e.target.value })} />
          <Field
            label={t('holidays.checkDays')}
            type="number"
            value={check.days}
            onChange={(e) => setCheck({ ...check, days: e.target.value })}
          />
          {result.data && (
            <p className="notice" role="status" data-testid="add-result">
              {t('holidays.checkResult', { date: l.date(result.data.date) })}
            </p>
          )}
        </div>
      </section>
      <section className="card">
        <h2>{t('holidays.decisions')}</h2>
        <ErrorNotice error={decisions.error ?? remove.error} />
        {decisions.isLoading && <Loading />}
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('holidays.date')}</th>
                <th>{t('holidays.kind')}</th>
                <th>{t('holidays.occasion')}</th>
                <th>{t('holidays.reason')}</th>
                <th>{t('holidays.legalRef')}</th>
                {isAdmin && <th />}
              </tr>
            </thead>
            <tbody>
              {decisions.data?.items.map((d) => (
                <tr key={d.id} data-date={d.date}>
                  <td>{l.date(d.date)}</td>
                  <td>{t(`holidays.kinds.${d.kind}`)}</td>
                  <td>{d.occasion ? t(`holidays.occasions.${d.occasion}`) : '—'}</td>
                  <td>{l.pick(d.reasonVi, d.reasonEn)}</td>
                  <td className="muted">{d.legalRef}</td>
                  {isAdmin && (
                    <td>
                      <ConfirmButton
                        label={t('holidays.delete')}
                        question={t('holidays.confirmDelete', { date: l.date(d.date) })}
                        onConfirm={() => remove.mutate(d)}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {isAdmin && (
        <section className="card">
          <h2>{t('holidays.add')}</h2>
          <form className="grid-form" onSubmit={onCreate}>
            <DateField label={t('holidays.date')} name="date" required />
            <div className="field">
              <label htmlFor="h-kind">{t('holidays.kind')}</label>
              <select id="h-kind" name="kind">
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`holidays.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="h-occasion">{t('holidays.occasion')}</label>
              <select id="h-occasion" name="occasion">
                <option value="">{t('holidays.none')}</option>
                {OCCASIONS.map((o) => (
                  <option key={o} value={o}>
                    {t(`holidays.occasions.${o}`)}
                  </option>
                ))}
              </select>
            </div>
            <Field label={t('holidays.reasonVi')} name="reasonVi" required />
            <Field label={t('holidays.reasonEn')} name="reasonEn" required />
            <Field label={t('holidays.legalRef')} name="legalRef" required />
            <ErrorNotice error={create.error} />
            {added && (
              <p className="notice success" role="status">
                {t('holidays.added')}
              </p>
            )}
            <button type="submit" className="primary" disabled={create.isPending}>
              {t('holidays.add')}
            </button>
          </form>
        </section>
      )}
      <section className="card">
        <h2>{t('holidays.nonWorking')}</h2>
        <label>
          <input type="checkbox" checked={weekends} onChange={(e) => setWeekends(e.target.checked)} /> {t('holidays.showWeekends')} (
          {t('holidays.weekendCount', { count: weekendCount })})
        </label>
        <ul className="plain">
          {shown.map((d) => (
            <li key={d.date}>
              <strong>{l.date(d.date)}</strong> {d.reason} <span className="badge">{t(`holidays.kinds.${d.kind}`)}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

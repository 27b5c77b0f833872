import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, downloadUrl } from '../../api/client';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Field } from '../../components/Field';
import { ErrorNotice } from '../../components/States';
import { ReportStatusBadge } from './AidBadges';
import { formatDate } from '@common/format/date';
import { formatAmount } from './format';
import type { NgoReport, ReportLine } from './types';
import { useReference } from './useReference';
import { DateField } from '../../components/DateField';
import { MoneyField } from '../../components/MoneyField';

type LineState = Record<
  | 'disbursedAmount'
  | 'currency'
  | 'disbursementDate'
  | 'results'
  | 'beneficiariesTotal'
  | 'beneficiariesFemale'
  | 'beneficiariesEthnicMinority'
  | 'beneficiariesDisability',
  string
>;
const COUNTS = ['beneficiariesTotal', 'beneficiariesFemale', 'beneficiariesEthnicMinority', 'beneficiariesDisability'] as const;
const AMOUNT = /^\d{1,15}(\.\d{1,6})?$/;

const toState = (l: ReportLine): LineState => ({
  disbursedAmount: l.disbursedAmount ?? '',
  currency: l.currency ?? l.defaultCurrency,
  disbursementDate: l.disbursementDate ?? '',
  results: l.results ?? '',
  ...(Object.fromEntries(COUNTS.map((k) => [k, l[k] === null ? '' : String(l[k])])) as Record<(typeof COUNTS)[number], string>),
});

/** Problems of one line, keyed by field, in the UI language (the server checks the same and more). */
function lineProblems(s: LineState, report: NgoReport, t: (key: string) => string): Record<string, string> {
  const p: Record<string, string> = {};
  if (s.disbursedAmount && !AMOUNT.test(s.disbursedAmount)) p.disbursedAmount = t('reports.errors.amount');
  if (s.disbursementDate && (s.disbursementDate < report.periodFrom || s.disbursementDate > report.periodTo))
    p.disbursementDate = t('reports.errors.date');
  for (const key of COUNTS) if (s[key] && !/^\d+$/.test(s[key])) p[key] = t('reports.errors.count');
  if (s.beneficiariesTotal && /^\d+$/.test(s.beneficiariesTotal)) {
    for (const key of COUNTS.slice(1))
      if (s[key] && Number(s[key]) > Number(s.beneficiariesTotal)) p[key] = t('reports.errors.partExceeds');
  }
  return p;
}

/** The FNGO annual report (Mẫu 05): one block per aid item with disbursement, results and beneficiaries. */
export function NgoReportForm({ report }: { report: NgoReport }) {
  const { t, i18n } = useTranslation('aid');
  const ref = useReference();
  const queryClient = useQueryClient();
  const [summary, setSummary] = useState(report.summary ?? '');
  const [lines, setLines] = useState<Record<string, LineState>>(() =>
    Object.fromEntries(report.lines.map((l) => [l.aidItemId, toState(l)])),
  );
  const [problems, setProblems] = useState<Record<string, Record<string, string>>>({});
  const [done, setDone] = useState<'saved' | 'submitted' | null>(null);
  const editable = report.abilities.edit;
  const body = () => ({
    version: report.version,
    summary: summary.trim() || null,
    lines: report.lines.map((l) => {
      const s = lines[l.aidItemId]!;
      const count = (v: string) => (v === '' ? null : Number(v));
      return {
        aidItemId: l.aidItemId,
        disbursedAmount: s.disbursedAmount || null,
        currency: s.disbursedAmount ? s.currency : null,
        disbursementDate: s.disbursementDate || null,
        results: s.results.trim() || null,
        ...Object.fromEntries(COUNTS.map((k) => [k, count(s[k])])),
      };
    }),
  });
  const valid = () => {
    const found = Object.fromEntries(
      report.lines
        .map((l) => [l.aidItemId, lineProblems(lines[l.aidItemId]!, report, t)])
        .filter(([, p]) => Object.keys(p as object).length > 0),
    );
    setProblems(found);
    return Object.keys(found).length === 0;
  };
  const refresh = (next: NgoReport) => {
    queryClient.setQueryData(['reports', 'ngo', next.id], next);
    void queryClient.invalidateQueries({ queryKey: ['reports'] });
    void queryClient.invalidateQueries({ queryKey: ['aid'] });
  };
  const save = useMutation({
    mutationFn: () => api.put<NgoReport>(`/api/reports/ngo/${report.id}`, body()),
    onSuccess: (next) => {
      setDone('saved');
      refresh(next);
    },
  });
  const submit = useMutation({
    mutationFn: async () => {
      const saved = await api.put<NgoReport>(`/api/reports/ngo/${report.id}`, body());
      return api.post<NgoReport>(`/api/reports/ngo/${report.id}/submit`, { version: saved.version });
    },
    onSuccess: (next) => {
      setDone('submitted');
      refresh(next);
    },
  });
  const set = (itemId: string, key: keyof LineState, value: string) =>
    setLines((all) => ({ ...all, [itemId]: { ...all[itemId]!, [key]: value } }));

  return (
    <div className="stack">
      <section className="card">
        <div className="aid-head">
          <h2>{t('reports.formTitle', { year: report.reportYear, name: report.organisationName })}</h2>
          <ReportStatusBadge status={report.status} />
        </div>
        <p>
          {t('reports.periodLine', {
            from: formatDate(report.periodFrom),
            to: formatDate(report.periodTo),
            due: formatDate(report.dueDate),
          })}
        </p>
        {report.reviewNote && <p className="notice warning">{t('reports.reviewNote', { note: report.reviewNote })}</p>}
        {!editable && <p className="hint">{t('reports.readOnly')}</p>}
        {report.lines.length === 0 && <p className="notice">{t('reports.noItems')}</p>}
      </section>
      {report.lines.map((l) => {
        const s = lines[l.aidItemId]!;
        const p = problems[l.aidItemId] ?? {};
        const idp = `line-${l.aidItemId}`;
        return (
          <section className="card report-line" key={l.aidItemId} aria-labelledby={`${idp}-title`}>
            <h3 id={`${idp}-title`}>
              <Link to={`/aid/${l.aidItemId}`}>{l.aidItemCode}</Link> ·{' '}
              {i18n.language === 'en' && l.aidItemTitleEn ? l.aidItemTitleEn : l.aidItemTitleVi}
            </h3>
            <fieldset disabled={!editable} className="grid-form">
              <MoneyField
                id={`${idp}-amount`}
                label={t('reports.disbursed')}
                value={s.disbursedAmount}
                error={p.disbursedAmount}
                onChange={(e) => set(l.aidItemId, 'disbursedAmount', e.target.value.trim())}
              />
              <div className="field">
                <label htmlFor={`${idp}-currency`}>{t('transactions.currency')}</label>
                <select id={`${idp}-currency`} value={s.currency} onChange={(e) => set(l.aidItemId, 'currency', e.target.value)}>
                  {(ref.currencies.data ?? [{ code: s.currency, nameVi: s.currency, nameEn: s.currency }]).map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.code}
                    </option>
                  ))}
                </select>
              </div>
              <DateField
                id={`${idp}-date`}
                label={t('reports.disbursementDate')}
                min={report.periodFrom}
                max={report.periodTo}
                value={s.disbursementDate}
                error={p.disbursementDate}
                hint={t('reports.dateHint')}
                onChange={(e) => set(l.aidItemId, 'disbursementDate', e.target.value)}
              />
              {l.amountUsd && <p className="hint">{t('reports.usdValue', { usd: formatAmount(l.amountUsd, i18n.language) })}</p>}
              {COUNTS.map((k) => (
                <Field
                  key={k}
                  id={`${idp}-${k}`}
                  label={t(`reports.${k}`)}
                  inputMode="numeric"
                  value={s[k]}
                  error={p[k]}
                  onChange={(e) => set(l.aidItemId, k, e.target.value.trim())}
                />
              ))}
            </fieldset>
            <div className="field">
              <label htmlFor={`${idp}-results`}>{t('reports.results')}</label>
              <textarea
                id={`${idp}-results`}
                disabled={!editable}
                value={s.results}
                onChange={(e) => set(l.aidItemId, 'results', e.target.value)}
              />
            </div>
          </section>
        );
      })}
      <section className="card">
        <div className="field">
          <label htmlFor="report-summary">{t('reports.summary')}</label>
          <textarea id="report-summary" disabled={!editable} value={summary} onChange={(e) => setSummary(e.target.value)} />
        </div>
        {Object.keys(problems).length > 0 && (
          <p className="notice error" role="alert">
            {t('form.fixProblems')}
          </p>
        )}
        <ErrorNotice error={save.error ?? submit.error} />
        {done === 'saved' && <p className="notice success">{t('reports.savedDraft')}</p>}
        {done === 'submitted' && <p className="notice success">{t('reports.submittedNotice')}</p>}
        <p>
          <a href={downloadUrl(`/api/reports/ngo/${report.id}/export.pdf`)}>{t('reports.pdf')}</a>
        </p>
        {editable && (
          <div className="row-actions">
            <button type="button" disabled={save.isPending || submit.isPending} onClick={() => valid() && save.mutate()}>
              {t('reports.saveDraft')}
            </button>
            <ConfirmButton
              className="primary"
              disabled={save.isPending || submit.isPending}
              label={t('reports.submit')}
              question={t('reports.confirmSubmit', { year: report.reportYear })}
              onConfirm={() => valid() && submit.mutate()}
            />
          </div>
        )}
      </section>
    </div>
  );
}

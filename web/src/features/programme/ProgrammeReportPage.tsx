import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { plainOptions, SelectField } from '../../components/SelectField';
import { ErrorNotice, Loading } from '../../components/States';
import { formatDate } from '@common/format/date';
import { vietnamYear } from '@common/time/vietnam-today';
import { formatAmount } from '../aid/format';
import { useReference } from '../aid/useReference';
import type { ProgrammeReport } from './programmeReportTypes';
import { formatMoment, pick } from './types';
import { useProgrammes } from './useProgrammes';
import './programme.css';
import './programme-reports.css';
import { hasNationalScope } from '@common/auth/national-scope';

/** Years a Programme report can be about: from Decision 1225's first year to this year. */
export const reportYears = (): number[] => Array.from({ length: vietnamYear() - 2018 }, (_, i) => vietnamYear() - i);

/** The registry's figures of a report: totals, then money by priority field of the programme. */
function ReportFigures({ report }: { report: ProgrammeReport }) {
  const { t, i18n } = useTranslation('programmeReports');
  const lang = i18n.language;
  const { sectors, name } = useReference();
  const f = report.figures;
  const usd = (v: string) => formatAmount(v, lang);
  const sectorNames = (codes: string[]) => codes.map((c) => name(sectors.data?.find((x) => x.code === c)) || c).join('; ');
  return (
    <>
      <h2>{t('report.figures')}</h2>
      <p className="muted">{report.status === 'SUBMITTED' ? t('report.figuresFrozen') : t('report.figuresLive')}</p>
      <dl className="programme-figures">
        <dt>{t('figures.committedUsd')}</dt>
        <dd>{usd(f.committedUsd)}</dd>
        <dt>{t('figures.disbursedUsd')}</dt>
        <dd>{usd(f.disbursedUsd)}</dd>
        <dt>{t('figures.aidRecords')}</dt>
        <dd>{f.aidRecords}</dd>
        <dt>{t('figures.organisations')}</dt>
        <dd>{f.organisations}</dd>
        <dt>{t('figures.activeOrganisations')}</dt>
        <dd>{f.activeOrganisations}</dd>
      </dl>
      <div className="table-wrap">
        <table>
          <caption>{t('report.byPriority')}</caption>
          <thead>
            <tr>
              <th>{t('columns.priority')}</th>
              <th>{t('columns.sectors')}</th>
              <th className="num">{t('figures.committedUsd')}</th>
              <th className="num">{t('figures.disbursedUsd')}</th>
            </tr>
          </thead>
          <tbody>
            {f.priorities.map((p) => (
              <tr key={p.code}>
                <td>
                  {pick(lang, p.nameVi, p.nameEn)}
                  {p.shared && <span title={t('report.shared')}> *</span>}
                </td>
                <td>{sectorNames(p.sectorCodes)}</td>
                <td className="num">{usd(p.committedUsd)}</td>
                <td className="num">{usd(p.disbursedUsd)}</td>
              </tr>
            ))}
            <tr>
              <td colSpan={2}>{t('report.outside')}</td>
              <td className="num">{usd(f.outside.committedUsd)}</td>
              <td className="num">{usd(f.outside.disbursedUsd)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {f.priorities.some((p) => p.shared) && <p className="muted">* {t('report.shared')}</p>}
    </>
  );
}

/**
 * "Báo cáo Chương trình": a ministry's or province's yearly report on the Programme, pre-filled from the registry.
 * The agency's officer fills in difficulties and proposals, saves and submits; central opens any agency's report
 * (`?agency=`) and may return a submitted one with a reason.
 */
export function ProgrammeReportPage() {
  const { t, i18n } = useTranslation('programmeReports');
  const lang = i18n.language;
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const programmes = useProgrammes();
  const year = Number(params.get('year')) || vietnamYear() - 1;
  const agency = params.get('agency') ?? (user?.role === 'agency' ? user.agencyId : null);
  const path = agency ? `/api/programme-reports/${year}/${encodeURIComponent(agency)}` : null;
  const report = useQuery({
    queryKey: ['programme-report', year, agency],
    queryFn: () => api.get<ProgrammeReport>(path!),
    enabled: Boolean(path),
  });
  const [text, setText] = useState({ difficulties: '', proposals: '' });
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (report.data) setText({ difficulties: report.data.difficulties, proposals: report.data.proposals });
  }, [report.data]);
  const done = (data: ProgrammeReport) => {
    queryClient.setQueryData(['programme-report', year, agency], data);
    void queryClient.invalidateQueries({ queryKey: ['programme-reports-status'] });
  };
  const save = useMutation({
    mutationFn: () => api.put<ProgrammeReport>(path!, { version: report.data!.version, ...text }),
    onSuccess: (data) => {
      done(data);
      setSaved(true);
    },
  });
  const submit = useMutation({
    mutationFn: async () => {
      const draft = await api.put<ProgrammeReport>(path!, { version: report.data!.version, ...text });
      return api.post<ProgrammeReport>(`${path!}/submit`, { version: draft.version });
    },
    onSuccess: done,
  });
  const sendBack = useMutation({
    mutationFn: () => api.post<ProgrammeReport>(`${path!}/return`, { version: report.data!.version, reason }),
    onSuccess: (data) => {
      done(data);
      setReason('');
    },
  });
  const r = report.data;
  const programme = programmes.data?.find((p) => p.code === r?.programmeCode);
  const editable = Boolean(r?.actions.includes('save'));
  return (
    <section className="card needs stack">
      <p>
        <Link to="/programmes">← {t('programme:programmes.title')}</Link>
        {hasNationalScope(user) && (
          <>
            {' · '}
            <Link to={`/programme-reports/status?year=${year}`}>{t('links.status')}</Link>
          </>
        )}
      </p>
      <h1>{t('report.title')}</h1>
      <p className="muted">{t('report.intro')}</p>
      <div className="filters">
        <SelectField
          label={t('report.year')}
          value={year}
          options={plainOptions(reportYears())}
          onChange={(e) => setParams({ year: e.target.value, ...(params.get('agency') ? { agency: params.get('agency')! } : {}) })}
        />
      </div>
      {!agency && <p className="notice warning">{t('report.noAgency')}</p>}
      {report.isLoading && <Loading />}
      <ErrorNotice error={report.error ?? save.error ?? submit.error ?? sendBack.error} />
      {r && (
        <>
          <h2>
            {t('report.heading', { year: r.year, agency: pick(lang, r.agencyNameVi, r.agencyNameEn) })}{' '}
            <span className={`badge ${r.status === 'SUBMITTED' ? 'ok' : r.overdue ? 'bad' : 'warn'}`}>{t(`status.${r.status}`)}</span>
          </h2>
          <p className="muted">
            {t('report.programme', {
              name: programme ? pick(lang, programme.content.titleVi, programme.content.titleEn) : r.programmeCode,
            })}{' '}
            · {t('report.due', { date: formatDate(r.dueDate) })}
            {r.overdue && ` · ${t('report.overdue')}`}
          </p>
          {r.synthetic && <p className="notice warning">{t('synthetic')}</p>}
          {r.status === 'RETURNED' && r.returnReason && (
            <p className="notice warning">{t('report.returned', { reason: r.returnReason })}</p>
          )}
          {r.status === 'SUBMITTED' && (
            <p className="notice success">
              {t('report.submitted', { date: formatMoment(r.submittedAt) })} {t('report.readOnly')}
            </p>
          )}
          <ReportFigures report={r} />
          <div className="field">
            <label htmlFor="report-difficulties">{t('report.difficulties')}</label>
            <textarea
              id="report-difficulties"
              rows={4}
              value={text.difficulties}
              readOnly={!editable}
              onChange={(e) => setText({ ...text, difficulties: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="report-proposals">{t('report.proposals')}</label>
            <textarea
              id="report-proposals"
              rows={4}
              value={text.proposals}
              readOnly={!editable}
              onChange={(e) => setText({ ...text, proposals: e.target.value })}
            />
          </div>
          {saved && !save.isPending && <p className="notice success">{t('report.saved')}</p>}
          {editable && (
            <div className="inline">
              <button type="button" onClick={() => save.mutate()} disabled={save.isPending}>
                {t('report.save')}
              </button>
              <button type="button" className="primary" onClick={() => submit.mutate()} disabled={submit.isPending}>
                {t('report.submit')}
              </button>
            </div>
          )}
          {r.actions.includes('return') && (
            <div className="stack">
              <div className="field">
                <label htmlFor="report-return-reason">{t('report.returnReason')}</label>
                <textarea id="report-return-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
              </div>
              <div className="inline">
                <button type="button" onClick={() => sendBack.mutate()} disabled={!reason.trim() || sendBack.isPending}>
                  {t('report.return')}
                </button>
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}

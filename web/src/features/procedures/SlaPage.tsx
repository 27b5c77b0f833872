import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SlaFigures, SlaView as Sla } from '@common/procedures/sla';
import { api } from '../../api/client';
import { ErrorNotice, Loading } from '../../components/States';
import { ProceduresNav } from './ProceduresNav';
import { useLocalized } from './useLocalized';
import { DateField } from '../../components/DateField';
import { useAgencyName } from '../../api/reference';

/** Share on time and median working days by procedure and by agency, and what is overdue now. */
export function SlaPage() {
  const { t } = useTranslation('procedures');
  const l = useLocalized();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const sla = useQuery({ queryKey: ['sla', from, to], queryFn: () => api.get<Sla>('/api/procedures/sla', { from, to }) });
  const pct = (x: number | null) =>
    x === null ? '—' : `${(x * 100).toLocaleString(l.en ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 })}%`;
  const agencyName = useAgencyName();
  const table = (rows: (SlaFigures & { key: string })[]) => (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th />
            <th className="num">{t('sla.finished')}</th>
            <th className="num">{t('sla.onTime')}</th>
            <th className="num">{t('sla.share')}</th>
            <th className="num">{t('sla.median')}</th>
            <th className="num">{t('sla.open')}</th>
            <th className="num">{t('sla.openOverdue')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>{l.name(r)}</td>
              <td className="num">{r.finished}</td>
              <td className="num">{r.finishedOnTime}</td>
              <td className="num">{pct(r.onTimeShare)}</td>
              <td className="num">{r.medianDays ?? '—'}</td>
              <td className="num">{r.open}</td>
              <td className="num">{r.openOverdue > 0 ? <span className="badge bad">{r.openOverdue}</span> : 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <div className="stack">
      <ProceduresNav />
      <section className="card">
        <h1>{t('sla.title')}</h1>
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <DateField label={t('sla.from')} value={from} onChange={(e) => setFrom(e.target.value)} />
          <DateField label={t('sla.to')} value={to} onChange={(e) => setTo(e.target.value)} />
        </form>
        <ErrorNotice error={sla.error} />
        {sla.isLoading && <Loading />}
        {sla.data && (
          <div className="stack">
            <p className="muted">{t('sla.asOf', { date: l.date(sla.data.asOf) })}</p>
            <h2>{t('sla.byProcedure')}</h2>
            {table(sla.data.byProcedure.map((r) => ({ ...r, key: r.procedureCode })))}
            <h2>{t('sla.byAgency')}</h2>
            {table(sla.data.byAgency.map((r) => ({ ...r, key: r.agencyId })))}
            <h2>{t('sla.overdue')}</h2>
            {sla.data.overdue.length === 0 ? (
              <p className="muted">{t('sla.noOverdue')}</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th>{t('list.code')}</th>
                      <th>{t('list.organisation')}</th>
                      <th>{t('detail.step')}</th>
                      <th>{t('detail.agency')}</th>
                      <th>{t('detail.due')}</th>
                      <th className="num">{t('sla.openOverdue')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {sla.data.overdue.map((o, i) => (
                      <tr key={`${o.dossierId}-${i}`}>
                        <td>
                          <Link to={`/dossiers/${o.dossierId}`}>{o.code}</Link> <span className="muted">{t(`sla.kind${o.kind}`)}</span>
                        </td>
                        <td>{o.organisationName}</td>
                        <td>{l.pick(o.stepNameVi, o.stepNameEn)}</td>
                        <td>{agencyName(o.agencyId)}</td>
                        <td>{l.date(o.dueDate)}</td>
                        <td className="num">
                          <span className="badge bad">
                            {t('badge.overdue', { count: o.overdueDays, context: o.unit === 'WORKING' ? 'WORKING' : undefined })}
                          </span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        )}
      </section>
    </div>
  );
}

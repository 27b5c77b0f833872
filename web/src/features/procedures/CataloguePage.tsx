import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { ErrorNotice, Loading } from '../../components/States';
import { ProcedureSummary } from './ProcedureSummary';
import { ProceduresNav } from './ProceduresNav';
import type { ProcedureVersion } from './types';
import { useLocalized } from './useLocalized';

/** Procedures as data, by legal document and effective dates; administrators edit provisional parameters. */
export function CataloguePage() {
  const { t } = useTranslation('procedures');
  const l = useLocalized();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [all, setAll] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['procedures', all ? 'all' : 'inForce'],
    queryFn: () => api.get<{ items: ProcedureVersion[] }>('/api/procedures', { all: all ? 'true' : undefined }),
  });
  const save = useMutation({
    mutationFn: ({ versionId, body }: { versionId: string; body: unknown }) =>
      api.patch(`/api/procedures/versions/${encodeURIComponent(versionId)}`, body),
    onSuccess: (_, v) => {
      setSaved(v.versionId);
      void queryClient.invalidateQueries({ queryKey: ['procedures'] });
    },
  });
  const onSave = (v: ProcedureVersion) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const stepDeadlineDays: Record<string, number> = {};
    for (const s of v.steps) {
      const value = form.get(`step-${s.code}`);
      if (s.deadline && value && Number(value) !== s.deadline.days) stepDeadlineDays[s.code] = Number(value);
    }
    save.mutate({
      versionId: v.versionId,
      body: {
        version: v.override?.version ?? 0,
        overallLimitDays: Number(form.get('overall')) || undefined,
        stepDeadlineDays,
        legalNote: String(form.get('legalNote') ?? '') || null,
      },
    });
  };
  if (list.isLoading) return <Loading />;
  return (
    <div className="stack">
      <ProceduresNav />
      <section className="card">
        <h1>{t('catalogue.title')}</h1>
        <label>
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> {t('catalogue.showAll')}
        </label>
        <ErrorNotice error={list.error} />
      </section>
      {list.data?.items.map((v) => (
        <section key={v.versionId} className="card">
          <h2>{l.name(v)}</h2>
          <p>
            {t('catalogue.legalDocument')}: <strong>{v.legalDocument}</strong> {v.legalRefs.join(', ')} · {t('catalogue.effective')}{' '}
            {t('catalogue.from', { date: l.date(v.effectiveFrom) })}
            {v.effectiveTo && <> {t('catalogue.until', { date: l.date(v.effectiveTo) })}</>}{' '}
            <span className={v.inForce ? 'badge ok' : 'badge'}>{v.inForce ? t('catalogue.inForce') : t('catalogue.notInForce')}</span>
          </p>
          <ProcedureSummary version={v} />
          {v.override?.legalNote && (
            <p className="muted">
              {t('catalogue.legalNote')}: {v.override.legalNote}
            </p>
          )}
          {user?.role === 'admin' && v.provisional && (
            <details>
              <summary>{t('catalogue.edit')}</summary>
              <form className="grid-form" onSubmit={onSave(v)}>
                {v.overallLimit && (
                  <div className="field">
                    <label htmlFor={`o-${v.versionId}`}>
                      {t('catalogue.overall')} ({t(`units.${v.overallLimit.unit}`)})
                    </label>
                    <input id={`o-${v.versionId}`} name="overall" type="number" min={1} defaultValue={v.overallLimit.days} />
                  </div>
                )}
                {v.steps
                  .filter((s) => s.deadline)
                  .map((s) => (
                    <div className="field" key={s.code}>
                      <label htmlFor={`s-${v.versionId}-${s.code}`}>{l.name(s)}</label>
                      <input
                        id={`s-${v.versionId}-${s.code}`}
                        name={`step-${s.code}`}
                        type="number"
                        min={1}
                        defaultValue={s.deadline!.days}
                      />
                    </div>
                  ))}
                <div className="field">
                  <label htmlFor={`n-${v.versionId}`}>{t('catalogue.legalNote')}</label>
                  <input id={`n-${v.versionId}`} name="legalNote" defaultValue={v.override?.legalNote ?? ''} />
                </div>
                <ErrorNotice error={save.error} />
                {saved === v.versionId && <p className="notice success">{t('catalogue.saved')}</p>}
                <button type="submit" className="primary">
                  {t('catalogue.save')}
                </button>
              </form>
            </details>
          )}
        </section>
      ))}
    </div>
  );
}

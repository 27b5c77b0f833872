import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { ErrorNotice, Loading } from '../../components/States';
import { formatDate } from '@common/format/date';
import { formatAmount } from '../aid/format';
import { useReference } from '../aid/useReference';
import { formatMoment, pick, type Programme } from './types';
import { useProgrammes } from './useProgrammes';
import { ProgrammeMonitoringLinks } from './ProgrammeMonitoringLinks';
import './programme.css';
import { hasNationalScope } from '@common/auth/national-scope';

/**
 * Administrators and central officers edit a programme's content as its JSON document (the shape the API
 * validates); saving makes a new version, and a stale one is refused with who changed it.
 */
function ProgrammeEditor({ programme }: { programme: Programme }) {
  const { t } = useTranslation('programme');
  const queryClient = useQueryClient();
  const [text, setText] = useState<string | null>(null);
  const [parseError, setParseError] = useState(false);
  const save = useMutation({
    mutationFn: (content: unknown) => api.put<Programme>(`/api/programmes/${programme.code}`, { version: programme.version, content }),
    onSuccess: () => {
      setText(null);
      void queryClient.invalidateQueries({ queryKey: ['programmes'] });
    },
  });
  if (text === null)
    return (
      <button type="button" onClick={() => setText(JSON.stringify(programme.content, null, 2))}>
        {t('programmes.edit')}
      </button>
    );
  return (
    <div className="stack">
      <div className="field">
        <label htmlFor={`programme-${programme.code}`}>{t('programmes.content', { version: programme.version })}</label>
        <textarea id={`programme-${programme.code}`} rows={20} className="code" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      {parseError && <p className="notice error">{t('programmes.badJson')}</p>}
      <ErrorNotice error={save.error} />
      <div className="inline">
        <button
          type="button"
          className="primary"
          onClick={() => {
            try {
              const content = JSON.parse(text) as unknown;
              setParseError(false);
              save.mutate(content);
            } catch {
              setParseError(true);
            }
          }}
        >
          {t('programmes.save')}
        </button>
        <button type="button" onClick={() => setText(null)}>
          {t('programmes.cancel')}
        </button>
      </div>
    </div>
  );
}

/** The national programmes: decision, period, goal, priority fields with their sectors, indicators, agencies. */
export function ProgrammesPage() {
  const { t, i18n } = useTranslation('programme');
  const lang = i18n.language;
  const { user } = useSession();
  const { sectors, agencies, name } = useReference();
  const programmes = useProgrammes();
  const editor = hasNationalScope(user);
  if (programmes.isLoading) return <Loading />;
  return (
    <section className="card needs stack">
      <h1>{t('programmes.title')}</h1>
      <p className="muted">
        {t('programmes.intro')} <Link to="/needs">{t('needs.title')}</Link>
      </p>
      <ProgrammeMonitoringLinks />
      <ErrorNotice error={programmes.error} />
      {programmes.data?.map(({ code, content: c, version, updatedAt }) => (
        <article key={code} className="programme">
          <h2>
            {pick(lang, c.titleVi, c.titleEn)} {c.provisional && <span className="need-status">{t('programmes.provisional')}</span>}
          </h2>
          <p className="muted">
            {c.decision
              ? t('programmes.decision', { number: c.decision.number, date: formatDate(c.decision.date), signer: c.decision.signer })
              : t('programmes.agreedOn', { date: formatDate(c.agreedOn) })}{' '}
            · {c.from}–{c.to} · {t('programmes.version', { version, date: formatMoment(updatedAt) })}
          </p>
          <p>{pick(lang, c.goalVi, c.goalEn)}</p>
          {c.objectives.length > 0 && (
            <>
              <h3>{t('programmes.objectives')}</h3>
              <ul>
                {c.objectives.map((o) => (
                  <li key={o.code}>{pick(lang, o.textVi, o.textEn)}</li>
                ))}
              </ul>
            </>
          )}
          <h3>{t('programmes.priorities')}</h3>
          <ul>
            {c.priorities.map((p) => (
              <li key={p.code}>
                {pick(lang, p.nameVi, p.nameEn)}
                {p.provisional && ` (${t('programmes.provisional')})`} —{' '}
                <span className="muted">{p.sectorCodes.map((s) => name(sectors.data?.find((x) => x.code === s)) || s).join('; ')}</span>
              </li>
            ))}
          </ul>
          {c.principles.length > 0 && (
            <>
              <h3>{t('programmes.principles')}</h3>
              <ul>
                {c.principles.map((p) => (
                  <li key={p.code}>{pick(lang, p.textVi, p.textEn)}</li>
                ))}
              </ul>
            </>
          )}
          <h3>{t('programmes.indicators')}</h3>
          <ul>
            {c.indicators.map((ind) => (
              <li key={ind.code}>
                {pick(lang, ind.nameVi, ind.nameEn)}:{' '}
                {ind.target === null ? t('programmes.noTarget') : `${formatAmount(ind.target, lang)} ${t(`units.${ind.unit}`)}`}
                {ind.provisional && ` (${t('programmes.provisional')})`}
              </li>
            ))}
          </ul>
          <h3>{t('programmes.agencies')}</h3>
          <ul>
            {c.agencies.map((a) => (
              <li key={a.agencyId}>
                {name(agencies.data?.find((x) => x.id === a.agencyId)) || a.agencyId}: {pick(lang, a.roleVi, a.roleEn)}
              </li>
            ))}
          </ul>
          {c.sources.length > 0 && (
            <p className="muted">
              {t('programmes.sources')}: {c.sources.join('; ')}
            </p>
          )}
          {editor && <ProgrammeEditor programme={{ code, content: c, version, updatedAt }} />}
        </article>
      ))}
    </section>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Field } from '../../components/Field';
import { ErrorNotice } from '../../components/States';
import { Link } from 'react-router-dom';
import { formatMoment, type Match, type NeedAction, type NeedDetail } from './types';

/** The workflow buttons open to the caller; asking for changes or declining needs a comment. */
export function NeedActions({ need }: { need: NeedDetail }) {
  const { t } = useTranslation('programme');
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const act = useMutation({
    mutationFn: (action: NeedAction) =>
      api.post<NeedDetail>(`/api/needs/${need.id}/actions`, { action, version: need.version, comment: comment || undefined }),
    onSuccess: () => {
      setComment('');
      void queryClient.invalidateQueries({ queryKey: ['need', need.id] });
    },
  });
  if (need.actions.length === 0) return null;
  const needsComment = need.actions.some((a) => a === 'request_changes' || a === 'decline');
  return (
    <div className="need-actions stack">
      {needsComment && (
        <div className="field">
          <label htmlFor="need-comment">{t('workflow.comment')}</label>
          <textarea id="need-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
        </div>
      )}
      <div className="inline">
        {need.actions.map((a) => (
          <button
            key={a}
            type="button"
            className={a === 'publish' || a === 'submit' ? 'primary' : undefined}
            disabled={act.isPending}
            onClick={() => act.mutate(a)}
          >
            {t(`workflow.${a}`)}
          </button>
        ))}
      </div>
      <ErrorNotice error={act.error} />
    </div>
  );
}

/** The workflow history with central's comments. */
export function NeedHistory({ need }: { need: NeedDetail }) {
  const { t } = useTranslation('programme');
  if (need.events.length === 0) return null;
  return (
    <section>
      <h2>{t('workflow.history')}</h2>
      <ol className="need-history">
        {need.events.map((e, i) => (
          <li key={i}>
            {formatMoment(e.at)} · {t(`status.${e.toStatus}`)} · {e.actor}
            {e.comment && <blockquote>{e.comment}</blockquote>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Links an aid item (by its id) that funds the proposal, with the amount it mobilises. */
export function FundingForm({ need }: { need: NeedDetail }) {
  const { t } = useTranslation('programme');
  const queryClient = useQueryClient();
  const link = useMutation({
    mutationFn: (body: Record<string, string>) => api.post<NeedDetail>(`/api/needs/${need.id}/fundings`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['need', need.id] }),
  });
  if (need.status !== 'PUBLISHED' && need.status !== 'FUNDED') return null;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    link.mutate(Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>);
  };
  return (
    <form className="grid-form" onSubmit={onSubmit}>
      <Field id="funding-aid" name="aidItemId" label={t('funding.aidItemId')} required />
      <Field id="funding-amount" name="amount" label={t('funding.amount', { currency: need.currency })} inputMode="decimal" required />
      <button type="submit" disabled={link.isPending}>
        {t('funding.link')}
      </button>
      <ErrorNotice error={link.error} />
    </form>
  );
}

/** The NGOs vnaid suggests, ranked, each with the reasons for its score. */
export function Suggestions({ needId }: { needId: string }) {
  const { t } = useTranslation('programme');
  const query = useQuery({
    queryKey: ['need', needId, 'suggestions'],
    queryFn: () => api.get<{ items: Match[] }>(`/api/needs/${needId}/suggestions`),
  });
  return (
    <section>
      <h2>{t('suggestions.title')}</h2>
      <ErrorNotice error={query.error} />
      {query.data?.items.length === 0 && <p className="muted">{t('suggestions.empty')}</p>}
      <ol className="suggestions">
        {query.data?.items.map((m) => (
          <li key={m.organisationId}>
            <Link to={`/directory/${m.organisationId}`}>{m.name}</Link> · {t('suggestions.score', { score: m.score })}
            <ul>
              {m.reasons.map((r) => (
                <li key={r.code}>{t(`reasons.${r.code}`, { count: r.count ?? 0, year: r.year ?? '' })}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The published proposals suggested to the NGO's own organisation, with the reasons. */
export function SuggestedNeeds() {
  const { t } = useTranslation('programme');
  const query = useQuery({
    queryKey: ['needs', 'suggested'],
    queryFn: () => api.get<{ items: (Omit<Match, 'organisationId'> & { proposalId: string })[] }>('/api/needs/suggested'),
  });
  return (
    <section>
      <h2>{t('suggestions.forMe')}</h2>
      <ErrorNotice error={query.error} />
      {query.data?.items.length === 0 && <p className="muted">{t('suggestions.empty')}</p>}
      <ol className="suggestions">
        {query.data?.items.map((m) => (
          <li key={m.proposalId}>
            <Link to={`/needs/${m.proposalId}`}>{m.name}</Link> · {t('suggestions.score', { score: m.score })}
            <ul>
              {m.reasons.map((r) => (
                <li key={r.code}>{t(`reasons.${r.code}`, { count: r.count ?? 0, year: r.year ?? '' })}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}

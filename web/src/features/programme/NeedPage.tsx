import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { ErrorNotice, Loading } from '../../components/States';
import { formatAmount } from '../aid/format';
import { useReference } from '../aid/useReference';
import { InterestForm, InterestsList } from './InterestsPanel';
import { NeedDocuments } from './NeedDocuments';
import { FundingForm, NeedActions, NeedHistory, Suggestions } from './NeedOfficerPanels';
import { formatMoment, pick, type NeedDetail } from './types';
import { useProgrammes } from './useProgrammes';
import './programme.css';

/**
 * One proposal: the public page in both languages (budget sought against what is mobilised, where, for whom,
 * contact), plus, for the proposing body and central, the workflow, history, interests, suggestions and funding
 * link; an NGO gets the "interested" button.
 */
export function NeedPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('programme');
  const { user } = useSession();
  const { sectors, name, provinceName } = useReference();
  const lang = i18n.language;
  const programmes = useProgrammes();
  const query = useQuery({
    queryKey: ['need', id, user?.id ?? 'public'],
    queryFn: () => api.get<NeedDetail>(user ? `/api/needs/${id}` : `/api/public/needs/${id}`),
  });
  if (query.isLoading) return <Loading />;
  if (!query.data) return <ErrorNotice error={query.error} />;
  const n = query.data;
  const officer = n.actions.length > 0 || n.events.length > 0;
  const isOfficerRole = user && ['admin', 'central', 'agency'].includes(user.role);
  const percent = Number(n.budget) > 0 ? Math.min(100, Math.round((Number(n.mobilised) / Number(n.budget)) * 100)) : 0;
  return (
    <article className="card needs stack">
      <p>
        <Link to="/needs">← {t('needs.title')}</Link>
      </p>
      <h1>{pick(lang, n.titleVi, n.titleEn)}</h1>
      <p className="muted">
        {n.code} · {pick(lang, n.proposedByNameVi, n.proposedByNameEn)} ·{' '}
        <span className={`need-status status-${n.status.toLowerCase()}`}>{t(`status.${n.status}`)}</span>
      </p>
      {n.synthetic && <p className="notice warning">{t('needs.synthetic')}</p>}
      {n.reviewComment && (
        <p className="notice warning">
          {t('workflow.latestComment')}: {n.reviewComment}
        </p>
      )}
      {(n.summaryVi || n.summaryEn) && <p className="need-summary">{pick(lang, n.summaryVi, n.summaryEn)}</p>}
      <dl className="need-facts">
        <dt>{t('fields.provinces')}</dt>
        <dd>{n.provinceIds.map(provinceName).join(', ')}</dd>
        <dt>{t('fields.sector')}</dt>
        <dd>{name(sectors.data?.find((s) => s.code === n.sectorCode)) || n.sectorCode}</dd>
        {n.priorityCode && (
          <>
            <dt>{t('fields.priority')}</dt>
            <dd>
              <Link to="/programmes">
                {(() => {
                  const programme = programmes.data?.find((p) => p.code === n.programmeCode);
                  const priority = programme?.content.priorities.find((p) => p.code === n.priorityCode);
                  return priority
                    ? `${pick(lang, priority.nameVi, priority.nameEn)} (${programme!.content.from}–${programme!.content.to})`
                    : n.priorityCode;
                })()}
              </Link>
            </dd>
          </>
        )}
        <dt>{t('fields.budget')}</dt>
        <dd>
          {formatAmount(n.budget, lang)} {n.currency}
        </dd>
        <dt>{t('fields.mobilised')}</dt>
        <dd>
          {formatAmount(n.mobilised, lang)} {n.currency} ({percent} %)
          <progress max={100} value={percent} aria-label={t('fields.mobilised')} />
        </dd>
        {n.durationMonths !== null && (
          <>
            <dt>{t('fields.duration')}</dt>
            <dd>{t('fields.months', { count: n.durationMonths })}</dd>
          </>
        )}
        {n.counterpartAmount && (
          <>
            <dt>{t('fields.counterpart')}</dt>
            <dd>
              {formatAmount(n.counterpartAmount, lang)} {n.currency} {n.counterpartNote}
            </dd>
          </>
        )}
        {n.beneficiaries && (
          <>
            <dt>{t('fields.beneficiaries')}</dt>
            <dd>{n.beneficiaries}</dd>
          </>
        )}
        {n.contactOffice && (
          <>
            <dt>{t('fields.contactOffice')}</dt>
            <dd>
              {n.contactOffice}
              {n.contactEmail && ` · ${n.contactEmail}`}
              {n.contactPhone && ` · ${n.contactPhone}`}
            </dd>
          </>
        )}
        {n.publishedAt && (
          <>
            <dt>{t('fields.publishedAt')}</dt>
            <dd>{formatMoment(n.publishedAt)}</dd>
          </>
        )}
      </dl>
      {n.fundings.length > 0 && (
        <section>
          <h2>{t('funding.title')}</h2>
          <ul>
            {n.fundings.map((f) => (
              <li key={f.aidItemId}>
                {isOfficerRole ? <Link to={`/aid/${f.aidItemId}`}>{f.aidItemCode}</Link> : f.aidItemCode} · {f.aidItemTitleVi} ·{' '}
                {formatAmount(f.amount, lang)} {n.currency}
              </li>
            ))}
          </ul>
        </section>
      )}
      <NeedDocuments need={n} canChange={officer} />
      {user?.role === 'ngo' && (n.status === 'PUBLISHED' || n.status === 'FUNDED') && (
        <section>
          <h2>{t('interests.title')}</h2>
          <InterestsList proposalId={n.id} />
          <InterestForm proposalId={n.id} />
        </section>
      )}
      {officer && (
        <>
          {n.editable && (
            <p>
              <Link className="button" to={`/needs/${n.id}/edit`}>
                {t('workflow.edit')}
              </Link>
            </p>
          )}
          <NeedActions need={n} />
          <NeedHistory need={n} />
          <section>
            <h2>
              {t('interests.title')} ({n.interestCount})
            </h2>
            <InterestsList proposalId={n.id} canMark />
          </section>
          <Suggestions needId={n.id} />
          <FundingForm need={n} />
        </>
      )}
    </article>
  );
}

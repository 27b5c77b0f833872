import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '@common/format/date';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { Pagination } from '../../components/Pagination';
import { SelectField } from '../../components/SelectField';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { DecisionForm, NominationForm } from './AwardForms';
import { AWARD_STATUSES, named, type Award } from './coordination-types';
import type { Page } from './types';
import './coordination.css';

const PAGE_SIZE = 20;

/**
 * Awards of the Programme: central sees every nomination and records decisions; an agency its own nominations and
 * every decided award, and nominates; NGOs and reviewers see decided awards.
 */
export function AwardsPage() {
  const { t, i18n } = useTranslation('coordination');
  const { user } = useSession();
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const [nominating, setNominating] = useState(false);
  const mayNominate = user && ['admin', 'central', 'agency'].includes(user.role);
  const list = useQuery({
    queryKey: ['awards', status, page],
    queryFn: () => api.get<Page<Award>>('/api/programme/awards', { status, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="stack">
      <section className="card coordination">
        <h1>{t('awards.title')}</h1>
        <p>{t('awards.intro')}</p>
        <p>
          {mayNominate && !nominating && (
            <button type="button" className="primary" onClick={() => setNominating(true)}>
              {t('awards.nominate')}
            </button>
          )}{' '}
          <Link to="/programme/meetings">{t('meetings.title')}</Link>
        </p>
        <div className="filters">
          <SelectField
            id="award-status"
            label={t('awardFields.status')}
            value={status}
            empty={t('any')}
            options={AWARD_STATUSES.map((s) => ({ value: s, label: t(`awardStatus.${s}`) }))}
            onChange={(e) => {
              setStatus(e.target.value);
              setPage(1);
            }}
          />
        </div>
      </section>
      {nominating && <NominationForm onDone={() => setNominating(false)} />}
      <section className="card coordination">
        <ErrorNotice error={list.error} />
        {list.isLoading && <Loading />}
        {list.data?.items.length === 0 && <EmptyState message={t('awards.empty')} />}
        <ul className="award-list">
          {list.data?.items.map((a) => (
            <li key={a.id} data-testid="award">
              <h3>
                {a.personName ?? a.organisationDisplayName} — {a.awardName ?? t(`awardKinds.${a.awardKind}`)}
              </h3>
              <p>
                <span className="badge">{t(`awardStatus.${a.status}`)}</span>{' '}
                {a.synthetic && <span className="badge">{t('synthetic')}</span>}
              </p>
              <dl className="need-facts">
                <dt>{t('awards.nominee')}</dt>
                <dd>
                  {t(`nomineeKinds.${a.nomineeKind}`)}
                  {a.personName && a.organisationDisplayName && ` (${a.organisationDisplayName})`}
                </dd>
                <dt>{t('awards.award')}</dt>
                <dd>{t(`awardKinds.${a.awardKind}`)}</dd>
                <dt>{t('awardFields.nominatingAgency')}</dt>
                <dd>
                  {named(i18n.language, a.nominatingAgency)}, {formatDate(a.nominatedOn)}
                </dd>
                {a.status === 'DECIDED' && (
                  <>
                    <dt>{t('awards.decision')}</dt>
                    <dd>
                      {t('awards.decisionLine', {
                        number: a.decisionNumber,
                        date: formatDate(a.decisionDate),
                        authority: a.issuingAuthority,
                      })}
                    </dd>
                  </>
                )}
                {a.status === 'DECLINED' && (
                  <>
                    <dt>{t('awardFields.declineReason')}</dt>
                    <dd>{a.declineReason}</dd>
                  </>
                )}
              </dl>
              <p className="reason">{a.reason}</p>
              {a.canDecide && <DecisionForm award={a} />}
            </li>
          ))}
        </ul>
        {list.data && <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />}
      </section>
    </div>
  );
}

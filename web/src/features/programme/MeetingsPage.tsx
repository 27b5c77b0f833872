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
import { MEETING_KINDS, titled, type MeetingListItem, type PublicMeeting } from './coordination-types';
import type { Page } from './types';
import './coordination.css';
import { hasNationalScope } from '@common/auth/national-scope';

const PAGE_SIZE = 20;

/** Visitors: the meetings marked public (title, date, conclusions), one card each, readable on a phone. */
function PublicMeetings() {
  const { t, i18n } = useTranslation('coordination');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['meetings', 'public', page],
    queryFn: () => api.get<Page<PublicMeeting>>('/api/public/meetings', { page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="card coordination">
      <h1>{t('meetings.publicTitle')}</h1>
      <p>{t('meetings.publicIntro')}</p>
      <ErrorNotice error={list.error} />
      {list.isLoading && <Loading />}
      {list.data?.items.length === 0 && <EmptyState message={t('meetings.empty')} />}
      <ul className="award-list">
        {list.data?.items.map((m) => (
          <li key={m.id}>
            <h2>{titled(i18n.language, m)}</h2>
            <p className="muted">
              {formatDate(m.meetingDate)} {m.synthetic && <span className="badge">{t('synthetic')}</span>}
            </p>
            {m.conclusions && <p className="conclusions">{m.conclusions}</p>}
          </li>
        ))}
      </ul>
      {list.data && <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />}
    </section>
  );
}

/**
 * The Programme's meetings: visitors see the public ones; officers and NGOs the meetings in their scope (central:
 * all, with the button to record one), with open and overdue follow-up tasks counted.
 */
export function MeetingsPage() {
  const { t, i18n } = useTranslation('coordination');
  const { user } = useSession();
  const [kind, setKind] = useState('');
  const [lateOnly, setLateOnly] = useState(false);
  const [page, setPage] = useState(1);
  const central = hasNationalScope(user);
  const list = useQuery({
    queryKey: ['meetings', kind, lateOnly, page],
    queryFn: () =>
      api.get<Page<MeetingListItem>>('/api/programme/meetings', {
        kind,
        lateOnly: lateOnly ? 'true' : undefined,
        page,
        pageSize: PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
    enabled: Boolean(user && user.role !== 'owner'),
  });
  if (!user || user.role === 'owner') return <PublicMeetings />;
  return (
    <section className="card coordination">
      <h1>{t('meetings.title')}</h1>
      <p className="needs-toolbar">
        {central && (
          <Link className="button primary" to="/programme/meetings/new">
            {t('meetings.new')}
          </Link>
        )}{' '}
        <Link to="/programme/awards">{t('meetings.awardsLink')}</Link>
      </p>
      <div className="filters">
        <SelectField
          id="meeting-kind"
          label={t('fields.kind')}
          value={kind}
          empty={t('any')}
          options={MEETING_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          onChange={(e) => {
            setKind(e.target.value);
            setPage(1);
          }}
        />
        <label>
          <input
            type="checkbox"
            checked={lateOnly}
            onChange={(e) => {
              setLateOnly(e.target.checked);
              setPage(1);
            }}
          />{' '}
          {t('meetings.lateOnly')}
        </label>
      </div>
      <ErrorNotice error={list.error} />
      {list.isLoading && <Loading />}
      {list.data?.items.length === 0 && <EmptyState message={t('meetings.empty')} />}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('fields.date')}</th>
                <th>{t('fields.title')}</th>
                <th>{t('fields.kind')}</th>
                <th>{t('tasks.title')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((m) => (
                <tr key={m.id}>
                  <td>{formatDate(m.meetingDate)}</td>
                  <td>
                    <Link to={`/programme/meetings/${m.id}`}>{titled(i18n.language, m)}</Link>
                    {m.isPublic && <span className="badge">{t('meetings.public')}</span>}
                    {m.synthetic && <span className="badge">{t('synthetic')}</span>}
                  </td>
                  <td>{t(`kinds.${m.kind}`)}</td>
                  <td className={m.lateTasks > 0 ? 'late' : undefined}>
                    {t('meetings.tasksSummary', { open: m.openTasks, late: m.lateTasks })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />}
    </section>
  );
}

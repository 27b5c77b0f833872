import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, downloadUrl } from '../../api/client';
import { Pagination } from '../../components/Pagination';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { ProceduresNav } from './ProceduresNav';
import { useLocalized } from './useLocalized';
import { readerParams } from '@common/procedures/notification-params';
import { formatMoment } from '@common/format/date';

type Notification = {
  id: string;
  kind: string;
  dossierId: string | null;
  params: Record<string, string | number | null>;
  createdAt: string;
  readAt: string | null;
};
type Inbox = { items: Notification[]; total: number; unread: number };

/** Dossier events and deadline reminders addressed to the signed-in user. */
export function InboxPage() {
  const { t } = useTranslation('procedures');
  const l = useLocalized();
  const queryClient = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const inbox = useQuery({
    queryKey: ['inbox', unreadOnly, page],
    queryFn: () => api.get<Inbox>('/api/inbox', { unread: unreadOnly ? 'true' : undefined, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['inbox'] });
  const read = useMutation({ mutationFn: (id: string) => api.post(`/api/inbox/${id}/read`), onSettled: refresh });
  const readAll = useMutation({ mutationFn: () => api.post('/api/inbox/read-all'), onSettled: refresh });
  const { t: tr } = useTranslation('aidReports');
  const text = (n: Notification) => t(`inbox.kinds.${n.kind}`, { ...readerParams(n.params, l.en ? 'en' : 'vi'), defaultValue: n.kind });
  return (
    <div className="stack">
      <ProceduresNav />
      <section className="card">
        <div className="dossier-head">
          <h1>{t('inbox.title')}</h1>
          {inbox.data && <span className="badge">{t('inbox.unreadCount', { count: inbox.data.unread })}</span>}
          <button type="button" onClick={() => readAll.mutate()} disabled={!inbox.data?.unread}>
            {t('inbox.markAll')}
          </button>
        </div>
        <label>
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(e) => {
              setUnreadOnly(e.target.checked);
              setPage(1);
            }}
          />{' '}
          {t('inbox.unreadOnly')}
        </label>
        <ErrorNotice error={inbox.error ?? read.error} />
        {inbox.isLoading && <Loading />}
        {inbox.data?.items.length === 0 && <EmptyState message={t('inbox.empty')} />}
        <ul className="plain">
          {inbox.data?.items.map((n) => (
            <li key={n.id} className={n.readAt ? undefined : 'unread'} data-kind={n.kind}>
              <span className="muted">{formatMoment(n.createdAt)}</span>
              <span>{text(n)}</span>
              {n.dossierId && <NoticeDocuments notice={n} />}
              {n.dossierId && (
                <Link to={`/dossiers/${n.dossierId}`} onClick={() => !n.readAt && read.mutate(n.id)}>
                  {t('inbox.open')}
                </Link>
              )}
              {/* A sanction case (issue 14) opens the case; an Art. 25 notice, the organisation's record. */}
              {!n.dossierId && typeof n.params.caseId === 'string' && (
                <Link to={`/supervision/sanctions/${n.params.caseId}`} onClick={() => !n.readAt && read.mutate(n.id)}>
                  {t('inbox.open')}
                </Link>
              )}
              {n.kind === 'CERTIFICATE_NOTICE' && typeof n.params.organisationId === 'string' && (
                <Link to={`/organisations/${n.params.organisationId}`} onClick={() => !n.readAt && read.mutate(n.id)}>
                  {t('inbox.open')}
                </Link>
              )}
              {/* A decision on an aid item (revocation, adjustment: issue 13) opens the item's page. */}
              {!n.dossierId && typeof n.params.itemId === 'string' && (
                <Link to={`/aid/${n.params.itemId}`} onClick={() => !n.readAt && read.mutate(n.id)}>
                  {t('inbox.openAid')}
                </Link>
              )}
              {n.kind.startsWith('AID_REPORT') && typeof n.params.aidItemId === 'string' && (
                <Link to={`/aid-reports?aidItemId=${n.params.aidItemId}`} onClick={() => !n.readAt && read.mutate(n.id)}>
                  {tr('title')}
                </Link>
              )}
              {!n.readAt && (
                <button type="button" onClick={() => read.mutate(n.id)}>
                  {t('inbox.markRead')}
                </button>
              )}
            </li>
          ))}
        </ul>
        {inbox.data && <Pagination page={page} pageSize={20} total={inbox.data.total} onPage={setPage} />}
      </section>
    </div>
  );
}

/** The outcome documents a decision notice names (decision or written refusal, certificate), as downloads. */
function NoticeDocuments({ notice }: { notice: Notification }) {
  const { t } = useTranslation('procedures');
  const { decisionDocumentId, certificateDocumentId, outcome } = notice.params;
  const links = [
    [certificateDocumentId, 'OUTCOME_CERTIFICATE'],
    [decisionDocumentId, outcome === 'REJECTED' ? 'OUTCOME_REFUSAL' : 'OUTCOME_DECISION'],
  ].filter((x): x is [string, string] => typeof x[0] === 'string');
  return links.map(([id, code]) => (
    <a key={id} href={downloadUrl(`/api/dossiers/${notice.dossierId}/documents/${id}`)}>
      {t('outcome.pdf', { name: t(`outcome.${code}`) })}
    </a>
  ));
}

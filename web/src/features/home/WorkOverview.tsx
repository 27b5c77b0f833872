import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useSession, type Role } from '../../api/session';
import { formatDate } from '@common/format/date';
import { defaultReportYear } from '../aid/format';
import { fetchObligations } from '../supervision/supervision-api';

type Counted = { total: number };
type Card = { key: string; title: string; value: string | null; to: string; urgent?: boolean };

/** What asks for attention of a role, each read from the list it links to (one item requested, the total kept). */
function useWorkCards(role: Role): Card[] {
  const { t } = useTranslation();
  const officer = role === 'admin' || role === 'central' || role === 'agency';
  const reportYear = defaultReportYear();
  const inbox = useQuery({ queryKey: ['home', 'inbox'], queryFn: () => api.get<{ unread: number }>('/api/inbox', { pageSize: 1 }) });
  const open = useQuery({
    queryKey: ['home', 'dossiers', 'open'],
    queryFn: () => api.get<Counted>('/api/dossiers', { view: 'open', pageSize: 1 }),
    enabled: role !== 'reviewer',
  });
  const overdue = useQuery({
    queryKey: ['home', 'dossiers', 'overdue'],
    queryFn: () => api.get<Counted>('/api/dossiers', { view: 'overdue', pageSize: 1 }),
    enabled: role !== 'reviewer',
  });
  const consultations = useQuery({
    queryKey: ['home', 'consultations'],
    queryFn: () => api.get<Counted>('/api/consultations', { status: 'PENDING', pageSize: 1 }),
    enabled: role === 'reviewer' || role === 'agency',
  });
  const alerts = useQuery({
    queryKey: ['home', 'alerts'],
    queryFn: () => api.get<{ items: unknown[] }>('/api/registry/alerts'),
    enabled: officer,
  });
  const missing = useQuery({
    queryKey: ['home', 'missing', reportYear],
    queryFn: () => api.get<Counted & { dueDate: string }>('/api/reports/missing', { year: reportYear, pageSize: 1 }),
    enabled: officer,
  });
  const mine = useQuery({
    queryKey: ['home', 'my-organisation'],
    queryFn: () => api.get<{ certificates: { status: string; validUntil: string | null }[] }>('/api/my-organisation'),
    enabled: role === 'ngo',
  });
  const calendar = useQuery({
    queryKey: ['home', 'report-calendar', reportYear],
    queryFn: () =>
      api.get<{ entries: { kind: string; due: string; state: string | null; reportStatus: string | null }[] }>('/api/reports/calendar', {
        year: reportYear,
      }),
    enabled: role === 'ngo',
  });
  const { user } = useSession();
  const obligations = useQuery({
    queryKey: ['obligations', user?.organisationId],
    queryFn: () => fetchObligations(user!.organisationId!),
    enabled: role === 'ngo' && !!user?.organisationId,
  });
  const ngoReport = calendar.data?.entries.find((e) => e.kind === 'NGO_ANNUAL');
  // null while loading ("…"); a dash when the list could not be read (its page shows why).
  const count = (query: { isError: boolean }, n: number | undefined) => (query.isError ? '—' : n === undefined ? null : String(n));
  const nextExpiry = mine.data?.certificates
    .filter((c) => c.status === 'ACTIVE' && c.validUntil)
    .map((c) => c.validUntil!)
    .sort()[0];
  const cards: (Card | false)[] = [
    { key: 'inbox', title: t('home.cards.inbox'), value: count(inbox, inbox.data?.unread), to: '/inbox' },
    role === 'ngo' && {
      key: 'certificate',
      title: t('home.cards.certificateUntil'),
      value: mine.data ? (nextExpiry ? formatDate(nextExpiry) : t('home.cards.noCertificate')) : null,
      to: '/my-organisation',
    },
    role === 'ngo' &&
      ngoReport !== undefined && {
        key: 'report',
        title: t('home.cards.ngoReport', { year: reportYear, due: formatDate(ngoReport.due) }),
        value: t(`aid:reportStatus.${ngoReport.reportStatus ?? 'NONE'}`),
        to: '/reports',
        urgent: ngoReport.state === 'OVERDUE' || (ngoReport.state === 'DUE_SOON' && !ngoReport.reportStatus),
      },
    role === 'ngo' && {
      key: 'obligations',
      title: t('supervision:home.card'),
      value: count(obligations, obligations.data?.score.late),
      to: '/my-obligations',
      urgent: (obligations.data?.score.late ?? 0) > 0,
    },
    role !== 'reviewer' && {
      key: 'open',
      title: t('home.cards.dossiersOpen'),
      value: count(open, open.data?.total),
      to: '/dossiers?view=open',
    },
    role !== 'reviewer' && {
      key: 'overdue',
      title: t('home.cards.dossiersOverdue'),
      value: count(overdue, overdue.data?.total),
      to: '/dossiers?view=overdue',
      urgent: (overdue.data?.total ?? 0) > 0,
    },
    (role === 'reviewer' || role === 'agency') && {
      key: 'consultations',
      title: t('home.cards.consultations'),
      value: count(consultations, consultations.data?.total),
      to: '/consultations',
      urgent: (consultations.data?.total ?? 0) > 0,
    },
    officer && {
      key: 'alerts',
      title: t('home.cards.alerts'),
      value: count(alerts, alerts.data?.items.length),
      to: '/organisations#alerts',
    },
    officer && {
      key: 'missing',
      title: t('home.cards.reportsMissing', { year: reportYear, due: formatDate(missing.data?.dueDate) }),
      value: count(missing, missing.data?.total),
      to: `/reports/missing?year=${reportYear}`,
    },
  ];
  return cards.filter((c): c is Card => c !== false);
}

/** The signed-in home: the counts of what needs doing, each a link to the list behind it. */
export function WorkOverview({ role }: { role: Role }) {
  const { t } = useTranslation();
  const cards = useWorkCards(role);
  return (
    <section className="card" aria-labelledby="home-todo">
      <h2 id="home-todo">{t('home.todo')}</h2>
      <ul className="home-cards">
        {cards.map((c) => (
          <li key={c.key} data-testid={`home-${c.key}`}>
            <Link to={c.to} className={c.urgent ? 'home-card urgent' : 'home-card'}>
              <span className="home-card-value">{c.value ?? '…'}</span>
              <span className="home-card-title">{c.title}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

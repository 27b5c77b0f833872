import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { useSession, type Role } from '../../api/session';
import './procedures.css';

const LINKS: { to: string; key: string; roles: Role[]; end?: boolean }[] = [
  { to: '/dossiers', key: 'dossiers', roles: ['admin', 'central', 'agency', 'reviewer', 'ngo', 'owner'], end: true },
  { to: '/dossiers/new', key: 'new', roles: ['ngo', 'owner'] },
  { to: '/consultations', key: 'consultations', roles: ['reviewer', 'agency', 'central', 'admin'] },
  { to: '/inbox', key: 'inbox', roles: ['admin', 'central', 'agency', 'reviewer', 'ngo', 'owner'] },
  { to: '/dossiers/sla', key: 'sla', roles: ['central', 'admin'] },
  { to: '/procedures', key: 'catalogue', roles: ['admin', 'central', 'agency', 'reviewer', 'ngo'] },
  { to: '/admin/holidays', key: 'holidays', roles: ['admin', 'central'] },
];

/** The procedures area's own menu (one entry in the main menu leads here). */
export function ProceduresNav() {
  const { t } = useTranslation('procedures');
  const { user } = useSession();
  if (!user) return null;
  return (
    <nav className="procedures-nav" aria-label={t('title')}>
      {LINKS.filter((l) => l.roles.includes(user.role)).map((l) => (
        <NavLink key={l.to} to={l.to} end={l.end}>
          {l.key === 'dossiers' && (user.role === 'ngo' || user.role === 'owner') ? t('tabs.myDossiers') : t(`tabs.${l.key}`)}
        </NavLink>
      ))}
    </nav>
  );
}

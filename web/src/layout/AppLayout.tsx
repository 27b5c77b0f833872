import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate } from 'react-router-dom';
import { useSession } from '../api/session';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { appRoutes } from '../routes';

/** Header with the menu for the user's role, the language switch and the synthetic-data banner. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const entries = appRoutes.filter(
    (route) => route.nav && (!route.roles || (user && (route.roles.length === 0 || route.roles.includes(user.role)))),
  );
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <div className="synthetic-banner" role="note">
        {t('syntheticBanner')}
      </div>
      <header className="app-header">
        <Link to="/" className="brand">
          <span className="logo" aria-hidden="true">
            ★
          </span>
          <span>
            <strong>{t('appName')}</strong>
            <small>{t('appTitle')}</small>
          </span>
        </Link>
        <button type="button" className="menu-toggle" aria-expanded={open} aria-controls="main-nav" onClick={() => setOpen(!open)}>
          {t('nav.menu')}
        </button>
        <nav id="main-nav" className={open ? 'open' : undefined} aria-label={t('nav.menu')}>
          <ul>
            {entries.map((route) => (
              <li key={route.path}>
                <NavLink to={route.path} end={route.path === '/'} onClick={() => setOpen(false)}>
                  {t(`nav.${route.nav}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-tools">
          <LanguageSwitch />
          {user ? (
            <>
              <NavLink to="/account" className="user" title={t(`roles.${user.role}`)}>
                {user.displayName}
              </NavLink>
              <button
                type="button"
                onClick={async () => {
                  await signOut();
                  navigate('/sign-in');
                }}
              >
                {t('nav.signOut')}
              </button>
            </>
          ) : (
            <NavLink to="/sign-in" className="button primary">
              {t('nav.signIn')}
            </NavLink>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from './api/session';
import { Loading } from './components/States';
import { AppLayout } from './layout/AppLayout';
import { CHANGE_PASSWORD_PATH } from './features/auth/paths';
import { appRoutes, type AppRoute } from './routes';

/**
 * Sends anonymous visitors of a protected screen to sign-in, refuses roles the screen is not for, and keeps an
 * account whose password an administrator chose on the password change screen.
 */
function Guard({ route }: { route: AppRoute }) {
  const { user, loading } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (user?.mustChangePassword && route.path !== CHANGE_PASSWORD_PATH) return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  if (!route.roles) return <>{route.element}</>;
  if (loading) return <Loading />;
  if (!user) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (route.roles.length > 0 && !route.roles.includes(user.role)) return <p className="notice error">{t('errors:forbidden')}</p>;
  return <>{route.element}</>;
}

export function App() {
  const { t } = useTranslation();
  return (
    <AppLayout>
      <Routes>
        {appRoutes.map((route) => (
          <Route key={route.path} path={route.path} element={<Guard route={route} />} />
        ))}
        <Route path="*" element={<p className="notice">{t('notFound')}</p>} />
      </Routes>
    </AppLayout>
  );
}

import type { ReactNode } from 'react';
import type { Role } from './api/session';
import { AuditPage } from './features/admin/AuditPage';
import { UsersPage } from './features/admin/UsersPage';
import { AccountPage } from './features/auth/AccountPage';
import { SignInPage } from './features/auth/SignInPage';
import { HomePage } from './features/home/HomePage';

/**
 * Every screen in one list: its path, who may open it (omit `roles` for public screens, `[]` for any signed-in
 * user) and, with `nav`, its menu entry (a key of common:nav). Add one line per screen.
 */
export type AppRoute = { path: string; element: ReactNode; roles?: Role[]; nav?: string };

export const appRoutes: AppRoute[] = [
  { path: '/', element: <HomePage />, nav: 'home' },
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/account', element: <AccountPage />, roles: [] },
  { path: '/admin/users', element: <UsersPage />, roles: ['admin'], nav: 'users' },
  { path: '/admin/audit', element: <AuditPage />, roles: ['admin', 'central'], nav: 'audit' },
];

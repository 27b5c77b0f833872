import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from './client';

export type Role = 'admin' | 'central' | 'agency' | 'reviewer' | 'ngo' | 'owner';
export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  agencyId: string | null;
  provinceId: string | null;
  locale: 'vi' | 'en';
  /** The password was chosen by an administrator: only the password change screen is open until it is changed. */
  mustChangePassword: boolean;
};

type SessionState = {
  user: SessionUser | null;
  loading: boolean;
  signIn(username: string, password: string): Promise<SessionUser>;
  signOut(): Promise<void>;
  refresh(): Promise<void>;
};

const SessionContext = createContext<SessionState | null>(null);

/** The session, or null for a visitor (the server answers 200 with `user: null`, no error). */
async function loadSession(): Promise<{ user: SessionUser; csrfToken: string } | null> {
  const session = await api.get<{ user: SessionUser; csrfToken: string } | { user: null; csrfToken: null }>('/api/auth/session');
  return session.user ? session : null;
}

/** Holds the signed-in user (or none) and applies the user's remembered language. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  const query = useQuery({ queryKey: ['session'], queryFn: loadSession, staleTime: 60_000, retry: false });
  const session = query.data ?? null;

  useEffect(() => {
    setCsrfToken(session?.csrfToken ?? null);
    if (session?.user.locale && session.user.locale !== i18n.language) void i18n.changeLanguage(session.user.locale);
  }, [session, i18n]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const result = await api.post<{ user: SessionUser; csrfToken: string }>('/api/auth/sign-in', { username, password });
      setCsrfToken(result.csrfToken);
      queryClient.setQueryData(['session'], result);
      return result.user;
    },
    [queryClient],
  );
  const signOut = useCallback(async () => {
    await api.post('/api/auth/sign-out').catch(() => undefined);
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(['session'], null);
  }, [queryClient]);
  const refresh = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: ['session'] });
  }, [queryClient]);

  return (
    <SessionContext.Provider value={{ user: session?.user ?? null, loading: query.isLoading, signIn, signOut, refresh }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

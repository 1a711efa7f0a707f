import type { LoginBody as LoginInput, SessionDto as Session } from '@livecloud/access/schemas';
import type { Permission } from '@livecloud/contracts/vocabulary';
import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { ApiError, setCsrfToken, setUnauthorizedHandler } from '../../api/client';
import { authApi } from './auth.api';

export type SessionStatus = 'loading' | 'anonymous' | 'authenticated';
/** Why the user is on the login page, so it can say so. */
export type SignedOutReason = 'expired' | 'logged_out' | null;

export interface SessionContextValue {
  status: SessionStatus;
  session: Session | null;
  signedOutReason: SignedOutReason;
  login: (input: LoginInput) => Promise<void>;
  logout: () => Promise<void>;
  switchOrg: (orgId: string) => Promise<Session>;
  /** Re-reads the session, e.g. after the organisation was renamed. */
  refresh: () => Promise<void>;
  can: (permission: Permission | null) => boolean;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Whether a session may use something guarded by `permission` (null: anyone signed in). */
export function sessionCan(session: Session | null, permission: Permission | null): boolean {
  if (session === null) return false;
  if (permission === null || session.role === 'admin') return true;
  return session.permissions.includes(permission);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [signedOutReason, setSignedOutReason] = useState<SignedOutReason>(null);

  const queryClient = useQueryClient();
  const identity = useRef<string | null>(null);

  const adopt = useCallback(
    (next: Session | null, reason: SignedOutReason = null) => {
      // Cached answers belong to one person in one organisation: never show them to another.
      const nextIdentity = next === null ? null : `${next.user.id}/${next.org.id}`;
      if (nextIdentity !== identity.current) {
        identity.current = nextIdentity;
        if (next === null) queryClient.clear();
        else {
          queryClient.removeQueries({ type: 'inactive' });
          void queryClient.resetQueries();
        }
      }
      setCsrfToken(next?.csrfToken ?? null);
      setSession(next);
      setStatus(next === null ? 'anonymous' : 'authenticated');
      setSignedOutReason(next === null ? reason : null);
    },
    [queryClient],
  );

  useEffect(() => {
    const controller = new AbortController();
    authApi
      .me(controller.signal)
      .then((me) => adopt(me))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        // 401 means "not signed in"; anything else also lands on the login page, which reports it there.
        adopt(null, error instanceof ApiError && error.code === 'session_expired' ? 'expired' : null);
      });
    return () => controller.abort();
  }, [adopt]);

  useEffect(() => {
    setUnauthorizedHandler(() => adopt(null, 'expired'));
    return () => setUnauthorizedHandler(null);
  }, [adopt]);

  const login = useCallback(async (input: LoginInput) => adopt(await authApi.login(input)), [adopt]);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      adopt(null, 'logged_out');
    }
  }, [adopt]);

  const switchOrg = useCallback(
    async (orgId: string) => {
      const next = await authApi.switchOrg(orgId);
      adopt(next);
      return next;
    },
    [adopt],
  );

  const refresh = useCallback(async () => adopt(await authApi.me()), [adopt]);

  const can = useCallback((permission: Permission | null) => sessionCan(session, permission), [session]);

  const value = useMemo<SessionContextValue>(
    () => ({ status, session, signedOutReason, login, logout, switchOrg, refresh, can }),
    [status, session, signedOutReason, login, logout, switchOrg, refresh, can],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in session; only for components rendered behind `RequireSession`. */
export function useCurrentSession(): Session {
  const { session } = useSession();
  if (session === null) throw new Error('useCurrentSession must be used behind <RequireSession>');
  return session;
}

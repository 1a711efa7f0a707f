import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useCurrentSession } from '../auth/session-context';

/** A merchant login starts in its portal; everyone else on the overview. */
export function HomeRoute({ children }: { children: ReactNode }) {
  const session = useCurrentSession();
  return session.role === 'merchant' ? <Navigate to="/portal" replace /> : children;
}

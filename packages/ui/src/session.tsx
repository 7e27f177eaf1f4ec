import { useQuery } from '@tanstack/react-query';
import type { RouterOutputs } from '@tsumiki/api';
import { createContext, useContext } from 'react';
import { useTRPC } from './trpc';

export type Session = NonNullable<RouterOutputs['auth']['me']>;

export function useSessionQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 60_000 }));
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in user inside an AuthGate; outside one it is a programming error, not a state. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() must be used inside <AuthGate>.');
  return session;
}

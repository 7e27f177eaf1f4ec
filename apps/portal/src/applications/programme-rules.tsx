import { useQuery } from '@tanstack/react-query';
import type { TProgrammeDefinition } from '@tsumiki/domain/programmes';
import { QueryState, useTRPC } from '@tsumiki/ui';
import type { ReactNode } from 'react';

/**
 * The rules of one published version (the form, rates, caps and checks), by the version an
 * application's page names. A published version never changes, so it is read once and kept while
 * the portal is open: an application's page, refetched after every upload, carries only its id.
 */
export function useProgrammeRules(versionId: string | undefined) {
  const trpc = useTRPC();
  return useQuery(
    trpc.programmes.rules.queryOptions({ versionId: versionId ?? '' }, { enabled: versionId !== undefined, staleTime: Infinity, gcTime: Infinity, refetchOnWindowFocus: false }),
  );
}

/** Renders `children` with the version's rules, with the loading and error states of any query. */
export function WithProgrammeRules({ versionId, children }: { versionId: string; children: (rules: TProgrammeDefinition) => ReactNode }) {
  const rules = useProgrammeRules(versionId);
  return <QueryState query={rules}>{children}</QueryState>;
}

import { useMutation } from '@tanstack/react-query';
import type { TResultsReportDraft } from '@tsumiki/domain/lifecycle';
import { appErrorData, useTRPC } from '@tsumiki/ui';
import { useCallback, useEffect, useRef, useState } from 'react';

export type ReportSaveState = 'saved' | 'dirty' | 'saving' | 'error' | 'conflict';

const DELAY_MS = 1200;

/**
 * Autosave of the results-report draft: saved as typed (never blocked by validation), a moment
 * after the last change, on the version read; a conflict keeps what was typed and says so.
 */
export function useReportAutosave(
  applicationId: string,
  initial: { content: TResultsReportDraft; version: number | null },
) {
  const trpc = useTRPC();
  const save = useMutation(trpc.lifecycle.saveReport.mutationOptions());
  const [draft, setDraft] = useState<TResultsReportDraft>(initial.content);
  const [state, setState] = useState<ReportSaveState>('saved');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const version = useRef<number | null>(initial.version);
  const latest = useRef(draft);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<Promise<boolean> | null>(null);

  const persist = useCallback(async (): Promise<boolean> => {
    if (pending.current) await pending.current;
    const content = latest.current;
    setState('saving');
    const run = save
      .mutateAsync({ applicationId, version: version.current, content })
      .then((r) => {
        version.current = r.version;
        setSavedAt(r.updatedAt);
        setState(latest.current === content ? 'saved' : 'dirty');
        return true;
      })
      .catch((error: unknown) => {
        setState(appErrorData(error)?.appCode === 'results.draft_version_conflict' ? 'conflict' : 'error');
        return false;
      });
    pending.current = run;
    const ok = await run;
    pending.current = null;
    return ok;
  }, [applicationId, save]);

  const update = useCallback(
    (fn: (d: TResultsReportDraft) => TResultsReportDraft) => {
      setDraft((d) => {
        const next = fn(d);
        latest.current = next;
        return next;
      });
      setState((s) => (s === 'conflict' ? s : 'dirty'));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void persist(), DELAY_MS);
    },
    [persist],
  );

  /** Saves now (before submitting); false when it could not. */
  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (state === 'saved' && version.current !== null) return true;
    return persist();
  }, [persist, state]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return { draft, update, flush, state, savedAt, version };
}

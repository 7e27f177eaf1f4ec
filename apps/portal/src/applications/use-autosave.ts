import type { TApplicationContent } from '@tsumiki/domain/programmes';
import { appErrorData } from '@tsumiki/ui';
import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error' | 'conflict';

export interface Draft {
  title: string;
  content: TApplicationContent;
}

/**
 * Autosave of a draft: every change is saved shortly after typing stops, on top of the version
 * last read, so a second editor's save is a conflict instead of a silent overwrite. Saving is never
 * blocked by validation, and a failed save keeps the input on the page (and warns before leaving).
 */
export function useAutosave(
  initial: Draft & { version: number },
  save: (draft: Draft & { version: number }) => Promise<{ version: number; updatedAt: Date }>,
  delayMs = 800,
) {
  const [draft, setDraft] = useState<Draft>({ title: initial.title, content: initial.content });
  const [state, setState] = useState<SaveState>('saved');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const version = useRef(initial.version);
  const latest = useRef(draft);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const dirty = useRef(false);

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) await inFlight.current;
    if (!dirty.current) return true;
    dirty.current = false;
    setState('saving');
    let ok = true;
    inFlight.current = save({ ...latest.current, version: version.current })
      .then((saved) => {
        version.current = saved.version;
        setSavedAt(saved.updatedAt);
        setState(dirty.current ? 'dirty' : 'saved');
      })
      .catch((error: unknown) => {
        ok = false;
        dirty.current = true;
        setState(appErrorData(error)?.appCode === 'application.version_conflict' ? 'conflict' : 'error');
      })
      .finally(() => {
        inFlight.current = null;
      });
    await inFlight.current;
    return ok;
  }, [save]);

  const update = useCallback(
    (next: (d: Draft) => Draft) => {
      const value = next(latest.current);
      latest.current = value;
      setDraft(value);
      dirty.current = true;
      setState((s) => (s === 'conflict' ? s : 'dirty'));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [delayMs, flush],
  );

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current || inFlight.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  return { draft, update, flush, state, savedAt, version };
}

import { useMutation } from '@tanstack/react-query';
import type { TCarbonProjectContent } from '@tsumiki/domain/carbon';
import { appErrorData, useTRPC } from '@tsumiki/ui';
import { useState } from 'react';

/**
 * The project as edited: its content, the version it was loaded at, whether anything is unsaved,
 * and Save over that version — a conflict (someone saved since) keeps what was typed.
 */
export function useProjectDraft(loaded: {
  id: string;
  version: number;
  applicationId: string | null;
  content: TCarbonProjectContent;
}) {
  const trpc = useTRPC();
  const [content, setContent] = useState<TCarbonProjectContent>(loaded.content);
  const [version, setVersion] = useState(loaded.version);
  const [dirty, setDirty] = useState(false);
  const [applicationId, setApplicationId] = useState(loaded.applicationId);
  const edit = (next: TCarbonProjectContent) => {
    setContent(next);
    setDirty(true);
  };
  const linkApplication = (id: string | null) => {
    setApplicationId(id);
    setDirty(true);
  };
  const save = useMutation(
    trpc.carbon.save.mutationOptions({
      onSuccess: (saved) => {
        setVersion(saved.version);
        setDirty(false);
      },
    }),
  );
  return {
    content,
    edit,
    version,
    dirty,
    applicationId,
    linkApplication,
    save,
    saveDraft: () => save.mutate({ id: loaded.id, version, applicationId, content }),
    conflict: save.isError && appErrorData(save.error)?.appCode === 'carbon.project_version_conflict',
  };
}

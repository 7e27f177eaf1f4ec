import { errorMessage } from '@tsumiki/domain';
import {
  assessProject,
  type TCarbonIssue,
  type TCarbonProjectContent,
  type TEmissionFactor,
} from '@tsumiki/domain/carbon';
import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** The baseline's issues by the BoQ line they are about. */
function issuesByLineOf(issues: readonly TCarbonIssue[]) {
  const map = new Map<string, TCarbonIssue[]>();
  for (const i of issues) if (i.lineId) map.set(i.lineId, [...(map.get(i.lineId) ?? []), i]);
  return map;
}

/**
 * The result as the user types: the domain engine over the project with the library, deferred so
 * typing stays quick; the baseline's issues by line for the grid and by field for the building form.
 */
export function useProjectAssessment(
  content: TCarbonProjectContent,
  library: readonly TEmissionFactor[],
  projectId: string,
) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const deferred = useDeferredValue(content);
  const assessment = useMemo(
    () => assessProject(deferred, library, projectId),
    [deferred, library, projectId],
  );
  const baseIssues = useMemo(() => {
    const first = assessment.scenarios[0]?.outcome;
    return first && !first.ok ? first.issues : [];
  }, [assessment]);
  const issuesByLine = useMemo(() => issuesByLineOf(baseIssues), [baseIssues]);
  const fieldError = (field: string) => {
    const issue = baseIssues.find(
      (i) =>
        !i.lineId &&
        (i.path.includes(field) ||
          (field === 'durabilityGrade' && i.code === 'carbon.durability_grade_required')),
    );
    return issue ? errorMessage(issue.code, lang, issue.params) : undefined;
  };
  return { assessment, issuesByLine, fieldError };
}

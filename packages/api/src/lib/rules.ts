import { definitionForApplication, latestPublishedVersion, type Executor } from '@tsumiki/db';
import type { TProgrammeDefinition } from '@tsumiki/domain/programmes';
import { appError } from '../errors';

/**
 * The rules as the office keeps them (programme_definition_versions), never the built-in ones: an
 * application computes with the version it was submitted under, a draft with the latest published.
 */
export async function rulesOfApplication(
  db: Executor,
  application: { programme_id: string; definition_version_id: string | null },
): Promise<TProgrammeDefinition> {
  const rules = await definitionForApplication(db, application);
  if (!rules) throw appError('programmes.no_published_version');
  return rules.definition;
}

/** A round's rules: its programme's latest published version (what its new drafts take). */
export async function rulesOfRound(db: Executor, round: { programme_definition_id: string }): Promise<TProgrammeDefinition> {
  const rules = await latestPublishedVersion(db, round.programme_definition_id);
  if (!rules) throw appError('programmes.no_published_version');
  return rules.definition;
}

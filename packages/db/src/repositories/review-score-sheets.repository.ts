import { isSheetSubmitted } from '@tsumiki/domain/review';
import type { TScoreEntry } from '../schema';
import type { Executor } from './executor';

/* ─────────────────────────── scoring ─────────────────────────── */

export function findScoreSheet(db: Executor, applicationId: string, memberId: string) {
  return db
    .selectFrom('review_score_sheets')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}

/**
 * Writes a member's sheet: a new one, or over the version the member read. Undefined when the
 * stored version moved on (another tab saved first).
 */
export async function saveScoreSheet(
  db: Executor,
  sheet: {
    applicationId: string;
    memberId: string;
    expectedVersion: number | null;
    status: 'draft' | 'submitted';
    scores: TScoreEntry[];
    overallComment: string | null;
    at: Date;
  },
) {
  const values = {
    status: sheet.status,
    scores: JSON.stringify(sheet.scores),
    overall_comment: sheet.overallComment,
    updated_at: sheet.at,
    submitted_at: isSheetSubmitted(sheet) ? sheet.at : null,
  };
  if (sheet.expectedVersion === null) {
    return db
      .insertInto('review_score_sheets')
      .values({ application_id: sheet.applicationId, member_id: sheet.memberId, ...values })
      .onConflict((oc) => oc.columns(['application_id', 'member_id']).doNothing())
      .returningAll()
      .executeTakeFirst();
  }
  return db
    .updateTable('review_score_sheets')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('application_id', '=', sheet.applicationId)
    .where('member_id', '=', sheet.memberId)
    .where('version', '=', sheet.expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export function listScoreSheets(db: Executor, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('review_score_sheets').selectAll().where('application_id', 'in', [...applicationIds]).execute();
}

export function insertBonusReview(
  db: Executor,
  r: { applicationId: string; item: string; decision: 'confirmed' | 'rejected'; reason: string | null; reviewerId: string; at: Date },
) {
  return db
    .insertInto('review_bonus_reviews')
    .values({ application_id: r.applicationId, item: r.item, decision: r.decision, reason: r.reason, reviewer_id: r.reviewerId, reviewed_at: r.at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listBonusReviews(db: Executor, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('review_bonus_reviews')
    .selectAll()
    .where('application_id', 'in', [...applicationIds])
    .orderBy('reviewed_at')
    .execute();
}

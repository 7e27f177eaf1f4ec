import { findSubmissionVersion, listSubmissionsOfApplication } from '@tsumiki/db';
import { compareSubmittedVersions } from '@tsumiki/domain/programmes';
import { appError } from '../../errors';
import { rulesOfApplication } from '../../lib/rules';
import type { Context, SignedInAuth } from '../../trpc-types';
import { applicationForCaller, assertStaff } from './review.access';

type Ctx = Context & { auth: SignedInAuth };

/**
 * Two frozen versions of an application side by side, for the programme's staff (the same access
 * and conflict check as opening it). Without a choice, the last two; with one version only there
 * is nothing to compare and the list says so.
 */
export async function compareVersions(ctx: Ctx, input: { applicationId: string; from?: number | undefined; to?: number | undefined }) {
  const access = await applicationForCaller(ctx.db, ctx.auth, input.applicationId);
  assertStaff(access);
  const versions = await listSubmissionsOfApplication(ctx.db, access.application.id);
  const listed = versions.map((v) => ({ versionNo: v.version_no, submittedAt: v.submitted_at }));
  const [latest, previous] = versions;
  const from = input.from ?? previous?.version_no;
  const to = input.to ?? latest?.version_no;
  if (from === undefined || to === undefined) return { versions: listed, from: null, to: null, comparison: null };
  const [older, newer, rules] = await Promise.all([
    findSubmissionVersion(ctx.db, access.application.id, from),
    findSubmissionVersion(ctx.db, access.application.id, to),
    rulesOfApplication(ctx.db, access.application),
  ]);
  if (!older) throw appError('review.submission_version_not_found', { versionNo: from });
  if (!newer) throw appError('review.submission_version_not_found', { versionNo: to });
  return { versions: listed, from, to, comparison: compareSubmittedVersions(older.content, newer.content, rules) };
}

import { deleteSavedView, insertSavedView, isUniqueViolation, listSavedViews, updateSavedViewIfVersion } from '@tsumiki/db';
import { SAVED_VIEWS_MAX, storedFilters, type TQueueFilters, type TSavedView } from '@tsumiki/domain/review';
import { appError } from '../../errors';
import type { Context, SignedInAuth } from '../../trpc-types';
import { reviewQueue } from './review.service';

type Ctx = Context & { auth: SignedInAuth };

/** The filters as stored: only what was given, so a later default change applies to old views too. */
const toStored = (f: TQueueFilters): Record<string, unknown> => JSON.parse(JSON.stringify(f)) as Record<string, unknown>;

/**
 * The caller's saved views of the queue, each with its count (the queue's total under the view's
 * filters, within what the caller may see today).
 */
export async function savedViews(ctx: Ctx) {
  const rows = await listSavedViews(ctx.db, ctx.auth.user.id);
  return Promise.all(
    rows.map(async (r) => {
      const filters = storedFilters(r.filters);
      const { total } = await reviewQueue(ctx, { ...filters, page: 1, pageSize: 1 });
      return { id: r.id, name: r.name, version: r.version, filters, count: total, updatedAt: r.updated_at };
    }),
  );
}

export async function saveView(ctx: Ctx, input: TSavedView) {
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await listSavedViews(trx, ctx.auth.user.id);
    if (existing.some((v) => v.name === input.name)) throw appError('views.name_taken', { name: input.name });
    if (existing.length >= SAVED_VIEWS_MAX) throw appError('views.too_many', { max: SAVED_VIEWS_MAX });
    try {
      const row = await insertSavedView(trx, { userId: ctx.auth.user.id, name: input.name, filters: toStored(input.filters), at: ctx.now() });
      return { id: row.id, version: row.version };
    } catch (error) {
      // Two tabs saving the same name at once: the unique key decides.
      if (isUniqueViolation(error)) throw appError('views.name_taken', { name: input.name });
      throw error;
    }
  });
}

export async function updateView(ctx: Ctx, input: TSavedView & { id: string; version: number }) {
  try {
    const row = await updateSavedViewIfVersion(ctx.db, { id: input.id, userId: ctx.auth.user.id, expectedVersion: input.version, name: input.name, filters: toStored(input.filters), at: ctx.now() });
    if (row) return { id: row.id, version: row.version };
  } catch (error) {
    if (isUniqueViolation(error)) throw appError('views.name_taken', { name: input.name });
    throw error;
  }
  const mine = await listSavedViews(ctx.db, ctx.auth.user.id);
  throw appError(mine.some((v) => v.id === input.id) ? 'views.version_conflict' : 'views.not_found');
}

export async function deleteView(ctx: Ctx, id: string) {
  const removed = await deleteSavedView(ctx.db, { id, userId: ctx.auth.user.id });
  if (!removed) throw appError('views.not_found');
  return { deleted: true };
}

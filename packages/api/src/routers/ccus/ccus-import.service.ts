import { appendAudit, listMemberFirms, listStoredCcusFacts, writeCcusFacts, type Executor } from '@tsumiki/db';
import { DomainError, errorMessage, type Locale } from '@tsumiki/domain';
import { checkImport, IMPORT_COLUMNS, type ImportIssue, type TImportFile } from '@tsumiki/domain/ccus';
import type { Kysely } from 'kysely';
import type { DB } from '@tsumiki/db';
import { toAppError } from '../../errors';
import { readSheetRecords } from '../../lib/sheets/read';
import { customMetricsOf } from './ccus.service';
import type { Context } from '../../trpc-types';

const withMessage = (issue: ImportIssue, locale: Locale) => ({
  ...issue,
  message: errorMessage(issue.code, locale, issue.params ?? {}),
});

/** The file's records (off the event loop, within the sheet limits); a refused file is the user's to fix. */
async function readRecords(file: TImportFile): Promise<{ records: Record<string, string>[]; lines?: number[] }> {
  try {
    return await readSheetRecords(file);
  } catch (error) {
    throw error instanceof DomainError ? toAppError(error) : error;
  }
}

/**
 * Checks every row (preview) and, when asked and only if no row has an error, saves them all in one
 * transaction with the roll-ups and an audit entry. A file with one bad row saves nothing.
 */
export async function importCcusFacts(
  ctx: Pick<Context, 'locale' | 'request'> & { db: Kysely<DB>; userId: string },
  input: { associationId: string; file: TImportFile; commit: boolean },
) {
  const { records, lines } = await readRecords(input.file);
  return checkAndSave(ctx, { associationId: input.associationId, records, lines, commit: input.commit, action: 'ccus.import' });
}

/**
 * Figures typed into the entry form for one month (the association's own totals) go through the
 * same checks as an imported file, so a figure is refused for the same reason either way.
 */
export function enterCcusFigures(
  ctx: Pick<Context, 'locale' | 'request'> & { db: Kysely<DB>; userId: string },
  input: { associationId: string; month: string; figures: readonly { metricCode: string; numerator: number; denominator: number | null }[] },
) {
  const records = input.figures.map((f) => ({
    [IMPORT_COLUMNS.metric[0]]: f.metricCode,
    [IMPORT_COLUMNS.month[0]]: input.month,
    [IMPORT_COLUMNS.numerator[0]]: String(f.numerator),
    [IMPORT_COLUMNS.denominator[0]]: f.denominator == null ? '' : String(f.denominator),
  }));
  return checkAndSave(ctx, { associationId: input.associationId, records, commit: true, action: 'ccus.enter_figures' });
}

const factKey = (metricCode: string, month: string, memberFirmId: string | null | undefined) => `${metricCode}|${month}|${memberFirmId ?? ''}`;

/** Stored figures for the rows' metrics and months, by metric, month and member. */
async function storedFigures(db: Executor, associationId: string, rows: readonly { metricCode: string; month: string | null }[]) {
  const months = [...new Set(rows.flatMap((r) => (r.month ? [`${r.month}-01`] : [])))];
  const metricCodes = [...new Set(rows.map((r) => r.metricCode))];
  const facts = await listStoredCcusFacts(db, associationId, { metricCodes, months });
  return new Map(
    facts.map((f) => [factKey(f.metricCode, f.periodMonth.slice(0, 7), f.memberFirmId), { numerator: f.numerator, denominator: f.denominator }]),
  );
}

async function checkAndSave(
  ctx: Pick<Context, 'locale' | 'request'> & { db: Kysely<DB>; userId: string },
  input: { associationId: string; records: Record<string, string>[]; lines?: number[]; commit: boolean; action: string },
) {
  const [firms, customMetrics] = await Promise.all([listMemberFirms(ctx.db, input.associationId), customMetricsOf(ctx.db, input.associationId)]);
  const idOf = new Map(firms.map((f) => [f.name, f.id]));
  const check = checkImport(input.records, { members: new Set(idOf.keys()), lines: input.lines, customMetrics });
  const stored = await storedFigures(ctx.db, input.associationId, check.rows);
  const rows = check.rows.map((r) => ({
    ...r,
    issues: r.issues.map((i) => withMessage(i, ctx.locale)),
    // The figure this row would overwrite, so the preview can warn before anything is replaced.
    replaces: r.month ? (stored.get(factKey(r.metricCode, r.month, r.member ? idOf.get(r.member) : null)) ?? null) : null,
  }));
  const result = {
    ok: check.ok,
    fileIssues: check.fileIssues.map((i) => withMessage(i, ctx.locale)),
    rows,
    errorRows: rows.filter((r) => r.issues.length > 0).length,
    replacingRows: rows.filter((r) => r.replaces != null).length,
    saved: 0,
  };
  if (!input.commit || !check.ok) return result;

  await ctx.db.transaction().execute(async (trx: Executor) => {
    await writeCcusFacts(
      trx,
      input.associationId,
      check.rows.map((r) => ({
        memberFirmId: r.member ? idOf.get(r.member)! : null,
        metricCode: r.metricCode,
        periodMonth: `${r.month!}-01`,
        numerator: r.numerator!,
        denominator: r.denominator,
        weightYen: r.weightYen,
      })),
      ctx.userId,
    );
    await appendAudit(trx, {
      actorUserId: ctx.userId,
      action: input.action,
      entityType: 'organisation',
      entityId: input.associationId,
      after: {
        rows: check.rows.length,
        metrics: [...new Set(check.rows.map((r) => r.metricCode))],
        months: [...new Set(check.rows.map((r) => r.month))].sort(),
      },
      requestId: ctx.request.requestId,
      ip: ctx.request.ip,
    });
  });
  return { ...result, saved: check.rows.length };
}

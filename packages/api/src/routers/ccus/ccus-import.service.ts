import { appendAudit, listMemberFirms, writeCcusFacts, type Executor } from '@tsumiki/db';
import { errorMessage, type Locale } from '@tsumiki/domain';
import { checkImport, type ImportIssue } from '@tsumiki/domain/ccus';
import { CsvError, parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import type { DB } from '@tsumiki/db';
import { appError } from '../../errors';
import type { Context } from '../../trpc-types';

const withMessage = (issue: ImportIssue, locale: Locale) => ({
  ...issue,
  message: errorMessage(issue.code, locale, issue.params ?? {}),
});

function readCsv(csv: string): Record<string, string>[] {
  try {
    return parse<Record<string, string>>(csv, { columns: true, bom: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    if (error instanceof CsvError) throw appError('ccus.import_unreadable', { detail: `${error.code}, line ${String(error.lines)}` });
    throw error;
  }
}

/**
 * Checks every row (preview) and, when asked and only if no row has an error, saves them all in one
 * transaction with the roll-ups and an audit entry. A file with one bad row saves nothing.
 */
export async function importCcusFacts(
  ctx: Pick<Context, 'locale' | 'request'> & { db: Kysely<DB>; userId: string },
  input: { associationId: string; csv: string; commit: boolean },
) {
  const records = readCsv(input.csv);
  const firms = await listMemberFirms(ctx.db, input.associationId);
  const idOf = new Map(firms.map((f) => [f.name, f.id]));
  const check = checkImport(records, { members: new Set(idOf.keys()) });
  const rows = check.rows.map((r) => ({ ...r, issues: r.issues.map((i) => withMessage(i, ctx.locale)) }));
  const result = {
    ok: check.ok,
    fileIssues: check.fileIssues.map((i) => withMessage(i, ctx.locale)),
    rows,
    errorRows: rows.filter((r) => r.issues.length > 0).length,
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
      action: 'ccus.import',
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

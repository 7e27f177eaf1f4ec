import { findProgrammeById } from '@tsumiki/db';
import { DomainError } from '@tsumiki/domain';
import type { TImportFile } from '@tsumiki/domain/ccus';
import { budgetSheetRows, budgetTables, columnOptions, importColumns, importHeader, parseBudgetSheet } from '@tsumiki/domain/programmes';
import { appError, toAppError } from '../../errors';
import { rulesOfApplication } from '../../lib/rules';
import { exportFile, type ExportFormat } from '../../lib/spreadsheet';
import { readSheetRows } from '../../lib/sheets/read';
import type { Context, SignedInAuth } from '../../trpc-types';
import { applicationOfCaller } from './applications.service';

type SignedIn = Context & { auth: SignedInAuth };

/** The application and the rules its budget tables come from (its pinned version; for a draft the latest published). */
async function rulesOfCaller(ctx: SignedIn, applicationId: string) {
  const application = await applicationOfCaller(ctx.db, ctx.auth, applicationId);
  const programme = await findProgrammeById(ctx.db, application.programme_id);
  if (!programme) throw appError('programme.not_found');
  return { application, rules: await rulesOfApplication(ctx.db, application), programme };
}

/**
 * The import template of the application's programme: the header the importer reads, the draft's
 * current budget as its lines (so export, edit in Excel, import round-trips), and in Excel a second
 * sheet with the choices of every column.
 */
export async function budgetTemplate(ctx: SignedIn, input: { applicationId: string; format: ExportFormat }) {
  const { application, rules, programme } = await rulesOfCaller(ctx, input.applicationId);
  const choices = importColumns(rules)
    .filter((c) => c.kind === 'select' && !c.optionsFrom)
    .flatMap((c) => columnOptions(c, application.content).map((o) => [c.label.ja, o.label.ja, o.value]));
  const tables = budgetTables(rules).map((t) => ['表', `${t.title.ja}（${t.form}）`, t.code]);
  return exportFile(
    [
      { name: '予算', header: importHeader(rules), rows: budgetSheetRows(rules, application.content) },
      { name: '選択肢', header: ['列', '選べる値', 'コード'], rows: [...tables, ...choices] },
    ],
    input.format,
    `${programme.code}-budget`,
  );
}

/** An imported budget checked line by line against the programme's tables; nothing is saved (the editor takes the rows). */
export async function previewBudgetImport(ctx: SignedIn, input: { applicationId: string; file: TImportFile }) {
  const { application, rules } = await rulesOfCaller(ctx, input.applicationId);
  let rows: string[][];
  try {
    rows = await readSheetRows(input.file);
  } catch (error) {
    // A limit reached says which; any other unreadable file gets the budget's own advice.
    if (error instanceof DomainError) throw error.code.startsWith('sheet.') ? toAppError(error) : appError('budget_import.unreadable');
    throw error;
  }
  return parseBudgetSheet(rules, rows, application.content);
}


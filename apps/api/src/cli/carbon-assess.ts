import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { readSheetRows } from '@tsumiki/api';
import { DomainError, errorMessage, type Locale } from '@tsumiki/domain';
import {
  assess,
  CATEGORY_NAMES,
  formatCarbon,
  issuesAtFileLines,
  MODULE_NAMES,
  MODULES,
  parseBoqSheet,
  sheetIssues,
  sheetToAssessmentInput,
  STAGE_GROUP_NAMES,
  STAGE_GROUPS,
  STARTER_LIBRARY,
  toJson,
  type TAssessOutcome,
  type TCarbonIssue,
  type TCarbonResult,
  type TStageGroup,
} from '@tsumiki/domain/carbon';
import { registerOffline, type CliIo } from './offline';

const USAGE = 'usage: pnpm tsumiki carbon assess <input.json|.csv|.xlsx> [--table] [--allow-incomplete] [--lang ja|en]';

/** Reads the file and assesses it; a spreadsheet goes through the BoQ reader first, so every problem names its line. */
async function outcomeOf(file: string, allowIncomplete: boolean): Promise<TAssessOutcome> {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') {
    const text = await readFile(file, 'utf8');
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new DomainError('carbon.import_not_json', { detail: (error as Error).message.slice(0, 200) });
    }
    if (allowIncomplete && typeof raw === 'object' && raw !== null) raw = { ...raw, allowIncomplete: true };
    return assess(raw);
  }
  if (ext !== '.csv' && ext !== '.xlsx') throw new DomainError('carbon.import_format_unknown', { file });
  const rows = await readSheetRows(
    ext === '.csv' ? { format: 'csv', text: await readFile(file, 'utf8') } : { format: 'xlsx', base64: (await readFile(file)).toString('base64') },
  );
  const sheet = parseBoqSheet(rows, { library: STARTER_LIBRARY });
  if (!sheet.ok) return { ok: false, issues: sheetIssues(sheet) };
  const outcome = assess(sheetToAssessmentInput(sheet, allowIncomplete ? { allowIncomplete: true } : {}));
  return outcome.ok ? outcome : { ok: false, issues: issuesAtFileLines(outcome.issues, sheet) };
}

const pad = (text: string, width: number, right = false) => {
  // East Asian characters take two columns in a terminal.
  const shown = [...text].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const fill = ' '.repeat(Math.max(0, width - shown));
  return right ? fill + text : text + fill;
};

/** The result as a readable table: modules, stage groups and work categories, total, per m² and per m²·year. */
export function resultTable(result: TCarbonResult, locale: Locale): string {
  const area = result.grossFloorAreaM2;
  const years = result.evaluationPeriod.years;
  const num = (v: number, digits: number) => new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'ja-JP', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(v);
  const head = locale === 'ja' ? ['区分', 'kg-CO2e', 'kg-CO2e/m²', 'kg-CO2e/m²・年'] : ['', 'kg-CO2e', 'kg-CO2e/m²', 'kg-CO2e/m²/yr'];
  const row = (label: string, kg: number) => `${pad(label, 44)}${pad(num(kg, 0), 16, true)}${pad(num(kg / area, 1), 14, true)}${pad(num(kg / area / years, 2), 16, true)}`;
  const rule = '-'.repeat(90);
  const lines = [
    `${result.project.name} — ${area} m², ${years}${locale === 'ja' ? '年' : ' years'} (${locale === 'ja' ? result.evaluationPeriod.rule : result.evaluationPeriod.ruleEn})${result.complete ? '' : locale === 'ja' ? ' 【不完全】' : ' [INCOMPLETE]'}`,
    rule,
    `${pad(head[0]!, 44)}${pad(head[1]!, 16, true)}${pad(head[2]!, 14, true)}${pad(head[3]!, 16, true)}`,
    rule,
    ...MODULES.map((m) => row(`${m} ${MODULE_NAMES[m][locale]}`, result.modules[m])),
    rule,
    ...(Object.keys(STAGE_GROUPS) as TStageGroup[]).map((g) => row(STAGE_GROUP_NAMES[g][locale], result.stages[g])),
    row(locale === 'ja' ? '炭素貯蔵量（別掲、差し引かない）' : 'Biogenic storage (apart, not netted)', result.stages.biogenicStorage),
    rule,
    ...result.byCategory.map((c) => row(`${c.category} ${CATEGORY_NAMES[c.category][locale]}`, c.wholeLife)),
    row(locale === 'ja' ? '建物全体（冷媒・エネルギー・水など）' : 'Building level', result.buildingLevel.wholeLife),
    rule,
    `${locale === 'ja' ? 'ホールライフカーボン' : 'Whole-life carbon'}: ${formatCarbon(result.stages.wholeLife, { unit: 't', locale })}`,
  ];
  for (const w of result.warnings) lines.push(`! ${errorMessage(w.code, locale, w.params)}`);
  return lines.join('\n');
}

const described = (issues: readonly TCarbonIssue[], locale: Locale) =>
  issues.map((i) => ({
    code: i.code,
    path: i.path.join('.'),
    ...(i.lineId === undefined ? {} : { line: i.lineId }),
    ...(typeof i.params.row === 'number' ? { row: i.params.row } : {}),
    message: errorMessage(i.code, locale, i.params),
  }));

/**
 * `tsumiki carbon assess <input.json|.csv|.xlsx>`: the whole-life carbon of a building as JSON (the
 * tsumiki-carbon-result format) or, with --table, a table per module. Exit 0 on a result, 1 on
 * invalid input (every problem by line, the API's messages), 2 on usage errors.
 */
export async function carbonAssess(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { table: { type: 'boolean' }, 'allow-incomplete': { type: 'boolean' }, lang: { type: 'string', default: 'ja' } },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [file] = parsed.positionals;
  const locale: Locale = parsed.values.lang === 'en' ? 'en' : 'ja';
  if (!file || parsed.positionals.length > 1) {
    io.err(USAGE);
    return 2;
  }
  let outcome: TAssessOutcome;
  try {
    outcome = await outcomeOf(file, parsed.values['allow-incomplete'] === true);
  } catch (error) {
    if (error instanceof DomainError) {
      io.err(`${file}: ${errorMessage(error.code, locale, error.params)}`);
      return 2;
    }
    io.err(`${file}: ${(error as Error).message}`);
    return 2;
  }
  if (!outcome.ok) {
    const issues = described(outcome.issues, locale);
    io.out(JSON.stringify({ ok: false, issues }, null, 2));
    for (const i of issues) io.err(`${file}${i.row === undefined ? '' : `:${i.row}`}: ${i.message}`);
    return 1;
  }
  io.out(parsed.values.table ? resultTable(outcome.result, locale) : toJson(outcome.result));
  return 0;
}

registerOffline(
  'carbon assess',
  '  carbon assess <input.json|.csv|.xlsx> [--table] [--allow-incomplete] [--lang en]\n                               whole-life carbon of a building as JSON, or a table per module (no database needed)',
  (args, io) => carbonAssess(args, io),
);

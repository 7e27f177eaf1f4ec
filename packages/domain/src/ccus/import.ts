import { z } from 'zod';
import { builtinMetric, type MetricDefinition } from './metrics';
import { ZYearMonth, type YearMonth } from './period';

/** A file may hold five years of monthly figures for a few hundred members, and no more. */
export const IMPORT_MAX_ROWS = 20_000;

/** Column names accepted in an import file, Japanese first (as the associations' sheets have them). */
export const IMPORT_COLUMNS = {
  metric: ['指標コード', '指標', 'metric', 'metric_code'],
  month: ['年月', '月', 'month'],
  member: ['会員企業', '会員企業名', 'member', 'member_firm'],
  numerator: ['実績', '分子', '値', 'value', 'numerator'],
  denominator: ['分母', '対象数', 'denominator'],
  weightYen: ['事業費', 'project_cost_yen', 'weight_yen'],
} as const;
type Column = keyof typeof IMPORT_COLUMNS;
const REQUIRED: Column[] = ['metric', 'month', 'numerator'];

export interface ImportIssue {
  field: Column | 'row';
  code: string;
  params?: Record<string, string | number>;
}

export interface ImportRow {
  /** Line in the file, counting the header as line 1. */
  line: number;
  metricCode: string;
  month: YearMonth | null;
  /** Member firm name; null for the association's own total. */
  member: string | null;
  numerator: number | null;
  denominator: number | null;
  weightYen: number | null;
  issues: ImportIssue[];
}

export type ImportCheck =
  | { ok: false; fileIssues: ImportIssue[]; rows: [] }
  | { ok: boolean; fileIssues: []; rows: ImportRow[] };

/** Full-width digits and separators as typed in Japanese spreadsheets: "１，２３４" is 1234. */
function parseNumber(raw: string): { value: number | null; issue?: Omit<ImportIssue, 'field'> } {
  const text = raw.normalize('NFKC').trim().replaceAll(',', '');
  if (text === '') return { value: null };
  if (text.endsWith('%')) return { value: null, issue: { code: 'ccus.import_percent_not_allowed', params: { value: raw } } };
  if (!/^-?\d+(\.\d+)?$/.test(text)) return { value: null, issue: { code: 'ccus.import_number_invalid', params: { value: raw } } };
  return { value: Number(text) };
}

/** "2026-01", "2026/1", "2026年1月" → "2026-01". */
function parseMonth(raw: string): YearMonth | null {
  const match = /^(\d{4})\s*[-/年.]\s*(\d{1,2})\s*月?$/.exec(raw.normalize('NFKC').trim());
  if (!match) return null;
  const month = `${match[1]!}-${match[2]!.padStart(2, '0')}`;
  return ZYearMonth.safeParse(month).success ? month : null;
}

/**
 * One metric's figures for a month, by the rules an import row and the entry form share: the
 * numerator is required and not negative; a rate needs a positive denominator at least the
 * numerator, a count takes none. `unreadable` marks a figure whose text was refused already (an
 * import cell), so it is not also called missing.
 */
export function figureIssues(
  metric: Pick<MetricDefinition, 'code' | 'kind'> | undefined,
  { numerator, denominator }: { numerator: number | null; denominator: number | null },
  unreadable: { numerator?: boolean; denominator?: boolean } = {},
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  if (numerator == null && !unreadable.numerator) issues.push({ field: 'numerator', code: 'ccus.import_value_required' });
  if (numerator != null && numerator < 0) issues.push({ field: 'numerator', code: 'ccus.figure_negative' });
  if (metric?.kind === 'ratio') {
    if (denominator == null && !unreadable.denominator) issues.push({ field: 'denominator', code: 'ccus.import_denominator_required' });
    else if (denominator != null && denominator <= 0) issues.push({ field: 'denominator', code: 'ccus.denominator_not_positive' });
    else if (denominator != null && numerator != null && numerator > denominator) issues.push({ field: 'numerator', code: 'ccus.numerator_exceeds_denominator' });
  } else if (metric && denominator != null) {
    issues.push({ field: 'denominator', code: 'ccus.import_denominator_not_allowed', params: { code: metric.code } });
  }
  return issues;
}

/**
 * Checks every row of an import before anything is saved, and says what is wrong with each, so
 * the reporter can fix the file in one go. Member names are checked against `members`; metrics
 * against the built-in ones and the association's own.
 */
export function checkImport(
  records: readonly Record<string, string>[],
  context: {
    members: ReadonlySet<string>;
    customMetrics?: readonly Pick<MetricDefinition, 'code' | 'kind'>[];
    /** Each record's line (row) in the file when blank lines were skipped; else header + index. */
    lines?: readonly number[];
  },
): ImportCheck {
  if (records.length === 0) return { ok: false, fileIssues: [{ field: 'row', code: 'ccus.import_empty' }], rows: [] };
  if (records.length > IMPORT_MAX_ROWS) {
    return { ok: false, fileIssues: [{ field: 'row', code: 'ccus.import_too_many_rows', params: { max: IMPORT_MAX_ROWS } }], rows: [] };
  }
  const headers = Object.keys(records[0]!);
  const columnOf = {} as Record<Column, string | undefined>;
  for (const column of Object.keys(IMPORT_COLUMNS) as Column[]) {
    columnOf[column] = headers.find((h) => (IMPORT_COLUMNS[column] as readonly string[]).includes(h.normalize('NFKC').trim()));
  }
  const missing = REQUIRED.filter((c) => !columnOf[c]);
  if (missing.length > 0) {
    return {
      ok: false,
      fileIssues: missing.map((c) => ({ field: c, code: 'ccus.import_missing_column', params: { column: IMPORT_COLUMNS[c].join(' / ') } })),
      rows: [],
    };
  }
  const metricOf = (code: string) => builtinMetric(code) ?? context.customMetrics?.find((m) => m.code === code);
  const seen = new Map<string, number>();
  const rows = records.map((record, index): ImportRow => {
    const cell = (c: Column) => (columnOf[c] ? (record[columnOf[c]] ?? '') : '');
    const issues: ImportIssue[] = [];
    const metricCode = cell('metric').trim();
    const metric = metricOf(metricCode);
    if (!metric) issues.push({ field: 'metric', code: 'ccus.metric_not_found', params: { code: metricCode } });
    const month = parseMonth(cell('month'));
    if (!month) issues.push({ field: 'month', code: 'ccus.invalid_month' });
    const memberName = cell('member').normalize('NFKC').trim();
    const member = memberName === '' ? null : memberName;
    if (member && !context.members.has(member)) issues.push({ field: 'member', code: 'ccus.import_member_unknown', params: { name: member } });
    const parsed = { numerator: parseNumber(cell('numerator')), denominator: parseNumber(cell('denominator')), weightYen: parseNumber(cell('weightYen')) };
    for (const field of ['numerator', 'denominator', 'weightYen'] as const) {
      const issue = parsed[field].issue;
      if (issue) issues.push({ field, ...issue });
    }
    const numerator = parsed.numerator.value;
    const denominator = parsed.denominator.value;
    const weightYen = parsed.weightYen.value;
    issues.push(...figureIssues(metric, { numerator, denominator }, { numerator: parsed.numerator.issue !== undefined, denominator: parsed.denominator.issue !== undefined }));
    if (weightYen != null && (weightYen < 0 || !Number.isInteger(weightYen))) issues.push({ field: 'weightYen', code: 'ccus.import_yen_invalid' });
    const line = context.lines?.[index] ?? index + 2;
    const key = `${metricCode}|${month ?? ''}|${member ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined) issues.push({ field: 'row', code: 'ccus.import_duplicate_row', params: { line: first } });
    else seen.set(key, line);
    return { line, metricCode, month, member, numerator, denominator, weightYen, issues };
  });
  return { ok: rows.every((r) => r.issues.length === 0), fileIssues: [], rows };
}

/** An import file as sent by the page: CSV as text, Excel as base64 (about 5 MB of data either way). */
export const ZImportFile = z.discriminatedUnion('format', [
  z.object({ format: z.literal('csv'), text: z.string().max(5_000_000, { message: 'request.too_large' }) }),
  z.object({
    format: z.literal('xlsx'),
    base64: z
      .string()
      .max(7_000_000, { message: 'request.too_large' })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'attachment.not_base64' }),
  }),
]);
export type TImportFile = z.infer<typeof ZImportFile>;

/**
 * One month's association totals typed into the entry form. The rules per figure are the import's
 * (checkImport), so a figure is refused for the same reason whichever way it arrives.
 */
export const ZCcusFiguresInput = z.object({
  associationId: z.uuid(),
  month: ZYearMonth,
  figures: z
    .array(
      z.object({
        metricCode: z.string().max(63),
        numerator: z.number().finite(),
        denominator: z.number().finite().nullable(),
      }),
    )
    .min(1, { message: 'ccus.figures_empty' })
    .max(100),
});
export type TCcusFiguresInput = z.infer<typeof ZCcusFiguresInput>;

/** A figure as a number field holds it: a number, '' when blank, or its text while it reads as none. */
const typedFigure = z.union([z.number().finite(), z.string()]);
const figureOf = (typed: number | string): number | null => (typeof typed === 'number' ? typed : null);
const isBlank = (typed: number | string) => typeof typed === 'string' && typed.trim() === '';

/**
 * The entry form: a row per metric with its figures as typed. A row left blank is no figure; a row
 * begun is checked by the import's rules (figureIssues), each problem at its field, and read as the
 * API's input (ZCcusFiguresInput), which names an empty month. The custom metrics are the API's to
 * check, as they are for an import.
 */
export const ZCcusFiguresForm = z
  .object({
    associationId: z.uuid(),
    month: ZYearMonth,
    figures: z
      .array(
        z
          .object({ metricCode: z.string().max(63), numerator: typedFigure, denominator: typedFigure })
          .superRefine((row, ctx) => {
            if (isBlank(row.numerator) && isBlank(row.denominator)) return;
            const unreadable = { numerator: !isBlank(row.numerator) && typeof row.numerator === 'string', denominator: !isBlank(row.denominator) && typeof row.denominator === 'string' };
            for (const field of ['numerator', 'denominator'] as const) {
              if (unreadable[field]) ctx.addIssue({ code: 'custom', message: 'ccus.figure_negative', path: [field] });
            }
            const issues = figureIssues(builtinMetric(row.metricCode), { numerator: figureOf(row.numerator), denominator: figureOf(row.denominator) }, unreadable);
            for (const issue of issues) ctx.addIssue({ code: 'custom', message: issue.code, path: [issue.field === 'denominator' ? 'denominator' : 'numerator'], params: issue.params });
          }),
      )
      .max(100),
  })
  .transform(({ associationId, month, figures }) => ({
    associationId,
    month,
    // Read only once every begun row passed, so its numerator is a number (NaN would be refused anyway).
    figures: figures
      .filter((row) => !isBlank(row.numerator) || !isBlank(row.denominator))
      .map((row) => ({ metricCode: row.metricCode, numerator: figureOf(row.numerator) ?? Number.NaN, denominator: figureOf(row.denominator) })),
  }))
  .pipe(ZCcusFiguresInput);
export type TCcusFiguresFormValues = z.input<typeof ZCcusFiguresForm>;

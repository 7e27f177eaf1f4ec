import { z } from 'zod';
import { DomainError, type ErrorCode } from '../errors';
import { yen, type Yen } from '../money';
import type { TApplicationContent } from '../programmes/content/schema';
import { fiscalYearOf } from '../time';
import { reportFieldLabel } from './report-labels';
import { checkReportChecklist, ZChecklistApplication, ZChecklistReport } from '../programmes/shared/checklist';
import { ZIsoDate } from '../programmes/shared/dates';
import type { TProgrammeDefinition } from '../programmes/shared/definition';
import { setAtPath } from '../programmes/shared/paths';
import { checkDiaries, hourlyRate, personnelCost, ZDiaryDay, ZStaff } from '../programmes/shared/personnel';
import type { TReportedLine } from '../review/settlement';

/**
 * The results report (実績報告; 001 §4, 003 §4.2): the actual cost per line with its evidence, the
 * publication evidence for CO2 factors (001 §2.2: published by the report, or developed and
 * published next fiscal year with the expected date), personnel-cost sheets computed from the
 * work diaries (003 別添: hourly rate × direct hours, diaries checked for overlaps, breaks and the
 * day), and the environmental checklist's report phase (CLT, 添付様式6 注2).
 *
 * The draft is saved as typed (autosave is never blocked); `checkResultsReport` is what submission
 * runs, and names every problem with its path in the report.
 */

export const REPORT_LINE_MAX = 500;
export const REPORT_EVIDENCE_MAX = 20;
/** ¥100 billion: above any programme's budget, to catch a slip of the keyboard as a clear error. */
export const REPORT_AMOUNT_MAX = 100_000_000_000;

export const ZReportLine = z.strictObject({
  id: z.string().trim().min(1).max(64),
  category: z.string({ error: 'results.category_required' }).trim().min(1, { message: 'results.category_required' }).max(100),
  description: z.string().trim().max(500, { message: 'results.description_too_long' }).default(''),
  amount: z
    .number({ error: 'results.amount_invalid' })
    .int({ message: 'results.amount_invalid' })
    .min(0, { message: 'results.amount_invalid' })
    .max(REPORT_AMOUNT_MAX, { message: 'results.amount_too_large' }),
  evidenceAttachmentIds: z.array(z.uuid()).max(REPORT_EVIDENCE_MAX, { message: 'results.too_many_evidence' }).default([]),
});
export type TReportLine = z.output<typeof ZReportLine>;

export const ZPublication = z.discriminatedUnion(
  'status',
  [
    z.strictObject({
      status: z.literal('published'),
      publishedOn: ZIsoDate,
      /** Where it is published (EPD programme, industry site). */
      where: z.string({ error: 'results.publication_where_required' }).trim().min(1, { message: 'results.publication_where_required' }).max(300),
      url: z.url({ message: 'results.publication_url_invalid' }).max(2000).optional(),
      /** The published factor, with its unit (e.g. "1.23 kg-CO2e/kg"). */
      factorValue: z.string({ error: 'results.publication_factor_required' }).trim().min(1, { message: 'results.publication_factor_required' }).max(200),
    }),
    z.strictObject({
      status: z.literal('next_year'),
      expectedOn: ZIsoDate,
      reason: z.string({ error: 'results.publication_reason_required' }).trim().min(1, { message: 'results.publication_reason_required' }).max(2000),
      /** The factor must still be developed by the results report (001 §2.2). */
      developed: z.literal(true, { error: 'results.factor_must_be_developed' }),
    }),
  ],
  { error: 'results.publication_required' },
);
export type TPublication = z.output<typeof ZPublication>;

export const ZResultsReport = z.strictObject({
  lines: z.array(ZReportLine).max(REPORT_LINE_MAX, { message: 'results.too_many_lines' }),
  publication: ZPublication.optional(),
  personnel: z
    .strictObject({
      staff: z.array(ZStaff).max(50),
      diaries: z.array(ZDiaryDay).max(5000),
    })
    .default({ staff: [], diaries: [] }),
  checklist: ZChecklistReport.optional(),
});
export type TResultsReport = z.output<typeof ZResultsReport>;

/**
 * The draft as the portal saves it while it is typed (results_reports.content): the report's shape
 * with every value optional and any number or text of a bounded size, so autosave never fails on
 * a half-entered line, while an unknown key or a value of the wrong type is refused.
 * `checkResultsReport` is what turns it into a report.
 */
export const REPORT_DRAFT_MAX_BYTES = 2_000_000;
const draftText = (max: number) => z.string({ error: 'results.field_invalid' }).max(max, { message: 'results.field_invalid' }).optional();
const draftNumber = z.number({ error: 'results.amount_invalid' }).optional();
const draftFlag = z.boolean({ error: 'results.field_invalid' }).optional();
const draftClock = z.strictObject({ start: draftText(8), end: draftText(8) });
const ZReportLineDraft = z.strictObject({
  id: z.string({ error: 'results.field_invalid' }).max(64, { message: 'results.field_invalid' }),
  category: draftText(100),
  description: draftText(2000),
  amount: draftNumber,
  evidenceAttachmentIds: z.array(z.string().max(64)).max(REPORT_EVIDENCE_MAX * 5).optional(),
});
/** The factor was published by the report (its date, place and value are asked), not planned for next year. */
export const isPublishedByReport = (publication: { status?: string | undefined } | null | undefined): boolean => publication?.status === 'published';

const ZPublicationDraft = z.strictObject({
  status: z.enum(['published', 'next_year'], { error: 'results.publication_required' }),
  publishedOn: draftText(40),
  where: draftText(1000),
  url: draftText(4000),
  factorValue: draftText(1000),
  expectedOn: draftText(40),
  reason: draftText(8000),
  developed: draftFlag,
});
const ZAmountPartDraft = z.strictObject({ kind: draftText(64), amount: draftNumber });
const ZStaffDraft = z.strictObject({
  type: z.enum(['regular', 'contract', 'seconded', 'manager'], { error: 'personnel.staff_type_unknown' }).optional(),
  personId: draftText(64),
  name: draftText(400),
  pay: z.array(ZAmountPartDraft).max(200).optional(),
  welfare: z.array(ZAmountPartDraft).max(80).optional(),
  businessDays: draftNumber,
  hoursPerDay: draftNumber,
  totalPay: draftNumber,
  totalWelfare: draftNumber,
  overtime: z.strictObject({ annualOvertimeHours: draftNumber, provenByTimeCards: draftFlag }).optional(),
});
const ZDiaryEntryDraft = z.strictObject({
  project: draftText(64),
  kind: draftText(32),
  start: draftText(8),
  end: draftText(8),
  description: draftText(2000),
  overtimeReason: draftText(64),
});
const ZDiaryDayDraft = z.strictObject({
  personId: draftText(64),
  date: draftText(40),
  writtenBy: draftText(64),
  countersignedBy: draftText(64),
  contractualHours: draftClock.optional(),
  breaks: z.array(draftClock).max(40).optional(),
  holiday: draftFlag,
  holidayCompensated: draftFlag,
  entries: z.array(ZDiaryEntryDraft).max(200).optional(),
});
export const ZResultsReportDraft = z
  .strictObject({
    lines: z.array(ZReportLineDraft).max(REPORT_LINE_MAX * 2, { message: 'results.too_many_lines' }).optional(),
    publication: ZPublicationDraft.optional(),
    personnel: z.strictObject({ staff: z.array(ZStaffDraft).max(200).optional(), diaries: z.array(ZDiaryDayDraft).max(20_000).optional() }).optional(),
    checklist: z.strictObject({ answers: z.record(z.string().max(8), z.string().max(32)).optional() }).optional(),
  })
  .refine((d) => JSON.stringify(d).length <= REPORT_DRAFT_MAX_BYTES, { message: 'results.draft_too_large' });
export type TResultsReportDraft = z.input<typeof ZResultsReportDraft>;
/**
 * A copy of the draft with the value at a dotted path set (removed when undefined), as the report
 * form edits it, read back through the draft schema: a value of the wrong type or size is refused
 * with the field named. The edited value itself is kept, so text is not trimmed while typed.
 */
export function reportDraftWithValueAt(draft: TResultsReportDraft, path: string, value: unknown): TResultsReportDraft {
  const next = setAtPath(draft, path.split('.'), value);
  if (!isResultsReportDraft(next)) {
    const label = reportFieldLabel(path);
    throw new DomainError('results.field_invalid', { field: label.ja, fieldEn: label.en });
  }
  return next;
}

export const isResultsReportDraft = (value: unknown): value is TResultsReportDraft => ZResultsReportDraft.safeParse(value).success;

/** A draft with nothing entered yet. */
export const emptyResultsReportDraft = (): TResultsReportDraft => ({ lines: [] });

/**
 * Reads a stored draft. One that does not fit is a ReportDraftShapeError naming the application and
 * the first field that did not fit, never a cast.
 */
export function parseResultsReportDraft(applicationId: string, raw: unknown): TResultsReportDraft {
  const parsed = ZResultsReportDraft.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ReportDraftShapeError(applicationId, issue ? issue.path.map(String).join('.') : '', issue?.message ?? '');
}

/** A stored results-report draft that does not fit the draft schema: a coded error naming the application. */
export class ReportDraftShapeError extends DomainError {
  constructor(
    readonly applicationId: string,
    readonly path: string,
    readonly detail: string,
  ) {
    super('results.draft_invalid', { application: applicationId, path: path || '(root)' });
    this.name = 'ReportDraftShapeError';
    this.message = `Application ${applicationId}: the results-report draft does not fit its schema at "${path || '(root)'}" (${detail})`;
  }
}

export interface ReportIssue {
  code: ErrorCode;
  /** Path in the report ("lines.0.amount", "personnel.diaries.2.entries.1"). */
  path: string;
  params: Record<string, string | number>;
}

export interface PersonnelSheet {
  personId: string;
  name?: string | undefined;
  rate: Yen;
  directMinutes: number;
  cost: Yen;
}

export interface ReportSummary {
  totalYen: Yen;
  byCategory: Record<string, Yen>;
  personnel: PersonnelSheet[];
  personnelCostYen: Yen;
}

/** The categories that are personnel cost, computed from the diaries (CO2 ①; CLT council 技術者給). */
export const PERSONNEL_CATEGORIES: readonly string[] = ['personnel', 'engineer_pay'];

/** The categories a report's lines may use: those of the definition the application was submitted under. */
export const reportCategories = (def: TProgrammeDefinition): string[] => def.costCategories.map((c) => c.code);

/** Schema refusals with the field named as the report screen names it (「経費の明細 2行目 金額」), never by its path. */
const zodIssues = (error: z.ZodError): ReportIssue[] =>
  error.issues.map((i) => {
    const path = i.path.join('.');
    const label = reportFieldLabel(path);
    return { code: (i.message.includes('.') ? i.message : 'results.field_invalid') as ErrorCode, path, params: { field: label.ja, fieldEn: label.en } };
  });

/** Personnel sheets from the staff and their diaries: rate × direct minutes of diary entries without errors. */
export function personnelSheets(report: Pick<TResultsReport, 'personnel'>): { sheets: PersonnelSheet[]; issues: ReportIssue[] } {
  const { staff, diaries } = report.personnel;
  const managers = staff.filter((s) => s.type === 'manager').map((s) => s.personId);
  const proven = staff.filter((s) => s.type === 'manager' && s.overtime?.provenByTimeCards).map((s) => s.personId);
  const check = checkDiaries(diaries, { managers, managersWithProvenOvertime: proven });
  const issues: ReportIssue[] = [];
  const known = new Set(staff.map((s) => s.personId));
  diaries.forEach((d, i) => {
    if (!known.has(d.personId)) issues.push({ code: 'results.diary_person_unknown', path: `personnel.diaries.${i}.personId`, params: { person: d.personId } });
  });
  for (const issue of check.issues) {
    if (issue.level !== 'error') continue;
    const day = diaries.findIndex((d) => d.personId === issue.personId && d.date === issue.date);
    issues.push({ code: issue.code, path: `personnel.diaries.${day}${issue.entry !== undefined ? `.entries.${issue.entry}` : ''}`, params: issue.params });
  }
  const sheets = staff.map((s) => {
    const rate = hourlyRate(s).rate;
    const directMinutes = check.directMinutes[s.personId] ?? 0;
    return { personId: s.personId, name: s.name, rate, directMinutes, cost: personnelCost(rate, directMinutes) };
  });
  return { sheets, issues };
}

/**
 * Everything submission checks, with a path per problem. `frozen` is the application content as
 * last frozen (its checklist's application phase is what the report phase answers). `def` is the
 * definition the application was submitted under: its categories, and its engine's extra parts
 * (the CO2 publication, the CLT checklist).
 */
export function checkResultsReport(def: TProgrammeDefinition, draft: TResultsReportDraft, frozen: TApplicationContent | null, now: Date): { issues: ReportIssue[]; report: TResultsReport | null; summary: ReportSummary | null } {
  const parsed = ZResultsReport.safeParse(draft);
  if (!parsed.success) {
    // The diaries are checked even while another part is incomplete, so an overlap shows as it is typed.
    const personnel = ZResultsReport.shape.personnel.safeParse(draft.personnel);
    const diaryIssues = personnel.success ? personnelSheets({ personnel: personnel.data }).issues : [];
    return { issues: [...zodIssues(parsed.error), ...diaryIssues], report: null, summary: null };
  }
  const report = parsed.data;
  const issues: ReportIssue[] = [];
  const categories = new Set(reportCategories(def));

  if (report.lines.length === 0) issues.push({ code: 'results.lines_required', path: 'lines', params: {} });
  const ids = new Set<string>();
  report.lines.forEach((line, i) => {
    if (ids.has(line.id)) issues.push({ code: 'results.line_id_duplicate', path: `lines.${i}.id`, params: { line: i + 1 } });
    ids.add(line.id);
    if (!categories.has(line.category)) issues.push({ code: 'results.category_unknown', path: `lines.${i}.category`, params: { line: i + 1, category: line.category } });
    if (line.amount > 0 && line.evidenceAttachmentIds.length === 0) issues.push({ code: 'results.evidence_required', path: `lines.${i}.evidenceAttachmentIds`, params: { line: i + 1 } });
  });

  if (def.engine === 'co2_factor') {
    if (!report.publication) issues.push({ code: 'results.publication_required', path: 'publication', params: {} });
    else if (report.publication.status === 'next_year') {
      const expected = fiscalYearOf(new Date(`${report.publication.expectedOn}T00:00:00+09:00`));
      const next = fiscalYearOf(now) + 1;
      if (expected !== next) issues.push({ code: 'results.publication_not_next_year', path: 'publication.expectedOn', params: { fiscalYear: next } });
    }
  }

  const personnel = personnelSheets(report);
  issues.push(...personnel.issues);
  const personnelCostYen = yen(personnel.sheets.reduce((s, p) => s + p.cost, 0));
  const claimed = report.lines.filter((l) => PERSONNEL_CATEGORIES.includes(l.category)).reduce((s, l) => s + l.amount, 0);
  if (claimed > 0 && report.personnel.staff.length === 0) issues.push({ code: 'results.personnel_sheet_required', path: 'personnel.staff', params: {} });
  else if (claimed > personnelCostYen) issues.push({ code: 'results.personnel_exceeds_diaries', path: 'personnel', params: { claimed, computed: personnelCostYen } });

  if (def.engine === 'clt') {
    const planned = ZChecklistApplication.safeParse((frozen?.programme === 'clt_demonstration' ? frozen.checklist : undefined) ?? { answers: {} });
    const done = report.checklist ?? { answers: {} };
    if (planned.success) {
      for (const i of checkReportChecklist(planned.data, done)) issues.push({ code: i.code, path: i.item === null ? 'checklist' : `checklist.answers.${i.item}`, params: i.params });
    }
  }

  const byCategory: Record<string, Yen> = {};
  for (const l of report.lines) byCategory[l.category] = yen((byCategory[l.category] ?? 0) + l.amount);
  const totalYen = yen(report.lines.reduce((s, l) => s + l.amount, 0));
  return { issues, report, summary: { totalYen, byCategory, personnel: personnel.sheets, personnelCostYen } };
}

/** The lines the settlement reviews (review_report_lines), from a checked report. */
export const reportedLines = (report: TResultsReport): TReportedLine[] =>
  report.lines.map((l) => ({ id: l.id, category: l.category, ...(l.description ? { description: l.description } : {}), amount: yen(l.amount) }));

import {
  appendAudit,
  existingCarbonFactorIds,
  findApplicationById,
  findCarbonProject,
  listCarbonFactors,
  listCarbonProjectsOfApplication,
  upsertCarbonFactors,
  type Executor,
} from '@tsumiki/db';
import type { Kysely } from 'kysely';
import type { DB } from '@tsumiki/db';
import { DomainError, errorMessage, jstParts, type Locale, type TRole } from '@tsumiki/domain';
import {
  assess,
  checkFactorImport,
  compareResults,
  projectInput,
  type TCarbonProjectContent,
  type TCarbonResult,
  checkOpenEpdImport,
  FACTOR_COLUMN_LABELS,
  factorImportMessage,
  groupIfcElements,
  materialNameIndex,
  resolveMaterialName,
  resolveMaterialNames,
  type TIfcFile,
  type TRememberedName,
  parseBoqSheet,
  STARTER_LIBRARY,
  ZCarbonProjectContent,
  ZEmissionFactor,
  type TCarbonIssue,
  type TEmissionFactor,
  type TFactorImportFile,
  type TFactorImportIssue,
  unmappedMaterials,
} from '@tsumiki/domain/carbon';
import type { TImportFile } from '@tsumiki/domain/ccus';
import { appError, toAppError } from '../../errors';
import { readIfc } from '../../lib/ifc/read';
import { readSheetRows } from '../../lib/sheets/read';
import { pdfFile } from '../../lib/pdf-file';
import { exportFile } from '../../lib/spreadsheet';
import { carbonReportModel } from './carbon-report';
import type { Context, SignedInAuth } from '../../trpc-types';

/** Applicants compute and keep projects of their organisation; the programme office reads the library and imports factors. */
export const CARBON_PROJECT_ROLES = ['applicant'] as const satisfies readonly TRole[];
export const CARBON_LIBRARY_ROLES = ['applicant', 'reviewer', 'programme_admin'] as const satisfies readonly TRole[];

/** The caller's organisations for carbon projects (roleProcedure has kept only the granting memberships). */
export const ownOrganisations = (auth: SignedInAuth) => [...new Set(auth.memberships.map((m) => m.organisationId))];

/** Today in Japan: the date a new assessment speaks for. */
export function todayJst(now: Date): string {
  const p = jstParts(now);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Starter library plus what programme offices imported (an imported id never shadows a starter one: the import refuses it). */
export async function effectiveLibrary(db: Executor): Promise<{ library: TEmissionFactor[]; imported: Set<string> }> {
  const rows = await listCarbonFactors(db);
  const imported = rows.map((r) => ZEmissionFactor.parse(r.factor));
  return { library: [...STARTER_LIBRARY, ...imported], imported: new Set(imported.map((f) => f.id)) };
}

export const withMessage = <T extends { code: string; params: Record<string, string | number> }>(issue: T, locale: Locale) => ({
  ...issue,
  message: errorMessage(issue.code, locale, issue.params),
});
export const carbonIssues = (issues: readonly TCarbonIssue[], locale: Locale) => issues.map((i) => withMessage(i, locale));

/** A stored project, checked again on the way out. */
export async function loadProject(db: Executor, auth: SignedInAuth, id: string) {
  const row = await findCarbonProject(db, id, ownOrganisations(auth));
  if (!row) throw appError('carbon.project_not_found');
  const content = ZCarbonProjectContent.parse({ name: row.name, building: row.building, settings: row.settings, boq: row.boq, scenarios: row.scenarios });
  return { id: row.id, organisationId: row.organisationId, applicationId: row.applicationId, version: row.version, updatedAt: row.updatedAt, content };
}

/** An application may be linked only if it is the same organisation's. */
export async function assertApplicationOf(db: Executor, applicationId: string | null, organisationId: string) {
  if (applicationId === null) return;
  const application = await findApplicationById(db, applicationId);
  if (application?.applicant_organisation_id !== organisationId) throw appError('carbon.application_not_found');
}

/**
 * The carbon assessments linked to one of the caller's applications, each assessed (its baseline
 * scenario) with today's library: the headline figures the application page shows, or the number of
 * issues still open, never a partial result passed off as complete.
 */
export async function linkedAssessments(db: Executor, auth: SignedInAuth, applicationId: string, locale: Locale) {
  const organisations = ownOrganisations(auth);
  const application = await findApplicationById(db, applicationId);
  if (!application || !organisations.includes(application.applicant_organisation_id)) throw appError('carbon.application_not_found');
  const [rows, { library }] = await Promise.all([listCarbonProjectsOfApplication(db, applicationId, organisations), effectiveLibrary(db)]);
  return rows.map((row) => {
    const content = ZCarbonProjectContent.parse({ name: row.name, building: row.building, settings: row.settings, boq: row.boq, scenarios: row.scenarios });
    const baseline = content.scenarios[0]!;
    const outcome = assess(projectInput(content, baseline.id, row.id), { library });
    const head = { id: row.id, name: row.name, version: row.version, updatedAt: row.updatedAt, scenarioName: baseline.name };
    if (!outcome.ok) return { ...head, ok: false as const, issues: carbonIssues(outcome.issues.slice(0, 3), locale), issueCount: outcome.issues.length };
    const r = outcome.result;
    return {
      ...head,
      ok: true as const,
      complete: r.complete,
      grossFloorAreaM2: r.grossFloorAreaM2,
      evaluationYears: r.evaluationPeriod.years,
      wholeLifeKg: r.stages.wholeLife,
      upfrontKg: r.stages.upfront,
      operationalKg: r.stages.operational,
      perM2: r.perM2.stages.wholeLife,
      perM2Year: r.perM2Year.stages.wholeLife,
      dKg: r.stages.d,
      biogenicStorageKg: r.stages.biogenicStorage,
    };
  });
}

/** The file's rows; an unreadable file is the user's to fix (400), not a server fault. */
async function readRows(file: TImportFile) {
  try {
    return await readSheetRows(file);
  } catch (error) {
    throw error instanceof DomainError ? toAppError(error) : error;
  }
}

/** A BoQ file checked row by row against the library; nothing is saved (the grid takes the rows). */
export async function previewBoqImport(db: Executor, file: TImportFile, locale: Locale, remembered: readonly TRememberedName[] = []) {
  const [rows, { library }] = await Promise.all([readRows(file), effectiveLibrary(db)]);
  const sheet = parseBoqSheet(rows, { library, remembered });
  return {
    ok: sheet.ok,
    fileIssues: carbonIssues(sheet.fileIssues, locale),
    building: sheet.building,
    project: sheet.project,
    rows: sheet.rows.map((r) => ({ ...r, issues: carbonIssues(r.issues, locale) })),
    errorRows: sheet.rows.filter((r) => r.issues.length > 0).length,
    /** Distinct names the mapping step must ask about, with their suggestions. */
    unmapped: unmappedMaterials(sheet.rows),
  };
}

/**
 * An IFC model read off the event loop and grouped into BoQ lines by material and work category,
 * materials the library knows (by name or alias) taken by their key, the others with suggestions;
 * nothing is saved (the portal shows the summary,
 * then the user puts the lines into the grid).
 */
export async function previewIfcImport(db: Executor, file: TIfcFile, remembered: readonly TRememberedName[] = []) {
  const bytes = Buffer.from(file.base64, 'base64');
  const [read, { library }] = await Promise.all([
    readIfc(bytes).catch((error: unknown) => {
      throw error instanceof DomainError ? toAppError(error) : error;
    }),
    effectiveLibrary(db),
  ]);
  const index = materialNameIndex(library, remembered);
  const out = groupIfcElements(read.model, { materialKeyOf: (name) => resolveMaterialName(name, index).materialKey ?? undefined });
  // The materials no library entry names, each with ranked suggestions: the mapping step's input.
  return { ...out, mapping: resolveMaterialNames(out.summary.unmappedMaterials, index) };
}

/** An openEPD entry's problem says which entry it is (number and product name) before what is wrong. */
const factorIssue = (i: TFactorImportIssue, locale: Locale, entry: boolean) => {
  if (!entry) return { ...i, message: factorImportMessage(i, locale) };
  const issue = withMessage(i, locale);
  return { ...issue, message: errorMessage('carbon.epd_entry', locale, i.params) + issue.message };
};

/** Template for factor lists: the columns the import reads, Japanese headers first. */
export function factorTemplate(format: 'csv' | 'xlsx') {
  const header = Object.values(FACTOR_COLUMN_LABELS);
  return exportFile([{ name: '原単位', header, rows: [] }], format, 'carbon_factor_template');
}

/**
 * A factor list (CSV/Excel, or openEPD JSON with a material key chosen per EPD) checked row by row
 * (preview) and, when asked and only if every row passes, saved in one transaction with an audit
 * entry: all rows or none.
 */
export async function importFactors(
  ctx: Pick<Context, 'locale' | 'request'> & { db: Kysely<DB>; userId: string },
  input: { file: TFactorImportFile; commit: boolean; materialKeys?: Record<string, string> | undefined },
) {
  const file = input.file;
  const openEpd = file.format === 'openepd';
  const check = file.format === 'openepd' ? checkOpenEpdImport(file.text, { materialKeys: input.materialKeys ?? {} }) : checkFactorImport(await readRows(file));
  const replaces = await existingCarbonFactorIds(ctx.db, check.rows.map((r) => r.id).filter(Boolean));
  const result = {
    ok: check.ok,
    format: file.format,
    fileIssues: check.fileIssues.map((i) => factorIssue(i, ctx.locale, false)),
    rows: check.rows.map((r) => ({
      line: r.line,
      id: r.id,
      materialKey: r.materialKey,
      label: r.factor?.nameJa ?? r.label ?? r.id,
      factor: r.factor,
      replaces: replaces.has(r.id),
      issues: r.issues.map((i) => factorIssue(i, ctx.locale, openEpd)),
    })),
    errorRows: check.rows.filter((r) => r.issues.length > 0).length,
    saved: 0,
  };
  if (!input.commit) return result;
  if (!check.ok) throw appError('carbon.import_has_errors');
  const factors = check.rows.map((r) => r.factor!);
  await ctx.db.transaction().execute(async (trx) => {
    await upsertCarbonFactors(trx, factors.map((f) => ({ id: f.id, materialKey: f.materialKey, factor: f })), ctx.userId);
    await appendAudit(trx, {
      actorUserId: ctx.userId,
      action: 'carbon.import_factors',
      entityType: 'carbon_factor_library',
      entityId: null,
      after: { format: file.format, ids: factors.map((f) => f.id), replaced: [...replaces] },
      requestId: ctx.request.requestId,
      ip: ctx.request.ip,
    });
  });
  return { ...result, saved: factors.length };
}

/** The printable report of one scenario; a further scenario's report carries its comparison with the baseline. */
export function carbonReportPdf(content: TCarbonProjectContent, scenarioId: string, result: TCarbonResult, library: readonly TEmissionFactor[], locale: Locale, basename: string) {
  const scenario = content.scenarios.find((s) => s.id === scenarioId) ?? content.scenarios[0]!;
  const baseline = content.scenarios[0]!;
  let comparison: Parameters<typeof carbonReportModel>[1]['comparison'];
  if (baseline.id !== scenario.id) {
    const base = assess(projectInput(content, baseline.id), { library });
    if (base.ok) comparison = { name: scenario.name, baselineName: baseline.name, comparison: compareResults(base.result, result, 'perM2') };
  }
  return pdfFile(carbonReportModel(result, { scenarioName: scenario.name, locale, ...(comparison ? { comparison } : {}) }), basename);
}

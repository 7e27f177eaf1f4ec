import { appendAudit, insertCarbonProject, listCarbonProjects, saveCarbonProjectIfVersion } from '@tsumiki/db';
import { assess, assessProject, newProjectContent, projectInput, toCsvCells, ZCarbonProjectContent, ZFactorImportFile, ZIfcFile, ZNewCarbonProject } from '@tsumiki/domain/carbon';
import { ZImportFile } from '@tsumiki/domain/ccus';
import { z } from 'zod';
import { appError } from '../../errors';
import { exportFile } from '../../lib/spreadsheet';
import { prestartIfcWorker } from '../../lib/ifc/read';
import { createTRPCRouter, roleProcedure } from '../../trpc';
import {
  assertApplicationOf,
  CARBON_LIBRARY_ROLES,
  CARBON_PROJECT_ROLES,
  carbonIssues,
  carbonReportPdf,
  effectiveLibrary,
  factorTemplate,
  importFactors,
  linkedAssessments,
  loadProject,
  ownOrganisations,
  previewBoqImport,
  previewIfcImport,
  todayJst,
} from './carbon.service';
import { callerOrganisation, confirmNames, forgetNames, rememberedNames, resolveNames, ZConfirmNamesInput, ZForgetNamesInput, ZResolveNamesInput } from './carbon-names';

const project = roleProcedure(...CARBON_PROJECT_ROLES);

export const carbonRouter = createTRPCRouter({
  /** The organisation's carbon projects, most recently changed first. */
  list: project.query(({ ctx }) => listCarbonProjects(ctx.db, ownOrganisations(ctx.auth))),

  get: project.input(z.object({ id: z.uuid() })).query(({ ctx, input }) => loadProject(ctx.db, ctx.auth, input.id)),

  /** A new, empty project assessed as of today (Japan time); the building is entered next. */
  create: project
    .input(ZNewCarbonProject)
    .mutation(async ({ ctx, input }) => {
      const organisations = ownOrganisations(ctx.auth);
      const organisationId = input.organisationId ?? organisations[0];
      if (!organisationId || !organisations.includes(organisationId)) throw appError('auth.forbidden_role', { roles: 'applicant' });
      await assertApplicationOf(ctx.db, input.applicationId, organisationId);
      const content = newProjectContent(input.name, todayJst(ctx.now()));
      return ctx.db.transaction().execute(async (trx) => {
        const created = await insertCarbonProject(trx, { ...content, organisationId, applicationId: input.applicationId, userId: ctx.auth.user.id });
        await appendAudit(trx, {
          actorUserId: ctx.auth.user.id,
          action: 'carbon.create_project',
          entityType: 'carbon_project',
          entityId: created.id,
          after: { name: content.name, applicationId: input.applicationId },
          requestId: ctx.request.requestId,
          ip: ctx.request.ip,
        });
        return created;
      });
    }),

  /** Saves the whole draft over the version the editor loaded; a save by someone else since is a conflict. */
  save: project
    .input(z.object({ id: z.uuid(), version: z.number().int().min(1), applicationId: z.uuid().nullable(), content: ZCarbonProjectContent }))
    .mutation(async ({ ctx, input }) => {
      const before = await loadProject(ctx.db, ctx.auth, input.id);
      await assertApplicationOf(ctx.db, input.applicationId, before.organisationId);
      return ctx.db.transaction().execute(async (trx) => {
        const version = await saveCarbonProjectIfVersion(trx, input.id, [before.organisationId], input.version, {
          ...input.content,
          applicationId: input.applicationId,
          userId: ctx.auth.user.id,
        });
        if (version === undefined) throw appError('carbon.project_version_conflict');
        await appendAudit(trx, {
          actorUserId: ctx.auth.user.id,
          action: 'carbon.save_project',
          entityType: 'carbon_project',
          entityId: input.id,
          before: { version: before.version, name: before.content.name, lines: before.content.boq.length },
          after: { version, name: input.content.name, lines: input.content.boq.length, applicationId: input.applicationId },
          requestId: ctx.request.requestId,
          ip: ctx.request.ip,
        });
        return { version };
      });
    }),

  /**
   * Every scenario of the project as the editor holds it (saved or not), with the library the
   * programme offices maintain: a result per scenario or the issues that stop it, by line.
   */
  assess: project.input(z.object({ content: ZCarbonProjectContent, projectId: z.uuid().optional() })).mutation(async ({ ctx, input }) => {
    const { library } = await effectiveLibrary(ctx.db);
    const out = assessProject(input.content, library, input.projectId);
    return {
      scenarios: out.scenarios.map((s) =>
        s.outcome.ok ? { id: s.id, name: s.name, ok: true as const, result: s.outcome.result } : { id: s.id, name: s.name, ok: false as const, issues: carbonIssues(s.outcome.issues, ctx.locale) },
      ),
      comparisons: out.comparisons,
    };
  }),

  /**
   * One scenario's result as a file: CSV (one table), Excel, or the printable report as a PDF (with
   * the comparison against the baseline for a further scenario); refused while the input has issues.
   */
  exportResult: project
    .input(z.object({ content: ZCarbonProjectContent, scenarioId: z.string().max(32), format: z.enum(['csv', 'xlsx', 'pdf']) }))
    .mutation(async ({ ctx, input }) => {
      const { library } = await effectiveLibrary(ctx.db);
      const outcome = assess(projectInput(input.content, input.scenarioId), { library });
      if (!outcome.ok) throw appError(outcome.issues[0]!.code, outcome.issues[0]!.params);
      const name = input.content.name.replace(/[\\/:*?"<>|\s]+/g, '_');
      const basename = `LCCO2_${name}_${input.scenarioId}`;
      if (input.format === 'pdf') return carbonReportPdf(input.content, input.scenarioId, outcome.result, library, ctx.locale, basename);
      const [header, ...rows] = toCsvCells(outcome.result, ctx.locale);
      return exportFile([{ name: 'LCCO2', header: header!.map(String), rows }], input.format, basename);
    }),

  /** The assessments linked to one of the caller's applications, with their headline figures. */
  linkedTo: project.input(z.object({ applicationId: z.uuid() })).query(({ ctx, input }) => linkedAssessments(ctx.db, ctx.auth, input.applicationId, ctx.locale)),

  /**
   * A BoQ file (CSV/Excel, J-CAT-like columns) checked row by row; nothing is saved. Each row says
   * how its material was matched (exact, alias, the organisation's remembered name) or, unmapped,
   * which materials it likely is.
   */
  previewBoq: project
    .input(z.object({ file: ZImportFile, organisationId: z.uuid().optional() }))
    .mutation(async ({ ctx, input }) => previewBoqImport(ctx.db, input.file, ctx.locale, await rememberedNames(ctx.db, callerOrganisation(ctx.auth, input.organisationId)))),

  /** The organisation's own names for materials, remembered from earlier mappings (the portal's paste uses them). */
  materialNames: project
    .input(z.object({ organisationId: z.uuid().optional() }).default({}))
    .query(({ ctx, input }) => rememberedNames(ctx.db, callerOrganisation(ctx.auth, input.organisationId))),

  /** Material names from any source (paste, file, IFC model) matched to the library, or unmapped with suggestions. */
  resolveMaterialNames: project.input(ZResolveNamesInput).query(({ ctx, input }) => resolveNames(ctx.db, ctx.auth, input)),

  /** The mapping step's choices checked against the library; those marked are remembered for the organisation. */
  confirmMaterialNames: project.input(ZConfirmNamesInput).mutation(({ ctx, input }) => confirmNames(ctx, input)),

  /** Remembered names the organisation no longer wants matched without asking. */
  forgetMaterialNames: project.input(ZForgetNamesInput).mutation(({ ctx, input }) => forgetNames(ctx, input)),

  /**
   * A building model (IFC) as BoQ lines grouped by material and work category, with a summary of
   * what was read and what was skipped, materials matched as a paste's are (library names,
   * aliases, the organisation's remembered names); nothing is saved.
   */
  /** The import page is open: the worker for its file starts now, web-ifc loaded before a file is chosen. */
  prepareIfc: project.mutation(() => {
    prestartIfcWorker();
    return { started: true };
  }),

  previewIfc: project
    .input(z.object({ file: ZIfcFile, organisationId: z.uuid().optional() }))
    .mutation(async ({ ctx, input }) => previewIfcImport(ctx.db, input.file, await rememberedNames(ctx.db, callerOrganisation(ctx.auth, input.organisationId)))),

  /** The factor library: starter entries (cited values and marked gaps) and imported ones, with provenance. */
  factors: roleProcedure(...CARBON_LIBRARY_ROLES).query(async ({ ctx }) => {
    const { library, imported } = await effectiveLibrary(ctx.db);
    return library.map((f) => ({ ...f, origin: imported.has(f.id) ? ('imported' as const) : ('starter' as const) }));
  }),

  /**
   * A factor list from CSV/Excel or openEPD JSON (with the material key chosen for each EPD id):
   * `commit: false` previews every row; `commit: true` saves all rows or none.
   */
  importFactors: roleProcedure('programme_admin')
    .input(z.object({ file: ZFactorImportFile, commit: z.boolean(), materialKeys: z.record(z.string().max(200), z.string().max(200)).optional() }))
    .mutation(({ ctx, input }) => importFactors({ ...ctx, userId: ctx.auth.user.id }, input)),

  /** An empty factor list with the columns the import reads. */
  factorTemplate: roleProcedure('programme_admin')
    .input(z.object({ format: z.enum(['csv', 'xlsx']) }))
    .mutation(({ input }) => factorTemplate(input.format)),
});

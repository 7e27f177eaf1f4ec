import {
  appendAudit,
  findCcusReport,
  findOrganisationById,
  listCcusRollups,
  refreshCcusRollups,
  listCcusSurveys,
  listCcusTargets,
  listMemberFirmsWithFigures,
  insertCustomMetric,
  insertMemberFirms,
  isUniqueViolation,
  updateMemberFirm,
  listMemberFigures,
  listOrganisations,
  listPublishedCcusReports,
  saveCcusReportIfVersion,
  upsertCcusSurvey,
  upsertCcusTarget,
} from '@tsumiki/db';
import { associationExportTables, BUILTIN_METRICS, builtinMetric, ZCcusReportInput, surveyHistory, targetIssue, ZCcusFiguresInput, ZCustomMetricInput, ZMemberDrillDownInput, ZMemberFirmInput, ZCcusTargetsInput, ZImportFile, ZSurveyResult, ZYearMonth } from '@tsumiki/domain/ccus';
import { z } from 'zod';
import { appError } from '../../errors';
import { sharedAnswer } from '../../shared-answer';
import { exportFile } from '../../lib/spreadsheet';
import { createTRPCRouter, publicProcedure, roleProcedure } from '../../trpc';
import { enterCcusFigures, importCcusFacts } from './ccus-import.service';
import { memberDrillDown } from './ccus-members.service';
import { assertAssociationAccess, associationDashboard, customMetricsOf, DASHBOARD_ROLES, keptMinistryOverview, toDate } from './ccus.service';

const ZFiscalYear = z.number().int().min(2018).max(2100);
const ZPeriod = z.object({ fiscalYear: ZFiscalYear, asOf: ZYearMonth });

// A copy: freezing the domain's own list would reach every other reader of it in this process.
const BUILTIN_METRICS_ANSWER = sharedAnswer(structuredClone(BUILTIN_METRICS));

export const ccusRouter = createTRPCRouter({
  /** Metric definitions with formulas and sources, for labels, tooltips and imports. */
  metrics: roleProcedure(...DASHBOARD_ROLES).query(() => BUILTIN_METRICS_ANSWER),

  /** The eight associations side by side and the national roll-up (ministry only). */
  overview: roleProcedure('ministry')
    .input(ZPeriod)
    .query(({ ctx, input }) => keptMinistryOverview(ctx.db, ctx.ccusOverviews, input.fiscalYear, input.asOf)),

  /** One association's page: KPI summaries and the monthly series for charts. */
  association: roleProcedure(...DASHBOARD_ROLES)
    .input(ZPeriod.extend({ associationId: z.uuid() }))
    .query(async ({ ctx, input }) => {
      assertAssociationAccess(ctx.auth, input.associationId, 'read');
      const [page, organisation] = await Promise.all([
        associationDashboard(ctx.db, input.associationId, input.fiscalYear, input.asOf),
        findOrganisationById(ctx.db, input.associationId),
      ]);
      return { ...page, demoFigures: organisation?.demo_figures ?? false };
    }),

  /**
   * The association page as a file: CSV (the KPI summary) or Excel (summary, monthly data in the
   * import columns, and the member figures of one metric when asked).
   */
  exportAssociation: roleProcedure(...DASHBOARD_ROLES)
    .input(
      ZPeriod.extend({
        associationId: z.uuid(),
        format: z.enum(['csv', 'xlsx']),
        members: z.object({ metricCode: z.string().max(63), month: ZYearMonth }).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      assertAssociationAccess(ctx.auth, input.associationId, 'read');
      const [association] = (await listOrganisations(ctx.db, 'association')).filter((o) => o.id === input.associationId);
      if (!association) throw appError('ccus.association_not_found');
      const page = await associationDashboard(ctx.db, input.associationId, input.fiscalYear, input.asOf);
      const members = input.members
        ? {
            ...input.members,
            rows: await listMemberFigures(ctx.db, input.associationId, input.members.metricCode, toDate(input.members.month)),
          }
        : undefined;
      const tables = associationExportTables({ summaries: page.summaries, series: page.series, members, customMetrics: page.customMetrics, locale: ctx.locale });
      const name = (ctx.locale === 'en' ? association.name_en : (association.short_name_ja ?? association.name_ja)).replace(/[\\/:*?"<>|\s]+/g, '_');
      return exportFile(tables, input.format, `CCUS_${name}_FY${input.fiscalYear}_${input.asOf}`);
    }),

  /** Member firms' figures for one metric and month, a page at a time: drill-down and ranking. */
  members: roleProcedure(...DASHBOARD_ROLES)
    .input(ZMemberDrillDownInput)
    .query(({ ctx, input }) => memberDrillDown(ctx, input)),

  /**
   * CSV or Excel import of monthly and snapshot figures: `commit: false` previews every row's problems;
   * `commit: true` saves all rows or, if any row has an error, none.
   */
  importFacts: roleProcedure('association_reporter')
    .input(
      z.object({
        associationId: z.uuid(),
        file: ZImportFile,
        commit: z.boolean(),
      }),
    )
    .mutation(({ ctx, input }) => {
      assertAssociationAccess(ctx.auth, input.associationId, 'write');
      return importCcusFacts({ ...ctx, userId: ctx.auth.user.id }, input);
    }),

  /** The association's own totals for one month, to prefill the entry form. */
  monthFigures: roleProcedure(...DASHBOARD_ROLES)
    .input(z.object({ associationId: z.uuid(), month: ZYearMonth }))
    .query(async ({ ctx, input }) => {
      assertAssociationAccess(ctx.auth, input.associationId, 'read');
      const rows = await listCcusRollups(ctx.db, { fromMonth: toDate(input.month), toMonth: toDate(input.month), associationId: input.associationId });
      return rows.map((r) => ({
        metricCode: r.metricCode,
        reportedNumerator: r.reportedNumerator,
        reportedDenominator: r.reportedDenominator,
        members: r.members,
      }));
    }),

  /** Figures typed into the form: checked like an import row, saved all or none, audited. */
  enterFigures: roleProcedure('association_reporter')
    .input(ZCcusFiguresInput)
    .mutation(({ ctx, input }) => {
      assertAssociationAccess(ctx.auth, input.associationId, 'write');
      return enterCcusFigures({ ...ctx, userId: ctx.auth.user.id }, input);
    }),

  /** The member survey, year by year, with shares, response rate and change from the year before. */
  surveys: roleProcedure(...DASHBOARD_ROLES)
    .input(z.object({ associationId: z.uuid() }))
    .query(async ({ ctx, input }) => {
      assertAssociationAccess(ctx.auth, input.associationId, 'read');
      const rows = await listCcusSurveys(ctx.db, input.associationId);
      return surveyHistory(rows.map((r) => ZSurveyResult.parse({ fiscalYear: r.fiscalYear, surveyed: r.surveyed, counts: r.counts })));
    }),

  saveSurvey: roleProcedure('association_reporter')
    .input(z.object({ associationId: z.uuid(), survey: ZSurveyResult }))
    .mutation(async ({ ctx, input }) => {
      assertAssociationAccess(ctx.auth, input.associationId, 'write');
      await ctx.db.transaction().execute(async (trx) => {
        await upsertCcusSurvey(trx, { associationId: input.associationId, ...input.survey });
        await appendAudit(trx, {
          actorUserId: ctx.auth.user.id,
          action: 'ccus.save_survey',
          entityType: 'organisation',
          entityId: input.associationId,
          after: input.survey,
          requestId: ctx.request.requestId,
          ip: ctx.request.ip,
        });
      });
      return { ok: true as const };
    }),

  /** Member firms with how many figures each has (drill-down needs them named as in the imports). */
  memberFirms: roleProcedure(...DASHBOARD_ROLES)
    .input(z.object({ associationId: z.uuid() }))
    .query(async ({ ctx, input }) => {
      assertAssociationAccess(ctx.auth, input.associationId, 'read');
      const rows = await listMemberFirmsWithFigures(ctx.db, input.associationId);
      return rows.map((r) => ({ ...r, figures: Number(r.figures), latestMonth: r.latestMonth ? String(r.latestMonth).slice(0, 7) : null }));
    }),

  /** Adds a firm, or renames one / changes its 事業費; the roll-ups follow a changed 事業費. */
  saveMemberFirm: roleProcedure('association_reporter')
    .input(ZMemberFirmInput)
    .mutation(async ({ ctx, input }) => {
      assertAssociationAccess(ctx.auth, input.associationId, 'write');
      try {
        return await ctx.db.transaction().execute(async (trx) => {
          const changes = { name: input.name, projectCostYen: input.projectCostYen };
          const saved = input.id
            ? await updateMemberFirm(trx, input.associationId, input.id, changes)
            : (await insertMemberFirms(trx, input.associationId, [changes]))[0];
          if (!saved) throw appError('ccus.member_not_found');
          // Cost-weighted rates use the firm's 事業費 where a figure carries none of its own.
          if (input.id) await refreshCcusRollups(trx, { associationIds: [input.associationId] });
          await appendAudit(trx, {
            actorUserId: ctx.auth.user.id,
            action: input.id ? 'ccus.update_member_firm' : 'ccus.add_member_firm',
            entityType: 'ccus_member_firm',
            entityId: saved.id,
            after: changes,
            requestId: ctx.request.requestId,
            ip: ctx.request.ip,
          });
          return saved;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw appError('ccus.member_name_taken');
        throw error;
      }
    }),

  /** The association's own metrics (built-in ones come from `metrics`). */
  customMetrics: roleProcedure(...DASHBOARD_ROLES)
    .input(z.object({ associationId: z.uuid() }))
    .query(({ ctx, input }) => {
      assertAssociationAccess(ctx.auth, input.associationId, 'read');
      return customMetricsOf(ctx.db, input.associationId);
    }),

  addCustomMetric: roleProcedure('association_reporter')
    .input(ZCustomMetricInput)
    .mutation(async ({ ctx, input }) => {
      assertAssociationAccess(ctx.auth, input.associationId, 'write');
      try {
        await ctx.db.transaction().execute(async (trx) => {
          await insertCustomMetric(trx, input.associationId, input.definition.code, input.definition);
          await appendAudit(trx, {
            actorUserId: ctx.auth.user.id,
            action: 'ccus.add_custom_metric',
            entityType: 'organisation',
            entityId: input.associationId,
            after: input.definition,
            requestId: ctx.request.requestId,
            ip: ctx.request.ip,
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw appError('ccus.metric_code_taken');
        throw error;
      }
      return { ok: true as const };
    }),

  /** The year's targets and report (取組状況・目標・内容) of one association. */
  plan: roleProcedure(...DASHBOARD_ROLES)
    .input(z.object({ associationId: z.uuid(), fiscalYear: ZFiscalYear }))
    .query(async ({ ctx, input }) => {
      assertAssociationAccess(ctx.auth, input.associationId, 'read');
      const [targets, report] = await Promise.all([
        listCcusTargets(ctx.db, { fiscalYears: [input.fiscalYear], associationId: input.associationId }),
        findCcusReport(ctx.db, input.associationId, input.fiscalYear),
      ]);
      return {
        targets: targets.map((t) => ({ metricCode: t.metricCode, annualTarget: t.annualTarget })),
        report: report ?? { statusText: '', goalsText: '', actionsText: '', published: false, version: 0, updatedAt: null },
      };
    }),

  setTargets: roleProcedure('association_reporter')
    .input(ZCcusTargetsInput)
    .mutation(async ({ ctx, input }) => {
      assertAssociationAccess(ctx.auth, input.associationId, 'write');
      const custom = await customMetricsOf(ctx.db, input.associationId);
      for (const target of input.targets) {
        const metric = builtinMetric(target.metricCode) ?? custom.find((m) => m.code === target.metricCode);
        if (!metric) throw appError('ccus.metric_not_found', { code: target.metricCode });
        const issue = targetIssue(metric.kind, target.annualTarget);
        if (issue) throw appError(issue);
      }
      await ctx.db.transaction().execute(async (trx) => {
        const before = await listCcusTargets(trx, { fiscalYears: [input.fiscalYear], associationId: input.associationId });
        for (const t of input.targets) {
          await upsertCcusTarget(trx, { associationId: input.associationId, fiscalYear: input.fiscalYear, ...t, monthlyTargets: null, userId: ctx.auth.user.id });
        }
        await appendAudit(trx, {
          actorUserId: ctx.auth.user.id,
          action: 'ccus.set_targets',
          entityType: 'organisation',
          entityId: input.associationId,
          before: { fiscalYear: input.fiscalYear, targets: before.map((t) => ({ metricCode: t.metricCode, annualTarget: t.annualTarget })) },
          after: { fiscalYear: input.fiscalYear, targets: input.targets },
          requestId: ctx.request.requestId,
          ip: ctx.request.ip,
        });
      });
      return { ok: true as const };
    }),

  /** Saves the year's report if nobody saved since the version the editor loaded. */
  saveReport: roleProcedure('association_reporter')
    .input(ZCcusReportInput)
    .mutation(async ({ ctx, input }) => {
      assertAssociationAccess(ctx.auth, input.associationId, 'write');
      return ctx.db.transaction().execute(async (trx) => {
        const before = await findCcusReport(trx, input.associationId, input.fiscalYear);
        const version = await saveCcusReportIfVersion(trx, { ...input, userId: ctx.auth.user.id }, input.version);
        if (version === undefined) throw appError('ccus.report_version_conflict');
        await appendAudit(trx, {
          actorUserId: ctx.auth.user.id,
          action: 'ccus.save_report',
          entityType: 'organisation',
          entityId: input.associationId,
          before: before ?? null,
          after: { fiscalYear: input.fiscalYear, statusText: input.statusText, goalsText: input.goalsText, actionsText: input.actionsText, published: input.published },
          requestId: ctx.request.requestId,
          ip: ctx.request.ip,
        });
        return { version };
      });
    }),

  /** What associations chose to publish: readable without signing in. */
  publicSummary: publicProcedure.query(({ ctx }) => listPublishedCcusReports(ctx.db)),
});


import {
  appendAudit,
  createProgrammeDefinition,
  findDefinitionVersion,
  findProgrammeDefinition,
  findProgrammeDefinitionByCode,
  latestPublishedVersion,
  listDefinitionVersions,
  listProgrammeDefinitions,
  openDraftVersion,
  publishDefinitionVersion,
  updateDraftVersion,
  type Executor,
  type ProgrammeDefinitionRow,
  type ProgrammeDefinitionVersion,
} from '@tsumiki/db';
import { listTemplateSummaries, PROGRAMME_TEMPLATES, tryDefinition, type TProgrammeDefinition } from '@tsumiki/domain/programmes';
import type {
  TCreateProgrammeFromTemplate,
  TPublishDefinitionVersion,
  TTryDefinitionInput,
  TUpdateDraftDefinition,
} from '@tsumiki/domain/programmes';
import type { Context } from '../../context';
import { appError } from '../../errors';
import type { SignedInAuth } from '../../trpc-types';

type Admin = Context & { auth: SignedInAuth };

/** The offices in which the caller is a programme admin (the procedure's guard keeps only those memberships). */
const adminOffices = (ctx: Admin) => ctx.auth.memberships.filter((m) => m.role === 'programme_admin').map((m) => m.organisationId);

/**
 * The programme if the caller administers its office. Another office's programme is refused as
 * FORBIDDEN rather than hidden: programmes are public calls, so their existence is no secret.
 */
async function ownedProgramme(ctx: Admin, db: Executor, id: string): Promise<ProgrammeDefinitionRow> {
  const programme = await findProgrammeDefinition(db, id);
  if (!programme) throw appError('programmes.definition_not_found');
  if (!adminOffices(ctx).includes(programme.office_organisation_id)) throw appError('programmes.not_owner');
  return programme;
}

async function ownedVersion(ctx: Admin, db: Executor, versionId: string) {
  const version = await findDefinitionVersion(db, versionId);
  if (!version) throw appError('programmes.definition_not_found');
  const programme = await ownedProgramme(ctx, db, version.programme_definition_id);
  return { programme, version };
}

const audit = (ctx: Admin, db: Executor, action: string, programmeId: string, before: unknown, after: unknown) =>
  appendAudit(db, {
    actorUserId: ctx.auth.user.id,
    action,
    entityType: 'programme_definition',
    entityId: programmeId,
    before,
    after,
    requestId: ctx.request.requestId,
    ip: ctx.request.ip,
  });

/** What a version looks like in the audit log: enough to see what changed, and who published it. */
const auditedVersion = (v: ProgrammeDefinitionVersion) => ({ version: v.version, status: v.status, changeSummary: v.change_summary, definition: v.definition });

const versionView = (v: ProgrammeDefinitionVersion) => ({
  id: v.id,
  version: v.version,
  status: v.status,
  changeSummary: v.change_summary,
  createdAt: v.created_at,
  publishedAt: v.published_at,
  definition: v.definition,
});

export function listTemplates() {
  return listTemplateSummaries();
}

export async function listOwnProgrammes(ctx: Admin) {
  const rows = await listProgrammeDefinitions(ctx.db, adminOffices(ctx));
  return rows.map((p) => ({
    id: p.id,
    code: p.code,
    kind: p.kind,
    nameJa: p.name_ja,
    nameEn: p.name_en,
    officeOrganisationId: p.office_organisation_id,
    publishedVersion: p.published_version,
    draftVersion: p.draft_version,
  }));
}

export async function programmeWithVersions(ctx: Admin, id: string) {
  const programme = await ownedProgramme(ctx, ctx.db, id);
  const versions = await listDefinitionVersions(ctx.db, id);
  return {
    id: programme.id,
    code: programme.code,
    kind: programme.kind,
    nameJa: programme.name_ja,
    nameEn: programme.name_en,
    versions: versions.map(versionView),
  };
}

/** Codes are unique across offices (they name the programme in addresses and exports). */
export async function codeAvailable(ctx: Admin, code: string) {
  return { code, available: (await findProgrammeDefinitionByCode(ctx.db, code)) === undefined };
}

export async function createFromTemplate(ctx: Admin, input: TCreateProgrammeFromTemplate) {
  const offices = adminOffices(ctx);
  const office = input.officeOrganisationId ?? offices[0];
  if (office === undefined || !offices.includes(office)) throw appError('programmes.not_owner');
  const template = PROGRAMME_TEMPLATES[input.template];
  const kind = template.kind;
  return ctx.db.transaction().execute(async (trx) => {
    if (await findProgrammeDefinitionByCode(trx, input.code)) throw appError('programmes.code_taken', { code: input.code });
    const definition: TProgrammeDefinition = { ...template.definition, name: { ja: input.nameJa, en: input.nameEn } };
    const created = await createProgrammeDefinition(trx, {
      officeOrganisationId: office,
      code: input.code,
      kind,
      nameJa: input.nameJa,
      nameEn: input.nameEn,
      definition,
      changeSummary: `テンプレート「${template.name.ja}」から作成`,
      createdBy: ctx.auth.user.id,
    });
    await audit(ctx, trx, 'programme_definition.create', created.programme.id, null, { code: input.code, template: input.template, ...auditedVersion(created.version) });
    return { id: created.programme.id, version: versionView(created.version) };
  });
}

export async function openDraft(ctx: Admin, programmeId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    await ownedProgramme(ctx, trx, programmeId);
    const { version, created } = await openDraftVersion(trx, programmeId, ctx.auth.user.id);
    if (created) await audit(ctx, trx, 'programme_definition.draft_open', programmeId, null, auditedVersion(version));
    return versionView(version);
  });
}

export async function updateDraft(ctx: Admin, input: TUpdateDraftDefinition) {
  return ctx.db.transaction().execute(async (trx) => {
    const { programme, version } = await ownedVersion(ctx, trx, input.versionId);
    // The form family and engine are the programme's, not the draft's to change.
    if (input.definition.code !== version.definition.code || input.definition.engine !== version.definition.engine)
      throw appError('programmes.definition_engine_fixed');
    const updated = await updateDraftVersion(trx, input.versionId, input.definition);
    if (!updated) throw appError('programmes.version_not_draft', { version: version.version });
    await audit(ctx, trx, 'programme_definition.draft_update', programme.id, auditedVersion(version), auditedVersion(updated));
    return versionView(updated);
  });
}

export async function publish(ctx: Admin, input: TPublishDefinitionVersion) {
  return ctx.db.transaction().execute(async (trx) => {
    const { programme, version } = await ownedVersion(ctx, trx, input.versionId);
    const before = await latestPublishedVersion(trx, programme.id);
    const published = await publishDefinitionVersion(trx, input.versionId, { changeSummary: input.changeSummary, publishedBy: ctx.auth.user.id });
    if (!published) throw appError('programmes.version_not_draft', { version: version.version });
    await audit(ctx, trx, 'programme_definition.publish', programme.id, before ? auditedVersion(before) : null, auditedVersion(published));
    return versionView(published);
  });
}

/** The sample computed under the draft as typed (saved or not) and under the published version. */
export async function tryIt(ctx: Admin, input: TTryDefinitionInput) {
  await ownedProgramme(ctx, ctx.db, input.programmeDefinitionId);
  const published = await latestPublishedVersion(ctx.db, input.programmeDefinitionId);
  return { publishedVersion: published?.version ?? null, ...tryDefinition(input.draft, published?.definition ?? null, input.sample) };
}

import type { TProgrammeKind } from '@tsumiki/domain';
import { BUILTIN_PROGRAMMES, isPublishedVersion, ZProgrammeDefinition, type TProgrammeDefinition } from '@tsumiki/domain/programmes';
import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { ProgrammeDefinitionVersionTable } from '../schema';
import type { Executor } from './executor';

/**
 * Programmes (programme_definitions) and the versions of their rules. Published versions are never
 * changed: an edit is a new draft, publishing it makes it what new drafts compute with, and a
 * submitted application keeps the version it names (applications.definition_version_id).
 */

export interface NewProgrammeDefinition {
  officeOrganisationId: string;
  code: string;
  kind: TProgrammeKind;
  nameJa: string;
  nameEn: string;
  definition: TProgrammeDefinition;
  changeSummary: string;
  createdBy: string | null;
}

const versionColumns = [
  'id',
  'programme_definition_id',
  'version',
  'status',
  'definition',
  'change_summary',
  'created_by',
  'created_at',
  'published_at',
  'published_by',
] as const;

type VersionRow = Pick<Selectable<ProgrammeDefinitionVersionTable>, (typeof versionColumns)[number]>;
export type ProgrammeDefinitionVersion = Omit<VersionRow, 'definition'> & { definition: TProgrammeDefinition };

/**
 * Published versions never change, so each is parsed once per process and then read from here by
 * its id: a definition is some 24 kB of JSON whose schema check takes 1–3 ms, and every upload,
 * application page and submission reads one. Bounded, oldest first out; drafts are never kept.
 */
const publishedVersions = new Map<string, ProgrammeDefinitionVersion>();
const PUBLISHED_VERSIONS_KEPT = 256;

/** Every version leaves the repository parsed by the domain's schema, never as raw JSON. */
function parsed(row: VersionRow): ProgrammeDefinitionVersion {
  const known = isPublishedVersion(row.status) ? publishedVersions.get(row.id) : undefined;
  if (known) return known;
  const version = Object.freeze({ ...row, definition: ZProgrammeDefinition.parse(row.definition) });
  if (isPublishedVersion(row.status)) {
    if (publishedVersions.size >= PUBLISHED_VERSIONS_KEPT) publishedVersions.delete(publishedVersions.keys().next().value!);
    publishedVersions.set(row.id, version);
  }
  return version;
}

/** A programme with its first version published (what a template or a built-in call already is). */
export async function createProgrammeDefinition(db: Executor, p: NewProgrammeDefinition) {
  const programme = await db
    .insertInto('programme_definitions')
    .values({ office_organisation_id: p.officeOrganisationId, code: p.code, kind: p.kind, name_ja: p.nameJa, name_en: p.nameEn })
    .returningAll()
    .executeTakeFirstOrThrow();
  const version = await db
    .insertInto('programme_definition_versions')
    .values({
      programme_definition_id: programme.id,
      version: 1,
      status: 'published',
      definition: JSON.stringify(p.definition),
      change_summary: p.changeSummary,
      created_by: p.createdBy,
      published_at: sql<Date>`now()`,
      published_by: p.createdBy,
    })
    .returning(versionColumns)
    .executeTakeFirstOrThrow();
  return { programme, version: parsed(version) };
}

export function findProgrammeDefinition(db: Executor, id: string) {
  return db.selectFrom('programme_definitions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findProgrammeDefinitionByCode(db: Executor, code: string) {
  return db.selectFrom('programme_definitions').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Programmes of the given offices (all when null), with their latest published version number. */
export function listProgrammeDefinitions(db: Executor, officeIds: readonly string[] | null) {
  let q = db
    .selectFrom('programme_definitions as d')
    .selectAll('d')
    .select((eb) => [
      eb
        .selectFrom('programme_definition_versions as v')
        .whereRef('v.programme_definition_id', '=', 'd.id')
        .where('v.status', '=', 'published')
        .select((e) => e.fn.max('v.version').as('n'))
        .as('published_version'),
      eb
        .selectFrom('programme_definition_versions as v')
        .whereRef('v.programme_definition_id', '=', 'd.id')
        .where('v.status', '=', 'draft')
        .select('v.version')
        .as('draft_version'),
    ]);
  if (officeIds !== null) {
    if (officeIds.length === 0) return Promise.resolve([]);
    q = q.where('d.office_organisation_id', 'in', officeIds);
  }
  return q.orderBy('d.code').execute();
}

export async function findDefinitionVersion(db: Executor, id: string) {
  const known = publishedVersions.get(id);
  if (known) return known;
  const row = await db.selectFrom('programme_definition_versions').select(versionColumns).where('id', '=', id).executeTakeFirst();
  return row && parsed(row);
}

export async function listDefinitionVersions(db: Executor, programmeDefinitionId: string) {
  const rows = await db
    .selectFrom('programme_definition_versions')
    .select(versionColumns)
    .where('programme_definition_id', '=', programmeDefinitionId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(parsed);
}

/** The newest draft (at most one is open at a time). */
async function newestDraft(db: Executor, programmeDefinitionId: string) {
  const row = await db
    .selectFrom('programme_definition_versions')
    .select(versionColumns)
    .where('programme_definition_id', '=', programmeDefinitionId)
    .where('status', '=', 'draft')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && parsed(row);
}

/** The version new drafts compute with: its id is asked each time (one may have been published since), its rules read once. */
export async function latestPublishedVersion(db: Executor, programmeDefinitionId: string) {
  const latest = await db
    .selectFrom('programme_definition_versions')
    .select('id')
    .where('programme_definition_id', '=', programmeDefinitionId)
    .where('status', '=', 'published')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return latest && findDefinitionVersion(db, latest.id);
}

/**
 * Published rules by version id, from the per-process cache, the versions not yet parsed here
 * fetched in one query. A list of rounds reads each round's newest published version id beside its
 * row (newestPublishedVersionOfRound) and its rules from here: a definition is some 24 kB of JSON,
 * which the driver would otherwise parse again on every listing.
 */
export async function publishedDefinitions(db: Executor, versionIds: readonly string[]): Promise<Map<string, TProgrammeDefinition>> {
  const missing = [...new Set(versionIds)].filter((id) => !publishedVersions.has(id));
  const fetched = missing.length
    ? new Map((await db.selectFrom('programme_definition_versions').select(versionColumns).where('id', 'in', missing).execute()).map((r) => [r.id, parsed(r)]))
    : new Map<string, ProgrammeDefinitionVersion>();
  const definitions = new Map<string, TProgrammeDefinition>();
  for (const id of versionIds) {
    const version = publishedVersions.get(id) ?? fetched.get(id);
    if (version && isPublishedVersion(version.status)) definitions.set(id, version.definition);
  }
  return definitions;
}
export const findDraftVersion = (db: Executor, programmeDefinitionId: string) => newestDraft(db, programmeDefinitionId);

/**
 * The programme's draft: the open one, or a new one copied from the latest version. The lock keeps
 * two admins opening the editor at once from numbering two drafts alike.
 */
export async function openDraftVersion(db: Executor, programmeDefinitionId: string, createdBy: string) {
  await db.selectFrom('programme_definitions').select('id').where('id', '=', programmeDefinitionId).forUpdate().executeTakeFirst();
  const open = await findDraftVersion(db, programmeDefinitionId);
  if (open) return { version: open, created: false };
  const latest = await db
    .selectFrom('programme_definition_versions')
    .select(['version', 'definition'])
    .where('programme_definition_id', '=', programmeDefinitionId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('programme_definition_versions')
    .values({
      programme_definition_id: programmeDefinitionId,
      version: latest.version + 1,
      status: 'draft',
      definition: JSON.stringify(latest.definition),
      created_by: createdBy,
    })
    .returning(versionColumns)
    .executeTakeFirstOrThrow();
  return { version: parsed(row), created: true };
}

/** Replaces a draft's rules; undefined when the version is not (or no longer) a draft. */
export async function updateDraftVersion(db: Executor, versionId: string, definition: TProgrammeDefinition) {
  const row = await db
    .updateTable('programme_definition_versions')
    .set({ definition: JSON.stringify(definition) })
    .where('id', '=', versionId)
    .where('status', '=', 'draft')
    .returning(versionColumns)
    .executeTakeFirst();
  return row && parsed(row);
}

/** Publishes a draft with what changed; undefined when the version is not a draft. */
export async function publishDefinitionVersion(db: Executor, versionId: string, p: { changeSummary: string; publishedBy: string }) {
  const row = await db
    .updateTable('programme_definition_versions')
    .set({ status: 'published', change_summary: p.changeSummary, published_at: sql<Date>`now()`, published_by: p.publishedBy })
    .where('id', '=', versionId)
    .where('status', '=', 'draft')
    .returning(versionColumns)
    .executeTakeFirst();
  return row && parsed(row);
}

/**
 * The programme a round of this kind and office belongs to: the office's programme of that kind,
 * else a new one whose version 1 is the built-in definition (seeds and tests open rounds this way).
 */
export async function ensureProgrammeDefinition(db: Executor, kind: TProgrammeKind, officeOrganisationId: string) {
  const existing = await db
    .selectFrom('programme_definitions')
    .select('id')
    .where('kind', '=', kind)
    .where('office_organisation_id', '=', officeOrganisationId)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  if (existing) return existing.id;
  const taken = await db.selectFrom('programme_definitions').select('code').where('code', 'like', `${kind}%`).execute();
  const codes = new Set(taken.map((t) => t.code));
  let code: string = kind;
  for (let n = 2; codes.has(code); n++) code = `${kind}_${n}`;
  const builtin = BUILTIN_PROGRAMMES[kind];
  const created = await createProgrammeDefinition(db, {
    officeOrganisationId,
    code,
    kind,
    nameJa: builtin.name.ja,
    nameEn: builtin.name.en,
    definition: builtin,
    changeSummary: '公募要領に基づく初版',
    createdBy: null,
  });
  return created.programme.id;
}

/**
 * The rules an application computes with: the version it was submitted under, or — a draft — the
 * latest published version of its round's programme. A caller that read the round's newest
 * published version id with its row (`published_version_id`) passes it and saves the query.
 */
export async function definitionForApplication(
  db: Executor,
  application: { programme_id: string; definition_version_id: string | null },
  round?: { published_version_id: string | null },
) {
  if (application.definition_version_id !== null) {
    const pinned = await findDefinitionVersion(db, application.definition_version_id);
    if (pinned) return pinned;
  }
  const latestId = round ? round.published_version_id : (await newestPublishedVersionOfRound(db, application.programme_id).executeTakeFirst())?.id;
  return latestId ? findDefinitionVersion(db, latestId) : undefined;
}

/**
 * The id of the newest published version of a round's programme: what a draft computes with. The
 * round is an id, or a reference to an outer query's column when this is read beside its row
 * (`.as('published_version_id')`).
 */
export function newestPublishedVersionOfRound(db: Executor, programmeId: string | RawBuilder<string>) {
  return db
    .selectFrom('programme_definition_versions as v')
    .innerJoin('programmes as p', 'p.programme_definition_id', 'v.programme_definition_id')
    .select('v.id')
    .where('p.id', '=', programmeId)
    .where('v.status', '=', 'published')
    .orderBy('v.version', 'desc')
    .limit(1);
}

/** Pins an application to a version (at submission). */
export function pinDefinitionVersion(db: Executor, applicationId: string, versionId: string) {
  return db.updateTable('applications').set({ definition_version_id: versionId }).where('id', '=', applicationId).execute();
}

import { sql } from 'kysely';
import type { Executor } from './executor';

/** A carbon project's stored content: the calculator's draft, checked by the domain on both sides. */
export interface CarbonProjectContentRow {
  name: string;
  building: Record<string, unknown>;
  settings: Record<string, unknown>;
  boq: unknown[];
  scenarios: unknown[];
}

const SUMMARY = ['id', 'organisation_id as organisationId', 'application_id as applicationId', 'name', 'version', 'updated_at as updatedAt'] as const;

export function insertCarbonProject(
  db: Executor,
  project: CarbonProjectContentRow & { organisationId: string; applicationId: string | null; userId: string },
) {
  return db
    .insertInto('carbon_projects')
    .values({
      organisation_id: project.organisationId,
      application_id: project.applicationId,
      name: project.name,
      building: JSON.stringify(project.building),
      settings: JSON.stringify(project.settings),
      boq: JSON.stringify(project.boq),
      scenarios: JSON.stringify(project.scenarios),
      created_by: project.userId,
      updated_by: project.userId,
    })
    .returning([...SUMMARY])
    .executeTakeFirstOrThrow();
}

/** Projects of the given organisations, most recently changed first, without their (large) content. */
export function listCarbonProjects(db: Executor, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('carbon_projects')
    .select([
      ...SUMMARY,
      sql<string | null>`building->>'use'`.as('use'),
      sql<number | null>`(building->>'grossFloorAreaM2')::float8`.as('grossFloorAreaM2'),
      sql<number>`jsonb_array_length(boq)`.as('lineCount'),
    ])
    .where('organisation_id', 'in', organisationIds)
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .execute();
}

/** One project, only if it belongs to one of the organisations (otherwise it does not exist for the caller). */
export function findCarbonProject(db: Executor, id: string, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return Promise.resolve(undefined);
  return db
    .selectFrom('carbon_projects')
    .select([...SUMMARY, 'building', 'settings', 'boq', 'scenarios'])
    .where('id', '=', id)
    .where('organisation_id', 'in', organisationIds)
    .executeTakeFirst();
}

/** The projects linked to an application, if they belong to one of the organisations. */
export function listCarbonProjectsOfApplication(db: Executor, applicationId: string, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('carbon_projects')
    .select([...SUMMARY, 'building', 'settings', 'boq', 'scenarios'])
    .where('application_id', '=', applicationId)
    .where('organisation_id', 'in', organisationIds)
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .execute();
}

/**
 * Saves the content over `expectedVersion` only: returns the new version, or undefined when the
 * project was saved by someone else since (or is not the caller's).
 */
export async function saveCarbonProjectIfVersion(
  db: Executor,
  id: string,
  organisationIds: readonly string[],
  expectedVersion: number,
  content: CarbonProjectContentRow & { applicationId: string | null; userId: string },
): Promise<number | undefined> {
  if (organisationIds.length === 0) return undefined;
  const updated = await db
    .updateTable('carbon_projects')
    .set({
      name: content.name,
      application_id: content.applicationId,
      building: JSON.stringify(content.building),
      settings: JSON.stringify(content.settings),
      boq: JSON.stringify(content.boq),
      scenarios: JSON.stringify(content.scenarios),
      updated_by: content.userId,
      updated_at: sql`now()`,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('organisation_id', 'in', organisationIds)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  return updated?.version;
}

/** Factors imported by programme offices, by material then id. */
export function listCarbonFactors(db: Executor) {
  return db
    .selectFrom('carbon_factors')
    .select(['id', 'material_key as materialKey', 'factor', 'imported_by as importedBy', 'imported_at as importedAt'])
    .orderBy('material_key')
    .orderBy('id')
    .execute();
}

/** Inserts or replaces factors by id (a re-imported EPD replaces its earlier row). */
export async function upsertCarbonFactors(db: Executor, factors: readonly { id: string; materialKey: string; factor: Record<string, unknown> }[], userId: string) {
  for (let i = 0; i < factors.length; i += 500) {
    await db
      .insertInto('carbon_factors')
      .values(
        factors.slice(i, i + 500).map((f) => ({ id: f.id, material_key: f.materialKey, factor: JSON.stringify(f.factor), imported_by: userId })),
      )
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          material_key: eb.ref('excluded.material_key'),
          factor: eb.ref('excluded.factor'),
          imported_by: eb.ref('excluded.imported_by'),
          imported_at: sql`now()`,
        })),
      )
      .execute();
  }
}

/** Which of these ids exist already: an import preview says which rows replace a factor. */
export async function existingCarbonFactorIds(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('carbon_factors').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** An organisation's remembered names for materials, as typed, by name. */
export function listCarbonMaterialNames(db: Executor, organisationId: string) {
  return db
    .selectFrom('carbon_material_names')
    .select(['name', 'material_key as materialKey', 'updated_at as updatedAt'])
    .where('organisation_id', '=', organisationId)
    .orderBy('folded_name')
    .execute();
}

/** Forgets an organisation's remembered names (by folded name); how many there were. */
export async function forgetCarbonMaterialNames(db: Executor, organisationId: string, foldedNames: readonly string[]): Promise<number> {
  if (foldedNames.length === 0) return 0;
  const gone = await db
    .deleteFrom('carbon_material_names')
    .where('organisation_id', '=', organisationId)
    .where('folded_name', 'in', foldedNames)
    .returning('folded_name')
    .execute();
  return gone.length;
}

/**
 * Remembers names for an organisation: a name already remembered (compared folded, as the domain
 * folds it) now means the material given; the last of duplicates in one call wins.
 */
export async function rememberCarbonMaterialNames(
  db: Executor,
  organisationId: string,
  names: readonly { name: string; foldedName: string; materialKey: string }[],
  userId: string,
) {
  const byFolded = new Map(names.map((n) => [n.foldedName, n]));
  const rows = [...byFolded.values()].map((n) => ({
    organisation_id: organisationId,
    folded_name: n.foldedName,
    name: n.name,
    material_key: n.materialKey,
    updated_by: userId,
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('carbon_material_names')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.columns(['organisation_id', 'folded_name']).doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          material_key: eb.ref('excluded.material_key'),
          updated_by: eb.ref('excluded.updated_by'),
          updated_at: sql`now()`,
        })),
      )
      .execute();
  }
}

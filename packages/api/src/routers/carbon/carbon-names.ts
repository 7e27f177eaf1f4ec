import { appendAudit, forgetCarbonMaterialNames, listCarbonMaterialNames, rememberCarbonMaterialNames, type Executor } from '@tsumiki/db';
import type { Kysely } from 'kysely';
import type { DB } from '@tsumiki/db';
import {
  foldMaterialName,
  materialNameIndex,
  resolveMaterialNames,
  ZRememberedName,
  type TEmissionFactor,
  type TRememberedName,
} from '@tsumiki/domain/carbon';
import { z } from 'zod';
import { appError } from '../../errors';
import type { Context, SignedInAuth } from '../../trpc-types';
import { effectiveLibrary, ownOrganisations } from './carbon.service';

/** The organisation a carbon call speaks for: the one named, if it is the caller's, else the caller's first. */
export function callerOrganisation(auth: SignedInAuth, organisationId: string | undefined): string {
  const organisations = ownOrganisations(auth);
  const chosen = organisationId ?? organisations[0];
  if (!chosen || !organisations.includes(chosen)) throw appError('auth.forbidden_role', { roles: 'applicant' });
  return chosen;
}

/** The organisation's remembered names, as the domain's resolver takes them. */
export async function rememberedNames(db: Executor, organisationId: string): Promise<TRememberedName[]> {
  const rows = await listCarbonMaterialNames(db, organisationId);
  return rows.map((r) => ({ name: r.name, materialKey: r.materialKey }));
}

export const ZResolveNamesInput = z.object({
  organisationId: z.uuid().optional(),
  names: z.array(z.string().max(200, { message: 'validation.invalid' })).max(5_000, { message: 'validation.invalid' }),
});

/**
 * Names from any source (a paste, a file, an IFC model's materials) against the library and the
 * organisation's remembered names: each matched (and how) or unmapped with ranked suggestions.
 */
export async function resolveNames(db: Executor, auth: SignedInAuth, input: z.infer<typeof ZResolveNamesInput>) {
  const organisationId = callerOrganisation(auth, input.organisationId);
  const [{ library }, remembered] = await Promise.all([effectiveLibrary(db), rememberedNames(db, organisationId)]);
  return resolveMaterialNames(input.names, materialNameIndex(library, remembered));
}

export const ZConfirmNamesInput = z.object({
  organisationId: z.uuid().optional(),
  /** The user's choices in the mapping step; only those with `remember` are kept for the organisation. */
  mappings: z
    .array(ZRememberedName.extend({ remember: z.boolean() }))
    .min(1, { message: 'validation.invalid' })
    .max(1_000, { message: 'validation.invalid' }),
});

const materialKeys = (library: readonly TEmissionFactor[]) => new Set(library.map((f) => f.materialKey));

/**
 * Confirms the mapping step's choices: every chosen material must be in the library (a choice
 * of a material that is not is refused whole, naming it); the ones to remember are saved for the
 * organisation with an audit entry. Returns the mappings as confirmed, for the grid.
 */
export async function confirmNames(
  ctx: Pick<Context, 'request'> & { db: Kysely<DB>; auth: SignedInAuth },
  input: z.infer<typeof ZConfirmNamesInput>,
) {
  const organisationId = callerOrganisation(ctx.auth, input.organisationId);
  const { library } = await effectiveLibrary(ctx.db);
  const keys = materialKeys(library);
  const unknown = input.mappings.find((m) => !keys.has(m.materialKey));
  if (unknown) throw appError('carbon.material_key_not_in_library', { material: unknown.materialKey });
  const toRemember = input.mappings.filter((m) => m.remember && foldMaterialName(m.name) !== '');
  if (toRemember.length > 0) {
    await ctx.db.transaction().execute(async (trx) => {
      await rememberCarbonMaterialNames(
        trx,
        organisationId,
        toRemember.map((m) => ({ name: m.name, foldedName: foldMaterialName(m.name), materialKey: m.materialKey })),
        ctx.auth.user.id,
      );
      await appendAudit(trx, {
        actorUserId: ctx.auth.user.id,
        action: 'carbon.remember_material_names',
        entityType: 'organisation',
        entityId: organisationId,
        after: { names: toRemember.map((m) => ({ name: m.name, materialKey: m.materialKey })) },
        requestId: ctx.request.requestId,
        ip: ctx.request.ip,
      });
    });
  }
  return { mappings: input.mappings.map((m) => ({ name: m.name, materialKey: m.materialKey })), remembered: toRemember.length };
}

export const ZForgetNamesInput = z.object({
  organisationId: z.uuid().optional(),
  names: z
    .array(z.string().max(200, { message: 'validation.invalid' }))
    .min(1, { message: 'validation.invalid' })
    .max(1_000, { message: 'validation.invalid' }),
});

/**
 * Forgets remembered names of the caller's own organisation (another organisation's id is
 * refused), with an audit entry; the next paste asks about them again.
 */
export async function forgetNames(
  ctx: Pick<Context, 'request'> & { db: Kysely<DB>; auth: SignedInAuth },
  input: z.infer<typeof ZForgetNamesInput>,
) {
  const organisationId = callerOrganisation(ctx.auth, input.organisationId);
  const folded = [...new Set(input.names.map(foldMaterialName).filter((n) => n !== ''))];
  const forgotten = await ctx.db.transaction().execute(async (trx) => {
    const count = await forgetCarbonMaterialNames(trx, organisationId, folded);
    if (count > 0)
      await appendAudit(trx, {
        actorUserId: ctx.auth.user.id,
        action: 'carbon.forget_material_names',
        entityType: 'organisation',
        entityId: organisationId,
        before: { names: input.names },
        requestId: ctx.request.requestId,
        ip: ctx.request.ip,
      });
    return count;
  });
  return { forgotten };
}

import { listOrganisations } from '@tsumiki/db';
import { createTRPCRouter, roleProcedure } from '../../trpc';

export const organisationsRouter = createTRPCRouter({
  /** The eight industry associations: the ministry sees all, association staff see their own. */
  listAssociations: roleProcedure('ministry', 'association_reporter', 'association_viewer').query(async ({ ctx }) => {
    const all = await listOrganisations(ctx.db, 'association');
    const isMinistry = ctx.auth.memberships.some((m) => m.role === 'ministry');
    const own = new Set(ctx.auth.memberships.map((m) => m.organisationId));
    return all
      .filter((o) => isMinistry || own.has(o.id))
      .map((o) => ({ id: o.id, nameJa: o.name_ja, nameEn: o.name_en, shortNameJa: o.short_name_ja }));
  }),
});

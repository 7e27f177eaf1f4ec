import { z } from 'zod';

/** Programme codes: one per support programme; a round is a programme in one fiscal year/window. */
/** `generic_cost_share`: the form of any generic-engine programme an office makes from the cost-share template. */
export const PROGRAMME_KINDS = ['co2_factor_support', 'clt_demonstration', 'lca_implementation', 'generic_cost_share'] as const;
export const ZProgrammeKind = z.enum(PROGRAMME_KINDS);
export type TProgrammeKind = z.infer<typeof ZProgrammeKind>;

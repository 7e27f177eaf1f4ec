import { z } from 'zod';

/** Programme codes: one per support programme; a round is a programme in one fiscal year/window. */
export const PROGRAMME_KINDS = ['co2_factor_support', 'clt_demonstration', 'lca_implementation'] as const;
export const ZProgrammeKind = z.enum(PROGRAMME_KINDS);
export type TProgrammeKind = z.infer<typeof ZProgrammeKind>;

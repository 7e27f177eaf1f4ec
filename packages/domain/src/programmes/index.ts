/**
 * Programme rules: grant programmes as data, eligibility, grant computation to the yen, personnel
 * costs, the environmental checklist, Japanese dates and money. Exported as
 * "@tsumiki/domain/programmes".
 *
 * One folder per programme (clt/, co2/, lca/) holds what only that programme needs; shared/ holds
 * the building blocks every programme uses (amounts, conditions, definitions, the generic engine);
 * the files at this level work across programmes (the registry in input.ts, the application form,
 * budget tables, submission documents).
 */
export * from './shared/amounts';
export * from './shared/checklist';
export * from './shared/conditions';
export * from './shared/dates';
export * from './shared/definition';
export * from './shared/documents';
export * from './shared/generic';
export * from './shared/personnel';
export * from './shared/reasons';
export * from './shared/result';
export * from './shared/rules';
export * from './clt/input';
export * from './clt/compute';
export * from './clt/definition';
export * from './clt/tables';
export * from './clt/examples';
export * from './co2/examples';
export * from './co2/input';
export * from './co2/licences';
export type { Co2LineResult } from './co2/lines';
export * from './co2/compute';
export * from './co2/factor-questions';
export * from './co2/definition';
export * from './lca/definition';
export * from './input';
export * from './templates';
export * from './try-definition';
export * from './definition-inputs';
export * from './shared/engine-facts';
export * from './application-form';
export * from './submission-documents';
export * from './budget-tables';
export * from './budget-import';
export * from './content/schema';
export * from './content/settlement';
export * from './content/version-changes';
export * from './forms';

/**
 * Programme rules (issue 4, domain core): grant programmes as data, eligibility, grant
 * computation to the yen, personnel costs, the environmental checklist, Japanese dates and money.
 * Exported as "@tsumiki/domain/programmes".
 */
export * from './amounts';
export * from './checklist';
export * from './clt';
export * from './clt-definition';
export * from './clt-tables';
export * from './co2';
export * from './co2-definition';
export * from './conditions';
export * from './dates';
export * from './definition';
export * from './documents';
export * from './generic';
export * from './input';
export * from './lca-definition';
export * from './personnel';
export * from './reasons';
export * from './result';
export * from './rules';
export * from './application-form';
export * from './submission-documents';
export * from './budget-tables';
export * from './budget-import';
export * from './clt-examples';

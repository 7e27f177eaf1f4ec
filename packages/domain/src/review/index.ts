/**
 * Reviewer-side rules: the application workflow, conflicts of interest,
 * scoring with bonus points and the special rate, the budget ledger, the results-report
 * settlement, requests to applicants with reminders, and the reports. Pure: no I/O, no clock
 * (callers pass `now`). Exported as "@tsumiki/domain/review".
 */
export * from './bonus';
export * from './conflicts';
export * from './decisions';
export * from './facts';
export * from './ledger';
export * from './ranking';
export * from './reclaim';
export * from './reports';
export * from './requests';
export * from './result';
export * from './review-inputs';
export * from './rubric';
export * from './settlement';
export * from './sheet-input';
export * from './special-rate';
export * from './statistics';
export * from './views';
export * from './summary';
export * from './workflow';
export * from './transition-records';

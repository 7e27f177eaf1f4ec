/**
 * The applicant's side after submission: the timeline, answers and corrected
 * resubmissions by their due dates, change requests, the results report and the notices.
 * Pure: no I/O, no clock (callers pass `now`). Exported as "@tsumiki/domain/lifecycle".
 */
export * from './answers';
export * from './applicant-actions';
export * from './change-requests';
export * from './notices';
export * from './results-report';
export * from './timeline';

import type { RouterOutputs } from '@tsumiki/api';

export type Summary = RouterOutputs['ccus']['overview']['national'][number];
export type FlowSummary = Extract<Summary, { kind: 'flow' }>;
export type SnapshotSummary = Exclude<Summary, { kind: 'flow' }>;

export const RECORDS = 'work_history_records';

export const flowOf = (summaries: readonly Summary[], code = RECORDS) =>
  summaries.find((s): s is FlowSummary => s.metricCode === code && s.kind === 'flow');

export const snapshotsOf = (summaries: readonly Summary[]) => summaries.filter((s): s is SnapshotSummary => s.kind !== 'flow');

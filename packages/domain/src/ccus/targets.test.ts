import { describe, expect, it } from 'vitest';
import { ZCcusTargetsForm } from './targets';

const associationId = '10000000-0000-4000-8000-000000000001';
const form = (targets: { metricCode: string; kind: 'flow' | 'stock' | 'ratio'; typed: number | string }[]) => ZCcusTargetsForm.safeParse({ associationId, fiscalYear: 2025, targets });

describe('the targets form', () => {
  it('reads percentages as fractions and leaves blank rows out', () => {
    const r = form([
      { metricCode: 'registration_renewal_rate', kind: 'ratio', typed: 82.5 },
      { metricCode: 'work_history_records', kind: 'flow', typed: '' },
      { metricCode: 'own_metric', kind: 'stock', typed: 40 },
    ]);
    expect(r.success && r.data.targets).toEqual([
      { metricCode: 'registration_renewal_rate', annualTarget: 0.825 },
      { metricCode: 'own_metric', annualTarget: 40 },
    ]);
  });

  it('refuses out-of-range figures at the row, in the metric’s own kind (custom metrics too)', () => {
    const r = form([
      { metricCode: 'registration_renewal_rate', kind: 'ratio', typed: 120 },
      { metricCode: 'own_metric', kind: 'stock', typed: 0 },
      { metricCode: 'own_rate', kind: 'ratio', typed: '-' },
    ]);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['targets.0.typed', 'ccus.target_rate_out_of_range'],
      ['targets.1.typed', 'ccus.target_not_positive'],
      ['targets.2.typed', 'ccus.target_not_positive'],
    ]);
  });
});

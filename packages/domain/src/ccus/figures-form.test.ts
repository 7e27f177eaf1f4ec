import { describe, expect, it } from 'vitest';
import { ZCcusFiguresForm } from './import';

const associationId = '10000000-0000-4000-8000-000000000001';
const form = (figures: { metricCode: string; numerator: number | string; denominator: number | string }[]) => ZCcusFiguresForm.safeParse({ associationId, month: '2025-09', figures });

describe('the figures entry form', () => {
  it('reads begun rows as the API input and leaves blank rows out', () => {
    const r = form([
      { metricCode: 'work_history_records', numerator: 90_000, denominator: '' },
      { metricCode: 'registration_renewal_rate', numerator: 90, denominator: 100 },
      { metricCode: 'site_registration_rate', numerator: '', denominator: '' },
    ]);
    expect(r.success && r.data.figures).toEqual([
      { metricCode: 'work_history_records', numerator: 90_000, denominator: null },
      { metricCode: 'registration_renewal_rate', numerator: 90, denominator: 100 },
    ]);
  });

  it('names each problem at its field by the import’s rules, and an empty month at the figures', () => {
    const r = form([
      { metricCode: 'work_history_records', numerator: '', denominator: 5 },
      { metricCode: 'registration_renewal_rate', numerator: 90, denominator: 80 },
      { metricCode: 'site_registration_rate', numerator: 3, denominator: '' },
    ]);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['figures.0.numerator', 'ccus.import_value_required'],
      ['figures.0.denominator', 'ccus.import_denominator_not_allowed'],
      ['figures.1.numerator', 'ccus.numerator_exceeds_denominator'],
      ['figures.2.denominator', 'ccus.import_denominator_required'],
    ]);
    expect(form([{ metricCode: 'work_history_records', numerator: '', denominator: '' }]).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['figures', 'ccus.figures_empty']]);
  });
});

import { describe, expect, it } from 'vitest';
import { errorMessage } from '../errors';
import { BUILTIN_PROGRAMMES } from './input';
import { assessApplication } from './application-form';
import { cltExampleApplicationContent } from './clt/examples';
import { co2LicenceExampleContent } from './co2/examples';
import type { TCltContent } from './content/schema';

/** The 記載例 with its second building line's amount blanked, as when someone clears it to retype. */
function withBlankAmount(): TCltContent {
  const content = cltExampleApplicationContent();
  const lines = content.grant!.building!.lines.map((l, i) => (i === 1 ? { ...l, amount: undefined, unitPrice: undefined, quantity: undefined } : l));
  return JSON.parse(JSON.stringify({ ...content, grant: { ...content.grant, building: { lines } } })) as TCltContent;
}

describe('figures computed around an invalid budget row', () => {
  it('computes from the valid rows, names the row left out as on screen, and keeps submission blocked', () => {
    const content = withBlankAmount();
    const assessment = assessApplication('clt_demonstration', content, undefined, BUILTIN_PROGRAMMES.clt_demonstration);
    expect(assessment.result).toBeNull();
    expect(assessment.issues.some((i) => i.path === 'grant.building.lines.1.amount')).toBe(true);
    const provisional = assessment.provisional!;
    expect(provisional.excludedRows.map((r) => [r.path, r.label.ja])).toEqual([['grant.building.lines.1', '建築物の建築実証（2行目）']]);
    // The same as the example without that line.
    const full = cltExampleApplicationContent();
    const without = { ...full, grant: { ...full.grant, building: { lines: full.grant!.building!.lines.filter((_, i) => i !== 1) } } };
    expect(provisional.result.grant).toEqual(assessApplication('clt_demonstration', without, undefined, BUILTIN_PROGRAMMES.clt_demonstration).result!.grant);
    expect(provisional.result.eligibility.status).toBe(assessApplication('clt_demonstration', without, undefined, BUILTIN_PROGRAMMES.clt_demonstration).result!.eligibility.status);
    const issue = provisional.excludedRows[0]!.issues[0]!;
    expect(errorMessage(issue.code, 'ja', issue.params)).toContain('建築物の建築実証（2行目）金額（税込・円）');
  });

  it('leaves out a row that becomes invalid once another is left out, and maps it to its row on screen', () => {
    const content = co2LicenceExampleContent({ acquisition: 'purchase', start: '2026-06-01', usefulLifeYears: 1 });
    // The factor lacks its product: both lines name it, so they go with it.
    content.grant!.factors![0] = { ...content.grant!.factors![0]!, product: '' };
    const provisional = assessApplication('co2_factor_support', content, undefined, BUILTIN_PROGRAMMES['co2_factor_support']).provisional!;
    expect(provisional.excludedRows.map((r) => r.label.ja)).toEqual(['策定する原単位（1行目）', '経費（1行目）', '経費（2行目）']);
    expect(provisional.result.grant.requested).toBe(0);
  });

  it('computes nothing when the problem is not one row (the report date a licence needs)', () => {
    const content = co2LicenceExampleContent({ acquisition: 'subscription', start: '2026-06-01', end: '2028-05-31' });
    delete content.grant!.period!.resultsReportDate;
    const assessment = assessApplication('co2_factor_support', content, undefined, BUILTIN_PROGRAMMES['co2_factor_support']);
    expect(assessment.result).toBeNull();
    expect(assessment.provisional).toBeUndefined();
  });
});

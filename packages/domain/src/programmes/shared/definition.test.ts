import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../errors';
import { toInputIssues } from '../input';
import { PROGRAMME_TEMPLATES, TEMPLATE_CODES, GENERIC_COST_SHARE } from '../templates';
import { computeGrantFromJson } from '../application-form';
import { ZProgrammeDefinition, type TProgrammeDefinitionInput } from './definition';

/** The generic template with one change, as an office's edit would make it. */
const edited = (change: (d: TProgrammeDefinitionInput) => void): unknown => {
  const d = structuredClone(GENERIC_COST_SHARE) as TProgrammeDefinitionInput;
  change(d);
  return d;
};

const refusal = (raw: unknown) => {
  const r = ZProgrammeDefinition.safeParse(raw);
  if (r.success) throw new Error('accepted');
  return toInputIssues(r.error.issues, raw).map((i) => ({ code: i.code, path: i.path.join('.'), params: i.params }));
};

describe('a programme definition that contradicts itself is refused, each error named', () => {
  it('a negative cap', () => {
    const issues = refusal(edited((d) => void (d.caps![0]!.amount = -1)));
    expect(issues.map((i) => [i.code, i.path])).toEqual([['programmes.definition_negative_cap', 'caps.0.amount']]);
  });

  it('a rate above 1', () => {
    const issues = refusal(edited((d) => void (d.sections[0]!.rates[0]!.rate = { numerator: 3, denominator: 2 })));
    expect(issues.map((i) => [i.code, i.path])).toEqual([['programmes.rate_above_one', 'sections.0.rates.0.rate']]);
  });

  it('a cost category without its tax treatment', () => {
    const issues = refusal(edited((d) => void delete (d.costCategories[1] as { taxTreatment?: unknown }).taxTreatment));
    expect(issues.map((i) => [i.code, i.path])).toEqual([['programmes.definition_tax_treatment_required', 'costCategories.1.taxTreatment']]);
  });

  it('a condition on a field the form does not ask', () => {
    const issues = refusal(edited((d) => void (d.caps![0]!.when = { all: [{ fact: 'cost.equipment', op: 'gte', value: 1 }, { fact: 'storeys', op: 'gte', value: 3 }] })));
    expect(issues).toEqual([{ code: 'programmes.definition_unknown_fact', path: 'caps.0.when.all.1.fact', params: expect.objectContaining({ fact: 'storeys' }) }]);
  });

  it('a condition on a question the definition asks is accepted', () => {
    const ok = edited((d) => {
      d.questions = [{ fact: 'storeys', text: { ja: '階数', en: 'Storeys' }, answer: 'number', source: '公募要領 §2' }];
      d.caps![0]!.when = { fact: 'storeys', op: 'gte', value: 3 };
    });
    expect(ZProgrammeDefinition.safeParse(ok).success).toBe(true);
  });

  it('a window that closes before it opens', () => {
    const issues = refusal(
      edited((d) => void (d.windows = [{ id: 'first', opensAt: '2027-05-01T09:00', closesAt: '2027-04-30T17:00', label: { ja: '第1回', en: 'First' }, source: '公募要領 §4' }])),
    );
    expect(issues.map((i) => [i.code, i.path])).toEqual([['programmes.definition_window_order', 'windows.0.closesAt']]);
  });

  it('a scoring scale whose top is not above its bottom, a level outside it, a weight below 1', () => {
    const issues = refusal(
      edited((d) => {
        d.evaluationItems = [{ code: 'plan', text: { ja: '計画', en: 'Plan' }, weight: 0, source: '公募要領 §5' }];
        d.scoring = { scale: { min: 5, max: 5 }, levels: [{ score: 6, text: { ja: '優', en: 'Top' } }] };
      }),
    );
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['programmes.definition_weight_invalid', 'evaluationItems.0.weight'],
      ['programmes.definition_scale_order', 'scoring.scale.max'],
      ['programmes.definition_level_outside_scale', 'scoring.levels.0.score'],
    ]);
  });

  it('a definition stored before scoring was data reads as today’s scale', () => {
    const stored = ZProgrammeDefinition.parse(edited((d) => void delete d.scoring));
    expect(stored.scoring).toMatchObject({ scale: { min: 1, max: 5 }, assumption: true });
    expect(stored.scoring.levels).toHaveLength(5);
  });

  it('names every error in Japanese first and in English', () => {
    for (const code of ['programmes.definition_negative_cap', 'programmes.definition_tax_treatment_required', 'programmes.definition_unknown_fact', 'programmes.rate_above_one', 'programmes.definition_window_order', 'programmes.definition_scale_order', 'programmes.definition_weight_invalid', 'programmes.definition_level_outside_scale'] as const) {
      const ja = errorMessage(code, 'ja', { field: 'x', fact: 'storeys' });
      expect(ja).toMatch(/[ぁ-んァ-ン一-龯]/);
      expect(errorMessage(code, 'en', { field: 'x', fact: 'storeys' })).not.toBe(ja);
    }
  });
});

describe('the templates', () => {
  it('are valid definitions, the three calls as their documents state them', () => {
    for (const code of TEMPLATE_CODES) expect(ZProgrammeDefinition.safeParse(PROGRAMME_TEMPLATES[code].definition).success, code).toBe(true);
    const lca = PROGRAMME_TEMPLATES.lca_implementation.definition;
    expect(lca.caps.map((c) => [c.id, c.amount, c.additive])).toEqual([
      ['without_bim', 6_500_000, false],
      ['with_bim', 5_000_000, false],
      ['factor_addition', 4_000_000, true],
    ]);
  });

  it('the generic cost-share subsidy computes rate × cost up to its cap with no code of its own', () => {
    const lines = [
      { id: '1', section: 'project', category: 'equipment', amount: 8_000_000 },
      { id: '2', section: 'project', category: 'personnel', amount: 2_000_000 },
    ];
    const grant = (raw: unknown) => {
      const r = computeGrantFromJson(GENERIC_COST_SHARE, raw);
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      return r.result.grant.amount;
    };
    // Tax-exclusive basis: 8,000,000 / 1.1 = 7,272,727 of equipment, pay untaxed; (7,272,727 + 2,000,000) / 2.
    expect(grant({ lines })).toBe(4_636_363);
    // 30,000,000 / 1.1 / 2 = 13,636,363 is above the ¥10M cap.
    expect(grant({ lines: [{ ...lines[0]!, amount: 30_000_000 }] })).toBe(10_000_000);
  });
});

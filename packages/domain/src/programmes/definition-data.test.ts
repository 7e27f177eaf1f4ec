import { describe, expect, it } from 'vitest';
import { reportCategories } from '../lifecycle/results-report';
import { rubricFor, rubricMaximum } from '../review/rubric';
import { budgetTables } from './budget-tables';
import { BUILTIN_PROGRAMMES } from './input';
import type { TProgrammeDefinition } from './shared/definition';

/** A version the office published with a third category and one more evaluation item. */
const edited = (def: TProgrammeDefinition): TProgrammeDefinition => ({
  ...def,
  costCategories: [...def.costCategories, { code: 'survey', name: { ja: '調査費', en: 'Surveys' }, taxTreatment: 'taxable', notes: [], source: 'v2' }],
  sections: def.sections.map((s) => ({ ...s, categories: [...s.categories, 'survey'] })),
  evaluationItems: [...def.evaluationItems, { code: 'regional_impact', text: { ja: '地域への波及', en: 'Regional impact' }, weight: 1, source: 'v2' }],
});

describe('the rules read from the definition given, not the built-in one', () => {
  it('budget tables list the categories of the version given', () => {
    const lca = BUILTIN_PROGRAMMES.lca_implementation;
    const options = (def: TProgrammeDefinition) => budgetTables(def)[0]!.columns.find((c) => c.key === 'category')!.options!.map((o) => o.value);
    expect(options(lca)).toEqual(['lca_calculation', 'factor_development']);
    expect(options(edited(lca))).toEqual(['lca_calculation', 'factor_development', 'survey']);
    const clt = edited(BUILTIN_PROGRAMMES.clt_demonstration);
    expect(budgetTables(clt).every((t) => t.columns[0]!.options!.some((o) => o.value === 'survey' && o.label.ja === '調査費'))).toBe(true);
  });

  it('report categories and the rubric follow the version', () => {
    const co2 = BUILTIN_PROGRAMMES.co2_factor_support;
    expect(reportCategories(edited(co2))).toEqual([...reportCategories(co2), 'survey']);
    const clt = BUILTIN_PROGRAMMES.clt_demonstration;
    expect(rubricMaximum(rubricFor(clt))).toBe(30);
    expect(rubricMaximum(rubricFor(edited(clt)))).toBe(35);
    // A call without evaluation items is scored overall, on one item.
    expect(rubricFor(BUILTIN_PROGRAMMES.lca_implementation).items.map((i) => i.code)).toEqual(['overall']);
  });
});

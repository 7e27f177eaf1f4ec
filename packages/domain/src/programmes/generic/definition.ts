import { defineProgramme } from '../shared/definition';

/**
 * The generic cost-share subsidy (SPEC §4): a rate on the eligible cost, a cap per project, the
 * usual categories and documents, every figure the office's to set. Its application form is the
 * `generic_cost_share` kind (application-form.ts), its budget the definition's sections and categories.
 */

const SOURCE = '公募要領';

/** A cost-share subsidy: one rate on the eligible cost, a cap per project, the usual categories. */
export const GENERIC_COST_SHARE = defineProgramme({
  code: 'generic_cost_share',
  engine: 'generic',
  name: { ja: '補助事業（名称を入力）', en: 'Subsidy (enter the name)' },
  operator: { ja: '所管部署', en: 'Programme office' },
  fiscalYear: 2026,
  sourceDocument: SOURCE,
  money: {
    taxBasis: 'tax_exclusive',
    explanation: {
      ja: '消費税を除いた補助対象経費に補助率を乗じ、上限額までを補助します。',
      en: 'The rate applies to the eligible cost without consumption tax, up to the cap.',
    },
    source: SOURCE,
  },
  budget: { amount: null },
  costCategories: [
    { code: 'equipment', name: { ja: '設備費', en: 'Equipment' }, taxTreatment: 'taxable', source: SOURCE },
    { code: 'outsourcing', name: { ja: '外注費', en: 'Outsourcing' }, taxTreatment: 'taxable', source: SOURCE },
    { code: 'personnel', name: { ja: '人件費', en: 'Personnel' }, taxTreatment: 'non_taxable', source: SOURCE },
  ],
  sections: [
    {
      code: 'project',
      name: { ja: '補助事業', en: 'Project' },
      categories: ['equipment', 'outsourcing', 'personnel'],
      rates: [{ id: 'standard', rate: { numerator: 1, denominator: 2 }, name: { ja: '補助率 1/2', en: 'Rate 1/2' }, source: SOURCE }],
      source: SOURCE,
    },
  ],
  caps: [
    {
      id: 'per_project',
      scope: 'per_project',
      amount: 10_000_000,
      taxIncluded: false,
      name: { ja: '1件あたりの上限額', en: 'Cap per project' },
      source: SOURCE,
    },
  ],
  requiredDocuments: [
    {
      code: 'application_form',
      name: { ja: '交付申請書', en: 'Application form' },
      phase: 'application',
      format: 'designated_form',
      source: SOURCE,
    },
    {
      code: 'budget_breakdown',
      name: { ja: '経費内訳書', en: 'Cost breakdown' },
      phase: 'application',
      format: 'designated_excel',
      source: SOURCE,
    },
  ],
});

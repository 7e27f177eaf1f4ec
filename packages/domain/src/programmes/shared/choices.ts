import { listedNamesParams } from '../../display-params';

/**
 * The closed choices of the grant inputs, each value with the name the form shows for it. The
 * schemas take their values from here and the forms their options, so a value refused by a schema
 * can be answered with the names the applicant chose from (「業界団体、個社」), never the codes.
 */

type Text = { readonly ja: string; readonly en: string };

export interface Choice<V extends string = string> {
  readonly value: V;
  readonly label: Text;
}

type Choices<V extends string> = readonly [Choice<V>, ...Choice<V>[]];

const choices = <const V extends string>(list: Choices<V>): Choices<V> => list;
const c = <const V extends string>(value: V, ja: string, en: string): Choice<V> => ({ value, label: { ja, en } });

/** The values of a choice list, as z.enum takes them. */
export const choiceValues = <V extends string>(list: Choices<V>): [V, ...V[]] => {
  const [first, ...rest] = list;
  return [first.value, ...rest.map((x) => x.value)];
};

/** 001 §2.1 2): whose data a CFP is. */
export const DATA_TYPE_CHOICES = choices([
  c('company_product', '個社製品データ', 'Company product data'),
  c('company_product_group', '個社製品群データ', 'Company product-group data'),
  c('industry_representative', '業界代表データ', 'Industry representative data'),
]);

/** 001 §2.1 2): industry data at the average, or set above it with a reason. */
export const INDUSTRY_VALUE_SETTING_CHOICES = choices([
  c('average', '業界平均値', 'The industry average'),
  c('above_average', '業界平均より大きく設定する', 'Above the average'),
]);

/** 001 §2.1: the applicant, and who makes a calculation rule (4)). */
export const INDUSTRY_BODY_OR_COMPANY_CHOICES = choices([c('industry_body', '業界団体', 'Industry body'), c('company', '個社', 'Company')]);

/** 001 §2.2: published by the results report or the next fiscal year. */
export const PUBLICATION_CHOICES = choices([
  c('results_report', '成果報告までに公開', 'By the results report'),
  c('next_fiscal_year', '翌年度に公開', 'Next fiscal year'),
]);

/** 003 §3.7: another national subsidy for the project. */
export const OTHER_NATIONAL_SUBSIDY_CHOICES = choices([
  c('none', 'なし', 'None'),
  c('separable', 'あり（対象部分を明確に切り分けられる）', 'Yes, clearly separable'),
  c('same_content', 'あり（同一内容）', 'Yes, for the same content'),
]);

/** 003 §2.4: the rate asked for. */
export const RATE_REQUEST_CHOICES = choices([c('standard', '3/10（通常）', '3/10 (standard)'), c('special', '1/2（特例対象事業）', '1/2 (special)')]);

/** 003 §2.4: the committee's finding on the special rate. */
export const RATE_DECISION_CHOICES = choices([c('pending', '審議中', 'Pending'), c('approved', '承認', 'Approved'), c('rejected', '不承認', 'Rejected')]);

/** Every list above; a value means the same in each list that has it (the test checks). */
export const ALL_CHOICES: readonly (readonly Choice[])[] = [
  DATA_TYPE_CHOICES,
  INDUSTRY_VALUE_SETTING_CHOICES,
  INDUSTRY_BODY_OR_COMPANY_CHOICES,
  PUBLICATION_CHOICES,
  OTHER_NATIONAL_SUBSIDY_CHOICES,
  RATE_REQUEST_CHOICES,
  RATE_DECISION_CHOICES,
];

const LABELS = new Map<string, Text>(ALL_CHOICES.flat().map((x) => [x.value, x.label]));

/**
 * grant.option_unknown's parameters: the values a field allows by their names, Japanese in
 * `options` and English in `optionsEn`. A value no list names (a definition's own enum, read by
 * staff) is shown as it is.
 */
export function optionNamesParams(values: readonly unknown[]): { options: string; optionsEn: string } {
  const names = values.map((v) => LABELS.get(String(v)) ?? { ja: String(v), en: String(v) });
  return listedNamesParams('options', names);
}

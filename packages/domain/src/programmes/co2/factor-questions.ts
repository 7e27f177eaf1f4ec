import type { FormField } from '../application-form';
import type { TProgrammeDefinition, TText } from '../shared/definition';
import { DATA_TYPE_CHOICES, INDUSTRY_BODY_OR_COMPANY_CHOICES, INDUSTRY_VALUE_SETTING_CHOICES, PUBLICATION_CHOICES } from '../shared/choices';
import { evaluate, factsRead } from '../shared/conditions';
import { factorFacts } from './compute';
import { CO2_FACTOR_FACT_LABELS } from './fact-labels';
import { LIFE_CYCLE_MODULES, type TCo2Factor } from './input';

/**
 * The questions a factor's requirements (001 §2.1, §2.2) ask of the applicant, as inputs under the
 * factor: without them a requirement that reads a fact could only ever say "answer this", with
 * nowhere to answer it. Which questions show is the rules' own doing (the facts their evaluation
 * misses), so a question appears as an earlier answer makes it matter and none is asked in vain.
 */

const t = (ja: string, en: string): TText => ({ ja, en });

type Key = Exclude<keyof TCo2Factor, 'id' | 'kind' | 'product' | 'productCategory'>;

/** A factor question: a form field, or the life-cycle stages (a set of modules, chosen by ticking). */
export type FactorQuestion = { key: Key; field: FormField; stages?: undefined } | { key: 'stages'; field: FormField; stages: readonly string[] };

type Input = Pick<FormField, 'kind' | 'max' | 'options'>;
const yesNo: Input = { kind: 'boolean' };

/** Every fact of a factor that a requirement reads, in the order 001 §2.1 asks them. */
const INPUTS: readonly (readonly [Key, Input])[] = [
  ['iso14025Verification', yesNo],
  ['iso14025Compliant', yesNo],
  [
    'dataType',
    {
      kind: 'select',
      options: DATA_TYPE_CHOICES,
    },
  ],
  ['industryValueSetting', { kind: 'select', options: INDUSTRY_VALUE_SETTING_CHOICES }],
  ['aboveAverageReason', { kind: 'textarea', max: 1000 }],
  ['usesExistingData', yesNo],
  ['backgroundDatabase', { kind: 'text', max: 100 }],
  ['backgroundDatabaseManaged', yesNo],
  ['thirdPartyReview', yesNo],
  ['refreshIntervalYears', { kind: 'integer', max: 100 }],
  ['stages', { kind: 'select' }],
  ['a1a3ShownSeparately', yesNo],
  ['followsCfpGuideline', yesNo],
  ['buildingOnlyProduct', yesNo],
  ['iso21930ModuleSplit', yesNo],
  ['ruleMadeBy', { kind: 'select', options: INDUSTRY_BODY_OR_COMPANY_CHOICES }],
  ['genericRuleExists', yesNo],
  ['followsGenericRule', yesNo],
  ['developedByReport', yesNo],
  ['publication', { kind: 'select', options: PUBLICATION_CHOICES }],
  ['expectedPublicationOn', { kind: 'date' }],
];

/** Facts the rules read that are not asked as such: whether stages past A3 are covered comes from the stages; a database's management is asked with its name. */
const ASKED_BY: Readonly<Record<string, readonly Key[]>> = {
  coversBeyondA3: ['stages'],
  backgroundDatabaseManaged: ['backgroundDatabase', 'backgroundDatabaseManaged'],
};

/** The facts the rules read of a factor, with the questions that answer them, for a check that none is left without one. */
export const FACTOR_QUESTION_KEYS: readonly string[] = [...INPUTS.map(([key]) => key), ...Object.keys(ASKED_BY)];

/**
 * The questions for the factor at `index`: those the requirements cannot be judged without yet,
 * and those already answered (so an answer stays on screen as it is given).
 */
export function factorQuestions(def: TProgrammeDefinition, factor: Partial<TCo2Factor>, index: number): FactorQuestion[] {
  const facts = factorFacts(factor);
  // What each requirement that may apply still needs: the facts it lacks (to know whether it
  // applies, then whether it is met), or, once it fails, every fact it reads, so a failed
  // requirement shows where to put it right. A notice only informs and asks nothing of its own.
  const read = def.itemEligibility.flatMap((rule) => {
    if (rule.level === 'notice') return [];
    const applies = rule.appliesWhen ? evaluate(rule.appliesWhen, facts) : null;
    if (applies?.truth === 'false') return [];
    if (applies?.truth === 'unknown') return applies.missing;
    const met = evaluate(rule.requires, facts);
    return met.truth === 'false' ? factsRead(rule.requires) : met.missing;
  });
  const asked = new Set(read.flatMap((fact): readonly string[] => ASKED_BY[fact] ?? [fact]));
  return INPUTS.filter(([key]) => asked.has(key) || factor[key] !== undefined).map(([key, input]): FactorQuestion => {
    const field: FormField = { path: `grant.factors.${index}.${key}`, label: CO2_FACTOR_FACT_LABELS[key] ?? t(key, key), required: false, ...input, source: '001 §2.1' };
    return key === 'stages' ? { key, field, stages: LIFE_CYCLE_MODULES } : { key, field };
  });
}

import { yen, type Yen } from '../../money';
import { fractionOf, sumYen } from '../shared/amounts';
import type { Facts } from '../shared/conditions';
import type { TProgrammeDefinition } from '../shared/definition';
import { reason, type Reason } from '../shared/reasons';
import type { GrantResult } from '../shared/result';
import {
  capsFor,
  evaluateCriteria,
  questionLabeller,
  type FactLabeller,
  pickRate,
  type CriterionResult,
  type EligibilityResult,
  type EligibilityStatus,
} from '../shared/rules';
import { FACTOR_KIND_NAMES, MANAGED_DATABASES } from './definition';
import { CRADLE_TO_GATE, type TCo2Factor, type TCo2GrantInput } from './input';
import { judgeCo2Lines, type Co2LineResult } from './lines';

/**
 * The CO2 emission-factor support engine (seeds/001). Costs are tax-inclusive and counted in
 * full up to the caps: ¥4,000,000 per factor, ¥10,000,000 per applicant (§2.5). A cost shared by
 * several factors is claimed once — split between them, never repeated (§2.5). Licences for
 * databases and tools count up to the results report unless the contract (or useful life) is a
 * year or less (§4.2(2)(5)).
 */

export interface Co2FactorResult {
  id: string;
  kind: TCo2Factor['kind'];
  kindNo: number;
  product: string;
  status: EligibilityStatus;
  /** Σ of the costs allocated to it. */
  claimed: Yen;
  /** After the rate and the per-factor cap. */
  grant: Yen;
  cap: Yen | null;
  capHit: boolean;
}

export interface Co2Breakdown {
  engine: 'co2_factor';
  lines: Co2LineResult[];
  factors: Co2FactorResult[];
  /** Σ of the factors' grants, before the per-applicant cap. */
  beforeApplicantCap: Yen;
  applicantCap: Yen | null;
  /** Facts for the required-documents list (which report documents apply). */
  documentFacts: Facts;
}

/** The facts one factor's criteria read, with what is derived from its scope and database. */
export function factorFacts(f: Partial<TCo2Factor>): Facts {
  const stages = f.stages;
  // A database 001 names counts as managed; any other one is for the applicant to confirm
  // (the list ends in 等), so it stays unknown rather than failing.
  const named =
    f.backgroundDatabase !== undefined &&
    (MANAGED_DATABASES as readonly string[]).some(
      (d) => d.toLowerCase() === f.backgroundDatabase!.toLowerCase(),
    );
  const managed = f.backgroundDatabaseManaged ?? (named ? true : undefined);
  return {
    ...f,
    stages: stages ?? undefined,
    coversBeyondA3: stages ? stages.some((s) => !CRADLE_TO_GATE.includes(s)) : undefined,
    backgroundDatabaseManaged: managed,
  };
}

export function computeCo2(def: TProgrammeDefinition, input: TCo2GrantInput, labelOf: FactLabeller = questionLabeller(def)): GrantResult<Co2Breakdown> {
  // Eligibility: the application, then each factor.
  const appFacts: Facts = {
    factorCount: input.factors.length,
    productCategoryCount: new Set(input.factors.map((f) => f.productCategory)).size,
  };
  const app = evaluateCriteria(def.eligibility, appFacts, undefined, labelOf);
  const perFactor = new Map(
    input.factors.map((f) => [
      f.id,
      evaluateCriteria(def.itemEligibility, factorFacts(f), { kind: 'factor', id: f.id }, labelOf),
    ]),
  );

  const lines = judgeCo2Lines(def, input, perFactor);
  const { factors, reasons: factorReasons } = factorGrants(def, input, lines, perFactor);
  const beforeApplicantCap = sumYen(factors.map((f) => f.grant));
  const applicant = applicantCap(def, beforeApplicantCap, factors);
  const { computed } = applicant;

  const eligibility = co2Eligibility(app, perFactor, input.factors.length);
  const requested = sumYen(input.lines.map((l) => l.amount));
  const amount = eligibility.status === 'ineligible' ? yen(0) : computed;
  const finalReasons: Reason[] = [];
  if (eligibility.status === 'ineligible' && computed > 0)
    finalReasons.push(reason('grant.ineligible_no_grant', '001 §2.1', { computed }, 'error'));
  else if (eligibility.status === 'undetermined')
    finalReasons.push(reason('grant.provisional', '001 §2.1', { computed }, 'warning'));

  return {
    programme: def.code,
    eligibility,
    grant: {
      requested,
      eligibleCost: sumYen(lines.map((l) => l.counted)),
      base: sumYen(factors.map((f) => f.claimed)),
      computed,
      amount,
      ownShare: yen(Math.max(0, requested - amount)),
      capHit: applicant.capHit,
      cap: applicant.cap,
    },
    breakdown: {
      engine: 'co2_factor',
      lines,
      factors,
      beforeApplicantCap,
      applicantCap: applicant.cap,
      documentFacts: documentFacts(input, lines),
    },
    reasons: [
      ...eligibility.reasons,
      ...lines.flatMap((l) => l.reasons),
      ...factorReasons,
      ...applicant.reasons,
      ...finalReasons,
    ],
  };
}

/** Per factor: the rate on its allocated costs, then the per-factor cap (¥4,000,000, §2.5). */
function factorGrants(
  def: TProgrammeDefinition,
  input: TCo2GrantInput,
  lines: readonly Co2LineResult[],
  perFactor: ReadonlyMap<string, EligibilityResult>,
): { factors: Co2FactorResult[]; reasons: Reason[] } {
  const { rule } = pickRate(def.sections[0]!, {});
  const factorCap = capsFor(def, 'per_item', {}, { itemKind: 'factor' });
  const reasons: Reason[] = [];
  const factors: Co2FactorResult[] = input.factors.map((f) => {
    const claimed = sumYen(
      lines.flatMap((l) => l.allocations.filter((a) => a.factorId === f.id).map((a) => a.amount)),
    );
    const rated = rule ? fractionOf(claimed, rule.rate.numerator, rule.rate.denominator) : yen(0);
    const capHit = factorCap.amount !== null && rated > factorCap.amount;
    const grant = capHit ? factorCap.amount! : rated;
    if (capHit)
      reasons.push(
        reason(
          'grant.cap_applied',
          factorCap.caps[0]!.source,
          {
            cap: factorCap.caps[0]!.name.ja,
            capEn: factorCap.caps[0]!.name.en,
            amount: grant,
            before: rated,
          },
          'info',
          { kind: 'factor', id: f.id },
        ),
      );
    return {
      id: f.id,
      kind: f.kind,
      kindNo: FACTOR_KIND_NAMES[f.kind].no,
      product: f.product,
      status: perFactor.get(f.id)!.status,
      claimed,
      grant,
      cap: factorCap.amount,
      capHit,
    };
  });
  if (factors.length > 1)
    reasons.push(
      reason(
        'grant.co2.cap_per_factor_each',
        '001 §2.5',
        { count: factors.length, cap: factorCap.amount ?? 0 },
        'info',
      ),
    );
  return { factors, reasons };
}

/** Per applicant: ¥10,000,000 in all (§2.5). */
function applicantCap(
  def: TProgrammeDefinition,
  beforeApplicantCap: Yen,
  factors: readonly Co2FactorResult[],
): { computed: Yen; cap: Yen | null; capHit: string | null; reasons: Reason[] } {
  const applicant = capsFor(def, 'per_applicant', {});
  const perFactorHit = factors.some((f) => f.capHit) ? 'per_factor' : null;
  if (applicant.amount === null || beforeApplicantCap <= applicant.amount)
    return { computed: beforeApplicantCap, cap: applicant.amount, capHit: perFactorHit, reasons: [] };
  const cap = applicant.caps[0]!;
  return {
    computed: applicant.amount,
    cap: applicant.amount,
    capHit: cap.id,
    reasons: [
      reason(
        'grant.cap_applied',
        cap.source,
        { cap: cap.name.ja, capEn: cap.name.en, amount: applicant.amount, before: beforeApplicantCap },
        'info',
      ),
    ],
  };
}

/** Facts for the required-documents list (which report documents apply). */
function documentFacts(input: TCo2GrantInput, lines: readonly Co2LineResult[]): Facts {
  const has = (c: string) => input.lines.some((l) => l.category === c);
  return {
    hasPersonnelCost: has('personnel'),
    hasLicenceCost: has('database') || has('tool'),
    hasVerificationCost: has('verification'),
    hasPublicationCost: has('publication'),
    residualValueFormsNeeded: lines.some((l) => l.formsRequired.length > 0),
    publication: input.factors.some((f) => f.publication === 'next_fiscal_year')
      ? 'next_fiscal_year'
      : 'results_report',
  };
}

/**
 * The application is eligible when its own criteria hold and at least one factor is; a factor
 * that fails only loses its own costs. Every factor's criteria stay in the list, named by factor.
 */
function co2Eligibility(
  app: EligibilityResult,
  perFactor: Map<string, EligibilityResult>,
  factorCount: number,
): EligibilityResult {
  const factorResults = [...perFactor.values()];
  const criteria: CriterionResult[] = [...app.criteria, ...factorResults.flatMap((r) => r.criteria)];
  const reasons = [...app.reasons, ...factorResults.flatMap((r) => r.reasons)];
  let status: EligibilityStatus = app.status;
  if (status !== 'ineligible' && factorCount > 0 && factorResults.every((r) => r.status === 'ineligible')) {
    status = 'ineligible';
    reasons.push(reason('eligibility.co2.no_eligible_factor', '001 §2.1', {}, 'error'));
  } else if (status === 'eligible' && factorResults.some((r) => r.status === 'undetermined'))
    status = 'undetermined';
  return { status, criteria, reasons };
}

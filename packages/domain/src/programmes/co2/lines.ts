import { yen, type Yen } from '../../money';
import { fractionOf, sumYen } from '../shared/amounts';
import type { TProgrammeDefinition } from '../shared/definition';
import { reason, type Reason, type ReasonSubject } from '../shared/reasons';
import type { LineResult } from '../shared/result';
import type { EligibilityResult } from '../shared/rules';
import { RESIDUAL_VALUE_THRESHOLD } from './definition';
import type { TCo2GrantInput, TCo2Line } from './input';
import { judgeLicence, type LicenceJudgement } from './licences';

/**
 * The CO2 budget line by line: the project period (§2.2, §3.1, §4.2), one claim per invoice
 * (§2.5), outsourced work for its personnel share (§2.4①), licences prorated to the report
 * (§4.2(2)(5)), and the split of a shared cost between factors (§2.5).
 */

const P42 = '001 §4.2';
const P25 = '001 §2.5';

export interface Co2LineResult extends LineResult {
  allocations: { factorId: string; amount: Yen }[];
  licence?: LicenceJudgement;
  /** Forms the results report will need for this line (the ¥20,000 rule). */
  formsRequired: ('continued_use_approval_request' | 'residual_value_statement')[];
}

/** What one line counts for so far, and why; each rule below refines it in turn. */
interface Verdict {
  counted: number;
  status: LineResult['status'];
  reasons: Reason[];
  licence?: LicenceJudgement;
  formsRequired: Co2LineResult['formsRequired'];
}

interface LineContext {
  def: TProgrammeDefinition;
  period: TCo2GrantInput['period'];
  perFactor: ReadonlyMap<string, EligibilityResult>;
  /** Evidence references already claimed, with the line that claimed them. */
  seenEvidence: Map<string, string>;
}

export function judgeCo2Lines(
  def: TProgrammeDefinition,
  input: TCo2GrantInput,
  perFactor: ReadonlyMap<string, EligibilityResult>,
): Co2LineResult[] {
  const ctx: LineContext = { def, period: input.period, perFactor, seenEvidence: new Map() };
  return input.lines.map((line) => judgeCo2Line(ctx, line));
}

function judgeCo2Line(ctx: LineContext, line: TCo2Line): Co2LineResult {
  const subject: ReasonSubject = { kind: 'line', id: line.id };
  const v: Verdict = { counted: line.amount, status: 'counted', reasons: [], formsRequired: [] };
  const outside = outsidePeriod(ctx, line, subject);
  if (outside) {
    v.reasons.push(outside);
    v.counted = 0;
    v.status = 'excluded';
  } else {
    const date = line.licence?.start ?? line.incurredOn;
    if (!date && (ctx.period.approvalDate || ctx.period.resultsReportDate))
      v.reasons.push(reason('grant.co2.date_unknown', P42, { line: line.id }, 'warning', subject));
    if (line.outsourcing) countOutsourcing(line, line.outsourcing, subject, v);
    if (line.licence) countLicence(ctx, line, subject, v);
  }
  const allocations = allocate(ctx, line, subject, v);
  const allocatedTotal = sumYen(allocations.map((a) => a.amount));
  if (v.counted > 0 && allocatedTotal === 0) v.status = 'excluded';
  else if (allocatedTotal < line.amount && v.status === 'counted') v.status = 'partly_counted';
  return {
    id: line.id,
    section: ctx.def.sections[0]!.code,
    category: line.category,
    ...(line.description ? { description: line.description } : {}),
    amount: line.amount,
    counted: allocatedTotal,
    taxTreatment: ctx.def.costCategories.find((c) => c.code === line.category)?.taxTreatment ?? 'taxable',
    status: v.status,
    reasons: v.reasons,
    allocations,
    ...(v.licence ? { licence: v.licence } : {}),
    formsRequired: v.formsRequired,
  };
}

/** Next year's work, a cost already claimed, or a date outside approval → results report. */
function outsidePeriod(ctx: LineContext, line: TCo2Line, subject: ReasonSubject): Reason | undefined {
  const { approvalDate, resultsReportDate } = ctx.period;
  const date = line.licence?.start ?? line.incurredOn;
  const duplicateOf = line.evidenceRef ? ctx.seenEvidence.get(line.evidenceRef) : undefined;
  if (line.evidenceRef && !duplicateOf) ctx.seenEvidence.set(line.evidenceRef, line.id);
  if (line.nextFiscalYearWork)
    return reason('grant.co2.next_year_cost', '001 §2.2', { line: line.id }, 'error', subject);
  if (duplicateOf)
    return reason(
      'grant.co2.duplicate_evidence',
      P25,
      { line: line.id, other: duplicateOf, evidence: line.evidenceRef ?? '' },
      'error',
      subject,
    );
  if (approvalDate && date && date < approvalDate)
    return reason(
      line.licence ? 'grant.co2.licence_before_approval' : 'grant.co2.before_approval',
      line.licence ? '001 §4.2(2)(5)' : '001 §3.1, §4.2',
      { line: line.id, date, approvalDate },
      'error',
      subject,
    );
  if (resultsReportDate && date && date > resultsReportDate)
    return reason(
      'grant.co2.after_report',
      P42,
      { line: line.id, date, resultsReportDate },
      'error',
      subject,
    );
  return undefined;
}

/** ① outsourced work counts only for its personnel share, with person-days or hours to show it. */
function countOutsourcing(
  line: TCo2Line,
  outsourcing: NonNullable<TCo2Line['outsourcing']>,
  subject: ReasonSubject,
  v: Verdict,
): void {
  v.counted = outsourcing.personnelShare;
  if (v.counted < line.amount) v.status = 'partly_counted';
  v.reasons.push(
    reason(
      'grant.co2.outsourced_personnel_share',
      '001 §2.4①, §4.2(1)',
      { line: line.id, amount: line.amount, share: v.counted },
      'info',
      subject,
    ),
  );
  if (outsourcing.personDays === undefined && outsourcing.hours === undefined)
    v.reasons.push(
      reason('grant.co2.outsourcing_breakdown_needed', '001 §4.2(1)', { line: line.id }, 'warning', subject),
    );
}

/** A licence counts in full for a year or less, else prorated to the report; ¥20,000+ kept → two forms. */
function countLicence(ctx: LineContext, line: TCo2Line, subject: ReasonSubject, v: Verdict): void {
  const resultsReportDate = ctx.period.resultsReportDate;
  const licence = judgeLicence(line.licence!, line.amount, resultsReportDate);
  v.licence = licence;
  v.counted = licence.counted;
  if (licence.full)
    v.reasons.push(
      reason(
        'grant.co2.licence_full',
        '001 §4.2(2)(5)',
        { line: line.id, days: licence.termDays },
        'info',
        subject,
      ),
    );
  else {
    v.status = v.counted === 0 ? 'excluded' : 'partly_counted';
    v.reasons.push(
      reason(
        'grant.co2.licence_prorated',
        '001 §4.2(2)(5)',
        {
          line: line.id,
          amount: line.amount,
          usedDays: licence.usedDays,
          termDays: licence.termDays,
          counted: v.counted,
          resultsReportDate: resultsReportDate ?? '',
        },
        'info',
        subject,
      ),
    );
  }
  if (line.amount < RESIDUAL_VALUE_THRESHOLD) return;
  const params = { line: line.id, threshold: RESIDUAL_VALUE_THRESHOLD };
  if (licence.usableAfter === true) {
    v.formsRequired.push('continued_use_approval_request', 'residual_value_statement');
    v.reasons.push(reason('grant.co2.residual_value_forms', '001 §4.3(2)(5)', params, 'warning', subject));
  } else if (licence.usableAfter === null)
    v.reasons.push(reason('grant.co2.residual_value_maybe', '001 §4.3(2)(5)', params, 'warning', subject));
}

/**
 * Allocation to factors: a shared cost is split, never counted for each factor in full; a factor
 * that fails a requirement takes none of the cost.
 */
function allocate(
  ctx: LineContext,
  line: TCo2Line,
  subject: ReasonSubject,
  v: Verdict,
): { factorId: string; amount: Yen }[] {
  const allocations: { factorId: string; amount: Yen }[] = [];
  if (line.factorId !== undefined) allocations.push({ factorId: line.factorId, amount: yen(v.counted) });
  else if (line.shares) {
    for (const s of line.shares)
      allocations.push({
        factorId: s.factorId,
        amount: line.amount > 0 ? fractionOf(yen(v.counted), s.amount, line.amount) : yen(0),
      });
    const allocated = line.shares.reduce((a, s) => a + s.amount, 0);
    v.reasons.push(
      reason(
        'grant.co2.shared_cost_split',
        P25,
        { line: line.id, factors: line.shares.map((s) => `${s.factorId}: ${s.amount}`).join(', ') },
        'info',
        subject,
      ),
    );
    if (allocated < line.amount)
      v.reasons.push(
        reason(
          'grant.co2.unallocated_part',
          P25,
          { line: line.id, amount: line.amount - allocated },
          'info',
          subject,
        ),
      );
  }
  for (const a of allocations) {
    if (a.amount > 0 && ctx.perFactor.get(a.factorId)?.status === 'ineligible') {
      v.reasons.push(
        reason(
          'grant.co2.factor_ineligible_cost',
          '001 §2.1',
          { line: line.id, factor: a.factorId, amount: a.amount },
          'error',
          subject,
        ),
      );
      a.amount = yen(0);
    }
  }
  return allocations;
}

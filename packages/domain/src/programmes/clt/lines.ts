import { yen, type Yen } from '../../money';
import { fractionOf, isWholeThousand, sumYen } from '../shared/amounts';
import { type Facts } from '../shared/conditions';
import { type TProgrammeDefinition } from '../shared/definition';
import { reason, type Reason } from '../shared/reasons';
import { type LineResult } from '../shared/result';
import { INSTRUMENT_PRICE_GUIDE, type TCltSection } from './definition';
import { CLT_INPUT_KEYS, CLT_INPUT_SECTIONS, type TCltGrantInput, type TCltLine } from './input';
import {
  APPORTIONABLE_USES,
  CLT_USE_NAMES,
  designRow,
  judgeDesign,
  judgeWork,
  workRow,
  type TCltUse,
  type TMark,
} from './tables';

/**
 * The CLT budget line by line: 2.6.1 (instruments), 2.6.3 (costs never allowed), 表1 (construction
 * works by CLT use, with floor-area apportionment), 表2 (design costs), the council's engineer pay,
 * and then 諸経費, which can only be judged once every work line is.
 */

export const T1 = '003 参考資料2 表1';
export const T2 = '003 参考資料2 表2';

export interface Judged {
  line: TCltLine;
  result: LineResult;
}

/** What one line counts for so far, and why; each rule below refines it in turn. */
interface Verdict {
  counted: number;
  status: LineResult['status'];
  mark?: TMark;
  reasons: Reason[];
}

type Subject = { kind: 'line'; id: string };

const CATEGORY_TAX: Record<string, 'taxable' | 'non_taxable'> = { engineer_pay: 'non_taxable' };

function exclude(v: Verdict, r: Reason, status: LineResult['status'] = 'excluded'): void {
  v.reasons.push(r);
  v.counted = 0;
  v.status = status;
}

/** Applies 2.6.1, 2.6.3, 表1, 表2 and the council rules line by line (overheads come after). */
export function judgeLines(def: TProgrammeDefinition, input: TCltGrantInput, facts: Facts): Judged[] {
  return CLT_INPUT_KEYS.flatMap((key) =>
    (input[key]?.lines ?? []).map((line) => judgeLine(def, input, facts, CLT_INPUT_SECTIONS[key], line)),
  );
}

function judgeLine(
  def: TProgrammeDefinition,
  input: TCltGrantInput,
  facts: Facts,
  section: TCltSection,
  line: TCltLine,
): Judged {
  const subject: Subject = { kind: 'line', id: line.id };
  const v: Verdict = { counted: line.amount, status: 'counted', reasons: formWarnings(line, subject) };
  const outright = excludedOutright(def, facts, line, subject);
  if (outright) exclude(v, outright);
  else if (line.workType !== undefined && line.workType !== 'overheads')
    judgeWorkLine(input, line, subject, v);
  else if (line.designItem !== undefined) judgeDesignLine(input, line, subject, v);
  if (v.status === 'counted') v.reasons.push(...countedWarnings(facts, line, subject));
  return {
    line,
    result: {
      id: line.id,
      section,
      category: line.category,
      ...(line.description ? { description: line.description } : {}),
      amount: line.amount,
      counted: yen(v.counted),
      taxTreatment: line.taxTreatment ?? CATEGORY_TAX[line.category] ?? 'taxable',
      status: v.status,
      ...(v.mark ? { mark: v.mark } : {}),
      reasons: v.reasons,
    },
  };
}

/** 様式4-1 注1: amounts in thousands of yen, with a unit × quantity breakdown. */
function formWarnings(line: TCltLine, subject: Subject): Reason[] {
  const out: Reason[] = [];
  if (!isWholeThousand(line.amount))
    out.push(
      reason(
        'grant.clt.not_thousand_yen',
        '003 様式4-1 注1',
        { line: line.id, amount: line.amount },
        'warning',
        subject,
      ),
    );
  // The breakdown is unit price × quantity, or in words in 備考 where that does not fit.
  if (line.unitPrice === undefined && !line.remarks)
    out.push(reason('grant.clt.breakdown_missing', '003 様式4-1 注1', { line: line.id }, 'warning', subject));
  return out;
}

/** Costs that never count whatever the tables say: 2.6.3 natures, leased instruments, pay to oneself. */
function excludedOutright(
  def: TProgrammeDefinition,
  facts: Facts,
  line: TCltLine,
  subject: Subject,
): Reason | undefined {
  if (line.excludedNature !== undefined) {
    const nature = def.ineligibleCosts.find((c) => c.code === line.excludedNature);
    return reason(
      'grant.clt.ineligible_cost',
      nature?.source ?? '003 §2.6.3',
      {
        line: line.id,
        nature: nature?.text.ja ?? line.excludedNature,
        natureEn: nature?.text.en ?? line.excludedNature,
      },
      'error',
      subject,
    );
  }
  if (line.measuringInstrument !== undefined && line.measuringInstrument.usefulLifeYears > 1)
    return reason(
      'grant.clt.instrument_lease',
      '003 §2.6.1(1)',
      { line: line.id, years: line.measuringInstrument.usefulLifeYears },
      'error',
      subject,
    );
  if (line.category === 'engineer_pay' && facts.ownerIsCouncilOperator === true)
    return reason('grant.clt.engineer_pay_same_party', '003 §2.6.2(1)', { line: line.id }, 'error', subject);
  return undefined;
}

/** 表1: the work's mark for the CLT use, then floor-area apportionment for mixed structures (注1). */
function judgeWorkLine(input: TCltGrantInput, line: TCltLine, subject: Subject, v: Verdict): void {
  const row = workRow(line.workType!)!;
  // checkCltInput requires the 表1 column as soon as a line has a work type.
  const use = input.cltUse!;
  const j = judgeWork(row, use, line);
  v.mark = j.mark;
  const params = {
    line: line.id,
    work: row.name.ja,
    workEn: row.name.en,
    use: CLT_USE_NAMES[use].ja,
    useEn: CLT_USE_NAMES[use].en,
    mark: j.mark,
    ...(j.cell.note ? { note: j.cell.note } : {}),
  };
  if (j.mark === '×')
    exclude(
      v,
      reason(
        j.qualifier ? 'grant.clt.work_excluded_by_note' : 'grant.clt.work_not_claimable',
        T1,
        params,
        'error',
        subject,
      ),
    );
  else if (j.mark === '△' && !line.explanation)
    exclude(v, reason('grant.clt.explanation_required', T1, params, 'error', subject), 'pending');
  else if (j.mark === '△')
    v.reasons.push(reason('grant.clt.conditional_explained', T1, params, 'info', subject));
  else v.reasons.push(reason('grant.clt.work_claimable', T1, params, 'info', subject));
  apportion(input, use, line, subject, v);
}

function apportion(input: TCltGrantInput, use: TCltUse, line: TCltLine, subject: Subject, v: Verdict): void {
  const mixed = input.mixedStructure;
  if (!mixed || !APPORTIONABLE_USES.includes(use) || v.counted <= 0) return;
  if (!mixed.separable) {
    v.reasons.push(reason('grant.clt.inseparable_whole', T1 + ' 注1)', { line: line.id }, 'info', subject));
    return;
  }
  if (line.workType === 'clt' || line.directlyAttributable) return;
  const { cltFloorAreaM2: a, totalFloorAreaM2: t } = mixed;
  const before = v.counted;
  // Areas to 0.01 m², so the ratio is exact in integers.
  v.counted = fractionOf(yen(v.counted), Math.round(a * 100), Math.round(t * 100));
  v.status = 'partly_counted';
  v.reasons.push(
    reason(
      'grant.clt.apportioned_by_area',
      T1 + ' 注1)',
      { line: line.id, clt: a, total: t, before, amount: v.counted },
      'info',
      subject,
    ),
  );
}

/** 表2: the design item's mark (structural design only when CLT is structural). */
function judgeDesignLine(input: TCltGrantInput, line: TCltLine, subject: Subject, v: Verdict): void {
  const row = designRow(line.designItem!)!;
  const j = judgeDesign(row, input.cltUse);
  v.mark = j.mark;
  const params = {
    line: line.id,
    item: row.name.ja,
    itemEn: row.name.en,
    mark: j.mark,
    ...(j.cell.note ? { note: j.cell.note } : {}),
  };
  const asWork = { ...params, work: row.name.ja, workEn: row.name.en };
  if (j.mark === '×') exclude(v, reason('grant.clt.design_not_claimable', T2, params, 'error', subject));
  else if (j.mark === '△' && !line.explanation)
    exclude(v, reason('grant.clt.explanation_required', T2, asWork, 'error', subject), 'pending');
  else if (j.mark === '△')
    v.reasons.push(reason('grant.clt.conditional_explained', T2, asWork, 'info', subject));
  if (row.cell.structuralOnly && input.cltUse === undefined && v.counted > 0)
    v.reasons.push(
      reason('grant.clt.structural_design_needs_use', T2, { line: line.id }, 'warning', subject),
    );
}

/** Warnings for a line that counts in full but whose facts the applicant has not settled. */
function countedWarnings(facts: Facts, line: TCltLine, subject: Subject): Reason[] {
  const out: Reason[] = [];
  if (line.category === 'engineer_pay' && facts.ownerIsCouncilOperator === undefined)
    out.push(
      reason(
        'grant.clt.engineer_pay_parties_unknown',
        '003 §2.6.2(1)',
        { line: line.id },
        'warning',
        subject,
      ),
    );
  if (line.measuringInstrument !== undefined && line.amount >= INSTRUMENT_PRICE_GUIDE)
    out.push(
      reason(
        'grant.clt.instrument_price_guide',
        '003 §2.6.1(1)',
        { line: line.id, amount: line.amount, guide: INSTRUMENT_PRICE_GUIDE },
        'warning',
        subject,
      ),
    );
  return out;
}

export interface CltOverheads {
  eligibleWorks: Yen;
  worksTotal: Yen;
  overheadsTotal: Yen;
  limit: Yen;
}

/**
 * 諸経費: ○, but only up to the overheads prorated by the share of claimable works
 * (該当工事費割合で案分した金額以下). limit = overheads × claimable works ÷ all works, rounded
 * down; each overheads line is cut to what is left of that limit.
 */
export function applyOverheads(input: TCltGrantInput, lines: Judged[]): CltOverheads | undefined {
  const overheadLines = lines.filter((l) => l.line.workType === 'overheads' && l.result.status === 'counted');
  if (overheadLines.length === 0) return undefined;
  const workLines = lines.filter((l) => l.line.workType !== undefined && l.line.workType !== 'overheads');
  const eligibleWorks = sumYen(workLines.map((l) => l.result.counted));
  const listedWorks = sumYen(workLines.map((l) => l.line.amount));
  const worksTotal = input.works?.totalExcludingOverheads ?? listedWorks;
  const overheadsTotal = input.works?.overheadsTotal ?? sumYen(overheadLines.map((l) => l.line.amount));
  const limit = worksTotal > 0 ? fractionOf(overheadsTotal, eligibleWorks, worksTotal) : yen(0);
  let left: number = limit;
  for (const l of overheadLines) {
    const subject: Subject = { kind: 'line', id: l.line.id };
    const counted = Math.min(l.line.amount, left);
    left -= counted;
    l.result.mark = '○';
    if (input.works?.totalExcludingOverheads === undefined)
      l.result.reasons.push(
        reason(
          'grant.clt.works_total_assumed',
          T1,
          { line: l.line.id, listed: listedWorks },
          'warning',
          subject,
        ),
      );
    l.result.reasons.push(
      reason(
        'grant.clt.overheads_prorated',
        T1,
        { line: l.line.id, overheads: overheadsTotal, eligibleWorks, worksTotal, limit, amount: counted },
        'info',
        subject,
      ),
    );
    if (counted < l.line.amount) {
      l.result.counted = yen(counted);
      l.result.status = counted === 0 ? 'excluded' : 'partly_counted';
    }
  }
  return { eligibleWorks, worksTotal, overheadsTotal, limit };
}

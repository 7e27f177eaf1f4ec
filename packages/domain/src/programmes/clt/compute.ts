import { yen, type Yen } from '../../money';
import { sumYen } from '../shared/amounts';
import { evaluate, type Facts } from '../shared/conditions';
import { type TProgrammeDefinition } from '../shared/definition';
import { assemble, stripReasons } from '../shared/generic';
import { reason, type Reason } from '../shared/reasons';
import { type GrantResult, type LineResult } from '../shared/result';
import { bonusPoints, evaluateCriteria, questionLabeller, type FactLabeller, type SectionResult } from '../shared/rules';
import { type TCltSection } from './definition';
import { CLT_INPUT_SECTIONS, cltFacts, type CltInputSectionKey, type TCltGrantInput } from './input';
import { applyOverheads, judgeLines, T1, type CltOverheads, type Judged } from './lines';
import { APPORTIONABLE_USES, CONSTRUCTION_NOTES } from './tables';

/**
 * The CLT demonstration engine (seeds/003). On top of the generic sections × rates × caps it
 * applies 表1 (which construction works count for the way CLT is used), 表2 (design costs), the
 * overheads share, floor-area apportionment for mixed structures, the costs 2.6.3 never allows,
 * the special rate of 2.4, and it lays the result out as 様式4-1 and 様式4-2.
 */

export interface CltFormSection {
  section: TCltSection;
  byCategory: Record<string, Yen>;
  total: Yen;
  grant: Yen;
}
export interface CltForm {
  /** 申請する事業費 (tax-inclusive), 助成額, 自己負担額. */
  total: Yen;
  grant: Yen;
  ownShare: Yen;
  sections: CltFormSection[];
  byCategory: Record<string, Yen>;
}
export interface CltBreakdown {
  engine: 'clt';
  rate: {
    requested: 'standard' | 'special';
    applied: 'standard' | 'special';
    committeeDecision: 'pending' | 'approved' | 'rejected';
    specialConditionsMet: string[];
  };
  lines: LineResult[];
  sections: Omit<SectionResult, 'reasons'>[];
  capBeforeProjectCap: Yen;
  /** 様式4-1 (demonstration) and 様式4-2 (council), as the forms lay them out. */
  form4_1: CltForm;
  form4_2: CltForm;
  bonus: { items: { code: string; points: number; source: string }[]; total: number };
  overheads?: CltOverheads;
  apportionment?: { cltFloorAreaM2: number; totalFloorAreaM2: number };
}

interface RateDecision {
  applied: 'standard' | 'special';
  met: string[];
  reasons: Reason[];
}

/** 003 §2.4: the special rate applies when asked for, one condition holds, and the committee has not refused. */
function decideRate(def: TProgrammeDefinition, input: TCltGrantInput, facts: Facts): RateDecision {
  const met = def.specialRateConditions
    .filter((c) => evaluate(c.when, facts).truth === 'true')
    .map((c) => c.code);
  if (input.rate.requested !== 'special') return { applied: 'standard', met, reasons: [] };
  if (input.rate.committeeDecision === 'rejected')
    return {
      applied: 'standard',
      met,
      reasons: [reason('grant.clt.special_rejected', '003 §2.4', {}, 'warning')],
    };
  if (met.length === 0) {
    const unknown = def.specialRateConditions.filter((c) => evaluate(c.when, facts).truth === 'unknown');
    const missing = [...new Set(unknown.flatMap((c) => evaluate(c.when, facts).missing))].join(', ');
    const why = unknown.length
      ? reason('grant.clt.special_undetermined', '003 §2.4', { facts: missing }, 'warning')
      : reason('grant.clt.special_conditions_not_met', '003 §2.4', {}, 'warning');
    return { applied: 'standard', met, reasons: [why] };
  }
  const metConditions = def.specialRateConditions.filter((c) => met.includes(c.code));
  const names = {
    conditions: metConditions.map((c) => c.text.ja).join('／'),
    conditionsEn: metConditions.map((c) => c.text.en).join('; '),
  };
  const why =
    input.rate.committeeDecision === 'approved'
      ? reason('grant.clt.special_applied', '003 §2.4', names, 'info')
      : reason('grant.clt.special_pending_committee', '003 §2.4', names, 'warning');
  return { applied: 'special', met, reasons: [why] };
}

export function computeClt(def: TProgrammeDefinition, input: TCltGrantInput, labelOf: FactLabeller = questionLabeller(def)): GrantResult<CltBreakdown> {
  const facts0 = cltFacts(input);
  const rate = decideRate(def, input, facts0);
  const facts: Facts = { ...facts0, rateVariant: rate.applied };

  const eligibility = evaluateCriteria(def.eligibility, facts, undefined, labelOf);
  const lines = judgeLines(def, input, facts);
  const overheads = applyOverheads(input, lines);
  const assembled = assemble(
    def,
    facts,
    eligibility,
    lines.map((l) => l.result),
    labelOf,
  );
  const bonus = bonusPoints(def, facts);
  const form = (keys: CltInputSectionKey[]) => cltForm(def, keys, lines, assembled.sections);

  return {
    programme: def.code,
    eligibility,
    grant: assembled.grant,
    breakdown: {
      engine: 'clt',
      rate: {
        requested: input.rate.requested,
        applied: rate.applied,
        committeeDecision: input.rate.committeeDecision,
        specialConditionsMet: rate.met,
      },
      lines: lines.map((l) => l.result),
      sections: stripReasons(assembled.sections),
      capBeforeProjectCap: assembled.capBeforeProjectCap,
      form4_1: form(['building', 'design', 'performance']),
      form4_2: form(['council']),
      bonus: { items: bonus.items, total: bonus.total },
      ...(overheads ? { overheads } : {}),
      ...(input.mixedStructure?.separable && input.cltUse && APPORTIONABLE_USES.includes(input.cltUse)
        ? {
            apportionment: {
              cltFloorAreaM2: input.mixedStructure.cltFloorAreaM2,
              totalFloorAreaM2: input.mixedStructure.totalFloorAreaM2,
            },
          }
        : {}),
    },
    reasons: [...rate.reasons, ...sectionNotes(input, lines), ...assembled.reasons, ...bonus.reasons],
  };
}

/** 様式4-1 or 4-2: the given sections' lines per category, with each section's grant. */
function cltForm(
  def: TProgrammeDefinition,
  keys: CltInputSectionKey[],
  lines: Judged[],
  grants: readonly { section: string; grant: Yen }[],
): CltForm {
  const categoriesOf = (code: string): string[] =>
    def.sections.find((s) => s.code === code)?.categories ?? [];
  const codes: string[] = keys.map((k) => CLT_INPUT_SECTIONS[k]);
  const sections = keys
    .map((k) => CLT_INPUT_SECTIONS[k])
    .filter((code) => lines.some((l) => l.result.section === code))
    .map((code) => {
      const own = lines.filter((l) => l.result.section === code).map((l) => l.result);
      return {
        section: code,
        byCategory: byCategory(own, categoriesOf(code)),
        total: sumYen(own.map((l) => l.amount)),
        grant: grants.find((s) => s.section === code)?.grant ?? yen(0),
      };
    });
  const all = lines.filter((l) => codes.includes(l.result.section)).map((l) => l.result);
  const total = sumYen(all.map((l) => l.amount));
  const grant = sumYen(sections.map((s) => s.grant));
  return {
    total,
    grant,
    ownShare: yen(Math.max(0, total - grant)),
    sections,
    byCategory: byCategory(all, [...new Set(codes.flatMap(categoriesOf))]),
  };
}

/** Σ per category, every category of the form shown (a row of 0 is still a row on the form). */
function byCategory(lines: readonly LineResult[], categories: readonly string[]): Record<string, Yen> {
  const out: Record<string, Yen> = Object.fromEntries(categories.map((c) => [c, yen(0)]));
  for (const l of lines) out[l.category] = yen((out[l.category] ?? 0) + l.amount);
  return out;
}

/** Notes on a whole section: 表1 is a guide, small uses may be assessed, about two engineers. */
function sectionNotes(input: TCltGrantInput, lines: Judged[]): Reason[] {
  const notes: Reason[] = [];
  const hasWorks = lines.some((l) => l.line.workType !== undefined);
  if (hasWorks)
    notes.push(
      reason(
        'grant.clt.table_is_guide',
        '003 参考資料2 §2',
        { note: CONSTRUCTION_NOTES.guide.ja, noteEn: CONSTRUCTION_NOTES.guide.en },
        'info',
        { kind: 'section', id: 'building_demo' },
      ),
    );
  if (hasWorks && input.cltUse !== undefined && APPORTIONABLE_USES.includes(input.cltUse))
    notes.push(
      reason(
        'grant.clt.small_use_may_be_assessed',
        T1 + ' 注2)',
        { note: CONSTRUCTION_NOTES.smallUse.ja, noteEn: CONSTRUCTION_NOTES.smallUse.en },
        'info',
        { kind: 'section', id: 'building_demo' },
      ),
    );
  if ((input.facts.councilEngineers ?? 0) > 2)
    notes.push(
      reason(
        'grant.clt.engineers_about_two',
        '003 §2.6.2(1)',
        { count: input.facts.councilEngineers ?? 0 },
        'warning',
        { kind: 'section', id: 'council' },
      ),
    );
  return notes;
}

import { yen, type Yen } from '../money';
import type { TProgrammeKind } from '../programme';
import { formFields } from '../programmes/application-form';
import { CLT_USE_NAMES, CLT_USES, type TCltUse } from '../programmes/clt/tables';
import { CO2_FACTOR_SUPPORT, FACTOR_KIND_NAMES, FACTOR_KINDS } from '../programmes/co2/definition';
import { type PublicationSource, SELECTED_STATUSES } from './reports';
import type { TReviewStatus } from './workflow';

/**
 * What the publication list and the programme statistics read from a frozen application: one
 * place that knows where 実施者, 概要, the use, the structure and the site sit in the content.
 */

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((v, key) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined), value);

/**
 * 事業名, 実施者, 概要 of one application (003 §3.4): the applicant named in the form (else the
 * organisation), and the plan's content; for a CO2 factor application, the products whose factors
 * are developed.
 */
export function publicationSourceOf(a: {
  readonly status: TReviewStatus;
  readonly title: string;
  readonly trackingNumber?: string | null;
  readonly organisationName: string;
  readonly content: Record<string, unknown>;
}): PublicationSource {
  const implementer = text(at(a.content, 'applicant', 'name')) ?? a.organisationName;
  const factors = at(a.content, 'grant', 'factors');
  const products = Array.isArray(factors) ? factors.map((f) => text(at(f, 'product'))).filter((p): p is string => p !== null) : [];
  const summary = text(at(a.content, 'plan', 'content')) ?? (products.length > 0 ? `${products.join('・')}の原単位の策定` : '');
  return { status: a.status, title: a.title, implementers: [implementer], summary, ...(a.trackingNumber ? { receiptNumber: a.trackingNumber } : {}) };
}

const PREFECTURE = /^(北海道|東京都|京都府|大阪府|.{2,3}?県)/;

/** The prefecture at the start of a Japanese address ("高知県高知市…" → "高知県"), or null. */
export function prefectureOf(address: string | null | undefined): string | null {
  const match = PREFECTURE.exec(address?.trim() ?? '');
  // "〇〇県" in the 記載例 is a placeholder, not a place.
  return match && !match[1]!.includes('〇') ? match[1]! : null;
}

export interface ApplicationTraits {
  /** 主たる用途 as written (CLT), or null. */
  readonly use: string | null;
  /** How CLT is used (CLT_USES), or null. */
  readonly structure: TCltUse | null;
  /** Prefecture of the building site, or null. */
  readonly region: string | null;
}

export function traitsOf(content: Record<string, unknown>): ApplicationTraits {
  const cltUse = at(content, 'grant', 'cltUse');
  return {
    use: text(at(content, 'grant', 'facts', 'mainUse')),
    structure: (CLT_USES as readonly unknown[]).includes(cltUse) ? (cltUse as TCltUse) : null,
    region: prefectureOf(text(at(content, 'building', 'site'))),
  };
}

export const structureLabel = (code: TCltUse, locale: 'ja' | 'en') => CLT_USE_NAMES[code][locale];

/** The ways the statistics break a programme's applications down. */
export const BREAKDOWNS = ['use', 'structure', 'site', 'applicantKind', 'factorKind', 'applicantRegion'] as const;
export type TBreakdown = (typeof BREAKDOWNS)[number];

/**
 * Which breakdowns each programme's applications can give: a CLT proposal names its use, how CLT is
 * used and its site; a CO2 application its applicant's kind and the kinds of factor it develops;
 * every application its applicant's address.
 */
export const BREAKDOWNS_OF: Readonly<Record<TProgrammeKind, readonly TBreakdown[]>> = {
  clt_demonstration: ['use', 'structure', 'site'],
  co2_factor_support: ['applicantKind', 'factorKind', 'applicantRegion'],
  lca_implementation: ['applicantRegion'],
  generic_cost_share: ['applicantRegion'],
};

/** The label of the CO2 form's applicant-kind option, as the form shows it (a field of the engine's own form, the same in every version). */
function applicantKindLabel(value: unknown, locale: 'ja' | 'en'): string | null {
  const field = formFields('co2_factor_support', CO2_FACTOR_SUPPORT).find((f) => f.path === 'grant.applicant.kind');
  const option = field?.options?.find((o) => o.value === value);
  return option ? option.label[locale] : null;
}

/**
 * The keys one application counts under in a breakdown (null: it does not say). A CO2 application
 * counts once under each kind of factor it develops.
 */
export function breakdownKeysOf(content: Record<string, unknown>, breakdown: TBreakdown, locale: 'ja' | 'en'): (string | null)[] {
  const traits = traitsOf(content);
  switch (breakdown) {
    case 'use':
      return [traits.use];
    case 'structure':
      return [traits.structure ? structureLabel(traits.structure, locale) : null];
    case 'site':
      return [traits.region];
    case 'applicantKind':
      return [applicantKindLabel(at(content, 'grant', 'applicant', 'kind'), locale)];
    case 'applicantRegion':
      return [prefectureOf(text(at(content, 'applicant', 'address')))];
    case 'factorKind': {
      const factors = at(content, 'grant', 'factors');
      const kinds = new Set(Array.isArray(factors) ? factors.map((f) => at(f, 'kind')) : []);
      const named = FACTOR_KINDS.filter((k) => kinds.has(k)).map((k) => FACTOR_KIND_NAMES[k][locale]);
      return named.length > 0 ? named : [null];
    }
  }
}

export interface BreakdownItem {
  readonly status: TReviewStatus;
  readonly key: string | null;
  readonly requestedAmount?: Yen | null;
  readonly grantedAmount?: Yen | null;
}

export interface BreakdownRow {
  /** null: the applications that do not say. */
  readonly key: string | null;
  readonly count: number;
  readonly selected: number;
  readonly requested: Yen;
  readonly granted: Yen;
}

/** Counts and amounts per key (use, structure, region), the largest group first, "unknown" last. */
export function breakdownBy(items: readonly BreakdownItem[]): BreakdownRow[] {
  const groups = new Map<string | null, BreakdownItem[]>();
  for (const i of items) groups.set(i.key, [...(groups.get(i.key) ?? []), i]);
  return [...groups.entries()]
    .map(([key, group]) => ({
      key,
      count: group.length,
      selected: group.filter((i) => SELECTED_STATUSES.includes(i.status)).length,
      requested: yen(group.reduce((s, i) => s + (i.requestedAmount ?? 0), 0)),
      granted: yen(group.reduce((s, i) => s + (i.grantedAmount ?? 0), 0)),
    }))
    .sort((a, b) => (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) || b.count - a.count || (a.key ?? '').localeCompare(b.key ?? '', 'ja'));
}

export interface ScoreBin {
  /** Inclusive lower bound. */
  readonly from: number;
  /** Exclusive upper bound, except the last bin, which includes the maximum. */
  readonly to: number;
  readonly count: number;
}

/** Submitted sheet totals in `bins` equal bins from 0 to the rubric's maximum. */
export function scoreDistribution(totals: readonly number[], maximum: number, bins = 10): ScoreBin[] {
  if (!(maximum > 0) || !Number.isInteger(bins) || bins < 1) return [];
  const width = maximum / bins;
  const counts = Array.from({ length: bins }, () => 0);
  for (const t of totals) {
    if (!Number.isFinite(t) || t < 0 || t > maximum) continue;
    counts[Math.min(bins - 1, Math.floor(t / width))]! += 1;
  }
  return counts.map((count, i) => ({ from: i * width, to: (i + 1) * width, count }));
}

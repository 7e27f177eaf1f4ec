import { yen, type Yen } from '../money';
import { CLT_USE_NAMES, CLT_USES, type TCltUse } from '../programmes/clt/tables';
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

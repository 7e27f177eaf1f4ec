import { formatYen, type Yen } from '../../money';
import type { TProgrammeKind } from '../../programme';

/**
 * An application as its readers see it: the programme's official forms (CLT 様式1–4-2, the CO2
 * outline and quote, the LCA support form) as sections of labelled values and tables, every label
 * in Japanese and English. The console, the portal's confirm step and the PDF all draw this one
 * model, so the reviewer reads exactly what the applicant saw before submitting.
 *
 * Computed figures carry their explanation — the base, the rate, the rounding, the caps and the
 * section of the call they come from — built from the grant computation's own numbers.
 */

export type FormText = { readonly ja: string; readonly en: string };
export type FormLocale = keyof FormText;

export type FormValue =
  | { readonly kind: 'text'; readonly text: FormText }
  | { readonly kind: 'yen'; readonly amount: Yen }
  /** Nothing entered: printed as 未記入 so a gap on the form is visible, not silent. */
  | { readonly kind: 'blank' };

/** How a computed figure came about, step by step, and where the rule is written. */
export interface FormExplanation {
  readonly steps: readonly FormText[];
  /** The document's title and section (never a file name). */
  readonly source: FormText;
}

export interface FormRow {
  /** A stable name for the row (tests, the version comparison); never shown. */
  readonly key: string;
  readonly label: FormText;
  readonly value: FormValue;
  readonly explanation?: FormExplanation;
}

export interface FormColumn {
  readonly label: FormText;
  readonly align: 'left' | 'right';
}

export type FormBlock =
  | { readonly kind: 'fields'; readonly title?: FormText; readonly rows: readonly FormRow[] }
  | {
      readonly kind: 'table';
      readonly key: string;
      readonly title?: FormText;
      readonly columns: readonly FormColumn[];
      readonly rows: readonly (readonly FormValue[])[];
      readonly footer?: readonly FormValue[];
    }
  | { readonly kind: 'note'; readonly text: FormText };

/** One form of the set (様式1, 様式4-1, …). */
export interface FormPart {
  readonly key: string;
  readonly title: FormText;
  readonly blocks: readonly FormBlock[];
}

export interface FormDocument {
  readonly programme: TProgrammeKind;
  readonly parts: readonly FormPart[];
}

export const text = (ja: string, en: string = ja): FormText => ({ ja, en });
export const same = (s: string): FormValue => ({ kind: 'text', text: { ja: s, en: s } });
export const bilingual = (ja: string, en: string): FormValue => ({ kind: 'text', text: { ja, en } });
export const yenValue = (amount: Yen): FormValue => ({ kind: 'yen', amount });
export const BLANK: FormValue = { kind: 'blank' };

const BLANK_TEXT: FormText = { ja: '（未記入）', en: '(not filled in)' };

/** A value as every renderer prints it: amounts with separators and 円 (¥ in English). */
export function formValueText(value: FormValue, locale: FormLocale): string {
  switch (value.kind) {
    case 'text':
      return value.text[locale];
    case 'yen':
      return formatYen(value.amount, locale);
    case 'blank':
      return BLANK_TEXT[locale];
  }
}

/** Both languages of an amount, for explanations written as sentences. */
export const yenText = (amount: Yen): FormText => ({ ja: formatYen(amount, 'ja'), en: formatYen(amount, 'en') });

/**
 * The documents the programme rules cite ("003 §2.4"), by title: a reader is pointed at the call
 * for proposals and its section, not at the platform's copy of it.
 */
const SOURCE_DOCUMENTS: Readonly<Record<string, FormText>> = {
  '000': text('各団体の取組目標・取組内容', 'Associations’ targets and actions'),
  '001': text('令和7年度 CO2原単位等の策定に係る支援 募集要領（第2版）', 'FY2025 support for developing CO2 emission factors, call for applications (2nd ed.)'),
  '002': text('今後の住宅・建築物の省エネルギー対策のあり方（第四次答申）参考資料', 'Energy-efficiency measures for housing and buildings (fourth report), reference material'),
  '003': text('令和7年度 CLT建築実証事業 募集要領', 'FY2025 CLT building demonstration project, call for proposals'),
};

/** "003 §2.3, §2.7" → 令和7年度 CLT建築実証事業 募集要領 §2.3, §2.7. */
export function citeSource(source: string): FormText {
  const match = /^(\d{3})\s*(.*)$/.exec(source.trim());
  const doc = match ? SOURCE_DOCUMENTS[match[1]!] : undefined;
  if (!match || !doc) return text(source);
  const section = match[2] ? ` ${match[2]}` : '';
  return { ja: `${doc.ja}${section}`, en: `${doc.en}${section}` };
}

/** Citations of one document read as one, its sections listed once: "… 募集要領 §2.3, §2.7". */
export function citeSources(sources: readonly string[]): FormText {
  const byDocument = new Map<string, string[]>();
  for (const source of sources) {
    const match = /^(\d{3})\s*(.*)$/.exec(source.trim());
    const doc = match?.[1] ?? source;
    const sections = byDocument.get(doc) ?? [];
    for (const section of (match?.[2] ?? '').split(/,\s*/).filter(Boolean)) if (!sections.includes(section)) sections.push(section);
    byDocument.set(doc, sections);
  }
  const cited = [...byDocument].map(([doc, sections]) => citeSource(/^\d{3}$/.test(doc) ? `${doc} ${sections.join(', ')}` : doc));
  return { ja: cited.map((c) => c.ja).join('／'), en: cited.map((c) => c.en).join('; ') };
}

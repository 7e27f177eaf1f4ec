import { yen, type Yen } from '../../money';
import { applicationForm, assessApplication, valueAtPath, type FormField } from '../application-form';
import { budgetRows, budgetTables, columnOptions, type BudgetRow, type BudgetTable } from '../budget-tables';
import { ENVIRONMENTAL_CHECKLIST } from '../shared/checklist';
import { RATE_DECISION_CHOICES } from '../shared/choices';
import type { GrantSummary } from '../shared/result';
import type { TProgrammeDefinition } from '../shared/definition';
import type { TApplicationContent } from './schema';

/**
 * What changed between two frozen versions of an application (a returned application resubmitted,
 * a change request applied): the fields, the budget lines, and the amounts as the programme's own
 * rules compute them on each version. The reviewer reads it in the form's words, so every change
 * carries the label the applicant saw and each value as shown on the form (option names, はい/いいえ),
 * never the stored codes.
 */

type Text = { readonly ja: string; readonly en: string };

export interface FieldChange {
  /** The content path, to key the change by; not for display. */
  readonly path: string;
  readonly section: Text;
  readonly label: Text;
  /** The value as shown on the form; null when it was not filled in. */
  readonly before: Text | null;
  readonly after: Text | null;
}

export interface CellChange {
  readonly label: Text;
  readonly before: Text | null;
  readonly after: Text | null;
}

export interface BudgetLineView {
  readonly id: string;
  readonly category: Text | null;
  readonly description: string | null;
  readonly amount: Yen | null;
}

export interface BudgetLineChange {
  readonly table: Text;
  /** The form the table belongs to (様式4-1, 様式4-2…). */
  readonly form: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly before: BudgetLineView | null;
  readonly after: BudgetLineView | null;
  /** For a changed line, each cell that differs (amount included). */
  readonly cells: readonly CellChange[];
}

export interface AmountChange {
  /** null when that version's budget could not be computed (incomplete or invalid input). */
  readonly before: Yen | null;
  readonly after: Yen | null;
}

export type ComparedAmount = 'requested' | 'eligibleCost' | 'base' | 'grant' | 'ownShare';

export interface VersionComparison {
  readonly fields: readonly FieldChange[];
  readonly lines: readonly BudgetLineChange[];
  /** The programme's grant computation run on each version; every figure, changed or not. */
  readonly amounts: Readonly<Record<ComparedAmount, AmountChange>>;
  readonly amountLabels: Readonly<Record<ComparedAmount, Text>>;
}

export const COMPARED_AMOUNT_LABELS: Readonly<Record<ComparedAmount, Text>> = {
  requested: { ja: '事業費（税込）', en: 'Project cost (tax incl.)' },
  eligibleCost: { ja: '助成対象経費（税込）', en: 'Eligible cost (tax incl.)' },
  base: { ja: '助成率をかける額', en: 'Base the rate applies to' },
  grant: { ja: '助成額', en: 'Grant' },
  ownShare: { ja: '自己負担額', en: 'Own share' },
};

const YES: Text = { ja: 'はい', en: 'Yes' };
const NO: Text = { ja: 'いいえ', en: 'No' };
const plain = (s: string): Text => ({ ja: s, en: s });
const numberText = (n: number): Text => ({ ja: n.toLocaleString('ja-JP', { maximumFractionDigits: 3 }), en: n.toLocaleString('en-US', { maximumFractionDigits: 3 }) });
const yenText = (n: number): Text => ({ ja: `${numberText(n).ja}円`, en: `¥${numberText(n).en}` });

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const sameValue = (a: unknown, b: unknown) => (isEmpty(a) && isEmpty(b)) || JSON.stringify(a) === JSON.stringify(b);

/** A value as the form shows it: an option's name, はい/いいえ, a number with separators. */
function shown(value: unknown, options?: readonly { value: string; label: Text }[], money = false): Text | null {
  if (isEmpty(value)) return null;
  if (typeof value === 'boolean') return value ? YES : NO;
  if (typeof value === 'number') return money ? yenText(value) : numberText(value);
  if (typeof value === 'string') return options?.find((o) => o.value === value)?.label ?? plain(value);
  return plain(JSON.stringify(value));
}

type Labelled = Pick<FormField, 'path' | 'label' | 'options'> & { readonly money?: boolean };

/**
 * Parts of the content that no wizard field writes but that a version can still change (the
 * special-rate finding, the works totals of 様式4-1, a mixed structure, the added parties): each
 * with its own label, so a change there is never silent.
 */
const EXTRA_FIELDS: Readonly<Record<TApplicationContent['programme'], readonly { section: Text; fields: readonly Labelled[] }[]>> = {
  clt_demonstration: [
    {
      section: { ja: '助成額の算定', en: 'Grant computation' },
      fields: [
        { path: 'grant.rate.committeeDecision', label: { ja: '特例の補助率に対する委員会の判断', en: 'Committee decision on the special rate' }, options: RATE_DECISION_CHOICES },
        { path: 'grant.works.totalExcludingOverheads', label: { ja: '工事費の合計（諸経費を除く）', en: 'Works total (excluding overheads)' }, money: true },
        { path: 'grant.works.overheadsTotal', label: { ja: '諸経費の合計', en: 'Overheads total' }, money: true },
        { path: 'grant.mixedStructure.separable', label: { ja: '混構造でCLT部分を切り分けられる', en: 'Mixed structure: the CLT part is separable' } },
        { path: 'grant.mixedStructure.cltFloorAreaM2', label: { ja: 'CLT部分の床面積（m²）', en: 'Floor area of the CLT part (m²)' } },
        { path: 'grant.mixedStructure.totalFloorAreaM2', label: { ja: '混構造の延べ床面積（m²）', en: 'Total floor area of the mixed structure (m²)' } },
      ],
    },
    {
      section: ENVIRONMENTAL_CHECKLIST.name,
      fields: [{ path: 'checklist.acknowledged', label: { ja: '「上記について、確認しました」', en: '"I have read the above"' } }],
    },
  ],
  co2_factor_support: [{ section: { ja: '事業概要', en: 'Project outline' }, fields: [{ path: 'grant.applicant.name', label: { ja: '申請者名（原単位の策定者）', en: 'Applicant (who develops the factors)' } }] }],
  lca_implementation: [],
  generic_cost_share: [],
};

const CHECKLIST_ANSWERS = [
  { value: 'will_do', label: { ja: '実施する', en: 'Will do' } },
  { value: 'not_applicable', label: { ja: '該当なし', en: 'Not applicable' } },
];

function fieldChanges(older: TApplicationContent, newer: TApplicationContent, def: TProgrammeDefinition): FieldChange[] {
  const kind = newer.programme;
  const groups: { section: Text; fields: readonly Labelled[] }[] = [
    ...applicationForm(kind, def).map((s) => ({ section: s.title, fields: s.fields })),
    ...EXTRA_FIELDS[kind],
    ...(kind === 'clt_demonstration'
      ? [
          {
            section: ENVIRONMENTAL_CHECKLIST.name,
            fields: ENVIRONMENTAL_CHECKLIST.items.map((i) => ({ path: `checklist.answers.${i.no}`, label: { ja: `${i.label} ${i.text.ja}`, en: `${i.label} ${i.text.en}` }, options: CHECKLIST_ANSWERS })),
          },
        ]
      : []),
  ];
  const changes: FieldChange[] = [];
  for (const { section, fields } of groups)
    for (const field of fields) {
      const [a, b] = [valueAtPath(older, field.path), valueAtPath(newer, field.path)];
      if (!sameValue(a, b)) changes.push({ path: field.path, section, label: field.label, before: shown(a, field.options, field.money), after: shown(b, field.options, field.money) });
    }
  const parties = (c: TApplicationContent) => (c.parties?.added ?? []).map((p) => `${p.name}（${p.role}）`).join('、');
  const [pa, pb] = [parties(older), parties(newer)];
  if (pa !== pb)
    changes.push({ path: 'parties.added', section: { ja: '実施体制', en: 'Parties' }, label: { ja: '追加された事業者', en: 'Companies added' }, before: pa ? plain(pa) : null, after: pb ? plain(pb) : null });
  return changes;
}

function lineView(table: BudgetTable, row: BudgetRow, content: TApplicationContent, key: string): BudgetLineView {
  const category = table.columns.find((c) => c.key === 'category');
  const amount = row.amount;
  return {
    id: key,
    category: category ? shown(row.category, columnOptions(category, content)) : null,
    description: typeof row.description === 'string' && row.description.trim() !== '' ? row.description : null,
    amount: table.hasAmount && typeof amount === 'number' && Number.isSafeInteger(amount) ? yen(amount) : null,
  };
}

function lineChanges(older: TApplicationContent, newer: TApplicationContent, def: TProgrammeDefinition): BudgetLineChange[] {
  const changes: BudgetLineChange[] = [];
  for (const table of budgetTables(def)) {
    const keyed = (c: TApplicationContent) => new Map(budgetRows(c, table).map((r, i) => [typeof r.id === 'string' && r.id !== '' ? r.id : `#${i + 1}`, r]));
    const [was, now] = [keyed(older), keyed(newer)];
    const base = { table: table.title, form: table.form };
    for (const [key, row] of was)
      if (!now.has(key)) changes.push({ ...base, change: 'removed', before: lineView(table, row, older, key), after: null, cells: [] });
    for (const [key, row] of now) {
      const before = was.get(key);
      if (!before) {
        changes.push({ ...base, change: 'added', before: null, after: lineView(table, row, newer, key), cells: [] });
        continue;
      }
      const cells: CellChange[] = [];
      for (const column of table.columns) {
        if (sameValue(before[column.key], row[column.key])) continue;
        const money = column.kind === 'yen';
        cells.push({ label: column.label, before: shown(before[column.key], columnOptions(column, older), money), after: shown(row[column.key], columnOptions(column, newer), money) });
      }
      if (cells.length) changes.push({ ...base, change: 'changed', before: lineView(table, before, older, key), after: lineView(table, row, newer, key), cells });
    }
  }
  return changes;
}

/** The grant as the programme's rules compute it on this version's content (null when they cannot). */
function grantOf(content: TApplicationContent, def: TProgrammeDefinition): GrantSummary | null {
  return assessApplication(content.programme, content, undefined, def).result?.grant ?? null;
}

/**
 * Compares an older and a newer version of one application's content. Both must be of the same
 * programme: versions of one application always are, so a mismatch is a caller's mistake. `def`
 * is the definition the application computes with (the version it is pinned to).
 */
export function compareSubmittedVersions(older: TApplicationContent, newer: TApplicationContent, def: TProgrammeDefinition): VersionComparison {
  if (older.programme !== newer.programme) throw new Error(`Versions of different programmes: ${older.programme} and ${newer.programme}`);
  const [a, b] = [grantOf(older, def), grantOf(newer, def)];
  const pick = (k: keyof GrantSummary & ('requested' | 'eligibleCost' | 'base' | 'amount' | 'ownShare')): AmountChange => ({ before: a ? a[k] : null, after: b ? b[k] : null });
  return {
    fields: fieldChanges(older, newer, def),
    lines: lineChanges(older, newer, def),
    amounts: { requested: pick('requested'), eligibleCost: pick('eligibleCost'), base: pick('base'), grant: pick('amount'), ownShare: pick('ownShare') },
    amountLabels: COMPARED_AMOUNT_LABELS,
  };
}

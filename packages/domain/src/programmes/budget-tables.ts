import { CONSTRUCTION_WORKS, DESIGN_COSTS } from './clt/tables';
import { FACTOR_KIND_NAMES, FACTOR_KINDS } from './co2/definition';
import { lineSectionImplied, valueAt } from './input';
import { MAX_LINE_YEN } from './shared/amounts';
import type { TProgrammeDefinition } from './shared/definition';
import { breakdownAmount } from './shared/result';

/**
 * Which budget tables a programme's form has, and their columns, as data: the portal's budget
 * editor, the Excel/CSV importer and its template, and the PDF of the application all read these
 * tables (CLT 様式4-1 by demonstration kind and 様式4-2 for the council; the CO2 quote by the
 * five categories, with the factors it is for). The engine decides the tables' shape; the
 * programme definition the application computes with decides their categories and names, so a
 * version the office publishes with another category list shows in the form that uses it.
 */

type Text = { readonly ja: string; readonly en: string };

export interface BudgetOption {
  readonly value: string;
  readonly label: Text;
}

export interface BudgetColumn {
  readonly key: string;
  readonly label: Text;
  /** `key` may be a dotted path into the row ("licence.start") for a column of a nested part. */
  readonly kind: 'select' | 'text' | 'yen' | 'quantity' | 'date' | 'years';
  /** Part of the line's 積算内訳 (様式4-1 注1), which the form prints in its 備考 column. */
  readonly breakdown?: boolean;
  /** Part of a licence's term (001 §4.2(2)(5)), which the form prints in one column with its apportionment. */
  readonly licence?: boolean;
  /** The column takes a value only on rows where another cell has one of these values. */
  readonly appliesWhen?: { readonly key: string; readonly values: readonly string[] };
  /** Fixed choices; for `optionsFrom` the choices are read from the content (the factors listed). */
  readonly options?: readonly BudgetOption[];
  readonly optionsFrom?: 'factors';
  readonly required: boolean;
  /** Characters for text; the largest amount for yen. */
  readonly max?: number;
  /** Width hint for the editor (px). */
  readonly width?: number;
  /** The value a new row starts with (the first section of the definition). */
  readonly initial?: string;
}

export interface BudgetTable {
  /** Also the table's name in the import template ("building", "council", "lines"…). */
  readonly code: string;
  readonly title: Text;
  /** The row list inside the content ("grant.building.lines"). */
  readonly rowsPath: string;
  /** Where a change is written: the wrapper object for CLT sections ({ lines }), the list itself otherwise. */
  readonly writePath: string;
  readonly wrapLines: boolean;
  /** Prefix of new row ids ("b" → b1, b2…). */
  readonly idPrefix: string;
  readonly columns: readonly BudgetColumn[];
  /** Tables of cost lines carry an amount; the CO2 factor list does not. */
  readonly hasAmount: boolean;
  readonly form: string;
}

const t = (ja: string, en: string): Text => ({ ja, en });

function categoryOptions(def: TProgrammeDefinition, codes: readonly string[]): BudgetOption[] {
  return codes.map((code) => ({ value: code, label: def.costCategories.find((c) => c.code === code)?.name ?? t(code, code) }));
}

const baseColumns = (def: TProgrammeDefinition, categories: readonly string[]): BudgetColumn[] => [
  { key: 'category', label: t('経費区分', 'Category'), kind: 'select', options: categoryOptions(def, categories), required: true, width: 180 },
  { key: 'description', label: t('内容', 'Description'), kind: 'text', required: true, max: 500 },
  { key: 'amount', label: t('金額（税込・円）', 'Amount (tax incl., yen)'), kind: 'yen', required: true, max: MAX_LINE_YEN, width: 160 },
];

/** 積算内訳 (様式4-1 注1: 備考欄には積算内訳(例:単価×員数)を必ず記載): unit price × quantity, or in words. */
const BREAKDOWN_COLUMNS: readonly BudgetColumn[] = [
  { key: 'unitPrice', label: t('単価（円）', 'Unit price (yen)'), kind: 'yen', required: false, max: MAX_LINE_YEN, width: 130, breakdown: true },
  { key: 'quantity', label: t('数量', 'Quantity'), kind: 'quantity', required: false, width: 90, breakdown: true },
  { key: 'unit', label: t('単位', 'Unit'), kind: 'text', required: false, max: 20, width: 80, breakdown: true },
  { key: 'remarks', label: t('備考（積算内訳）', 'Remarks (cost breakdown)'), kind: 'text', required: false, max: 1000, width: 220, breakdown: true },
];

/**
 * A database or tool licence (001 §4.2(2)(5)): a contract (start and end) or a purchase (start and
 * 耐用年数). The rules count the fee up to the results report by days, or in full for a year or
 * less (co2/licences.ts), so these are all the apportionment needs besides the report date.
 */
const LICENCE_CATEGORIES = { key: 'category', values: ['database', 'tool'] } as const;
const LICENCE_COLUMNS: readonly BudgetColumn[] = [
  {
    key: 'licence.acquisition',
    label: t('利用の形態（契約・購入）', 'Licence (contract or purchase)'),
    kind: 'select',
    options: [
      { value: 'subscription', label: t('利用契約', 'Contract') },
      { value: 'purchase', label: t('購入', 'Purchase') },
    ],
    required: false,
    width: 150,
    licence: true,
    appliesWhen: LICENCE_CATEGORIES,
  },
  { key: 'licence.start', label: t('契約（購入）の開始日', 'Start of the contract (purchase)'), kind: 'date', required: false, width: 150, licence: true, appliesWhen: LICENCE_CATEGORIES },
  { key: 'licence.end', label: t('契約の終了日（利用契約）', 'End of the contract'), kind: 'date', required: false, width: 150, licence: true, appliesWhen: LICENCE_CATEGORIES },
  { key: 'licence.usefulLifeYears', label: t('耐用年数（年・購入）', 'Useful life (years, purchase)'), kind: 'years', required: false, max: 50, width: 110, licence: true, appliesWhen: LICENCE_CATEGORIES },
];

const explanation: BudgetColumn = { key: 'explanation', label: t('△の説明', 'Explanation for △'), kind: 'text', required: false, max: 1000 };

/** The CLT form's tables and the definition's section each one's lines belong to. */
const CLT_SECTIONS = [
  { code: 'building', section: 'building_demo', title: t('建築物の建築実証', 'Building demonstration'), form: '様式4-1' },
  { code: 'design', section: 'design_demo', title: t('建築物の設計実証', 'Design demonstration'), form: '様式4-1' },
  { code: 'performance', section: 'performance_demo', title: t('部材の性能実証等', 'Component performance'), form: '様式4-1' },
  { code: 'council', section: 'council', title: t('協議会運営費', 'Council costs'), form: '様式4-2' },
] as const;

/** The categories a section's lines may use, as the definition lists them (all of them if it has no such section). */
const sectionCategories = (def: TProgrammeDefinition, section?: string): readonly string[] =>
  def.sections.find((s) => s.code === section)?.categories ?? def.costCategories.map((c) => c.code);

function cltTables(def: TProgrammeDefinition): BudgetTable[] {
  return CLT_SECTIONS.map((s) => {
    const columns = baseColumns(def, sectionCategories(def, s.section));
    if (s.code === 'building')
      columns.push({ key: 'workType', label: t('工事種目（表1）', 'Work type (表1)'), kind: 'select', options: CONSTRUCTION_WORKS.map((w) => ({ value: w.code, label: w.name })), required: false, width: 200 });
    if (s.code === 'design')
      columns.push({ key: 'designItem', label: t('設計費等の項目（表2）', 'Design item (表2)'), kind: 'select', options: DESIGN_COSTS.map((d) => ({ value: d.code, label: d.name })), required: false, width: 200 });
    columns.push(...BREAKDOWN_COLUMNS);
    if (s.code !== 'council') columns.push(explanation);
    return {
      code: s.code,
      title: s.title,
      rowsPath: `grant.${s.code}.lines`,
      writePath: `grant.${s.code}`,
      wrapLines: true,
      idPrefix: s.code[0]!,
      columns,
      hasAmount: true,
      form: s.form,
    };
  });
}

const CO2_FACTORS: BudgetTable = {
  code: 'factors',
  title: t('策定する原単位', 'Factors to develop'),
  rowsPath: 'grant.factors',
  writePath: 'grant.factors',
  wrapLines: false,
  idPrefix: 'F',
  columns: [
    {
      key: 'kind',
      label: t('原単位の種類', 'Kind of factor'),
      kind: 'select',
      options: FACTOR_KINDS.map((k) => ({ value: k, label: t(`(${FACTOR_KIND_NAMES[k].no}) ${FACTOR_KIND_NAMES[k].ja}`, `(${FACTOR_KIND_NAMES[k].no}) ${FACTOR_KIND_NAMES[k].en}`) })),
      required: true,
      width: 260,
    },
    { key: 'product', label: t('製品名', 'Product'), kind: 'text', required: true, max: 200 },
    { key: 'productCategory', label: t('製品区分', 'Product category'), kind: 'text', required: true, max: 200 },
  ],
  hasAmount: false,
  form: '001 §3.2(2)① 製品概要',
};

/** The definition's section each line counts under (its rate and caps); categories outside it are refused by the rules. */
const sectionColumn = (def: TProgrammeDefinition): BudgetColumn => ({
  key: 'section',
  label: t('補助対象の区分', 'Section'),
  kind: 'select',
  options: def.sections.map((s) => ({ value: s.code, label: s.name })),
  required: true,
  width: 180,
  ...(def.sections[0] ? { initial: def.sections[0].code } : {}),
});

/** Each category once, in the order the sections list them. */
const sectionsCategories = (def: TProgrammeDefinition): string[] => [...new Set(def.sections.flatMap((s) => s.categories))];

const linesTable = (def: TProgrammeDefinition, categories: readonly string[], withFactor: boolean, form: string): BudgetTable => ({
  code: 'lines',
  title: t('経費', 'Costs'),
  rowsPath: 'grant.lines',
  writePath: 'grant.lines',
  wrapLines: false,
  idPrefix: 'l',
  columns: [
    ...(def.engine === 'generic' && !lineSectionImplied(def) ? [sectionColumn(def)] : []),
    ...baseColumns(def, categories),
    ...BREAKDOWN_COLUMNS,
    ...(withFactor ? [{ key: 'factorId', label: t('対象の原単位', 'Factor'), kind: 'select' as const, optionsFrom: 'factors' as const, required: false }] : []),
    ...(def.engine === 'co2_factor' ? LICENCE_COLUMNS : []),
  ],
  hasAmount: true,
  form,
});

const built = new WeakMap<TProgrammeDefinition, readonly BudgetTable[]>();

/** The budget tables of a definition's form (computed once per definition: screens ask on every render). */
export function budgetTables(def: TProgrammeDefinition): readonly BudgetTable[] {
  const known = built.get(def);
  if (known) return known;
  const tables = tablesOf(def);
  built.set(def, tables);
  return tables;
}

function tablesOf(def: TProgrammeDefinition): readonly BudgetTable[] {
  switch (def.engine) {
    case 'clt':
      return cltTables(def);
    case 'co2_factor':
      return [CO2_FACTORS, linesTable(def, sectionCategories(def, def.sections[0]?.code), true, '001 §3.2(2)④ 見積（5区分）')];
    case 'generic':
      return [linesTable(def, lineSectionImplied(def) ? def.costCategories.map((c) => c.code) : sectionsCategories(def), false, 'SPEC §4')];
  }
}

export type BudgetRow = Record<string, unknown>;

/** The rows of one table in the content (an empty list when there are none). */
export function budgetRows(content: unknown, table: BudgetTable): BudgetRow[] {
  const rows = valueAt(content, table.rowsPath.split('.'));
  return Array.isArray(rows) ? (rows as BudgetRow[]) : [];
}

/** The choices of a column, with those read from the content (the CO2 factors listed). */
export function columnOptions(column: BudgetColumn, content: unknown): readonly BudgetOption[] {
  if (column.optionsFrom === 'factors')
    return budgetRows(content, CO2_FACTORS).map((f) => {
      const label = `${String(f.id)} ${typeof f.product === 'string' ? f.product : ''}`.trim();
      return { value: String(f.id), label: { ja: label, en: label } };
    });
  return column.options ?? [];
}

/** The value written at `writePath` for these rows (CLT sections wrap them as { lines }; none removes the section). */
export function budgetWriteValue(table: BudgetTable, rows: BudgetRow[]): unknown {
  if (table.wrapLines) return rows.length ? { lines: rows } : undefined;
  return table.hasAmount ? rows : rows.map(({ amount: _amount, ...r }) => r);
}

/** A new row: its id, and the cells that start with a value (a zero amount, the first section). */
export function newBudgetRow(table: BudgetTable, rows: readonly BudgetRow[]): BudgetRow {
  const initial = Object.fromEntries(table.columns.flatMap((c) => (c.initial !== undefined ? [[c.key, c.initial]] : [])));
  return { id: nextRowId(table, rows), ...initial, amount: 0 };
}

/** A row id not used yet in the list ("b3"). */
export function nextRowId(table: BudgetTable, rows: readonly BudgetRow[]): string {
  const used = new Set(rows.map((r) => r.id));
  let n = rows.length + 1;
  while (used.has(`${table.idPrefix}${n}`)) n += 1;
  return `${table.idPrefix}${n}`;
}

/** A cell of a row: `row[key]`, or inside a nested part for a dotted key ("licence.start"). */
export function budgetCell(row: BudgetRow, key: string): unknown {
  return valueAt(row, key.split('.'));
}

/** Whether a column takes a value on this row (licence columns only on database and tool lines). */
export const columnApplies = (column: BudgetColumn, row: BudgetRow): boolean =>
  !column.appliesWhen || column.appliesWhen.values.includes(String(budgetCell(row, column.appliesWhen.key)));

/** The row with one cell set (undefined removes it, and a nested part left empty goes too). */
export function withBudgetCell(row: BudgetRow, key: string, value: unknown): BudgetRow {
  const [head, ...rest] = key.split('.');
  if (head === undefined) return row;
  const inner = row[head];
  const next = rest.length === 0 ? value : withBudgetCell(typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? (inner as BudgetRow) : {}, rest.join('.'), value);
  const empty = next === undefined || (typeof next === 'object' && next !== null && !Array.isArray(next) && Object.keys(next).length === 0);
  return Object.fromEntries(Object.entries({ ...row, [head]: empty ? undefined : next }).filter(([, v]) => v !== undefined));
}

/**
 * A row after one cell changed (cells that stop applying are removed). The amount is the unit price × quantity once both are given (the
 * forms' yellow cell, rounded down as breakdownAmount), so the breakdown and the amount cannot
 * disagree by a slip; an amount typed without a breakdown is the applicant's.
 */
export function budgetRowWith(table: BudgetTable, row: BudgetRow, key: string, value: unknown): BudgetRow {
  let next = withBudgetCell(row, key, value);
  // A cell that no longer applies (a licence term on a line changed to personnel) is dropped, not kept out of sight.
  for (const c of table.columns) if (!columnApplies(c, next) && budgetCell(next, c.key) !== undefined) next = withBudgetCell(next, c.key, undefined);
  const { unitPrice, quantity } = next;
  if ((key === 'unitPrice' || key === 'quantity') && typeof unitPrice === 'number' && typeof quantity === 'number' && table.hasAmount)
    next.amount = breakdownAmount(unitPrice, quantity);
  return next;
}

/**
 * A row's name as the screen shows it: the table's title and the row's number there, in each
 * language's own way (「建築物の建築実証（2行目）」, "Building demonstration #2").
 */
export function budgetRowLabel(title: Text, index: number): Text {
  return { ja: `${title.ja}（${index + 1}行目）`, en: `${title.en} #${index + 1}` };
}

/** Each row's label by its id, so messages about a line name the row the applicant sees, not its id. */
export function budgetRowLabels(def: TProgrammeDefinition, content: unknown): ReadonlyMap<string, Text> {
  const labels = new Map<string, Text>();
  for (const table of budgetTables(def))
    budgetRows(content, table).forEach((row, index) => {
      if (typeof row.id === 'string') labels.set(row.id, budgetRowLabel(table.title, index));
    });
  return labels;
}

/** Message parameters with a line id replaced by the row's label on screen. */
export function withRowLabels<P extends Record<string, unknown>>(params: P, labels: ReadonlyMap<string, Text>, lang: 'ja' | 'en'): P {
  const line = params.line;
  const label = typeof line === 'string' ? labels.get(line) : undefined;
  return label ? { ...params, line: label[lang] } : params;
}

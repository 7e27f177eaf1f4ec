import { formatJst, formatYen, type TProgrammeKind, type Yen } from '@tsumiki/domain';
import {
  APPLICATION_FORMS,
  BUDGET_TABLES,
  budgetRows,
  columnOptions,
  formatEraDate,
  valueAtPath,
  ZIsoDate,
  type BudgetTable,
  type FormField,
  type FormSection,
  type TApplicationContent,
  type TGrantResult,
} from '@tsumiki/domain/programmes';
import type { PdfBlock, PdfDocumentModel } from '@tsumiki/pdf';

/**
 * The application as a PDF that reads like the official forms (CLT 様式1–3, 4-1, 4-2 and the
 * pledge; the CO2 outline and the quote by the five categories): a pure function from the content
 * and the grant computation to the document model, so what it says is tested without a PDF.
 */

export interface ApplicationPdfInput {
  kind: TProgrammeKind;
  programmeName: string;
  organisationName: string;
  title: string;
  content: TApplicationContent;
  /** The grant computation (null when the budget is not valid yet: tables are printed, figures not). */
  result: TGrantResult | null;
  trackingNumber: string | null;
  /** When it was submitted (the frozen version), or null for a draft. */
  submittedAt: Date | null;
  versionNo: number | null;
}

const yenText = (n: number) => formatYen(n as Yen);
const BLANK = '（未記入）';
/** A stored value as text (content is JSON: strings and numbers print as they are). */
const plain = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? plain(v) : JSON.stringify(v));

/** A field's value as the form would print it: yes/no, the option's label, dates with the era. */
export function fieldText(field: FormField, value: unknown): string {
  if (value === undefined || value === null || value === '') return BLANK;
  switch (field.kind) {
    case 'boolean':
      return value === true ? 'はい' : value === false ? 'いいえ' : BLANK;
    case 'select':
      return field.options?.find((o) => o.value === value)?.label.ja ?? plain(value);
    case 'date': {
      const iso = ZIsoDate.safeParse(value);
      return iso.success ? `${formatEraDate(iso.data)}（${iso.data}）` : plain(value);
    }
    case 'number':
    case 'integer':
      return typeof value === 'number' ? new Intl.NumberFormat('ja-JP').format(value) : plain(value);
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

const sectionFields = (section: FormSection, content: TApplicationContent): PdfBlock => ({
  kind: 'fields',
  rows: section.fields.map((f) => ({ label: f.label.ja, value: fieldText(f, valueAtPath(content, f.path)) })),
});

/** One budget table as printed: its columns, one row per line, the total of the amounts. */
export function budgetTableBlock(table: BudgetTable, content: TApplicationContent): PdfBlock {
  const rows = budgetRows(content, table);
  const columns = table.columns.map((c) => ({
    header: c.label.ja,
    align: c.kind === 'yen' ? ('right' as const) : ('left' as const),
    width: c.kind === 'text' ? 2 : 1,
  }));
  const cell = (row: Record<string, unknown>, key: string) => {
    const column = table.columns.find((c) => c.key === key)!;
    const v = row[key];
    if (v === undefined || v === null || v === '') return '';
    if (column.kind === 'yen') return typeof v === 'number' ? yenText(v) : plain(v);
    if (column.kind === 'select') return columnOptions(column, content).find((o) => o.value === v)?.label.ja ?? plain(v);
    return plain(v);
  };
  const block: PdfBlock = { kind: 'table', columns, rows: rows.map((r) => table.columns.map((c) => cell(r, c.key))) };
  if (!table.hasAmount) return block;
  const total = rows.reduce((sum, r) => sum + (typeof r.amount === 'number' ? r.amount : 0), 0);
  return { ...block, footer: table.columns.map((c, i) => (c.key === 'amount' ? yenText(total) : i === 0 ? '合計' : '')) };
}

/** 申請する事業費・助成額・自己負担額, as the forms' summary rows (tax-inclusive). */
const summary = (total: number, grant: number, ownShare: number): PdfBlock => ({
  kind: 'fields',
  rows: [
    { label: '申請する事業費（税込）', value: yenText(total) },
    { label: '助成額（申請額）', value: yenText(grant) },
    { label: '自己負担額', value: yenText(ownShare) },
  ],
});

function cltBlocks(input: ApplicationPdfInput): PdfBlock[] {
  const form = (code: string) => APPLICATION_FORMS.clt_demonstration.find((s) => s.code === code)!;
  const tables = BUDGET_TABLES.clt_demonstration;
  const breakdown = input.result?.breakdown.engine === 'clt' ? input.result.breakdown : null;
  const blocks: PdfBlock[] = [
    { kind: 'heading', text: '様式1 提案申請書' },
    { kind: 'paragraph', text: `CLT活用建築物等実証事業に係る提案について、下記のとおり申請します。` },
    sectionFields(form('applicant'), input.content),
    { kind: 'fields', rows: [{ label: '事業名', value: input.title }] },
    { kind: 'pageBreak' },
    { kind: 'heading', text: '様式2 建築物の概要' },
    sectionFields(form('building'), input.content),
    { kind: 'pageBreak' },
    { kind: 'heading', text: '様式3 実証内容及び実証計画' },
    sectionFields(form('plan'), input.content),
    { kind: 'heading', text: '加点・特例の該当', level: 2 },
    sectionFields(form('bonus'), input.content),
    { kind: 'heading', text: '協議会運営者', level: 2 },
    sectionFields(form('councilOperator'), input.content),
    { kind: 'pageBreak' },
    { kind: 'heading', text: '様式4-1 事業予算書（実証事業用）' },
  ];
  for (const table of tables.filter((t) => t.form === '様式4-1')) {
    const section = breakdown?.form4_1.sections.find((s) => s.section === `${table.code}_demo`);
    blocks.push({ kind: 'heading', text: table.title.ja, level: 2 }, budgetTableBlock(table, input.content));
    if (section) blocks.push({ kind: 'paragraph', text: `小計 ${yenText(section.total)}\u3000うち助成額 ${yenText(section.grant)}`, small: true });
  }
  if (breakdown) blocks.push(summary(breakdown.form4_1.total, breakdown.form4_1.grant, breakdown.form4_1.ownShare));
  blocks.push({ kind: 'pageBreak' }, { kind: 'heading', text: '様式4-2 事業予算書（協議会運営用）' });
  for (const table of tables.filter((t) => t.form === '様式4-2')) blocks.push(budgetTableBlock(table, input.content));
  if (breakdown) blocks.push(summary(breakdown.form4_2.total, breakdown.form4_2.grant, breakdown.form4_2.ownShare));
  if (input.result)
    blocks.push(
      { kind: 'heading', text: '合計', level: 2 },
      summary(input.result.grant.requested, input.result.grant.amount, input.result.grant.ownShare),
      {
        kind: 'paragraph',
        small: true,
        text: `補助率 ${breakdown?.rate.applied === 'special' ? '1/2（特例）' : '3/10'}。金額は消費税込み。助成額は補助対象経費に補助率を乗じ、円未満を切り捨てた額（003 §2.4, §2.7）。`,
      },
    );
  blocks.push({ kind: 'heading', text: '誓約', level: 2 }, sectionFields(APPLICATION_FORMS.clt_demonstration.find((s) => s.code === 'pledge')!, input.content));
  return blocks;
}

function co2Blocks(input: ApplicationPdfInput): PdfBlock[] {
  const forms = APPLICATION_FORMS.co2_factor_support;
  const [factorsTable, linesTable] = BUDGET_TABLES.co2_factor_support as [BudgetTable, BudgetTable];
  const breakdown = input.result?.breakdown.engine === 'co2_factor' ? input.result.breakdown : null;
  const blocks: PdfBlock[] = [
    { kind: 'heading', text: '申請者' },
    sectionFields(forms.find((s) => s.code === 'applicant')!, input.content),
    { kind: 'heading', text: '① 製品概要・② 実施体制・③ スケジュール' },
    sectionFields(forms.find((s) => s.code === 'outline')!, input.content),
    { kind: 'heading', text: '策定する原単位', level: 2 },
    budgetTableBlock(factorsTable, input.content),
    { kind: 'pageBreak' },
    { kind: 'heading', text: '④ 申請額の見積（5区分）' },
    budgetTableBlock(linesTable, input.content),
  ];
  const categories = linesTable.columns.find((c) => c.key === 'category')!;
  const byCategory = columnOptions(categories, input.content).map((o) => {
    const total = budgetRows(input.content, linesTable)
      .filter((r) => r.category === o.value)
      .reduce((sum, r) => sum + (typeof r.amount === 'number' ? r.amount : 0), 0);
    return [o.label.ja, yenText(total)];
  });
  blocks.push({ kind: 'heading', text: '区分別の内訳', level: 2 }, {
    kind: 'table',
    columns: [{ header: '経費区分', width: 3 }, { header: '金額（税込）', align: 'right' }],
    rows: byCategory,
    footer: ['合計', yenText(budgetRows(input.content, linesTable).reduce((s, r) => s + (typeof r.amount === 'number' ? r.amount : 0), 0))],
  });
  if (breakdown)
    blocks.push(
      { kind: 'heading', text: '原単位ごとの支援額', level: 2 },
      {
        kind: 'table',
        columns: [{ header: '原単位' }, { header: '製品', width: 2 }, { header: '対象経費', align: 'right' }, { header: '支援額', align: 'right' }],
        rows: breakdown.factors.map((f) => [`${f.id}（${f.kindNo}）`, f.product, yenText(f.claimed), yenText(f.grant)]),
      },
    );
  if (input.result)
    blocks.push(summary(input.result.grant.requested, input.result.grant.amount, input.result.grant.ownShare), {
      kind: 'paragraph',
      small: true,
      text: '限度額: 原単位1件あたり4,000,000円、1申請者あたり10,000,000円（税込、001 §2.5）。複数の原単位に共通する経費は1回のみ計上。',
    });
  blocks.push({ kind: 'heading', text: '誓約', level: 2 }, sectionFields(forms.find((s) => s.code === 'pledge')!, input.content));
  return blocks;
}

function genericBlocks(input: ApplicationPdfInput): PdfBlock[] {
  const blocks: PdfBlock[] = APPLICATION_FORMS[input.kind].flatMap((s) => [{ kind: 'heading', text: s.title.ja, level: 2 }, sectionFields(s, input.content)]);
  for (const table of BUDGET_TABLES[input.kind]) blocks.push({ kind: 'heading', text: table.title.ja, level: 2 }, budgetTableBlock(table, input.content));
  if (input.result) blocks.push(summary(input.result.grant.requested, input.result.grant.amount, input.result.grant.ownShare));
  return blocks;
}

export function applicationPdfModel(input: ApplicationPdfInput): PdfDocumentModel {
  const status = input.submittedAt
    ? `受付番号 ${input.trackingNumber ?? ''}\u3000第${input.versionNo ?? 1}版\u3000提出 ${formatJst(input.submittedAt)}`
    : '下書き（未提出）';
  const blocks = input.kind === 'clt_demonstration' ? cltBlocks(input) : input.kind === 'co2_factor_support' ? co2Blocks(input) : genericBlocks(input);
  return {
    title: input.title,
    formLabel: input.kind === 'clt_demonstration' ? '様式第1〜4-2' : '申請書',
    subtitle: `${input.programmeName}\u3000${input.organisationName}\u3000${status}`,
    author: input.organisationName,
    footer: `${input.trackingNumber ?? '下書き'}\u3000${input.title}`,
    blocks,
  };
}

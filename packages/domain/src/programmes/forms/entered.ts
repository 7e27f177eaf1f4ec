import { formatYen, yen } from '../../money';
import type { TProgrammeKind } from '../../programme';
import { applicationForm, valueAtPath, type FormField, type FormSection } from '../application-form';
import { budgetCell, budgetRows, columnOptions, type BudgetRow, type BudgetTable } from '../budget-tables';
import type { TApplicationContent } from '../content/schema';
import type { TProgrammeDefinition } from '../shared/definition';
import { ENVIRONMENTAL_CHECKLIST } from '../shared/checklist';
import { formatEraDate, ZIsoDate } from '../shared/dates';
import type { LicenceJudgement } from '../co2/licences';
import type { LineResult } from '../shared/result';

/** A judged line; CO2 licence lines carry how their term was counted. */
type JudgedLine = LineResult & { readonly licence?: LicenceJudgement };
import { BLANK, bilingual, same, text, yenValue, type FormBlock, type FormColumn, type FormRow, type FormText, type FormValue } from './model';

/** What the applicant entered, as the forms print it: fields by the application form, budgets by their tables. */

const YES_NO = { yes: text('はい', 'Yes'), no: text('いいえ', 'No') };
const numberText = (n: number) => ({ ja: new Intl.NumberFormat('ja-JP').format(n), en: new Intl.NumberFormat('en-US').format(n) });

/** A field's value as the form prints it: yes/no, the option's label, a date with its era. */
export function fieldValue(field: FormField, value: unknown): FormValue {
  if (value === undefined || value === null || value === '') return BLANK;
  switch (field.kind) {
    case 'boolean':
      return typeof value === 'boolean' ? { kind: 'text', text: value ? YES_NO.yes : YES_NO.no } : BLANK;
    case 'select': {
      const option = field.options?.find((o) => o.value === value);
      return option ? { kind: 'text', text: option.label } : typeof value === 'string' ? same(value) : BLANK;
    }
    case 'date': {
      const iso = ZIsoDate.safeParse(value);
      return iso.success ? bilingual(`${formatEraDate(iso.data)}（${iso.data}）`, iso.data) : BLANK;
    }
    case 'number':
    case 'integer':
      return typeof value === 'number' ? { kind: 'text', text: numberText(value) } : BLANK;
    default:
      return typeof value === 'string' ? same(value) : BLANK;
  }
}

export const sectionOf = (kind: TProgrammeKind, def: TProgrammeDefinition, code: string): FormSection => {
  const section = applicationForm(kind, def).find((s) => s.code === code);
  if (!section) throw new Error(`No section ${code} in the ${kind} application form`);
  return section;
};

/** One section of the application form as label | value rows. */
export function sectionFields(kind: TProgrammeKind, def: TProgrammeDefinition, code: string, content: TApplicationContent, title?: FormText): FormBlock {
  const section = sectionOf(kind, def, code);
  const rows: FormRow[] = section.fields.map((f) => ({ key: f.path, label: f.label, value: fieldValue(f, valueAtPath(content, f.path)) }));
  return title ? { kind: 'fields', title, rows } : { kind: 'fields', rows };
}

const MARK_TEXT: Readonly<Record<LineResult['status'], FormText>> = {
  counted: text('対象', 'Counted'),
  partly_counted: text('一部対象', 'Partly counted'),
  excluded: text('対象外', 'Not counted'),
  pending: text('確認待ち', 'Pending'),
};

const BREAKDOWN_LABEL = text('備考（積算内訳）', 'Remarks (cost breakdown)');

/** A line's 積算内訳 as 様式4-1 prints it in 備考: 「110,000円×10本」, then what was written in words. */
export function breakdownValue(row: BudgetRow): FormValue {
  const parts: FormText[] = [];
  const { unitPrice, quantity } = row;
  if (typeof unitPrice === 'number' && typeof quantity === 'number') {
    const unit = typeof row.unit === 'string' ? row.unit : '';
    const n = numberText(quantity);
    parts.push({ ja: `${formatYen(yen(unitPrice), 'ja')}×${n.ja}${unit}`, en: `${formatYen(yen(unitPrice), 'en')} × ${n.en}${unit ? ` ${unit}` : ''}` });
  }
  if (typeof row.remarks === 'string' && row.remarks !== '') parts.push(text(row.remarks));
  if (parts.length === 0) return BLANK;
  return { kind: 'text', text: { ja: parts.map((p) => p.ja).join('　'), en: parts.map((p) => p.en).join('; ') } };
}

const LICENCE_LABEL = text('利用期間（按分）', 'Licence term (apportionment)');

/**
 * A licence's term as one cell (001 §4.2(2)(5)): contract dates or purchase and useful life, then
 * how the rules counted it — in full for a year or less, else by days up to the results report.
 */
export function licenceValue(row: BudgetRow, line?: JudgedLine): FormValue {
  const start = budgetCell(row, 'licence.start');
  const acquisition = budgetCell(row, 'licence.acquisition');
  if (typeof start !== 'string' || (acquisition !== 'subscription' && acquisition !== 'purchase')) return BLANK;
  const end = budgetCell(row, 'licence.end');
  const years = budgetCell(row, 'licence.usefulLifeYears');
  const term: FormText =
    acquisition === 'subscription'
      ? { ja: `利用契約 ${start}〜${typeof end === 'string' ? end : ''}`, en: `Contract ${start} to ${typeof end === 'string' ? end : ''}` }
      : { ja: `購入 ${start} 耐用年数${typeof years === 'number' ? years : '—'}年`, en: `Purchase ${start}, useful life ${typeof years === 'number' ? years : '—'} years` };
  const judged = line?.licence;
  if (!judged) return { kind: 'text', text: term };
  const how: FormText = judged.full
    ? text('1年以下のため全額', 'a year or less: in full')
    : { ja: `成果報告まで ${judged.usedDays}日／${judged.termDays}日で按分`, en: `apportioned ${judged.usedDays} / ${judged.termDays} days to the report` };
  return { kind: 'text', text: { ja: `${term.ja}（${how.ja}）`, en: `${term.en} (${how.en})` } };
}

/**
 * One budget table as entered, one row per line, with the total of its amounts; the 積算内訳
 * cells are printed together in one 備考 column after the amount, as on the form. With the grant
 * computation, each line also shows what counts toward the grant and the table's judgement (○/△/×).
 */
export function budgetTable(table: BudgetTable, content: TApplicationContent, lines?: readonly JudgedLine[]): FormBlock {
  const rows = budgetRows(content, table);
  const judged = lines ? new Map(lines.map((l) => [l.id, l])) : null;
  const entered = table.columns.filter((c) => !c.breakdown && !c.licence);
  const withBreakdown = table.columns.some((c) => c.breakdown);
  const withLicence = table.columns.some((c) => c.licence);
  const amountAt = entered.findIndex((c) => c.key === 'amount');
  const shown = <T>(values: T[], breakdown: T, licence: T): T[] => [
    ...(withBreakdown ? [...values.slice(0, amountAt + 1), breakdown, ...values.slice(amountAt + 1)] : values),
    ...(withLicence ? [licence] : []),
  ];
  const columns: FormColumn[] = shown(
    entered.map((c): FormColumn => ({ label: c.label, align: c.kind === 'yen' ? 'right' : 'left' })),
    { label: BREAKDOWN_LABEL, align: 'left' },
    { label: LICENCE_LABEL, align: 'left' },
  );
  if (judged && table.hasAmount) columns.push({ label: text('補助対象（税込）', 'Counted (tax incl.)'), align: 'right' }, { label: text('判定', 'Judgement'), align: 'left' });
  const cell = (row: BudgetRow, key: string): FormValue => {
    const column = table.columns.find((c) => c.key === key)!;
    const v = budgetCell(row, key);
    if (v === undefined || v === null || v === '') return BLANK;
    if (column.kind === 'yen') return typeof v === 'number' ? yenValue(yen(v)) : BLANK;
    if (column.kind === 'select') {
      const option = columnOptions(column, content).find((o) => o.value === v);
      return option ? { kind: 'text', text: option.label } : typeof v === 'string' ? same(v) : BLANK;
    }
    return typeof v === 'string' ? same(v) : BLANK;
  };
  const judgement = (row: BudgetRow): FormValue[] => {
    const line = typeof row.id === 'string' ? judged?.get(row.id) : undefined;
    if (!line) return [BLANK, BLANK];
    const status = MARK_TEXT[line.status];
    return [yenValue(line.counted), { kind: 'text', text: line.mark ? { ja: `${line.mark} ${status.ja}`, en: `${line.mark} ${status.en}` } : status }];
  };
  const lineOf = (r: BudgetRow) => (typeof r.id === 'string' ? judged?.get(r.id) : undefined);
  const body = rows.map((r) => [...shown(entered.map((c) => cell(r, c.key)), breakdownValue(r), licenceValue(r, lineOf(r))), ...(judged && table.hasAmount ? judgement(r) : [])]);
  const block = { kind: 'table' as const, key: table.code, title: table.title, columns, rows: body };
  if (!table.hasAmount) return block;
  const total = yen(rows.reduce((sum, r) => sum + (typeof r.amount === 'number' ? r.amount : 0), 0));
  const footer: FormValue[] = shown(entered.map((c, i) => (c.key === 'amount' ? yenValue(total) : i === 0 ? bilingual('合計', 'Total') : BLANK)), BLANK, BLANK);
  if (judged) footer.push(yenValue(yen(rows.reduce((sum, r) => sum + (typeof r.id === 'string' ? (judged.get(r.id)?.counted ?? 0) : 0), 0))), BLANK);
  return { ...block, footer };
}

const ANSWER_TEXT = { will_do: text('取り組む', 'Will do'), not_applicable: text('該当しない', 'Not applicable') } as const;

/** 添付様式6: each item of the environmental checklist with the applicant's answer. */
export function checklistTable(content: TApplicationContent): FormBlock {
  const answers = content.programme === 'clt_demonstration' ? (content.checklist?.answers ?? {}) : {};
  return {
    kind: 'table',
    key: 'checklist',
    title: ENVIRONMENTAL_CHECKLIST.name,
    columns: [
      { label: text('項目', 'Item'), align: 'left' },
      { label: text('回答', 'Answer'), align: 'left' },
    ],
    rows: ENVIRONMENTAL_CHECKLIST.items.map((i) => {
      const answer = answers[String(i.no)];
      return [{ kind: 'text', text: { ja: `${i.label} ${i.text.ja}`, en: `${i.label} ${i.text.en}` } }, answer ? { kind: 'text', text: ANSWER_TEXT[answer] } : BLANK];
    }),
  };
}

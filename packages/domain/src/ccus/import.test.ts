import { describe, expect, it } from 'vitest';
import { checkImport } from './import';

const members = new Set(['東京設備株式会社', '大阪工業株式会社']);

describe('checking an import file', () => {
  it('accepts Japanese headings, full-width digits, separators and 2026年1月-style months', () => {
    const result = checkImport(
      [
        { 指標コード: 'work_history_records', 年月: '2026年1月', 会員企業: '', 実績: '１，２３４', 分母: '', 事業費: '' },
        { 指標コード: 'business_registration_rate', 年月: '2025/9', 会員企業: '東京設備株式会社', 実績: '45', 分母: '50', 事業費: '1,000,000' },
      ],
      { members },
    );
    expect(result.ok).toBe(true);
    expect(result.rows.map((r) => [r.line, r.month, r.member, r.numerator, r.denominator, r.weightYen])).toEqual([
      [2, '2026-01', null, 1234, null, null],
      [3, '2025-09', '東京設備株式会社', 45, 50, 1_000_000],
    ]);
  });

  it('says what is wrong with each row, by line and field', () => {
    const result = checkImport(
      [
        { metric: 'work_history_records', month: '2026-01', member: '', value: '100', denominator: '' },
        { metric: 'business_registration_rate', month: '2025-13', member: '名古屋建設', value: '60%', denominator: '' },
        { metric: 'touch_rate', month: '2025-09', member: '大阪工業株式会社', value: '11', denominator: '10' },
        { metric: 'work_history_records', month: '2026-01', member: '', value: '5', denominator: '3' },
        { metric: 'no_such_metric', month: '2026-01', member: '', value: '', denominator: '' },
      ],
      { members },
    );
    expect(result.ok).toBe(false);
    const issues = Object.fromEntries(result.rows.map((r) => [r.line, r.issues.map((i) => `${i.field}:${i.code}`)]));
    expect(issues).toEqual({
      2: [],
      3: ['month:ccus.invalid_month', 'member:ccus.import_member_unknown', 'numerator:ccus.import_percent_not_allowed', 'denominator:ccus.import_denominator_required'],
      4: ['numerator:ccus.numerator_exceeds_denominator'],
      5: ['denominator:ccus.import_denominator_not_allowed', 'row:ccus.import_duplicate_row'],
      6: ['metric:ccus.metric_not_found', 'numerator:ccus.import_value_required'],
    });
    expect(result.rows[3]?.issues.at(-1)?.params).toEqual({ line: 2 });
  });

  it('refuses a file without the required columns or without rows', () => {
    const missing = checkImport([{ 指標コード: 'touch_rate', 会員企業: '' }], { members });
    expect(missing.fileIssues.map((i) => i.params?.column)).toEqual(['年月 / 月 / month', '実績 / 分子 / 値 / value / numerator']);
    expect(checkImport([], { members }).fileIssues[0]?.code).toBe('ccus.import_empty');
  });
});

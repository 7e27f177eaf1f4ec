import { z } from 'zod';
import { ZChecklistDefinition, type TChecklistDefinition } from './definition';
import type { ProgrammeCode } from './reasons';

/**
 * 添付様式6 環境負荷低減の取組に関するチェックシート (seeds/003), transcribed: 15 items in 7
 * groups. Items marked ※ apply only in some businesses and may be answered "not applicable"
 * (該当なし) at application; every other item must be "will do" (実施する).
 */

const groups = [
  ['適正な施肥', 'Appropriate fertilising'],
  ['適正な防除', 'Appropriate pest control'],
  ['エネルギーの節減', 'Saving energy'],
  ['悪臭及び害虫の発生防止', 'Preventing odours and pests'],
  ['廃棄物の発生抑制、適正な循環的な利用及び適正な処分', 'Reducing waste, recycling and proper disposal'],
  ['生物多様性への悪影響の防止', 'Avoiding harm to biodiversity'],
  ['環境関係法令の遵守等', 'Complying with environmental law'],
] as const;

type Item = TChecklistDefinition['items'][number];
const item = (no: number, group: number, ja: string, en: string, onlyIf: Item['onlyIf'] = null): Item => ({
  no,
  label: String.fromCharCode(0x2460 + no - 1),
  group,
  text: { ja, en },
  onlyIf,
});
const procurement = { ja: '農産物等の調達を行う場合', en: 'When procuring agricultural products' };

export const CHECKLIST_SOURCE = '003 添付様式6';

export const ENVIRONMENTAL_CHECKLIST: TChecklistDefinition = ZChecklistDefinition.parse({
  code: 'environmental',
  name: { ja: '環境負荷低減の取組に関するチェックシート', en: 'Environmental load reduction checklist' },
  groups: groups.map(([ja, en], i) => ({ no: i + 1, name: { ja, en } })),
  items: [
    item(
      1,
      1,
      '環境負荷低減に配慮した農産物等の調達を検討',
      'Consider procuring agricultural products with low environmental impact',
      procurement,
    ),
    item(
      2,
      2,
      '環境負荷低減に配慮した農産物等の調達を検討（再掲）',
      'Consider procuring agricultural products with low environmental impact (repeated)',
      procurement,
    ),
    item(
      3,
      3,
      'オフィスや車両・機械等の電気・燃料の使用状況の記録・保存に努める',
      'Record and keep the electricity and fuel use of offices, vehicles and machines',
    ),
    item(
      4,
      3,
      '省エネを意識し、不必要・非効率なエネルギー消費をしないこと（照明、空調、ウォームビズ・クールビズ、燃費効率のよい機械の利用等）を検討',
      'Avoid unnecessary or inefficient energy use (lighting, air conditioning, warm/cool biz, efficient machines)',
    ),
    item(
      5,
      3,
      '環境負荷低減に配慮した商品、原料等の調達を検討',
      'Consider procuring goods and materials with low environmental impact',
    ),
    item(6, 4, '悪臭・害虫の発生防止・低減に努める', 'Prevent and reduce odours and pests', {
      ja: '肥料・飼料等の製造を行う場合',
      en: 'When manufacturing fertiliser or feed',
    }),
    item(
      7,
      5,
      'プラ等廃棄物の削減に努め、適正に処理',
      'Reduce plastic and other waste and dispose of it properly',
    ),
    item(8, 5, '資源の再利用を検討', 'Consider reusing resources'),
    item(9, 6, '生物多様性に配慮した事業実施に努める', 'Carry out the project with care for biodiversity', {
      ja: '生物多様性への影響が想定される工事等を実施する場合',
      en: 'When the works may affect biodiversity',
    }),
    item(
      10,
      6,
      '排水処理に係る水質汚濁防止法の遵守',
      'Comply with the Water Pollution Prevention Act for waste water',
      { ja: '特定事業場である場合', en: 'When a specified factory or business site' },
    ),
    item(
      11,
      7,
      'みどりの食料システム戦略の理解',
      'Understand the MIDORI strategy for sustainable food systems',
    ),
    item(12, 7, '関係法令の遵守', 'Comply with the relevant laws'),
    item(
      13,
      7,
      '環境配慮の取組方針の策定や研修の実施に努める',
      'Set an environmental policy and train staff',
    ),
    item(14, 7, '機械等の適切な整備と管理に努める', 'Maintain and manage machines properly', {
      ja: '機械等を扱う事業者である場合',
      en: 'When the business handles machines',
    }),
    item(15, 7, '正しい知識に基づく作業安全に努める', 'Work safely, based on correct knowledge'),
  ],
  perParty: true,
  phases: ['application', 'results_report'],
  source: CHECKLIST_SOURCE,
});

export const ZApplicationAnswer = z.enum(['will_do', 'not_applicable'], {
  error: 'checklist.answer_unknown',
});
export const ZReportAnswer = z.enum(['done'], { error: 'checklist.answer_unknown' });

const itemKey = z.string().regex(/^[1-9]\d{0,2}$/, { message: 'checklist.item_unknown' });

/** Answers keyed by item number ("1"…"15"), as JSON keys are strings. */
export const ZChecklistApplication = z.strictObject({
  answers: z.record(itemKey, ZApplicationAnswer),
  /** 「上記について、確認しました」: the note on how the ministry uses the answers. */
  acknowledged: z.boolean().default(false),
});
export const ZChecklistReport = z.strictObject({
  answers: z.record(itemKey, ZReportAnswer),
});
export type TChecklistApplication = z.output<typeof ZChecklistApplication>;
export type TChecklistReport = z.output<typeof ZChecklistReport>;

export interface ChecklistIssue {
  code: ProgrammeCode;
  item: number | null;
  params: Record<string, string | number>;
}

/** 注1: at application every item is ticked, "not applicable" only for ※ items. */
export function checkApplicationChecklist(
  sheet: TChecklistApplication,
  checklist: TChecklistDefinition = ENVIRONMENTAL_CHECKLIST,
): ChecklistIssue[] {
  const issues: ChecklistIssue[] = [];
  const known = new Set(checklist.items.map((i) => String(i.no)));
  for (const key of Object.keys(sheet.answers))
    if (!known.has(key))
      issues.push({ code: 'checklist.item_unknown', item: Number(key), params: { field: `answers.${key}` } });
  for (const it of checklist.items) {
    const answer = sheet.answers[String(it.no)];
    if (answer === undefined)
      issues.push({
        code: 'checklist.item_unanswered',
        item: it.no,
        params: { item: it.label, text: it.text.ja, textEn: it.text.en },
      });
    else if (answer === 'not_applicable' && it.onlyIf === null)
      issues.push({
        code: 'checklist.not_applicable_not_allowed',
        item: it.no,
        params: { item: it.label, text: it.text.ja, textEn: it.text.en },
      });
  }
  if (!sheet.acknowledged)
    issues.push({ code: 'checklist.acknowledgement_required', item: null, params: {} });
  return issues;
}

/** 注2: at the report every "will do" becomes "done"; "not applicable" items need nothing. */
export function checkReportChecklist(
  application: TChecklistApplication,
  report: TChecklistReport,
  checklist: TChecklistDefinition = ENVIRONMENTAL_CHECKLIST,
): ChecklistIssue[] {
  const issues: ChecklistIssue[] = [];
  for (const it of checklist.items) {
    const planned = application.answers[String(it.no)];
    const done = report.answers[String(it.no)];
    if (planned === 'will_do' && done !== 'done')
      issues.push({
        code: 'checklist.item_not_done',
        item: it.no,
        params: { item: it.label, text: it.text.ja, textEn: it.text.en },
      });
    if (planned === 'not_applicable' && done === 'done')
      issues.push({ code: 'checklist.done_but_not_applicable', item: it.no, params: { item: it.label } });
  }
  return issues;
}

/** 注7) of 003 §6.4: one sheet each for the owner and the council operator, one if they are the same. */
export const checklistsRequired = (ownerIsCouncilOperator: boolean): 1 | 2 =>
  ownerIsCouncilOperator ? 1 : 2;

import { when } from '../shared/conditions';
import type { TProgrammeDefinitionInput } from '../shared/definition';

/** 様式1–4-2 and attachments 1–6 with their page limits (003 §6.4); an incomplete application is void. */
export const CLT_REQUIRED_DOCUMENTS: NonNullable<TProgrammeDefinitionInput['requiredDocuments']> = [
  {
    code: 'form_1',
    name: { ja: '様式1 提案申請書', en: 'Form 1 Proposal' },
    phase: 'application',
    format: 'designated_excel',
    pages: { paper: 'A4', max: 1 },
    note: { ja: '様式本体の注記は「A4 1〜2枚に収めてください」', en: 'The form itself says 1–2 pages' },
    source: '003 §6.4',
  },
  {
    code: 'form_2',
    name: { ja: '様式2 建築物の概要', en: 'Form 2 Building outline' },
    phase: 'application',
    format: 'designated_excel',
    pages: { paper: 'A4', min: 1, max: 2 },
    source: '003 §6.4',
  },
  {
    code: 'form_3',
    name: { ja: '様式3 実証内容及び実証計画', en: 'Form 3 Content and plan' },
    phase: 'application',
    format: 'designated_excel',
    pages: { paper: 'A4', min: 1, max: 2 },
    note: { ja: '様式本体の注記は「A4 3枚程度」', en: 'The form itself says about 3 pages' },
    source: '003 §6.4',
  },
  {
    code: 'form_4_1',
    name: { ja: '様式4-1 事業予算書（実証事業用）', en: 'Form 4-1 Budget (demonstration)' },
    phase: 'application',
    format: 'designated_excel',
    pages: { paper: 'A4', min: 1, max: 2 },
    source: '003 §6.4',
  },
  {
    code: 'form_4_2',
    name: { ja: '様式4-2 事業予算書（協議会運営用）', en: 'Form 4-2 Budget (council)' },
    phase: 'application',
    format: 'designated_excel',
    pages: { paper: 'A4', min: 1, max: 2 },
    source: '003 §6.4',
  },
  {
    code: 'attachment_1_concept',
    name: { ja: '添付資料1 建築物の基本構想図', en: 'Attachment 1 Concept drawing' },
    phase: 'application',
    format: 'pdf',
    pages: { paper: 'A3', max: 1, approximate: true },
    source: '003 §6.4, 注3)',
  },
  {
    code: 'attachment_1_drawings',
    name: {
      ja: '添付資料1 平面図・立面図・断面図・詳細図等',
      en: 'Attachment 1 Plans, elevations, sections, details',
    },
    phase: 'application',
    format: 'pdf',
    pages: { paper: 'A3', max: 10, approximate: true },
    omissibleWhen: when.isFalse('includesBuildingDemo'),
    note: {
      ja: '設計実証・性能実証で提出できない場合は省略可',
      en: 'May be omitted for design/performance demonstrations',
    },
    source: '003 §6.4, 注3)',
  },
  {
    code: 'attachment_2',
    name: { ja: '添付資料2 建築主等及び協議会運営者の会社案内等', en: 'Attachment 2 Company profiles' },
    phase: 'application',
    format: 'any',
    perParty: true,
    source: '003 §6.4, 注4)',
  },
  {
    code: 'attachment_3',
    name: {
      ja: '添付資料3 誓約書（資金調達の方法、意思決定を証する書類を含む）',
      en: 'Attachment 3 Pledge (with funding method and decision evidence)',
    },
    phase: 'application',
    format: 'designated_form',
    source: '003 §6.4, 注5)',
  },
  {
    code: 'attachment_4',
    name: { ja: '添付書類4 用地確保の見込みを示す書類', en: 'Attachment 4 Land-availability evidence' },
    phase: 'application',
    format: 'any',
    source: '003 §6.4, 注6)',
  },
  {
    code: 'attachment_5',
    name: {
      ja: '添付書類5 建築物木材利用促進協定の締結がわかる書類',
      en: 'Attachment 5 Wood-use agreement',
    },
    phase: 'application',
    format: 'any',
    requiredWhen: when.isTrue('woodUseAgreement'),
    source: '003 §6.4',
  },
  {
    code: 'attachment_6',
    name: {
      ja: '添付様式6 環境負荷低減の取組に関するチェックシート',
      en: 'Attachment 6 Environmental checklist',
    },
    phase: 'application',
    format: 'pdf',
    perParty: true,
    source: '003 §6.4, 注7)',
  },
  {
    code: 'financial_statements',
    name: {
      ja: '建築主等の直近2年程度の財務諸表（貸借対照表・損益計算書）',
      en: 'Owner’s financial statements, about 2 years',
    },
    phase: 'application',
    format: 'any',
    source: '003 §6.4, 注8)',
  },
];

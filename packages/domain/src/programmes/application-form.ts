import type { NumberInputRule } from '../number-input';
import type { TProgrammeKind } from '../programme';
import { checkApplicationChecklist, ZChecklistApplication } from './shared/checklist';
import { INDUSTRY_BODY_OR_COMPANY_CHOICES, OTHER_NATIONAL_SUBSIDY_CHOICES, RATE_REQUEST_CHOICES } from './shared/choices';
import { CLT_USE_NAMES, CLT_USES } from './clt/tables';
import { ZIsoDate } from './shared/dates';
import { computeGrant, lineSectionImplied, programmeByCode, validateGrantInput, valueAt, type TGrantResult } from './input';
import type { InputIssue, ProgrammeCode } from './shared/reasons';
import type { TProgrammeDefinition, TQuestion } from './shared/definition';
import type { TCondition } from './shared/conditions';
import { missingDocuments, type AttachedDocument } from './submission-documents';
import type { TApplicationContent } from './content/schema';
import { budgetRowLabel, budgetRows, budgetTables, type BudgetTable } from './budget-tables';
import { CO2_FACTOR_FACT_LABELS } from './co2/fact-labels';
import { questionLabeller, type FactLabeller } from './shared/rules';
import { engineInputLabel, rowFieldLabel } from './input-labels';

/**
 * The application forms as data: the structured equivalents of the documents' forms (CLT 様式1–3,
 * the pledge and 添付様式6; CO2 support: 事業概要, 実施体制, スケジュール). One list of fields
 * drives the portal's wizard, the draft schema (types and sizes, so a draft always saves) and the
 * submission check (what must be filled in before 提出). Facts the grant rules read are fields
 * too: their path is under `grant.facts`, so the form and the rules share one value.
 */

type Text = { readonly ja: string; readonly en: string };

export type FormFieldKind = 'text' | 'textarea' | 'email' | 'tel' | 'date' | 'number' | 'integer' | 'boolean' | 'select';

export interface FormField {
  /** Dotted path inside the application content ("applicant.name", "grant.facts.storeys"). */
  readonly path: string;
  readonly label: Text;
  readonly kind: FormFieldKind;
  readonly required: boolean;
  /** Characters for text, the upper bound for numbers. */
  readonly max?: number;
  readonly options?: readonly { value: string; label: Text }[];
  readonly hint?: Text;
  readonly source?: string;
}

export interface FormSection {
  readonly code: string;
  readonly title: Text;
  readonly source: string;
  readonly fields: readonly FormField[];
}

const f = (
  path: string,
  ja: string,
  en: string,
  kind: FormFieldKind,
  required: boolean,
  extra: Partial<Pick<FormField, 'max' | 'options' | 'hint' | 'source'>> = {},
): FormField => ({ path, label: { ja, en }, kind, required, ...extra });

const yesNo = (path: string, ja: string, en: string, source: string, required = true) =>
  f(path, ja, en, 'boolean', required, { source });

const APPLICANT: FormSection = {
  code: 'applicant',
  title: { ja: '申請者', en: 'Applicant' },
  source: '様式1',
  fields: [
    f('applicant.name', '法人名（団体名）', 'Organisation name', 'text', true, { max: 200 }),
    f('applicant.representative', '代表者の役職・氏名', 'Representative (title and name)', 'text', true, { max: 100 }),
    f('applicant.address', '所在地', 'Address', 'text', true, { max: 300 }),
    f('applicant.contactName', '担当者氏名', 'Contact person', 'text', true, { max: 100 }),
    f('applicant.contactEmail', '担当者メールアドレス', 'Contact e-mail', 'email', true, { max: 254 }),
    f('applicant.contactPhone', '担当者電話番号', 'Contact phone', 'tel', true, { max: 30 }),
  ],
};

const CLT_SECTIONS: readonly FormSection[] = [
  APPLICANT,
  {
    code: 'building',
    title: { ja: '建築物の概要', en: 'Building outline' },
    source: '様式2',
    fields: [
      f('building.site', '建設地', 'Site', 'text', true, { max: 300 }),
      f('grant.facts.mainUse', '主要用途', 'Main use', 'text', true, { max: 100, source: '003 §2.1' }),
      yesNo('grant.facts.mainUseDetachedHouse', '主要用途は戸建住宅である', 'The main use is a detached house', '003 §2.1'),
      f('building.structure', '構造（CLTの使用部位を含む）', 'Structure (where CLT is used)', 'text', true, { max: 300 }),
      f('grant.facts.storeys', '階数（地上）', 'Storeys above ground', 'integer', true, { max: 100, source: '003 §2.1' }),
      f('grant.facts.totalFloorAreaM2', '延べ床面積（m²）', 'Total floor area (m²)', 'number', true, { max: 10_000_000, source: '003 §2.1' }),
      f('grant.cltUse', 'CLTの使用方法（参考資料2 表1の列）', 'How CLT is used (表1 column)', 'select', true, {
        options: CLT_USES.map((value) => ({ value, label: CLT_USE_NAMES[value] })),
        source: '003 参考資料2 表1',
      }),
      yesNo('grant.facts.hasRoofAndColumnsOrWalls', '屋根及び柱又は壁を有する建築物である', 'Has a roof and columns or walls', '003 §2.1(1)イ'),
      yesNo('grant.facts.isStructureNotBuilding', '建築物ではなく工作物（屋根及び柱又は壁を有するもの）である', 'A structure rather than a building', '003 §2.1(1)イ', false),
      f('grant.facts.plannedCompletion', '竣工予定日', 'Planned completion', 'date', true, { source: '003 §2.2' }),
    ],
  },
  {
    code: 'plan',
    title: { ja: '実証内容及び実証計画', en: 'Demonstration content and plan' },
    source: '様式3',
    fields: [
      yesNo('grant.facts.includesBuildingDemo', '建築物の建築実証を行う', 'Building demonstration', '003 §2.3(1)', false),
      yesNo('grant.facts.includesDesignDemo', '建築物の設計実証を行う', 'Design demonstration', '003 §2.3(2)', false),
      yesNo('grant.facts.includesPerformanceDemo', '部材の性能実証等を行う', 'Component performance demonstration', '003 §2.3(3)', false),
      f('plan.content', '実証内容（課題と実証方法）', 'Content (problem and method)', 'textarea', true, { max: 6000 }),
      f('plan.schedule', '実証計画（工程）', 'Schedule', 'textarea', true, { max: 3000 }),
      yesNo('grant.facts.contentClear', '実証する内容（課題と検証方法）が明確である', 'The content of the demonstration is clear', '003 §2.1(4)'),
      yesNo(
        'grant.facts.constructionCertainAfterDesign',
        '設計実証の後、CLT建築物の建築が確実に行われる（設計実証を行う場合）',
        'The CLT building will certainly be built after the design demonstration (design demonstrations)',
        '003 §2.1(1)',
        false,
      ),
      yesNo('grant.facts.councilExamines', '協議会を設置し、実証内容を検討する', 'A council examines the demonstration', '003 §2.1(2)'),
      yesNo('grant.facts.ownerIsCouncilOperator', '建築主等と協議会運営者が同じ', 'The owner also runs the council', '003 §2.5'),
      yesNo('grant.facts.costComparison', '他構造とのコスト比較を行う', 'Compares costs with another structure', '003 §2.1(3)'),
      yesNo('grant.facts.fundingPlanClear', '資金計画が明確である', 'The funding plan is clear', '003 §2.1'),
      yesNo('grant.facts.landSecured', '建設用地を確保している', 'The land is secured', '003 §2.1'),
      f('grant.facts.otherNationalSubsidy', '国の他の補助金', 'Other national subsidies', 'select', true, {
        options: OTHER_NATIONAL_SUBSIDY_CHOICES,
        source: '003 §3.7',
      }),
      yesNo('grant.facts.applicantIsCommitteeMember', '申請者は検討委員会の委員である', 'The applicant sits on the committee', '003 §3.2(1)'),
    ],
  },
  {
    code: 'bonus',
    title: { ja: '加点・特例の該当', en: 'Bonus points and special rate' },
    source: '003 §2.4, §3.3.2',
    fields: [
      yesNo('grant.facts.usesExistingModel', '既存の木造化モデルを活用する', 'Uses an existing timber model', '003 §3.3.2(1)', false),
      yesNo('grant.facts.nationwideChain', 'チェーン展開している全国的な店舗等の取組', 'A nationwide chain', '003 §3.3.2(2)', false),
      yesNo('grant.facts.woodUseAgreement', '建築物等木材利用促進協定の協定締結者', 'Party to a wood-use agreement', '003 §3.3.2(3)', false),
      yesNo('grant.facts.firstTimeCltDesignerOrContractor', '設計者又は施工者がCLT建築物を初めて手掛ける', 'First CLT project of the designer or contractor', '003 §3.3.2(4)', false),
      yesNo('grant.facts.cltPanelMethod', 'CLTパネル工法である', 'CLT panel method', '003 §3.3.2(7)', false),
      yesNo('grant.facts.fireRule2018Building', '平成30年度以降の防耐火規制の合理化に対応', 'Follows the post-2018 fire-rule rationalisation', '003 §3.3.2(8)', false),
      yesNo('grant.facts.buildsAdoptedDesignDemo', '令和6・7年度の設計実証で採択された設計を建築する', 'Builds a design adopted in the FY2024/FY2025 design demonstrations', '003 §2.1(1)ウ', false),
      yesNo('grant.facts.ownerPlansFurtherBuildings', '同種のCLT建築物を建築する具体的な予定がある', 'Concrete plans for further buildings', '003 §2.4 3.', false),
      yesNo('grant.facts.technicalIngenuity', 'コスト縮減や施工方法の技術的工夫がある', 'Technical ingenuity on cost or construction', '003 §2.4 4.', false),
      f('grant.rate.requested', '希望する補助率', 'Requested rate', 'select', true, {
        options: RATE_REQUEST_CHOICES,
        source: '003 §2.4',
      }),
    ],
  },
];

/** 協議会運営者 (003 §2.2(2), §6.4 注4): who runs the council and whether it can take the subsidy. */
const CLT_COUNCIL_OPERATOR: FormSection = {
  code: 'councilOperator',
  title: { ja: '協議会運営者', en: 'Council operator' },
  source: '003 §2.2',
  fields: [
    f('councilOperator.name', '協議会運営者の法人名（建築主等と同じ場合は空欄）', 'Council operator (blank when the owner runs the council)', 'text', false, { max: 200 }),
    yesNo('grant.facts.councilOperatorIsIndividual', '協議会運営者は個人である', 'The council operator is an individual', '003 §6.4 注4)'),
    yesNo(
      'grant.facts.councilOperatorCanAccount',
      '協議会運営者は経理能力・事務処理能力を有し、助成費を受け入れられる',
      'The council operator can do accounts and receive the subsidy',
      '003 §2.2(2)',
    ),
    f('grant.facts.councilEngineers', '協議会業務に従事する技術者の人数（概ね2名）', 'Engineers working for the council (about 2)', 'integer', false, {
      max: 100,
      source: '003 §2.6',
    }),
  ],
};

const CO2_SECTIONS: readonly FormSection[] = [
  APPLICANT,
  {
    code: 'outline',
    title: { ja: '事業概要', en: 'Project outline' },
    source: '001 §4 提出書類',
    fields: [
      f('grant.applicant.kind', '申請者の区分', 'Kind of applicant', 'select', true, {
        options: INDUSTRY_BODY_OR_COMPANY_CHOICES,
        source: '001 §2.1',
      }),
      f('outline.purpose', '策定の目的と対象製品の概要', 'Purpose and products', 'textarea', true, { max: 6000 }),
      f('outline.parties', '実施体制（委託先・協力者を含む）', 'Parties (including contractors)', 'textarea', true, { max: 3000 }),
      f('grant.period.approvalDate', '承認通知日（予定）', 'Approval date (planned)', 'date', false, { source: '001 §2.5' }),
      f('grant.period.resultsReportDate', '成果報告日（予定）', 'Results report date (planned)', 'date', true, { source: '001 §2.5' }),
      f('outline.schedule', 'スケジュール', 'Schedule', 'textarea', true, { max: 3000 }),
    ],
  },
];

const LCA_SECTIONS: readonly FormSection[] = [
  APPLICANT,
  {
    code: 'outline',
    title: { ja: '事業概要', en: 'Project outline' },
    source: 'SPEC §4',
    fields: [
      f('outline.purpose', '事業の目的と対象建築物', 'Purpose and building', 'textarea', true, { max: 6000 }),
    ],
  },
];

/** A generic-engine programme's outline: what the project is and when it runs; the definition's questions follow. */
const GENERIC_SECTIONS: readonly FormSection[] = [
  APPLICANT,
  {
    code: 'outline',
    title: { ja: '事業概要', en: 'Project outline' },
    source: '公募要領',
    fields: [
      f('outline.purpose', '事業の目的と内容', 'Purpose and content', 'textarea', true, { max: 6000 }),
      f('outline.schedule', '実施スケジュール', 'Schedule', 'textarea', true, { max: 3000 }),
    ],
  },
];

const QUESTION_FIELD_KINDS: Readonly<Record<TQuestion['answer'], FormFieldKind>> = { yes_no: 'boolean', number: 'number', date: 'date', text: 'text' };

/**
 * A fact the applicant must always answer: a required criterion reads it and applies to every
 * application. A question only some applications meet (BIM requirements, asked when a BIM model
 * is used) or one that only moves a cap stays optional, so an unanswered one never blocks 提出.
 */
function alwaysRequiredFacts(def: Pick<TProgrammeDefinition, 'eligibility'>): Set<string> {
  const read = (c: TCondition): string[] => ('fact' in c ? [c.fact] : 'all' in c ? c.all.flatMap(read) : 'any' in c ? c.any.flatMap(read) : read(c.not));
  return new Set(def.eligibility.filter((c) => c.level === 'required' && c.appliesWhen === undefined).flatMap((c) => read(c.requires)));
}

/** The definition's own eligibility questions as form fields: an office rewords, adds or drops one by publishing a version. */
export function questionFields(def: Pick<TProgrammeDefinition, 'questions' | 'eligibility'>): FormField[] {
  const required = alwaysRequiredFacts(def);
  return def.questions.map((q) =>
    f(`grant.facts.${q.fact}`, q.text.ja, q.text.en, QUESTION_FIELD_KINDS[q.answer], required.has(q.fact), {
      source: q.source,
      ...(q.answer === 'number' ? { max: Number.MAX_SAFE_INTEGER } : q.answer === 'text' ? { max: 500 } : {}),
    }),
  );
}

const PLEDGE: FormSection = {
  code: 'pledge',
  title: { ja: '誓約', en: 'Pledge' },
  source: '誓約書',
  fields: [
    f('pledge.agreed', '暴力団排除に関する誓約事項及び公募要領の内容に同意し、記載内容に相違ないことを誓約します', 'I agree to the pledge and the call, and confirm the content is true', 'boolean', true),
  ],
};

const STATIC_FORMS: Readonly<Record<TProgrammeKind, readonly FormSection[]>> = {
  clt_demonstration: [...CLT_SECTIONS, CLT_COUNCIL_OPERATOR, PLEDGE],
  co2_factor_support: [...CO2_SECTIONS, PLEDGE],
  lca_implementation: [...LCA_SECTIONS, PLEDGE],
  generic_cost_share: [...GENERIC_SECTIONS, PLEDGE],
};

/**
 * The application form of a programme under the version it is pinned to. The CLT and CO2 engines
 * bring their own questions; a generic-engine programme (LCA implementation support, a programme
 * made from the cost-share template) asks the definition's questions in its outline, so they follow the published version.
 */
export function applicationForm(kind: TProgrammeKind, def: Pick<TProgrammeDefinition, 'questions' | 'eligibility'>): readonly FormSection[] {
  const questions = questionFields(def);
  if (questions.length === 0) return STATIC_FORMS[kind];
  return STATIC_FORMS[kind].map((s) => (s.code === 'outline' ? { ...s, fields: [...s.fields, ...questions] } : s));
}

export const formFields = (kind: TProgrammeKind, def: Pick<TProgrammeDefinition, 'questions' | 'eligibility'>): FormField[] => applicationForm(kind, def).flatMap((s) => s.fields);

/** A dotted content path ("grant.facts.storeys"), as the form fields name them. */
export const valueAtPath = (content: unknown, path: string): unknown => valueAt(content, path.split('.'));

export interface FormIssue {
  code:
    | ProgrammeCode
    | 'application.field_required'
    | 'application.field_invalid'
    | 'application.pledge_required'
    | 'application.budget_empty'
    | 'application.ineligible'
    | 'application.document_missing';
  /** The content path the issue is about ("" for the whole application). */
  path: string;
  params: Record<string, string | number>;
}

/**
 * How a number field is read as typed (parseNumberInput): never below 0, whole for counts
 * (storeys, people), areas to the hundredth of a m², within the field's maximum.
 */
export const numberRuleOf = (field: FormField): NumberInputRule => ({ min: 0, max: field.max ?? Number.MAX_SAFE_INTEGER, decimals: field.kind === 'integer' ? 0 : 2 });

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function fieldIssue(field: FormField, value: unknown): FormIssue | null {
  const params = { field: field.label.ja, fieldEn: field.label.en };
  const empty = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  if (empty) return field.required && field.kind !== 'boolean' ? { code: 'application.field_required', path: field.path, params } : null;
  const invalid = { code: 'application.field_invalid' as const, path: field.path, params };
  switch (field.kind) {
    case 'boolean':
      return typeof value === 'boolean' ? null : invalid;
    case 'number':
    case 'integer':
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return invalid;
      if (field.kind === 'integer' && !Number.isInteger(value)) return invalid;
      return field.max !== undefined && value > field.max ? invalid : null;
    case 'date':
      return ZIsoDate.safeParse(value).success ? null : invalid;
    case 'select':
      return field.options?.some((o) => o.value === value) ? null : invalid;
    case 'email':
      return typeof value === 'string' && EMAIL.test(value) && value.length <= (field.max ?? 254) ? null : invalid;
    default:
      return typeof value === 'string' && value.length <= (field.max ?? 10_000) ? null : invalid;
  }
}

/** Issues of the form fields alone: what the wizard shows as you type. */
export function formIssues(kind: TProgrammeKind, content: TApplicationContent, def: Pick<TProgrammeDefinition, 'questions' | 'eligibility'>): FormIssue[] {
  const issues: FormIssue[] = [];
  for (const field of formFields(kind, def)) {
    const value = valueAtPath(content, field.path);
    // A yes/no the applicant must answer: unanswered is "required", and the pledge must be a yes.
    if (field.kind === 'boolean' && field.required && typeof value !== 'boolean') {
      issues.push({ code: 'application.field_required', path: field.path, params: { field: field.label.ja, fieldEn: field.label.en } });
      continue;
    }
    const issue = fieldIssue(field, value);
    if (issue) issues.push(issue);
  }
  if (valueAtPath(content, 'pledge.agreed') === false) issues.push({ code: 'application.pledge_required', path: 'pledge.agreed', params: {} });
  return issues;
}

/**
 * A content path as the screen names it — a form field's label, or a budget row by its table and
 * number with the column (「経費（2行目）契約（購入）の開始日」), or an engine input the form does not
 * ask (input-labels.ts) — so a message never shows the path.
 */
export function fieldLabelAt(kind: TProgrammeKind, def: TProgrammeDefinition, content: unknown, path: string): Text | null {
  const field = formFields(kind, def).find((f) => f.path === path);
  if (field) return field.label;
  for (const table of budgetTables(def)) {
    if (path === table.rowsPath || path === table.writePath) return table.title;
    if (!path.startsWith(`${table.rowsPath}.`)) continue;
    const [index = '', ...rest] = path.slice(table.rowsPath.length + 1).split('.');
    if (!/^\d+$/.test(index) || Number(index) >= Math.max(budgetRows(content, table).length, 1)) return table.title;
    const row = budgetRowLabel(table.title, Number(index));
    const key = rest.join('.');
    const column = (table.columns.find((c) => c.key === key) ?? table.columns.find((c) => key.startsWith(`${c.key}.`)))?.label ?? rowFieldLabel(table, key);
    // 「経費（2行目）金額（税込・円）」: after a full-width bracket Japanese needs no space.
    return column ? { ja: `${row.ja}${column.ja}`, en: `${row.en} ${column.en}` } : row;
  }
  return engineInputLabel(def, path);
}

/** An issue's parameters with its `field` named as on screen (fieldEn for English), when the path is one the screen shows. */
function withFieldLabel(kind: TProgrammeKind, def: TProgrammeDefinition, content: unknown, path: string, params: Record<string, string | number>): Record<string, string | number> {
  const label = fieldLabelAt(kind, def, content, path);
  return label && 'field' in params ? { ...params, field: label.ja, fieldEn: label.en } : params;
}

const ENGINE_FORMS: Partial<Record<TProgrammeDefinition['engine'], TProgrammeKind>> = { clt: 'clt_demonstration', co2_factor: 'co2_factor_support' };

/** The form a definition's grant input is entered in: the engine's own, else the generic one (LCA's, whose lines need no section). */
const formKindOf = (def: TProgrammeDefinition): TProgrammeKind => ENGINE_FORMS[def.engine] ?? (lineSectionImplied(def) ? 'lca_implementation' : 'generic_cost_share');

/**
 * Issues about a grant input given alone (the CLI's file, the console's sample) with each field
 * named as the form names it, Japanese in `field` and English in `fieldEn`: 「国の他の補助金」,
 * never `facts.otherNationalSubsidy`. A path nothing names stays as it is.
 */
export function withGrantFieldLabels(def: TProgrammeDefinition, raw: unknown, issues: readonly InputIssue[]): InputIssue[] {
  const kind = formKindOf(def);
  const content = { grant: raw };
  return issues.map((i) => ({ ...i, params: withFieldLabel(kind, def, content, ['grant', ...i.path].join('.'), i.params) }));
}

/** Validate and compute in one call: what `tsumiki grant compute` and the API's "try it" use. */
export function computeGrantFromJson(
  programme: TProgrammeDefinition | string,
  raw: unknown,
  labelOf?: FactLabeller,
): { ok: true; result: TGrantResult } | { ok: false; issues: InputIssue[] } {
  const def = typeof programme === 'string' ? programmeByCode(programme) : programme;
  const v = validateGrantInput(def ?? programme, raw);
  if (!v.ok) return { ok: false, issues: def ? withGrantFieldLabels(def, raw, v.issues) : v.issues };
  return { ok: true, result: computeGrant(def!, v.value, labelOf) };
}

/**
 * A fact as the applicant is asked it: the form's field (「主要用途は戸建住宅である」), the
 * definition's own question, a CO2 factor's requirement, or a budget table's column — so a
 * requirement that cannot be judged yet says what to answer in the screen's words.
 */
export function factLabeller(def: TProgrammeDefinition, kind: TProgrammeKind | undefined = ENGINE_FORMS[def.engine]): FactLabeller {
  const prefix = 'grant.facts.';
  const fields = new Map(kind ? formFields(kind, def).filter((f) => f.path.startsWith(prefix)).map((f) => [f.path.slice(prefix.length), f.label]) : []);
  const columns = new Map(budgetTables(def).flatMap((table) => table.columns.map((c) => [c.key, c.label] as const)));
  const question = questionLabeller(def);
  const factor = def.engine === 'co2_factor' ? CO2_FACTOR_FACT_LABELS : {};
  return (fact) => fields.get(fact) ?? question(fact) ?? factor[fact] ?? columns.get(fact) ?? null;
}

/** The empty budget of a new draft: lists present, so the rules can run from the first keystroke. */
export const GRANT_DEFAULTS: Readonly<Record<TProgrammeKind, Record<string, unknown>>> = {
  clt_demonstration: { facts: {} },
  co2_factor_support: { factors: [], lines: [] },
  lca_implementation: { facts: {}, lines: [] },
  generic_cost_share: { facts: {}, lines: [] },
};

/** A budget row left out of a provisional computation, named as on screen, with what is wrong with it. */
export interface ExcludedRow {
  /** The row in the content ("grant.lines.1"). */
  path: string;
  label: Text;
  issues: FormIssue[];
}

export interface ApplicationAssessment {
  /** Everything that blocks submission, field by field. */
  issues: FormIssue[];
  /** The grant computation when the budget input is valid (also for a draft, to show as you type). */
  result: TGrantResult | null;
  /**
   * While some budget rows are invalid (a blank amount, a half-typed licence): the grant of the
   * valid rows, and the rows left out and why — so a draft keeps showing figures and eligibility
   * around the row being typed. Never what is submitted: `result` stays null until every row is valid.
   */
  provisional?: { result: TGrantResult; excludedRows: ExcludedRow[] };
}

/** The budget row an issue's path falls in. */
function rowAt(def: TProgrammeDefinition, path: string): { table: BudgetTable; index: number } | null {
  for (const table of budgetTables(def)) {
    if (!path.startsWith(`${table.rowsPath}.`)) continue;
    const index = path.slice(table.rowsPath.length + 1).split('.')[0] ?? '';
    return /^\d+$/.test(index) ? { table, index: Number(index) } : null;
  }
  return null;
}

/** The grant input with only the kept rows of each budget table (kept: the original indices, by table). */
function grantWithRows(kind: TProgrammeKind, def: TProgrammeDefinition, content: unknown, kept: ReadonlyMap<string, number[]>): Record<string, unknown> {
  const given = valueAtPath(content, 'grant');
  const grant: Record<string, unknown> = structuredClone({ ...GRANT_DEFAULTS[kind], ...(typeof given === 'object' && given !== null ? given : {}) });
  for (const table of budgetTables(def)) {
    const rows = budgetRows(content, table);
    const [head, ...rest] = table.rowsPath.split('.').slice(1);
    if (head === undefined) continue;
    const filtered = (kept.get(table.code) ?? []).map((i) => rows[i]);
    if (rest.length === 0) grant[head] = filtered;
    else if (typeof grant[head] === 'object' && grant[head] !== null) grant[head] = { ...grant[head], [rest.join('.')]: filtered };
  }
  return grant;
}

/**
 * Computes around the invalid rows: leaves out every row an issue falls in and validates again
 * (a row left out may make another invalid, such as a line naming a removed factor), until the
 * rest is valid. Null when an issue is not about one row (the period, the facts), which no row's
 * removal can mend.
 */
function provisionalAssessment(kind: TProgrammeKind, def: TProgrammeDefinition, content: unknown, first: readonly FormIssue[]): ApplicationAssessment['provisional'] {
  const kept = new Map(budgetTables(def).map((t) => [t.code, budgetRows(content, t).map((_, i) => i)]));
  const excluded = new Map<string, ExcludedRow>();
  let pending: readonly FormIssue[] = first;
  for (let round = 0; round < 5; round += 1) {
    const leaving = new Map<string, Set<number>>();
    for (const issue of pending) {
      const row = rowAt(def, issue.path);
      if (!row) return undefined;
      const path = `${row.table.rowsPath}.${row.index}`;
      const entry = excluded.get(path) ?? { path, label: budgetRowLabel(row.table.title, row.index), issues: [] };
      entry.issues.push(issue);
      excluded.set(path, entry);
      leaving.set(row.table.code, (leaving.get(row.table.code) ?? new Set()).add(row.index));
    }
    for (const [code, indices] of leaving) kept.set(code, (kept.get(code) ?? []).filter((i) => !indices.has(i)));
    const validated = validateGrantInput(def, grantWithRows(kind, def, content, kept));
    if (validated.ok) return { result: computeGrant(def, validated.value, factLabeller(def, kind)), excludedRows: [...excluded.values()] };
    // Paths of the trimmed input, read back to the rows' places in the content.
    pending = validated.issues.map((i) => {
      const path = ['grant', ...i.path].join('.');
      const row = rowAt(def, path);
      const original = row ? `${row.table.rowsPath}.${kept.get(row.table.code)?.[row.index] ?? row.index}${path.slice(`${row.table.rowsPath}.${row.index}`.length)}` : path;
      return { code: i.code, path: original, params: withFieldLabel(kind, def, content, original, i.params) };
    });
  }
  return undefined;
}

/**
 * What the portal shows as you type and what the API checks at submission: form fields, the
 * environmental checklist (CLT), the required documents when the attachments are given, the
 * budget input, and eligibility. Pure, so both run it alike. `def` is the version the application
 * is pinned to (or, for a draft, the latest published): there is no built-in fallback, so an office's
 * published rules are the only ones an application is ever assessed by.
 */
export function assessApplication(
  kind: TProgrammeKind,
  content: TApplicationContent,
  attachments: readonly AttachedDocument[] | undefined,
  def: TProgrammeDefinition,
): ApplicationAssessment {
  const issues = formIssues(kind, content, def);
  if (attachments) issues.push(...missingDocuments(kind, def, content, attachments));

  if (kind === 'clt_demonstration') {
    const checklist = content.programme === 'clt_demonstration' ? content.checklist : undefined;
    const sheet = ZChecklistApplication.safeParse(checklist ?? { answers: {} });
    if (!sheet.success) issues.push({ code: 'checklist.item_unknown', path: 'checklist', params: {} });
    else
      for (const i of checkApplicationChecklist(sheet.data))
        issues.push({ code: i.code, path: i.item === null ? 'checklist.acknowledged' : `checklist.answers.${i.item}`, params: i.params });
  }

  const given = valueAtPath(content, 'grant');
  const grantInput = { ...GRANT_DEFAULTS[kind], ...(typeof given === 'object' && given !== null ? given : {}) };
  const validated = validateGrantInput(def, grantInput);
  if (!validated.ok) {
    const grantIssues = validated.issues.map((i): FormIssue => {
      const path = ['grant', ...i.path].join('.');
      return { code: i.code, path, params: withFieldLabel(kind, def, content, path, i.params) };
    });
    issues.push(...grantIssues);
    const provisional = provisionalAssessment(kind, def, content, grantIssues);
    return provisional ? { issues, result: null, provisional } : { issues, result: null };
  }
  const result = computeGrant(def, validated.value, factLabeller(def, kind));
  if (result.grant.requested <= 0) issues.push({ code: 'application.budget_empty', path: 'grant', params: {} });
  if (result.eligibility.status === 'ineligible') issues.push({ code: 'application.ineligible', path: '', params: {} });
  return { issues, result };
}

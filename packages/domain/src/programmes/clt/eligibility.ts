import { when } from '../shared/conditions';
import type { TProgrammeDefinitionInput } from '../shared/definition';

/** Who and what may apply to the CLT demonstration (003 §2.1–§2.3), as conditions over the application's facts. */
export const CLT_ELIGIBILITY: NonNullable<TProgrammeDefinitionInput['eligibility']> = [
  {
    code: 'eligibility.clt.not_detached_house',
    text: { ja: '建築物の主要用途が一戸建ての住宅でないこと', en: 'The main use is not a detached house' },
    requires: when.isFalse('mainUseDetachedHouse'),
    level: 'required',
    source: '003 §2.1',
  },
  {
    code: 'eligibility.clt.kind_selected',
    text: {
      ja: '建築実証又は設計実証を行うこと（部材の性能実証はこれらと併せて実施）',
      en: 'A building or design demonstration (a performance demonstration only together with one)',
    },
    requires: when.any(when.isTrue('includesBuildingDemo'), when.isTrue('includesDesignDemo')),
    level: 'required',
    source: '003 §2.3',
  },
  {
    code: 'eligibility.clt.structure_roof',
    text: {
      ja: '工作物等は屋根及び柱若しくは壁を有するものに限る',
      en: 'A structure must have a roof and columns or walls',
    },
    appliesWhen: when.isTrue('isStructureNotBuilding'),
    requires: when.isTrue('hasRoofAndColumnsOrWalls'),
    level: 'required',
    source: '003 §2.1(1)イ',
  },
  {
    code: 'eligibility.clt.size',
    text: {
      ja: '3階建て以上もしくは延べ床面積300m²以上（ただし、CLTを初めて設計・施工する者がいる、平成30年度以降の防耐火規制の合理化に対応、令和6・7年度採択の設計実証の建築、のいずれかに該当する場合を除く）',
      en: '≥ 3 storeys or ≥ 300 m², unless a designer, engineer or main contractor does CLT for the first time, it follows the post-2018 fire rules, or it builds an adopted FY2024/FY2025 design demonstration',
    },
    requires: when.any(
      when.gte('storeys', 3),
      when.gte('totalFloorAreaM2', 300),
      when.isTrue('firstTimeCltDesignerOrContractor'),
      when.isTrue('fireRule2018Building'),
      when.isTrue('buildsAdoptedDesignDemo'),
    ),
    level: 'required',
    source: '003 §2.1(2)',
  },
  {
    code: 'eligibility.clt.construction_follows_design',
    text: {
      ja: '設計実証は、その後のCLT建築物の建築が確実に行われること',
      en: 'A design demonstration presumes the CLT building will certainly be built',
    },
    appliesWhen: when.isTrue('includesDesignDemo'),
    requires: when.isTrue('constructionCertainAfterDesign'),
    level: 'required',
    source: '003 §2.1(1)',
  },
  {
    code: 'eligibility.clt.council',
    text: { ja: '実証する内容を協議会によって検討すること', en: 'A council examines the demonstration' },
    requires: when.isTrue('councilExamines'),
    level: 'required',
    source: '003 §2.1(3)',
  },
  {
    code: 'eligibility.clt.content_clear',
    text: { ja: '実証する内容が明確であること', en: 'The content of the demonstration is clear' },
    requires: when.isTrue('contentClear'),
    level: 'required',
    source: '003 §2.1(4)',
  },
  {
    code: 'eligibility.clt.cost_comparison',
    text: {
      ja: 'RC造など他構造とのコスト比較を行うこと（設計実証等を単独で行う場合を除く）',
      en: 'A cost comparison with RC or another structure (not needed for a design-stage-only proposal)',
    },
    appliesWhen: when.isTrue('includesBuildingDemo'),
    requires: when.isTrue('costComparison'),
    level: 'required',
    source: '003 §2.1(5)',
  },
  {
    code: 'eligibility.clt.completion_latest',
    text: {
      ja: '繰越の場合でも令和9年2月19日までに実証事業を完了すること',
      en: 'Completed by 19 February 2027 at the latest, with carry-over',
    },
    requires: when.onOrBefore('plannedCompletion', '2027-02-19'),
    level: 'required',
    source: '003 §2.1(6), §3.6',
  },
  {
    code: 'eligibility.clt.completion_carry_over',
    text: {
      ja: '令和8年3月末を越える場合は財務大臣の承認による繰越が前提',
      en: 'Beyond March 2026 the project relies on carry-over approved by the Minister of Finance',
    },
    requires: when.onOrBefore('plannedCompletion', '2026-03-31'),
    level: 'notice',
    source: '003 §2.1(6)',
  },
  {
    code: 'eligibility.clt.funding_plan',
    text: { ja: '資金計画が明確になっていること', en: 'A clear funding plan' },
    requires: when.isTrue('fundingPlanClear'),
    level: 'required',
    source: '003 §2.1(7)',
  },
  {
    code: 'eligibility.clt.land',
    text: { ja: '実証を行う用地の確保が見込まれていること', en: 'Land for the demonstration is secured' },
    requires: when.isTrue('landSecured'),
    level: 'required',
    source: '003 §2.1(8)',
  },
  {
    code: 'eligibility.clt.council_operator_not_individual',
    text: { ja: '協議会運営者は個人でないこと', en: 'The council operator is not an individual' },
    requires: when.isFalse('councilOperatorIsIndividual'),
    level: 'required',
    source: '003 §6.4 注4)',
  },
  {
    code: 'eligibility.clt.council_operator_accounting',
    text: {
      ja: '協議会運営者は経理能力・事務処理能力を有し、助成費の受入れが可能であること',
      en: 'The council operator can do accounts and receive the subsidy',
    },
    requires: when.isTrue('councilOperatorCanAccount'),
    level: 'required',
    source: '003 §2.2(2)',
  },
  {
    code: 'eligibility.clt.no_double_funding',
    text: {
      ja: '同一内容で他の国の補助事業に採択・申請していないこと',
      en: 'No other national subsidy for the same content',
    },
    requires: when.not(when.eq('otherNationalSubsidy', 'same_content')),
    level: 'required',
    source: '003 §3.7',
  },
  {
    code: 'eligibility.clt.double_funding_separable',
    text: {
      ja: '他の国の補助事業の対象部分が明確に切り分けられる場合、その部分を除く部分のみ対象となることがある',
      en: 'With another national subsidy, only a clearly separable remainder may be supported',
    },
    requires: when.not(when.eq('otherNationalSubsidy', 'separable')),
    level: 'recommended',
    source: '003 §3.7',
  },
  {
    code: 'eligibility.clt.not_committee_member',
    text: { ja: '検討委員会の委員は応募できない', en: 'Committee members cannot apply' },
    requires: when.isFalse('applicantIsCommitteeMember'),
    level: 'required',
    source: '003 §3.2(1)',
  },
];

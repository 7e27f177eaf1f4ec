import type { TProgrammeKind } from '../programme';
import { CLT_DEMONSTRATION } from './clt/definition';
import { CO2_FACTOR_SUPPORT } from './co2/definition';
import { LCA_IMPLEMENTATION } from './lca/definition';
import { GENERIC_COST_SHARE } from './generic/definition';
import type { TProgrammeDefinition, TText } from './shared/definition';

/**
 * What an office starts a programme from. The three calls the platform was built on, as their
 * documents state them, and a plain cost-share subsidy whose every figure is the office's to set.
 */
export const TEMPLATE_CODES = ['clt_demonstration', 'co2_factor_support', 'lca_implementation', 'generic_cost_share'] as const;
export type TTemplateCode = (typeof TEMPLATE_CODES)[number];

export interface ProgrammeTemplate {
  code: TTemplateCode;
  name: TText;
  description: TText;
  /** The application form applicants fill in. */
  kind: TProgrammeKind;
  definition: TProgrammeDefinition;
}

export { GENERIC_COST_SHARE };

export const PROGRAMME_TEMPLATES: Readonly<Record<TTemplateCode, ProgrammeTemplate>> = {
  clt_demonstration: {
    code: 'clt_demonstration',
    name: CLT_DEMONSTRATION.name,
    description: { ja: '建築・設計・性能の実証と協議会運営費。特別枠の補助率と工事の判定表を含みます。', en: 'Building, design and performance demonstrations and the council, with the special rate and the works matrix.' },
    kind: 'clt_demonstration',
    definition: CLT_DEMONSTRATION,
  },
  co2_factor_support: {
    code: 'co2_factor_support',
    name: CO2_FACTOR_SUPPORT.name,
    description: { ja: 'CO2原単位の策定費用。ライセンス費用の按分と原単位ごとの要件を含みます。', en: 'Developing CO2 factors, with licence proration and per-factor criteria.' },
    kind: 'co2_factor_support',
    definition: CO2_FACTOR_SUPPORT,
  },
  lca_implementation: {
    code: 'lca_implementation',
    name: LCA_IMPLEMENTATION.name,
    description: { ja: 'LCAの実施費用を定額補助（BIMなし650万円・BIMあり500万円、原単位策定で400万円加算）。', en: 'LCA costs in full up to ¥6.5M (¥5M with BIM), plus ¥4M when factors are developed.' },
    kind: 'lca_implementation',
    definition: LCA_IMPLEMENTATION,
  },
  generic_cost_share: {
    code: 'generic_cost_share',
    name: { ja: '汎用の補助事業（補助率・上限額・費目・提出書類）', en: 'Generic cost-share subsidy (rate, caps, categories, documents)' },
    description: { ja: '補助率・上限額・費目・提出書類をすべて所管部署が設定します。', en: 'Every rate, cap, category and document is the office’s to set.' },
    kind: 'generic_cost_share',
    definition: GENERIC_COST_SHARE,
  },
};

/** What the console lists to choose from: each template's name and description. */
export const listTemplateSummaries = () => Object.values(PROGRAMME_TEMPLATES).map((t) => ({ code: t.code, name: t.name, description: t.description }));

import type { TCo2Content } from '../content/schema';
import type { TLicence } from './input';

/**
 * A CO2 application's budget to try the licence rule on (001 §4.2(2)(5)): one verified EPD, a
 * personnel line of ¥2,000,000 and a database licence of ¥730,000 whose term is `licence` (none:
 * not given yet), approved 2026-06-01 with the results report on 2027-02-26.
 */
export function co2LicenceExampleContent(licence?: Partial<TLicence>): TCo2Content {
  return {
    programme: 'co2_factor_support',
    grant: {
      applicant: { kind: 'industry_body' },
      period: { approvalDate: '2026-06-01', resultsReportDate: '2027-02-26' },
      factors: [{ id: 'F1', kind: 'epd_cfp_verified', product: '高炉セメントB種', productCategory: 'セメント', iso14025Verification: true, developedByReport: true }],
      lines: [
        { id: 'l1', category: 'personnel', description: '算定担当者', amount: 2_000_000, factorId: 'F1' },
        { id: 'l2', category: 'database', description: 'IDEA利用料', amount: 730_000, factorId: 'F1', ...(licence ? { licence } : {}) },
      ],
    },
  };
}

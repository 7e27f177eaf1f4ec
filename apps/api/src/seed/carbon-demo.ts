import { findUserByEmail, insertCarbonProject, type Executor } from '@tsumiki/db';
import { jstParts } from '@tsumiki/domain';
import { ZCarbonProjectContent, type TCarbonProjectContentInput } from '@tsumiki/domain/carbon';

/**
 * One carbon project for the demo applicant (杉山木材工業): a four-storey CLT office. The
 * quantities are a plausible bill for such a building (demo data, not a real project); the
 * factors are the starter library's, so the timber lines carry the wood table of seeds/002 and the
 * foundation concrete, rebar and gypsum board show as gaps: the result is marked incomplete rather
 * than given numbers nobody can cite.
 */
export async function seedCarbonDemo(db: Executor, organisationId: string, now: Date) {
  const user = await findUserByEmail(db, 'applicant@demo.tsumiki.jp');
  if (!user) throw new Error('The demo applicant must be seeded before the carbon demo.');
  const d = jstParts(now);
  const line = (id: string, subItem: string, materialKey: string, quantity: number, unit: string, label: string) => ({
    id,
    category: subItem.slice(0, 1),
    subItem,
    materialKey,
    quantity,
    unit,
    label,
  });
  const content: TCarbonProjectContentInput = {
    name: '（デモ）高知CLT事務所棟 新築工事',
    building: { use: 'office', structure: 'CLT', grossFloorAreaM2: 1480, storeysAboveGround: 4, region: '高知県（7地域）', works: 'new' },
    settings: {
      assessmentDate: `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`,
      method: 'standard',
      gwpSet: 'AR5',
      allowIncomplete: true,
    },
    boq: [
      line('L1', '2.2', 'concrete.ready_mixed', 380, 'm3', '基礎・地中梁'),
      line('L2', '2.2', 'steel.rebar', 32, 't', '基礎鉄筋'),
      line('L3', '3.5', 'wood.clt', 620, 'm3', 'CLT床・壁パネル'),
      line('L4', '3.5', 'wood.glulam_medium', 85, 'm3', '集成材 柱・梁'),
      line('L5', '3.5', 'wood.sawn_jas', 40, 'm3', '製材 間柱・垂木'),
      line('L6', '3.5', 'wood.plywood_structural', 25, 'm3', '構造用合板 屋根下地'),
      line('L7', '5.2', 'board.gypsum', 2900, 'm2', 'せっこうボード 内壁'),
    ],
    scenarios: [
      { id: 'base', name: '基本案', scenario: {} },
      { id: 'site', name: '施工段階削減案', scenario: { a5Rate: 0.04 } },
    ],
  };
  const parsed = ZCarbonProjectContent.parse(content);
  return insertCarbonProject(db, { ...parsed, organisationId, applicationId: null, userId: user.id });
}

import { foldMaterialName } from '@tsumiki/domain/carbon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client';
import { listCarbonMaterialNames, rememberCarbonMaterialNames } from './repositories/carbon.repository';
import { insertOrganisation } from './repositories/organisations.repository';
import { insertUser } from './repositories/users.repository';
import { testBackends } from './testing';

const backends = await testBackends();

const named = (name: string, materialKey: string) => ({ name, foldedName: foldMaterialName(name), materialKey });

describe.each(backends)('remembered material names on $name', (backend) => {
  let database: Database;
  let userId: string;
  let orgA: string;
  let orgB: string;

  beforeAll(async () => {
    database = await backend.create();
    userId = (await insertUser(database.db, { email: 'names@example.jp', displayName: '設計 花子', passwordHash: 'x' })).id;
    orgA = (await insertOrganisation(database.db, { kind: 'applicant', name_ja: '甲設計', name_en: 'A Design', short_name_ja: '甲' })).id;
    orgB = (await insertOrganisation(database.db, { kind: 'applicant', name_ja: '乙建設', name_en: 'B Build', short_name_ja: '乙' })).id;
  });
  afterAll(() => database?.close());

  it('keeps each organisation’s names apart, one material per folded name, the latest choice winning', async () => {
    await rememberCarbonMaterialNames(database.db, orgA, [named('集成材', 'wood.glulam_small'), named('ＲＣ打設', 'concrete.ready_mixed')], userId);
    await rememberCarbonMaterialNames(database.db, orgB, [named('集成材', 'wood.glulam_medium')], userId);
    // The same name, typed another way, replaces the earlier choice; duplicates in one call: the last wins.
    await rememberCarbonMaterialNames(database.db, orgA, [named('集成材 ', 'wood.clt'), named(' 集成材', 'wood.glulam_medium')], userId);
    const a = await listCarbonMaterialNames(database.db, orgA);
    expect(a.map((r) => [r.name, r.materialKey])).toEqual([
      ['ＲＣ打設', 'concrete.ready_mixed'],
      [' 集成材', 'wood.glulam_medium'],
    ]);
    expect((await listCarbonMaterialNames(database.db, orgB)).map((r) => [r.name, r.materialKey])).toEqual([['集成材', 'wood.glulam_medium']]);
    expect(await listCarbonMaterialNames(database.db, '00000000-0000-4000-8000-000000000000')).toEqual([]);
  });

  it('writes many names in batches', async () => {
    const many = Array.from({ length: 1_203 }, (_, i) => named(`資材${i}`, 'wood.clt'));
    await rememberCarbonMaterialNames(database.db, orgB, many, userId);
    expect(await listCarbonMaterialNames(database.db, orgB)).toHaveLength(1_204);
  });
});

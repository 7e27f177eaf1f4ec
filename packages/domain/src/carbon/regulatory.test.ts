import { describe, expect, it } from 'vitest';
import {
  daysBefore,
  energyLabelStars,
  inducedStandardBei,
  insulationGradeDisplay,
  lcco2Duties,
  zebRank,
} from './regulatory';

describe('届出 (offices of 5,000 m² or more, 14 days before construction)', () => {
  it('applies from 5,000 m², not at 4,999 m²', () => {
    expect(lcco2Duties({ use: 'office', floorAreaM2: 4_999, works: 'new' }).notification.applies).toBe(false);
    expect(lcco2Duties({ use: 'office', floorAreaM2: 5_000, works: 'new' }).notification.applies).toBe(true);
    expect(lcco2Duties({ use: 'office', floorAreaM2: 4_999.99, works: 'new' }).notification.applies).toBe(
      false,
    );
  });

  it('gives the due date: 14 days before the start of construction, across a month end', () => {
    const duties = lcco2Duties({
      use: 'office',
      floorAreaM2: 12_000,
      works: 'new',
      constructionStart: '2028-06-10',
    });
    expect(duties.notification).toMatchObject({
      applies: true,
      by: '建築主',
      to: '国土交通大臣',
      dueDate: '2028-05-27',
      dueDateJa: '令和10年5月27日',
    });
    expect(
      lcco2Duties({ use: 'office', floorAreaM2: 6_000, works: 'extension', constructionStart: '2029-03-01' })
        .notification.dueDate,
    ).toBe('2029-02-15');
    expect(daysBefore('2028-03-01', 14)).toBe('2028-02-16'); // 2028 is a leap year
  });

  it('covers offices only, and new building or extension only', () => {
    expect(lcco2Duties({ use: 'retail', floorAreaM2: 20_000, works: 'new' }).notification.applies).toBe(
      false,
    );
    expect(
      lcco2Duties({ use: 'office', floorAreaM2: 20_000, works: 'renovation' }).notification.applies,
    ).toBe(false);
    expect(lcco2Duties({ use: 'office', floorAreaM2: 20_000, works: 'new' }).notification.dueDate).toBeNull();
  });
});

describe('説明 (non-residential of 2,000 m² or more, before construction)', () => {
  it('applies from 2,000 m², not at 1,999 m²', () => {
    expect(lcco2Duties({ use: 'school', floorAreaM2: 1_999, works: 'new' }).explanation.applies).toBe(false);
    expect(lcco2Duties({ use: 'school', floorAreaM2: 2_000, works: 'new' }).explanation).toMatchObject({
      applies: true,
      by: '建築士',
      to: '建築主',
    });
  });

  it('not for housing; an office of 3,000 m² has to explain but not file', () => {
    expect(lcco2Duties({ use: 'housing', floorAreaM2: 50_000, works: 'new' }).explanation.applies).toBe(
      false,
    );
    const office = lcco2Duties({
      use: 'office',
      floorAreaM2: 3_000,
      works: 'new',
      constructionStart: '2028-09-01',
    });
    expect(office.explanation).toMatchObject({ applies: true, before: '2028-09-01' });
    expect(office.notification.applies).toBe(false);
    expect(office.status).toBe('proposed');
  });
});

describe('省エネ性能ラベル stars', () => {
  it('one star at compliance (BEI ≤ 1.0), one more per further 10%', () => {
    const stars = (bei: number) => energyLabelStars({ bei, residential: false, renewables: false }).stars;
    expect(stars(1.01)).toBe(0);
    expect(stars(1.0)).toBe(1);
    expect(stars(0.91)).toBe(1);
    expect(stars(0.9)).toBe(2);
    expect(stars(0.8)).toBe(3);
    expect(stars(0.7)).toBe(4);
    expect(stars(0.6)).toBe(5);
    expect(stars(0.5)).toBe(6);
    expect(stars(0.3)).toBe(6); // the scale stops at six
  });

  it('homes without renewable equipment stop at four stars', () => {
    expect(energyLabelStars({ bei: 0.5, residential: true, renewables: false })).toEqual({
      stars: 4,
      maxStars: 4,
      compliant: true,
    });
    expect(energyLabelStars({ bei: 0.5, residential: true, renewables: true })).toEqual({
      stars: 6,
      maxStars: 6,
      compliant: true,
    });
    expect(energyLabelStars({ bei: 1.2, residential: true, renewables: true }).compliant).toBe(false);
  });
});

describe('ZEB rank', () => {
  const office = { use: 'office' as const, floorAreaM2: 12_000 };
  it('by BEI without and with renewables', () => {
    expect(zebRank({ ...office, beiExcludingRenewables: 0.5, beiIncludingRenewables: 0 }).rank).toBe(
      '『ZEB』',
    );
    expect(zebRank({ ...office, beiExcludingRenewables: 0.45, beiIncludingRenewables: 0.25 }).rank).toBe(
      'Nearly ZEB',
    );
    expect(zebRank({ ...office, beiExcludingRenewables: 0.5, beiIncludingRenewables: 0.26 }).rank).toBe(
      'ZEB Ready',
    );
    expect(zebRank({ ...office, beiExcludingRenewables: 0.51 }).rank).toBeNull();
  });

  it('ZEB Oriented: 10,000 m² or more, 0.6 or 0.7 by use, with unevaluated technologies', () => {
    expect(zebRank({ ...office, beiExcludingRenewables: 0.6, unevaluatedTechnologies: true }).rank).toBe(
      'ZEB Oriented',
    );
    expect(zebRank({ ...office, beiExcludingRenewables: 0.6 }).rank).toBeNull();
    expect(
      zebRank({ ...office, beiExcludingRenewables: 0.65, unevaluatedTechnologies: true }).rank,
    ).toBeNull();
    expect(
      zebRank({
        use: 'hospital',
        floorAreaM2: 12_000,
        beiExcludingRenewables: 0.7,
        unevaluatedTechnologies: true,
      }).rank,
    ).toBe('ZEB Oriented');
    expect(
      zebRank({
        use: 'office',
        floorAreaM2: 9_999,
        beiExcludingRenewables: 0.6,
        unevaluatedTechnologies: true,
      }).rank,
    ).toBeNull();
    expect(
      zebRank({
        use: 'housing',
        floorAreaM2: 12_000,
        beiExcludingRenewables: 0.3,
        beiIncludingRenewables: -0.1,
      }).rank,
    ).toBeNull();
  });

  it('induced standards (誘導基準): homes 0.8, offices 0.6, hotels 0.7', () => {
    expect([
      inducedStandardBei('housing'),
      inducedStandardBei('office'),
      inducedStandardBei('hotel'),
      inducedStandardBei('other'),
    ]).toEqual([0.8, 0.6, 0.7, null]);
  });
});

describe('insulation grade', () => {
  it('shows seven steps with 4 as compliance', () => {
    expect(insulationGradeDisplay(3)).toMatchObject({ compliant: false, marks: '■■■□□□□' });
    expect(insulationGradeDisplay(4)).toMatchObject({
      compliant: true,
      labelJa: '断熱等性能等級4',
      marks: '■■■■□□□',
    });
    expect(insulationGradeDisplay(7).marks).toBe('■■■■■■■');
    expect(() => insulationGradeDisplay(8)).toThrow(RangeError);
    expect(() => insulationGradeDisplay(0)).toThrow(RangeError);
  });
});

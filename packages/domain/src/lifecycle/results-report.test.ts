import { describe, expect, it } from 'vitest';
import { cltExampleApplicationContent } from '../programmes/clt/examples';
import { errorMessage } from '../errors';
import { jstInstant } from '../time';
import { checkResultsReport, emptyResultsReportDraft, parseResultsReportDraft, ReportDraftShapeError, reportDraftWithValueAt, reportedLines } from './results-report';
import { BUILTIN_PROGRAMMES } from '../programmes/input';

const EVIDENCE = '00000000-0000-4000-8000-0000000000e1';
const now = jstInstant(2026, 2, 10, 10);
const staff = { type: 'regular' as const, personId: 'p1', name: '山田', pay: [{ kind: 'base_salary', amount: 6_000_000 }], welfare: [{ kind: 'health_insurance', amount: 900_000 }], businessDays: 240, hoursPerDay: 7.5 };
const day = (entries: { project: string; kind: string; start: string; end: string }[]) => ({
  personId: 'p1',
  date: '2026-01-15',
  writtenBy: 'p1',
  countersignedBy: 'manager1',
  breaks: [{ start: '12:00', end: '13:00' }],
  entries: entries.map((e) => ({ ...e, description: '原単位の算定' })),
});
const published = { status: 'published' as const, publishedOn: '2026-02-01', where: 'SuMPO EPD', factorValue: '1.23 kg-CO2e/kg' };

describe('results report (実績報告)', () => {
  it('names every problem by its path: no evidence, an unknown category, a bad amount', () => {
    const bad = checkResultsReport(BUILTIN_PROGRAMMES.co2_factor_support, { lines: [{ id: 'l1', category: 'verification', amount: -3 }] }, null, now);
    expect(bad.issues).toEqual([expect.objectContaining({ code: 'results.amount_invalid', path: 'lines.0.amount' })]);
    const { issues } = checkResultsReport(
      BUILTIN_PROGRAMMES.co2_factor_support,
      { lines: [{ id: 'l1', category: 'verification', amount: 500_000 }, { id: 'l2', category: 'catering', amount: 1, evidenceAttachmentIds: [EVIDENCE] }], publication: published },
      null,
      now,
    );
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['results.evidence_required', 'lines.0.evidenceAttachmentIds'],
      ['results.category_unknown', 'lines.1.category'],
    ]);
  });

  it('CO2: the factor is published, or developed with publication in the next fiscal year (001 §2.2)', () => {
    const lines = [{ id: 'l1', category: 'verification', amount: 500_000, evidenceAttachmentIds: [EVIDENCE] }];
    expect(checkResultsReport(BUILTIN_PROGRAMMES.co2_factor_support, { lines }, null, now).issues.map((i) => i.code)).toEqual(['results.publication_required']);
    expect(checkResultsReport(BUILTIN_PROGRAMMES.co2_factor_support, { lines, publication: published }, null, now).issues).toEqual([]);
    const nextYear = { status: 'next_year' as const, expectedOn: '2026-09-30', reason: '第三者検証に時間を要するため', developed: true };
    // Reported in FY2025 (February 2026): next year is FY2026, April 2026 – March 2027.
    expect(checkResultsReport(BUILTIN_PROGRAMMES.co2_factor_support, { lines, publication: nextYear }, null, now).issues).toEqual([]);
    const tooLate = checkResultsReport(BUILTIN_PROGRAMMES.co2_factor_support, { lines, publication: { ...nextYear, expectedOn: '2027-06-01' } }, null, now);
    expect(tooLate.issues).toEqual([expect.objectContaining({ code: 'results.publication_not_next_year', path: 'publication.expectedOn', params: { fiscalYear: 2026 } })]);
    const notDeveloped = checkResultsReport(BUILTIN_PROGRAMMES.co2_factor_support, { lines, publication: { ...nextYear, developed: false } }, null, now);
    expect(notDeveloped.issues[0]).toMatchObject({ code: 'results.factor_must_be_developed', path: 'publication.developed' });
  });

  it('personnel cost comes from the diaries: an overlap is an error on the entry and does not count; the claim may not exceed the sheet', () => {
    const personnelLine = { id: 'l1', category: 'personnel', amount: 11_499, evidenceAttachmentIds: [EVIDENCE] };
    const overlapping = day([
      { project: '本事業', kind: 'this_project', start: '09:00', end: '12:00' },
      { project: 'B社案件', kind: 'other_project', start: '11:00', end: '12:00' },
    ]);
    const first = checkResultsReport(BUILTIN_PROGRAMMES.co2_factor_support, { lines: [personnelLine], publication: published, personnel: { staff: [staff], diaries: [overlapping] } }, null, now);
    expect(first.issues.map((i) => [i.code, i.path])).toEqual([
      ['personnel.diary_overlap', 'personnel.diaries.0.entries.0'],
      ['personnel.diary_overlap', 'personnel.diaries.0.entries.1'],
      ['results.personnel_exceeds_diaries', 'personnel'],
    ]);
    const fixed = day([
      { project: '本事業', kind: 'this_project', start: '09:00', end: '12:00' },
      { project: 'B社案件', kind: 'other_project', start: '13:00', end: '14:00' },
    ]);
    const second = checkResultsReport(BUILTIN_PROGRAMMES.co2_factor_support, { lines: [personnelLine], publication: published, personnel: { staff: [staff], diaries: [fixed] } }, null, now);
    expect(second.issues).toEqual([]);
    // (6,000,000 + 900,000) ÷ (240 days × 7.5 h) = ¥3,833/h (rounded down); 3 h → ¥11,499.
    expect(second.summary?.personnel).toEqual([expect.objectContaining({ personId: 'p1', rate: 3_833, directMinutes: 180, cost: 11_499 })]);
    const claimWithoutSheet = checkResultsReport(BUILTIN_PROGRAMMES.co2_factor_support, { lines: [personnelLine], publication: published }, null, now);
    expect(claimWithoutSheet.issues.map((i) => i.code)).toEqual(['results.personnel_sheet_required']);
  });

  it('a break inside an entry is an error on that entry (breaks are not working time)', () => {
    const withBreak = day([{ project: '本事業', kind: 'this_project', start: '11:00', end: '14:00' }]);
    const { issues } = checkResultsReport(BUILTIN_PROGRAMMES.co2_factor_support, { lines: [], publication: published, personnel: { staff: [staff], diaries: [withBreak] } }, null, now);
    expect(issues.map((i) => [i.code, i.path])).toContainEqual(['personnel.diary_break_included', 'personnel.diaries.0.entries.0']);
  });

  it('CLT: every checklist item planned at application is ticked done at the report (添付様式6 注2)', () => {
    const frozen = cltExampleApplicationContent();
    const lines = [{ id: 'b1', category: 'supplies', amount: 1_100_000, evidenceAttachmentIds: [EVIDENCE] }];
    const none = checkResultsReport(BUILTIN_PROGRAMMES.clt_demonstration, { lines }, frozen, now);
    expect(none.issues.length).toBeGreaterThan(0);
    expect(none.issues.every((i) => i.code === 'checklist.item_not_done' && i.path.startsWith('checklist.answers.'))).toBe(true);
    const planned = (frozen.checklist as { answers: Record<string, string> }).answers;
    const answers = Object.fromEntries(Object.entries(planned).filter(([, a]) => a === 'will_do').map(([k]) => [k, 'done']));
    const done = checkResultsReport(BUILTIN_PROGRAMMES.clt_demonstration, { lines, checklist: { answers } }, frozen, now);
    expect(done.issues).toEqual([]);
    expect(reportedLines(done.report!)).toEqual([{ id: 'b1', category: 'supplies', amount: 1_100_000 }]);
  });
});

describe('results report while incomplete', () => {
  it('still checks the work diaries when another part does not parse yet', () => {
    const draft = {
      lines: [{ id: 'l1', category: '', amount: 1 }],
      personnel: {
        staff: [{ type: 'regular' as const, personId: 'p1', pay: [{ kind: 'base_salary', amount: 1 }], businessDays: 1, hoursPerDay: 1 }],
        diaries: [
          {
            personId: 'p1',
            date: '2026-01-15',
            writtenBy: 'p1',
            entries: [
              { project: 'A', kind: 'this_project', start: '09:00', end: '11:00' },
              { project: 'B', kind: 'other_project', start: '10:00', end: '12:00' },
            ],
          },
        ],
      },
    };
    const { issues, report } = checkResultsReport(BUILTIN_PROGRAMMES.co2_factor_support, draft, null, jstInstant(2026, 2, 1));
    expect(report).toBeNull();
    expect(issues.map((i) => i.code)).toEqual(['results.category_required', 'personnel.diary_overlap', 'personnel.diary_overlap']);
  });
});

describe('results-report draft (results_reports.content)', () => {
  it('keeps a draft as the portal writes it mid-entry: a negative amount, empty times, an undeveloped next-year publication', () => {
    const draft = {
      lines: [{ id: 'l1', category: 'verification', description: '', amount: -3, evidenceAttachmentIds: [] }, { id: 'l2' }],
      publication: { status: 'next_year', developed: false },
      personnel: {
        staff: [{ personId: 'p1', type: 'regular', pay: [], welfare: [] }],
        diaries: [{ personId: 'p1', writtenBy: 'p1', date: '', breaks: [{ start: '12:00', end: '13:00' }], entries: [{ project: '本事業', kind: 'this_project', start: '', end: '', description: '' }] }],
      },
      checklist: { answers: { '3': 'done' } },
    };
    expect(parseResultsReportDraft('app-1', draft)).toEqual(draft);
    expect(parseResultsReportDraft('app-1', emptyResultsReportDraft())).toEqual({ lines: [] });
  });

  it('names the application and the field when a stored draft does not fit: an unknown key, a value of the wrong type', () => {
    const unknownKey = () => parseResultsReportDraft('app-7', { lines: [], summary: 'x' });
    expect(unknownKey).toThrow(ReportDraftShapeError);
    expect(unknownKey).toThrow(expect.objectContaining({ code: 'results.draft_invalid', params: { application: 'app-7', path: '(root)' } }));
    expect(() => parseResultsReportDraft('app-8', { lines: [{ id: 'l1', amount: '100' }] })).toThrow(expect.objectContaining({ params: { application: 'app-8', path: 'lines.0.amount' } }));
    expect(() => parseResultsReportDraft('app-9', ['lines'])).toThrow(/app-9/);
  });
});

describe('editing a results-report draft by path', () => {
  it('sets a nested value, creating the parts it needs and leaving the input alone', () => {
    const draft = { lines: [{ id: 'a', amount: 1 }] };
    expect(reportDraftWithValueAt(draft, 'lines.0.amount', 5)).toEqual({ lines: [{ id: 'a', amount: 5 }] });
    expect(reportDraftWithValueAt(draft, 'publication.status', 'published')).toEqual({ lines: [{ id: 'a', amount: 1 }], publication: { status: 'published' } });
    expect(draft).toEqual({ lines: [{ id: 'a', amount: 1 }] });
  });
  it('refuses a value the draft schema does not take, naming the code', () => {
    expect(() => reportDraftWithValueAt({ lines: [{ id: 'a' }] }, 'lines.0.amount', 'many')).toThrow(expect.objectContaining({ code: 'results.field_invalid' }));
    expect(() => reportDraftWithValueAt({}, 'unknownKey', 1)).toThrow(expect.objectContaining({ code: 'results.field_invalid' }));
  });
  it('names the refused field as the report screen does, never by its path', () => {
    expect(() => reportDraftWithValueAt({ lines: [{ id: 'a' }, { id: 'b' }] }, 'lines.1.description', 7)).toThrow(
      expect.objectContaining({ params: { field: '経費の明細 2行目 内容', fieldEn: 'Cost line 2, Description' } }),
    );
    const bad = { ...emptyResultsReportDraft(), lines: [{ id: 'a', category: 'personnel', amount: 1 }, { id: 'b', category: 'personnel', amount: -3 }] };
    const { issues } = checkResultsReport(BUILTIN_PROGRAMMES.co2_factor_support, bad, null, now);
    const amount = issues.find((i) => i.path === 'lines.1.amount');
    expect(amount?.params).toEqual({ field: '経費の明細 2行目 金額', fieldEn: 'Cost line 2, Amount' });
    for (const i of issues) expect(errorMessage(i.code, 'ja', i.params)).not.toMatch(/\b[a-z]+\.\d+/);
  });
});

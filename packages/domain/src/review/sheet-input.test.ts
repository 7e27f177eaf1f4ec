import { describe, expect, it } from 'vitest';
import { ZConflictForm } from './conflicts';
import { sheetFormSchema } from './sheet-input';

const rubric = {
  scale: { min: 1, max: 5 },
  items: [{ code: 'novelty', weight: 1, text: { ja: '新規性', en: 'Novelty' }, source: '003 §3.3' }],
  levels: [],
  assumption: false,
};

describe('the score sheet form', () => {
  const schema = sheetFormSchema(rubric);
  it('refuses a score outside the scale at its field, with the API’s reason', () => {
    const result = schema.safeParse({ scores: [{ item: 'novelty', score: 9, comment: '' }], overallComment: '' });
    expect(result.error?.issues).toMatchObject([{ path: ['scores', 0, 'score'], message: 'scoring.score_out_of_range', params: { item: '新規性', min: 1, max: 5 } }]);
  });
  it('reads a cleared score as not yet scored and a blank comment as none', () => {
    expect(schema.parse({ scores: [{ item: 'novelty', score: '', comment: ' ' }], overallComment: '' })).toEqual({ scores: [{ item: 'novelty', score: null, comment: undefined }], overallComment: undefined });
  });
});

describe('the conflict declaration form', () => {
  it('takes nothing chosen, or a conflict without its kind, as no answer', () => {
    expect(ZConflictForm.safeParse({ answer: null, kinds: [], note: '' }).error?.issues).toMatchObject([{ path: ['answer'], message: 'conflict.answer_required' }]);
    expect(ZConflictForm.safeParse({ answer: 'some', kinds: [], note: '' }).error?.issues).toMatchObject([{ path: ['answer'], message: 'conflict.answer_required' }]);
  });
  it('reads 該当なし as the explicit answer, and a conflict with its note', () => {
    expect(ZConflictForm.parse({ answer: 'none', kinds: ['related_company'], note: 'x' })).toEqual({ noConflict: true, conflicts: [] });
    expect(ZConflictForm.parse({ answer: 'some', kinds: ['related_company'], note: ' 役員 ' })).toEqual({ conflicts: [{ kind: 'related_company', note: '役員' }] });
  });
});

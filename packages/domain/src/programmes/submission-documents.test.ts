import { describe, expect, it } from 'vitest';
import { BUILTIN_PROGRAMMES } from './input';
import { assessApplication, formFields } from './application-form';
import { CLT_DEMONSTRATION } from './clt/definition';
import { cltExampleApplicationContent } from './clt/examples';
import { CO2_FACTOR_SUPPORT } from './co2/definition';
import { budgetStanding } from './shared/documents';
import { computeGrant, validateGrantInput } from './input';
import { documentsToAttach, missingDocuments, pageFindings, type AttachedDocument } from './submission-documents';

const attach = (...codes: string[]): AttachedDocument[] => codes.map((documentCode) => ({ documentCode, pageCount: null }));

describe('required documents at submission (003 §6.4)', () => {
  const content = cltExampleApplicationContent();

  it('asks for the attachments the structured forms do not produce, one per party where so marked', () => {
    const toAttach = documentsToAttach('clt_demonstration', CLT_DEMONSTRATION, content).map((r) => [r.document.code, r.copies]);
    // Owner and council operator differ in the 記載例: 添付資料2 twice. No wood-use agreement: no 添付書類5.
    expect(toAttach).toEqual([
      ['attachment_1_concept', 1],
      ['attachment_1_drawings', 1],
      ['attachment_2', 2],
      ['attachment_3', 1],
      ['attachment_4', 1],
      ['financial_statements', 1],
    ]);
  });

  it('names each missing document with copies needed and attached, and is satisfied once all are there', () => {
    const some = attach('attachment_1_concept', 'attachment_2', 'attachment_3', 'attachment_4', 'financial_statements');
    const issues = missingDocuments('clt_demonstration', CLT_DEMONSTRATION, content, some);
    expect(issues).toEqual([
      { code: 'application.document_missing', path: 'documents.attachment_1_drawings', params: expect.objectContaining({ copies: 1, attached: 0 }) as object },
      { code: 'application.document_missing', path: 'documents.attachment_2', params: expect.objectContaining({ copies: 2, attached: 1 }) as object },
    ]);
    expect(missingDocuments('clt_demonstration', CLT_DEMONSTRATION, content, [...some, ...attach('attachment_1_drawings', 'attachment_2')])).toEqual([]);
  });

  it('lets design-only proposals leave out the drawings, and asks for 添付書類5 only with the wood-use agreement bonus', () => {
    const designOnly = { ...content, grant: { ...content.grant, facts: { ...content.grant?.facts, includesBuildingDemo: false, woodUseAgreement: true } } };
    const codes = missingDocuments('clt_demonstration', CLT_DEMONSTRATION, designOnly, []).map((i) => i.path);
    expect(codes).not.toContain('documents.attachment_1_drawings');
    expect(codes).toContain('documents.attachment_5');
  });

  it('asks the CO2 programme for the quote only (outline, parties and schedule are the wizard)', () => {
    expect(missingDocuments('co2_factor_support', CO2_FACTOR_SUPPORT, { programme: 'co2_factor_support' }, []).map((i) => i.path)).toEqual(['documents.quote']);
  });

  it('blocks submission through assessApplication only when attachments are given', () => {
    expect(assessApplication('clt_demonstration', content, undefined, BUILTIN_PROGRAMMES.clt_demonstration).issues).toEqual([]);
    expect(assessApplication('clt_demonstration', content, [], BUILTIN_PROGRAMMES.clt_demonstration).issues.map((i) => i.code)).toContain('application.document_missing');
  });

  it('warns beside a PDF over its page limit, and says nothing when pages are unknown', () => {
    const findings = pageFindings(CLT_DEMONSTRATION, [
      { documentCode: 'attachment_1_drawings', pageCount: 14 },
      { documentCode: 'attachment_1_concept', pageCount: null },
      { documentCode: 'attachment_1_concept', pageCount: 1 },
    ]);
    expect(findings.map((f) => [f.reason.code, f.reason.level, f.reason.params.max])).toEqual([['programmes.pages_above_guide', 'warning', 10]]);
  });
});

describe('CLT facts asked by the form (003 §2.1, §2.2)', () => {
  it('asks the facts the eligibility rules read, so a complete form leaves none undetermined', () => {
    const paths = formFields('clt_demonstration', CLT_DEMONSTRATION).map((f) => f.path);
    for (const fact of ['contentClear', 'constructionCertainAfterDesign', 'councilOperatorIsIndividual', 'councilOperatorCanAccount', 'buildsAdoptedDesignDemo', 'isStructureNotBuilding'])
      expect(paths).toContain(`grant.facts.${fact}`);
    const validated = validateGrantInput(CLT_DEMONSTRATION, (cltExampleApplicationContent() as { grant: unknown }).grant);
    if (!validated.ok) throw new Error('the example is valid');
    expect(computeGrant(CLT_DEMONSTRATION, validated.value).eligibility.status).toBe('eligible');
  });

  it('an unanswered council-operator question is required before submission', () => {
    const content = cltExampleApplicationContent();
    delete content.grant?.facts?.councilOperatorCanAccount;
    expect(assessApplication('clt_demonstration', content, undefined, BUILTIN_PROGRAMMES.clt_demonstration).issues).toContainEqual(
      expect.objectContaining({ code: 'application.field_required', path: 'grant.facts.councilOperatorCanAccount' }),
    );
  });
});

describe('budget standing (001 §2.6)', () => {
  it('is the budget less the committed total, never below zero; only the CO2 call closes on it', () => {
    expect(budgetStanding(CLT_DEMONSTRATION, { amount: 627_000_000, approvedTotal: 27_000_000 })).toEqual({
      budget: 627_000_000,
      committed: 27_000_000,
      remaining: 600_000_000,
      exhausted: false,
      closesCall: false,
    });
    expect(budgetStanding(CO2_FACTOR_SUPPORT, { amount: 100_000_000, approvedTotal: 100_000_001 })).toMatchObject({ remaining: 0, exhausted: true, closesCall: true });
    expect(budgetStanding(CLT_DEMONSTRATION, { amount: 627_000_000, approvedTotal: 627_000_000 })).toMatchObject({ exhausted: true, closesCall: false });
  });
});

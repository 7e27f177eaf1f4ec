import { describe, expect, it } from 'vitest';
import { mayReadAssociation, mayReportForAssociation } from './access';

const A = 'association-a';
const B = 'association-b';

describe('association access', () => {
  it('lets the ministry read every association but report for none', () => {
    const ministry = [{ role: 'ministry' as const, organisationId: 'mlit' }];
    expect(mayReadAssociation(ministry, A)).toBe(true);
    expect(mayReportForAssociation(ministry, A)).toBe(false);
  });

  it('lets a viewer read only its own association and change nothing', () => {
    const viewer = [{ role: 'association_viewer' as const, organisationId: A }];
    expect(mayReadAssociation(viewer, A)).toBe(true);
    expect(mayReadAssociation(viewer, B)).toBe(false);
    expect(mayReportForAssociation(viewer, A)).toBe(false);
  });

  it('lets a reporter change its own association only', () => {
    const reporter = [{ role: 'association_reporter' as const, organisationId: A }];
    expect(mayReportForAssociation(reporter, A)).toBe(true);
    expect(mayReportForAssociation(reporter, B)).toBe(false);
  });

  it('gives nothing to staff of other kinds', () => {
    const reviewer = [{ role: 'reviewer' as const, organisationId: A }];
    expect(mayReadAssociation(reviewer, A)).toBe(false);
    expect(mayReportForAssociation(reviewer, A)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { journeyOfProcedure } from './journeys';

describe('journeyOfProcedure', () => {
  it("names the journey of every procedure the load's users call", () => {
    expect(['programmes.list', 'applications.createDraft', 'attachments.upload', 'applications.submit'].map(journeyOfProcedure)).toEqual(Array(4).fill('applicant'));
    expect(['review.programmes', 'review.queue'].map(journeyOfProcedure)).toEqual(['console', 'console']);
    expect(['ccus.metrics', 'ccus.overview'].map(journeyOfProcedure)).toEqual(['dashboard', 'dashboard']);
    expect(journeyOfProcedure('other')).toBe('other');
  });
});

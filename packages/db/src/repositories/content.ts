import { parseApplicationContent, type TApplicationContent } from '@tsumiki/domain/programmes';

/**
 * The database boundary of application content: every row that leaves a repository has its
 * content parsed by the programme's schema (a row that does not fit is a ContentShapeError naming
 * the application), and content is written as the JSON of an already typed value.
 */
export function withContent<R extends { content: unknown }>(applicationId: string, row: R): Omit<R, 'content'> & { content: TApplicationContent } {
  return { ...row, content: parseApplicationContent(applicationId, row.content) };
}

export const withApplicationContent = <R extends { id: string; content: unknown }>(row: R) => withContent(row.id, row);
export const withSubmissionContent = <R extends { application_id: string; content: unknown }>(row: R) => withContent(row.application_id, row);
export const withProposedContent = <R extends { application_id: string; proposed_content: unknown }>(row: R): Omit<R, 'proposed_content'> & { proposed_content: TApplicationContent } => ({
  ...row,
  proposed_content: parseApplicationContent(row.application_id, row.proposed_content),
});

export const contentJson = (content: TApplicationContent): string => JSON.stringify(content);

import { screen, within } from '@testing-library/react';
import { BUILTIN_PROGRAMMES, cltExampleApplicationContent } from '@tsumiki/domain/programmes';
import { fakeApi, renderWithTsumiki } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { AttachmentsSection } from './attachments-section';

const file = (id: string, document_code: string | null, page_count: number | null) => ({ id, file_name: `${id}.pdf`, size_bytes: 2048, document_code, page_count });

describe('attachments and required documents', () => {
  it('lists each required document with its state, and warns beside a PDF over its page guide', () => {
    renderWithTsumiki(
      <AttachmentsSection
        applicationId="a1"
        kind="clt_demonstration"
        rules={BUILTIN_PROGRAMMES.clt_demonstration}
        content={cltExampleApplicationContent()}
        attachments={[file('concept', 'attachment_1_concept', 1), file('drawings', 'attachment_1_drawings', 14), file('profile', 'attachment_2', null)]}
        editable
      />,
      { api: fakeApi({}), messages },
    );
    const table = screen.getByTestId('required-documents');
    const row = (code: string) => table.querySelector(`[data-document=${code}]`) as HTMLElement;
    expect(within(row('attachment_1_concept')).getByText('揃っています')).toBeTruthy();
    // Owner and council operator differ: two company profiles, one attached.
    expect(row('attachment_2').textContent).toContain('21未添付');
    expect(row('attachment_4').textContent).toContain('未添付');
    expect(row('attachment_1_drawings').textContent).toContain('A3 10枚程度');
    const warnings = screen.getAllByTestId('page-warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.textContent).toMatch(/14/);
    expect(screen.getByTestId('attachment-list').textContent).toContain('drawings.pdf（添付資料1 平面図・立面図・断面図・詳細図等）');
  });
});

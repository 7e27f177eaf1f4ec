import { fireEvent, screen } from '@testing-library/react';
import { fakeApi, renderWithTsumiki } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { AttachmentList } from './attachment-list';

describe('attachment preview', () => {
  it('frames a PDF and shows an image from the preview route, and offers nothing for other types', async () => {
    renderWithTsumiki(
      <AttachmentList
        title="添付書類"
        emptyText="なし"
        attachments={[
          { id: 'p1', fileName: '様式1.pdf', type: 'application/pdf', sizeBytes: 1200 },
          { id: 'i1', fileName: '配置図.png', type: 'image/png', sizeBytes: 800 },
          { id: 'd1', fileName: '工程表.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', sizeBytes: 500 },
        ]}
      />,
      { api: fakeApi({}), app: 'console', messages },
    );
    fireEvent.click(await screen.findByRole('button', { name: '「様式1.pdf」を表示' }));
    const frame = screen.getByTestId('attachment-frame');
    expect(frame.getAttribute('src')).toBe('/files/attachments/p1');
    expect(frame.getAttribute('title')).toBe('添付書類のプレビュー: 様式1.pdf');
    expect(screen.getByRole('button', { name: '「様式1.pdf」を閉じる' }).getAttribute('aria-expanded')).toBe('true');
    // One preview at a time.
    fireEvent.click(screen.getByRole('button', { name: '「配置図.png」を表示' }));
    expect(screen.queryByTestId('attachment-frame')).toBeNull();
    expect(screen.getByAltText('配置図.png').getAttribute('src')).toBe('/files/attachments/i1');
    expect(screen.queryByTestId('preview-d1')).toBeNull();
    expect(screen.getByText('ブラウザでは表示できない形式です')).toBeTruthy();
  });
});

import { fireEvent, screen, waitFor } from '@testing-library/react';
import { LCA_IMPLEMENTATION, listTemplateSummaries } from '@tsumiki/domain/programmes';
import { AuthGate } from '@tsumiki/ui';
import { fakeApi, renderWithTsumiki, sessionOf } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { ConsoleRoutes } from '../routes';

const created = {
  id: '6f1c1d2e-0000-4000-8000-000000000010',
  code: 'lca_support_r8',
  kind: 'lca_implementation',
  nameJa: '令和8年度 建築物LCA実施支援事業',
  nameEn: 'FY2026 LCA support',
  versions: [{ id: 'v1', version: 1, status: 'published', changeSummary: 'テンプレートから作成', createdAt: new Date(), publishedAt: new Date(), definition: LCA_IMPLEMENTATION }],
};

describe('creating a programme from a template', () => {
  it('describes each template in Japanese, names a malformed or taken code as it is typed, and lands in the editor', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('programme_admin', '佐藤 誠') },
      'programmeDefinitions.templates': { data: listTemplateSummaries() },
      'programmeDefinitions.codeAvailable': (input) => {
        const { code } = input as { code: string };
        return { data: { code, available: code !== 'lca_implementation' } };
      },
      'programmeDefinitions.createFromTemplate': { data: { id: created.id, version: created.versions[0] } },
      'programmeDefinitions.get': { data: created },
      'programmeDefinitions.tryIt': { data: { publishedVersion: 1, draft: null, published: null } },
    });
    renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', messages, route: '/programme-definitions/new' });
    const lca = await screen.findByRole('radio', { name: '建築GX・DX推進事業（LCA実施型）' });
    expect(screen.getByText('LCAの実施費用を定額補助（BIMなし650万円・BIMあり500万円、原単位策定で400万円加算）。')).toBeTruthy();
    // Nothing is sent before the form is whole: the template is asked for by name.
    fireEvent.click(screen.getByTestId('programme-create'));
    expect(await screen.findByText('テンプレートを選んでください。')).toBeTruthy();
    expect(api.calls.some((c) => c.path === 'programmeDefinitions.createFromTemplate')).toBe(false);

    // Choosing it offers the template's name, which the office then makes its own.
    fireEvent.click(lca);
    expect(screen.getByTestId<HTMLInputElement>('programme-name-ja').value).toBe('建築GX・DX推進事業（LCA実施型）');
    fireEvent.change(screen.getByTestId('programme-name-ja'), { target: { value: created.nameJa } });
    fireEvent.change(screen.getByTestId('programme-code'), { target: { value: 'LCA 8' } });
    expect(await screen.findByText('公募コードは英小文字で始まる英小文字・数字・下線の3〜50文字にしてください。')).toBeTruthy();
    fireEvent.change(screen.getByTestId('programme-code'), { target: { value: 'lca_implementation' } });
    expect(await screen.findByText('公募コード「lca_implementation」はすでに使われています。別のコードを入力してください。')).toBeTruthy();
    fireEvent.change(screen.getByTestId('programme-code'), { target: { value: 'lca_support_r8' } });
    await waitFor(() => expect(screen.queryByText(/はすでに使われています/)).toBeNull());

    fireEvent.click(screen.getByTestId('programme-create'));
    await waitFor(() => expect(api.calls.some((c) => c.path === 'programmeDefinitions.createFromTemplate')).toBe(true));
    expect(api.calls.find((c) => c.path === 'programmeDefinitions.createFromTemplate')?.input).toEqual({
      template: 'lca_implementation',
      code: 'lca_support_r8',
      nameJa: created.nameJa,
      nameEn: 'Building GX/DX promotion: LCA implementation support',
      officeOrganisationId: '00000000-0000-4000-8000-000000000003',
    });
    expect(await screen.findByTestId('definition-editor-page')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: created.nameJa })).toBeTruthy();
  });
});

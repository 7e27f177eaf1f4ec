import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SignInPage } from './sign-in-page';
import { fakeApi, renderWithTsumiki } from './testing';

describe('sign-in page', () => {
  it('offers organisation sign-up in the portal only (staff accounts are made by the office)', () => {
    renderWithTsumiki(<SignInPage onEnrolled={() => {}} />, { api: fakeApi({}), app: 'portal' });
    expect(screen.getByRole('link', { name: 'はじめての組織は、こちらから登録できます' }).getAttribute('href')).toBe('/sign-up');
  });
  it('has no sign-up link in the console', () => {
    renderWithTsumiki(<SignInPage onEnrolled={() => {}} />, { api: fakeApi({}), app: 'console' });
    expect(screen.queryByRole('link', { name: /登録/ })).toBeNull();
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter, RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { react } from '../index.js';
import { oneFormHook } from './one-form-hook.js';
import { tsumikiPlugin } from './no-status-literal.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
});
const error = (source) => ({ messageId: 'library', data: { source } });
const hook = ['packages/ui/src/domain-form.ts'];

tester.run('one-form-hook', oneFormHook, {
  valid: [
    "import { useDomainForm } from '@tsumiki/ui';",
    "import { TextInput } from '@mantine/core';",
    "import { useForm } from './use-form';",
    // The hook itself is the one place the library is used.
    {
      code: "import { schemaResolver, useForm } from '@mantine/form';",
      filename: '/repo/packages/ui/src/domain-form.ts',
      options: [{ allow: hook }],
    },
  ],
  invalid: [
    {
      code: "import { schemaResolver, useForm } from '@mantine/form';",
      filename: '/repo/apps/portal/src/new-form.tsx',
      options: [{ allow: hook }],
      errors: [error('@mantine/form')],
    },
    { code: "import { useForm } from '@mantine/form';", errors: [error('@mantine/form')] },
    { code: "import type { UseFormReturnType } from '@mantine/form';", errors: [error('@mantine/form')] },
    { code: "import { useForm } from 'react-hook-form';", errors: [error('react-hook-form')] },
    { code: "import { zodResolver } from '@hookform/resolvers/zod'; import { Formik } from 'formik';", errors: [error('formik')] },
    { code: "export { useForm } from '@mantine/form';", errors: [error('@mantine/form')] },
    { code: "const m = await import('@mantine/form');", errors: [error('@mantine/form')] },
    // Allowed is the hook's own file, not any file of the same name elsewhere.
    {
      code: "import { useForm } from '@mantine/form';",
      filename: '/repo/apps/console/src/domain-form.tsx',
      options: [{ allow: hook }],
      errors: [error('@mantine/form')],
    },
  ],
});

describe('the react layer', () => {
  // The rule as the apps' lint configuration sets it, not as a test sets it up.
  const entry = react.find((c) => c.rules?.['tsumiki/one-form-hook']);
  const lint = (filename) =>
    new Linter({ configType: 'flat', cwd: '/repo' })
      .verify("import { useForm } from '@mantine/form';\n", [
        { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser }, plugins: { tsumiki: tsumikiPlugin }, rules: entry.rules },
      ], { filename })
      .map((m) => m.ruleId);
  it('is on for the source of apps and the shared UI', () => {
    assert.ok(entry, 'the react config lacks tsumiki/one-form-hook');
    assert.ok(entry.files.includes('src/**/*.tsx'));
  });
  it('refuses the form library in an app and allows it in the shared hook only', () => {
    assert.deepEqual(lint('/repo/apps/dashboard/src/pages/new-page.tsx'), ['tsumiki/one-form-hook']);
    assert.deepEqual(lint('/repo/packages/ui/src/sign-in-page.tsx'), ['tsumiki/one-form-hook']);
    assert.deepEqual(lint('/repo/packages/ui/src/domain-form.ts'), []);
  });
});

import { Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { fieldErrorText, LocaleSwitch } from '@tsumiki/ui';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** What the form needs of a zod schema (the portal depends on the domain's schemas, not on zod). */
interface Schema<O> {
  safeParse(value: unknown): { success: true; data: O } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

type Values = Record<string, unknown>;

const getAt = (values: Values, path: string): unknown =>
  path.split('.').reduce<unknown>((v, key) => (typeof v === 'object' && v !== null ? (v as Values)[key] : undefined), values);

function setAt<V extends Values>(values: V, path: string, value: unknown): V {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const child = values[head];
  return { ...values, [head]: rest.length === 0 ? value : setAt(typeof child === 'object' && child !== null ? (child as Values) : {}, rest.join('.'), value) };
}

/**
 * A form checked by the shared zod schema as you type: every field's first issue (a catalogue
 * code), shown once the field has been left or the form submitted.
 */
export function useSchemaForm<I extends Values, O>(schema: Schema<O>, initial: I) {
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const parsed = schema.safeParse(values);
  const issues: Record<string, string> = {};
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).join('.');
      issues[key] ??= issue.message;
    }
  return {
    values,
    /** The code to show for `path`, or undefined while the field is untouched. */
    issue: (path: string) => (submitted || touched[path] ? issues[path] : undefined),
    text: (path: string) => {
      const v = getAt(values, path);
      return typeof v === 'string' ? v : '';
    },
    setText: (path: string, value: string) => setValues((v) => setAt(v, path, value)),
    touch: (path: string) => setTouched((t) => ({ ...t, [path]: true })),
    submit: () => {
      setSubmitted(true);
      return parsed.success ? parsed.data : null;
    },
  };
}

type SchemaForm = ReturnType<typeof useSchemaForm<Values, unknown>>;

/** One text (or password) input bound to a path of a schema form, its issue shown in the user's language. */
export function SchemaInput({
  form,
  path,
  label,
  password = false,
  ...extra
}: {
  form: Pick<SchemaForm, 'issue' | 'text' | 'setText' | 'touch'>;
  path: string;
  label: string;
  password?: boolean;
  type?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'email';
  description?: string;
}) {
  const { t } = useTranslation();
  const props = {
    label,
    name: path,
    required: true,
    value: form.text(path),
    description: extra.description,
    autoComplete: extra.autoComplete,
    onBlur: () => form.touch(path),
    onChange: (e: { currentTarget: { value: string } }) => form.setText(path, e.currentTarget.value),
    error: fieldErrorText(t, form.issue(path)),
  };
  return password ? <PasswordInput {...props} /> : <TextInput {...props} type={extra.type} inputMode={extra.inputMode} />;
}

/** The frame of the pages reached before signing in (sign-up, invitation): a card with a form and the language switch. */
export function PublicCard({ testId, title, onSubmit, children }: { testId: string; title: string; onSubmit: (event: FormEvent) => void; children: ReactNode }) {
  return (
    <Center mih="100vh" p="md" component="main" id="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={560}>
        <form noValidate onSubmit={onSubmit} aria-labelledby={`${testId}-title`} data-testid={testId}>
          <Stack>
            <Title order={1} size="h2" id={`${testId}-title`}>
              {title}
            </Title>
            {children}
            <Center>
              <LocaleSwitch />
            </Center>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

/** After sign-up or an accepted invitation: drop what was cached for nobody and enter the portal. */
export function useEnterPortal() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    await queryClient.resetQueries();
    void navigate('/');
  };
}

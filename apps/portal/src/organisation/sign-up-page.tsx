import {
  Alert,
  Anchor,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZOrganisationSignUpInput } from '@tsumiki/domain';
import { errorText, fieldErrorText, LocaleSwitch, useTRPC } from '@tsumiki/ui';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSchemaForm } from './form-state';

type Path =
  | 'organisation.name'
  | 'organisation.corporateNumber'
  | 'organisation.address'
  | 'organisation.representative'
  | 'user.displayName'
  | 'user.email'
  | 'user.password';

/** 組織の新規登録: the organisation and its first applicant, who is signed in on success. */
export function SignUpPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useSchemaForm(ZOrganisationSignUpInput, {
    organisation: { name: '', corporateNumber: '', address: '', representative: '' },
    user: { displayName: '', email: '', password: '' },
  });
  const signUp = useMutation(
    trpc.auth.signUp.mutationOptions({
      onSuccess: async () => {
        await queryClient.resetQueries();
        void navigate('/');
      },
    }),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.submit();
    if (input) signUp.mutate(input);
  };
  const field = (
    path: Path,
    extra: {
      type?: string;
      autoComplete?: string;
      inputMode?: 'numeric' | 'email';
      description?: string;
    } = {},
  ) => {
    const [group, key] = path.split('.') as ['organisation' | 'user', string];
    const value = (form.values[group] as Record<string, string>)[key] ?? '';
    const props = {
      label: t(`organisation.signUp.fields.${path}`),
      name: path,
      required: true,
      value,
      description: extra.description,
      autoComplete: extra.autoComplete,
      onBlur: () => form.touch(path),
      onChange: (e: { currentTarget: { value: string } }) => {
        const next = e.currentTarget.value;
        form.set((v) => ({ ...v, [group]: { ...v[group], [key]: next } }));
      },
      error: fieldErrorText(t, form.issue(path)),
    };
    return path === 'user.password' ? (
      <PasswordInput {...props} />
    ) : (
      <TextInput {...props} type={extra.type} inputMode={extra.inputMode} />
    );
  };

  return (
    <Center mih="100vh" p="md" component="main" id="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={560}>
        <form noValidate onSubmit={onSubmit} aria-labelledby="sign-up-title" data-testid="sign-up">
          <Stack>
            <Title order={1} size="h2" id="sign-up-title">
              {t('organisation.signUp.title')}
            </Title>
            <Text size="sm">{t('organisation.signUp.lead')}</Text>
            <Title order={2} size="h4">
              {t('organisation.signUp.organisationHeading')}
            </Title>
            {field('organisation.name', { autoComplete: 'organization' })}
            {field('organisation.corporateNumber', {
              inputMode: 'numeric',
              description: t('organisation.signUp.corporateNumberHint'),
            })}
            {field('organisation.address', { autoComplete: 'street-address' })}
            {field('organisation.representative')}
            <Title order={2} size="h4">
              {t('organisation.signUp.userHeading')}
            </Title>
            {field('user.displayName', { autoComplete: 'name' })}
            {field('user.email', { type: 'email', inputMode: 'email', autoComplete: 'username' })}
            {field('user.password', {
              autoComplete: 'new-password',
              description: t('organisation.signUp.passwordHint'),
            })}
            {signUp.isError && (
              <Alert color="red" role="alert" title={t('organisation.signUp.failed')}>
                {errorText(t, signUp.error)}
              </Alert>
            )}
            <Button type="submit" loading={signUp.isPending}>
              {t('organisation.signUp.submit')}
            </Button>
            <Anchor component={Link} to="/">
              {t('organisation.signUp.haveAccount')}
            </Anchor>
            <Center>
              <LocaleSwitch />
            </Center>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

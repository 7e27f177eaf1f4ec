import { Alert, Anchor, Button, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ZOrganisationSignUpInput } from '@tsumiki/domain';
import { errorText, useDomainForm, useTRPC } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PublicCard } from './form-state';

/**
 * 組織の新規登録: the organisation and its contact's address. The contact chooses a name and password
 * from the e-mailed link; the page says the same "mail sent" whether or not the address has an account.
 */
export function SignUpPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const form = useDomainForm(ZOrganisationSignUpInput, {
    initialValues: {
      organisation: { name: '', corporateNumber: '', address: '', representative: '' },
      user: { email: '' },
    },
  });
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const field = (path: string) => ({ label: t(`organisation.signUp.fields.${path}`), name: path, required: true, ...form.getInputProps(path) });
  if (signUp.isSuccess) {
    return (
      <PublicCard testId="sign-up-sent" title={t('organisation.signUp.sentTitle')} onSubmit={(event) => event.preventDefault()}>
        <Text>{t('organisation.signUp.sent', { email: signUp.variables.user.email })}</Text>
        <Anchor component={Link} to="/">
          {t('organisation.signUp.haveAccount')}
        </Anchor>
      </PublicCard>
    );
  }
  return (
    <PublicCard testId="sign-up" title={t('organisation.signUp.title')} onSubmit={form.onSubmit((input) => signUp.mutate(input))}>
      <Text size="sm">{t('organisation.signUp.lead')}</Text>
      <Title order={2} size="h4">
        {t('organisation.signUp.organisationHeading')}
      </Title>
      <TextInput {...field('organisation.name')} autoComplete="organization" />
      <TextInput {...field('organisation.corporateNumber')} inputMode="numeric" description={t('organisation.signUp.corporateNumberHint')} />
      <TextInput {...field('organisation.address')} autoComplete="street-address" />
      <TextInput {...field('organisation.representative')} />
      <Title order={2} size="h4">
        {t('organisation.signUp.userHeading')}
      </Title>
      <TextInput {...field('user.email')} type="email" inputMode="email" autoComplete="username" />
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
    </PublicCard>
  );
}

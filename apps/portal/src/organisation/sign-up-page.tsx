import { Alert, Anchor, Button, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ZOrganisationSignUpInput } from '@tsumiki/domain';
import { errorText, useTRPC } from '@tsumiki/ui';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PublicCard, SchemaInput, useSchemaForm } from './form-state';

/**
 * 組織の新規登録: the organisation and its contact's address. The contact chooses a name and password
 * from the e-mailed link; the page says the same "mail sent" whether or not the address has an account.
 */
export function SignUpPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const form = useSchemaForm(ZOrganisationSignUpInput, {
    organisation: { name: '', corporateNumber: '', address: '', representative: '' },
    user: { email: '' },
  });
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.submit();
    if (input) signUp.mutate(input);
  };
  const label = (path: string) => t(`organisation.signUp.fields.${path}`);
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
    <PublicCard testId="sign-up" title={t('organisation.signUp.title')} onSubmit={onSubmit}>
      <Text size="sm">{t('organisation.signUp.lead')}</Text>
      <Title order={2} size="h4">
        {t('organisation.signUp.organisationHeading')}
      </Title>
      <SchemaInput form={form} path="organisation.name" label={label('organisation.name')} autoComplete="organization" />
      <SchemaInput
        form={form}
        path="organisation.corporateNumber"
        label={label('organisation.corporateNumber')}
        inputMode="numeric"
        description={t('organisation.signUp.corporateNumberHint')}
      />
      <SchemaInput form={form} path="organisation.address" label={label('organisation.address')} autoComplete="street-address" />
      <SchemaInput form={form} path="organisation.representative" label={label('organisation.representative')} />
      <Title order={2} size="h4">
        {t('organisation.signUp.userHeading')}
      </Title>
      <SchemaInput form={form} path="user.email" label={label('user.email')} type="email" inputMode="email" autoComplete="username" />
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

import { Alert, Button, Loader, PasswordInput, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ZAcceptInvitationInput } from '@tsumiki/domain';
import { displayJst, errorText, useDomainForm, useTRPC } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PublicCard, useEnterPortal } from './form-state';

/** The page an invitation link opens: name and password, then the invitee is signed in. */
export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invitation = useQuery({ ...trpc.organisations.invitation.queryOptions({ token }), retry: false });
  const form = useDomainForm(ZAcceptInvitationInput, { initialValues: { token, displayName: '', password: '' } });
  const accept = useMutation(trpc.organisations.acceptInvitation.mutationOptions({ onSuccess: useEnterPortal() }));
  const data = invitation.data;
  const usable = data?.state === 'pending';
  // The same page ends a sign-up (the link mailed to the first contact) and answers a member's invitation.
  const words = data?.purpose === 'registration' ? 'organisation.registration' : 'organisation.invitation';
  return (
    <PublicCard testId="accept-invitation" title={data ? t(`${words}.title`) : t('organisation.invitation.loading')} onSubmit={form.onSubmit((input) => accept.mutate(input))}>
      {invitation.isPending && <Loader aria-label={t('organisation.invitation.loading')} />}
      {invitation.isError && (
        <Alert color="red" role="alert">
          {errorText(t, invitation.error)}
        </Alert>
      )}
      {data && (
        <Text>
          {t(`${words}.lead`, { organisation: data.organisationName, email: data.email, expiresAt: displayJst(data.expiresAt) })}
        </Text>
      )}
      {data && !usable && (
        <Alert color="red" role="alert">
          {t(data.state === 'expired' ? 'invitation.expired' : 'invitation.not_found', { ns: 'errors', keySeparator: false })}
        </Alert>
      )}
      {usable && (
        <>
          <TextInput label={t('organisation.invitation.displayName')} name="displayName" required autoComplete="name" {...form.getInputProps('displayName')} />
          <PasswordInput
            label={t('organisation.invitation.password')}
            name="password"
            required
            autoComplete="new-password"
            description={t('organisation.signUp.passwordHint')}
            {...form.getInputProps('password')}
          />
          {accept.isError && (
            <Alert color="red" role="alert">
              {errorText(t, accept.error)}
            </Alert>
          )}
          <Button type="submit" loading={accept.isPending}>
            {t(`${words}.submit`)}
          </Button>
        </>
      )}
    </PublicCard>
  );
}

import {
  Alert,
  Button,
  Center,
  Loader,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZAcceptInvitationInput } from '@tsumiki/domain';
import { displayJst, errorText, fieldErrorText, LocaleSwitch, useTRPC } from '@tsumiki/ui';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useSchemaForm } from './form-state';

/** The page an invitation link opens: name and password, then the invitee is signed in. */
export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const invitation = useQuery({ ...trpc.organisations.invitation.queryOptions({ token }), retry: false });
  const form = useSchemaForm(ZAcceptInvitationInput, { token, displayName: '', password: '' });
  const accept = useMutation(
    trpc.organisations.acceptInvitation.mutationOptions({
      onSuccess: async () => {
        await queryClient.resetQueries();
        void navigate('/');
      },
    }),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.submit();
    if (input) accept.mutate(input);
  };
  const data = invitation.data;
  const usable = data?.state === 'pending';
  return (
    <Center mih="100vh" p="md" component="main" id="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={520}>
        <form
          noValidate
          onSubmit={onSubmit}
          aria-labelledby="invitation-title"
          data-testid="accept-invitation"
        >
          <Stack>
            <Title order={1} size="h2" id="invitation-title">
              {t('organisation.invitation.title')}
            </Title>
            {invitation.isPending && <Loader aria-label={t('organisation.invitation.loading')} />}
            {invitation.isError && (
              <Alert color="red" role="alert">
                {errorText(t, invitation.error)}
              </Alert>
            )}
            {data && (
              <Text>
                {t('organisation.invitation.lead', {
                  organisation: data.organisationName,
                  email: data.email,
                  expiresAt: displayJst(data.expiresAt),
                })}
              </Text>
            )}
            {data && !usable && (
              <Alert color="red" role="alert">
                {t(data.state === 'expired' ? 'invitation.expired' : 'invitation.not_found', {
                  ns: 'errors',
                  keySeparator: false,
                })}
              </Alert>
            )}
            {usable && (
              <>
                <TextInput
                  label={t('organisation.invitation.displayName')}
                  name="displayName"
                  autoComplete="name"
                  required
                  value={form.values.displayName}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    form.set((v) => ({ ...v, displayName: value }));
                  }}
                  onBlur={() => form.touch('displayName')}
                  error={fieldErrorText(t, form.issue('displayName'))}
                />
                <PasswordInput
                  label={t('organisation.invitation.password')}
                  description={t('organisation.signUp.passwordHint')}
                  name="password"
                  autoComplete="new-password"
                  required
                  value={form.values.password}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    form.set((v) => ({ ...v, password: value }));
                  }}
                  onBlur={() => form.touch('password')}
                  error={fieldErrorText(t, form.issue('password'))}
                />
                {accept.isError && (
                  <Alert color="red" role="alert">
                    {errorText(t, accept.error)}
                  </Alert>
                )}
                <Button type="submit" loading={accept.isPending}>
                  {t('organisation.invitation.submit')}
                </Button>
              </>
            )}
            <Center>
              <LocaleSwitch />
            </Center>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

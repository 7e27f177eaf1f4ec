import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZSignInInput } from '@tsumiki/domain';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDomainForm } from './domain-form';
import { errorText } from './errors';
import { LocaleSwitch } from './locale-switch';
import { useAppName } from './provider';
import { CodeStep, EnrolmentStep, RecoveryCodes, type PendingEnrolment, type PendingSignIn } from './second-factor';
import { useTRPC } from './trpc';

/**
 * Sign-in: the password, then for staff who must prove a second factor the code step or, the first
 * time, enrolment. `onEnrolled` receives the recovery codes to show once (AuthGate keeps them on
 * screen even as the new session arrives).
 */
export function SignInPage({ onEnrolled }: { onEnrolled: (recoveryCodes: string[]) => void }) {
  const [pending, setPending] = useState<PendingSignIn | PendingEnrolment | null>(null);
  const restart = () => setPending(null);
  if (pending?.status === 'second_factor') {
    return (
      <SignInFrame>
        <CodeStep pending={pending} onRestart={restart} />
      </SignInFrame>
    );
  }
  if (pending?.status === 'enrolment') {
    return (
      <SignInFrame>
        <EnrolmentStep pending={pending} onRestart={restart} onEnrolled={onEnrolled} />
      </SignInFrame>
    );
  }
  return <PasswordStep onPending={setPending} />;
}

/** After enrolment: the recovery codes in the sign-in card, until the user says they kept them. */
export function RecoveryCodesPage({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <SignInFrame>
      <RecoveryCodes codes={codes} onDone={onDone} />
    </SignInFrame>
  );
}

/** The sign-in card every step is shown in. */
export function SignInFrame({ children, maxWidth = 420 }: { children: ReactNode; maxWidth?: number }) {
  const { t } = useTranslation();
  const app = useAppName();
  return (
    <Center mih="100vh" p="md" component="main" id="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={maxWidth}>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('product')} · {t(`app.${app}`)}
          </Text>
          {children}
          <Center>
            <LocaleSwitch />
          </Center>
        </Stack>
      </Paper>
    </Center>
  );
}

function PasswordStep({ onPending }: { onPending: (pending: PendingSignIn | PendingEnrolment) => void }) {
  const { t } = useTranslation();
  const app = useAppName();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The same schema the API validates with: what passes here passes there.
  const form = useDomainForm(ZSignInInput, { initialValues: { email: '', password: '' } });
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: (result) => {
        // Everything cached belonged to nobody; start over as the signed-in user.
        if (result.status === 'signed_in') return queryClient.resetQueries();
        onPending(result);
      },
    }),
  );

  return (
    <SignInFrame>
      <form noValidate aria-describedby="sign-in-lead" onSubmit={form.onSubmit((values) => signIn.mutate(values))}>
        <Stack>
          <Stack gap={4}>
            <Title order={1} size="h2">
              {t('signIn.title')}
            </Title>
            <Text id="sign-in-lead" size="sm">
              {t('signIn.lead', { app: t(`app.${app}`) })}
            </Text>
          </Stack>
          {signIn.isError && (
            <Alert color="red" title={t('signIn.failed')} role="alert">
              {errorText(t, signIn.error)}
            </Alert>
          )}
          <TextInput
            label={t('signIn.email')}
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            required
            data-autofocus
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('signIn.password')}
            name="password"
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={signIn.isPending} loaderProps={{ 'aria-label': t('signIn.submitting') }}>
            {t('signIn.submit')}
          </Button>
          {/* Applicant organisations register themselves; staff accounts are made by the office. */}
          {app === 'portal' && (
            <Anchor component={Link} to="/sign-up" ta="center">
              {t('signIn.signUp')}
            </Anchor>
          )}
        </Stack>
      </form>
    </SignInFrame>
  );
}

import { Alert, Button, Code, CopyButton, Group, Image, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@tsumiki/api';
import { ZSecondFactorEnrolInput, ZSecondFactorVerifyInput } from '@tsumiki/domain';
import { useState } from 'react';
import { useDomainForm, type DomainForm } from './domain-form';
import { useTranslation } from 'react-i18next';
import { errorText } from './errors';
import { saveFile } from './files';
import { appErrorData, useTRPC } from './trpc';

type SignInResult = RouterOutputs['auth']['signIn'];
export type PendingSignIn = Extract<SignInResult, { status: 'second_factor' }>;
export type PendingEnrolment = Extract<SignInResult, { status: 'enrolment' }>;

/** Everything cached belonged to nobody: start over as the signed-in user. */
function useStartSession() {
  const queryClient = useQueryClient();
  return () => queryClient.resetQueries();
}

/** What the form hands a field: its value as typed, its message, and where it was left. */
type CodeInputProps = ReturnType<DomainForm<{ code: string }, unknown>['getInputProps']>;

/** The one code field: digits on phones, filled from the OS's one-time-code suggestions. */
function CodeField(props: { label: string; description: string; input: CodeInputProps; recovery: boolean }) {
  return (
    <TextInput
      label={props.label}
      description={props.description}
      name="code"
      autoComplete="one-time-code"
      // A recovery code has letters: the numeric keypad only where the answer is six digits.
      inputMode={props.recovery ? 'text' : 'numeric'}
      maxLength={props.recovery ? 40 : 7}
      required
      data-autofocus
      {...props.input}
    />
  );
}

/** The refusal of a code step, and the way back to the password when the pending sign-in is over. */
function StepError({ error, onRestart }: { error: unknown; onRestart: () => void }) {
  const { t } = useTranslation();
  const expired = appErrorData(error)?.appCode === 'auth.second_factor_expired';
  return (
    <Alert color="red" title={t('secondFactor.failed')} role="alert">
      <Stack gap="xs">
        <Text size="sm">{errorText(t, error)}</Text>
        {expired && (
          <Button variant="light" size="xs" onClick={onRestart}>
            {t('secondFactor.restart')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** After the password: the authenticator app's code, or a recovery code. */
export function CodeStep({ pending, onRestart }: { pending: PendingSignIn; onRestart: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const startSession = useStartSession();
  // The same schema the API reads the request with: its message names what is wrong.
  const form = useDomainForm(ZSecondFactorVerifyInput, { initialValues: { pendingToken: pending.pendingToken, code: '' } });
  const [recovery, setRecovery] = useState(false);
  const verify = useMutation(trpc.auth.verifySecondFactor.mutationOptions({ onSuccess: () => void startSession() }));
  // The API reads the code itself (telling a TOTP from a recovery code): it is sent as typed.
  const submit = form.onSubmit(() => verify.mutate(form.getValues()));
  return (
    <form noValidate onSubmit={submit} aria-describedby="code-lead">
      <Stack>
        <Title order={1} size="h2">
          {t('secondFactor.codeTitle')}
        </Title>
        <Text id="code-lead" size="sm">
          {t(recovery ? 'secondFactor.recoveryLead' : 'secondFactor.codeLead')}
        </Text>
        {verify.isError && <StepError error={verify.error} onRestart={onRestart} />}
        <CodeField
          label={t(recovery ? 'secondFactor.recoveryCode' : 'secondFactor.code')}
          description={t(recovery ? 'secondFactor.recoveryHint' : 'secondFactor.codeHint')}
          input={form.getInputProps('code')}
          recovery={recovery}
        />
        <Button type="submit" loading={verify.isPending} loaderProps={{ 'aria-label': t('secondFactor.verifying') }}>
          {t('secondFactor.verify')}
        </Button>
        <Button variant="subtle" onClick={() => setRecovery((r) => !r)}>
          {t(recovery ? 'secondFactor.useApp' : 'secondFactor.useRecovery')}
        </Button>
      </Stack>
    </form>
  );
}

/** First sign-in of staff who must have a second factor: scan, confirm with a code, keep the recovery codes. */
export function EnrolmentStep(props: { pending: PendingEnrolment; onRestart: () => void; onEnrolled: (recoveryCodes: string[]) => void }) {
  const { pending, onRestart } = props;
  const { t } = useTranslation();
  const trpc = useTRPC();
  const form = useDomainForm(ZSecondFactorEnrolInput, { initialValues: { pendingToken: pending.pendingToken, code: '' } });
  const confirm = useMutation(trpc.auth.confirmSecondFactorEnrolment.mutationOptions({ onSuccess: (data) => props.onEnrolled(data.recoveryCodes) }));
  const submit = form.onSubmit(() => confirm.mutate(form.getValues()));
  return (
    <form noValidate onSubmit={submit} aria-describedby="enrol-lead" data-testid="second-factor-enrolment">
      <Stack>
        <Title order={1} size="h2">
          {t('secondFactor.enrolTitle')}
        </Title>
        <Text id="enrol-lead" size="sm">
          {t('secondFactor.enrolLead')}
        </Text>
        <Image src={pending.enrolment.qrDataUrl} alt={t('secondFactor.qrAlt')} w={200} h={200} mx="auto" />
        <Stack gap={4}>
          <Text size="sm" fw={600} id="enrol-secret-label">
            {t('secondFactor.secret')}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Code aria-labelledby="enrol-secret-label" data-testid="second-factor-secret" style={{ wordBreak: 'break-all' }}>
              {pending.enrolment.secret}
            </Code>
            <CopyButton value={pending.enrolment.secret}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {t(copied ? 'secondFactor.copied' : 'secondFactor.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="xs">{t('secondFactor.secretOnce')}</Text>
        </Stack>
        {confirm.isError && <StepError error={confirm.error} onRestart={onRestart} />}
        <CodeField label={t('secondFactor.confirmCode')} description={t('secondFactor.confirmHint')} input={form.getInputProps('code')} recovery={false} />
        <Button type="submit" loading={confirm.isPending} loaderProps={{ 'aria-label': t('secondFactor.verifying') }}>
          {t('secondFactor.confirm')}
        </Button>
      </Stack>
    </form>
  );
}

/**
 * Shown once after enrolment: the recovery codes, to copy, save or print before going on. The
 * session exists already; the app takes over the screen only when the user says they kept them.
 */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const startSession = useStartSession();
  const text = `${t('secondFactor.recoveryFileHeading')}\n\n${codes.join('\n')}\n`;
  const download = () => {
    const bytes = new TextEncoder().encode(text);
    saveFile({ filename: 'tsumiki-recovery-codes.txt', mimeType: 'text/plain;charset=utf-8', base64: btoa(String.fromCharCode(...bytes)) });
  };
  return (
    <Stack data-testid="recovery-codes">
      <Title order={1} size="h2">
        {t('secondFactor.recoveryTitle')}
      </Title>
      <Alert color="blue" title={t('secondFactor.enrolled')}>
        {t('secondFactor.recoveryCodesLead')}
      </Alert>
      <List aria-label={t('secondFactor.recoveryTitle')} listStyleType="none" spacing={4} ff="monospace">
        {codes.map((code) => (
          <List.Item key={code}>{code}</List.Item>
        ))}
      </List>
      <Group>
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy}>
              {t(copied ? 'secondFactor.copied' : 'secondFactor.copyAll')}
            </Button>
          )}
        </CopyButton>
        <Button variant="light" onClick={download}>
          {t('secondFactor.download')}
        </Button>
      </Group>
      <Button
        onClick={() => {
          onDone();
          void startSession();
        }}
        data-testid="recovery-codes-done"
      >
        {t('secondFactor.continue')}
      </Button>
    </Stack>
  );
}

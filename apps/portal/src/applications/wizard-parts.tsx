import { Alert, Anchor, Badge, Button, Card, Group, List, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import type { TProgrammeKind } from '@tsumiki/domain';
import { type FormDocument, type FormIssue, type FormSection } from '@tsumiki/domain/programmes';
import { displayJstTime, errorText, FormDocumentView, type AppRouter } from '@tsumiki/ui';
import type { inferRouterOutputs } from '@trpc/server';
import { useTranslation } from 'react-i18next';
import { Countdown } from './countdown';
import { issueText, type RowNames } from './form-fields';
import { PdfButton } from './pdf-button';
import type { SaveState, useAutosave } from './use-autosave';

/** The wizard's parts around its steps: the heading with the save state, the step tabs, the confirm step. */

export type ApplicationView = inferRouterOutputs<AppRouter>['applications']['get'];

function SaveIndicator({ state, savedAt }: { state: SaveState; savedAt: Date | null }) {
  const { t } = useTranslation();
  const color = { saved: 'teal', dirty: 'gray', saving: 'blue', error: 'red', conflict: 'orange' }[state];
  return (
    <Badge color={color} variant="light" data-testid="save-state" data-state={state} role="status">
      {t(`apply.saveState.${state}`, { time: savedAt ? displayJstTime(savedAt) : '' })}
    </Badge>
  );
}

/** The programme, the title, the window's countdown; the save state and what to do when saving failed. */
export function WizardHeader({ view, lang, autosave }: { view: ApplicationView; lang: 'ja' | 'en'; autosave: ReturnType<typeof useAutosave> }) {
  const { t } = useTranslation();
  const { draft, update, flush, state, savedAt } = autosave;
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Text size="sm" c="dimmed">
            {view.programme ? (lang === 'en' ? view.programme.nameEn : view.programme.nameJa) : ''}
          </Text>
          <TextInput
            aria-label={t('apply.titleLabel')}
            size="lg"
            value={draft.title}
            maxLength={200}
            onChange={(e) => {
              const title = e.currentTarget.value;
              update((d) => ({ ...d, title }));
            }}
            maw={520}
          />
          {view.programme && <Countdown closesAt={view.programme.windowClosesAt} />}
        </Stack>
        <Stack gap={4} align="flex-end">
          <SaveIndicator state={state} savedAt={savedAt} />
          <PdfButton applicationId={view.id} />
          {state === 'error' && (
            <Button size="xs" variant="light" onClick={() => void flush()}>
              {t('apply.retrySave')}
            </Button>
          )}
          {state === 'conflict' && (
            <Button size="xs" variant="subtle" color="orange" onClick={() => window.location.reload()}>
              {t('apply.reload')}
            </Button>
          )}
        </Stack>
      </Group>
      {state === 'conflict' && (
        <Alert color="orange" role="alert">
          {t('application.version_conflict', { ns: 'errors', keySeparator: false })}
        </Alert>
      )}
    </>
  );
}

/** The steps: the form's sections, then budget, checklist (CLT), attachments and confirm, each with its open issues. */
export function StepTabs({ kind, form, lang, issueCount }: { kind: TProgrammeKind; form: readonly FormSection[]; lang: 'ja' | 'en'; issueCount: (code: string) => number }) {
  const { t } = useTranslation();
  const count = (code: string) => (issueCount(code) ? <Badge size="xs" color="red">{issueCount(code)}</Badge> : null);
  return (
    <Tabs.List>
      {form.map((s) => (
        <Tabs.Tab key={s.code} value={s.code} rightSection={count(s.code)}>
          {s.title[lang]}
        </Tabs.Tab>
      ))}
      <Tabs.Tab value="budget" rightSection={count('budget')}>
        {t('apply.steps.budget')}
      </Tabs.Tab>
      {kind === 'clt_demonstration' && (
        <Tabs.Tab value="checklist" rightSection={count('checklist')}>
          {t('apply.steps.checklist')}
        </Tabs.Tab>
      )}
      <Tabs.Tab value="attachments" rightSection={count('attachments')}>
        {t('apply.steps.attachments')}
      </Tabs.Tab>
      <Tabs.Tab value="review">{t('apply.steps.review')}</Tabs.Tab>
    </Tabs.List>
  );
}

/** The confirm step: what is still missing (each with a way to it), the forms as they will be submitted, and 提出する. */
export function ReviewStep(props: {
  issues: readonly FormIssue[];
  rowNames: RowNames;
  onGoTo: (path: string) => void;
  submitError: unknown;
  preview: FormDocument;
  onSubmit: () => void;
  submitting: boolean;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { issues } = props;
  return (
    <Stack>
      {issues.length > 0 && (
        <Alert color="red" title={t('apply.submit.issues')} role="alert" data-testid="submit-issues">
          <Text size="sm" mb="xs">
            {t('application.submission_incomplete', { ns: 'errors', keySeparator: false, count: issues.length })}
          </Text>
          <List size="sm">
            {issues.map((i) => (
              <List.Item key={`${i.path}-${i.code}`}>
                {issueText(t, i, props.rowNames)}{' '}
                {i.path && (
                  <Anchor component="button" type="button" size="sm" onClick={() => props.onGoTo(i.path)}>
                    {t('apply.submit.goTo')}
                  </Anchor>
                )}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {props.submitError !== null && (
        <Alert color="red" role="alert" data-testid="submit-error">
          {errorText(t, props.submitError)}
        </Alert>
      )}
      <Card withBorder data-testid="submit-preview">
        <Title order={2}>{t('apply.submit.previewHeading')}</Title>
        <Text size="sm" mb="md">
          {t('apply.submit.previewLead')}
        </Text>
        <FormDocumentView document={props.preview} />
      </Card>
      <Group>
        <Button size="md" onClick={props.onSubmit} loading={props.submitting} disabled={!props.editable}>
          {t('apply.submit.button')}
        </Button>
      </Group>
    </Stack>
  );
}

import { Alert, Badge, Button, Card, Grid, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@tsumiki/api';
import { definitionIssues, isDraftVersion, ZPublishDefinitionVersion, type TProgrammeDefinition } from '@tsumiki/domain/programmes';
import { DataTable, displayJst, errorText, QueryState, useTRPC, type DataColumn } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useIssueAt, type Path } from './definition-fields';
import { CriteriaSection, DocumentsSection, QuestionsSection, RubricSection } from './definition-rules';
import { CapsSection, CategoriesSection, RatesSection } from './definition-sections';
import { setAt } from './draft-state';
import { TryItPanel } from './try-it-panel';

type Programme = RouterOutputs['programmeDefinitions']['get'];
type Version = Programme['versions'][number];

/** A programme's versions and, for its programme admins, the structured editor of its draft. */
export function DefinitionEditorPage() {
  const { definitionId = '' } = useParams();
  const trpc = useTRPC();
  const programme = useQuery(trpc.programmeDefinitions.get.queryOptions({ id: definitionId }));
  return <QueryState query={programme}>{(p) => <ProgrammeView programme={p} />}</QueryState>;
}

function ProgrammeView({ programme }: { programme: Programme }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const draft = programme.versions.find((v) => isDraftVersion(v.status));
  const open = useMutation(
    trpc.programmeDefinitions.openDraft.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.programmeDefinitions.get.queryKey({ id: programme.id }) }),
    }),
  );
  return (
    <Stack gap="lg" data-testid="definition-editor-page">
      <Group justify="space-between" align="flex-start">
        <Title order={1}>{i18n.language === 'en' ? programme.nameEn : programme.nameJa}</Title>
        {/* The next step once the rules are right: a round to apply to. */}
        <Button component={Link} to="/rounds" variant="light" data-testid="definition-rounds-link">
          {t('definitions.roundsLink')}
        </Button>
      </Group>
      <VersionList versions={programme.versions} />
      {draft ? (
        <DraftEditor key={draft.id} programmeId={programme.id} version={draft} />
      ) : (
        <Group>
          <Button onClick={() => open.mutate({ id: programme.id })} loading={open.isPending} data-testid="definition-open-draft">{t('definitions.openDraft')}</Button>
          {open.error && <Text c="red">{errorText(t, open.error)}</Text>}
        </Group>
      )}
    </Stack>
  );
}

function VersionList({ versions }: { versions: readonly Version[] }) {
  const { t } = useTranslation();
  const columns: DataColumn<Version>[] = [
    { id: 'version', header: t('definitions.version'), rowHeader: true, sortValue: (v) => v.version, cell: (v) => t('definitions.versionNo', { version: v.version }) },
    { id: 'status', header: t('definitions.status'), cell: (v) => <Badge color={isDraftVersion(v.status) ? 'yellow' : 'green'}>{t(`definitions.statuses.${v.status}`)}</Badge> },
    { id: 'changeSummary', header: t('definitions.changeSummary'), cell: (v) => v.changeSummary },
    { id: 'publishedAt', header: t('definitions.publishedAt'), sortValue: (v) => (v.publishedAt ? new Date(v.publishedAt).getTime() : null), cell: (v) => (v.publishedAt ? displayJst(v.publishedAt) : '') },
  ];
  return (
    <Card withBorder>
      <Title order={2} size="h3">{t('definitions.versions')}</Title>
      <DataTable
        data={versions}
        columns={columns}
        rowKey={(v) => v.id}
        label={t('definitions.versions')}
        empty={<Text c="dimmed">{t('definitions.noVersions')}</Text>}
        data-testid="definition-versions"
      />
    </Card>
  );
}

/** The draft as forms, checked by the domain's schema on every keystroke, with "try it" beside it. */
function DraftEditor({ programmeId, version }: { programmeId: string; version: Version }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<TProgrammeDefinition>(version.definition);
  const issues = definitionIssues(draft);
  const issueAt = useIssueAt(issues);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.programmeDefinitions.get.queryKey({ id: programmeId }) });
  const save = useMutation(trpc.programmeDefinitions.updateDraft.mutationOptions({ onSuccess: refresh }));
  const props = { draft, issueAt, set: (path: Path, value: unknown) => setDraft((d) => setAt(d, path, value)), replace: setDraft };
  return (
    <Grid>
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Stack gap="md">
          <Title order={2}>{t('definitions.editing', { version: version.version })}</Title>
          {issues.length > 0 && <Alert color="red" data-testid="definition-issues">{t('definitions.issues', { count: issues.length })}</Alert>}
          <RatesSection {...props} />
          <CapsSection {...props} />
          <CategoriesSection {...props} />
          <QuestionsSection {...props} />
          <CriteriaSection {...props} />
          <DocumentsSection {...props} />
          <RubricSection {...props} />
          <Group>
            <Button onClick={() => save.mutate({ versionId: version.id, definition: draft })} disabled={issues.length > 0} loading={save.isPending}>{t('definitions.save')}</Button>
            {save.isSuccess && !save.isPending && <Text c="green" role="status">{t('definitions.saved')}</Text>}
            {save.error && <Text c="red">{errorText(t, save.error)}</Text>}
          </Group>
          <PublishForm versionId={version.id} disabled={issues.length > 0 || save.isPending} beforePublish={() => save.mutateAsync({ versionId: version.id, definition: draft })} onDone={refresh} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <TryItPanel programmeId={programmeId} draft={draft} />
      </Grid.Col>
    </Grid>
  );
}

/** Publishing asks what changed and confirms: new drafts take the new version, submitted applications keep theirs. */
function PublishForm({ versionId, disabled, beforePublish, onDone }: { versionId: string; disabled: boolean; beforePublish: () => Promise<unknown>; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [summary, setSummary] = useState('');
  const [confirming, setConfirming] = useState(false);
  const publish = useMutation(trpc.programmeDefinitions.publish.mutationOptions({ onSuccess: onDone }));
  const parsed = ZPublishDefinitionVersion.safeParse({ versionId, changeSummary: summary });
  const submit = async () => {
    await beforePublish();
    publish.mutate({ versionId, changeSummary: summary }, { onSettled: () => setConfirming(false) });
  };
  return (
    <Card withBorder data-testid="definition-publish">
      <Title order={2} size="h3">{t('definitions.publish')}</Title>
      <Textarea label={t('definitions.changeSummary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} autosize minRows={2} />
      <Button mt="sm" onClick={() => setConfirming(true)} disabled={disabled || !parsed.success}>{t('definitions.publish')}</Button>
      {publish.error && <Text c="red">{errorText(t, publish.error)}</Text>}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('definitions.confirmTitle')}>
        <Text>{t('definitions.confirmText')}</Text>
        <Group mt="md">
          <Button onClick={() => void submit()} loading={publish.isPending}>{t('definitions.confirmPublish')}</Button>
          <Button variant="default" onClick={() => setConfirming(false)}>{t('definitions.cancel')}</Button>
        </Group>
      </Modal>
    </Card>
  );
}

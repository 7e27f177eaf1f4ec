import { Alert, Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { errorMessage } from '@tsumiki/domain';
import { assessProject, type TBoqDraftLine, type TCarbonIssue, type TCarbonProjectContent, type TProjectScenario } from '@tsumiki/domain/carbon';
import { appErrorData, errorText, QueryState, useTRPC, useTRPCClient, type AppRouter } from '@tsumiki/ui';
import type { inferRouterOutputs } from '@trpc/server';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { BoqGrid } from './boq-grid';
import { IfcImport } from './ifc-import';
import { BuildingForm } from './building-form';
import { ApplicationLink } from './application-link';
import { FactorPicker } from './factor-picker';
import { GapFactors, MaterialMapping } from './material-mapping';
import { OperationalEditor } from './operational-editor';
import { ResultsPanel } from './results-panel';
import { ScenarioEditor } from './scenario-editor';

type Project = inferRouterOutputs<AppRouter>['carbon']['get'];
type Factor = inferRouterOutputs<AppRouter>['carbon']['factors'][number];
const NO_NAMES: readonly { name: string; materialKey: string }[] = [];

export function CarbonProjectPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const project = useQuery(trpc.carbon.get.queryOptions({ id }));
  const factors = useQuery(trpc.carbon.factors.queryOptions());
  return (
    <QueryState query={project}>
      {(loaded) => (
        <QueryState query={factors}>
          {(library) => <ProjectEditor key={`${loaded.id}:${loaded.version}`} loaded={loaded} library={library} onReload={() => void project.refetch()} />}
        </QueryState>
      )}
    </QueryState>
  );
}

/**
 * The calculator: building, quantities, scenarios; the result follows every change (computed by the
 * domain engine in the browser with the programme offices' library); Save stores the draft over the
 * version loaded, and a conflict keeps what was typed until the user reloads.
 */
function ProjectEditor({ loaded, library, onReload }: { loaded: Project; library: Factor[]; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [content, setContent] = useState<TCarbonProjectContent>(loaded.content);
  const [version, setVersion] = useState(loaded.version);
  const [dirty, setDirty] = useState(false);
  const [applicationId, setApplicationId] = useState(loaded.applicationId);
  const [picking, setPicking] = useState<TBoqDraftLine | null>(null);
  const remembered = useQuery(trpc.carbon.materialNames.queryOptions({ organisationId: loaded.organisationId }));
  const rememberedNames = remembered.data ?? NO_NAMES;
  const edit = (next: TCarbonProjectContent) => {
    setContent(next);
    setDirty(true);
  };
  const save = useMutation(
    trpc.carbon.save.mutationOptions({
      onSuccess: (saved) => {
        setVersion(saved.version);
        setDirty(false);
      },
    }),
  );
  const conflict = save.isError && appErrorData(save.error)?.appCode === 'carbon.project_version_conflict';

  const deferred = useDeferredValue(content);
  const assessment = useMemo(() => assessProject(deferred, library, loaded.id), [deferred, library, loaded.id]);
  const baseIssues = useMemo(() => {
    const first = assessment.scenarios[0]?.outcome;
    return first && !first.ok ? first.issues : [];
  }, [assessment]);
  const issuesByLine = useMemo(() => {
    const map = new Map<string, TCarbonIssue[]>();
    for (const i of baseIssues) if (i.lineId) map.set(i.lineId, [...(map.get(i.lineId) ?? []), i]);
    return map;
  }, [baseIssues]);
  const fieldError = (field: string) => {
    const issue = baseIssues.find((i) => !i.lineId && (i.path.includes(field) || (field === 'durabilityGrade' && i.code === 'carbon.durability_grade_required')));
    return issue ? errorMessage(issue.code, lang, issue.params) : undefined;
  };
  const scenario = (index: number, change: Partial<TProjectScenario>) => edit({ ...content, scenarios: content.scenarios.map((s, i) => (i === index ? { ...s, ...change } : s)) });

  return (
    <Stack data-testid="carbon-project">
      <Anchor component={Link} to="/carbon" size="sm" className="tsumiki-no-print">
        {t('carbon.back')}
      </Anchor>
      <Group justify="space-between">
        <Title order={1}>{content.name}</Title>
        <Group className="tsumiki-no-print">
          {dirty && <Text size="sm" c="orange">{t('carbon.unsaved')}</Text>}
          {!dirty && save.isSuccess && (
            <Text size="sm" role="status">
              {t('carbon.saved', { version })}
            </Text>
          )}
          <Button onClick={() => save.mutate({ id: loaded.id, version, applicationId, content })} loading={save.isPending} data-testid="carbon-save">
            {t('carbon.save')}
          </Button>
        </Group>
      </Group>
      {save.isError && (
        <Alert color="red" role="alert" className="tsumiki-no-print">
          {errorText(t, save.error)}
          {conflict && (
            <Button ml="sm" size="xs" variant="light" onClick={onReload}>
              {t('carbon.reload')}
            </Button>
          )}
        </Alert>
      )}
      <Paper withBorder p="md" className="tsumiki-no-print">
        <ApplicationLink
          value={applicationId}
          onChange={(id) => {
            setApplicationId(id);
            setDirty(true);
          }}
        />
      </Paper>
      <Paper withBorder p="md" className="tsumiki-no-print">
        <BuildingForm content={content} onChange={edit} fieldError={fieldError} />
      </Paper>
      <Paper withBorder p="md">
        <BoqGrid
          lines={content.boq}
          onChange={(boq) => edit({ ...content, boq })}
          onBuilding={(facts) => edit({ ...content, building: { ...content.building, ...Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined && v !== '')) } })}
          library={library}
          issuesByLine={issuesByLine}
          onPickFactor={setPicking}
          remembered={rememberedNames}
          namesLoading={remembered.isPending}
          projectFactors={content.settings.factors}
          assessmentDate={content.settings.assessmentDate}
        />
        <MaterialMapping lines={content.boq} library={library} remembered={rememberedNames} onChange={(boq) => edit({ ...content, boq })} />
        <GapFactors lines={content.boq} library={library} factors={content.settings.factors} onChange={(factors) => edit({ ...content, settings: { ...content.settings, factors } })} />
      </Paper>
      <Paper withBorder p="md" className="tsumiki-no-print">
        <IfcImport organisationId={loaded.organisationId} lines={content.boq} onAdd={(added) => edit({ ...content, boq: [...content.boq, ...added] })} />
      </Paper>
      <Paper withBorder p="md" className="tsumiki-no-print">
        <OperationalEditor content={content} onChange={edit} />
      </Paper>
      <Paper withBorder p="md" className="tsumiki-no-print">
        <Stack>
          <Title order={2}>{t('carbon.scenarios.heading')}</Title>
          {content.scenarios.map((s, i) => (
            <Paper key={s.id} withBorder p="sm">
              <Stack gap="xs">
                <Group align="flex-end">
                  <TextInput label={t('carbon.scenarios.name')} withAsterisk value={s.name} onChange={(e) => scenario(i, { name: e.currentTarget.value })} description={i === 0 ? t('carbon.scenarios.baseline') : undefined} />
                  {i > 0 && (
                    <Button variant="subtle" color="red" onClick={() => edit({ ...content, scenarios: content.scenarios.filter((_, j) => j !== i) })}>
                      {t('carbon.scenarios.remove')}
                    </Button>
                  )}
                </Group>
                <ScenarioEditor index={i} scenario={s.scenario} onChange={(next) => scenario(i, { scenario: next })} />
              </Stack>
            </Paper>
          ))}
          {content.scenarios.length < 5 && (
            <Group>
              <Button
                variant="light"
                size="xs"
                onClick={() => {
                  const used = new Set(content.scenarios.map((s) => s.id));
                  let n = content.scenarios.length;
                  while (used.has(`s${n}`)) n++;
                  edit({ ...content, scenarios: [...content.scenarios, { id: `s${n}`, name: `${lang === 'ja' ? '比較案' : 'Scenario'} ${n}`, scenario: {} }] });
                }}
              >
                {t('carbon.scenarios.add')}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
      <ResultsPanel
        assessment={assessment}
        onExportFile={(scenarioId, format) => client.carbon.exportResult.mutate({ content, scenarioId, format })}
      />
      {picking && (
        <FactorPicker
          materialKey={picking.materialKey}
          pinnedId={picking.factorId}
          library={library}
          assessmentDate={content.settings.assessmentDate}
          onClose={() => setPicking(null)}
          onPick={(factorId) => {
            edit({ ...content, boq: content.boq.map((l) => (l.id === picking.id ? { ...l, factorId } : l)) });
            setPicking(null);
          }}
        />
      )}
    </Stack>
  );
}

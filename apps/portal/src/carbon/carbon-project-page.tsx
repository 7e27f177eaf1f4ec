import { Anchor, Paper, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type {
  TBoqDraftLine,
  TBuildingDraft,
  TCarbonIssue,
  TCarbonProjectContent,
} from '@tsumiki/domain/carbon';
import { QueryState, useTRPC, useTRPCClient, type AppRouter } from '@tsumiki/ui';
import type { inferRouterOutputs } from '@trpc/server';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { BoqGrid } from './boq-grid';
import { IfcImport } from './ifc-import';
import { BuildingForm } from './building-form';
import { ApplicationLink } from './application-link';
import { FactorPicker } from './factor-picker';
import { GapFactors, MaterialMapping } from './material-mapping';
import { OperationalEditor } from './operational-editor';
import { ProjectSaveBar } from './project-save-bar';
import { ResultsPanel } from './results-panel';
import { ScenarioList } from './scenario-list';
import { useProjectAssessment } from './use-project-assessment';
import { useProjectDraft } from './use-project-draft';

type Project = inferRouterOutputs<AppRouter>['carbon']['get'];
type Factor = inferRouterOutputs<AppRouter>['carbon']['factors'][number];
const NO_NAMES: readonly { name: string; materialKey: string }[] = [];

/** Building facts read from an imported file fill the form, except those the file left empty. */
const withFacts = (building: TCarbonProjectContent['building'], facts: Partial<TBuildingDraft>) => ({
  ...building,
  ...Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined && v !== '')),
});

export function CarbonProjectPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const project = useQuery(trpc.carbon.get.queryOptions({ id }));
  const factors = useQuery(trpc.carbon.factors.queryOptions());
  return (
    <QueryState query={project}>
      {(loaded) => (
        <QueryState query={factors}>
          {(library) => (
            <ProjectEditor
              key={`${loaded.id}:${loaded.version}`}
              loaded={loaded}
              library={library}
              onReload={() => void project.refetch()}
            />
          )}
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
function ProjectEditor({
  loaded,
  library,
  onReload,
}: {
  loaded: Project;
  library: Factor[];
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const client = useTRPCClient();
  const draft = useProjectDraft(loaded);
  const { content, edit } = draft;
  const { assessment, issuesByLine, fieldError } = useProjectAssessment(content, library, loaded.id);
  const setBoq = (boq: TBoqDraftLine[]) => edit({ ...content, boq });

  return (
    <Stack data-testid="carbon-project">
      <Anchor component={Link} to="/carbon" size="sm" className="tsumiki-no-print">
        {t('carbon.back')}
      </Anchor>
      <ProjectSaveBar draft={draft} onReload={onReload} />
      <Paper withBorder p="md" className="tsumiki-no-print">
        <ApplicationLink value={draft.applicationId} onChange={draft.linkApplication} />
      </Paper>
      <Paper withBorder p="md" className="tsumiki-no-print">
        <BuildingForm content={content} onChange={edit} fieldError={fieldError} />
      </Paper>
      <Paper withBorder p="md">
        <ProjectQuantities
          content={content}
          onChange={edit}
          library={library}
          issuesByLine={issuesByLine}
          organisationId={loaded.organisationId}
        />
      </Paper>
      <Paper withBorder p="md" className="tsumiki-no-print">
        <IfcImport
          organisationId={loaded.organisationId}
          lines={content.boq}
          onAdd={(added) => setBoq([...content.boq, ...added])}
        />
      </Paper>
      <Paper withBorder p="md" className="tsumiki-no-print">
        <OperationalEditor content={content} onChange={edit} />
      </Paper>
      <Paper withBorder p="md" className="tsumiki-no-print">
        <ScenarioList content={content} onChange={edit} />
      </Paper>
      <ResultsPanel
        assessment={assessment}
        onExportFile={(scenarioId, format) =>
          client.carbon.exportResult.mutate({ content, scenarioId, format })
        }
      />
    </Stack>
  );
}

/**
 * The quantities and the factors they rest on: the BoQ grid with the organisation's remembered
 * names for materials, the mapping of names not recognised, factors for gaps in the library, and
 * the picker pinning a line to one factor.
 */
function ProjectQuantities({
  content,
  onChange: edit,
  library,
  issuesByLine,
  organisationId,
}: {
  content: TCarbonProjectContent;
  onChange: (next: TCarbonProjectContent) => void;
  library: Factor[];
  issuesByLine: Map<string, TCarbonIssue[]>;
  organisationId: string;
}) {
  const trpc = useTRPC();
  const [picking, setPicking] = useState<TBoqDraftLine | null>(null);
  const remembered = useQuery(trpc.carbon.materialNames.queryOptions({ organisationId }));
  const rememberedNames = remembered.data ?? NO_NAMES;
  const setBoq = (boq: TBoqDraftLine[]) => edit({ ...content, boq });
  return (
    <>
      <BoqGrid
        lines={content.boq}
        onChange={setBoq}
        onBuilding={(facts) => edit({ ...content, building: withFacts(content.building, facts) })}
        library={library}
        issuesByLine={issuesByLine}
        onPickFactor={setPicking}
        remembered={rememberedNames}
        namesLoading={remembered.isPending}
        projectFactors={content.settings.factors}
        assessmentDate={content.settings.assessmentDate}
      />
      <MaterialMapping lines={content.boq} library={library} remembered={rememberedNames} onChange={setBoq} />
      <GapFactors
        lines={content.boq}
        library={library}
        factors={content.settings.factors}
        onChange={(factors) => edit({ ...content, settings: { ...content.settings, factors } })}
      />
      {picking && (
        <FactorPicker
          materialKey={picking.materialKey}
          pinnedId={picking.factorId}
          library={library}
          assessmentDate={content.settings.assessmentDate}
          onClose={() => setPicking(null)}
          onPick={(factorId) => {
            setBoq(content.boq.map((l) => (l.id === picking.id ? { ...l, factorId } : l)));
            setPicking(null);
          }}
        />
      )}
    </>
  );
}

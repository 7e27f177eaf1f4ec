import { Button, Group, Stack, Text, Title } from '@mantine/core';
import type {
  TBoqDraftLine,
  TBuildingDraft,
  TCarbonIssue,
  TEmissionFactor,
  TRememberedName,
} from '@tsumiki/domain/carbon';
import { useTranslation } from 'react-i18next';
import { blankLine } from './boq-lines';
import { BoqLinesTable } from './boq-lines-table';
import { BoqFileImport, BoqPasteBox, useBoqPaste } from './boq-paste-import';
import { useBoqMaterials } from './use-boq-materials';

// The IFC import builds its lines the way a paste does.
export { draftLines } from './boq-lines';

/**
 * The bill of quantities: one row per line, Enter moves down a column (a new line at the end),
 * Excel cells paste straight into the grid or through the box below, and CSV/Excel files are
 * checked row by row before any line is taken. Nothing here saves: the page's Save does.
 */
export function BoqGrid({
  lines,
  onChange,
  onBuilding,
  library,
  issuesByLine,
  onPickFactor,
  remembered = [],
  namesLoading = false,
  projectFactors = [],
  assessmentDate,
}: {
  lines: TBoqDraftLine[];
  onChange: (lines: TBoqDraftLine[]) => void;
  onBuilding: (facts: Partial<TBuildingDraft>) => void;
  library: readonly TEmissionFactor[];
  issuesByLine: Map<string, TCarbonIssue[]>;
  onPickFactor: (line: TBoqDraftLine) => void;
  /** The organisation's remembered names for materials. */
  remembered?: readonly TRememberedName[];
  /** While the remembered names load, a paste would miss them: it waits. */
  namesLoading?: boolean;
  /** Factors the user entered for the project. */
  projectFactors?: readonly TEmissionFactor[];
  assessmentDate: string;
}) {
  const { t } = useTranslation();
  const materials = useBoqMaterials({ library, remembered, projectFactors, assessmentDate });
  const add = (extra: TBoqDraftLine[]) => onChange([...lines, ...extra]);
  const paste = useBoqPaste({ library, remembered, lines, onAdd: add });

  return (
    <Stack data-testid="boq">
      <Title order={2}>{t('carbon.boq.heading')}</Title>
      <Text size="sm" c="dimmed">
        {t('carbon.boq.keyboardHint')}
      </Text>
      <BoqLinesTable
        lines={lines}
        onChange={onChange}
        issuesByLine={issuesByLine}
        onPickFactor={onPickFactor}
        materials={materials}
        onPaste={(text) => {
          // While the remembered names load, a paste would miss them: it waits.
          if (!namesLoading) paste.take(text);
        }}
      />
      {lines.length === 0 && <Text c="dimmed">{t('carbon.boq.empty')}</Text>}
      <Group className="tsumiki-no-print">
        <Button variant="light" size="xs" onClick={() => add([blankLine(lines)])} data-testid="boq-add-line">
          {t('carbon.boq.addLine')}
        </Button>
      </Group>
      <Stack className="tsumiki-no-print" gap="xs">
        <BoqPasteBox paste={paste} namesLoading={namesLoading} />
        <BoqFileImport lines={lines} onAdd={add} onBuilding={onBuilding} />
      </Stack>
    </Stack>
  );
}

import { Badge, Button, Card, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@tsumiki/api';
import { isRoundDraft, isRoundPublished, ZRoundCode, type TRoundAction } from '@tsumiki/domain';
import { windowState } from '@tsumiki/domain/programmes';
import { DataTable, displayFiscalYear, displayYen, errorText, fieldErrorText, QueryState, useTRPC, WindowText, type DataColumn } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { emptyRoundForm, RoundForm, roundFormOf, type RoundFormValues } from './round-form';

type Programme = RouterOutputs['rounds']['list'][number];
type Round = Programme['rounds'][number];

const statusColor = (r: Round) => (isRoundPublished(r.status) ? 'teal' : isRoundDraft(r.status) ? 'gray' : 'orange');

/** Keeps every view of rounds current after a change: this page's list and the catalogue of calls. */
function useRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.rounds.list.queryKey() }), queryClient.invalidateQueries({ queryKey: trpc.programmes.list.queryKey() })]);
}

/** The programme office's calls: its programmes, each with its rounds, opened, cloned, edited, published, closed and reopened here. */
export function RoundsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const programmes = useQuery(trpc.rounds.list.queryOptions());
  return (
    <Stack gap="lg" data-testid="rounds-page">
      <Group justify="space-between" align="flex-start">
        <Title order={1}>{t('rounds.title')}</Title>
        <Button component={Link} to="/programme-definitions/new" variant="light" data-testid="programme-new">
          {t('definitions.create.link')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('rounds.intro')}
      </Text>
      <QueryState query={programmes} isEmpty={(rows) => rows.length === 0}>
        {(rows) => (
          <Stack gap="lg">
            {rows.map((p) => (
              <ProgrammeCard key={p.id} programme={p} />
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function ProgrammeCard({ programme }: { programme: Programme }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const create = useMutation(trpc.rounds.create.mutationOptions({ onSuccess: async () => { setCreating(false); await refresh(); } }));
  // A clone opens straight in the editor: its window and budget are what the office revises next.
  const clone = useMutation(trpc.rounds.clone.mutationOptions({ onSuccess: async ({ id }) => { await refresh(); setEditing(id); } }));
  const submitNew = (v: RoundFormValues) =>
    create.mutate({ programmeDefinitionId: programme.id, round: { code: v.code, nameJa: v.nameJa, nameEn: v.nameEn, fiscalYear: Number(v.fiscalYear), opensAt: v.opensAt, closesAt: v.closesAt, budgetYen: Number(v.budgetYen), notes: v.notes } });
  const columns = useRoundColumns({ onEdit: setEditing, onClone: (id, code) => clone.mutate(code ? { roundId: id, code } : { roundId: id }), cloning: clone.isPending });
  return (
    <Card withBorder data-testid={`programme-${programme.code}`}>
      <Group justify="space-between">
        <Title order={2} size="h3">
          {i18n.language === 'en' ? programme.nameEn : programme.nameJa}
        </Title>
        <Group gap="xs">
          <Button component={Link} to={`/programme-definitions/${programme.id}`} variant="subtle" data-testid={`definition-edit-${programme.code}`}>
            {t('rounds.editDefinition')}
          </Button>
          {!creating && (
            <Button variant="light" onClick={() => setCreating(true)} data-testid={`round-new-${programme.code}`}>
              {t('rounds.new')}
            </Button>
          )}
        </Group>
      </Group>
      {creating && <RoundForm mode="create" initial={emptyRoundForm()} pending={create.isPending} error={create.error} onSubmit={submitNew} onCancel={() => setCreating(false)} />}
      {clone.error && (
        <Text c="red" role="alert" size="sm">
          {errorText(t, clone.error)}
        </Text>
      )}
      <DataTable
        data={programme.rounds}
        columns={columns}
        rowKey={(r) => r.id}
        rowTestId={(r) => `round-${r.code}`}
        rowDetail={(r) => (editing === r.id ? <RoundEditor round={r} onDone={() => setEditing(null)} /> : null)}
        label={t('rounds.of', { name: i18n.language === 'en' ? programme.nameEn : programme.nameJa })}
        empty={
          <Text c="dimmed" size="sm" mt="sm">
            {t('rounds.none')}
          </Text>
        }
        striped={false}
        data-testid={`rounds-of-${programme.code}`}
      />
    </Card>
  );
}

/** The columns of a programme's rounds: name and code, window, budget, status, and what can be done to each. */
function useRoundColumns({ onEdit, onClone, cloning }: { onEdit: (id: string) => void; onClone: (id: string, code?: string) => void; cloning: boolean }): DataColumn<Round>[] {
  const { t, i18n } = useTranslation();
  const nameOf = (r: Round) => (i18n.language === 'en' ? r.nameEn : r.nameJa);
  return [
    {
      id: 'round',
      header: t('rounds.column.round'),
      sortValue: (r) => `${r.fiscalYear} ${r.code}`,
      cell: (r) => (
        <div>
          <Text size="sm">{nameOf(r)}</Text>
          <Text size="xs" c="dimmed">
            {displayFiscalYear(r.fiscalYear, i18n.language)} · {r.code}
          </Text>
        </div>
      ),
    },
    {
      id: 'window',
      header: t('rounds.column.window'),
      sortValue: (r) => new Date(r.opensAt).getTime(),
      cell: (r) => <WindowText opensAt={r.opensAt} closesAt={r.closesAt} />,
    },
    {
      id: 'budget',
      header: t('rounds.column.budget'),
      align: 'right',
      sortValue: (r) => r.budgetYen,
      cell: (r) => (
        <div>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }} data-testid={`round-budget-${r.code}`}>{displayYen(r.budgetYen, i18n.language)}</Text>
          {!r.budgetStated && (
            <Text size="xs" c="dimmed">
              {t('programme.budgetNotStated')}
            </Text>
          )}
        </div>
      ),
    },
    {
      id: 'status',
      header: t('rounds.column.status'),
      sortValue: (r) => t(`rounds.status.${r.status}`),
      cell: (r) => (
        <div>
          <Badge color={statusColor(r)} variant="light" data-testid={`round-status-${r.code}`}>
            {t(`rounds.status.${r.status}`)}
          </Badge>
          {/* Published is not accepting: a round published last year whose window has ended said only 公開中. */}
          {isRoundPublished(r.status) && (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid={`round-window-state-${r.code}`}>
              {t(`rounds.windowState.${windowState({ opensAt: new Date(r.opensAt), closesAt: new Date(r.closesAt) }, new Date()).state}`)}
            </Text>
          )}
        </div>
      ),
    },
    { id: 'actions', header: t('rounds.column.actions'), cell: (r) => <RoundActions round={r} onEdit={() => onEdit(r.id)} onClone={(code) => onClone(r.id, code)} cloning={cloning} /> },
  ];
}

/** A round's terms edited in place, under its row. */
function RoundEditor({ round, onDone }: { round: Round; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const update = useMutation(trpc.rounds.update.mutationOptions({ onSuccess: async () => { await refresh(); onDone(); } }));
  const save = (v: RoundFormValues) => update.mutate({ roundId: round.id, terms: { opensAt: v.opensAt, closesAt: v.closesAt, budgetYen: Number(v.budgetYen), notes: v.notes } });
  return <RoundForm mode="edit" initial={roundFormOf(round)} pending={update.isPending} error={update.error} onSubmit={save} onCancel={onDone} />;
}

function RoundActions({ round, onEdit, onClone, cloning }: { round: Round; onEdit: () => void; onClone: (code?: string) => void; cloning: boolean }) {
  const { t, i18n } = useTranslation();
  const [cloningCode, setCloningCode] = useState<string | null>(null);
  // Blank: the API gives next year's code (or the first free one after it).
  const codeCheck = cloningCode?.trim() ? ZRoundCode.safeParse(cloningCode) : null;
  const codeError = codeCheck && !codeCheck.success ? fieldErrorText(t, codeCheck.error.issues[0]?.message) : undefined;
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState<TRoundAction | null>(null);
  const transition = useMutation(trpc.rounds.transition.mutationOptions({ onSuccess: async () => { await refresh(); setConfirming(null); } }));
  return (
    <>
      <Group gap="xs">
        <Button size="xs" variant="default" onClick={onEdit} data-testid={`round-edit-${round.code}`}>
          {t('rounds.edit')}
        </Button>
        <Button size="xs" variant="default" onClick={() => setCloningCode('')} loading={cloning} data-testid={`round-clone-${round.code}`}>
          {t('rounds.clone')}
        </Button>
        {round.actions.map((a) => (
          <Button key={a} size="xs" variant="light" onClick={() => setConfirming(a)} data-testid={`round-${a}-${round.code}`}>
            {t(`rounds.action.${a}`)}
          </Button>
        ))}
      </Group>
      <Modal opened={cloningCode !== null} onClose={() => setCloningCode(null)} title={t('rounds.cloneDialog.title')} centered>
        <Stack>
          <TextInput
            label={t('rounds.cloneDialog.code')}
            description={t('rounds.cloneDialog.codeHint')}
            value={cloningCode ?? ''}
            onChange={(e) => setCloningCode(e.currentTarget.value)}
            error={codeError}
            data-testid={`round-clone-code-${round.code}`}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCloningCode(null)}>
              {t('rounds.cancel')}
            </Button>
            <Button
              disabled={codeError !== undefined}
              loading={cloning}
              onClick={() => {
                onClone(codeCheck?.success ? codeCheck.data : undefined);
                setCloningCode(null);
              }}
              data-testid={`round-clone-confirm-${round.code}`}
            >
              {t('rounds.cloneDialog.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={confirming ? t(`rounds.confirm.${confirming}.title`) : ''} centered>
        <Stack>
          <Text size="sm">{confirming ? t(`rounds.confirm.${confirming}.body`, { name: i18n.language === 'en' ? round.nameEn : round.nameJa }) : ''}</Text>
          {transition.error && (
            <Text c="red" role="alert" size="sm">
              {errorText(t, transition.error)}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t('rounds.cancel')}
            </Button>
            <Button onClick={() => confirming && transition.mutate({ roundId: round.id, action: confirming })} loading={transition.isPending} data-testid="round-confirm">
              {confirming ? t(`rounds.action.${confirming}`) : ''}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

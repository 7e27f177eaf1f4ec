import {
  ActionIcon,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { displayParams } from '@tsumiki/domain';
import { BUSINESS_DAYS_RULE, HOURS_PER_DAY_RULE, MAX_LINE_YEN } from '@tsumiki/domain/programmes';
import { CountInput, displayYen, YenInput } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import type { ReportEditorState, TDraftDay, TDraftStaff } from './use-report-editor';

type DiaryEntry = NonNullable<TDraftDay['entries']>[number];

/**
 * One of a person's amounts (pay, welfare) as one line of its kind: the yen field that takes what
 * was typed or says why not, never a changed number.
 */
function StaffAmountField({ label, path, kind, amount, editor }: { label: string; path: string; kind: 'base_salary' | 'health_insurance'; amount: number | undefined; editor: ReportEditorState }) {
  return (
    <YenInput
      label={label}
      max={MAX_LINE_YEN}
      value={amount}
      onChange={(v) => editor.set(path, v === undefined ? [] : [{ kind, amount: v }])}
      w={170}
      error={editor.errorAt(path)}
      disabled={!editor.editable}
    />
  );
}

/** Personnel cost: the staff's pay and the work diaries it is computed from (003 別添). */
export function ReportPersonnelSection({ editor }: { editor: ReportEditorState }) {
  const { t, i18n } = useTranslation();
  const { editable, errorAt, set, issues, check } = editor;
  const staff = editor.draft.personnel?.staff ?? [];
  const diaries = editor.draft.personnel?.diaries ?? [];
  const staffIssue = issues.find((i) => i.path === 'personnel' || i.path === 'personnel.staff');
  const personOptions = staff.map((s) => ({
    value: s.personId ?? '',
    label: s.name ? `${s.name}（${s.personId ?? ''}）` : (s.personId ?? ''),
  }));
  return (
    <Stack component="section" aria-labelledby="report-personnel" gap="xs">
      <Title order={3} size="h4" id="report-personnel">
        {t('results.personnel.heading')}
      </Title>
      <Text size="sm">{t('results.personnel.intro')}</Text>
      {errorAt('personnel') && (
        <Text c="red" size="sm" role="alert" data-testid="personnel-error">
          {staffIssue
            ? t(staffIssue.code, { ns: 'errors', keySeparator: false, ...displayParams(staffIssue.params) })
            : null}
        </Text>
      )}
      <Title order={4} size="h5">
        {t('results.personnel.staff')}
      </Title>
      {staff.map((s, i) => (
        <StaffCard key={i} editor={editor} person={s} i={i} />
      ))}
      {editable && (
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          onClick={() =>
            set('personnel.staff', [
              ...staff,
              { personId: `p${staff.length + 1}`, type: 'regular', pay: [], welfare: [] },
            ])
          }
        >
          {t('results.personnel.addStaff')}
        </Button>
      )}
      <Title order={4} size="h5">
        {t('results.personnel.diaries')}
      </Title>
      {diaries.map((day, d) => (
        <DiaryDayCard
          key={d}
          editor={editor}
          diaries={diaries}
          day={day}
          d={d}
          personOptions={personOptions}
        />
      ))}
      {editable && (
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          onClick={() =>
            set('personnel.diaries', [
              ...diaries,
              {
                personId: staff[0]?.personId ?? '',
                writtenBy: staff[0]?.personId ?? '',
                date: '',
                breaks: [{ start: '12:00', end: '13:00' }],
                entries: [{ project: '本事業', kind: 'this_project', start: '', end: '', description: '' }],
              },
            ])
          }
        >
          {t('results.personnel.addDay')}
        </Button>
      )}
      {check.summary && (
        <Text fw={600} data-testid="personnel-computed">
          {t('results.personnel.computed', {
            amount: displayYen(check.summary.personnelCostYen, i18n.language),
          })}
        </Text>
      )}
    </Stack>
  );
}

function StaffCard({ editor, person: s, i }: { editor: ReportEditorState; person: TDraftStaff; i: number }) {
  const { t, i18n } = useTranslation();
  const { editable, errorAt, set, check } = editor;
  const sheet = check.summary?.personnel.find((p) => p.personId === s.personId);
  const at = `personnel.staff.${i}`;
  return (
    <Card withBorder padding="xs" data-testid="staff-row">
      <Group align="flex-end" gap="xs" wrap="wrap">
        <TextInput
          label={t('results.personnel.personId')}
          value={s.personId ?? ''}
          onChange={(e) => set(`${at}.personId`, e.currentTarget.value)}
          w={110}
          disabled={!editable}
        />
        <TextInput
          label={t('results.personnel.name')}
          value={s.name ?? ''}
          onChange={(e) => set(`${at}.name`, e.currentTarget.value)}
          w={140}
          disabled={!editable}
        />
        <Select
          allowDeselect={false}
          label={t('results.personnel.type')}
          data={(['regular', 'contract', 'seconded', 'manager'] as const).map((v) => ({
            value: v,
            label: t(`results.personnel.types.${v}`),
          }))}
          value={s.type ?? null}
          onChange={(v) => set(`${at}.type`, v ?? 'regular')}
          w={130}
          disabled={!editable}
        />
        <StaffAmountField label={t('results.personnel.pay')} path={`${at}.pay`} kind="base_salary" amount={s.pay?.[0]?.amount} editor={editor} />
        <StaffAmountField label={t('results.personnel.welfare')} path={`${at}.welfare`} kind="health_insurance" amount={s.welfare?.[0]?.amount} editor={editor} />
        <CountInput
          label={t('results.personnel.businessDays')}
          rule={BUSINESS_DAYS_RULE}
          value={s.businessDays}
          onChange={(v) => set(`${at}.businessDays`, v)}
          w={120}
          error={errorAt(`${at}.businessDays`)}
          disabled={!editable}
        />
        <CountInput
          label={t('results.personnel.hoursPerDay')}
          rule={HOURS_PER_DAY_RULE}
          value={s.hoursPerDay}
          onChange={(v) => set(`${at}.hoursPerDay`, v)}
          w={120}
          error={errorAt(`${at}.hoursPerDay`)}
          disabled={!editable}
        />
        {sheet && (
          <Text size="sm" data-testid="staff-rate">
            {t('results.personnel.sheet', {
              name: s.name ?? s.personId,
              rate: displayYen(sheet.rate, i18n.language),
              hours: sheet.directMinutes / 60,
              cost: displayYen(sheet.cost, i18n.language),
            })}
          </Text>
        )}
      </Group>
    </Card>
  );
}

function DiaryDayCard({
  editor,
  diaries,
  day,
  d,
  personOptions,
}: {
  editor: ReportEditorState;
  diaries: readonly TDraftDay[];
  day: TDraftDay;
  d: number;
  personOptions: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const { editable, errorAt, set, issues } = editor;
  const at = `personnel.diaries.${d}`;
  const entries = day.entries ?? [];
  const breakStart = day.breaks?.[0]?.start ?? '';
  const breakEnd = day.breaks?.[0]?.end ?? '';
  return (
    <Card withBorder padding="xs" data-testid="diary-day">
      <Stack gap="xs">
        <Group align="flex-end" gap="xs" wrap="wrap">
          <Select
            allowDeselect={false}
            label={t('results.personnel.person')}
            data={personOptions}
            value={day.personId || null}
            onChange={(v) => {
              set(`${at}.personId`, v ?? '');
              set(`${at}.writtenBy`, v ?? '');
            }}
            w={180}
            error={errorAt(`${at}.personId`)}
            disabled={!editable}
          />
          <TextInput
            type="date"
            label={t('results.personnel.date')}
            value={day.date ?? ''}
            onChange={(e) => set(`${at}.date`, e.currentTarget.value)}
            error={errorAt(`${at}.date`)}
            disabled={!editable}
          />
          <TextInput
            label={t('results.personnel.countersignedBy')}
            value={day.countersignedBy ?? ''}
            onChange={(e) => set(`${at}.countersignedBy`, e.currentTarget.value || undefined)}
            w={180}
            disabled={!editable}
          />
          <TextInput
            type="time"
            label={t('results.personnel.breakStart')}
            value={breakStart}
            onChange={(e) => set(`${at}.breaks`, [{ start: e.currentTarget.value, end: breakEnd }])}
            disabled={!editable}
          />
          <TextInput
            type="time"
            label={t('results.personnel.breakEnd')}
            value={breakEnd}
            onChange={(e) => set(`${at}.breaks`, [{ start: breakStart, end: e.currentTarget.value }])}
            disabled={!editable}
          />
          {editable && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={() =>
                set(
                  'personnel.diaries',
                  diaries.filter((_, j) => j !== d),
                )
              }
            >
              {t('results.personnel.removeDay')}
            </Button>
          )}
        </Group>
        {errorAt(at) && issues.some((i) => i.path === at) && (
          <Text c="red" size="sm" role="alert">
            {errorAt(at)}
          </Text>
        )}
        {entries.map((entry, e) => (
          <DiaryEntryRow
            key={e}
            editor={editor}
            entries={entries}
            entry={entry}
            at={`${at}.entries`}
            e={e}
            d={d}
          />
        ))}
        {editable && (
          <Button
            size="xs"
            variant="subtle"
            w="fit-content"
            onClick={() =>
              set(`${at}.entries`, [
                ...entries,
                { project: '', kind: 'this_project', start: '', end: '', description: '' },
              ])
            }
          >
            {t('results.personnel.addEntry')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

function DiaryEntryRow({
  editor,
  entries,
  entry,
  at,
  e,
  d,
}: {
  editor: ReportEditorState;
  entries: readonly DiaryEntry[];
  entry: DiaryEntry;
  at: string;
  e: number;
  d: number;
}) {
  const { t } = useTranslation();
  const { editable, errorAt, set } = editor;
  return (
    <Group align="flex-start" gap="xs" wrap="wrap" data-testid="diary-entry">
      <TextInput
        aria-label={`${t('results.personnel.project')} ${e + 1}`}
        placeholder={t('results.personnel.project')}
        value={entry.project ?? ''}
        onChange={(ev) => set(`${at}.${e}.project`, ev.currentTarget.value)}
        w={160}
        disabled={!editable}
      />
      <Select
        allowDeselect={false}
        aria-label={`${t('results.personnel.kind')} ${e + 1}`}
        data={(['this_project', 'other_project', 'own_business'] as const).map((v) => ({
          value: v,
          label: t(`results.personnel.kinds.${v}`),
        }))}
        value={entry.kind ?? null}
        onChange={(v) => set(`${at}.${e}.kind`, v ?? 'this_project')}
        w={140}
        disabled={!editable}
      />
      <TextInput
        type="time"
        aria-label={`${t('results.personnel.start')} ${e + 1}`}
        value={entry.start ?? ''}
        onChange={(ev) => set(`${at}.${e}.start`, ev.currentTarget.value)}
        disabled={!editable}
        data-testid={`entry-start-${d}-${e}`}
      />
      <TextInput
        type="time"
        aria-label={`${t('results.personnel.end')} ${e + 1}`}
        value={entry.end ?? ''}
        onChange={(ev) => set(`${at}.${e}.end`, ev.currentTarget.value)}
        disabled={!editable}
        data-testid={`entry-end-${d}-${e}`}
      />
      {errorAt(`${at}.${e}`) && (
        <Text c="red" size="sm" role="alert" maw={420} data-testid="diary-entry-error">
          {errorAt(`${at}.${e}`)}
        </Text>
      )}
      {editable && (
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={t('results.personnel.removeEntry', { line: e + 1 })}
          onClick={() =>
            set(
              at,
              entries.filter((_, j) => j !== e),
            )
          }
        >
          ×
        </ActionIcon>
      )}
    </Group>
  );
}

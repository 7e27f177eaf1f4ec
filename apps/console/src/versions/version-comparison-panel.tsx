import { Badge, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RouterOutputs } from '@tsumiki/api';
import { displayJst, displayYen, QueryState, useTRPC } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Compared = RouterOutputs['review']['compareVersions'];
type Comparison = NonNullable<Compared['comparison']>;
type Text2 = { ja: string; en: string };

const AMOUNT_ORDER = ['requested', 'eligibleCost', 'base', 'grant', 'ownShare'] as const;

/**
 * 版の比較: any two submitted versions of the application (the last two to begin with), with what
 * changed in the form's own words and the amounts the programme's rules give on each version.
 */
export function VersionComparisonPanel({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [chosen, setChosen] = useState<{ from?: number; to?: number }>({});
  const compared = useQuery({ ...trpc.review.compareVersions.queryOptions({ applicationId, ...chosen }), placeholderData: keepPreviousData });
  return (
    <Card withBorder component="section" aria-labelledby="version-comparison-heading" data-testid="version-comparison">
      <Title order={2} id="version-comparison-heading">
        {t('versions.heading')}
      </Title>
      <QueryState query={compared}>
        {(c) =>
          c.comparison === null || c.from === null || c.to === null ? (
            <Text c="dimmed">{t('versions.onlyOne')}</Text>
          ) : (
            <Stack gap="md" mt="xs">
              <Text size="sm" c="dimmed">{t('versions.intro')}</Text>
              <VersionPicker compared={c} onChange={(from, to) => setChosen({ from, to })} />
              <Amounts comparison={c.comparison} from={c.from} to={c.to} />
              <FieldChanges comparison={c.comparison} />
              <LineChanges comparison={c.comparison} />
            </Stack>
          )
        }
      </QueryState>
    </Card>
  );
}

function useText() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return { text: (v: Text2) => (en ? v.en : v.ja), yen: (n: number) => displayYen(n, i18n.language) };
}

function VersionPicker({ compared, onChange }: { compared: Compared; onChange: (from: number, to: number) => void }) {
  const { t } = useTranslation();
  const data = compared.versions.map((v) => ({ value: String(v.versionNo), label: t('versions.version', { version: v.versionNo, at: displayJst(v.submittedAt) }) }));
  const [from, to] = [compared.from ?? 0, compared.to ?? 0];
  return (
    <Group grow align="flex-end">
      <Select label={t('versions.from')} data={data} value={String(from)} allowDeselect={false} onChange={(v) => v && onChange(Number(v), to)} data-testid="version-from" />
      <Select label={t('versions.to')} data={data} value={String(to)} allowDeselect={false} onChange={(v) => v && onChange(from, Number(v))} data-testid="version-to" />
    </Group>
  );
}

function Amounts({ comparison, from, to }: { comparison: Comparison; from: number; to: number }) {
  const { t } = useTranslation();
  const { text, yen } = useText();
  const shown = (n: number | null) => (n === null ? t('versions.notComputable') : yen(n));
  return (
    <Stack gap={4}>
      <Title order={3}>{t('versions.amounts')}</Title>
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('versions.amount')}</Table.Th>
              <Table.Th ta="right">{t('versions.versionShort', { version: from })}</Table.Th>
              <Table.Th ta="right">{t('versions.versionShort', { version: to })}</Table.Th>
              <Table.Th ta="right">{t('versions.difference')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {AMOUNT_ORDER.map((key) => {
              const { before, after } = comparison.amounts[key];
              const diff = before !== null && after !== null ? after - before : null;
              return (
                <Table.Tr key={key} data-testid={`comparison-amount-${key}`} fw={key === 'grant' ? 700 : undefined}>
                  <Table.Td>{text(comparison.amountLabels[key])}</Table.Td>
                  <Table.Td ta="right">{shown(before)}</Table.Td>
                  <Table.Td ta="right">{shown(after)}</Table.Td>
                  <Table.Td ta="right">{diff === null ? '—' : diff === 0 ? '±0' : `${diff > 0 ? '+' : '−'}${yen(Math.abs(diff))}`}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function FieldChanges({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation();
  const { text } = useText();
  const value = (v: Text2 | null) => (v === null ? t('versions.empty') : text(v));
  return (
    <Stack gap={4}>
      <Title order={3}>{t('versions.fields')}</Title>
      {comparison.fields.length === 0 ? (
        <Text c="dimmed" size="sm">{t('versions.noFieldChanges')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('versions.section')}</Table.Th>
                <Table.Th>{t('versions.field')}</Table.Th>
                <Table.Th>{t('versions.before')}</Table.Th>
                <Table.Th>{t('versions.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {comparison.fields.map((f) => (
                <Table.Tr key={f.path} data-testid="comparison-field">
                  <Table.Td>{text(f.section)}</Table.Td>
                  <Table.Td>{text(f.label)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{value(f.before)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{value(f.after)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function LineChanges({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation();
  const { text, yen } = useText();
  const value = (v: Text2 | null) => (v === null ? t('versions.empty') : text(v));
  return (
    <Stack gap={4}>
      <Title order={3}>{t('versions.lines')}</Title>
      {comparison.lines.length === 0 ? (
        <Text c="dimmed" size="sm">{t('versions.noLineChanges')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('versions.table')}</Table.Th>
                <Table.Th>{t('versions.change')}</Table.Th>
                <Table.Th>{t('versions.category')}</Table.Th>
                <Table.Th>{t('versions.description')}</Table.Th>
                <Table.Th>{t('versions.detail')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {comparison.lines.map((l, i) => {
                const line = l.after ?? l.before;
                return (
                  <Table.Tr key={i} data-testid="comparison-line" data-change={l.change}>
                    <Table.Td>{`${l.form} ${text(l.table)}`}</Table.Td>
                    <Table.Td>
                      <Badge color={l.change === 'added' ? 'teal' : l.change === 'removed' ? 'red' : 'blue'}>{t(`versions.changes.${l.change}`)}</Badge>
                    </Table.Td>
                    <Table.Td>{line?.category ? text(line.category) : '—'}</Table.Td>
                    <Table.Td>{line?.description ?? '—'}</Table.Td>
                    <Table.Td>
                      {l.change === 'changed' ? (
                        <Stack gap={0}>
                          {l.cells.map((c, j) => (
                            <Text key={j} size="sm">{`${text(c.label)}: ${value(c.before)} → ${value(c.after)}`}</Text>
                          ))}
                        </Stack>
                      ) : line?.amount != null ? (
                        yen(line.amount)
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

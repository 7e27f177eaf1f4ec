import { Alert, Button, Checkbox, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { listedNames } from '@tsumiki/domain';
import {
  DATA_TYPE_NAMES,
  materialNameIndex,
  resolveMaterialName,
  type TBoqDraftLine,
  type TEmissionFactor,
  type TRememberedName,
  USER_FACTOR_DATA_TYPES,
  USER_FACTOR_DECIMALS,
  USER_FACTOR_MAX,
  USER_FACTOR_SOURCE_MAX,
  userFactorEntryOf,
  userFactorOf,
  ZUserFactorEntry,
} from '@tsumiki/domain/carbon';
import { CountInput, DataTable, errorText, useDomainForm, useTRPC, type DataColumn } from '@tsumiki/ui';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Unmapped {
  name: string;
  lines: TBoqDraftLine[];
  suggestions: { materialKey: string; label: string }[];
}

/**
 * The mapping step: every material name in the BoQ that the library does not know (after its
 * names, aliases and the organisation's remembered names) is asked about once, with the likeliest
 * materials first. The lines keep the name as typed; choosing sets the material behind it, and the
 * choice may be remembered for the organisation so the next paste matches it without asking.
 */
export function MaterialMapping({
  lines,
  library,
  remembered,
  onChange,
}: {
  lines: TBoqDraftLine[];
  library: readonly TEmissionFactor[];
  remembered: readonly TRememberedName[];
  onChange: (lines: TBoqDraftLine[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const index = useMemo(() => materialNameIndex(library, remembered), [library, remembered]);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [remember, setRemember] = useState<Record<string, boolean>>({});
  const confirm = useMutation(trpc.carbon.confirmMaterialNames.mutationOptions());

  const unmapped = useMemo(() => {
    const byName = new Map<string, TBoqDraftLine[]>();
    for (const l of lines) {
      if (l.materialKey === '' || index.keys.has(l.materialKey)) continue;
      byName.set(l.materialKey, [...(byName.get(l.materialKey) ?? []), l]);
    }
    const out: Unmapped[] = [];
    for (const [name, group] of byName) {
      const r = resolveMaterialName(name, index);
      const gapText = t('carbon.mapping.noFactor');
      const label = (s: { nameJa: string; nameEn: string; gap: boolean }) => `${lang === 'ja' ? s.nameJa : s.nameEn}${s.gap ? ` ${gapText}` : ''}`;
      const first = r.materialKey === null ? r.suggestions.map((s) => ({ materialKey: s.materialKey, label: label(s) })) : [];
      const rest = [...index.materials].filter(([k]) => !first.some((f) => f.materialKey === k)).map(([k, m]) => ({ materialKey: k, label: label(m) }));
      out.push({ name, lines: group, suggestions: [...first, ...rest] });
    }
    return out;
  }, [lines, index, lang, t]);

  if (unmapped.length === 0) return null;
  const chosen = unmapped.filter((u) => (choice[u.name] ?? u.suggestions[0]?.materialKey) !== undefined);
  const apply = () => {
    const mappings = chosen.map((u) => ({ name: u.name, materialKey: choice[u.name] ?? u.suggestions[0]!.materialKey, remember: remember[u.name] ?? false }));
    confirm.mutate(
      { mappings },
      {
        onSuccess: (out) => {
          const to = new Map(out.mappings.map((m) => [m.name, m.materialKey]));
          onChange(lines.map((l) => (to.has(l.materialKey) ? { ...l, materialName: l.materialName ?? l.materialKey, materialKey: to.get(l.materialKey)!, factorId: undefined } : l)));
          if (out.remembered > 0) void queryClient.invalidateQueries({ queryKey: trpc.carbon.materialNames.queryKey() });
        },
      },
    );
  };

  const columns: DataColumn<Unmapped>[] = [
    { id: 'name', header: t('carbon.mapping.name'), rowHeader: true, cell: (u) => u.name },
    { id: 'quantity', header: t('carbon.mapping.quantity'), cell: (u) => listedNames(u.lines.map((l) => `${(l.quantity ?? 0).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB')} ${l.unit}`), lang) },
    {
      id: 'material',
      header: t('carbon.mapping.material'),
      cell: (u) => (
        <NativeSelect
          size="xs"
          aria-label={t('carbon.mapping.materialFor', { name: u.name })}
          value={choice[u.name] ?? u.suggestions[0]?.materialKey ?? ''}
          data={u.suggestions.map((s) => ({ value: s.materialKey, label: s.label }))}
          onChange={(e) => setChoice({ ...choice, [u.name]: e.currentTarget.value })}
          data-row={unmapped.indexOf(u)}
        />
      ),
    },
    {
      id: 'remember',
      header: t('carbon.mapping.remember'),
      cell: (u) => (
        <Checkbox
          aria-label={t('carbon.mapping.rememberFor', { name: u.name })}
          checked={remember[u.name] ?? false}
          onChange={(e) => setRemember({ ...remember, [u.name]: e.currentTarget.checked })}
        />
      ),
    },
  ];
  return (
    <Stack gap="xs" data-testid="material-mapping">
      <Title order={3}>{t('carbon.mapping.heading', { count: unmapped.length })}</Title>
      <Text size="sm">{t('carbon.mapping.hint')}</Text>
      <DataTable
        data={unmapped}
        columns={columns}
        rowKey={(u) => u.name}
        rowProps={(u) => ({ 'data-name': u.name })}
        label={t('carbon.mapping.heading', { count: unmapped.length })}
        empty={null}
        striped={false}
      />
      <Group>
        <Button size="xs" onClick={apply} loading={confirm.isPending} disabled={chosen.length === 0} data-testid="material-mapping-apply">
          {t('carbon.mapping.apply', { count: chosen.length })}
        </Button>
      </Group>
      {confirm.isError && (
        <Alert color="red" role="alert">
          {errorText(t, confirm.error)}
        </Alert>
      )}
    </Stack>
  );
}

/**
 * Materials of the BoQ that the library has no citable value for: each may stay a gap (the result
 * says so) or be given a factor the user enters with its source; results name the lines resting on it.
 */
export function GapFactors({
  lines,
  library,
  factors,
  onChange,
}: {
  lines: readonly TBoqDraftLine[];
  library: readonly TEmissionFactor[];
  factors: readonly TEmissionFactor[];
  onChange: (factors: TEmissionFactor[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const gaps = useMemo(() => {
    const usedKeys = new Set(lines.map((l) => l.materialKey));
    const byKey = new Map<string, TEmissionFactor[]>();
    for (const f of library) if (usedKeys.has(f.materialKey)) byKey.set(f.materialKey, [...(byKey.get(f.materialKey) ?? []), f]);
    return [...byKey].filter(([, list]) => list.every((f) => f.gap)).map(([key, list]) => ({ key, gap: list[0]! }));
  }, [lines, library]);
  if (gaps.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="gap-factors">
      <Title order={3}>{t('carbon.gaps.heading', { count: gaps.length })}</Title>
      <Text size="sm">{t('carbon.gaps.hint')}</Text>
      {gaps.map(({ key, gap }) => (
        <GapFactorRow
          key={key}
          gap={gap}
          entered={factors.find((f) => f.materialKey === key)}
          lang={lang}
          onEnter={(f) => onChange([...factors.filter((x) => x.materialKey !== key), ...(f ? [f] : [])])}
        />
      ))}
    </Stack>
  );
}

const VALUE_RULE = { min: 0, max: USER_FACTOR_MAX, decimals: USER_FACTOR_DECIMALS };

/** One gap material's own factor, checked as typed by the domain's ZUserFactorEntry (what the API checks it by too). */
function GapFactorRow({ gap, entered, lang, onEnter }: { gap: TEmissionFactor; entered: TEmissionFactor | undefined; lang: 'ja' | 'en'; onEnter: (f: TEmissionFactor | null) => void }) {
  const { t } = useTranslation();
  const name = lang === 'ja' ? gap.nameJa : gap.nameEn;
  const form = useDomainForm(ZUserFactorEntry, {
    initialValues: entered
      ? userFactorEntryOf(entered)
      : { value: null, unit: gap.declaredUnit, dataType: 'epd_company', source: '', publishedOn: '' },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((entry) => onEnter(userFactorOf(gap, entry, t('carbon.gaps.owner'))))}
      aria-label={t('carbon.gaps.formFor', { name })}
      data-material={name}
    >
      <Group align="flex-start" wrap="wrap">
        <Text size="sm" w={220} mt={24}>
          {name}
          {entered && (
            <Text span size="xs" c="teal" ml={4}>
              {t('carbon.gaps.entered')}
            </Text>
          )}
        </Text>
        <CountInput
          size="xs"
          w={160}
          rule={VALUE_RULE}
          label={t('carbon.gaps.value', { unit: gap.declaredUnit })}
          aria-label={t('carbon.gaps.valueFor', { name })}
          withAsterisk
          {...form.getInputProps('value')}
          onChange={(v) => form.setFieldValue('value', v ?? null)}
        />
        <NativeSelect
          size="xs"
          label={t('carbon.gaps.dataType')}
          aria-label={t('carbon.gaps.dataTypeFor', { name })}
          data={USER_FACTOR_DATA_TYPES.map((d) => ({ value: d, label: DATA_TYPE_NAMES[d][lang] }))}
          {...form.getInputProps('dataType')}
        />
        <TextInput size="xs" w={260} label={t('carbon.gaps.source')} aria-label={t('carbon.gaps.sourceFor', { name })} withAsterisk maxLength={USER_FACTOR_SOURCE_MAX} {...form.getInputProps('source')} />
        <TextInput size="xs" w={150} label={t('carbon.gaps.publishedOn')} aria-label={t('carbon.gaps.publishedOnFor', { name })} withAsterisk placeholder="2025-04-01" {...form.getInputProps('publishedOn')} />
        <Group gap="xs" mt={24}>
          <Button size="xs" type="submit">
            {t('carbon.gaps.use')}
          </Button>
          {entered && (
            <Button size="xs" variant="subtle" onClick={() => onEnter(null)}>
              {t('carbon.gaps.leaveGap')}
            </Button>
          )}
        </Group>
      </Group>
    </form>
  );
}

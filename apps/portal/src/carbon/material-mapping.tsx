import { Alert, Button, Checkbox, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  DATA_TYPE_NAMES,
  materialNameIndex,
  resolveMaterialName,
  type TBoqDraftLine,
  type TDataType,
  type TEmissionFactor,
  type TRememberedName,
  ZIsoDate,
} from '@tsumiki/domain/carbon';
import { DataTable, errorText, useTRPC, type DataColumn } from '@tsumiki/ui';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Data types a user may state for a factor they enter (generic and national defaults are the library's). */
const USER_DATA_TYPES: readonly TDataType[] = ['epd_company', 'epd_industry', 'cfp_reviewed', 'cfp_unreviewed', 'io_statistic'];

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
    { id: 'quantity', header: t('carbon.mapping.quantity'), cell: (u) => u.lines.map((l) => `${(l.quantity ?? 0).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB')} ${l.unit}`).join('、') },
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

function GapFactorRow({ gap, entered, lang, onEnter }: { gap: TEmissionFactor; entered: TEmissionFactor | undefined; lang: 'ja' | 'en'; onEnter: (f: TEmissionFactor | null) => void }) {
  const { t } = useTranslation();
  const name = lang === 'ja' ? gap.nameJa : gap.nameEn;
  const [value, setValue] = useState(entered?.a1a3?.toString() ?? '');
  const [source, setSource] = useState(entered?.source ?? '');
  const [publishedOn, setPublishedOn] = useState(entered?.publishedOn ?? '');
  const [dataType, setDataType] = useState<TDataType>(entered?.dataType ?? 'epd_company');
  const n = Number(value.normalize('NFKC').replace(/,/g, ''));
  const valid = value.trim() !== '' && Number.isFinite(n) && n >= 0 && source.trim() !== '' && ZIsoDate.safeParse(publishedOn).success;
  return (
    <Group align="flex-end" data-material={name} wrap="wrap">
      <Text size="sm" w={220}>
        {name}
        {entered && (
          <Text span size="xs" c="teal" ml={4}>
            {t('carbon.gaps.entered')}
          </Text>
        )}
      </Text>
      <TextInput size="xs" w={140} label={t('carbon.gaps.value', { unit: gap.declaredUnit })} aria-label={t('carbon.gaps.valueFor', { name })} value={value} onChange={(e) => setValue(e.currentTarget.value)} inputMode="decimal" />
      <NativeSelect size="xs" label={t('carbon.gaps.dataType')} value={dataType} data={USER_DATA_TYPES.map((d) => ({ value: d, label: DATA_TYPE_NAMES[d][lang] }))} onChange={(e) => setDataType(e.currentTarget.value as TDataType)} />
      <TextInput size="xs" w={260} label={t('carbon.gaps.source')} aria-label={t('carbon.gaps.sourceFor', { name })} value={source} onChange={(e) => setSource(e.currentTarget.value)} />
      <TextInput size="xs" w={130} label={t('carbon.gaps.publishedOn')} aria-label={t('carbon.gaps.publishedOnFor', { name })} placeholder="2025-04-01" value={publishedOn} onChange={(e) => setPublishedOn(e.currentTarget.value)} />
      <Button
        size="xs"
        disabled={!valid}
        onClick={() =>
          onEnter({
            id: `user.${gap.materialKey}`,
            materialKey: gap.materialKey,
            nameJa: `${gap.nameJa}（利用者入力）`,
            nameEn: `${gap.nameEn} (entered by the user)`,
            productCategory: gap.productCategory,
            declaredUnit: gap.declaredUnit,
            a1a3: n,
            dataType,
            owner: t('carbon.gaps.owner'),
            source: source.trim(),
            publishedOn,
            gap: false,
          })
        }
      >
        {t('carbon.gaps.use')}
      </Button>
      {entered && (
        <Button size="xs" variant="subtle" onClick={() => onEnter(null)}>
          {t('carbon.gaps.leaveGap')}
        </Button>
      )}
    </Group>
  );
}

import { Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import type { TCarbonProjectContent, TProjectScenario } from '@tsumiki/domain/carbon';
import { useTranslation } from 'react-i18next';
import { ScenarioEditor } from './scenario-editor';

/** At most this many scenarios are compared: the baseline and four others. */
const MAX_SCENARIOS = 5;

/** A new scenario after the others, with the first id "s<n>" not in use. */
function nextScenario(scenarios: readonly TProjectScenario[], lang: 'ja' | 'en'): TProjectScenario {
  const used = new Set(scenarios.map((s) => s.id));
  let n = scenarios.length;
  while (used.has(`s${n}`)) n++;
  return { id: `s${n}`, name: `${lang === 'ja' ? '比較案' : 'Scenario'} ${n}`, scenario: {} };
}

/** The baseline and the scenarios compared with it, each named and edited; all but the first removable. */
export function ScenarioList({
  content,
  onChange,
}: {
  content: TCarbonProjectContent;
  onChange: (next: TCarbonProjectContent) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const scenarios = content.scenarios;
  const setScenarios = (next: TProjectScenario[]) => onChange({ ...content, scenarios: next });
  const change = (index: number, patch: Partial<TProjectScenario>) =>
    setScenarios(scenarios.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  return (
    <Stack>
      <Title order={2}>{t('carbon.scenarios.heading')}</Title>
      {scenarios.map((s, i) => (
        <Paper key={s.id} withBorder p="sm">
          <Stack gap="xs">
            <Group align="flex-end">
              <TextInput
                label={t('carbon.scenarios.name')}
                withAsterisk
                value={s.name}
                onChange={(e) => change(i, { name: e.currentTarget.value })}
                description={i === 0 ? t('carbon.scenarios.baseline') : undefined}
              />
              {i > 0 && (
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() => setScenarios(scenarios.filter((_, j) => j !== i))}
                >
                  {t('carbon.scenarios.remove')}
                </Button>
              )}
            </Group>
            <ScenarioEditor
              index={i}
              scenario={s.scenario}
              onChange={(next) => change(i, { scenario: next })}
            />
          </Stack>
        </Paper>
      ))}
      {scenarios.length < MAX_SCENARIOS && (
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() => setScenarios([...scenarios, nextScenario(scenarios, lang)])}
          >
            {t('carbon.scenarios.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

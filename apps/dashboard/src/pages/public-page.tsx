import { Anchor, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { displayFiscalYear, LocaleSwitch, QueryState, useTRPC } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** What the associations chose to publish: readable by anyone, without signing in. */
export function PublicPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const reports = useQuery(trpc.ccus.publicSummary.queryOptions());
  return (
    <Container size="md" py="xl" component="main" id="main" data-testid="public-page">
      <Stack gap="lg">
        <Group justify="space-between">
          <Text fw={700}>{t('product')}</Text>
          <Group gap="sm">
            <LocaleSwitch />
            <Anchor component={Link} to="/">
              {t('public.signIn')}
            </Anchor>
          </Group>
        </Group>
        <Title order={1}>{t('public.title')}</Title>
        <Text>{t('public.lead')}</Text>
        <QueryState query={reports} isEmpty={(rows) => rows.length === 0}>
          {(rows) => (
            <Stack>
              {rows.map((r) => (
                <Paper key={`${r.associationId}-${r.fiscalYear}`} withBorder p="lg" component="article" aria-labelledby={`pub-${r.associationId}-${r.fiscalYear}`}>
                  <Title order={2} size="h3" id={`pub-${r.associationId}-${r.fiscalYear}`}>
                    {i18n.language === 'en' ? r.nameEn : r.nameJa}
                    <Text span c="dimmed" size="sm" ml="sm">
                      {displayFiscalYear(r.fiscalYear, i18n.language)}
                    </Text>
                  </Title>
                  <Title order={3} size="h5" mt="md">
                    {t('plan.goalsText')}
                  </Title>
                  <Text style={{ whiteSpace: 'pre-wrap' }}>{r.goalsText || '—'}</Text>
                  <Title order={3} size="h5" mt="md">
                    {t('plan.actionsText')}
                  </Title>
                  <Text style={{ whiteSpace: 'pre-wrap' }}>{r.actionsText || '—'}</Text>
                </Paper>
              ))}
            </Stack>
          )}
        </QueryState>
      </Stack>
    </Container>
  );
}

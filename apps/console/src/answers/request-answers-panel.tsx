import { Badge, Card, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { displayJst, useTRPC } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';

/** What the applicant answered to the office's requests for information: text, files, time. Hidden while there is none. */
export function RequestAnswersPanel({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const answers = useQuery(trpc.lifecycle.staffAnswers.queryOptions({ applicationId }));
  if (!answers.data || answers.data.length === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="answers-heading" data-testid="request-answers">
      <Title order={2} id="answers-heading">
        {t('answers.heading')}
      </Title>
      <Stack gap="sm" mt="xs">
        {answers.data.map((a) => (
          <Card key={a.id} withBorder padding="sm">
            <Text size="sm" c="dimmed">
              {t('answers.request', { message: a.requestMessage })}
            </Text>
            <Text size="sm">
              {t('answers.answeredAt', { at: displayJst(a.answeredAt), due: a.dueAt ? displayJst(a.dueAt) : '—' })}{' '}
              {a.late && <Badge color="red">{t('answers.late')}</Badge>}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{a.message}</Text>
            {a.files.length > 0 && (
              <List size="sm" aria-label={t('answers.files')}>
                {a.files.map((f) => (
                  <List.Item key={f.id}>{f.fileName}</List.Item>
                ))}
              </List>
            )}
          </Card>
        ))}
      </Stack>
    </Card>
  );
}

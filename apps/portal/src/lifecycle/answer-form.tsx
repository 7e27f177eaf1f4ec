import { Alert, Button, Card, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ANSWER_MESSAGE_MAX, ZRequestAnswer } from '@tsumiki/domain/lifecycle';
import { displayJst, errorText, useDomainForm, useTRPC } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EvidenceUpload, type UploadedFile } from './evidence-upload';

interface RequestView {
  id: string;
  kind: string;
  message: string;
  dueAt: Date;
  answeredAt: Date | null;
  answer: { message: string; answeredAt: Date } | null;
}

/** 追加資料の提出: the answer's text and files, by the due date; the API refuses it after. */
export function AnswerForm({ applicationId, version, request }: { applicationId: string; version: number; request: RequestView }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useDomainForm(ZRequestAnswer, { initialValues: { requestId: request.id, message: '', attachmentIds: [] } });
  // The files' names for the list; the form holds their ids.
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const answer = useMutation(
    trpc.lifecycle.answer.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.lifecycle.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.applications.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() });
      },
    }),
  );
  const submit = form.onSubmit((parsed) => answer.mutate({ applicationId, version, ...parsed }));
  return (
    <Card withBorder component="section" aria-labelledby={`answer-${request.id}`} data-testid="answer-form">
      <Stack gap="sm">
        <Title order={3} size="h4" id={`answer-${request.id}`}>
          {t('lifecycle.answer.heading')} — {t(`lifecycle.timeline.request.${request.kind}`)}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{request.message}</Text>
        <Text fw={600}>{t('lifecycle.timeline.due', { due: displayJst(request.dueAt) })}</Text>
        {request.answer ? (
          <Alert color="teal" title={t('lifecycle.answer.yourAnswer', { at: displayJst(request.answer.answeredAt) })}>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{request.answer.message}</Text>
          </Alert>
        ) : (
          <>
            <Textarea
              label={t('lifecycle.answer.message')}
              description={t('lifecycle.answer.messageHint')}
              {...form.getInputProps('message')}
              maxLength={ANSWER_MESSAGE_MAX}
              autosize
              minRows={4}
              required
              data-testid="answer-message"
            />
            <EvidenceUpload applicationId={applicationId} onUploaded={(f) => {
                setFiles((fs) => [...fs, f]);
                form.insertListItem('attachmentIds', f.id);
              }} testId="answer-file" />
            {files.length > 0 && (
              <List size="sm" aria-label={t('lifecycle.answer.files')}>
                {files.map((f) => (
                  <List.Item key={f.id}>{f.fileName}</List.Item>
                ))}
              </List>
            )}
            {answer.isError && (
              <Alert color="red" role="alert" data-testid="answer-error">
                {errorText(t, answer.error)}
              </Alert>
            )}
            {answer.isSuccess && (
              <Alert color="teal" role="status">
                {t('lifecycle.answer.sent')}
              </Alert>
            )}
            <Button onClick={() => submit()} loading={answer.isPending} w="fit-content">
              {t('lifecycle.answer.submit')}
            </Button>
          </>
        )}
      </Stack>
    </Card>
  );
}

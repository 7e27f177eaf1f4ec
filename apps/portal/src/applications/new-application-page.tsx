import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ZCreateDraftInput } from '@tsumiki/domain';
import { errorText, QueryState, useDomainForm, useTRPC } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Countdown } from './countdown';

/** Starts a draft in a programme: only a title is needed; everything else autosaves in the wizard. */
export function NewApplicationPage() {
  const { programmeId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const programmes = useQuery(trpc.programmes.list.queryOptions());
  const form = useDomainForm(ZCreateDraftInput, { initialValues: { programmeId, title: '' } });
  const create = useMutation(
    trpc.applications.createDraft.mutationOptions({
      onSuccess: (draft) => void navigate(`/applications/${draft.id}`),
    }),
  );
  const programmeError = form.errorText('programmeId');
  return (
    <QueryState query={programmes}>
      {(rows) => {
        const programme = rows.find((p) => p.id === programmeId);
        return (
          <form noValidate onSubmit={form.onSubmit((input) => create.mutate(input))}>
            <Stack maw={640}>
              <Title order={1}>{t('apply.newHeading')}</Title>
              {programme && (
                <Stack gap={2}>
                  <Text>{i18n.language === 'en' ? programme.nameEn : programme.nameJa}</Text>
                  <Countdown closesAt={programme.windowClosesAt} />
                </Stack>
              )}
              <TextInput
                label={t('apply.titleLabel')}
                withAsterisk
                {...form.getInputProps('title')}
                maxLength={200}
                data-autofocus
              />
              {programmeError && (
                <Alert color="red" role="alert">
                  {programmeError}
                </Alert>
              )}
              {create.isError && (
                <Alert color="red" role="alert">
                  {errorText(t, create.error)}
                </Alert>
              )}
              <Group>
                <Button type="submit" loading={create.isPending}>
                  {t('apply.create')}
                </Button>
              </Group>
            </Stack>
          </form>
        );
      }}
    </QueryState>
  );
}

import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ZApplicationTitle } from '@tsumiki/domain';
import { errorText, fieldErrorText, QueryState, useTRPC } from '@tsumiki/ui';
import { useState, type FormEvent } from 'react';
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
  const [title, setTitle] = useState('');
  const [touched, setTouched] = useState(false);
  const create = useMutation(
    trpc.applications.createDraft.mutationOptions({ onSuccess: (draft) => void navigate(`/applications/${draft.id}`) }),
  );
  const parsed = ZApplicationTitle.safeParse(title);
  const titleError = touched && !parsed.success ? fieldErrorText(t, parsed.error.issues[0]?.message) : undefined;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (parsed.success) create.mutate({ programmeId, title: parsed.data });
  };
  return (
    <QueryState query={programmes}>
      {(rows) => {
        const programme = rows.find((p) => p.id === programmeId);
        return (
          <Stack component="form" onSubmit={onSubmit} maw={640}>
            <Title order={1}>{t('apply.newHeading')}</Title>
            {programme && (
              <Stack gap={2}>
                <Text>{i18n.language === 'en' ? programme.nameEn : programme.nameJa}</Text>
                <Countdown closesAt={programme.windowClosesAt} />
              </Stack>
            )}
            <TextInput label={t('apply.titleLabel')} withAsterisk value={title} onChange={(e) => setTitle(e.currentTarget.value)} onBlur={() => setTouched(true)} error={titleError} maxLength={200} data-autofocus />
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
        );
      }}
    </QueryState>
  );
}

import { Alert, Badge, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZInviteMemberInput } from '@tsumiki/domain';
import {
  DataTable,
  displayJst,
  errorText,
  QueryState,
  useDomainForm,
  useSession,
  useTRPC,
  type AppRouter,
  type DataColumn,
} from '@tsumiki/ui';
import type { inferRouterOutputs } from '@trpc/server';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type MembersView = inferRouterOutputs<AppRouter>['organisations']['members'];

/** 組織とメンバー: who in the organisation may work on its applications; invite and remove. */
export function MembersPage() {
  const { t } = useTranslation();
  const session = useSession();
  const organisations = [
    ...new Map(
      session.memberships.filter((m) => m.role === 'applicant').map((m) => [m.organisationId, m]),
    ).values(),
  ];
  return (
    <Stack data-testid="members-page">
      <Title order={1}>{t('organisation.members.title')}</Title>
      {organisations.map((m) => (
        <OrganisationMembers
          key={m.organisationId}
          organisationId={m.organisationId}
          name={m.organisationNameJa}
        />
      ))}
    </Stack>
  );
}

function OrganisationMembers({ organisationId, name }: { organisationId: string; name: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.organisations.members.queryOptions({ organisationId }));
  const mine = useQuery(trpc.organisations.mine.queryOptions());
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.organisations.members.queryKey({ organisationId }) });
  const form = useDomainForm(ZInviteMemberInput, { initialValues: { organisationId, email: '' } });
  const [sentTo, setSentTo] = useState<string | null>(null);
  const invite = useMutation(
    trpc.organisations.invite.mutationOptions({
      onSuccess: (invitation) => {
        setSentTo(invitation.email);
        form.reset();
        void refresh();
      },
    }),
  );
  const revoke = useMutation(
    trpc.organisations.revokeInvitation.mutationOptions({ onSuccess: () => void refresh() }),
  );
  const remove = useMutation(
    trpc.organisations.removeMember.mutationOptions({ onSuccess: () => void refresh() }),
  );
  const onInvite = form.onSubmit(
    (input) => {
      setSentTo(null);
      invite.mutate(input);
    },
    () => setSentTo(null),
  );
  const details = mine.data?.find((o) => o.id === organisationId);
  const failure = invite.error ?? revoke.error ?? remove.error;

  return (
    <Stack component="section" aria-labelledby={`org-${organisationId}`}>
      <Title order={2} id={`org-${organisationId}`}>
        {name}
      </Title>
      {details && (
        <Text size="sm" c="dimmed">
          {t('organisation.members.details', {
            corporateNumber: details.corporateNumber ?? '—',
            representative: details.representative ?? '—',
            address: details.address ?? '—',
          })}
        </Text>
      )}
      <QueryState query={members}>
        {({ members: people, invitations }) => (
          <>
            <MemberTable
              people={people}
              onRemove={(membershipId) => remove.mutate({ organisationId, membershipId })}
            />
            {invitations.length > 0 && (
              <InvitationTable
                invitations={invitations}
                onWithdraw={(invitationId) => revoke.mutate({ organisationId, invitationId })}
              />
            )}
          </>
        )}
      </QueryState>
      <form onSubmit={onInvite} noValidate aria-label={t('organisation.members.invite')}>
        <Group align="flex-end">
          <TextInput
            label={t('organisation.members.inviteEmail')}
            type="email"
            inputMode="email"
            {...form.getInputProps('email')}
            w={320}
          />
          <Button type="submit" loading={invite.isPending}>
            {t('organisation.members.invite')}
          </Button>
        </Group>
      </form>
      {sentTo && (
        <Alert color="green" role="status">
          {t('organisation.members.sent', { email: sentTo })}
        </Alert>
      )}
      {failure && (
        <Alert color="red" role="alert">
          {errorText(t, failure)}
        </Alert>
      )}
    </Stack>
  );
}

type Person = MembersView['members'][number];
type Invitation = MembersView['invitations'][number];

function MemberTable({ people, onRemove }: { people: MembersView['members']; onRemove: (membershipId: string) => void }) {
  const { t } = useTranslation();
  const columns: DataColumn<Person>[] = [
    {
      id: 'name',
      header: t('organisation.members.name'),
      rowHeader: true,
      sortValue: (p) => p.displayName,
      cell: (p) => (
        <span>
          {p.displayName} {p.isMe && <Badge variant="light">{t('organisation.members.you')}</Badge>}
        </span>
      ),
    },
    { id: 'email', header: t('organisation.members.email'), sortValue: (p) => p.email, cell: (p) => p.email },
    { id: 'since', header: t('organisation.members.since'), sortValue: (p) => new Date(p.since).getTime(), cell: (p) => displayJst(p.since) },
    {
      id: 'actions',
      header: t('organisation.members.actions'),
      cell: (p) =>
        !p.isMe && (
          <Button
            size="xs"
            variant="light"
            color="red"
            aria-label={t('organisation.members.removeLabel', { name: p.displayName })}
            onClick={() => {
              if (window.confirm(t('organisation.members.removeConfirm', { name: p.displayName }))) onRemove(p.membershipId);
            }}
          >
            {t('organisation.members.remove')}
          </Button>
        ),
    },
  ];
  return (
    <DataTable
      data={people}
      columns={columns}
      rowKey={(p) => p.membershipId}
      label={t('organisation.members.caption')}
      caption={t('organisation.members.caption')}
      empty={<Text>{t('organisation.members.none')}</Text>}
      data-testid="member-table"
    />
  );
}

function InvitationTable({ invitations, onWithdraw }: { invitations: MembersView['invitations']; onWithdraw: (invitationId: string) => void }) {
  const { t } = useTranslation();
  const columns: DataColumn<Invitation>[] = [
    { id: 'email', header: t('organisation.members.email'), rowHeader: true, sortValue: (i) => i.email, cell: (i) => i.email },
    { id: 'state', header: t('organisation.members.state'), sortValue: (i) => i.state, cell: (i) => t(`organisation.members.invitationState.${i.state}`) },
    { id: 'expiresAt', header: t('organisation.members.expiresAt'), sortValue: (i) => new Date(i.expiresAt).getTime(), cell: (i) => displayJst(i.expiresAt) },
    {
      id: 'actions',
      header: t('organisation.members.actions'),
      cell: (i) =>
        i.state === 'pending' && (
          <Button size="xs" variant="light" aria-label={t('organisation.members.withdrawLabel', { email: i.email })} onClick={() => onWithdraw(i.id)}>
            {t('organisation.members.withdraw')}
          </Button>
        ),
    },
  ];
  return (
    <DataTable
      data={invitations}
      columns={columns}
      rowKey={(i) => i.id}
      label={t('organisation.members.invitations')}
      caption={t('organisation.members.invitations')}
      empty={<Text>{t('organisation.members.noInvitations')}</Text>}
      striped={false}
      data-testid="invitation-table"
    />
  );
}

import { Anchor, Group, NativeSelect, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Which of the organisation's applications this assessment supports (saved with the project). */
export function ApplicationLink({ value, onChange }: { value: string | null; onChange: (applicationId: string | null) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const applications = useQuery(trpc.applications.listMine.queryOptions());
  const list = applications.data ?? [];
  const linked = list.find((a) => a.id === value);
  return (
    <Group align="flex-end" data-testid="carbon-application-link">
      <NativeSelect
        label={t('carbon.link.label')}
        description={t('carbon.link.hint')}
        w={480}
        value={value ?? ''}
        disabled={applications.isLoading}
        onChange={(e) => onChange(e.currentTarget.value === '' ? null : e.currentTarget.value)}
        data={[
          { value: '', label: t('carbon.link.none') },
          ...list.map((a) => ({ value: a.id, label: `${a.trackingNumber ?? t('carbon.link.draft')} ${a.title}` })),
          // A linked application no longer listed (should not happen) stays selectable rather than vanish.
          ...(value !== null && !linked && !applications.isLoading ? [{ value, label: value }] : []),
        ]}
      />
      {linked && (
        <Text size="sm">
          <Anchor component={Link} to={`/applications/${linked.id}`}>
            {t('carbon.link.open')}
          </Anchor>
        </Text>
      )}
    </Group>
  );
}

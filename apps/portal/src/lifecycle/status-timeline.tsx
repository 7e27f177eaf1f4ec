import { Badge, Text, Timeline } from '@mantine/core';
import type { TimelineEntry } from '@tsumiki/domain/lifecycle';
import { CHANGE_KIND_LABELS } from '@tsumiki/domain/lifecycle';
import { STATUS_LABELS, transitionSpec } from '@tsumiki/domain/review';
import { displayJst, displayYen } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';

/** The application's history for the applicant, newest first, times in JST. */
export function StatusTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  if (entries.length === 0) return <Text c="dimmed">{t('lifecycle.timeline.empty')}</Text>;
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="status-timeline">
      {entries.map((e, i) => {
        const key = `${e.type}-${i}`;
        const when = (
          <Text size="xs" c="dimmed">
            <time dateTime={e.at.toISOString()}>{displayJst(e.at)}</time>
          </Text>
        );
        if (e.type === 'submission')
          return (
            <Timeline.Item key={key} title={t(`lifecycle.timeline.${e.origin}`, { version: e.versionNo })} data-testid="timeline-submission">
              {when}
              {e.requestedGrantYen !== null && <Text size="sm">{t('lifecycle.timeline.requested', { amount: displayYen(e.requestedGrantYen, i18n.language) })}</Text>}
            </Timeline.Item>
          );
        if (e.type === 'status')
          return (
            <Timeline.Item key={key} title={`${transitionSpec(e.event)?.label[lang] ?? e.event} → ${STATUS_LABELS[e.to][lang]}`} data-testid="timeline-status" data-event={e.event}>
              {when}
              {e.reason && <Text size="sm">{e.reason}</Text>}
              {e.dueAt && <Text size="sm">{t('lifecycle.timeline.due', { due: displayJst(e.dueAt) })}</Text>}
              {e.amountYen !== undefined && <Text size="sm">{t('lifecycle.timeline.amount', { amount: displayYen(e.amountYen, i18n.language) })}</Text>}
            </Timeline.Item>
          );
        if (e.type === 'request')
          return (
            <Timeline.Item key={key} title={t(`lifecycle.timeline.request.${e.kind}`)} color={e.overdue ? 'red' : e.answeredAt ? 'teal' : 'orange'} data-testid="timeline-request">
              {when}
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {e.message}
              </Text>
              <Text size="sm" fw={600}>
                {t('lifecycle.timeline.due', { due: displayJst(e.dueAt) })}{' '}
                {e.answeredAt ? (
                  <Badge color="teal" variant="light">
                    {t('lifecycle.timeline.answered', { at: displayJst(e.answeredAt) })}
                  </Badge>
                ) : (
                  e.overdue && <Badge color="red">{t('lifecycle.timeline.overdue')}</Badge>
                )}
              </Text>
            </Timeline.Item>
          );
        const kind = (CHANGE_KIND_LABELS as Record<string, { ja: string; en: string } | undefined>)[e.kind]?.[lang] ?? e.kind;
        return (
          <Timeline.Item key={key} title={t(`lifecycle.timeline.changeStatus.${e.status}`, { kind })} data-testid="timeline-change">
            {when}
            {e.reason && <Text size="sm">{e.reason}</Text>}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

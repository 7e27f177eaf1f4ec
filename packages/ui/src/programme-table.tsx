import { Badge, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { RouterOutputs } from '@tsumiki/api';
import { useTranslation } from 'react-i18next';
import { isListedUpcoming } from '@tsumiki/domain';
import { displayFiscalYear, displayYen } from './format';
import { WindowText } from './window-text';

export type ProgrammeSummary = RouterOutputs['programmes']['list'][number];

/** Programmes with their windows (JST, closing time exclusive) and budgets, open ones marked. */
/** `action` adds a last column per programme (the portal's "apply" button). */
export function ProgrammeTable({ programmes, action }: { programmes: ProgrammeSummary[]; action?: (p: ProgrammeSummary) => ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover data-testid="programme-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('programme.name')}</Table.Th>
            <Table.Th scope="col">{t('programme.fiscalYear')}</Table.Th>
            <Table.Th scope="col">{t('programme.window')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('programme.budget')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('programme.remaining')}
            </Table.Th>
            <Table.Th scope="col">{t('programme.status')}</Table.Th>
            {action && <Table.Th scope="col" aria-label={t('programme.actions')} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {programmes.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Text size="sm">{i18n.language === 'en' ? p.nameEn : p.nameJa}</Text>
                {p.isDemo && (
                  <Badge size="xs" variant="outline" color="gray">
                    {t('programme.demo')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{displayFiscalYear(p.fiscalYear, i18n.language)}</Table.Td>
              <Table.Td>
                <WindowText opensAt={p.windowOpensAt} closesAt={p.windowClosesAt} />
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{displayYen(p.budgetYen, i18n.language)}</Text>
                {!p.budgetStated && (
                  <Text size="xs" c="dimmed">
                    {t('programme.budgetNotStated')}
                  </Text>
                )}
              </Table.Td>
              {/* Budget less what grant decisions committed (the ledger); a placeholder budget stays marked as one. */}
              <Table.Td ta="right" data-testid="budget-remaining">
                <Text size="sm">{displayYen(p.budgetRemainingYen, i18n.language)}</Text>
                <Text size="xs" c="dimmed">
                  {p.budgetStated ? t('programme.remainingOf', { budget: displayYen(p.budgetYen, i18n.language) }) : t('programme.budgetNotStated')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={p.isOpen ? 'teal' : 'gray'} variant={p.isOpen ? 'filled' : 'light'}>
                  {p.isOpen ? t('programme.open') : isListedUpcoming(p.listing) ? t('programme.upcoming') : p.closedByBudget ? t('programme.closedByBudget') : t('programme.closed')}
                </Badge>
              </Table.Td>
              {action && <Table.Td>{action(p)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

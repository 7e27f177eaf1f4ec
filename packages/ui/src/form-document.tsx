import { Box, List, Stack, Table, Text, Title } from '@mantine/core';
import { formValueText, type FormBlock, type FormDocument, type FormExplanation, type FormLocale, type FormRow, type FormValue } from '@tsumiki/domain/programmes';
import { useTranslation } from 'react-i18next';
import { keptWhole, wholeIfShort } from './format';

/**
 * A budget table's amounts and short cells are kept whole (keptWhole). Longer text may wrap,
 * anywhere if it must: a URL or a long product code in 内容 would otherwise push the table wider
 * than the page.
 */
const cellStyle = (value: FormValue, text: string) =>
  value.kind === 'yen' || keptWhole(text) ? { whiteSpace: 'nowrap' as const } : { overflowWrap: 'anywhere' as const };

/**
 * The application's forms as the domain lays them out (applicationFormDocument): the portal's
 * confirm step and the console's application page draw the same component, so the reviewer reads
 * what the applicant saw before 提出する. Each computed figure shows its explanation under it.
 */
export function FormDocumentView({ document }: { document: FormDocument }) {
  const { i18n } = useTranslation();
  const locale: FormLocale = i18n.language === 'en' ? 'en' : 'ja';
  return (
    <Stack gap="xl" data-testid="form-document">
      {document.parts.map((part) => (
        <Stack key={part.key} gap="sm" component="section" data-testid={`form-part-${part.key}`} aria-label={part.title[locale]}>
          <Title order={3}>{part.title[locale]}</Title>
          {part.blocks.map((block, i) => (
            <Block key={i} block={block} locale={locale} />
          ))}
        </Stack>
      ))}
    </Stack>
  );
}

function Block({ block, locale }: { block: FormBlock; locale: FormLocale }) {
  switch (block.kind) {
    case 'note':
      return <Text size="sm">{block.text[locale]}</Text>;
    case 'fields':
      return (
        <Box>
          {block.title && <Title order={4} mb={4}>{block.title[locale]}</Title>}
          <Table withTableBorder withColumnBorders>
            <Table.Tbody>
              {block.rows.map((row) => (
                <FieldRow key={row.key} row={row} locale={locale} />
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      );
    case 'table':
      return (
        <Box data-testid={`form-table-${block.key}`}>
          {block.title && <Title order={4} mb={4}>{block.title[locale]}</Title>}
          {/* About 7em per column, so no column is squeezed to a character or two on a phone; at most what a laptop shows without scrolling. */}
          <Table.ScrollContainer minWidth={Math.min(960, Math.max(480, block.columns.length * 110))}>
            <Table withTableBorder withColumnBorders striped>
              <Table.Thead>
                <Table.Tr>
                  {block.columns.map((c, i) => (
                    <Table.Th key={i} ta={c.align} style={wholeIfShort(c.label[locale])}>{c.label[locale]}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {block.rows.map((cells, r) => (
                  <Table.Tr key={r}>
                    {cells.map((v, c) => (
                      <Table.Td key={c} ta={block.columns[c]?.align} style={cellStyle(v, formValueText(v, locale))}>{formValueText(v, locale)}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
              {block.footer && (
                <Table.Tfoot>
                  <Table.Tr>
                    {block.footer.map((v, c) => (
                      <Table.Th key={c} ta={block.columns[c]?.align}>{v.kind === 'blank' ? '' : formValueText(v, locale)}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Tfoot>
              )}
            </Table>
          </Table.ScrollContainer>
        </Box>
      );
  }
}

/**
 * The computed figures alone (grantFigures), each with its arithmetic and source: the wizard shows
 * them beside the budget as it is typed, from the same words as the confirm step and the PDF.
 */
export function FormFiguresView({ rows }: { rows: readonly FormRow[] }) {
  const { i18n } = useTranslation();
  const locale: FormLocale = i18n.language === 'en' ? 'en' : 'ja';
  return (
    <Table withTableBorder withColumnBorders data-testid="grant-figures">
      <Table.Tbody>
        {rows.map((row) => (
          <FieldRow key={row.key} row={row} locale={locale} />
        ))}
      </Table.Tbody>
    </Table>
  );
}

function FieldRow({ row, locale }: { row: FormRow; locale: FormLocale }) {
  return (
    <Table.Tr data-testid={`form-row-${row.key}`}>
      <Table.Th w="38%" fw={500} bg="var(--mantine-color-gray-0)" scope="row">{row.label[locale]}</Table.Th>
      <Table.Td>
        <Text span fw={row.explanation ? 700 : undefined} ta={row.value.kind === 'yen' ? 'right' : undefined} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="form-value">
          {formValueText(row.value, locale)}
        </Text>
        {row.explanation && <Explanation explanation={row.explanation} locale={locale} />}
      </Table.Td>
    </Table.Tr>
  );
}

/** The figure's arithmetic, step by step, and the section of the call it follows. */
function Explanation({ explanation, locale }: { explanation: FormExplanation; locale: FormLocale }) {
  const { t } = useTranslation();
  return (
    <Box mt={4} data-testid="form-explanation">
      <Text size="xs" c="dimmed" fw={600}>{t('formDocument.explanation')}</Text>
      <List size="xs" c="dimmed" spacing={0}>
        {explanation.steps.map((s, i) => (
          <List.Item key={i}>{s[locale]}</List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed">
        {t('formDocument.source')}: {explanation.source[locale]}
      </Text>
    </Box>
  );
}

import { Stack, Table, UnstyledButton, type TableTrProps } from '@mantine/core';
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type OnChangeFn,
  type SortingState,
} from '@tanstack/react-table';
import { Fragment, useState, type ReactNode } from 'react';
import { wholeIfShort } from './format';

export type { SortingState } from '@tanstack/react-table';

export interface DataColumn<T> {
  readonly id: string;
  readonly header: string;
  readonly cell: (row: T) => ReactNode;
  /** What the column sorts by; a column without it does not sort. */
  readonly sortValue?: (row: T) => string | number | null;
  readonly align?: 'left' | 'right';
  /**
   * The value stays on one line (a receipt number, an amount with its 円, a date and time): a
   * narrow column otherwise breaks 11,810,000円 before its unit and CLT-2026-0003 at a hyphen.
   */
  readonly noWrap?: boolean;
  /** The cell's test id, for tests that read one value of a row. */
  readonly testId?: string;
  /** The cell names its row (a `th scope="row"`), as the first column of a key–figure table does. */
  readonly rowHeader?: boolean;
}

export interface DataTableProps<T> {
  readonly data: readonly T[];
  readonly columns: readonly DataColumn<T>[];
  readonly rowKey: (row: T) => string;
  /** The table's accessible name (a heading's text, usually). */
  readonly label: string;
  /** What an empty table shows instead: what is missing and the way back (clear the filters, go elsewhere). */
  readonly empty: ReactNode;
  readonly rowTestId?: (row: T) => string;
  readonly initialSorting?: SortingState;
  /** Sorting done by the server (a paged list): the table shows and changes it, the caller fetches. */
  readonly sorting?: { readonly state: SortingState; readonly onChange: OnChangeFn<SortingState> };
  /** Totals and the like: rows of `Table.Tr` for the table's foot (give their cells a data-label for the narrow layout). */
  readonly footer?: ReactNode;
  /** A visible caption; the accessible name stays `label`. */
  readonly caption?: ReactNode;
  /** A full-width row under a row (an inline editor, say), or nothing. */
  readonly rowDetail?: (row: T) => ReactNode;
  /** Further attributes of a row: a background for a row with problems, a data attribute. */
  readonly rowProps?: (row: T) => TableTrProps & Record<`data-${string}`, string | number | undefined>;
  /** A scrolling box of this height with the header kept in view (long lists). */
  readonly maxHeight?: number;
  readonly striped?: boolean;
  readonly 'data-testid'?: string;
}

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

const compare = (a: string | number | null, b: string | number | null) => {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'ja');
};

/**
 * The apps' one data table: headers always, sorting by the columns that say how, an empty state in
 * place of an empty body, and rows stacked as label–value cards under ~600 px (styles.css).
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { data, columns, rowKey, label, empty, rowTestId, initialSorting = [], sorting, footer, caption, rowDetail, rowProps, maxHeight, striped = true } = props;
  const [localSorting, setLocalSorting] = useState<SortingState>(initialSorting);
  const defs: ColumnDef<T>[] = columns.map((c) => ({
    id: c.id,
    header: c.header,
    enableSorting: c.sortValue !== undefined,
    // A blank (null) sorts last in either direction: the table sees it as undefined.
    accessorFn: (row: T) => c.sortValue?.(row) ?? undefined,
    sortUndefined: 'last',
    sortDescFirst: false,
    sortingFn: (a, b) => compare(c.sortValue?.(a.original) ?? null, c.sortValue?.(b.original) ?? null),
    cell: (info) => c.cell(info.row.original),
  }));
  const table = useReactTable<T>({
    data: data as T[],
    columns: defs,
    getRowId: rowKey,
    getCoreRowModel: getCoreRowModel(),
    ...(sorting
      ? { manualSorting: true, state: { sorting: sorting.state }, onSortingChange: sorting.onChange }
      : { getSortedRowModel: getSortedRowModel(), state: { sorting: localSorting }, onSortingChange: setLocalSorting }),
    enableSortingRemoval: false,
  });
  if (data.length === 0) {
    return (
      <Stack gap="xs" data-testid={props['data-testid'] ? `${props['data-testid']}-empty` : 'data-table-empty'} role="status">
        {empty}
      </Stack>
    );
  }
  const byId = new Map(columns.map((c) => [c.id, c]));
  return (
    <Table.ScrollContainer minWidth={0} mah={maxHeight}>
      <Table striped={striped} highlightOnHover stickyHeader={maxHeight !== undefined} className="tsumiki-data-table" aria-label={label} data-testid={props['data-testid']}>
        {caption !== undefined && <Table.Caption>{caption}</Table.Caption>}
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => {
                const column = byId.get(header.column.id);
                const sorted = header.column.getIsSorted();
                return (
                  <Table.Th
                    key={header.id}
                    scope="col"
                    ta={column?.align}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    style={column && wholeIfShort(column.header)}
                  >
                    {header.column.getCanSort() ? (
                      <UnstyledButton onClick={header.column.getToggleSortingHandler()} fw={700} fz="sm" data-testid={`sort-${header.column.id}`}>
                        {/* aria-sort on the header cell tells a screen reader; the arrow is for the eye. A
                            no-break space keeps it beside the header's last character: 「累計実績」 over a
                            lone ⇅ read as a row of its own. */}
                        {column?.header}{'\u00a0'}<span aria-hidden="true">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '⇅'}</span>
                      </UnstyledButton>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {table.getRowModel().rows.map((row) => {
            const detail = rowDetail?.(row.original);
            return (
              <Fragment key={row.id}>
                <Table.Tr {...rowProps?.(row.original)} data-testid={rowTestId?.(row.original)}>
                  {row.getVisibleCells().map((cell) => {
                    const column = byId.get(cell.column.id);
                    const Cell = column?.rowHeader ? Table.Th : Table.Td;
                    return (
                      <Cell key={cell.id} scope={column?.rowHeader ? 'row' : undefined} ta={column?.align} style={column?.noWrap ? NO_WRAP : undefined} data-label={column?.header} data-testid={column?.testId}>
                        {/* Called, not rendered as a component: the columns are made anew each render, and
                            flexRender would mount each cell afresh, so an input in a cell lost its focus per keystroke. */}
                        {column?.cell(row.original)}
                      </Cell>
                    );
                  })}
                </Table.Tr>
                {detail != null && detail !== false && (
                  <Table.Tr>
                    <Table.Td colSpan={columns.length} data-detail="">
                      {detail}
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
        {footer}
      </Table>
    </Table.ScrollContainer>
  );
}

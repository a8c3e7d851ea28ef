import type { ReactNode } from 'react';

export interface Column<R> {
  key: string;
  title: string;
  cell: (row: R, index: number) => ReactNode;
  /** right-aligned figures */
  numeric?: boolean;
  /** the column the rows are sorted by, if any (announced as aria-sort) */
  sorted?: 'ascending' | 'descending';
}

export interface DataTableProps<R> {
  id: string;
  caption: string;
  columns: Column<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  /** said instead of an empty table */
  empty?: string;
  /** on a phone-wide screen each row becomes a card (long tables); otherwise the table scrolls sideways */
  stack?: boolean;
}

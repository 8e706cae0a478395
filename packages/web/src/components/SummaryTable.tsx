import { Table } from 'antd';
import type { TableProps } from 'antd/es/table';
import type { ReactNode } from 'react';

export type SummaryParts = typeof Table.Summary;

/**
 * antd's Table with a summary row whose parts (`Summary.Row`, `Summary.Cell`) come with it: the page
 * that draws the row need not import Table itself, so it can load the table lazily (./lazyAntd.tsx).
 */
export const SummaryTable = <T extends object>({
  summary,
  ...props
}: Omit<TableProps<T>, 'summary'> & { summary: (parts: SummaryParts) => ReactNode }) => (
  <Table<T> {...props} summary={() => summary(Table.Summary)} />
);

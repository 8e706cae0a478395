import type { DatePickerProps } from 'antd/es/date-picker';
import type { ModalProps } from 'antd/es/modal';
import type { ProgressProps } from 'antd/es/progress';
import type { BaseOptionType, DefaultOptionType, SelectProps } from 'antd/es/select';
import type { TableProps } from 'antd/es/table';
import type { BasicDataNode, DataNode, TreeProps } from 'antd/es/tree';
import type { DraggerProps } from 'antd/es/upload';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyWidget } from './lazyWidget';
import type { SummaryParts } from './SummaryTable';

/*
 * antd's heaviest widgets, loaded when a page first shows one (issue 16: a console page's first load
 * ≤ 300 KB gzip). Table is 50 KB gzip (it brings Tree and Pagination), DatePicker 31 KB, Select 24 KB;
 * a table or a list of choices waits for its data anyway, and their code is fetched at the same time.
 * Same props as antd's; their static members (Table.Summary, DatePicker.RangePicker …) are not here.
 */

/** In place of a field until its code is there: the field's size, and "loading" for a screen reader. */
const FieldLoading = () => {
  const { t } = useTranslation();
  return (
    <div className="field-loading" role="status">
      <span className="visually-hidden">{t('app.loading')}</span>
    </div>
  );
};

type Module<P> = Promise<{ default: (props: P) => ReactNode }>;

export const LazyTable = lazyWidget(
  () => import('antd/es/table') as unknown as Module<TableProps<object>>,
) as unknown as (<T extends object>(props: TableProps<T>) => ReactNode) & { preload: () => Promise<unknown> };

export const LazySelect = lazyWidget(
  () => import('antd/es/select') as unknown as Module<SelectProps>,
  <FieldLoading />,
) as unknown as (<V = unknown, O extends BaseOptionType | DefaultOptionType = DefaultOptionType>(
  props: SelectProps<V, O>,
) => ReactNode) & { preload: () => Promise<unknown> };

export const LazyDatePicker = lazyWidget(
  () => import('antd/es/date-picker') as unknown as Module<DatePickerProps<Dayjs, false>>,
  <FieldLoading />,
);

export const LazyRangePicker = lazyWidget(
  () => import('antd/es/date-picker').then((m) => ({ default: m.default.RangePicker })),
  <FieldLoading />,
);

/** A table with a summary row (./SummaryTable.tsx), loaded as LazyTable is. */
export const LazySummaryTable = lazyWidget(() =>
  import('./SummaryTable').then((m) => ({
    default: m.SummaryTable as (props: SummaryTableProps<object>) => ReactNode,
  })),
) as unknown as (<T extends object>(props: SummaryTableProps<T>) => ReactNode) & { preload: () => Promise<unknown> };

type SummaryTableProps<T> = Omit<TableProps<T>, 'summary'> & { summary: (parts: SummaryParts) => ReactNode };

/** A dialog: its code loads with the page's first render (it is closed then), not before the page shows. */
export const LazyModal = lazyWidget(() => import('antd/es/modal') as unknown as Module<ModalProps>, null);

export const LazyTree = lazyWidget(() => import('antd/es/tree') as unknown as Module<TreeProps>) as unknown as (<
  T extends BasicDataNode | DataNode = DataNode,
>(
  props: TreeProps<T>,
) => ReactNode) & { preload: () => Promise<unknown> };

export const LazyDragger = lazyWidget(() =>
  import('antd/es/upload').then((m) => ({
    default: m.default.Dragger as unknown as (props: DraggerProps) => ReactNode,
  })),
);

/** A progress bar: it shows a running job's state, which arrives with a request anyway. */
export const LazyProgress = lazyWidget(() => import('antd/es/progress') as unknown as Module<ProgressProps>, null);

import { Alert, Flex, Grid } from 'antd';
import { type ReactNode, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import '../../i18n/portal-decisions';
import { EChart } from '../reports/EChart';
import { ResultsNav } from './ResultsNav';
import type { PublicPeriodChoice } from './usePublicResults';

/** A cell of the public result tables: figures right-aligned (the agency's name cell overrides it). */
export const resultCell = { padding: '6px 8px', borderBottom: '1px solid #f0f0f0', textAlign: 'right' as const };
/** The agency column: a row header, left-aligned, not bold. */
export const resultNameCell = { ...resultCell, textAlign: 'left' as const, fontWeight: 400 };

/** The frame of every public result page: its title (also the document's), an introduction and the results menu. */
export const ResultsLayout = ({
  title,
  intro,
  nav,
  children,
}: {
  title: string;
  intro?: string;
  nav: ReactNode;
  children: ReactNode;
}) => {
  const { t } = useTranslation();
  const narrow = !Grid.useBreakpoint().md;
  useEffect(() => {
    document.title = `${title} — ${t('app.portalName')}`;
  }, [title, t]);
  return (
    <Flex vertical gap={16} style={{ maxWidth: 1100, margin: '0 auto', padding: narrow ? 0 : 8 }}>
      <h1 style={{ margin: 0, fontSize: narrow ? 22 : 28 }}>{title}</h1>
      {intro ? <p style={{ margin: 0 }}>{intro}</p> : null}
      {nav}
      {children}
    </Flex>
  );
};

/**
 * A public result page of one closed period: the layout with the period menu, what it says before its figures (no
 * closed period yet, loading, a failed load), and the figures drawn by `children` once they are in.
 */
export const PeriodResultsLayout = <T,>({
  title,
  intro,
  choice,
  figures,
  children,
}: {
  title: string;
  intro: string;
  choice: PublicPeriodChoice;
  figures: { data: T | undefined; isPending: boolean; isError: boolean };
  children: (figures: T, province: string, period: string) => ReactNode;
}) => {
  const { t } = useTranslation();
  const { province, periods, period, setChoice } = choice;
  return (
    <ResultsLayout
      title={title}
      intro={intro}
      nav={<ResultsNav periods={periods.data?.periods ?? []} period={period} onPeriod={setChoice} />}
    >
      {periods.data && periods.data.periods.length === 0 ? (
        <Alert type="info" message={t('portalResults.none')} />
      ) : null}
      {figures.isPending && period !== undefined ? <PageLoading /> : null}
      {figures.isError ? <Alert type="error" message={t('portalResults.loadError')} /> : null}
      {figures.data && province && period ? children(figures.data, province, period) : null}
    </ResultsLayout>
  );
};

/**
 * The agencies' percentages as horizontal bars, at most the first 20 with a figure (the table below lists them all);
 * long names are shortened on the axis.
 */
export const AgencyPercentChart = ({
  rows,
  color,
  label,
}: {
  rows: readonly { name: string; percent: number | null }[];
  color: string;
  label: string;
}) => {
  const shown = useMemo(() => rows.filter((row) => row.percent !== null).slice(0, 20), [rows]);
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: shown.map((row) => (row.name.length > 28 ? `${row.name.slice(0, 27)}…` : row.name)),
      },
      series: [{ type: 'bar', data: shown.map((row) => row.percent), itemStyle: { color } }],
    }),
    [shown, color],
  );
  return (
    <div data-testid="public-chart">
      <EChart option={option} height={Math.max(240, 28 * Math.min(20, rows.length))} label={label} />
    </div>
  );
};

/** A public result table in its panel, scrolling sideways on a phone, captioned with its period or survey. */
export const ResultsTable = ({
  caption,
  head,
  children,
}: {
  caption: string;
  head: ReactNode;
  children: ReactNode;
}) => (
  <Panel>
    <div style={{ overflowX: 'auto' }}>
      <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 14 }}>
        <caption style={{ textAlign: 'left', fontWeight: 600, marginBottom: 8 }}>{caption}</caption>
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  </Panel>
);

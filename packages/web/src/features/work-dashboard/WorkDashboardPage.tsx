import { TASK_STATUS_LABELS, type TaskStatus } from '@motcua/domain';
import { Button, Flex, Grid, Tag } from 'antd';
import { lazy, type ReactNode, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import '../../i18n/work-dashboard';
import type { DossierStatus } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { LazySelect, LazyTable } from '../../components/lazyAntd';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { StatusTag } from '../../components/StatusTag';
import { Text, Title } from '../../components/typography';
import { hasRole, useMe } from '../auth/useMe';
import { EChart } from '../reports/EChart';
import {
  type DashboardDossier,
  type DashboardTask,
  type DrillDown,
  type DrillDownWho,
  useDrillDown,
  useWorkDashboard,
  type WorkDashboard,
  type WorkDashboardFigure,
  workDashboardWorkbookUrl,
} from './useWorkDashboard';

const Drawer = lazy(() => import('antd/es/drawer'));

type Lang = 'vi' | 'en';
type Row = WorkDashboard['units'][number] | WorkDashboard['officials'][number];

/** '2026-11-25T09:00:00+07:00' → '25/11/2026 09:00'. */
const instantVi = (at: string) => `${at.slice(8, 10)}/${at.slice(5, 7)}/${at.slice(0, 4)} ${at.slice(11, 16)}`;
const dateVi = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
/** The last day of the week (the API gives the instant the week ends: the next Monday 00:00 in Vietnam). */
const lastDayOf = (end: string) => new Date(Date.parse(end) + 7 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);

/** A figure as a button that opens the records behind it ("2/4 (50,00%)"). */
const FigureButton = ({
  label,
  text,
  danger,
  onOpen,
}: {
  label: string;
  text: string;
  danger?: boolean;
  onOpen: () => void;
}) => (
  <Button
    type="link"
    size="small"
    danger={danger ?? false}
    aria-label={`${label}: ${text}`}
    onClick={onOpen}
    style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
  >
    {text}
  </Button>
);

/**
 * "Điều hành công việc": the leader's dashboard over the units they head — workload per unit and per official,
 * overdue tasks and dossiers, tasks due this week, the bands of the last decided evaluation period; a chart,
 * the Excel file, and the list behind every figure in a drawer.
 */
export const WorkDashboardPage = () => {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const me = useMe().data;
  const leader = hasRole(me, 'unit_head', 'agency_head');
  // On a phone each unit and official is a card of figures (a seven-column table would scroll sideways).
  const narrow = !Grid.useBreakpoint().md;
  const [unit, setUnit] = useState<string | undefined>(undefined);
  const dashboard = useWorkDashboard(leader ? unit : undefined);
  const [drill, setDrill] = useState<DrillDown | null>(null);
  const [drillUsed, setDrillUsed] = useState(false);
  useEffect(() => {
    document.title = `${t('workDashboard.title')} — motcua`;
  }, [t]);
  const open = (next: DrillDown) => {
    setDrillUsed(true);
    setDrill(next);
  };
  const data = dashboard.data;
  // The unit list of the selector stays the whole scope while one unit is chosen.
  const [allUnits, setAllUnits] = useState<WorkDashboard['units']>([]);
  useEffect(() => {
    if (data && unit === undefined) {
      setAllUnits(data.units);
    }
  }, [data, unit]);

  const figureColumns = (whoOf: (row: Row) => DrillDownWho, nameOf: (row: Row) => string): FigureColumn[] => {
    const cell = (
      row: Row,
      label: string,
      figure: WorkDashboardFigure,
      drillOf: (who: DrillDownWho, title: string) => DrillDown,
      danger = false,
    ) => (
      <FigureButton
        label={`${nameOf(row)} — ${label}`}
        text={figure.text[lang]}
        danger={danger && figure.numerator > 0}
        onOpen={() => open(drillOf(whoOf(row), `${label} — ${nameOf(row)}`))}
      />
    );
    const count = (
      row: Row,
      label: string,
      value: number,
      drillOf: (who: DrillDownWho, title: string) => DrillDown,
    ) => (
      <FigureButton
        label={`${nameOf(row)} — ${label}`}
        text={String(value)}
        onOpen={() => open(drillOf(whoOf(row), `${label} — ${nameOf(row)}`))}
      />
    );
    return [
      {
        title: t('workDashboard.openTasks'),
        key: 'openTasks',
        render: (_: unknown, row: Row) =>
          count(row, t('workDashboard.openTasks'), row.openTasks, (who, title) => ({
            kind: 'tasks',
            filter: 'open',
            who,
            title,
          })),
      },
      {
        title: t('workDashboard.overdueTasks'),
        key: 'overdueTasks',
        render: (_: unknown, row: Row) =>
          cell(
            row,
            t('workDashboard.overdueTasks'),
            row.overdueTasks,
            (who, title) => ({ kind: 'tasks', filter: 'overdue', who, title }),
            true,
          ),
      },
      {
        title: t('workDashboard.dueThisWeek'),
        key: 'dueThisWeek',
        render: (_: unknown, row: Row) =>
          cell(row, t('workDashboard.dueThisWeek'), row.dueThisWeek, (who, title) => ({
            kind: 'tasks',
            filter: 'due_week',
            who,
            title,
          })),
      },
      {
        title: t('workDashboard.heldDossiers'),
        key: 'heldDossiers',
        render: (_: unknown, row: Row) =>
          count(row, t('workDashboard.heldDossiers'), row.heldDossiers, (who, title) => ({
            kind: 'dossiers',
            filter: 'held',
            who,
            title,
          })),
      },
      {
        title: t('workDashboard.overdueDossiers'),
        key: 'overdueDossiers',
        render: (_: unknown, row: Row) =>
          cell(
            row,
            t('workDashboard.overdueDossiers'),
            row.overdueDossiers,
            (who, title) => ({ kind: 'dossiers', filter: 'overdue', who, title }),
            true,
          ),
      },
    ];
  };

  const chartOption = useMemo(
    () =>
      data
        ? {
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: {
              type: 'category',
              inverse: true,
              data: data.units.map((u) => u.name),
              axisLabel: { width: 140, overflow: 'truncate' },
            },
            series: [
              { name: t('workDashboard.seriesOpenTasks'), type: 'bar', data: data.units.map((u) => u.openTasks) },
              {
                name: t('workDashboard.seriesOverdueTasks'),
                type: 'bar',
                data: data.units.map((u) => u.overdueTasks.numerator),
              },
              { name: t('workDashboard.seriesHeldDossiers'), type: 'bar', data: data.units.map((u) => u.heldDossiers) },
              {
                name: t('workDashboard.seriesOverdueDossiers'),
                type: 'bar',
                data: data.units.map((u) => u.overdueDossiers.numerator),
              },
            ],
          }
        : {},
    [data, t],
  );

  if (me && !leader) {
    return (
      <Flex vertical gap={16}>
        <Title level={1} style={{ fontSize: 24 }}>
          {t('workDashboard.title')}
        </Title>
        <Text>{t('workDashboard.notLeader')}</Text>
      </Flex>
    );
  }

  const totals = data?.totals;
  return (
    <Flex vertical gap={16}>
      <Title level={1} style={{ fontSize: 24 }}>
        {t('workDashboard.title')}
      </Title>
      <Text type="secondary">{t('workDashboard.intro')}</Text>
      <Panel>
        <Flex gap={12} wrap align="end">
          <label htmlFor="dashboard-unit" style={{ display: 'flex', flexDirection: 'column', gap: 4, minWidth: 0 }}>
            <span>{t('workDashboard.unit')}</span>
            <LazySelect<string>
              id="dashboard-unit"
              style={{ width: 320, maxWidth: '100%' }}
              value={unit ?? ''}
              onChange={(value) => setUnit(value === '' ? undefined : value)}
              options={[
                { value: '', label: t('workDashboard.allUnits') },
                ...allUnits.map((u) => ({ value: u.id, label: `${'— '.repeat(u.depth)}${u.name}` })),
              ]}
            />
          </label>
          <Button href={workDashboardWorkbookUrl(unit)} disabled={!data}>
            {t('workDashboard.downloadXlsx')}
          </Button>
        </Flex>
        {data ? (
          <Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 13 }}>
            {t('workDashboard.week', { from: dateVi(data.week.from), to: dateVi(lastDayOf(data.week.to)) })}
          </Text>
        ) : null}
      </Panel>
      {dashboard.isPending ? <PageLoading /> : null}
      {dashboard.isError ? <ErrorAlert error={dashboard.error} /> : null}
      {data && totals ? (
        <>
          <Panel title={t('workDashboard.totals')} level={2}>
            <dl className="facts" data-testid="dashboard-totals">
              <dt>{t('workDashboard.officials')}</dt>
              <dd>{totals.officials}</dd>
              <dt>{t('workDashboard.openTasks')}</dt>
              <dd>{totals.openTasks}</dd>
              <dt>{t('workDashboard.overdueTasks')}</dt>
              <dd>
                {totals.overdueTasks.text[lang]} {t('workDashboard.overOpenTasks')}
              </dd>
              <dt>{t('workDashboard.dueThisWeek')}</dt>
              <dd>
                {totals.dueThisWeek.text[lang]} {t('workDashboard.overOpenTasks')}
              </dd>
              <dt>{t('workDashboard.heldDossiers')}</dt>
              <dd>{totals.heldDossiers}</dd>
              <dt>{t('workDashboard.overdueDossiers')}</dt>
              <dd>
                {totals.overdueDossiers.text[lang]} {t('workDashboard.overHeldDossiers')}
              </dd>
            </dl>
          </Panel>
          <Panel title={t('workDashboard.byUnit')} level={2} bodyStyle={{ padding: 12 }}>
            <EChart
              label={t('workDashboard.chartLabel')}
              height={Math.max(220, 80 + data.units.length * 56)}
              option={chartOption}
            />
            {narrow ? (
              <RowCards
                rows={data.units}
                keyOf={(u) => u.id}
                nameOf={(u) => u.name}
                extra={(u) => `${t('workDashboard.officials')}: ${u.officials}`}
                columns={figureColumns(
                  (row) => ({ unit: (row as WorkDashboard['units'][number]).id }),
                  (row) => (row as WorkDashboard['units'][number]).name,
                )}
              />
            ) : (
              <LazyTable<WorkDashboard['units'][number]>
                size="small"
                rowKey="id"
                scroll={{ x: 760 }}
                dataSource={data.units}
                pagination={false}
                aria-label={t('workDashboard.byUnit')}
                columns={[
                  {
                    title: t('workDashboard.unit'),
                    key: 'name',
                    fixed: 'left',
                    width: 180,
                    render: (_: unknown, u) => <span style={{ paddingLeft: u.depth * 12 }}>{u.name}</span>,
                  },
                  { title: t('workDashboard.officials'), dataIndex: 'officials', key: 'officials', width: 90 },
                  ...figureColumns(
                    (row) => ({ unit: (row as WorkDashboard['units'][number]).id }),
                    (row) => (row as WorkDashboard['units'][number]).name,
                  ),
                ]}
              />
            )}
          </Panel>
          <Panel title={t('workDashboard.byOfficial')} level={2} bodyStyle={{ padding: 12 }}>
            {narrow ? (
              <RowCards
                rows={data.officials}
                keyOf={(o) => o.userId}
                nameOf={(o) => o.fullName}
                extra={(o) => o.unitName}
                columns={figureColumns(
                  (row) => ({ user: (row as WorkDashboard['officials'][number]).userId }),
                  (row) => (row as WorkDashboard['officials'][number]).fullName,
                )}
              />
            ) : (
              <LazyTable<WorkDashboard['officials'][number]>
                size="small"
                rowKey="userId"
                scroll={{ x: 760 }}
                dataSource={data.officials}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                aria-label={t('workDashboard.byOfficial')}
                columns={[
                  {
                    title: t('workDashboard.name'),
                    key: 'name',
                    fixed: 'left',
                    width: 180,
                    render: (_: unknown, o) => (
                      <span>
                        {o.fullName}
                        <br />
                        <Text type="secondary" style={{ fontSize: 12 }}>
                          {o.unitName}
                        </Text>
                      </span>
                    ),
                  },
                  ...figureColumns(
                    (row) => ({ user: (row as WorkDashboard['officials'][number]).userId }),
                    (row) => (row as WorkDashboard['officials'][number]).fullName,
                  ),
                ]}
              />
            )}
            {data.officials.length === 0 ? <Text type="secondary">{t('workDashboard.noItems')}</Text> : null}
            {data.officialsCapped ? <Text type="secondary">{t('workDashboard.officialsCapped')}</Text> : null}
          </Panel>
          <Panel title={t('workDashboard.evaluation')} level={2}>
            {data.evaluation ? (
              <>
                <Text style={{ display: 'block', marginBottom: 8 }}>
                  {t('workDashboard.evaluationPeriod', {
                    period: data.evaluation.period.label[lang],
                    from: dateVi(data.evaluation.period.startsOn),
                    to: dateVi(data.evaluation.period.endsOn),
                  })}
                </Text>
                <dl className="facts" data-testid="dashboard-bands">
                  {data.evaluation.bands.map((b) => (
                    <div key={b.band} style={{ display: 'contents' }}>
                      <dt>{b.label[lang]}</dt>
                      <dd>
                        {b.text[lang]} {t('workDashboard.overDecided')}
                      </dd>
                    </div>
                  ))}
                </dl>
              </>
            ) : (
              <Text type="secondary">{t('workDashboard.noEvaluation')}</Text>
            )}
          </Panel>
        </>
      ) : null}
      {drillUsed ? (
        <Suspense fallback={null}>
          <Drawer
            open={drill !== null}
            onClose={() => setDrill(null)}
            title={drill?.title ?? ''}
            size={Math.min(640, window.innerWidth)}
          >
            {drill ? <DrillDownList drill={drill} lang={lang} /> : null}
          </Drawer>
        </Suspense>
      ) : null}
    </Flex>
  );
};

type FigureColumn = { title: string; key: string; render: (value: unknown, row: Row) => ReactNode };

/** Rows as cards (name, then each figure under its label), for a narrow screen. */
const RowCards = <T extends Row>({
  rows,
  keyOf,
  nameOf,
  extra,
  columns,
}: {
  rows: T[];
  keyOf: (row: T) => string;
  nameOf: (row: T) => string;
  extra: (row: T) => string;
  columns: FigureColumn[];
}) => (
  <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
    {rows.map((row) => (
      <li key={keyOf(row)} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
        <div style={{ fontWeight: 600 }}>{nameOf(row)}</div>
        <Text type="secondary" style={{ fontSize: 12 }}>
          {extra(row)}
        </Text>
        <dl className="facts" style={{ marginTop: 4 }}>
          {columns.map((column) => (
            <div key={column.key} style={{ display: 'contents' }}>
              <dt>{column.title}</dt>
              <dd>{column.render(undefined, row)}</dd>
            </div>
          ))}
        </dl>
      </li>
    ))}
  </ul>
);

/** The records behind a figure: tasks (a confidential one without its title) or dossiers (linked to their page). */
const DrillDownList = ({ drill, lang }: { drill: DrillDown; lang: Lang }) => {
  const { t } = useTranslation();
  const query = useDrillDown(drill);
  const pages = query.data?.pages ?? [];
  const tasks = pages.flatMap((page) => (page.kind === 'tasks' ? page.items : []));
  const dossiers = pages.flatMap((page) => (page.kind === 'dossiers' ? page.items : []));
  if (query.isPending) {
    return <PageLoading />;
  }
  if (query.isError) {
    return <ErrorAlert error={query.error} />;
  }
  const empty = drill.kind === 'tasks' ? tasks.length === 0 : dossiers.length === 0;
  return (
    <Flex vertical gap={8}>
      {empty ? <Text type="secondary">{t('workDashboard.noItems')}</Text> : null}
      <ul className="plain-list" data-testid="drill-down-items" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {drill.kind === 'tasks'
          ? tasks.map((task: DashboardTask) => (
              <li key={task.id} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
                <div>
                  {/* The task's own page (tasks feature) applies its own access, confidential tasks included. */}
                  <Link to={`/can-bo/cong-viec/${task.id}`}>
                    {task.title ?? <em>{t('workDashboard.confidentialTask')}</em>}
                  </Link>
                </div>
                <Text type="secondary" style={{ fontSize: 13 }}>
                  {t('workDashboard.lead')}: {task.lead ?? '—'} · {t('workDashboard.due')}: {instantVi(task.dueAt)} ·{' '}
                  {TASK_STATUS_LABELS[task.status as TaskStatus]?.[lang] ?? task.status} · {t('workDashboard.progress')}
                  : {task.progressPercent}%
                </Text>{' '}
                {task.overdue ? <Tag color="red">{t('workDashboard.overdue')}</Tag> : null}
              </li>
            ))
          : dossiers.map((dossier: DashboardDossier) => (
              <li key={dossier.code} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
                <div>
                  <Link to={`/can-bo/ho-so/${dossier.code}`}>{dossier.code}</Link> — {dossier.procedureName}
                </div>
                <Text type="secondary" style={{ fontSize: 13 }}>
                  {t('workDashboard.holder')}: {dossier.holder ?? '—'} · {t('workDashboard.due')}:{' '}
                  {dossier.dueAt ? instantVi(dossier.dueAt) : '—'}
                </Text>{' '}
                <StatusTag status={dossier.status as DossierStatus} />{' '}
                {dossier.overdue ? <Tag color="red">{t('workDashboard.overdue')}</Tag> : null}
              </li>
            ))}
      </ul>
      <LoadMoreButton pages={query} label={t('workDashboard.more')} />
    </Flex>
  );
};

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, Flex, Row, Space } from 'antd';
// Input from its own module: antd's Input also brings Search, Password and OTP.
import Input from 'antd/es/input/Input';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LazyModal, LazyTable } from '../../components/lazyAntd';
import { lazyWidget } from '../../components/lazyWidget';
import { useConsoleMessage } from '../../components/MessageProvider';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { Paragraph, Text, Title } from '../../components/typography';
import '../../i18n/console';
import { Link } from 'react-router';
import type { CalendarChange, CalendarEntry, CalendarPreview, DayKind, HolidayYear } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime, todayInVietnam } from '../../lib/format';
import { useWorkingTime } from '../../lib/useWorkingTime';
import { useMe } from '../auth/useMe';
import {
  applyCalendarEntries,
  fetchCalendarChanges,
  fetchHolidayYear,
  previewCalendarEntries,
  publishCalendarYear,
} from './useCalendar';
import { YearView } from './YearView';
import '../../i18n/console-admin';

type Pending = { entries: CalendarEntry[]; preview: CalendarPreview };

/* The two forms load after the page, fetched at once (issue 16: the first load ≤ 300 KB gzip without antd's Form). */
const DayOffForm = lazyWidget(() => import('./CalendarForms').then((m) => ({ default: m.DayOffForm })));
const PublishYearForm = lazyWidget(() => import('./CalendarForms').then((m) => ({ default: m.PublishYearForm })));

/**
 * The province's days off: the year at a glance, the list, adding or cancelling a day off with a
 * preview of which open dossiers' appointments would move, and the history of changes.
 */
export const CalendarAdminPage = () => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const me = useMe().data;
  const province = me?.provinceCode ?? null;
  const queryClient = useQueryClient();
  const { span } = useWorkingTime();
  const [year, setYear] = useState(() => Number(todayInVietnam().slice(0, 4)));
  const [pending, setPending] = useState<Pending | null>(null);
  const [publishing, setPublishing] = useState(false);
  // Each applied change empties the day-off form.
  const [applied, setApplied] = useState(0);

  useEffect(() => {
    document.title = `${t('calendar.title')} — ${t('app.shortName')}`;
  }, [t]);

  const holidays = useQuery({
    queryKey: ['calendar', 'holidays', province, year],
    queryFn: ({ signal }) => fetchHolidayYear(year, province, signal),
    enabled: province !== null,
  });
  const changes = useQuery({
    queryKey: ['calendar', 'changes', province, year],
    queryFn: ({ signal }) => fetchCalendarChanges(year, province, signal),
    enabled: province !== null,
  });

  const preview = useMutation({
    mutationFn: async (entries: CalendarEntry[]) => ({
      entries,
      preview: await previewCalendarEntries(province, entries),
    }),
    onSuccess: setPending,
  });
  const apply = useMutation({
    mutationFn: (entries: CalendarEntry[]) => applyCalendarEntries(province, entries),
    onSuccess: () => {
      void message.success(t('calendar.applied'));
      setPending(null);
      setApplied((count) => count + 1);
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
      void queryClient.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
  const publishYear = useMutation({
    mutationFn: (source: string) => publishCalendarYear(province, year, source),
    onSuccess: () => {
      void message.success(t('calendar.yearPublished', { year }));
      setPublishing(false);
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
    },
  });

  if (!province) {
    return <Alert type="warning" showIcon title={t('calendar.noProvince')} />;
  }

  const removeEntry = (date: string, period: string | null) =>
    preview.mutate([{ date, remove: true, source: `${t('calendar.removeDay')}: ${period ?? date}` }]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('calendar.title')}
        </Title>
        <Space>
          <label htmlFor="calendar-year">{t('calendar.year')}</label>
          <Input
            id="calendar-year"
            type="number"
            min={2020}
            max={2100}
            value={year}
            style={{ width: 100 }}
            onChange={(event) => {
              const next = Number(event.target.value);
              if (next >= 2020 && next <= 2100) {
                setYear(next);
              }
            }}
          />
        </Space>
      </Flex>
      {holidays.isError ? <ErrorAlert error={holidays.error} onRetry={() => void holidays.refetch()} /> : null}
      {holidays.data ? (
        <Alert
          type={holidays.data.published ? 'success' : 'warning'}
          showIcon
          title={holidays.data.published ? t('calendar.published') : t('calendar.provisional')}
          action={
            holidays.data.published ? null : (
              <Button size="small" onClick={() => setPublishing(true)}>
                {t('calendar.publishYear', { year })}
              </Button>
            )
          }
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Panel title={t('calendar.daysOff')}>
            {holidays.isPending ? <PageLoading /> : null}
            {holidays.data ? <YearView data={holidays.data} /> : null}
          </Panel>
        </Col>
        <Col xs={24} xl={8}>
          <Panel title={t('calendar.addDayOff')}>
            <Paragraph type="secondary">{t('calendar.addHelp')}</Paragraph>
            <DayOffForm
              onPreview={(entries) => preview.mutate(entries)}
              previewing={preview.isPending}
              error={preview.error}
              cleared={applied}
            />
          </Panel>
        </Col>
      </Row>
      <Panel title={t('calendar.daysOff')}>
        <LazyTable
          rowKey="date"
          size="small"
          pagination={false}
          scroll={{ x: 760 }}
          loading={holidays.isPending}
          dataSource={holidays.data?.days ?? []}
          columns={[
            { title: t('common.date'), dataIndex: 'date', render: (v: string) => formatDate(v) },
            { title: t('calendar.period'), dataIndex: 'period', render: (v: string | null) => v ?? '—' },
            {
              title: t('calendar.kind'),
              dataIndex: 'kind',
              render: (v: DayKind | null) => (v ? t(`calendar.kind_${v}`) : '—'),
            },
            {
              title: t('calendar.dayStatus'),
              dataIndex: 'status',
              render: (v: HolidayYear['days'][number]['status']) =>
                v ? <SoftTag>{t(`calendar.status_${v}`)}</SoftTag> : '—',
            },
            {
              title: t('calendar.source'),
              dataIndex: 'source',
              width: 300,
              render: (v: string | null) =>
                v ? (
                  <Text ellipsis={{ tooltip: v }} style={{ maxWidth: 280 }}>
                    {v}
                  </Text>
                ) : (
                  '—'
                ),
            },
            {
              title: t('common.actions'),
              key: 'remove',
              render: (_, day) =>
                day.kind === 'extra_day_off' ? (
                  <Button
                    size="small"
                    danger
                    onClick={() => removeEntry(day.date, day.period)}
                    loading={preview.isPending}
                  >
                    {t('calendar.removeDay')}
                  </Button>
                ) : null,
            },
          ]}
        />
        {holidays.data && holidays.data.makeupWorkdays.length > 0 ? (
          <Paragraph style={{ marginTop: 12 }}>
            <strong>{t('calendar.makeupWorkdays')}:</strong>{' '}
            {holidays.data.makeupWorkdays.map((d) => `${formatDate(d.date)} (${d.period})`).join('; ')}
          </Paragraph>
        ) : null}
      </Panel>
      <Panel title={t('calendar.history')}>
        {changes.isError ? <ErrorAlert error={changes.error} /> : null}
        <LazyTable<CalendarChange>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 760 }}
          loading={changes.isPending}
          dataSource={changes.data?.items ?? []}
          columns={[
            { title: t('calendar.at'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
            { title: t('common.date'), dataIndex: 'date', render: (v: string) => formatDate(v) },
            {
              title: t('common.actions'),
              dataIndex: 'action',
              render: (v: CalendarChange['action']) => t(`calendar.action_${v}`),
            },
            { title: t('calendar.period'), dataIndex: 'period', render: (v: string | null) => v ?? '—' },
            { title: t('calendar.source'), dataIndex: 'source', render: (v: string | null) => v ?? '—' },
            { title: t('calendar.by'), dataIndex: 'createdByUsername', render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Panel>
      <LazyModal
        open={pending !== null}
        title={t('calendar.previewTitle')}
        onCancel={() => setPending(null)}
        onOk={() => pending && apply.mutate(pending.entries)}
        okText={t('calendar.apply')}
        cancelText={t('common.cancel')}
        confirmLoading={apply.isPending}
        width={760}
        destroyOnHidden
      >
        {apply.isError ? <ErrorAlert error={apply.error} /> : null}
        {pending ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Paragraph data-testid="calendar-preview-summary">
              {t('calendar.previewSummary', { scanned: pending.preview.scanned, total: pending.preview.total })}
            </Paragraph>
            {pending.preview.moved.length === 0 ? (
              <Alert type="info" showIcon title={t('calendar.previewNone')} />
            ) : (
              <LazyTable
                rowKey="code"
                size="small"
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                scroll={{ x: 760 }}
                dataSource={pending.preview.moved}
                columns={[
                  {
                    title: t('calendar.dossierCode'),
                    dataIndex: 'code',
                    render: (code: string) => <Link to={`/can-bo/ho-so/${encodeURIComponent(code)}`}>{code}</Link>,
                  },
                  { title: t('calendar.before'), dataIndex: 'before', render: (v: string) => formatDateTime(v) },
                  { title: t('calendar.after'), dataIndex: 'after', render: (v: string) => formatDateTime(v) },
                  {
                    title: t('calendar.delta'),
                    dataIndex: 'deltaMinutes',
                    render: (v: number) => `${v >= 0 ? '+' : '−'}${span(Math.abs(v))}`,
                  },
                ]}
              />
            )}
          </Space>
        ) : null}
      </LazyModal>
      <LazyModal
        open={publishing}
        title={t('calendar.publishYear', { year })}
        onCancel={() => setPublishing(false)}
        footer={null}
        destroyOnHidden
      >
        {publishYear.isError ? <ErrorAlert error={publishYear.error} /> : null}
        <PublishYearForm
          onPublish={(source) => publishYear.mutate(source)}
          onCancel={() => setPublishing(false)}
          publishing={publishYear.isPending}
        />
      </LazyModal>
    </Space>
  );
};

import { Button, Flex, Grid, Segmented } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import '../../i18n/work-schedule';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConsoleMessage } from '../../components/MessageProvider';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { Text, Title } from '../../components/typography';
import { formatDateTime } from '../../lib/format';
import { EntryFiles } from './EntryFiles';
import { SchedulePrint } from './SchedulePrint';
import {
  type ScheduleEntry,
  type ScheduleStep,
  useAgencyWeek,
  useMyWeek,
  useRotateScheduleFeed,
  useScheduleFeed,
  useScheduleOptions,
  useScheduleStep,
} from './useSchedule';
import { formatDay, groupByDay, localParts, shiftWeek, weekdayOf } from './week';

// The form (antd Form, Select, Radio, Checkbox) loads when it opens: the week's first load stays light.
const ScheduleForm = lazy(() => import('./ScheduleForm').then((m) => ({ default: m.ScheduleForm })));

const STATUS_TONE = {
  draft: 'neutral',
  submitted: 'warning',
  approved: 'info',
  published: 'success',
  cancelled: 'danger',
} as const;

/** Where a task is assigned from an entry ("Tạo nhiệm vụ"): the agency where the official assigns tasks, if any. */
type TaskAgencyOf = (entry: ScheduleEntry) => string | null;

/** The steps of an entry the official may take now, as buttons (edit opens the form; a task from the meeting). */
const EntryActions = ({
  entry,
  onEdit,
  taskAgencyOf,
}: {
  entry: ScheduleEntry;
  onEdit: (entry: ScheduleEntry) => void;
  taskAgencyOf: TaskAgencyOf;
}) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const message = useConsoleMessage();
  const taskAgency = entry.status === 'cancelled' ? null : taskAgencyOf(entry);
  const step = useScheduleStep();
  const [confirming, setConfirming] = useState(false);
  const take = (action: ScheduleStep) =>
    step.mutate(
      { id: entry.id, body: { action, expectedVersion: entry.version } },
      { onSuccess: () => void message.success(t('schedule.done')) },
    );
  return (
    <Flex gap={4} wrap>
      {entry.actions.map(({ action }) =>
        action === 'update' ? (
          <Button key={action} size="small" onClick={() => onEdit(entry)}>
            {t('schedule.edit')}
          </Button>
        ) : action === 'cancel' ? (
          confirming ? (
            <Flex key={action} gap={4} wrap align="center">
              <Text>{t('schedule.cancelConfirm')}</Text>
              <Button size="small" danger onClick={() => take('cancel')} loading={step.isPending}>
                {t('schedule.yes')}
              </Button>
              <Button size="small" onClick={() => setConfirming(false)}>
                {t('schedule.no')}
              </Button>
            </Flex>
          ) : (
            <Button key={action} size="small" danger onClick={() => setConfirming(true)}>
              {t('schedule.step_cancel')}
            </Button>
          )
        ) : (
          <Button
            key={action}
            size="small"
            type={action === 'publish' || action === 'approve' ? 'primary' : 'default'}
            loading={step.isPending}
            onClick={() => take(action)}
          >
            {t(`schedule.step_${action}`)}
          </Button>
        ),
      )}
      {taskAgency ? (
        <Button
          size="small"
          data-testid="schedule-create-task"
          onClick={() =>
            void navigate(
              `/can-bo/cong-viec/giao-viec?${new URLSearchParams({ lich: entry.id, 'tieu-de': entry.title, 'co-quan': taskAgency })}`,
            )
          }
        >
          {t('schedule.createTask')}
        </Button>
      ) : null}
      {step.error ? <ErrorAlert error={step.error} /> : null}
    </Flex>
  );
};

const EntryTags = ({ entry }: { entry: ScheduleEntry }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <Flex gap={4} wrap>
      <SoftTag tone={STATUS_TONE[entry.status]}>{entry.statusLabel[language]}</SoftTag>
      {entry.public ? <SoftTag tone="info">{t('schedule.publicTag')}</SoftTag> : null}
    </Flex>
  );
};

const participantsOf = (entry: ScheduleEntry) =>
  [
    entry.participantUnits.map((unit) => unit.name).join(', '),
    entry.attendees
      .filter((a) => a.role !== 'chair')
      .map((a) => a.fullName)
      .join(', '),
    entry.participantsText,
  ]
    .filter(Boolean)
    .join('; ');

/** The week as agencies print it: by day (Thứ Hai … Chủ Nhật) and half-day, one line per entry. */
const WeekTable = ({
  dates,
  items,
  onEdit,
  taskAgencyOf,
}: {
  dates: readonly string[];
  items: readonly ScheduleEntry[];
  onEdit: (entry: ScheduleEntry) => void;
  taskAgencyOf: TaskAgencyOf;
}) => {
  const { t } = useTranslation();
  const days = groupByDay(dates, items);
  const cell = { border: '1px solid #e5e5e5', padding: '6px 8px', verticalAlign: 'top' } as const;
  return (
    <div style={{ overflowX: 'auto' }}>
      <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 14 }} data-testid="schedule-week">
        <thead style={{ background: '#fafafa' }}>
          <tr>
            {['day', 'half', 'time', 'content', 'chair', 'participants', 'place', 'preparing', 'actions'].map((key) => (
              <th key={key} style={{ ...cell, textAlign: 'left' }}>
                {t(`schedule.${key}` as 'schedule.day')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.flatMap((day) =>
            (['morning', 'afternoon'] as const).flatMap((half) => {
              const list = day[half];
              const rows = list.length === 0 ? [null] : list;
              return rows.map((entry, index) => (
                <tr
                  key={`${day.date}-${half}-${entry?.id ?? 'none'}`}
                  style={entry?.status === 'cancelled' ? { color: '#999' } : undefined}
                >
                  {half === 'morning' && index === 0 ? (
                    <td
                      style={{ ...cell, fontWeight: 600 }}
                      rowSpan={Math.max(1, day.morning.length) + Math.max(1, day.afternoon.length)}
                    >
                      {t(`schedule.weekday${weekdayOf(day.date)}` as 'schedule.weekday1')}
                      <br />
                      {formatDay(day.date)}
                    </td>
                  ) : null}
                  {index === 0 ? (
                    <td style={cell} rowSpan={rows.length}>
                      {t(`schedule.${half}`)}
                    </td>
                  ) : null}
                  <td style={cell}>
                    {entry ? `${localParts(entry.startsAt).time}–${localParts(entry.endsAt).time}` : ''}
                  </td>
                  <td style={cell}>
                    {entry ? (
                      <>
                        <div style={{ textDecoration: entry.status === 'cancelled' ? 'line-through' : undefined }}>
                          {entry.title}
                        </div>
                        <EntryTags entry={entry} />
                        {entry.cancelReason ? (
                          <Text type="secondary">{t('schedule.cancelledReason', { reason: entry.cancelReason })}</Text>
                        ) : null}
                        <EntryFiles entry={entry} />
                      </>
                    ) : null}
                  </td>
                  <td style={cell}>{entry ? (entry.chairName ?? entry.chairText ?? '') : ''}</td>
                  <td style={cell}>{entry ? participantsOf(entry) : ''}</td>
                  <td style={cell}>{entry?.place ?? ''}</td>
                  <td style={cell}>{entry?.preparingAgencyName ?? ''}</td>
                  <td style={cell}>
                    {entry ? <EntryActions entry={entry} onEdit={onEdit} taskAgencyOf={taskAgencyOf} /> : null}
                  </td>
                </tr>
              ));
            }),
          )}
        </tbody>
      </table>
    </div>
  );
};

/** The week on a phone: a list by day, each entry a short block (390 px). */
const WeekList = ({
  dates,
  items,
  onEdit,
  taskAgencyOf,
}: {
  dates: readonly string[];
  items: readonly ScheduleEntry[];
  onEdit: (entry: ScheduleEntry) => void;
  taskAgencyOf: TaskAgencyOf;
}) => {
  const { t } = useTranslation();
  return (
    <div data-testid="schedule-week">
      {groupByDay(dates, items).map((day) => (
        <section key={day.date} style={{ marginBottom: 12 }}>
          <h3 style={{ fontSize: 16, margin: '8px 0', borderBottom: '1px solid #eee' }}>
            {t(`schedule.weekday${weekdayOf(day.date)}` as 'schedule.weekday1')}, {formatDay(day.date)}
          </h3>
          {[...day.morning, ...day.afternoon].map((entry) => (
            <div key={entry.id} style={{ padding: '6px 0', borderBottom: '1px dashed #eee' }}>
              <Flex justify="space-between" gap={8} wrap>
                <strong>
                  {localParts(entry.startsAt).time}–{localParts(entry.endsAt).time}
                </strong>
                <EntryTags entry={entry} />
              </Flex>
              <div>{entry.title}</div>
              <Text type="secondary" style={{ fontSize: 13 }}>
                {[entry.chairName ?? entry.chairText, entry.place, participantsOf(entry)].filter(Boolean).join(' · ')}
              </Text>
              <EntryFiles entry={entry} />
              <EntryActions entry={entry} onEdit={onEdit} taskAgencyOf={taskAgencyOf} />
            </div>
          ))}
        </section>
      ))}
    </div>
  );
};

/** The secret iCal link of my calendar: created (shown once), copied, replaced. */
const FeedPanel = () => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const feed = useScheduleFeed();
  const rotate = useRotateScheduleFeed();
  const [url, setUrl] = useState<string | null>(null);
  const make = () =>
    rotate.mutate(undefined, {
      onSuccess: (link) => setUrl(new URL(link.path, window.location.origin).toString()),
    });
  const copy = async () => {
    if (url) {
      await navigator.clipboard?.writeText(url).catch(() => undefined);
      void message.success(t('schedule.feed.copied'));
    }
  };
  return (
    <Panel title={t('schedule.feed.title')} level={3}>
      <p style={{ marginTop: 0 }}>{t('schedule.feed.hint')}</p>
      {url ? (
        <Flex gap={8} wrap align="center">
          <code style={{ overflowWrap: 'anywhere', fontSize: 12 }} data-testid="schedule-feed-url">
            {url}
          </code>
          <Button onClick={() => void copy()}>{t('schedule.feed.copy')}</Button>
        </Flex>
      ) : feed.data?.exists ? (
        <p>{t('schedule.feed.exists', { at: formatDateTime(feed.data.createdAt) })}</p>
      ) : null}
      <Button style={{ marginTop: 8 }} onClick={make} loading={rotate.isPending}>
        {feed.data?.exists || url ? t('schedule.feed.rotate') : t('schedule.feed.create')}
      </Button>
      {rotate.error ? <ErrorAlert error={rotate.error} /> : null}
    </Panel>
  );
};

/** Lịch công tác: the agency leaders' weekly calendar, drafted, approved and published; my calendar; printing. */
export const SchedulePage = () => {
  const { t } = useTranslation();
  const narrow = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const tab = params.get('xem') === 'cua-toi' ? 'mine' : 'agency';
  const week = params.get('tuan') ?? undefined;
  const options = useScheduleOptions(params.get('co-quan') ?? undefined);
  const agencyId = options.data?.agencyId ?? null;
  const agencyWeek = useAgencyWeek(tab === 'agency' ? agencyId : null, week);
  const myWeek = useMyWeek(week, tab === 'mine');
  const data = tab === 'agency' ? agencyWeek.data : myWeek.data;
  const [editing, setEditing] = useState<ScheduleEntry | 'new' | null>(null);
  useEffect(() => {
    document.title = `${t('schedule.title')} — ${t('app.consoleName')}`;
  }, [t]);
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) {
        next.delete(key);
      } else {
        next.set(key, value);
      }
    }
    setParams(next);
  };
  if (options.isPending) {
    return <PageLoading />;
  }
  if (options.error) {
    return <ErrorAlert error={options.error} />;
  }
  const weekStart = data?.weekStart;
  const dates = data?.dates ?? [];
  const mayDraft = tab === 'mine' || (agencyWeek.data?.mayDraft ?? false);
  const error = tab === 'agency' ? agencyWeek.error : myWeek.error;
  const View = narrow ? WeekList : WeekTable;
  const assigning = (options.data?.agencies ?? []).filter((a) => a.mayAssignTasks);
  const taskAgencyOf: TaskAgencyOf = (entry) =>
    (assigning.find((a) => a.id === entry.agencyId) ?? assigning.find((a) => a.id === agencyId) ?? assigning[0])?.id ??
    null;
  return (
    <div>
      <Title level={2}>{t('schedule.title')}</Title>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Segmented
          value={tab}
          onChange={(value) => set({ xem: value === 'mine' ? 'cua-toi' : null })}
          options={[
            { value: 'agency', label: t('schedule.tabAgency') },
            { value: 'mine', label: t('schedule.tabMine') },
          ]}
        />
        {tab === 'agency' && (options.data?.agencies.length ?? 0) > 1 ? (
          <select
            aria-label={t('schedule.agency')}
            style={{ minWidth: 220, maxWidth: '100%', height: 32, borderRadius: 6, border: '1px solid #d9d9d9' }}
            value={agencyId ?? ''}
            onChange={(event) => set({ 'co-quan': event.target.value })}
          >
            {options.data?.agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        ) : null}
      </Flex>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Button onClick={() => weekStart && set({ tuan: shiftWeek(weekStart, -1) })}>
          {t('schedule.previousWeek')}
        </Button>
        <Button onClick={() => set({ tuan: null })}>{t('schedule.thisWeek')}</Button>
        <Button onClick={() => weekStart && set({ tuan: shiftWeek(weekStart, 1) })}>{t('schedule.nextWeek')}</Button>
        {dates.length > 0 ? (
          <strong data-testid="schedule-week-range">
            {t('schedule.weekOf', { from: formatDay(dates[0] ?? ''), to: formatDay(dates[6] ?? '') })}
          </strong>
        ) : null}
      </Flex>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {mayDraft && agencyId ? (
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('schedule.add')}
          </Button>
        ) : null}
        {tab === 'agency' ? <Button onClick={() => window.print()}>{t('schedule.print')}</Button> : null}
      </Flex>
      {editing && options.data && agencyId ? (
        <Suspense fallback={<PageLoading />}>
          <ScheduleForm
            key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
            options={options.data}
            agencyId={agencyId}
            entry={editing === 'new' ? null : editing}
            defaultDate={dates[0] ?? new Date().toISOString().slice(0, 10)}
            personal={tab === 'mine'}
            onDone={() => setEditing(null)}
          />
        </Suspense>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
      {data ? (
        data.items.length === 0 ? (
          <p>{t('schedule.empty')}</p>
        ) : (
          <View dates={dates} items={data.items} onEdit={setEditing} taskAgencyOf={taskAgencyOf} />
        )
      ) : (
        <PageLoading />
      )}
      {tab === 'mine' ? <FeedPanel /> : null}
      {tab === 'agency' && agencyWeek.data ? (
        <SchedulePrint agencyName={agencyWeek.data.agencyName} dates={dates} items={agencyWeek.data.items} />
      ) : null}
    </div>
  );
};

import { Button, Checkbox, Flex, Form, Radio, Select } from 'antd';
import Input from 'antd/es/input/Input';
import TextArea from 'antd/es/input/TextArea';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConsoleMessage } from '../../components/MessageProvider';
import { Panel } from '../../components/Panel';
import {
  type ScheduleChanged,
  type ScheduleEntry,
  type ScheduleOptions,
  useCreateScheduleEntry,
  useUpdateScheduleEntry,
} from './useSchedule';
import { localParts, toInstant } from './week';

type Values = {
  kind?: 'agency_leaders' | 'unit' | 'person';
  title: string;
  date: string;
  start: string;
  end: string;
  place?: string;
  chairUserId?: string;
  chairText?: string;
  attendeeUserIds?: string[];
  participantUnitIds?: string[];
  participantsText?: string;
  preparingAgencyId?: string;
  content?: string;
  public?: boolean;
};

/** Drafting or editing an entry: content, day and hours, place, chair, participants, preparing unit, public. */
export const ScheduleForm = ({
  options,
  agencyId,
  entry,
  defaultDate,
  personal,
  onDone,
}: {
  options: ScheduleOptions;
  agencyId: string;
  entry: ScheduleEntry | null;
  defaultDate: string;
  personal: boolean;
  onDone: () => void;
}) => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const create = useCreateScheduleEntry();
  const update = useUpdateScheduleEntry();
  const [form] = Form.useForm<Values>();
  const start = entry ? localParts(entry.startsAt) : null;
  const initial: Values = entry
    ? {
        kind: entry.kind,
        title: entry.title,
        date: start?.date ?? defaultDate,
        start: start?.time ?? '08:00',
        end: localParts(entry.endsAt).time,
        place: entry.place ?? '',
        chairUserId: entry.chairUserId ?? undefined,
        chairText: entry.chairText ?? '',
        attendeeUserIds: entry.attendees.filter((a) => a.role !== 'chair').map((a) => a.userId),
        participantUnitIds: entry.participantUnits.map((unit) => unit.id),
        participantsText: entry.participantsText ?? '',
        preparingAgencyId: entry.preparingAgencyId ?? undefined,
        content: entry.content ?? '',
        public: entry.public,
      }
    : {
        kind: personal ? 'person' : 'agency_leaders',
        title: '',
        date: defaultDate,
        start: '08:00',
        end: '10:00',
        public: false,
      };
  // People from the agency's tree: grouped by their unit (the agency itself first, then its phòng, ban).
  const officials = options.units
    .map((unit) => ({
      label: unit.name,
      title: unit.name,
      options: options.officials
        .filter((o) => o.unitId === unit.id)
        .map((o) => ({ value: o.userId, label: o.title ? `${o.fullName} — ${o.title}` : o.fullName })),
    }))
    .filter((group) => group.options.length > 0);
  const units = options.units.map((u) => ({ value: u.id, label: u.name }));
  const done = (changed: ScheduleChanged) => {
    void message.success(t('schedule.done'));
    if (changed.clashes.length > 0) {
      void message.success(t('schedule.clashes', { titles: changed.clashes.map((c) => c.title).join('; ') }));
    }
    onDone();
  };
  const submit = (values: Values) => {
    const kind = personal ? 'person' : (values.kind ?? 'agency_leaders');
    const fields = {
      title: values.title,
      content: values.content || null,
      startsAt: toInstant(values.date, values.start),
      endsAt: toInstant(values.date, values.end),
      place: values.place || null,
      chairUserId: values.chairUserId ?? null,
      chairText: values.chairText || null,
      attendeeUserIds: values.attendeeUserIds ?? [],
      participantsText: values.participantsText || null,
      participantUnitIds: values.participantUnitIds ?? [],
      preparingAgencyId: values.preparingAgencyId ?? null,
      public: kind === 'person' ? false : (values.public ?? false),
    };
    if (entry) {
      update.mutate({ id: entry.id, body: { ...fields, expectedVersion: entry.version } }, { onSuccess: done });
    } else {
      create.mutate({ ...fields, agencyId, kind }, { onSuccess: done });
    }
  };
  const required = [{ required: true, message: t('schedule.form.required') }];
  return (
    <Panel title={entry ? t('schedule.form.editTitle') : t('schedule.form.newTitle')} level={3}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid="schedule-form">
        {!entry && !personal ? (
          <Form.Item name="kind" label={t('schedule.form.kind')}>
            <Radio.Group
              options={[
                { value: 'agency_leaders', label: t('schedule.form.kind_agency_leaders') },
                { value: 'unit', label: t('schedule.form.kind_unit') },
              ]}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="title" label={t('schedule.form.title')} rules={required}>
          <TextArea autoSize={{ minRows: 2 }} maxLength={500} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="date" label={t('schedule.form.date')} rules={required} style={{ minWidth: 150 }}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="start" label={t('schedule.form.start')} rules={required}>
            <Input type="time" />
          </Form.Item>
          <Form.Item name="end" label={t('schedule.form.end')} rules={required}>
            <Input type="time" />
          </Form.Item>
        </Flex>
        <Form.Item name="place" label={t('schedule.form.place')}>
          <Input maxLength={300} />
        </Form.Item>
        {personal ? null : (
          <>
            <Form.Item name="chairUserId" label={t('schedule.form.chair')}>
              <Select allowClear showSearch optionFilterProp="label" options={officials} />
            </Form.Item>
            <Form.Item name="chairText" label={t('schedule.form.chairText')}>
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item name="attendeeUserIds" label={t('schedule.form.attendees')}>
              <Select mode="multiple" allowClear optionFilterProp="label" options={officials} />
            </Form.Item>
            <Form.Item
              name="participantUnitIds"
              label={t('schedule.form.participantUnits')}
              extra={t('schedule.form.participantUnitsHint')}
            >
              <Select mode="multiple" allowClear optionFilterProp="label" options={units} />
            </Form.Item>
            <Form.Item name="participantsText" label={t('schedule.form.participantsText')}>
              <TextArea autoSize maxLength={2000} />
            </Form.Item>
            <Form.Item name="preparingAgencyId" label={t('schedule.form.preparing')}>
              <Select allowClear showSearch optionFilterProp="label" options={units} />
            </Form.Item>
            <Form.Item name="public" valuePropName="checked">
              <Checkbox>{t('schedule.form.public')}</Checkbox>
            </Form.Item>
          </>
        )}
        <Form.Item name="content" label={t('schedule.form.notes')}>
          <TextArea autoSize maxLength={4000} />
        </Form.Item>
        {create.error || update.error ? <ErrorAlert error={create.error ?? update.error} /> : null}
        <Flex gap={8} wrap>
          <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>
            {entry ? t('schedule.form.update') : t('schedule.form.save')}
          </Button>
          <Button onClick={onDone}>{t('schedule.form.cancel')}</Button>
        </Flex>
      </Form>
    </Panel>
  );
};

import { EyeOutlined } from '@ant-design/icons';
import { Button, Flex, Form } from 'antd';
import Input from 'antd/es/input/Input';
import TextArea from 'antd/es/input/TextArea';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { CalendarEntry, DayKind } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LazyDatePicker, LazySelect } from '../../components/lazyAntd';
import { applyFieldErrors } from '../../lib/field-errors';
import '../../i18n/console-admin';

/*
 * The working calendar's two forms, loaded after the page (issue 16: the page's first load stays within 300 KB
 * gzip without antd's Form): adding a day off (previewed before it applies) and publishing the year.
 */

type DayValues = { date: Dayjs; kind: DayKind; period: string; source: string; note?: string };

const KINDS: DayKind[] = ['extra_day_off', 'swap_day_off', 'holiday', 'compensatory', 'makeup_workday'];

/**
 * Adds a day off: the entry goes to `onPreview` (the page previews which appointments move, then applies). The
 * preview's error is shown here, its field problems under their fields; `cleared` counts applied changes — each
 * one empties the form.
 */
export const DayOffForm = ({
  onPreview,
  previewing,
  error,
  cleared,
}: {
  onPreview: (entries: CalendarEntry[]) => void;
  previewing: boolean;
  error: Error | null;
  cleared: number;
}) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<DayValues>();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  useEffect(() => {
    if (error && isApiError(error)) {
      setUnplaced(applyFieldErrors(form, error, (path) => (path[0] === 'entries' ? path.slice(2) : undefined)));
    }
  }, [error, form]);
  useEffect(() => {
    if (cleared > 0) {
      form.resetFields();
    }
  }, [cleared, form]);

  return (
    <>
      {error ? <ErrorAlert error={error} extra={unplaced} /> : null}
      <Form<DayValues>
        form={form}
        layout="vertical"
        name="day-off"
        initialValues={{ kind: 'extra_day_off' }}
        onFinish={(values) => {
          setUnplaced([]);
          onPreview([
            {
              date: values.date.format('YYYY-MM-DD'),
              kind: values.kind,
              period: values.period.trim(),
              source: values.source.trim(),
              ...(values.note?.trim() ? { note: values.note.trim() } : {}),
            },
          ]);
        }}
      >
        <Form.Item
          label={t('common.date')}
          name="date"
          rules={[{ required: true, message: t('common.required', { field: t('common.date') }) }]}
        >
          <LazyDatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('calendar.kind')} name="kind">
          <LazySelect options={KINDS.map((k) => ({ value: k, label: t(`calendar.kind_${k}`) }))} />
        </Form.Item>
        <Form.Item
          label={t('calendar.period')}
          name="period"
          rules={[
            {
              required: true,
              whitespace: true,
              min: 2,
              message: t('common.required', { field: t('calendar.period') }),
            },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          label={t('calendar.source')}
          name="source"
          rules={[
            {
              required: true,
              whitespace: true,
              min: 3,
              message: t('common.required', { field: t('calendar.source') }),
            },
          ]}
        >
          <Input maxLength={500} placeholder="Quyết định số …/QĐ-UBND" />
        </Form.Item>
        <Form.Item label={t('common.note')} name="note">
          <TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<EyeOutlined />} loading={previewing}>
          {t('calendar.preview')}
        </Button>
      </Form>
    </>
  );
};

/** Publishes the year's calendar with the document it follows (the dialog's own buttons confirm or cancel). */
export const PublishYearForm = ({
  onPublish,
  onCancel,
  publishing,
}: {
  onPublish: (source: string) => void;
  onCancel: () => void;
  publishing: boolean;
}) => {
  const { t } = useTranslation();
  return (
    <Form<{ source: string }> layout="vertical" onFinish={(values) => onPublish(values.source.trim())}>
      <Form.Item
        label={t('calendar.publishSource')}
        name="source"
        rules={[{ required: true, whitespace: true, min: 3 }]}
      >
        <Input maxLength={500} />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={publishing}>
          {t('common.confirm')}
        </Button>
      </Flex>
    </Form>
  );
};

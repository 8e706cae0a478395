import { InboxOutlined } from '@ant-design/icons';
import { Alert, Flex, Form, Input } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LazyDragger, LazyModal, LazySelect, LazyTable } from '../../../components/lazyAntd';
import { useConsoleMessage } from '../../../components/MessageProvider';
import { Paragraph } from '../../../components/typography';
import {
  type CriteriaSet,
  type SheetRowError,
  sheetRowErrorsOf,
  type UnitGroup,
  useCreateCriteriaSet,
  useImportCriteriaSet,
} from './useCriteriaSets';

/*
 * The list page's dialogs (import, new draft), in their own chunk: antd's Form loads when the organiser opens
 * one, not with the list (a console page's first load stays within 300 KB gzip, issue 16).
 */
const GROUPS: UnitGroup[] = ['department', 'commune', 'province'];
const thisYear = new Date().getFullYear();

/** The row errors of a refused import: row number, column and reason, in the reader's language. */
export const SheetErrorsTable = ({ errors }: { errors: SheetRowError[] }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const columns: ColumnsType<SheetRowError & { key: number }> = [
    {
      title: t('parSets.row'),
      dataIndex: 'rowNumber',
      width: 70,
      render: (row: number | null) => row ?? t('parSets.wholeSheet'),
    },
    {
      title: t('parSets.column'),
      dataIndex: 'column',
      width: 130,
      render: (column: SheetRowError['column']) => (column ? t(`parSets.columns.${column}`) : '—'),
    },
    { title: t('parSets.reason'), dataIndex: 'message', render: (message: SheetRowError['message']) => message[lang] },
  ];
  return (
    <div data-testid="par-import-errors">
      <Alert
        type="error"
        showIcon
        title={t('parSets.importErrors', { count: errors.length })}
        style={{ marginBottom: 8 }}
      />
      <LazyTable
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={errors.map((error, key) => ({ ...error, key }))}
        pagination={errors.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 480 }}
      />
    </div>
  );
};

type SetForm = { year: number; unitGroup: UnitGroup; title: string; copyFromId?: string };

/** Import a workbook as a new draft; a refused file shows every bad row, and the form stays for the next try. */
export const ImportDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const message = useConsoleMessage();
  const [form] = Form.useForm<SetForm>();
  const [file, setFile] = useState<File | null>(null);
  const importing = useImportCriteriaSet();
  const rowErrors = sheetRowErrorsOf(importing.error);
  const submit = async () => {
    const values = await form.validateFields();
    if (!file) {
      return;
    }
    importing.mutate(
      { file, year: Number(values.year), unitGroup: values.unitGroup, title: values.title },
      {
        onSuccess: (detail) => {
          message.success(t('parSets.imported'));
          void navigate(`/can-bo/chi-so-cchc/bo-tieu-chi/${detail.id}`);
        },
      },
    );
  };
  return (
    <LazyModal
      open={open}
      title={t('parSets.importTitle')}
      onCancel={onClose}
      width={760}
      okText={t('parSets.importStart')}
      okButtonProps={{ disabled: !file, loading: importing.isPending, 'data-testid': 'par-import-start' }}
      onOk={() => void submit()}
      destroyOnHidden
    >
      <Paragraph type="secondary">{t('parSets.importHelp')}</Paragraph>
      <Form form={form} layout="vertical" initialValues={{ year: thisYear, unitGroup: 'department' }}>
        <Flex gap={12} wrap>
          <Form.Item name="year" label={t('parSets.year')} rules={[{ required: true, message: t('parSets.required') }]}>
            <Input type="number" min={2000} max={2999} style={{ width: 110 }} data-testid="par-import-year" />
          </Form.Item>
          <Form.Item name="unitGroup" label={t('parSets.group')} style={{ minWidth: 220, flex: 1 }}>
            <LazySelect options={GROUPS.map((g) => ({ value: g, label: t(`parSets.groups.${g}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="title"
          label={t('parSets.setTitle')}
          rules={[{ required: true, whitespace: true, message: t('parSets.required') }]}
        >
          <Input maxLength={500} data-testid="par-import-title" />
        </Form.Item>
      </Form>
      <LazyDragger
        accept=".xlsx"
        maxCount={1}
        beforeUpload={(chosen: File) => {
          setFile(chosen);
          importing.reset();
          return false;
        }}
        onRemove={() => setFile(null)}
        data-testid="par-import-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{t('parSets.chooseFile')}</p>
      </LazyDragger>
      <div style={{ marginTop: 12 }}>
        {rowErrors ? (
          <SheetErrorsTable errors={rowErrors} />
        ) : importing.error ? (
          <ErrorAlert error={importing.error} />
        ) : null}
      </div>
    </LazyModal>
  );
};

/** A new draft, empty or copied from an existing set (next year's set starts from this year's). */
export const CreateDialog = ({ open, onClose, sets }: { open: boolean; onClose: () => void; sets: CriteriaSet[] }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<SetForm>();
  const create = useCreateCriteriaSet();
  const submit = async () => {
    const values = await form.validateFields();
    create.mutate(
      {
        year: Number(values.year),
        unitGroup: values.unitGroup,
        title: values.title,
        ...(values.copyFromId ? { copyFromId: values.copyFromId } : {}),
      },
      { onSuccess: (detail) => void navigate(`/can-bo/chi-so-cchc/bo-tieu-chi/${detail.id}`) },
    );
  };
  return (
    <LazyModal
      open={open}
      title={t('parSets.createTitle')}
      onCancel={onClose}
      okText={t('parSets.create')}
      okButtonProps={{ loading: create.isPending }}
      onOk={() => void submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ year: thisYear, unitGroup: 'department', copyFromId: '' }}>
        <Flex gap={12} wrap>
          <Form.Item name="year" label={t('parSets.year')} rules={[{ required: true, message: t('parSets.required') }]}>
            <Input type="number" min={2000} max={2999} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="unitGroup" label={t('parSets.group')} style={{ minWidth: 220, flex: 1 }}>
            <LazySelect options={GROUPS.map((g) => ({ value: g, label: t(`parSets.groups.${g}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="title"
          label={t('parSets.setTitle')}
          rules={[{ required: true, whitespace: true, message: t('parSets.required') }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="copyFromId" label={t('parSets.copyFrom')}>
          <LazySelect
            options={[
              { value: '', label: t('parSets.copyNone') },
              ...sets.map((s) => ({ value: s.id, label: `${s.year} — ${s.title} (v${s.version})` })),
            ]}
          />
        </Form.Item>
      </Form>
      {create.error ? <ErrorAlert error={create.error} /> : null}
    </LazyModal>
  );
};

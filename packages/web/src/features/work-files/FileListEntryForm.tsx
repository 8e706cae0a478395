import { Button, Form, InputNumber, Select } from 'antd';
import Input from 'antd/es/input/Input';
import { useTranslation } from 'react-i18next';
import '../../i18n/work-files';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Panel } from '../../components/Panel';
import { useAddFileListEntry } from './useWorkFiles';

type EntryValues = { code: string; title: string; retentionYears?: number | null; responsibleAgencyId?: string };

/** Adds an entry to the year's file list. */
export const FileListEntryForm = ({
  agencyId,
  year,
  units,
}: {
  agencyId: string;
  year: number;
  units: { id: string; name: string }[];
}) => {
  const { t } = useTranslation();
  const add = useAddFileListEntry(agencyId, year);
  const [form] = Form.useForm<EntryValues>();
  return (
    <Panel title={t('workFiles.addEntry')} level={2}>
      <Form<EntryValues>
        form={form}
        layout="vertical"
        name="file-list-entry"
        onFinish={(values) =>
          add.mutate(
            {
              code: values.code.trim(),
              title: values.title.trim(),
              retentionYears: values.retentionYears ?? null,
              ...(values.responsibleAgencyId ? { responsibleAgencyId: values.responsibleAgencyId } : {}),
            },
            { onSuccess: () => form.resetFields() },
          )
        }
      >
        <Form.Item name="code" label={t('workFiles.code')} rules={[{ required: true, max: 40, whitespace: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('workFiles.entryTitle')}
          rules={[{ required: true, max: 500, whitespace: true }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="retentionYears" label={t('workFiles.retentionYears')}>
          <InputNumber min={1} max={100} />
        </Form.Item>
        <Form.Item name="responsibleAgencyId" label={t('workFiles.responsibleUnit')}>
          <Select allowClear options={units.map((unit) => ({ value: unit.id, label: unit.name }))} />
        </Form.Item>
        {add.isError ? <ErrorAlert error={add.error} /> : null}
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t('workFiles.addEntry')}
        </Button>
      </Form>
    </Panel>
  );
};

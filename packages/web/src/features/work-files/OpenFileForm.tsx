import { Button, Checkbox, Flex, Form, Select } from 'antd';
import Input from 'antd/es/input/Input';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import '../../i18n/work-files';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { useOpenWorkFile, useWorkFileOptions } from './useWorkFiles';

const OUTSIDE = 'outside';

type OpenValues = { unitId: string; entryId: string; title?: string; confidential?: boolean };

/** Opens a file from the year's list of the unit's agency, or outside it with a title. */
export const OpenFileForm = ({ onCancel }: { onCancel: () => void }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const options = useWorkFileOptions();
  const open = useOpenWorkFile();
  const [form] = Form.useForm<OpenValues>();
  const units = options.data?.units ?? [];
  const unitId = Form.useWatch('unitId', form) ?? units[0]?.id;
  const entryId = Form.useWatch('entryId', form) ?? OUTSIDE;
  const entries = units.find((unit) => unit.id === unitId)?.entries ?? [];
  useEffect(() => {
    if (units[0] && !form.getFieldValue('unitId')) {
      form.setFieldsValue({ unitId: units[0].id, entryId: OUTSIDE });
    }
  }, [form, units]);
  if (options.isPending) {
    return <PageLoading />;
  }
  return (
    <Panel title={t('workFiles.openTitle')} level={2}>
      <Form<OpenValues>
        form={form}
        layout="vertical"
        name="open-work-file"
        onFinish={(values) =>
          open.mutate(
            {
              agencyId: values.unitId,
              ...(values.entryId && values.entryId !== OUTSIDE ? { fileListEntryId: values.entryId } : {}),
              ...(values.title?.trim() ? { title: values.title.trim() } : {}),
              confidential: values.confidential ?? false,
            },
            { onSuccess: (opened) => navigate(`/can-bo/ho-so-cong-viec/${opened.id}`) },
          )
        }
      >
        <Form.Item name="unitId" label={t('workFiles.unit')} rules={[{ required: true }]}>
          <Select options={units.map((unit) => ({ value: unit.id, label: unit.name }))} />
        </Form.Item>
        <Form.Item name="entryId" label={t('workFiles.entry')}>
          <Select
            showSearch
            optionFilterProp="label"
            options={[
              { value: OUTSIDE, label: t('workFiles.outsideList') },
              ...entries.map((entry) => ({ value: entry.id, label: `${entry.code} — ${entry.title}` })),
            ]}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('workFiles.fileTitle')}
          rules={[{ required: entryId === OUTSIDE, max: 500, whitespace: true }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="confidential" valuePropName="checked">
          <Checkbox>{t('workFiles.confidential')}</Checkbox>
        </Form.Item>
        {open.isError ? <ErrorAlert error={open.error} /> : null}
        <Flex gap={8} wrap>
          <Button type="primary" htmlType="submit" loading={open.isPending}>
            {t('workFiles.save')}
          </Button>
          <Button onClick={onCancel}>{t('workFiles.cancel')}</Button>
        </Flex>
      </Form>
    </Panel>
  );
};

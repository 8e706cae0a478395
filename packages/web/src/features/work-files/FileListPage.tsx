import { UploadOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Form, InputNumber, Select } from 'antd';
import Input from 'antd/es/input/Input';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/work-files';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { Text, Title } from '../../components/typography';
import { todayInVietnam } from '../../lib/format';
import { agenciesWithRole, useMe } from '../auth/useMe';
import { useAddFileListEntry, useFileList, useImportFileList, useRemoveFileListEntry } from './useWorkFiles';

type EntryValues = { code: string; title: string; retentionYears?: number | null; responsibleAgencyId?: string };

/**
 * "Danh mục hồ sơ": an agency's yearly file list, for who keeps the agency's files (workfile.manage there: the
 * clerk and the agency's head) — imported from CSV/Excel all or nothing, entries added and deleted.
 */
export const FileListPage = () => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const me = useMe().data;
  const agencies = agenciesWithRole(me, 'clerk', 'agency_head');
  const [agencyId, setAgencyId] = useState<string | undefined>();
  const [year, setYear] = useState(Number(todayInVietnam().slice(0, 4)));
  const chosen = agencyId ?? agencies[0]?.id;
  const list = useFileList(chosen, year);
  const importList = useImportFileList(chosen ?? '', year);
  const add = useAddFileListEntry(chosen ?? '', year);
  const remove = useRemoveFileListEntry();
  const input = useRef<HTMLInputElement>(null);
  const [form] = Form.useForm<EntryValues>();
  useEffect(() => {
    document.title = `${t('workFiles.fileList')} — motcua`;
  }, [t]);
  const result = importList.data;
  return (
    <Flex vertical gap={16}>
      <Title level={1} style={{ fontSize: 24 }}>
        {t('workFiles.fileListTitle', { year })}
      </Title>
      <Flex gap={8} wrap>
        {agencies.length > 1 ? (
          <Select
            aria-label={t('workFiles.agency')}
            value={chosen}
            onChange={setAgencyId}
            options={agencies.map((agency) => ({ value: agency.id, label: agency.name }))}
            style={{ minWidth: 240, maxWidth: '100%' }}
          />
        ) : null}
        <InputNumber
          aria-label={t('workFiles.year')}
          min={2000}
          max={2200}
          value={year}
          onChange={(value) => value && setYear(value)}
        />
      </Flex>
      <Panel title={t('workFiles.importFile')} level={2}>
        <Text type="secondary">{t('workFiles.importHint')}</Text>
        <div style={{ marginTop: 8 }}>
          <input
            ref={input}
            type="file"
            hidden
            accept=".csv,.xlsx"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) {
                importList.mutate(file);
              }
              event.target.value = '';
            }}
          />
          <Button
            icon={<UploadOutlined aria-hidden />}
            loading={importList.isPending}
            onClick={() => input.current?.click()}
          >
            {t('workFiles.importFile')}
          </Button>
        </div>
        {importList.isError ? <ErrorAlert error={importList.error} /> : null}
        {result?.ok ? (
          <p role="status">{t('workFiles.imported', { inserted: result.inserted, updated: result.updated })}</p>
        ) : null}
        {result && !result.ok ? (
          <div role="alert">
            <p>{t('workFiles.importErrors')}</p>
            <ul>
              {(result.errors ?? []).map((error) => (
                <li key={`${error.rowNo}-${error.field}`}>
                  {t('workFiles.row', { row: error.rowNo })}: {error.problem[language]}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </Panel>
      <Panel>
        {list.isPending && chosen ? <PageLoading /> : null}
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.isSuccess && list.data.items.length === 0 ? <Empty description={t('workFiles.noEntries')} /> : null}
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="file-list">
          {(list.data?.items ?? []).map((entry) => (
            <li key={entry.id} style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0' }}>
              <Flex justify="space-between" gap={8} wrap>
                <div style={{ minWidth: 0 }}>
                  <strong>{entry.code}</strong> — {entry.title}
                  <Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                    {entry.retentionLabel}
                    {entry.responsibleAgencyName ? ` · ${entry.responsibleAgencyName}` : ''}
                  </Text>
                </div>
                <Button size="small" onClick={() => remove.mutate(entry.id)}>
                  {t('workFiles.delete')}
                </Button>
              </Flex>
            </li>
          ))}
        </ul>
        {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      </Panel>
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
            <Select
              allowClear
              options={(list.data?.units ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
            />
          </Form.Item>
          {add.isError ? <ErrorAlert error={add.error} /> : null}
          <Button type="primary" htmlType="submit" loading={add.isPending} disabled={!chosen}>
            {t('workFiles.addEntry')}
          </Button>
        </Form>
      </Panel>
    </Flex>
  );
};

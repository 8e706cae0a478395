import { UploadOutlined } from '@ant-design/icons';
import { Button, Empty, Flex } from 'antd';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/work-files';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { Text, Title } from '../../components/typography';
import { todayInVietnam } from '../../lib/format';
import { agenciesWithRole, useMe } from '../auth/useMe';
import { useFileList, useImportFileList, useRemoveFileListEntry } from './useWorkFiles';

// The entry form (antd Form, Select) loads after the list: the page's first load stays within the budget.
const FileListEntryForm = lazy(() => import('./FileListEntryForm').then((m) => ({ default: m.FileListEntryForm })));

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
  const remove = useRemoveFileListEntry();
  const input = useRef<HTMLInputElement>(null);
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
          <select
            aria-label={t('workFiles.agency')}
            value={chosen}
            onChange={(event) => setAgencyId(event.target.value)}
            style={{ minWidth: 0, maxWidth: '100%', padding: 4 }}
          >
            {agencies.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.name}
              </option>
            ))}
          </select>
        ) : null}
        <label>
          {t('workFiles.year')}{' '}
          <input
            type="number"
            min={2000}
            max={2200}
            value={year}
            onChange={(event) => {
              const value = Number(event.target.value);
              if (value >= 2000 && value <= 2200) {
                setYear(value);
              }
            }}
            style={{ width: 90, padding: 4 }}
          />
        </label>
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
      {chosen ? (
        <Suspense fallback={<PageLoading />}>
          <FileListEntryForm agencyId={chosen} year={year} units={list.data?.units ?? []} />
        </Suspense>
      ) : null}
    </Flex>
  );
};

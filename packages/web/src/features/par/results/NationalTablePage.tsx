import { UploadOutlined } from '@ant-design/icons';
import { formatParPoints } from '@motcua/domain';
import { Alert, Button, Flex, Grid, Segmented } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { LazyProgress, LazyTable } from '../../../components/lazyAntd';
import { Panel } from '../../../components/Panel';
import { Paragraph, Text, Title } from '../../../components/typography';
import '../../../i18n/par-results';
import { useMe } from '../../auth/useMe';
import { type ParNationalTable, useImportParNationalTable, useParNationalTable } from './useParResults';

type Row = ParNationalTable['rows'][number];

/** The national table of provinces: the province's place in it, and the import from the Ministry's workbook. */
export const NationalTablePage = () => {
  const { t } = useTranslation();
  const narrow = !Grid.useBreakpoint().md;
  const me = useMe().data;
  const province = me?.provinceCode ?? undefined;
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear - 1);
  const table = useParNationalTable(province ?? undefined, year);
  const upload = useImportParNationalTable(year);
  const [progress, setProgress] = useState<number | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // Every refused row, with its reason (the whole table is refused: nothing was saved).
  const issues = upload.error && isApiError(upload.error) ? upload.error.fieldErrors : [];
  const columns: ColumnsType<Row> = [
    { key: 'rank', title: t('parResults.col.rank'), width: 64, align: 'center', render: (_, r) => r.rank },
    { key: 'province', title: t('parResults.col.province'), render: (_, r) => r.provinceName },
    { key: 'points', title: t('parResults.col.points'), align: 'right', render: (_, r) => formatParPoints(r.points) },
  ];
  return (
    <Flex vertical gap={16} style={{ maxWidth: 900 }}>
      <Title level={1} style={{ margin: 0, fontSize: narrow ? 20 : 24 }}>
        {t('parResults.national')}
      </Title>
      <Paragraph>{t('parResults.nationalIntro')}</Paragraph>
      <Segmented
        aria-label={t('parResults.year')}
        value={year}
        onChange={(value) => setYear(Number(value))}
        options={[thisYear - 3, thisYear - 2, thisYear - 1, thisYear].map((y) => ({ value: y, label: String(y) }))}
      />
      <Flex gap={8} align="center" wrap>
        <input
          ref={input}
          type="file"
          accept=".xlsx"
          hidden
          aria-label={t('parResults.nationalImport')}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) {
              setProgress(0);
              upload.mutate({ file, onProgress: setProgress }, { onSettled: () => setProgress(null) });
            }
            event.target.value = '';
          }}
        />
        <Button icon={<UploadOutlined />} loading={upload.isPending} onClick={() => input.current?.click()}>
          {t('parResults.nationalImport')}
        </Button>
        {progress !== null ? (
          <LazyProgress percent={Math.round(progress * 100)} size="small" style={{ width: 160 }} />
        ) : null}
      </Flex>
      {upload.isSuccess ? <Alert type="success" showIcon message={t('parResults.nationalSaved')} /> : null}
      {upload.error ? (
        <Alert
          type="error"
          showIcon
          message={issues.length > 0 ? t('parResults.nationalIssues') : upload.error.message}
          description={
            issues.length > 0 ? (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {issues.map((issue) => (
                  <li key={`${issue.pointer}-${issue.code}`}>{issue.message}</li>
                ))}
              </ul>
            ) : null
          }
        />
      ) : null}
      {table.data?.own ? (
        <Alert type="info" showIcon message={<strong data-testid="par-national-own">{table.data.own.phrase}</strong>} />
      ) : null}
      <Panel title={`${t('parResults.national')} ${year}`} titleId="par-national">
        {table.data && table.data.rows.length === 0 ? (
          <Paragraph>{t('parResults.nationalEmpty')}</Paragraph>
        ) : (
          <LazyTable<Row>
            rowKey="provinceCode"
            size="small"
            columns={columns}
            dataSource={table.data?.rows ?? []}
            pagination={false}
            rowClassName={(r) => (r.provinceCode === province ? 'ant-table-row-selected' : '')}
          />
        )}
        {table.data?.source ? (
          <Text type="secondary" style={{ fontSize: 12 }}>
            {t('parResults.source')}: {table.data.source}
          </Text>
        ) : null}
      </Panel>
    </Flex>
  );
};

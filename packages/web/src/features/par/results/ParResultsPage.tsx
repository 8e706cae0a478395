import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Grid, Segmented, Space, Statistic, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LazyTable } from '../../../components/lazyAntd';
import { PageLoading } from '../../../components/PageLoading';
import { Panel } from '../../../components/Panel';
import { Paragraph, Text, Title } from '../../../components/typography';
import '../../../i18n/par-results';
import { lazyWidget } from '../../../components/lazyWidget';

/* Loaded after the page shows, fetched at once (issue 16: a console page's first load ≤ 300 KB gzip). */
const ParRanking = lazyWidget(() => import('./ParRanking').then((m) => ({ default: m.ParRanking })));
const PublishButton = lazyWidget(
  () => import('./PublishRoundButton').then((m) => ({ default: m.PublishRoundButton })),
  null,
);

import {
  type ParRoundProgress,
  parExportUrl,
  useParRoundProgress,
  useParRoundResults,
  useParRounds,
} from './useParResults';

type ProgressUnit = ParRoundProgress['units'][number];

const formatDate = (iso: string | null) => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '');

/** Every unit's status in an open round, late units first in the eye. */
const ProgressPanel = ({ progress, narrow }: { progress: ParRoundProgress; narrow: boolean }) => {
  const { t } = useTranslation();
  const late = progress.units.filter((u) => u.late).length;
  const columns: ColumnsType<ProgressUnit> = [
    {
      key: 'unit',
      title: t('parResults.col.unit'),
      render: (_, u) => (
        <Flex vertical gap={2}>
          <span>{u.unitName}</span>
          {narrow ? (
            <Text type="secondary" style={{ fontSize: 12 }}>
              {u.scoredLeaves}/{u.applicableLeaves} · {u.evidenceCount}{' '}
              {t('parResults.col.evidence').toLocaleLowerCase('vi')}
            </Text>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('parResults.col.status'),
      render: (_, u) => (
        <Space size={4} wrap>
          <Tag>{t(`parResults.statuses.${u.status as 'self_draft'}`)}</Tag>
          {u.late ? <Tag color="red">{t('parResults.col.late')}</Tag> : null}
        </Space>
      ),
    },
    ...(narrow
      ? []
      : [
          {
            key: 'scored',
            title: t('parResults.col.scored'),
            align: 'right' as const,
            render: (_: unknown, u: ProgressUnit) => `${u.scoredLeaves}/${u.applicableLeaves}`,
          },
          {
            key: 'evidence',
            title: t('parResults.col.evidence'),
            align: 'right' as const,
            render: (_: unknown, u: ProgressUnit) => u.evidenceCount,
          },
        ]),
  ];
  return (
    <Panel title={t('parResults.progress')} titleId="par-progress" data-testid="par-progress">
      <Flex gap={16} wrap style={{ marginBottom: 12 }}>
        {progress.counts.map((c) => (
          <Statistic key={c.status} title={t(`parResults.statuses.${c.status as 'self_draft'}`)} value={c.units} />
        ))}
      </Flex>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {progress.deadlines
          .filter((d) => d.due !== null)
          .map((d) => (
            <Tag key={d.stage} color={d.passed ? 'default' : 'blue'}>
              {t('parResults.deadline', {
                stage: t(`parResults.stages.${d.stage as 'self_assessment'}`),
                date: formatDate(d.due),
              })}
            </Tag>
          ))}
      </Flex>
      {late > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('parResults.lateUnits', { count: late })}
        />
      ) : null}
      <LazyTable<ProgressUnit>
        rowKey="agencyId"
        size="small"
        columns={columns}
        dataSource={progress.units}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
      />
    </Panel>
  );
};

/** The organiser's dashboard (Sở Nội vụ): the rounds, every unit's progress, the ranking, chart and exports. */
export const ParResultsPage = () => {
  const { t, i18n } = useTranslation();
  const narrow = !Grid.useBreakpoint().md;
  const rounds = useParRounds();
  const [chosen, setChosen] = useState<string | undefined>();
  const list = rounds.data?.items ?? [];
  const round = list.find((r) => r.id === chosen) ?? list[0];
  const results = useParRoundResults(round?.id);
  const progress = useParRoundProgress(round?.id, round !== undefined && round.stage !== 'published');
  if (rounds.isPending) {
    return <PageLoading />;
  }
  if (rounds.isError) {
    return <Alert type="error" message={t('parResults.loadError')} description={rounds.error.message} />;
  }
  return (
    <Flex vertical gap={16} style={{ maxWidth: 1200 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Title level={1} style={{ margin: 0, fontSize: narrow ? 20 : 24 }}>
          {t('parResults.title')}
        </Title>
        <Link to="/can-bo/chi-so-cchc/bang-quoc-gia">{t('parResults.national')}</Link>
      </Flex>
      {list.length === 0 ? (
        <Paragraph>{t('parResults.noRounds')}</Paragraph>
      ) : (
        <>
          <Segmented
            aria-label={t('parResults.round')}
            value={round?.id}
            onChange={(value) => setChosen(String(value))}
            options={list.map((r) => ({ value: r.id, label: `${r.year}` }))}
          />
          {round ? (
            <Flex gap={8} wrap align="center" data-testid="par-round">
              <strong>{round.title}</strong>
              <Tag color={round.stage === 'published' ? 'green' : 'blue'}>{t(`parResults.stages.${round.stage}`)}</Tag>
              {round.isDemo ? <Tag color="gold">{t('parResults.demo')}</Tag> : null}
              {round.stage === 'council' ? <PublishButton round={round} /> : null}
            </Flex>
          ) : null}
          {round?.stage === 'published' ? (
            <Text>
              {t('parResults.publishedBy', { number: round.decisionNumber, date: formatDate(round.decisionDate) })}
            </Text>
          ) : (
            <Alert type="info" showIcon message={t('parResults.provisional')} />
          )}
          {progress.data ? <ProgressPanel progress={progress.data} narrow={narrow} /> : null}
          {round ? (
            <Space wrap>
              <Button icon={<DownloadOutlined />} href={parExportUrl('summary.xlsx', { roundId: round.id })}>
                {t('parResults.summaryXlsx')}
              </Button>
              <Button icon={<DownloadOutlined />} href={parExportUrl('appendix.pdf', { roundId: round.id })}>
                {t('parResults.appendixPdf')}
              </Button>
            </Space>
          ) : null}
          {results.isPending ? (
            <PageLoading />
          ) : results.isError ? (
            <Alert type="error" message={t('parResults.loadError')} description={results.error.message} />
          ) : (
            <div data-testid="par-results" data-published={String(results.data.published)} lang={i18n.language}>
              <ParRanking groups={results.data.groups} narrow={narrow} />
            </div>
          )}
        </>
      )}
    </Flex>
  );
};

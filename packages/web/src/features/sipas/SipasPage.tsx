import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Col, Flex, Row, Space, Statistic, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LazyTable } from '../../components/lazyAntd';
import { useConsoleMessage } from '../../components/MessageProvider';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import '../../i18n/sipas';
import { lazyWidget } from '../../components/lazyWidget';
import { hasRole, useMe } from '../auth/useMe';
import { EChart } from '../reports/EChart';
import { formatCount, formatDate, formatPercent } from '../reports/format';
import {
  actOnSipasCampaign,
  fetchSipasCampaign,
  fetchSipasCampaigns,
  type SipasAction,
  type SipasCampaign,
  type SipasCampaignDetail,
  sipasReportPdfUrl,
  sipasWorkbookUrl,
} from './useSipas';

/* Loaded after the page shows, fetched at once (issue 16: a console page's first load ≤ 300 KB gzip). */
const ConsentedResponsesPanel = lazyWidget(() =>
  import('./ConsentedResponsesPanel').then((m) => ({ default: m.ConsentedResponsesPanel })),
);
const CreateCampaign = lazyWidget(() => import('./CreateCampaign').then((m) => ({ default: m.CreateCampaign })));
const YearOnYearPanel = lazyWidget(() => import('./YearOnYearPanel').then((m) => ({ default: m.YearOnYearPanel })));

const NEXT_ACTIONS: Record<SipasCampaign['status'], SipasAction[]> = {
  draft: ['draw_sample'],
  sampled: ['open'],
  open: ['remind', 'close'],
  closed: ['publish'],
  published: [],
};

/** How many agencies the progress chart shows (the largest samples); the table below lists every one. */
const CHARTED_AGENCIES = 12;

const STATUS_COLOURS: Record<SipasCampaign['status'], string> = {
  draft: 'default',
  sampled: 'blue',
  open: 'processing',
  closed: 'orange',
  published: 'green',
};

const StatusTag = ({ campaign }: { campaign: SipasCampaign }) => {
  const { t, i18n } = useTranslation();
  return (
    <Space size={4}>
      <Tag color={STATUS_COLOURS[campaign.status]}>
        {i18n.language === 'en' ? campaign.statusLabel.en : campaign.statusLabel.vi}
      </Tag>
      {campaign.isDemo ? <Tag color="purple">{t('sipas.console.demo')}</Tag> : null}
    </Space>
  );
};

const percentText = (value: number | null | undefined, noData: string) =>
  value === null || value === undefined ? noData : formatPercent(value);

/** The roles that read campaigns (sipas.read); a surveyor only enters answers (sipas.survey). */
const READERS = ['sipas_organiser', 'approver', 'agency_admin', 'province_admin', 'auditor'] as const;

const CampaignList = () => {
  const { t } = useTranslation();
  const me = useMe().data;
  const provinceCode = me?.provinceCode ?? '';
  const reads = hasRole(me, ...READERS);
  const campaigns = useQuery({
    queryKey: ['sipas-campaigns', provinceCode],
    queryFn: ({ signal }) => fetchSipasCampaigns(provinceCode, signal),
    enabled: provinceCode !== '' && reads,
  });
  const entry = hasRole(me, 'surveyor', 'sipas_organiser') ? (
    <Link to="/can-bo/khao-sat/nhap-phieu">{t('sipas.console.entry_open')}</Link>
  ) : null;
  if (!reads) {
    return entry;
  }
  const columns: ColumnsType<SipasCampaign> = [
    {
      key: 'title',
      title: t('sipas.console.create_title'),
      render: (_, c) => <Link to={`/can-bo/khao-sat/${c.id}`}>{c.title}</Link>,
    },
    { key: 'year', title: t('sipas.console.year'), dataIndex: 'year', width: 80 },
    { key: 'status', title: t('sipas.console.status'), render: (_, c) => <StatusTag campaign={c} /> },
    { key: 'n', title: t('sipas.console.sample'), render: (_, c) => formatCount(c.sampleSize), align: 'right' },
  ];
  return (
    <Flex vertical gap={16}>
      <Panel title={t('sipas.console.campaigns')}>
        {campaigns.isError ? <ErrorAlert error={campaigns.error} /> : null}
        <LazyTable<SipasCampaign>
          rowKey="id"
          size="small"
          loading={campaigns.isPending}
          columns={columns}
          dataSource={campaigns.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('sipas.console.none') }}
          scroll={{ x: true }}
        />
      </Panel>
      {entry}
      {hasRole(me, 'sipas_organiser') && provinceCode ? (
        <>
          <Link to="/can-bo/khao-sat/bang-hoi">{t('sipas.console.designer_open')}</Link>
          <CreateCampaign provinceCode={provinceCode} />
        </>
      ) : null}
    </Flex>
  );
};

type AgencyRow = SipasCampaignDetail['agencies'][number];

const CampaignDashboard = ({ id }: { id: string }) => {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const message = useConsoleMessage();
  const queryClient = useQueryClient();
  const detail = useQuery({
    queryKey: ['sipas-campaign', id],
    queryFn: ({ signal }) => fetchSipasCampaign(id, signal),
  });
  const act = useMutation({
    mutationFn: (action: SipasAction) =>
      actOnSipasCampaign(id, { action, expectedVersion: detail.data?.campaign.version ?? 0 }),
    onSuccess: () => {
      message.success(t('sipas.console.done'));
      void queryClient.invalidateQueries({ queryKey: ['sipas-campaign', id] });
      void queryClient.invalidateQueries({ queryKey: ['sipas-campaigns'] });
    },
  });
  const data = detail.data;
  const noData = t('sipas.console.no_data');
  // The agencies with the largest samples (a province has a hundred communes; the table lists them all).
  const charted = useMemo(
    () =>
      [...(data?.agencies ?? [])]
        .sort((a, b) => b.sampleSize - a.sampleSize || a.agencyName.localeCompare(b.agencyName, 'vi'))
        .slice(0, CHARTED_AGENCIES)
        .reverse(),
    [data],
  );
  const progressOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: [t('sipas.console.sample'), t('sipas.console.responses')] },
      grid: { left: 8, right: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        data: charted.map((a) => a.agencyName),
        axisLabel: { width: 160, overflow: 'truncate' },
      },
      series: [
        { name: t('sipas.console.sample'), type: 'bar', data: charted.map((a) => a.sampleSize) },
        { name: t('sipas.console.responses'), type: 'bar', data: charted.map((a) => a.responses) },
      ],
    }),
    [charted, t],
  );
  const scope = data?.province ?? null;
  const factorOption = useMemo(() => {
    const factors = scope?.index.factors ?? data?.agencies[0]?.index.factors ?? [];
    const names = new Map(
      (data?.questionnaire.definition.factors ?? []).map((f) => [f.key, i18n.language === 'en' && f.en ? f.en : f.vi]),
    );
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100 },
      yAxis: {
        type: 'category',
        data: factors.map((f) => names.get(f.key) ?? f.key),
        axisLabel: { width: 180, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: factors.map((f) => f.percent ?? 0),
          label: { show: true, position: 'right', formatter: ({ value }: { value: number }) => formatPercent(value) },
        },
      ],
    };
  }, [scope, data, i18n.language]);

  if (detail.isPending) {
    return <PageLoading />;
  }
  if (detail.isError || !data) {
    return <ErrorAlert error={detail.error} />;
  }
  const { campaign } = data;
  const organiser = hasRole(me, 'sipas_organiser');
  const columns: ColumnsType<AgencyRow> = [
    { key: 'agency', title: t('sipas.console.agency'), dataIndex: 'agencyName' },
    { key: 'N', title: t('sipas.console.population'), align: 'right', render: (_, a) => formatCount(a.population) },
    { key: 'n', title: t('sipas.console.sample'), align: 'right', render: (_, a) => formatCount(a.sampleSize) },
    {
      key: 'responses',
      title: t('sipas.console.responses'),
      align: 'right',
      render: (_, a) =>
        `${formatCount(a.responses)} (${t('sipas.console.online')} ${a.online}, ${t('sipas.console.paper')} ${a.paper}, ${t('sipas.console.phone')} ${a.phone})`,
    },
    {
      key: 'rate',
      title: t('sipas.console.response_rate'),
      align: 'right',
      render: (_, a) => percentText(a.responseRate, '—'),
    },
    {
      key: 'index',
      title: t('sipas.console.index'),
      align: 'right',
      render: (_, a) => (
        <span title={t('sipas.console.satisfied_of', { numerator: a.index.numerator, base: a.index.base })}>
          {percentText(a.index.percent, noData)}
          <br />
          <small>{t('sipas.console.satisfied_of', { numerator: a.index.numerator, base: a.index.base })}</small>
        </span>
      ),
    },
    {
      key: 'moe',
      title: t('sipas.console.margin_of_error'),
      align: 'right',
      render: (_, a) => (a.marginOfError === null ? '—' : `± ${formatPercent(a.marginOfError)}`),
    },
  ];
  return (
    <Flex vertical gap={16} data-testid="sipas-dashboard">
      <Link to="/can-bo/khao-sat">← {t('sipas.console.back')}</Link>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <h2 style={{ margin: 0, fontSize: 20 }}>{campaign.title}</h2>
        <StatusTag campaign={campaign} />
      </Flex>
      <Panel>
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic title={t('sipas.console.population')} value={formatCount(campaign.population)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('sipas.console.sample')} value={formatCount(campaign.sampleSize)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('sipas.console.responses')}
              value={scope ? `${formatCount(scope.responses)} (${percentText(scope.responseRate, '—')})` : '—'}
            />
          </Col>
          <Col xs={12} md={6}>
            <div data-testid="sipas-province-index">
              <Statistic
                title={`${t('sipas.console.index')} — ${t('sipas.console.province')}`}
                value={percentText(scope?.index.percent, noData)}
              />
              {scope ? (
                <small>
                  {t('sipas.console.satisfied_of', { numerator: scope.index.numerator, base: scope.index.base })}
                  {scope.marginOfError === null ? '' : `; ± ${formatPercent(scope.marginOfError)}`}
                </small>
              ) : null}
            </div>
          </Col>
        </Row>
        <p style={{ marginBottom: 0 }}>
          {formatDate(campaign.periodFrom)} – {formatDate(campaign.periodTo)} · e = {campaign.marginBp / 100}% ·{' '}
          {t('sipas.console.seed')}: <code>{campaign.seed ?? '—'}</code>
        </p>
        {scope ? (
          <p style={{ marginBottom: 0, color: 'rgba(0,0,0,0.68)' }}>
            {t('sipas.console.rule')}: {scope.index.rule}
          </p>
        ) : null}
        {data.frozen ? <p style={{ marginBottom: 0 }}>{t('sipas.console.frozen')}</p> : null}
      </Panel>
      <Space wrap>
        {organiser
          ? NEXT_ACTIONS[campaign.status].map((action) => (
              <Button key={action} type="primary" loading={act.isPending} onClick={() => act.mutate(action)}>
                {t(`sipas.console.action_${action}`)}
              </Button>
            ))
          : null}
        <Button icon={<DownloadOutlined />} href={sipasWorkbookUrl(id)}>
          {t('sipas.console.export_excel')}
        </Button>
        <Button icon={<FilePdfOutlined />} href={sipasReportPdfUrl(id)}>
          {t('sipas.console.export_pdf')}
        </Button>
      </Space>
      {act.isError ? <ErrorAlert error={act.error} /> : null}
      {data.province ? <YearOnYearPanel data={data} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Panel title={t('sipas.console.chart_progress')} level={3}>
            <EChart
              option={progressOption}
              height={Math.max(240, charted.length * 40)}
              label={t('sipas.console.chart_progress')}
            />
            {data.agencies.length > charted.length ? (
              <small>{t('sipas.console.chart_top', { shown: charted.length, total: data.agencies.length })}</small>
            ) : null}
          </Panel>
        </Col>
        <Col xs={24} xl={12}>
          <Panel title={t('sipas.console.chart_factors')} level={3}>
            <EChart option={factorOption} label={t('sipas.console.chart_factors')} />
          </Panel>
        </Col>
      </Row>
      <Panel title={t('sipas.console.agency')} level={3}>
        <LazyTable<AgencyRow>
          rowKey="agencyId"
          size="small"
          columns={columns}
          dataSource={data.agencies}
          pagination={false}
          scroll={{ x: true }}
        />
      </Panel>
      {campaign.status === 'draft' ? null : <ConsentedResponsesPanel campaignId={id} />}
    </Flex>
  );
};

/** Khảo sát hài lòng (SIPAS): the province's campaigns, and one campaign's dashboard. */
export const SipasPage = () => {
  const { t } = useTranslation();
  const { id } = useParams();
  return (
    <section>
      <h1 style={{ fontSize: 24, marginTop: 0 }}>{t('sipas.console.title')}</h1>
      {id ? null : <p style={{ marginTop: 0 }}>{t('sipas.console.intro')}</p>}
      {id ? <CampaignDashboard id={id} /> : <CampaignList />}
    </section>
  );
};

import { Button, Flex, Form, Radio } from 'antd';
import Input from 'antd/es/input/Input';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import '../../i18n/document-registers';
import type { OfficialRole } from '../../api/types';
import { AgencySelect } from '../../components/AgencySelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { Text, Title } from '../../components/typography';
import { agenciesWithRole, hasRole, useMe } from '../auth/useMe';
import { EChart } from '../reports/EChart';
import {
  type DocumentKind,
  type DocumentRate,
  documentRegisterUrl,
  useDocumentSearch,
  useDocumentStatistics,
} from './useDocumentRegisters';

/** Who reads the registers: document.read (clerk, specialist, heads) or report.read at the agency. */
export const DOCUMENT_REGISTER_ROLES: OfficialRole[] = [
  'clerk',
  'specialist',
  'unit_head',
  'agency_head',
  'approver',
  'agency_admin',
  'province_admin',
  'auditor',
  'par_organiser',
];

const RATES = ['exchangedElectronic', 'incomingElectronic', 'outgoingElectronic', 'outgoingSigned'] as const;

const yearToDate = () => {
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
};

const dateVi = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/**
 * "Sổ văn bản": the incoming and outgoing registers of an agency for a period (PDF, Excel), its e-office rates
 * ("4.431/4.788 (92,54%)") with a monthly chart, and the search over its documents.
 */
export const DocumentRegistersPage = () => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const me = useMe().data;
  const ownAgencies = useMemo(() => agenciesWithRole(me, ...DOCUMENT_REGISTER_ROLES), [me]);
  const [kind, setKind] = useState<DocumentKind>('incoming');
  const [agency, setAgency] = useState<string | undefined>(undefined);
  const [dates, setDates] = useState(yearToDate);
  useEffect(() => {
    document.title = `${t('documentRegisters.title')} — motcua`;
  }, [t]);
  useEffect(() => {
    if (!agency && ownAgencies[0]) {
      setAgency(ownAgencies[0].id);
    }
  }, [agency, ownAgencies]);
  const period = agency && dates.from && dates.to ? { agency, ...dates } : null;
  const stats = useDocumentStatistics(period);

  const [searchInput, setSearchInput] = useState({ q: '', sender: '', kind: 'all' as DocumentKind | 'all' });
  const [submitted, setSubmitted] = useState<typeof searchInput | null>(null);
  const searchQuery =
    agency && submitted
      ? {
          agency,
          ...(submitted.q.trim() ? { q: submitted.q.trim() } : {}),
          ...(submitted.sender.trim() ? { sender: submitted.sender.trim() } : {}),
          ...(submitted.kind === 'all' ? {} : { kind: submitted.kind }),
          from: dates.from,
          to: dates.to,
        }
      : null;
  const search = useDocumentSearch(searchQuery);
  const hits = search.data?.pages.flatMap((page) => page.items) ?? [];

  const rateText = (rate: DocumentRate) => rate.text[language];
  const data = stats.data;
  return (
    <Flex vertical gap={16}>
      <Title level={1} style={{ fontSize: 24 }}>
        {t('documentRegisters.title')}
      </Title>
      {hasRole(me, 'agency_admin', 'agency_head') ? (
        <Link to="/can-bo/van-ban/chung-thu-so" data-testid="signing-credentials-link">
          {t('documentRegisters.signingCredentials')} →
        </Link>
      ) : null}
      <Text type="secondary">{t('documentRegisters.intro')}</Text>
      <Panel>
        <Form layout="vertical" style={{ maxWidth: 720 }}>
          <Form.Item label={t('documentRegisters.kind')}>
            <Radio.Group
              optionType="button"
              value={kind}
              onChange={(event) => setKind(event.target.value as DocumentKind)}
              options={[
                { value: 'incoming', label: t('documentRegisters.incoming') },
                { value: 'outgoing', label: t('documentRegisters.outgoing') },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('documentRegisters.agency')} htmlFor="register-agency">
            <AgencySelect
              id="register-agency"
              value={agency}
              onChange={setAgency}
              initialOptions={ownAgencies}
              placeholder={t('documentRegisters.agencyRequired')}
            />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item label={t('documentRegisters.from')} htmlFor="register-from" style={{ marginBottom: 8 }}>
              <Input
                id="register-from"
                type="date"
                value={dates.from}
                onChange={(event) => setDates((d) => ({ ...d, from: event.target.value }))}
              />
            </Form.Item>
            <Form.Item label={t('documentRegisters.to')} htmlFor="register-to" style={{ marginBottom: 8 }}>
              <Input
                id="register-to"
                type="date"
                value={dates.to}
                onChange={(event) => setDates((d) => ({ ...d, to: event.target.value }))}
              />
            </Form.Item>
          </Flex>
          <Flex gap={8} wrap>
            <Button
              type="primary"
              href={period ? documentRegisterUrl('pdf', kind, period) : undefined}
              disabled={!period}
            >
              {t('documentRegisters.downloadPdf')}
            </Button>
            <Button href={period ? documentRegisterUrl('xlsx', kind, period) : undefined} disabled={!period}>
              {t('documentRegisters.downloadXlsx')}
            </Button>
          </Flex>
          <Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 13 }}>
            {t('documentRegisters.downloadHint')}
          </Text>
        </Form>
      </Panel>

      <Panel title={t('documentRegisters.statistics')} level={2}>
        {stats.isPending && period ? <PageLoading /> : null}
        {stats.isError ? <ErrorAlert error={stats.error} /> : null}
        {data ? (
          <>
            <dl className="facts" data-testid="document-rates">
              {RATES.map((key) => (
                <div key={key} style={{ display: 'contents' }}>
                  <dt>{t(`documentRegisters.${key}`)}</dt>
                  <dd>{rateText(data.totals[key])}</dd>
                </div>
              ))}
            </dl>
            <Text type="secondary" style={{ display: 'block', margin: '8px 0 12px', fontSize: 13 }}>
              {t('documentRegisters.rateNote')}
            </Text>
            {data.months.length > 0 ? (
              <EChart
                label={t('documentRegisters.chartLabel')}
                height={300}
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { top: 0 },
                  grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
                  xAxis: {
                    type: 'category',
                    data: data.months.map((m) => `${m.month.slice(5, 7)}/${m.month.slice(0, 4)}`),
                  },
                  yAxis: { type: 'value', minInterval: 1 },
                  series: [
                    {
                      name: t('documentRegisters.seriesIncoming'),
                      type: 'bar',
                      data: data.months.map((m) => m.counts.incoming),
                    },
                    {
                      name: t('documentRegisters.seriesOutgoing'),
                      type: 'bar',
                      data: data.months.map((m) => m.counts.outgoing),
                    },
                    {
                      name: t('documentRegisters.seriesSigned'),
                      type: 'line',
                      data: data.months.map((m) => m.counts.outgoingSigned),
                    },
                  ],
                }}
              />
            ) : (
              <Text type="secondary">{t('documentRegisters.noDocuments')}</Text>
            )}
          </>
        ) : null}
      </Panel>

      <Panel title={t('documentRegisters.search')} level={2}>
        <Form
          layout="vertical"
          style={{ maxWidth: 720 }}
          onFinish={() => setSubmitted({ ...searchInput })}
          aria-label={t('documentRegisters.search')}
        >
          <Form.Item label={t('documentRegisters.searchWords')} htmlFor="search-q">
            <Input
              id="search-q"
              type="search"
              value={searchInput.q}
              onChange={(event) => setSearchInput((s) => ({ ...s, q: event.target.value }))}
            />
          </Form.Item>
          <Form.Item label={t('documentRegisters.searchSender')} htmlFor="search-sender">
            <Input
              id="search-sender"
              value={searchInput.sender}
              onChange={(event) => setSearchInput((s) => ({ ...s, sender: event.target.value }))}
            />
          </Form.Item>
          <Form.Item>
            <Radio.Group
              value={searchInput.kind}
              onChange={(event) => setSearchInput((s) => ({ ...s, kind: event.target.value }))}
              options={[
                { value: 'all', label: t('documentRegisters.allKinds') },
                { value: 'incoming', label: t('documentRegisters.incoming') },
                { value: 'outgoing', label: t('documentRegisters.outgoing') },
              ]}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" disabled={!agency}>
            {t('documentRegisters.searchButton')}
          </Button>
        </Form>
        {search.isError ? <ErrorAlert error={search.error} /> : null}
        {submitted && search.isPending ? <PageLoading /> : null}
        {search.data ? (
          hits.length === 0 ? (
            <Text type="secondary" style={{ display: 'block', marginTop: 12 }}>
              {t('documentRegisters.noResults')}
            </Text>
          ) : (
            <ul
              aria-label={t('documentRegisters.results')}
              data-testid="document-hits"
              style={{ listStyle: 'none', padding: 0, margin: '12px 0' }}
            >
              {hits.map((hit) => (
                <li key={`${hit.kind}-${hit.id}`} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
                  <Flex gap={8} wrap align="baseline">
                    <strong>{hit.numberSymbol ?? '—'}</strong>
                    <Text type="secondary">{dateVi(hit.date)}</Text>
                    <Text type="secondary">
                      {hit.kind === 'incoming' ? t('documentRegisters.incoming') : t('documentRegisters.outgoing')}
                    </Text>
                    {hit.confidential ? <Text type="danger">{t('documentRegisters.confidential')}</Text> : null}
                  </Flex>
                  <div>{hit.subject}</div>
                  {hit.sender ? <Text type="secondary">{hit.sender}</Text> : null}
                </li>
              ))}
            </ul>
          )
        ) : null}
        <LoadMoreButton pages={search} label={t('documentRegisters.more')} />
      </Panel>
    </Flex>
  );
};

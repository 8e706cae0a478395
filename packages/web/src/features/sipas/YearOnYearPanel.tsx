import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { LazyTable } from '../../components/lazyAntd';
import { Panel } from '../../components/Panel';
import { formatCount, formatPercent } from '../reports/format';
import type { SipasCampaignDetail } from './useSipas';

type Comparison = NonNullable<NonNullable<SipasCampaignDetail['yearOnYear']>['province']>;
type Line = Comparison['overall'];
type Side = Line['current'];

const sideText = (side: Side) =>
  side ? (
    <span>
      <strong>{formatPercent(side.percent)}</strong>
      <br />
      <small>
        {formatCount(side.numerator)}/{formatCount(side.base)}
      </small>
    </span>
  ) : (
    '—'
  );

/** Points, always two decimals and signed: +5,40 / −1,25 / 0,00. */
const POINTS = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const differenceText = (value: number | null) =>
  value === null ? '—' : `${value > 0 ? '+' : value < 0 ? '−' : ''}${POINTS.format(Math.abs(value))}`;

/**
 * Last year's published index beside this campaign's (issue 18 item 3): per factor and overall, each figure
 * with its satisfied/valid answers, and the change in percentage points. Province-wide readers only (the
 * API leaves the province comparison out for an agency's readers).
 */
export const YearOnYearPanel = ({ data }: { data: SipasCampaignDetail }) => {
  const { t, i18n } = useTranslation();
  const yoy = data.yearOnYear;
  const year = data.campaign.year;
  if (!yoy) {
    return (
      <Panel title={t('sipas.console.yoy_title', { year: year - 1 })} level={3}>
        <p style={{ margin: 0 }}>{t('sipas.console.yoy_none', { year: year - 1 })}</p>
      </Panel>
    );
  }
  if (!yoy.province) {
    return null;
  }
  const before = yoy.previousCampaign.year;
  const english = i18n.language === 'en';
  const names = new Map<string, string>([
    ...yoy.previousFactorNames.map((f) => [f.key, english ? f.en : f.vi] as [string, string]),
    ...data.questionnaire.definition.factors.map((f) => [f.key, english && f.en ? f.en : f.vi] as [string, string]),
  ]);
  const rows = [
    ...yoy.province.factors.map((line) => ({ ...line, name: names.get(line.key) ?? line.key })),
    { ...yoy.province.overall, name: t('sipas.console.yoy_overall') },
  ];
  const columns: ColumnsType<(typeof rows)[number]> = [
    {
      key: 'name',
      title: t('sipas.console.yoy_factor'),
      render: (_, r) => (r.key === 'overall' ? <strong>{r.name}</strong> : r.name),
    },
    {
      key: 'previous',
      title: t('sipas.console.yoy_year', { year: before }),
      align: 'right',
      render: (_, r) => sideText(r.previous),
    },
    {
      key: 'current',
      title: t('sipas.console.yoy_year', { year }),
      align: 'right',
      render: (_, r) => sideText(r.current),
    },
    {
      key: 'difference',
      title: t('sipas.console.yoy_difference'),
      align: 'right',
      render: (_, r) => differenceText(r.difference),
    },
  ];
  return (
    <Panel title={t('sipas.console.yoy_title', { year: before })} level={3}>
      <p style={{ marginTop: 0 }}>
        {t('sipas.console.yoy_intro', { year: before, title: yoy.previousCampaign.title })}
      </p>
      <div data-testid="sipas-year-on-year">
        <LazyTable
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: true }}
        />
      </div>
    </Panel>
  );
};

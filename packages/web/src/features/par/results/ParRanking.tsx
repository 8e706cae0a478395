import { formatParIndex, formatParPoints, toRoman } from '@motcua/domain';
import { Button, Empty, Flex, Segmented, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LazyModal, LazyTable } from '../../../components/lazyAntd';
import { Panel } from '../../../components/Panel';
import { Text } from '../../../components/typography';
import '../../../i18n/par-results';
import { EChart } from '../../reports/EChart';
import { type ParResultGroup, type ParResultUnit, useParUnitProfile } from './useParResults';

type Lang = 'vi' | 'en';

const bandColor = (band: string | null) =>
  band === 'A' || band === 'Tốt' ? 'green' : band === 'B' || band === 'Khá' ? 'blue' : band ? 'orange' : 'default';

/** The index of a unit in an area (or in total), for the chart; null where the area does not apply. */
const indexIn = (unit: ParResultUnit, area: string): number | null =>
  area === 'total' ? unit.indexBp : (unit.areas.find((a) => a.code === area)?.indexBp ?? null);

/** Bar chart of every unit's index in one area (or in total), exportable as an image. */
const AreaChart = ({ group, lang }: { group: ParResultGroup; lang: Lang }) => {
  const { t } = useTranslation();
  const [area, setArea] = useState('total');
  const units = [...group.units].reverse();
  const option = useMemo(
    () => ({
      animationDuration: 300,
      grid: { left: 8, right: 48, top: 36, bottom: 8, containLabel: true },
      toolbox: {
        feature: {
          saveAsImage: { title: t('parResults.saveImage'), name: `chi-so-cchc-${group.unitGroup}-${area}` },
        },
      },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      yAxis: {
        type: 'category',
        data: units.map((u) => u.unitName.replace(/ tỉnh .*$/, '')),
        axisLabel: { width: 150, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: units.map((u) => {
            const value = indexIn(u, area);
            return value === null ? null : value / 100;
          }),
          label: {
            show: true,
            position: 'right',
            formatter: ({ value }: { value: number }) => `${value.toFixed(2).replace('.', ',')}`,
          },
          itemStyle: { color: '#a8071a' },
        },
      ],
    }),
    [units, area, group.unitGroup, t],
  );
  return (
    <Flex vertical gap={8}>
      <Segmented
        size="small"
        value={area}
        onChange={(value) => setArea(String(value))}
        options={[
          { value: 'total', label: lang === 'vi' ? 'Tổng' : 'Total' },
          ...group.areas.map((a) => ({ value: a.code, label: `${t('parResults.area')} ${a.code}`, title: a.title })),
        ]}
        style={{ flexWrap: 'wrap', maxWidth: '100%', overflowX: 'auto' }}
      />
      <Text type="secondary" style={{ fontSize: 13 }}>
        {area === 'total' ? '' : group.areas.find((a) => a.code === area)?.title}
      </Text>
      <EChart
        option={option}
        height={Math.max(220, group.units.length * 30 + 60)}
        label={t('parResults.chartLabel', { group: group.label[lang] })}
      />
    </Flex>
  );
};

/** A unit's published results over the years: rank moves and index, newest first. */
export const UnitProfileModal = ({ agencyId, onClose }: { agencyId: string | undefined; onClose: () => void }) => {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const profile = useParUnitProfile(agencyId);
  const years = profile.data?.years ?? [];
  const option = useMemo(
    () => ({
      animationDuration: 300,
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: [...years].reverse().map((y) => String(y.year)) },
      yAxis: { type: 'value', max: 100 },
      series: [{ type: 'line', data: [...years].reverse().map((y) => y.indexBp / 100), label: { show: true } }],
    }),
    [years],
  );
  return (
    <LazyModal
      open={agencyId !== undefined}
      onCancel={onClose}
      footer={null}
      title={t('parResults.profileOf', { name: profile.data?.unitName ?? '' })}
      width={640}
    >
      {years.length > 1 ? <EChart option={option} height={200} label={t('parResults.profile')} /> : null}
      <ul data-testid="par-profile" style={{ paddingLeft: 18 }}>
        {years.map((y) => (
          <li key={y.year}>
            <strong>{y.year}</strong>: {formatParPoints(y.points)} / {formatParPoints(y.applicableMax)} —{' '}
            {formatParIndex(y.indexBp)} — {t('parResults.rankOf', { rank: toRoman(y.rank), of: y.groupSize })}
            {y.band ? ` — ${y.band}` : ''} — {y.rankPhrase[lang]}
          </li>
        ))}
      </ul>
    </LazyModal>
  );
};

/** The ranking tables of every unit group with the chart per area, and a unit's profile on click. */
export const ParRanking = ({ groups, narrow }: { groups: ParResultGroup[]; narrow: boolean }) => {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const [profileOf, setProfileOf] = useState<string | undefined>();
  if (groups.length === 0) {
    return <Empty description={t('parResults.noPublished')} />;
  }
  return (
    <Flex vertical gap={16}>
      {groups.map((group) => {
        const columns: ColumnsType<ParResultUnit> = [
          {
            key: 'rank',
            title: t('parResults.col.rank'),
            width: 64,
            align: 'center',
            render: (_, u) => toRoman(u.rank),
          },
          {
            key: 'unit',
            title: t('parResults.col.unit'),
            render: (_, u) => (
              <Flex vertical gap={2}>
                <Button
                  type="link"
                  style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                  onClick={() => setProfileOf(u.agencyId)}
                >
                  {u.unitName}
                </Button>
                {narrow ? (
                  <Text type="secondary" style={{ fontSize: 12 }}>
                    {formatParPoints(u.points)} / {formatParPoints(u.applicableMax)} · {u.change.rankPhrase[lang]}
                  </Text>
                ) : null}
              </Flex>
            ),
          },
          ...(narrow
            ? []
            : group.areas.map((area) => ({
                key: `area-${area.code}`,
                title: <span title={area.title}>{`LV ${area.code}`}</span>,
                align: 'right' as const,
                width: 64,
                render: (_: unknown, u: ParResultUnit) => {
                  const points = u.areas.find((a) => a.code === area.code);
                  return points && points.applicableMax > 0 ? formatParPoints(points.points) : '—';
                },
              }))),
          ...(narrow
            ? []
            : [
                {
                  key: 'points',
                  title: t('parResults.col.points'),
                  align: 'right' as const,
                  render: (_: unknown, u: ParResultUnit) => (
                    <span>
                      <strong>{formatParPoints(u.points)}</strong>
                      <Text type="secondary"> / {formatParPoints(u.applicableMax)}</Text>
                    </span>
                  ),
                },
              ]),
          {
            key: 'index',
            title: t('parResults.col.index'),
            align: 'right',
            render: (_, u) => formatParIndex(u.indexBp),
          },
          {
            key: 'band',
            title: t('parResults.col.band'),
            render: (_, u) => (u.band ? <Tag color={bandColor(u.band)}>{u.band}</Tag> : null),
          },
          ...(narrow
            ? []
            : [
                {
                  key: 'change',
                  title: t('parResults.col.change'),
                  render: (_: unknown, u: ParResultUnit) => u.change.rankPhrase[lang],
                },
              ]),
        ];
        return (
          <Panel
            key={group.unitGroup}
            title={group.label[lang]}
            titleId={`par-group-${group.unitGroup}`}
            data-testid={`par-ranking-${group.unitGroup}`}
          >
            <LazyTable<ParResultUnit>
              rowKey="agencyId"
              size="small"
              pagination={false}
              columns={columns}
              dataSource={group.units}
              scroll={narrow ? undefined : { x: 'max-content' }}
            />
            <h3 style={{ fontSize: 16, margin: '16px 0 8px' }}>{t('parResults.chart')}</h3>
            <AreaChart group={group} lang={lang} />
          </Panel>
        );
      })}
      <UnitProfileModal agencyId={profileOf} onClose={() => setProfileOf(undefined)} />
    </Flex>
  );
};

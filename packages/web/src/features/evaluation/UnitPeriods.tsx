import { EVALUATION_BAND_LABELS, EVALUATION_BANDS, EVALUATION_SHEET_STATUS_LABELS } from '@motcua/domain';
import { Button, Flex, InputNumber, Radio } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import '../../i18n/evaluation';
import { AgencySelect } from '../../components/AgencySelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LazySelect } from '../../components/lazyAntd';
import { useConsoleMessage } from '../../components/MessageProvider';
import { Panel } from '../../components/Panel';
import { Text, Title } from '../../components/typography';
import { agenciesWithRole, hasRole, useMe } from '../auth/useMe';
import { hundredths, periodName } from './SheetView';
import {
  evaluationCsdlCsvUrl,
  evaluationResultsUrl,
  useMySheets,
  usePeriodChanges,
  usePeriodQuota,
  usePeriodSheets,
  usePeriods,
} from './useEvaluation';

type Lang = 'vi' | 'en';

/**
 * The agency's periods for the heads and the personnel officer: open a period, gather, close, the unit's own band,
 * the quota (how many may be "xuất sắc", who is over), the sheets of their units, the head's decision, the exports.
 * Loaded only when its tab is chosen.
 */
export const UnitPeriods = () => {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const message = useConsoleMessage();
  const me = useMe().data;
  const mine = useMySheets();
  const isOfficer = hasRole(me, 'personnel_officer');
  const isHead = hasRole(me, 'agency_head');
  // The agencies whose periods the reader follows: those of their evaluation roles, and the agency of their own sheets.
  const initial = useMemo(() => {
    const own = agenciesWithRole(me, 'personnel_officer', 'agency_head', 'unit_head');
    return own;
  }, [me]);
  const [agency, setAgency] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!agency) {
      const fromSheet = mine.data?.items[0]?.agencyId;
      const first = isOfficer || isHead ? initial[0]?.id : (fromSheet ?? initial[0]?.id);
      if (first) {
        setAgency(first);
      }
    }
  }, [agency, initial, mine.data, isOfficer, isHead]);
  const periods = usePeriods(agency);
  const [periodId, setPeriodId] = useState<string | undefined>(undefined);
  const list = periods.data?.items ?? [];
  const period = list.find((p) => p.id === periodId) ?? list[0];
  const sheets = usePeriodSheets(period?.id);
  const quota = usePeriodQuota(period?.id, isOfficer || isHead);
  const changes = usePeriodChanges();
  const [draft, setDraft] = useState({
    kind: 'quarter' as 'month' | 'quarter' | 'year',
    year: new Date().getFullYear(),
    number: 1,
  });
  const error = changes.open.error ?? changes.gather.error ?? changes.change.error ?? changes.decide.error;
  const nameOf = new Map((sheets.data?.items ?? []).map((s) => [s.id, s.fullName ?? '']));

  return (
    <Flex vertical gap={16}>
      <Panel>
        <Flex gap={12} wrap align="end">
          <label htmlFor="evaluation-agency" style={{ display: 'flex', flexDirection: 'column', gap: 4, minWidth: 0 }}>
            <span>{t('evaluation.agency')}</span>
            <AgencySelect
              id="evaluation-agency"
              value={agency}
              onChange={(value) => {
                setAgency(value);
                setPeriodId(undefined);
              }}
              initialOptions={initial}
              placeholder={t('evaluation.chooseAgency')}
              style={{ width: 320, maxWidth: '100%' }}
            />
          </label>
          {list.length > 0 ? (
            <label htmlFor="evaluation-period" style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
              <span>{t('evaluation.period')}</span>
              <LazySelect<string>
                id="evaluation-period"
                style={{ width: 240, maxWidth: '100%' }}
                value={period?.id}
                onChange={setPeriodId}
                placeholder={t('evaluation.choosePeriod')}
                options={list.map((p) => ({
                  value: p.id,
                  label: `${periodName(p.kind, p.year, p.number, lang)} — ${p.status === 'open' ? t('evaluation.periodOpen') : t('evaluation.periodClosed')}`,
                }))}
              />
            </label>
          ) : null}
        </Flex>
        {periods.isError ? <ErrorAlert error={periods.error} /> : null}
        {periods.data && list.length === 0 ? <Text type="secondary">{t('evaluation.noPeriods')}</Text> : null}
      </Panel>
      {error ? <ErrorAlert error={error} /> : null}

      {isOfficer && agency ? (
        <Panel title={t('evaluation.openPeriod')} level={2}>
          <Flex gap={12} wrap align="end">
            <Radio.Group
              aria-label={t('evaluation.kind')}
              optionType="button"
              value={draft.kind}
              onChange={(event) =>
                setDraft((d) => ({ ...d, kind: event.target.value, number: event.target.value === 'year' ? 0 : 1 }))
              }
              options={[
                { value: 'month', label: t('evaluation.month') },
                { value: 'quarter', label: t('evaluation.quarter') },
                { value: 'year', label: t('evaluation.year') },
              ]}
            />
            <InputNumber
              aria-label={t('evaluation.year')}
              min={2000}
              max={2200}
              value={draft.year}
              onChange={(v) => setDraft((d) => ({ ...d, year: v ?? d.year }))}
            />
            {draft.kind !== 'year' ? (
              <InputNumber
                aria-label={t('evaluation.number')}
                min={1}
                max={draft.kind === 'month' ? 12 : 4}
                value={draft.number}
                onChange={(v) => setDraft((d) => ({ ...d, number: v ?? d.number }))}
              />
            ) : null}
            <Button
              loading={changes.open.isPending}
              onClick={() =>
                changes.open.mutate({ agencyId: agency, ...draft }, { onSuccess: (opened) => setPeriodId(opened.id) })
              }
            >
              {t('evaluation.create')}
            </Button>
          </Flex>
        </Panel>
      ) : null}

      {period ? (
        <Panel
          title={`${periodName(period.kind, period.year, period.number, lang)} (${period.startsOn.split('-').reverse().join('/')} – ${period.endsOn.split('-').reverse().join('/')})`}
          level={2}
        >
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            {isOfficer && period.status === 'open' ? (
              <Button
                type="primary"
                loading={changes.gather.isPending}
                onClick={() =>
                  changes.gather.mutate(period.id, {
                    onSuccess: (result) => void message.success(t('evaluation.gathered', result)),
                  })
                }
              >
                {t('evaluation.gather')}
              </Button>
            ) : null}
            {isHead ? (
              <Button
                type="primary"
                loading={changes.decide.isPending}
                onClick={() =>
                  changes.decide.mutate(period.id, {
                    onSuccess: (result) => void message.success(t('evaluation.decided', { count: result.decided })),
                  })
                }
              >
                {t('evaluation.decidePeriod')}
              </Button>
            ) : null}
            {isOfficer && period.status === 'open' ? (
              <Button onClick={() => changes.change.mutate({ periodId: period.id, close: true })}>
                {t('evaluation.closePeriod')}
              </Button>
            ) : null}
            <Button href={evaluationResultsUrl(period.id)}>{t('evaluation.exportXlsx')}</Button>
            {isOfficer ? <Button href={evaluationCsdlCsvUrl(period.id)}>{t('evaluation.exportCsv')}</Button> : null}
          </Flex>
          {isOfficer ? (
            <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
              <span>{t('evaluation.unitBand')}:</span>
              <LazySelect<string>
                aria-label={t('evaluation.unitBand')}
                style={{ width: 260, maxWidth: '100%' }}
                value={period.unitBand ?? ''}
                onChange={(value) =>
                  changes.change.mutate({
                    periodId: period.id,
                    unitBand: value === '' ? null : (value as (typeof EVALUATION_BANDS)[number]),
                  })
                }
                options={[
                  { value: '', label: '—' },
                  ...EVALUATION_BANDS.map((b) => ({ value: b, label: EVALUATION_BAND_LABELS[b][lang] })),
                ]}
              />
            </Flex>
          ) : null}
          {quota.data ? (
            <div data-testid="evaluation-quota" style={{ marginBottom: 12 }}>
              <Title level={3} style={{ fontSize: 16 }}>
                {t('evaluation.quota')}
              </Title>
              {quota.data.groups.map((group) => (
                <div key={group.groupCode} style={{ marginBottom: 8 }}>
                  <Text>
                    {t('evaluation.quotaLine', {
                      group: group.groupCode,
                      places: group.places,
                      percent: group.percent,
                      base: group.base,
                      proposed: group.ranked.length,
                    })}
                  </Text>
                  <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                    {group.ranked.map((id, index) => (
                      <li key={id}>
                        {group.rankedNames[index] ?? nameOf.get(id) ?? id} —{' '}
                        {group.demoted.includes(id) ? (
                          <Text type="danger">{t('evaluation.over')}</Text>
                        ) : (
                          t('evaluation.kept')
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          ) : null}
          <Title level={3} style={{ fontSize: 16 }}>
            {t('evaluation.sheets')}
          </Title>
          {sheets.isError ? <ErrorAlert error={sheets.error} /> : null}
          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="period-sheets">
            {(sheets.data?.items ?? []).map((s) => (
              <li key={s.id} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
                <Link to={`/can-bo/danh-gia/phieu/${s.id}`}>{s.fullName ?? s.userId}</Link>
                <Text type="secondary"> · {s.unitName ?? ''}</Text>
                <div>
                  <Text style={{ fontSize: 13 }}>
                    {EVALUATION_SHEET_STATUS_LABELS[s.status][lang]} · {t('evaluation.totalPoints')}:{' '}
                    {hundredths(s.totalPoints, lang)} · {t('evaluation.proposedBand')}:{' '}
                    {s.proposedBand ? EVALUATION_BAND_LABELS[s.proposedBand][lang] : '—'}
                    {s.band ? ` · ${t('evaluation.band')}: ${EVALUATION_BAND_LABELS[s.band][lang]}` : ''}
                  </Text>
                </div>
              </li>
            ))}
          </ul>
        </Panel>
      ) : null}
    </Flex>
  );
};

import { EVALUATION_SHEET_STATUS_LABELS } from '@motcua/domain';
import { Flex, Radio } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import '../../i18n/evaluation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LazySelect } from '../../components/lazyAntd';
import { PageLoading } from '../../components/PageLoading';
import { Text, Title } from '../../components/typography';
import { hasRole, useMe } from '../auth/useMe';
import { periodName, SheetView } from './SheetView';
import { useMySheets } from './useEvaluation';

type Lang = 'vi' | 'en';

const UnitPeriods = lazy(() => import('./UnitPeriods').then((m) => ({ default: m.UnitPeriods })));

/**
 * "Đánh giá, xếp loại": the official's own sheet of the open period (figures, items, self-assessment), and for
 * the heads and the personnel officer the agency's periods — the sheets of their units, the quota, gathering,
 * closing, the head's decision and the exports.
 */
export const EvaluationPage = () => {
  const { t } = useTranslation();
  const me = useMe().data;
  const manages = hasRole(me, 'unit_head', 'agency_head', 'personnel_officer');
  const [tab, setTab] = useState<'mine' | 'unit'>('mine');
  useEffect(() => {
    document.title = `${t('evaluation.title')} — motcua`;
  }, [t]);
  return (
    <Flex vertical gap={16}>
      <Title level={1} style={{ fontSize: 24 }}>
        {t('evaluation.title')}
      </Title>
      <Text type="secondary">{t('evaluation.intro')}</Text>
      {manages ? (
        <Link to="/can-bo/danh-gia/cau-hinh" data-testid="evaluation-settings-link">
          {t('evaluation.settingsLink')}
        </Link>
      ) : null}
      {manages ? (
        <Radio.Group
          optionType="button"
          value={tab}
          onChange={(event) => setTab(event.target.value as 'mine' | 'unit')}
          options={[
            { value: 'mine', label: t('evaluation.mine') },
            { value: 'unit', label: t('evaluation.unitTab') },
          ]}
        />
      ) : null}
      {tab === 'mine' ? (
        <MySheet />
      ) : (
        <Suspense fallback={<PageLoading />}>
          <UnitPeriods />
        </Suspense>
      )}
    </Flex>
  );
};

const MySheet = () => {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const mine = useMySheets();
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  if (mine.isPending) {
    return <PageLoading />;
  }
  if (mine.isError) {
    return <ErrorAlert error={mine.error} />;
  }
  const items = mine.data.items;
  if (items.length === 0) {
    return <Text>{t('evaluation.noSheet')}</Text>;
  }
  const id = chosen ?? items[0]?.id;
  return (
    <Flex vertical gap={12}>
      {items.length > 1 ? (
        <label htmlFor="my-period" style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          <span>{t('evaluation.period')}</span>
          <LazySelect<string>
            id="my-period"
            style={{ width: 280, maxWidth: '100%' }}
            value={id}
            onChange={setChosen}
            options={items.map((s) => ({
              value: s.id,
              label: `${periodName(s.periodKind, s.periodYear, s.periodNumber, lang)} — ${EVALUATION_SHEET_STATUS_LABELS[s.status][lang]}`,
            }))}
          />
        </label>
      ) : null}
      {id ? <SheetView id={id} /> : null}
    </Flex>
  );
};

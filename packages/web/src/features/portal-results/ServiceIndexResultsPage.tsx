import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { usePortalSettings } from '../portal/usePortalSettings';
import { ResultsNav } from './ResultsNav';
import { AgencyPercentChart, ResultsLayout, ResultsTable, resultCell, resultNameCell } from './ResultsParts';
import { publicResultUrl, usePublicPeriods, usePublicServiceIndex } from './usePublicResults';

/** The Decision 766 ranking of the province's agencies (`/ket-qua/chi-so-766`): chart, table with bases, Excel. */
export const ServiceIndexResultsPage = () => {
  const { t } = useTranslation();
  const settings = usePortalSettings();
  const province = settings.data?.site?.provinceCode ?? settings.data?.provinces[0]?.code;
  const periods = usePublicPeriods(province);
  const [choice, setChoice] = useState<string | undefined>();
  const period = choice ?? periods.data?.periods[0]?.value;
  const data = usePublicServiceIndex(province, period);

  return (
    <ResultsLayout
      title={t('portalResults.indexTitle')}
      intro={t('portalResults.indexIntro')}
      nav={<ResultsNav periods={periods.data?.periods ?? []} period={period} onPeriod={setChoice} />}
    >
      {periods.data && periods.data.periods.length === 0 ? (
        <Alert type="info" message={t('portalResults.none')} />
      ) : null}
      {data.isPending && period !== undefined ? <PageLoading /> : null}
      {data.isError ? <Alert type="error" message={t('portalResults.loadError')} /> : null}
      {data.data && province && period ? (
        <>
          <Panel>
            <AgencyPercentChart
              rows={data.data.units.map((u) => ({
                name: u.name,
                percent: u.rank === null ? null : u.percentOfAvailable,
              }))}
              color="#1d5c96"
              label={t('portalResults.indexChart')}
            />
            <Button
              style={{ marginTop: 12 }}
              icon={<DownloadOutlined />}
              href={publicResultUrl('service-index.xlsx', province, period)}
              data-testid="download-xlsx"
            >
              {t('portalResults.xlsx')}
            </Button>
          </Panel>
          <ResultsTable
            caption={data.data.period.label.vi}
            head={
              <>
                <th scope="col" style={resultCell}>
                  {t('portalResults.rank')}
                </th>
                <th scope="col" style={{ ...resultCell, textAlign: 'left' }}>
                  {t('portalResults.agency')}
                </th>
                <th scope="col" style={resultCell}>
                  {t('portalResults.score')}
                </th>
              </>
            }
          >
            {data.data.units.map((u) => (
              <tr key={u.agencyId ?? u.name}>
                <td style={resultCell}>{u.rank ?? '—'}</td>
                <th scope="row" style={resultNameCell}>
                  {u.name}
                  {u.rank === null ? (
                    <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.68)' }}>{t('portalResults.unranked')}</div>
                  ) : null}
                </th>
                <td style={resultCell}>{u.basis}</td>
              </tr>
            ))}
          </ResultsTable>
        </>
      ) : null}
    </ResultsLayout>
  );
};

import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Panel';
import { AgencyPercentChart, PeriodResultsLayout, ResultsTable, resultCell, resultNameCell } from './ResultsParts';
import { publicResultUrl, usePublicPeriodChoice, usePublicServiceIndex } from './usePublicResults';

/** The Decision 766 ranking of the province's agencies (`/ket-qua/chi-so-766`): chart, table with bases, Excel. */
export const ServiceIndexResultsPage = () => {
  const { t } = useTranslation();
  const choice = usePublicPeriodChoice();
  const data = usePublicServiceIndex(choice.province, choice.period);

  return (
    <PeriodResultsLayout
      title={t('portalResults.indexTitle')}
      intro={t('portalResults.indexIntro')}
      choice={choice}
      figures={data}
    >
      {(figures, province, period) => (
        <>
          <Panel>
            <AgencyPercentChart
              rows={figures.units.map((u) => ({
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
            caption={figures.period.label.vi}
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
            {figures.units.map((u) => (
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
      )}
    </PeriodResultsLayout>
  );
};

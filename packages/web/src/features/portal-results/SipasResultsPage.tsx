import { Alert, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { usePortalSettings } from '../portal/usePortalSettings';
import { ResultsNav } from './ResultsNav';
import { AgencyPercentChart, ResultsLayout, ResultsTable, resultCell, resultNameCell } from './ResultsParts';
import { usePublicSipas } from './usePublicResults';

/** The province's latest published SIPAS satisfaction survey (`/ket-qua/sipas`): chart and table with bases. */
export const SipasResultsPage = () => {
  const { t } = useTranslation();
  const settings = usePortalSettings();
  const province = settings.data?.site?.provinceCode ?? settings.data?.provinces[0]?.code;
  const data = usePublicSipas(province);

  return (
    <ResultsLayout
      title={t('portalResults.sipasTitle')}
      nav={<ResultsNav periods={[]} period={undefined} onPeriod={() => undefined} />}
    >
      {data.isPending && province !== undefined ? <PageLoading /> : null}
      {data.isError ? <Alert type="info" message={t('portalResults.sipasNone')} /> : null}
      {data.data ? (
        <>
          <Panel>
            <Flex gap={8} wrap align="center">
              <strong>{data.data.campaign.title}</strong>
              {data.data.campaign.isDemo ? <SoftTag tone="warning">{t('portalResults.demo')}</SoftTag> : null}
            </Flex>
            <p data-testid="public-sipas-overall">
              {t('portalResults.province')}: {data.data.overall.basis}
            </p>
            <AgencyPercentChart
              rows={data.data.agencies.map((a) => ({ name: a.name, percent: a.percent }))}
              color="#2f6b3a"
              label={t('portalResults.sipasChart')}
            />
          </Panel>
          <ResultsTable
            caption={data.data.campaign.title}
            head={
              <>
                <th scope="col" style={{ ...resultCell, textAlign: 'left' }}>
                  {t('portalResults.agency')}
                </th>
                <th scope="col" style={resultCell}>
                  {t('portalResults.responses')}
                </th>
                <th scope="col" style={resultCell}>
                  {t('portalResults.satisfaction')}
                </th>
              </>
            }
          >
            {data.data.agencies.map((a) => (
              <tr key={a.agencyId}>
                <th scope="row" style={resultNameCell}>
                  {a.name}
                </th>
                <td style={resultCell}>
                  {a.responses}/{a.sampleSize}
                </td>
                <td style={resultCell}>{a.basis}</td>
              </tr>
            ))}
          </ResultsTable>
        </>
      ) : null}
    </ResultsLayout>
  );
};

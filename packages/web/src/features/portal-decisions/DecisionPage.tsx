import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Flex, Grid, Tag } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import '../../i18n/portal-decisions';
import { formatDate } from '../../lib/format';
import { usePublishedDecision } from './usePortalDecisions';

const KIND_TONE = { new: 'success', amended: 'info', abolished: 'neutral' } as const;

/**
 * A published decision as a public notice: its number, dates and title, and the procedures it changed in its
 * order, each linked to the procedure's page — an abolished one marked, its page kept as history.
 */
export const DecisionPage = () => {
  const { id } = useParams();
  const { t } = useTranslation();
  const narrow = !Grid.useBreakpoint().md;
  const decision = usePublishedDecision(id);
  const d = decision.data;

  useEffect(() => {
    document.title = `${d ? `${t('portalDecisions.number')} ${d.number}` : t('portalDecisions.title')} — ${t('app.portalName')}`;
  }, [t, d]);

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1100, margin: '0 auto', padding: narrow ? 0 : 8 }}>
      <Link to="/quyet-dinh-cong-bo">
        <ArrowLeftOutlined aria-hidden /> {t('portalDecisions.back')}
      </Link>
      {decision.isPending ? <PageLoading /> : null}
      {decision.isError ? <Alert type="error" message={t('portalDecisions.notFound')} /> : null}
      {d ? (
        <Panel>
          <h1 style={{ fontSize: narrow ? 20 : 26, marginTop: 0 }} data-testid="decision-number">
            {t('portalDecisions.number')} {d.number}
          </h1>
          <p>{d.title}</p>
          <Flex gap={8} wrap style={{ marginBottom: 16 }}>
            <Tag>
              {t('portalDecisions.signedOn')}: {formatDate(d.signedOn)}
            </Tag>
            {d.effectiveOn ? (
              <Tag>
                {t('portalDecisions.effectiveOn')}: {formatDate(d.effectiveOn)}
              </Tag>
            ) : null}
            {d.signer ? <span>{d.signer}</span> : null}
          </Flex>
          <h2 style={{ fontSize: 18 }}>{t('portalDecisions.procedures')}</h2>
          <ol style={{ paddingInlineStart: 24, margin: 0 }} data-testid="decision-items">
            {d.items.map((item) => (
              <li key={item.position} style={{ padding: '8px 0', borderBottom: '1px solid #f3efeb' }}>
                <Flex gap={8} wrap align="center">
                  <SoftTag tone={KIND_TONE[item.changeKind]}>{item.changeLabel.vi}</SoftTag>
                  {item.pageUrl ? (
                    <Link to={item.pageUrl} style={item.abolished ? { textDecoration: 'line-through' } : undefined}>
                      {item.procedureName}
                    </Link>
                  ) : (
                    <span>{item.procedureName}</span>
                  )}
                  <span style={{ color: 'rgba(0,0,0,0.68)' }}>
                    ({t('portalDecisions.code')} {item.procedureCode})
                  </span>
                </Flex>
                {item.abolished ? (
                  <div style={{ color: 'rgba(0,0,0,0.68)', fontSize: 13 }} data-testid="abolished-note">
                    {t('portalDecisions.abolishedNote')}
                  </div>
                ) : null}
                {item.inCatalog ? null : (
                  <div style={{ color: 'rgba(0,0,0,0.68)', fontSize: 13 }}>{t('portalDecisions.notInCatalog')}</div>
                )}
              </li>
            ))}
          </ol>
        </Panel>
      ) : null}
    </Flex>
  );
};

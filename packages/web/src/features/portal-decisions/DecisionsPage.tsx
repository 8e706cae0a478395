import { Alert, Button, Flex, Grid, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import '../../i18n/portal-decisions';
import { formatDate } from '../../lib/format';
import { usePortalSettings } from '../portal/usePortalSettings';
import { usePublishedDecisions } from './usePortalDecisions';

/** The portal's list of published procedure decisions (`/quyet-dinh-cong-bo`), newest signature first. */
export const DecisionsPage = () => {
  const { t } = useTranslation();
  const narrow = !Grid.useBreakpoint().md;
  const settings = usePortalSettings();
  const province = settings.data?.site?.provinceCode ?? settings.data?.provinces[0]?.code;
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors.at(-1);
  const page = usePublishedDecisions(province, cursor);

  useEffect(() => {
    document.title = `${t('portalDecisions.title')} — ${t('app.portalName')}`;
  }, [t]);

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1100, margin: '0 auto', padding: narrow ? 0 : 8 }}>
      <h1 style={{ margin: 0, fontSize: narrow ? 22 : 28 }}>{t('portalDecisions.title')}</h1>
      <p style={{ margin: 0 }}>{t('portalDecisions.intro')}</p>
      {page.isPending && province !== undefined ? <PageLoading /> : null}
      {page.isError ? <Alert type="error" message={t('portalDecisions.loadError')} /> : null}
      {page.data && page.data.items.length === 0 ? <Alert type="info" message={t('portalDecisions.none')} /> : null}
      {page.data && page.data.items.length > 0 ? (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="decision-list">
          {page.data.items.map((d) => (
            <li key={d.id} style={{ marginBottom: 12 }}>
              <Panel>
                <h2 style={{ fontSize: 18, margin: 0 }}>
                  <Link to={`/quyet-dinh-cong-bo/${d.id}`}>
                    {t('portalDecisions.number')} {d.number}
                  </Link>
                </h2>
                <p style={{ margin: '6px 0' }}>{d.title}</p>
                <Flex gap={8} wrap>
                  <Tag>
                    {t('portalDecisions.signedOn')}: {formatDate(d.signedOn)}
                  </Tag>
                  {d.effectiveOn ? (
                    <Tag>
                      {t('portalDecisions.effectiveOn')}: {formatDate(d.effectiveOn)}
                    </Tag>
                  ) : null}
                  <span>{t('portalDecisions.counts', d.counts)}</span>
                </Flex>
              </Panel>
            </li>
          ))}
        </ul>
      ) : null}
      {page.data?.nextCursor ? (
        <Button onClick={() => setCursors((list) => [...list, page.data?.nextCursor ?? undefined])}>
          {t('portalDecisions.more')}
        </Button>
      ) : null}
    </Flex>
  );
};

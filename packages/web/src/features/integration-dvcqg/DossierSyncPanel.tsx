import { Button, Flex, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/integration-dvcqg';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConsoleMessage } from '../../components/MessageProvider';
import { Panel } from '../../components/Panel';
import { Text } from '../../components/typography';
import { type DossierDvcqgSync, useDossierDvcqgAction, useDossierDvcqgSync } from './useDvcqg';

const instantVi = (at: string | null) =>
  at ? `${at.slice(8, 10)}/${at.slice(5, 7)}/${at.slice(0, 4)} ${at.slice(11, 19)}` : null;

const STATE_KEY: Record<DossierDvcqgSync['state'], string> = {
  not_marked: 'dvcqg.stateNotMarked',
  pending: 'dvcqg.statePending',
  failing: 'dvcqg.stateFailing',
  parked: 'dvcqg.stateParked',
  synced: 'dvcqg.stateSynced',
};
const STATE_COLOR: Record<DossierDvcqgSync['state'], string> = {
  not_marked: 'default',
  pending: 'blue',
  failing: 'orange',
  parked: 'red',
  synced: 'green',
};

/**
 * "Đồng bộ Cổng DVCQG" on the dossier page (issue 21 item 2): the dossier's state at the national portal, the last
 * accepted message, the last error and the attempts; retry and re-send for the integration manager only.
 */
export const DossierSyncPanel = ({ code }: { code: string }) => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const sync = useDossierDvcqgSync(code);
  const act = useDossierDvcqgAction(code);
  const [showLog, setShowLog] = useState(false);
  const data = sync.data;
  if (sync.isError) {
    return null;
  }
  if (!data) {
    return null;
  }
  const run = (action: 'retry' | 'resend') =>
    act.mutate(action, { onSuccess: () => void message.success(t('dvcqg.resendDone')) });
  return (
    <Panel title={t('dvcqg.panelTitle')} data-testid="dossier-dvcqg-sync">
      <Flex vertical gap={8}>
        {data.syncEnabled ? null : <Text type="secondary">{t('dvcqg.panelSyncOff')}</Text>}
        <Flex gap={8} wrap align="center">
          <span>{t('dvcqg.panelState')}:</span>
          <Tag color={STATE_COLOR[data.state]} data-testid="dossier-dvcqg-state">
            {t(STATE_KEY[data.state] as 'dvcqg.statePending')}
          </Tag>
          {data.cursor ? (
            <Text type="secondary">
              {t('dvcqg.panelDelivered', { delivered: data.cursor.deliveredSeq, latest: data.latestSeq })}
            </Text>
          ) : null}
        </Flex>
        <div>
          {t('dvcqg.panelLastAccepted')}: {instantVi(data.lastAcceptedAt) ?? t('dvcqg.panelNever')}
        </div>
        {data.lastError ? (
          <Text type="danger">
            {t('dvcqg.lastError')} ({instantVi(data.lastError.at)}): {data.lastError.code ?? ''}{' '}
            {data.lastError.message ?? ''}
          </Text>
        ) : null}
        {act.isError ? <ErrorAlert error={act.error} /> : null}
        <Flex gap={8} wrap>
          {data.canResend && (data.state === 'parked' || data.state === 'failing') ? (
            <Button loading={act.isPending} onClick={() => run('retry')}>
              {t('dvcqg.retry')}
            </Button>
          ) : null}
          {data.canResend ? (
            <Button loading={act.isPending} disabled={!data.syncEnabled} onClick={() => run('resend')}>
              {t('dvcqg.resend')}
            </Button>
          ) : null}
          {data.log.length > 0 ? (
            <Button type="link" onClick={() => setShowLog((shown) => !shown)} aria-expanded={showLog}>
              {t('dvcqg.panelHistory')} ({data.log.length})
            </Button>
          ) : null}
        </Flex>
        {showLog ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {data.log.map((row) => (
              <li key={row.id}>
                {instantVi(row.at)} — {row.service} #{row.eventSeq}: {t(`dvcqg.${row.outcome}` as const)}
                {row.errorCode && row.outcome !== 'accepted'
                  ? ` (${row.errorCode}${row.message ? `: ${row.message}` : ''})`
                  : ''}
              </li>
            ))}
          </ul>
        ) : null}
      </Flex>
    </Panel>
  );
};

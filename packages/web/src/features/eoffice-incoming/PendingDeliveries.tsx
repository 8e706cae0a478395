import { Button, Empty, Flex } from 'antd';
import TextArea from 'antd/es/input/TextArea';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { Text } from '../../components/typography';
import { formatDateTime } from '../../lib/format';
import {
  type IncomingPendingDelivery,
  useAcceptDelivery,
  usePendingDeliveries,
  useRefuseDelivery,
} from './useIncoming';

/** One electronic delivery: register it, or return it to the sender with a reason (Art. 21(2)(b)). */
const DeliveryLine = ({
  item,
  onAccepted,
}: {
  item: IncomingPendingDelivery;
  onAccepted: (result: { id: string; number: number }) => void;
}) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const accept = useAcceptDelivery();
  const refuse = useRefuseDelivery();
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <li style={{ borderBottom: '1px solid #f0f0f0', padding: '10px 0' }} data-testid="incoming-delivery">
      <Flex justify="space-between" gap={8} wrap>
        <strong>
          {item.numberSymbol} · {item.senderName}
        </strong>
        <Flex gap={4} wrap>
          {item.urgency !== 'normal' ? <SoftTag tone="danger">{item.urgencyLabel[language]}</SoftTag> : null}
          {item.confidentiality !== 'normal' ? (
            <SoftTag tone="warning">{item.confidentialityLabel[language]}</SoftTag>
          ) : null}
        </Flex>
      </Flex>
      <div>{item.subject}</div>
      <Text type="secondary" style={{ fontSize: 13 }}>
        {item.documentTypeLabel[language]} · {t('incoming.deliveredAt')} {formatDateTime(item.deliveredAt)}
      </Text>
      <Flex gap={8} wrap style={{ marginTop: 6 }}>
        <Button
          type="primary"
          size="small"
          loading={accept.isPending}
          onClick={() =>
            accept.mutate(item, {
              onSuccess: (result) => onAccepted({ id: result.id, number: result.incomingNumber ?? 0 }),
            })
          }
        >
          {t('incoming.accept')}
        </Button>
        <Button size="small" danger onClick={() => setRefusing((open) => !open)}>
          {t('incoming.refuse')}
        </Button>
      </Flex>
      {refusing ? (
        <Flex vertical gap={6} style={{ marginTop: 8 }}>
          <TextArea
            rows={2}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            aria-label={t('incoming.refuseReason')}
            placeholder={t('incoming.refuseReason')}
            maxLength={2000}
          />
          <Button
            size="small"
            danger
            disabled={!reason.trim()}
            loading={refuse.isPending}
            onClick={() => refuse.mutate({ id: item.id, version: item.version, reason })}
            style={{ width: 'fit-content' }}
          >
            {t('incoming.refuseConfirm')}
          </Button>
        </Flex>
      ) : null}
      {accept.isError ? <ErrorAlert error={accept.error} /> : null}
      {refuse.isError ? <ErrorAlert error={refuse.error} /> : null}
    </li>
  );
};

/** The documents delivered electronically to the clerk's agencies and not yet registered or returned. */
export const PendingDeliveries = ({ onAccepted }: { onAccepted: (result: { id: string; number: number }) => void }) => {
  const { t } = useTranslation();
  const deliveries = usePendingDeliveries(true);
  const items = deliveries.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Panel title={t('incoming.pendingTitle')} level={2}>
      {deliveries.isError ? <ErrorAlert error={deliveries.error} onRetry={() => void deliveries.refetch()} /> : null}
      {deliveries.isSuccess && items.length === 0 ? <Empty description={t('incoming.pendingEmpty')} /> : null}
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((item) => (
          <DeliveryLine key={item.id} item={item} onAccepted={onAccepted} />
        ))}
      </ul>
      <LoadMoreButton pages={deliveries} label={t('incoming.more')} />
    </Panel>
  );
};

import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Flex, Timeline } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import '../../i18n/pakn';
import '../../i18n/pakn-console';
import { ErrorAlert } from '../../components/ErrorAlert';
import { lazyWidget } from '../../components/lazyWidget';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { Text, Title } from '../../components/typography';
import { formatDateTime } from '../../lib/format';
import { paknAnswerPdfUrl, usePakn } from './usePakn';

/* Loaded after the page shows, fetched at once (issue 16: a console page's first load ≤ 300 KB gzip). */
const ActionForm = lazyWidget(() => import('./PaknActionForm').then((m) => ({ default: m.PaknActionForm })));

/** One PAKN: what it is about, who sent it, where it stands, its deadlines, the answer and its history. */
export const PaknEntryPage = () => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const { code = '' } = useParams();
  const entry = usePakn(code);
  useEffect(() => {
    document.title = `${code} — ${t('pakn.inboxTitle')}`;
  }, [t, code]);
  if (entry.isPending) {
    return <PageLoading />;
  }
  if (entry.isError) {
    return <ErrorAlert error={entry.error} onRetry={() => void entry.refetch()} />;
  }
  const e = entry.data;
  const fact = (label: string, value: React.ReactNode) =>
    value ? (
      <>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </>
    ) : null;
  return (
    <Flex vertical gap={16}>
      <Link to="/can-bo/pakn">← {t('pakn.inboxTitle')}</Link>
      <Flex gap={8} align="center" wrap>
        <Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {e.code}
        </Title>
        <SoftTag>
          <span data-testid="pakn-status">{e.statusLabel[language]}</span>
        </SoftTag>
        {e.isDemo ? <SoftTag>{t('pakn.demo')}</SoftTag> : null}
      </Flex>
      {e.clockStopped ? <p role="note">{t('pakn.clockStopped')}</p> : null}
      <Panel>
        <dl className="facts">
          {fact(t('pakn.regulation'), e.regulation + (e.procedureCode ? ` (${e.procedureCode})` : ''))}
          {fact(t('pakn.content'), <span style={{ whiteSpace: 'pre-wrap' }}>{e.content}</span>)}
          {fact(t('pakn.sender'), `${e.sender.name} — ${e.sender.address}`)}
          {fact(t('pakn.contact'), [e.sender.phone, e.sender.email].filter(Boolean).join(' · '))}
          {fact(t('pakn.channel'), e.channelLabel[language])}
          {fact(t('pakn.receivedAt'), formatDateTime(e.receivedAt))}
          {fact(t('pakn.receivingAgency'), e.receivingAgencyName)}
          {fact(t('pakn.agency'), e.agencyName)}
          {fact(t('pakn.category'), e.categoryLabel?.[language])}
          {fact(t('pakn.classifyDueAt'), e.classifyDueAt ? formatDateTime(e.classifyDueAt) : null)}
          {fact(t('pakn.answerDueAt'), e.answerDueAt ? formatDateTime(e.answerDueAt) : null)}
          {fact(t('pakn.answeredAt'), e.answeredAt ? formatDateTime(e.answeredAt) : null)}
          {fact(t('pakn.timeliness'), e.timeliness.label[language])}
          {fact(t('pakn.outcomeNote'), e.outcomeNote)}
          {fact(t('pakn.rating'), e.rating ? t(`pakn.rating_${e.rating}`) : null)}
        </dl>
      </Panel>
      {e.answerText ? (
        <Panel title={t('pakn.answer')} level={2}>
          <p style={{ whiteSpace: 'pre-wrap' }} data-testid="pakn-answer">
            {e.answerText}
          </p>
          <Button icon={<FilePdfOutlined aria-hidden />} href={paknAnswerPdfUrl(e.code)} target="_blank">
            {t('pakn.answerPdf')}
          </Button>
        </Panel>
      ) : null}
      <ActionForm entry={e} />
      <Panel title={t('pakn.history')} level={2}>
        <Timeline
          items={e.events.map((event) => ({
            key: event.seq,
            children: (
              <div>
                <Text strong>{event.toStatusLabel?.[language] ?? event.toStatus}</Text>{' '}
                <Text type="secondary">
                  {formatDateTime(event.at)}
                  {event.agencyName ? ` · ${event.agencyName}` : ''}
                </Text>
                {event.note ? <div style={{ whiteSpace: 'pre-wrap' }}>{event.note}</div> : null}
              </div>
            ),
          }))}
        />
      </Panel>
    </Flex>
  );
};

import { useInfiniteQuery } from '@tanstack/react-query';
import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { Panel } from '../../components/Panel';
import { formatDate } from '../reports/format';
import { fetchSipasConsentedResponses } from './useSipas';

/**
 * The answers whose respondents agreed to be identified and contacted (issue 18 item 6): the contact they
 * gave and their answers in words. Every other answer is anonymous and shown in the figures only.
 */
export const ConsentedResponsesPanel = ({ campaignId }: { campaignId: string }) => {
  const { t } = useTranslation();
  const list = useInfiniteQuery({
    queryKey: ['sipas-consented', campaignId],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => fetchSipasConsentedResponses(campaignId, pageParam, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const channel = (mode: string) =>
    mode === 'paper'
      ? t('sipas.console.paper')
      : mode === 'phone'
        ? t('sipas.console.phone')
        : t('sipas.console.online');
  return (
    <Panel title={t('sipas.console.consented_title')} level={3}>
      <p style={{ marginTop: 0 }}>{t('sipas.console.consented_intro')}</p>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.isSuccess && items.length === 0 ? <p>{t('sipas.console.consented_none')}</p> : null}
      <Flex vertical gap={12} data-testid="sipas-consented">
        {items.map((item) => (
          <details key={item.id} style={{ borderTop: '1px solid #eee', paddingTop: 8 }}>
            <summary>
              <strong>{item.contact.name}</strong>
              {item.contact.phone ? ` · ${item.contact.phone}` : ''}
              {item.contact.email ? ` · ${item.contact.email}` : ''} — {item.agencyName} ({formatDate(item.answeredOn)},{' '}
              {channel(item.mode)})
            </summary>
            <ul style={{ marginBottom: 0 }}>
              {item.answers.map((answer) => (
                <li key={answer.key}>
                  {answer.question}: <strong>{answer.answer}</strong>
                </li>
              ))}
            </ul>
          </details>
        ))}
      </Flex>
      <LoadMoreButton pages={list} label={t('sipas.console.consented_more')} style={{ marginTop: 12 }} />
    </Panel>
  );
};

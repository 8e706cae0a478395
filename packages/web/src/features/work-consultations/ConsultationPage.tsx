import { Button, Empty, Flex } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import '../../i18n/work-consultations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { Text, Title } from '../../components/typography';
import { formatDateTime } from '../../lib/format';
import { statusTone } from './consultation-status';
import {
  type ConsultationDetail,
  draftUrl,
  summaryPdfUrl,
  summaryXlsxUrl,
  useConsultation,
  useConsultationStep,
} from './useConsultations';

type Comment = ConsultationDetail['comments'][number];

const RespondForm = lazy(() => import('./ConsultationForms').then((m) => ({ default: m.RespondForm })));
const AnswerForm = lazy(() => import('./ConsultationForms').then((m) => ({ default: m.AnswerForm })));

/** The comments, grouped by article in the draft's order (general comments last). */
const CommentGroups = ({ detail }: { detail: ConsultationDetail }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const groups = new Map<string, Comment[]>();
  for (const comment of detail.comments) {
    const key = comment.articleRef ?? t('consultations.general');
    groups.set(key, [...(groups.get(key) ?? []), comment]);
  }
  const canRespond = detail.canManage && (detail.status === 'open' || detail.status === 'closed');
  if (detail.comments.length === 0) {
    return <Empty description={t('consultations.noComments')} />;
  }
  return (
    <Flex vertical gap={12}>
      {[...groups.entries()].map(([article, comments]) => (
        <section key={article} aria-label={article}>
          <Title level={3} style={{ margin: '4px 0' }}>
            {article}
          </Title>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {comments.map((comment) => (
              <li
                key={comment.id}
                style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0' }}
                data-testid="consultation-comment"
              >
                <Text strong>{comment.recipientName}</Text>
                <Text type="secondary" style={{ fontSize: 12 }}>
                  {' '}
                  · {comment.authorName} · {formatDateTime(comment.createdAt)}
                </Text>
                <div style={{ whiteSpace: 'pre-wrap' }}>{comment.body}</div>
                {comment.responseLabel ? (
                  <div style={{ marginTop: 4 }}>
                    <SoftTag tone="success">{comment.responseLabel[language]}</SoftTag>{' '}
                    <Text>{comment.responseText ?? ''}</Text>
                  </div>
                ) : null}
                {canRespond ? (
                  <Suspense fallback={null}>
                    <RespondForm detail={detail} comment={comment} />
                  </Suspense>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Flex>
  );
};

/** The drafter's steps: send, close, finalise; the summary as PDF and Excel. */
const DrafterActions = ({ detail }: { detail: ConsultationDetail }) => {
  const { t } = useTranslation();
  const open = useConsultationStep(detail.id, 'open');
  const close = useConsultationStep(detail.id, 'close');
  const summarise = useConsultationStep(detail.id, 'summarise');
  const error = open.error ?? close.error ?? summarise.error;
  const body = { expectedVersion: detail.version };
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap>
        {detail.status === 'draft' ? (
          <Button type="primary" loading={open.isPending} onClick={() => open.mutate(body)}>
            {t('consultations.open')}
          </Button>
        ) : null}
        {detail.status === 'open' ? (
          <Button loading={close.isPending} onClick={() => close.mutate(body)}>
            {t('consultations.close')}
          </Button>
        ) : null}
        {detail.status === 'closed' ? (
          <Button
            type="primary"
            disabled={!detail.summary.isComplete}
            loading={summarise.isPending}
            onClick={() => summarise.mutate(body)}
          >
            {t('consultations.summarise')}
          </Button>
        ) : null}
        {detail.status !== 'draft' ? (
          <>
            <Button href={summaryPdfUrl(detail.id)} target="_blank" rel="noreferrer">
              {t('consultations.summaryPdf')}
            </Button>
            <Button href={summaryXlsxUrl(detail.id)}>{t('consultations.summaryXlsx')}</Button>
          </>
        ) : null}
      </Flex>
      {detail.summary.unanswered > 0 && detail.status !== 'draft' ? (
        <Text type="warning">{t('consultations.unanswered', { count: detail.summary.unanswered })}</Text>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
    </Flex>
  );
};

/** A consultation: the draft, recipients and who answered, comments by article with the responses, the summary. */
export const ConsultationPage = () => {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const query = useConsultation(id);
  if (query.isPending) {
    return <PageLoading />;
  }
  if (query.error) {
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  const detail = query.data;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 960 }}>
      <Link to="/can-bo/lay-y-kien">← {t('consultations.back')}</Link>
      <Flex justify="space-between" align="start" wrap gap={8}>
        <Title level={1} style={{ margin: 0 }}>
          {detail.title}
        </Title>
        <SoftTag tone={statusTone(detail.status)}>{detail.statusLabel[language]}</SoftTag>
      </Flex>
      <Panel>
        <Flex vertical gap={4}>
          <Text>
            {detail.agencyName} · {t('consultations.drafter')}: {detail.createdByName ?? ''}
          </Text>
          <Text>
            {t('consultations.deadline')}: <Text strong>{formatDateTime(detail.deadlineAt)}</Text>
          </Text>
          {detail.requestText ? <div style={{ whiteSpace: 'pre-wrap' }}>{detail.requestText}</div> : null}
          <a href={draftUrl(detail.id)}>
            {t('consultations.draft')}: {detail.draft.name}
          </a>
          {detail.outgoingDocumentId ? (
            <Link to={`/can-bo/van-ban-di/${detail.outgoingDocumentId}`}>
              {t('consultations.fields.fromOutgoing')} →
            </Link>
          ) : null}
        </Flex>
      </Panel>
      {detail.canManage ? (
        <Panel>
          <DrafterActions detail={detail} />
        </Panel>
      ) : null}
      {detail.answerFor.length > 0 && detail.status === 'open' ? (
        <Panel>
          <Title level={2} style={{ marginTop: 0 }}>
            {t('consultations.answerTitle')}
          </Title>
          <Suspense fallback={<PageLoading />}>
            <AnswerForm detail={detail} />
          </Suspense>
        </Panel>
      ) : null}
      <Panel>
        <Title level={2} style={{ marginTop: 0 }}>
          {t('consultations.recipients')}
        </Title>
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {detail.recipients.map((recipient) => (
            <li key={recipient.id} style={{ padding: '4px 0' }} data-testid="consultation-recipient">
              <Flex justify="space-between" gap={8} wrap>
                <Text>{recipient.name}</Text>
                <SoftTag tone={recipient.answer ? 'success' : 'neutral'}>
                  {t(`consultations.answer.${recipient.answer ?? 'none'}`)}
                  {recipient.answeredAt ? ` · ${formatDateTime(recipient.answeredAt)}` : ''}
                </SoftTag>
              </Flex>
            </li>
          ))}
        </ul>
      </Panel>
      <Panel>
        <Title level={2} style={{ marginTop: 0 }}>
          {t('consultations.commentsTitle')}
        </Title>
        <CommentGroups detail={detail} />
      </Panel>
    </Flex>
  );
};

import { Button, Flex, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/work-consultations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Text } from '../../components/typography';
import { type ConsultationDetail, useAnswerConsultation, useRespondToComment } from './useConsultations';

/*
 * The forms of the consultation page (the drafter's response, the recipient's answer): loaded after the page,
 * so its first load stays within the console's budget (antd's Select, Radio and TextArea are heavy).
 */

type Comment = ConsultationDetail['comments'][number];
type Response = NonNullable<Comment['response']>;
const RESPONSES: Response[] = ['accepted', 'partly_accepted', 'explained'];

/** The drafter's response to one comment: tiếp thu / tiếp thu một phần / giải trình, with its text. */
export const RespondForm = ({ detail, comment }: { detail: ConsultationDetail; comment: Comment }) => {
  const { t } = useTranslation();
  const respond = useRespondToComment(detail.id);
  const [response, setResponse] = useState<Response | undefined>(comment.response ?? undefined);
  const [text, setText] = useState(comment.responseText ?? '');
  return (
    <Flex vertical gap={6} style={{ marginTop: 6 }} data-testid="respond-form">
      <Select
        aria-label={t('consultations.respond')}
        placeholder={t('consultations.respond')}
        value={response}
        onChange={setResponse}
        options={RESPONSES.map((value) => ({ value, label: t(`consultations.responses.${value}`) }))}
        style={{ maxWidth: 260 }}
      />
      <Input.TextArea
        aria-label={t('consultations.responseText')}
        placeholder={t('consultations.responseText')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        rows={2}
        maxLength={8000}
      />
      {respond.error ? <ErrorAlert error={respond.error} /> : null}
      <div>
        <Button
          size="small"
          disabled={!response}
          loading={respond.isPending}
          onClick={() =>
            response &&
            respond.mutate({
              commentId: comment.id,
              body: { expectedVersion: detail.version, response, responseText: text || null },
            })
          }
        >
          {t('consultations.saveResponse')}
        </Button>
      </div>
    </Flex>
  );
};

/** The answer of a recipient: agree, or comments per article or general. */
export const AnswerForm = ({ detail }: { detail: ConsultationDetail }) => {
  const { t } = useTranslation();
  const answer = useAnswerConsultation(detail.id);
  const pending = detail.answerFor.filter((r) => r.answer === null);
  const [recipientId, setRecipientId] = useState(pending[0]?.id);
  const [agree, setAgree] = useState(false);
  const [rows, setRows] = useState([{ articleRef: '', body: '' }]);
  if (pending.length === 0) {
    return <Text type="success">{t('consultations.alreadyAnswered')}</Text>;
  }
  const comments = rows.filter((row) => row.body.trim() !== '');
  return (
    <Flex vertical gap={8} data-testid="answer-form">
      {pending.length > 1 ? (
        <Select
          aria-label={t('consultations.answerFor')}
          value={recipientId}
          onChange={setRecipientId}
          options={pending.map((r) => ({ value: r.id, label: r.name }))}
        />
      ) : (
        <Text>
          {t('consultations.answerFor')}: <Text strong>{pending[0]?.name}</Text>
        </Text>
      )}
      <Radio.Group value={agree ? 'agree' : 'comments'} onChange={(event) => setAgree(event.target.value === 'agree')}>
        <Flex vertical gap={4}>
          <Radio value="agree">{t('consultations.agreeOption')}</Radio>
          <Radio value="comments">{t('consultations.commentsOption')}</Radio>
        </Flex>
      </Radio.Group>
      {agree
        ? null
        : rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until sent
            <Flex key={index} vertical gap={4} style={{ borderLeft: '3px solid #e6f4ff', paddingLeft: 8 }}>
              <Input
                aria-label={`${t('consultations.articleRef')} ${index + 1}`}
                placeholder={t('consultations.articlePlaceholder')}
                value={row.articleRef}
                maxLength={100}
                onChange={(event) =>
                  setRows(rows.map((r, i) => (i === index ? { ...r, articleRef: event.target.value } : r)))
                }
              />
              <Input.TextArea
                aria-label={`${t('consultations.body')} ${index + 1}`}
                placeholder={t('consultations.body')}
                value={row.body}
                rows={3}
                maxLength={8000}
                onChange={(event) =>
                  setRows(rows.map((r, i) => (i === index ? { ...r, body: event.target.value } : r)))
                }
              />
              {rows.length > 1 ? (
                <Button size="small" type="link" onClick={() => setRows(rows.filter((_, i) => i !== index))}>
                  {t('consultations.removeComment')}
                </Button>
              ) : null}
            </Flex>
          ))}
      {agree ? null : (
        <div>
          <Button size="small" onClick={() => setRows([...rows, { articleRef: '', body: '' }])}>
            {t('consultations.addComment')}
          </Button>
        </div>
      )}
      {answer.error ? <ErrorAlert error={answer.error} /> : null}
      <div>
        <Button
          type="primary"
          loading={answer.isPending}
          disabled={!agree && comments.length === 0}
          onClick={() =>
            answer.mutate({
              ...(recipientId ? { recipientId } : {}),
              agree,
              comments: agree
                ? []
                : comments.map((row) => ({ articleRef: row.articleRef.trim() || null, body: row.body.trim() })),
            })
          }
        >
          {t('consultations.send')}
        </Button>
      </div>
    </Flex>
  );
};

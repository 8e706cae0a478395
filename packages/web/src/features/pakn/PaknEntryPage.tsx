import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Radio, Timeline } from 'antd';
import TextArea from 'antd/es/input/TextArea';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import '../../i18n/pakn';
import '../../i18n/pakn-console';
import { AgencySelect } from '../../components/AgencySelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { Text, Title } from '../../components/typography';
import { formatDateTime } from '../../lib/format';
import { type PaknActionInput, type PaknDetail, paknAnswerPdfUrl, usePakn, usePaknAction } from './usePakn';

const CATEGORIES = ['rejected', 'conduct', 'own_competence', 'not_competent'] as const;

type ActionValues = Omit<PaknActionInput, 'expectedVersion'>;

/** The step form: the step, then only what it needs (category, competent agency, answer, reason). */
const ActionForm = ({ entry }: { entry: PaknDetail }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const [form] = Form.useForm<ActionValues>();
  const change = usePaknAction(entry.code);
  const [done, setDone] = useState<string | null>(null);
  const action = Form.useWatch('action', form) ?? entry.actions[0]?.action;
  const chosen = entry.actions.find((a) => a.action === action);
  useEffect(() => {
    form.setFieldsValue({ action: entry.actions[0]?.action, answer: entry.answerText ?? undefined });
  }, [form, entry.actions, entry.answerText]);
  if (entry.actions.length === 0) {
    return null;
  }
  return (
    <Panel title={t('pakn.actions')} level={2}>
      <Form<ActionValues>
        form={form}
        layout="vertical"
        name="pakn-action"
        onFinish={(values) =>
          change.mutate(
            { ...values, expectedVersion: entry.version },
            { onSuccess: (result) => setDone(result.status) },
          )
        }
      >
        <Form.Item name="action" label={t('pakn.action')}>
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
            options={entry.actions.map((a) => ({ value: a.action, label: a.label[language] }))}
          />
        </Form.Item>
        {action === 'classify' ? (
          <Form.Item name="category" label={t('pakn.category')} rules={[{ required: true }]}>
            <Radio.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
              options={CATEGORIES.map((value) => ({ value, label: t(`pakn.category_${value}`) }))}
            />
          </Form.Item>
        ) : null}
        {action === 'forward' ? (
          <Form.Item name="targetAgencyId" label={t('pakn.target')} rules={[{ required: true }]}>
            <AgencySelect placeholder={t('pakn.targetSearch')} exclude={entry.agencyId ? [entry.agencyId] : []} />
          </Form.Item>
        ) : null}
        {action === 'draft_answer' ? (
          <Form.Item name="answer" label={t('pakn.answer')} rules={[{ required: true, whitespace: true }]}>
            <TextArea rows={6} />
          </Form.Item>
        ) : null}
        {chosen?.needsNote ? (
          <Form.Item name="note" label={t('pakn.note')} rules={[{ required: true, whitespace: true }]}>
            <TextArea rows={3} />
          </Form.Item>
        ) : null}
        {change.isError ? <ErrorAlert error={change.error} /> : null}
        {done && !change.isPending ? (
          <p role="status" data-testid="pakn-done">
            {t('pakn.done')}
          </p>
        ) : null}
        <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="pakn-do">
          {t('pakn.doAction')}
        </Button>
      </Form>
    </Panel>
  );
};

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

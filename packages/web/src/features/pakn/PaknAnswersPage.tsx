import { SearchOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Form } from 'antd';
import Input from 'antd/es/input/Input';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import '../../i18n/pakn-console';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { formatDateTime } from '../../lib/format';
import { portalProvinceOf, usePortalSettings } from '../portal/usePortalSettings';
import { type PublicPaknAnswer, usePublicPaknAnswer, usePublicPaknAnswers } from './usePakn';

const AnswerFacts = ({ answer, full }: { answer: PublicPaknAnswer; full: boolean }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <article data-testid="pakn-public-answer">
      <Flex gap={8} wrap align="center">
        <Link to={`/phan-anh-kien-nghi/cong-khai/${answer.code}`} style={{ fontWeight: 600 }}>
          {answer.code}
        </Link>
        {answer.isDemo ? <SoftTag>{t('pakn.demo')}</SoftTag> : null}
      </Flex>
      {/* The field's name is long: plain text that wraps, not a tag (390 px). */}
      <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.68)', overflowWrap: 'anywhere' }}>
        {answer.topicLabel[language]}
      </div>
      <h2 style={{ fontSize: 17, margin: '6px 0' }}>{answer.regulation}</h2>
      {full ? <p style={{ whiteSpace: 'pre-wrap' }}>{answer.content}</p> : null}
      <p style={{ margin: '4px 0', color: 'rgba(0,0,0,0.68)', fontSize: 14 }}>
        {t('pakn.answeredBy')}: {answer.agencyName ?? '—'}
        {answer.answeredAt ? ` · ${formatDateTime(answer.answeredAt)}` : ''}
      </p>
      <p style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
        {full || answer.answerText.length <= 280 ? answer.answerText : `${answer.answerText.slice(0, 280)}…`}
      </p>
    </article>
  );
};

/** The portal's list of published answers (Decree 20/2008 Art. 19), searched without diacritics. */
export const PaknAnswersPage = () => {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const settings = usePortalSettings();
  const province = params.get('tinh') ?? portalProvinceOf(settings.data) ?? '';
  const answers = usePublicPaknAnswers(province, q);
  useEffect(() => {
    document.title = `${t('pakn.publicTitle')} — ${t('app.portalName')}`;
  }, [t]);
  const items = answers.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div style={{ maxWidth: 880, margin: '0 auto' }}>
      <h1 style={{ fontSize: 24, marginTop: 0 }}>{t('pakn.publicTitle')}</h1>
      <p>{t('pakn.publicIntro')}</p>
      <Form
        layout="vertical"
        initialValues={{ q }}
        onFinish={(values: { q?: string }) => setParams(values.q?.trim() ? { q: values.q.trim() } : {})}
      >
        <Flex gap={8} align="flex-end" wrap>
          <Form.Item name="q" label={t('pakn.search')} style={{ flex: '1 1 240px', marginBottom: 0 }}>
            <Input placeholder={t('pakn.searchPlaceholder')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
            {t('pakn.search')}
          </Button>
        </Flex>
      </Form>
      <Flex vertical gap={12} style={{ marginTop: 16 }}>
        {answers.isPending && province ? <PageLoading /> : null}
        {answers.isError ? <ErrorAlert error={answers.error} /> : null}
        {answers.isSuccess && items.length === 0 ? <Empty description={t('pakn.publicEmpty')} /> : null}
        {items.map((answer) => (
          <Panel key={answer.code}>
            <AnswerFacts answer={answer} full={false} />
          </Panel>
        ))}
        <LoadMoreButton pages={answers} label={t('pakn.more')} />
      </Flex>
    </div>
  );
};

/** One published answer. */
export const PaknAnswerPage = () => {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const answer = usePublicPaknAnswer(code);
  useEffect(() => {
    document.title = `${code} — ${t('pakn.publicTitle')}`;
  }, [t, code]);
  return (
    <div style={{ maxWidth: 880, margin: '0 auto' }}>
      <Link to="/phan-anh-kien-nghi/cong-khai">← {t('pakn.back')}</Link>
      <div style={{ marginTop: 12 }}>
        {answer.isPending ? <PageLoading /> : null}
        {answer.isError ? <ErrorAlert error={answer.error} /> : null}
        {answer.data ? (
          <Panel>
            <AnswerFacts answer={answer.data} full />
          </Panel>
        ) : null}
      </div>
    </div>
  );
};

import { CheckCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Flex } from 'antd';
import Input from 'antd/es/input/Input';
import TextArea from 'antd/es/input/TextArea';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { TEXT_SUCCESS } from '../../theme';
import '../../i18n/sipas';
import { answerSipasInvitation, fetchSipasInvitation, type SipasAnswers, type SipasInvitationView } from './useSipas';
import { useSurveyAnswers } from './useSurveyAnswers';

type Question = SipasInvitationView['questionnaire']['factors'][number]['criteria'][number]['questions'][number];
type Answer = SipasAnswers[string];

const LIKERT = ['5', '4', '3', '2', '1'] as const;

/** One question as a fieldset of native inputs: large touch targets, the phone's own controls, a real legend. */
export const QuestionField = ({
  question,
  scale,
  value,
  missing,
  onChange,
}: {
  question: Question;
  scale: SipasInvitationView['scale'];
  value: Answer | undefined;
  missing: boolean;
  onChange: (value: Answer | undefined) => void;
}) => {
  const { i18n } = useTranslation();
  const label = i18n.language === 'en' && question.en ? question.en : question.vi;
  const name = `q-${question.key}`;
  const text = (t: { vi: string; en?: string | undefined }) => (i18n.language === 'en' && t.en ? t.en : t.vi);
  const legend = (
    <legend className="survey-legend">
      {label}
      {question.required ? <span aria-hidden> *</span> : null}
    </legend>
  );
  const errorId = `${name}-error`;
  const described = missing ? { 'aria-describedby': errorId } : {};
  if (question.type === 'free_text') {
    return (
      <div className="survey-question">
        <label htmlFor={name} className="survey-legend">
          {label}
        </label>
        <TextArea
          id={name}
          rows={3}
          maxLength={2000}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value || undefined)}
        />
      </div>
    );
  }
  const options =
    question.type === 'likert5'
      ? [
          ...LIKERT.map((level) => ({ key: level, label: text(scale.levels[level] ?? { vi: level }) })),
          { key: 'no_answer', label: text(scale.noAnswer) },
        ]
      : (question.options ?? []).map((o) => ({ key: o.key, label: text(o) }));
  const multiple = question.type === 'multiple_choice';
  const chosen = (key: string) =>
    Array.isArray(value) ? value.includes(key) : question.type === 'likert5' ? String(value) === key : value === key;
  const pick = (key: string, checked: boolean) => {
    if (multiple) {
      const current = Array.isArray(value) ? value : [];
      const next = checked ? [...current, key] : current.filter((k) => k !== key);
      onChange(next.length > 0 ? next : undefined);
    } else if (question.type === 'likert5') {
      onChange(key === 'no_answer' ? 'no_answer' : (Number(key) as Answer));
    } else {
      onChange(key);
    }
  };
  return (
    <fieldset className={missing ? 'survey-question survey-question-missing' : 'survey-question'}>
      {legend}
      <div className="survey-options">
        {options.map((option) => (
          <label key={option.key} className="survey-option">
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={name}
              value={option.key}
              checked={chosen(option.key)}
              required={question.required && !multiple}
              aria-invalid={missing || undefined}
              {...described}
              onChange={(event) => pick(option.key, event.target.checked)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {missing ? (
        <p id={errorId} className="survey-error" role="alert">
          {i18n.language === 'en' ? 'Please answer this question.' : 'Vui lòng trả lời câu hỏi này.'}
        </p>
      ) : null}
    </fieldset>
  );
};

const Notice = ({ title, body, success }: { title: string; body: string; success?: boolean }) => (
  <Panel>
    <Flex vertical gap={8} data-testid="survey-notice">
      <h2 style={{ fontSize: 20, margin: 0, color: success ? TEXT_SUCCESS : undefined }}>
        {success ? <CheckCircleFilled aria-hidden /> : <InfoCircleFilled aria-hidden />} {title}
      </h2>
      <p style={{ margin: 0 }}>{body}</p>
    </Flex>
  </Panel>
);

/**
 * The citizen's answer page, opened from the invitation's link or QR code (no account). Phone first:
 * one column, native radio buttons with their labels as touch targets, the questions grouped by factor.
 * The page never shows the dossier or the person: only the agency rated.
 */
export const SurveyAnswerPage = () => {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const { answers, missing, set, checkComplete } = useSurveyAnswers();
  const invitation = useQuery({
    queryKey: ['sipas-invitation', token],
    queryFn: ({ signal }) => fetchSipasInvitation(token, signal),
    retry: false,
  });
  // Opt-in: the respondent may agree to be identified to the organiser and contacted (else anonymous).
  const [consent, setConsent] = useState(false);
  const [contact, setContact] = useState({ name: '', phone: '', email: '' });
  const send = useMutation({
    mutationFn: (body: SipasAnswers) =>
      answerSipasInvitation(
        token,
        body,
        consent
          ? {
              name: contact.name,
              ...(contact.phone.trim() ? { phone: contact.phone.trim() } : {}),
              ...(contact.email.trim() ? { email: contact.email.trim() } : {}),
            }
          : undefined,
      ),
  });

  const heading = <h1 style={{ fontSize: 24, marginTop: 0 }}>{t('sipas.answer.title')}</h1>;
  if (invitation.isPending) {
    return <PageLoading />;
  }
  if (invitation.isError) {
    return (
      <section>
        {heading}
        <ErrorAlert error={invitation.error} />
      </section>
    );
  }
  const view = invitation.data;
  const alreadyAnswered =
    view.state === 'answered' || (isApiError(send.error) && send.error.code === 'SIPAS_ALREADY_ANSWERED');
  if (send.isSuccess) {
    return (
      <section>
        {heading}
        <Notice success title={t('sipas.answer.thanks_title')} body={t('sipas.answer.thanks')} />
      </section>
    );
  }
  if (alreadyAnswered) {
    return (
      <section>
        {heading}
        <Notice title={t('sipas.answer.answered_title')} body={t('sipas.answer.answered')} />
      </section>
    );
  }
  if (view.state === 'closed') {
    return (
      <section>
        {heading}
        <Notice title={t('sipas.answer.closed_title')} body={t('sipas.answer.closed')} />
      </section>
    );
  }
  const definition = view.questionnaire;
  const all = [
    ...definition.factors.flatMap((f) => f.criteria.flatMap((c) => c.questions)),
    ...(definition.profile ?? []),
  ];
  const submit = () => {
    if (checkComplete(all)) {
      send.mutate(answers);
    }
  };
  const field = (q: Question) => (
    <QuestionField
      key={q.key}
      question={q}
      scale={view.scale}
      value={answers[q.key]}
      missing={missing.has(q.key)}
      onChange={(value) => set(q.key, value)}
    />
  );
  return (
    <section className="survey-page">
      {heading}
      <p style={{ marginTop: 0 }}>{view.campaignTitle}</p>
      <p>{t('sipas.answer.intro', { agency: view.agencyName })}</p>
      <p style={{ color: 'rgba(0,0,0,0.68)' }}>{t('sipas.answer.required')}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {definition.factors.map((factor, index) => (
          <Panel
            key={factor.key}
            title={t('sipas.answer.factor', {
              n: index + 1,
              name: i18n.language === 'en' && factor.en ? factor.en : factor.vi,
            })}
            style={{ marginBottom: 16 }}
          >
            {factor.criteria.flatMap((criterion) => criterion.questions.map(field))}
          </Panel>
        ))}
        {(definition.profile ?? []).length > 0 ? (
          <Panel title={t('sipas.answer.other')} style={{ marginBottom: 16 }}>
            {(definition.profile ?? []).map(field)}
          </Panel>
        ) : null}
        <Panel title={t('sipas.answer.consent_title')} style={{ marginBottom: 16 }}>
          <label className="survey-option">
            <input
              type="checkbox"
              checked={consent}
              onChange={(event) => setConsent(event.target.checked)}
              data-testid="survey-consent"
            />
            <span>{t('sipas.answer.consent')}</span>
          </label>
          <p style={{ color: 'rgba(0,0,0,0.68)' }}>{t('sipas.answer.consent_hint')}</p>
          {consent ? (
            <Flex vertical gap={4}>
              {(['name', 'phone', 'email'] as const).map((key) => (
                <div key={key}>
                  <label htmlFor={`survey-contact-${key}`}>{t(`sipas.answer.contact_${key}`)}</label>
                  <Input
                    id={`survey-contact-${key}`}
                    type={key === 'email' ? 'email' : key === 'phone' ? 'tel' : 'text'}
                    autoComplete={key === 'email' ? 'email' : key === 'phone' ? 'tel' : 'name'}
                    maxLength={key === 'phone' ? 30 : 200}
                    value={contact[key]}
                    onChange={(event) => setContact({ ...contact, [key]: event.target.value })}
                  />
                </div>
              ))}
            </Flex>
          ) : null}
        </Panel>
        {send.isError ? <ErrorAlert error={send.error} /> : null}
        <Button type="primary" htmlType="submit" size="large" loading={send.isPending} block>
          {t('sipas.answer.submit')}
        </Button>
      </form>
    </section>
  );
};

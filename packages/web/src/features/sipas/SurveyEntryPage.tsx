import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Flex, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LazySelect } from '../../components/lazyAntd';
import { useConsoleMessage } from '../../components/MessageProvider';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import '../../i18n/sipas';
import { useMe } from '../auth/useMe';
import { QuestionField } from './SurveyAnswerPage';
import {
  enterSipasAnswer,
  fetchSipasSurveyCampaigns,
  fetchSipasSurveyEntryForm,
  type SipasSurveyEntryForm,
} from './useSipas';
import { useSurveyAnswers } from './useSurveyAnswers';

const EntryForm = ({ form, onSaved }: { form: SipasSurveyEntryForm; onSaved: (mode: string) => void }) => {
  const { t, i18n } = useTranslation();
  const [agencyId, setAgencyId] = useState<string | undefined>(form.agencies[0]?.agencyId);
  const [mode, setMode] = useState<'paper' | 'phone'>('paper');
  const [code, setCode] = useState('');
  const { answers, missing, set, checkComplete, reset } = useSurveyAnswers();
  const definition = form.questionnaire;
  const all = [
    ...definition.factors.flatMap((f) => f.criteria.flatMap((c) => c.questions)),
    ...(definition.profile ?? []),
  ];
  const send = useMutation({
    mutationFn: () =>
      enterSipasAnswer(form.campaign.id, {
        agencyId: agencyId ?? '',
        mode,
        answers,
        ...(code.trim() ? { invitationToken: code.trim() } : {}),
      }),
    onSuccess: () => {
      reset();
      setCode('');
      onSaved(mode === 'paper' ? t('sipas.console.paper') : t('sipas.console.phone'));
    },
  });
  const submit = () => {
    if (checkComplete(all)) {
      send.mutate();
    }
  };
  const field = (q: (typeof all)[number]) => (
    <QuestionField
      key={q.key}
      question={q}
      scale={form.scale}
      value={answers[q.key]}
      missing={missing.has(q.key)}
      onChange={(value) => set(q.key, value)}
    />
  );
  if (!form.acceptsAnswers) {
    return <p>{t('sipas.console.entry_closed')}</p>;
  }
  return (
    <form
      noValidate
      className="survey-page"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Panel style={{ marginBottom: 16 }}>
        <Flex vertical gap={8}>
          <label htmlFor="sipas-entry-agency">{t('sipas.console.entry_agency')}</label>
          <LazySelect
            id="sipas-entry-agency"
            showSearch={{ optionFilterProp: 'label' }}
            value={agencyId}
            onChange={setAgencyId}
            options={form.agencies.map((a) => ({ value: a.agencyId, label: a.agencyName }))}
          />
          <span id="sipas-entry-mode">{t('sipas.console.entry_mode')}</span>
          <Radio.Group
            aria-labelledby="sipas-entry-mode"
            value={mode}
            onChange={(e) => setMode(e.target.value)}
            options={[
              { value: 'paper', label: t('sipas.console.paper') },
              { value: 'phone', label: t('sipas.console.phone') },
            ]}
          />
          <label htmlFor="sipas-entry-code">{t('sipas.console.entry_code')}</label>
          <Input id="sipas-entry-code" value={code} maxLength={64} onChange={(e) => setCode(e.target.value)} />
          <small>{t('sipas.console.entry_code_hint')}</small>
        </Flex>
      </Panel>
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
      {send.isError ? <ErrorAlert error={send.error} /> : null}
      <Button type="primary" htmlType="submit" loading={send.isPending} disabled={!agencyId}>
        {t('sipas.console.entry_submit')}
      </Button>
    </form>
  );
};

/**
 * Nhập phiếu khảo sát: a surveyor (or the organiser) enters answers collected on paper or by phone for an
 * open campaign, marked with their channel; with the invitation's code that invitation is used too. The page
 * reads the surveyor's entry endpoints only: no progress, no figures (sipas.survey, not sipas.read).
 */
export const SurveyEntryPage = () => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const { data: me } = useMe();
  const provinceCode = me?.provinceCode ?? '';
  const [chosen, setChosen] = useState<string | undefined>();
  const [count, setCount] = useState(0);
  const campaigns = useQuery({
    queryKey: ['sipas-survey-campaigns', provinceCode],
    queryFn: ({ signal }) => fetchSipasSurveyCampaigns(provinceCode, signal),
    enabled: provinceCode !== '',
  });
  const id = chosen ?? campaigns.data?.items[0]?.id;
  const form = useQuery({
    queryKey: ['sipas-survey-entry', id],
    queryFn: ({ signal }) => fetchSipasSurveyEntryForm(id ?? '', signal),
    enabled: id !== undefined,
  });
  return (
    <section data-testid="sipas-entry">
      <Link to="/can-bo/khao-sat">← {t('sipas.console.back')}</Link>
      <h1 style={{ fontSize: 24 }}>{t('sipas.console.entry_title')}</h1>
      <p>{t('sipas.console.entry_intro')}</p>
      {count > 0 ? (
        <p role="status" data-testid="sipas-entry-count">
          <strong>{t('sipas.console.entry_count', { count })}</strong>
        </p>
      ) : null}
      {campaigns.isError ? <ErrorAlert error={campaigns.error} /> : null}
      {campaigns.isPending ? <PageLoading /> : null}
      {campaigns.data && campaigns.data.items.length === 0 ? <p>{t('sipas.console.entry_none')}</p> : null}
      {campaigns.data && campaigns.data.items.length > 0 ? (
        <Flex vertical gap={4} style={{ marginBottom: 16 }}>
          <label htmlFor="sipas-entry-campaign">{t('sipas.console.entry_campaign')}</label>
          <LazySelect
            id="sipas-entry-campaign"
            value={id}
            onChange={setChosen}
            options={campaigns.data.items.map((c) => ({ value: c.id, label: c.title }))}
          />
        </Flex>
      ) : null}
      {form.isError ? <ErrorAlert error={form.error} /> : null}
      {form.data ? (
        <EntryForm
          key={form.data.campaign.id}
          form={form.data}
          onSaved={(mode) => {
            const next = count + 1;
            setCount(next);
            void message.success(t('sipas.console.entry_saved', { mode, count: next }));
            window.scrollTo(0, 0);
          }}
        />
      ) : null}
    </section>
  );
};

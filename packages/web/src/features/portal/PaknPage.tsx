import { CheckCircleFilled, SearchOutlined, SendOutlined } from '@ant-design/icons';
import { PHONE_PATTERN } from '@motcua/domain/dossier/phone';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Col, Flex, Form, Grid, Radio, Row, Segmented } from 'antd';
// The input and the text area from their own modules: antd's `Input` brings Search, Password and
// OTP with it (5 KB gzip this page never uses), and a visitor may open this page first (the budget).
import Input from 'antd/es/input/Input';
import TextArea from 'antd/es/input/TextArea';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import type { PaknSubmission, PortalSettings } from '../../api/portal-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Panel } from '../../components/Panel';
import { applyFieldErrors } from '../../lib/field-errors';
import { countIn, formatDateTime } from '../../lib/format';
import { TEXT_SUCCESS } from '../../theme';
import '../../i18n/pakn';
import { useCitizen } from '../citizen/useCitizen';
import { fetchPaknStatus, fetchProcedure, findProvinces, ratePakn, sendPakn } from './usePortal';
import { usePortalSettings } from './usePortalSettings';

/** PAKN.yyyymmdd.nnnn, as the server's PAKN_CODE_PATTERN. */
const PAKN_CODE = /^PAKN\.\d{8}\.\d{4,}$/;
const PROCEDURE_CODE = /^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const KINDS = ['phan_anh', 'kien_nghi'] as const;
const TOPICS = ['conduct', 'regulation', 'proposal', 'initiative'] as const;

const trim = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

type ProvinceOption = { code: string; name: string };

/**
 * The provinces a feedback may go to: those this installation serves (their People's Committees),
 * or, should it serve none yet, every province.
 */
const useProvinceOptions = (settings: PortalSettings | undefined) => {
  const served = settings?.provinces ?? [];
  const all = useQuery({
    queryKey: ['provinces'],
    queryFn: ({ signal }) => findProvinces(signal),
    enabled: settings !== undefined && served.length === 0,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return served.length > 0
    ? served.map((p): ProvinceOption => ({ code: p.code, name: p.committeeName }))
    : (all.data?.items ?? []).map((p): ProvinceOption => ({ code: p.code, name: p.name }));
};

/**
 * The province field: the only province served, shown as a fact (nothing to choose), or a list. A
 * native list: light, and the phone's own picker on a small screen.
 */
const ProvinceField = ({
  id,
  value,
  onChange,
  options,
  loading,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  options: ProvinceOption[];
  loading: boolean;
}) => {
  const { t } = useTranslation();
  const [only] = options;
  if (options.length === 1 && only && value === only.code) {
    return <Input id={id} readOnly value={only.name} style={{ maxWidth: 420 }} />;
  }
  return (
    <select
      id={id}
      className="native-select"
      style={{ maxWidth: 420 }}
      value={value ?? ''}
      onChange={(event) => onChange?.(event.target.value)}
    >
      <option value="" disabled>
        {loading ? t('app.loading') : ''}
      </option>
      {options.map((p) => (
        <option key={p.code} value={p.code}>
          {p.name}
        </option>
      ))}
    </select>
  );
};

const SendForm = ({ onTrack }: { onTrack: (code: string) => void }) => {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const [form] = Form.useForm<PaknSubmission>();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const citizen = useCitizen().data;
  const procedureCode = params.get('thu-tuc');
  const catalog = params.get('catalog');
  const settings = usePortalSettings();
  const provinces = useProvinceOptions(settings.data);
  // The province of the procedure's catalog when coming from a procedure, else the only one served.
  const [onlyProvince] = provinces.length === 1 ? provinces : [];
  const defaultProvince =
    catalog && /^\d{2}$/.test(catalog) ? catalog : (settings.data?.site?.provinceCode ?? onlyProvince?.code);
  const procedure = useQuery({
    queryKey: ['procedure', catalog ?? 'national', procedureCode],
    queryFn: ({ signal }) => fetchProcedure(procedureCode ?? '', catalog ?? 'national', signal),
    enabled: Boolean(procedureCode && PROCEDURE_CODE.test(procedureCode)),
    retry: false,
  });
  const send = useMutation({
    mutationFn: (body: PaknSubmission) => sendPakn(body),
    onError: (error) => {
      if (isApiError(error)) {
        setUnplaced(applyFieldErrors(form, error));
      }
    },
  });

  // Fill in what is known: the province, the procedure, and the signed-in citizen as the sender.
  useEffect(() => {
    if (defaultProvince && !form.getFieldValue('provinceCode')) {
      form.setFieldValue('provinceCode', defaultProvince);
    }
  }, [form, defaultProvince]);
  useEffect(() => {
    if (procedure.data && !form.getFieldValue('regulation')) {
      form.setFieldsValue({ regulation: procedure.data.name, procedureCode: procedure.data.code });
    }
  }, [form, procedure.data]);
  useEffect(() => {
    if (citizen && !form.getFieldValue(['sender', 'name'])) {
      form.setFieldsValue({
        sender: {
          name: citizen.fullName,
          address: citizen.address ?? undefined,
          phone: citizen.phone ?? undefined,
          email: citizen.email ?? undefined,
        },
      });
    }
  }, [form, citizen]);

  if (send.data) {
    const receipt = send.data;
    return (
      <Panel>
        <Flex vertical gap={8} data-testid="pakn-sent">
          <h2 style={{ fontSize: 20, margin: 0, color: TEXT_SUCCESS }}>
            <CheckCircleFilled aria-hidden /> {t('citizen.pakn.sentTitle')}
          </h2>
          <dl className="facts">
            <dt>{t('citizen.pakn.code')}</dt>
            <dd style={{ fontSize: 20, fontWeight: 700 }} data-testid="pakn-code">
              {receipt.code}
            </dd>
            <dt>{t('citizen.pakn.receivedAt')}</dt>
            <dd>{formatDateTime(receipt.receivedAt)}</dd>
          </dl>
          <p style={{ margin: 0 }}>{t('citizen.pakn.sentHelp', { code: receipt.code })}</p>
          <Flex gap={8} wrap>
            <Button type="primary" onClick={() => onTrack(receipt.code)}>
              {t('citizen.pakn.trackThis')}
            </Button>
            <Button
              onClick={() => {
                send.reset();
                form.setFieldsValue({ content: '' });
              }}
            >
              {t('citizen.pakn.sendAnother')}
            </Button>
          </Flex>
        </Flex>
      </Panel>
    );
  }

  const column = { display: 'flex', flexDirection: 'column', gap: 6 } as const;
  return (
    <Panel>
      <Form<PaknSubmission>
        form={form}
        name="pakn"
        layout="vertical"
        initialValues={{ kind: 'phan_anh', topic: 'regulation' }}
        onFinish={(values) => {
          setUnplaced([]);
          const email = values.sender.email?.trim();
          send.mutate({
            provinceCode: values.provinceCode,
            kind: values.kind,
            topic: values.topic,
            regulation: values.regulation.trim(),
            ...(values.procedureCode?.trim() ? { procedureCode: values.procedureCode.trim() } : {}),
            content: values.content.trim(),
            sender: {
              name: values.sender.name.trim(),
              address: values.sender.address.trim(),
              phone: values.sender.phone.trim(),
              ...(email ? { email } : {}),
            },
          });
        }}
      >
        <Form.Item
          name="provinceCode"
          label={t('citizen.pakn.province')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('citizen.pakn.province') }) }]}
        >
          <ProvinceField options={provinces} loading={settings.isPending || provinces.length === 0} />
        </Form.Item>
        <fieldset className="plain-fieldset">
          <legend>{t('citizen.pakn.kind')}</legend>
          <Form.Item name="kind">
            <Radio.Group options={KINDS.map((value) => ({ value, label: t(`citizen.pakn.kind_${value}`) }))} />
          </Form.Item>
        </fieldset>
        <fieldset className="plain-fieldset">
          <legend>{t('citizen.pakn.topic')}</legend>
          <Form.Item name="topic">
            <Radio.Group
              style={column}
              options={TOPICS.map((value) => ({ value, label: t(`citizen.pakn.topic_${value}`) }))}
            />
          </Form.Item>
        </fieldset>
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item
              name="regulation"
              label={t('citizen.pakn.regulation')}
              extra={t('citizen.pakn.regulationHelp')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('common.required', { field: t('citizen.pakn.regulation') }),
                },
                {
                  min: 3,
                  transform: trim,
                  message: t('citizen.pakn.tooShort', { field: t('citizen.pakn.regulation'), min: 3 }),
                },
                { max: 500 },
              ]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="procedureCode"
              label={t('citizen.pakn.procedureCode')}
              rules={[{ pattern: PROCEDURE_CODE, transform: trim, message: t('citizen.pakn.procedureCodeInvalid') }]}
            >
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="content"
          label={t('citizen.pakn.content')}
          extra={t('citizen.pakn.contentHelp')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('citizen.pakn.content') }) },
            {
              min: 20,
              transform: trim,
              message: t('citizen.pakn.tooShort', { field: t('citizen.pakn.content'), min: 20 }),
            },
          ]}
        >
          <TextArea rows={5} maxLength={10_000} showCount={countIn(i18n.language)} />
        </Form.Item>
        <fieldset className="plain-fieldset">
          <legend style={{ fontSize: 16 }}>{t('citizen.pakn.sender')}</legend>
          <p style={{ marginTop: 0, color: 'rgba(0,0,0,0.68)' }}>{t('citizen.pakn.senderHelp')}</p>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name={['sender', 'name']}
                label={t('citizen.pakn.name')}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t('common.required', { field: t('citizen.pakn.name') }),
                  },
                  {
                    min: 2,
                    transform: trim,
                    message: t('citizen.pakn.tooShort', { field: t('citizen.pakn.name'), min: 2 }),
                  },
                  { max: 200 },
                ]}
              >
                <Input autoComplete="name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name={['sender', 'phone']}
                label={t('citizen.pakn.phone')}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t('common.required', { field: t('citizen.pakn.phone') }),
                  },
                  { pattern: PHONE_PATTERN, transform: trim, message: t('intake.phoneInvalid') },
                ]}
              >
                <Input inputMode="tel" autoComplete="tel" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name={['sender', 'address']}
            label={t('citizen.pakn.address')}
            rules={[
              { required: true, whitespace: true, message: t('common.required', { field: t('citizen.pakn.address') }) },
              {
                min: 5,
                transform: trim,
                message: t('citizen.pakn.tooShort', { field: t('citizen.pakn.address'), min: 5 }),
              },
              { max: 500 },
            ]}
          >
            <Input autoComplete="street-address" />
          </Form.Item>
          <Form.Item
            name={['sender', 'email']}
            label={t('citizen.pakn.email')}
            rules={[{ pattern: EMAIL, transform: trim, message: t('intake.emailInvalid') }]}
          >
            <Input inputMode="email" autoComplete="email" style={{ maxWidth: 420 }} />
          </Form.Item>
        </fieldset>
        {send.isError ? <ErrorAlert error={send.error} extra={unplaced} /> : null}
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          icon={<SendOutlined aria-hidden />}
          loading={send.isPending}
        >
          {t('citizen.pakn.submit')}
        </Button>
      </Form>
    </Panel>
  );
};

const TrackForm = ({ initialCode }: { initialCode: string }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const [lookup, setLookup] = useState<{ code: string; phone?: string; n: number } | null>(
    initialCode && PAKN_CODE.test(initialCode) ? { code: initialCode, n: 1 } : null,
  );
  const status = useQuery({
    queryKey: ['pakn-track', lookup?.code, lookup?.phone, lookup?.n],
    queryFn: ({ signal }) => fetchPaknStatus(lookup?.code ?? '', lookup?.phone, signal),
    enabled: lookup !== null,
    retry: false,
    staleTime: 0,
  });
  return (
    <Panel>
      <Form<{ code: string; phone?: string }>
        name="pakn-track"
        layout="vertical"
        requiredMark={false}
        initialValues={{ code: initialCode }}
        onFinish={(values) =>
          setLookup((previous) => ({
            code: values.code.trim().toUpperCase(),
            ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
            n: (previous?.n ?? 0) + 1,
          }))
        }
      >
        <Flex gap={8} align="flex-end" wrap>
          <Form.Item
            name="code"
            label={t('citizen.pakn.code')}
            style={{ flex: '1 1 260px', marginBottom: 0 }}
            rules={[
              { required: true, whitespace: true, message: t('common.required', { field: t('citizen.pakn.code') }) },
              {
                pattern: PAKN_CODE,
                transform: (value: unknown) => (typeof value === 'string' ? value.trim().toUpperCase() : value),
                message: t('citizen.pakn.codeInvalid'),
              },
            ]}
          >
            <Input placeholder={t('citizen.pakn.codePlaceholder')} autoComplete="off" spellCheck={false} />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('citizen.pakn.phoneLast4')}
            style={{ flex: '0 1 200px', marginBottom: 0 }}
            rules={[{ pattern: /^\d{4}$/, message: t('citizen.pakn.phoneLast4Invalid') }]}
          >
            <Input inputMode="numeric" maxLength={4} autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />} loading={status.isFetching}>
            {t('citizen.pakn.trackSubmit')}
          </Button>
        </Flex>
      </Form>
      <div aria-live="polite" style={{ marginTop: 16 }}>
        {status.isError ? <ErrorAlert error={status.error} /> : null}
        {status.data ? (
          <dl className="facts" data-testid="pakn-status">
            <dt>{t('citizen.pakn.code')}</dt>
            <dd>
              <strong>{status.data.code}</strong>
            </dd>
            <dt>{t('citizen.pakn.status')}</dt>
            <dd>
              <strong>{status.data.statusLabel[language]}</strong>
            </dd>
            <dt>{t('citizen.pakn.receivedAt')}</dt>
            <dd>{formatDateTime(status.data.receivedAt)}</dd>
            <dt>{t('citizen.pakn.kind')}</dt>
            <dd>{status.data.kindLabel[language]}</dd>
            <dt>{t('citizen.pakn.topic')}</dt>
            <dd>{status.data.topicLabel[language]}</dd>
            <dt>{t('citizen.pakn.regulation')}</dt>
            <dd>
              {status.data.regulation}
              {status.data.procedureCode ? ` (${status.data.procedureCode})` : ''}
            </dd>
            {status.data.agencyName ? (
              <>
                <dt>{t('citizen.pakn.agency')}</dt>
                <dd>{status.data.agencyName}</dd>
              </>
            ) : null}
            {status.data.answerDueAt || status.data.answeredAt ? (
              <>
                <dt>{status.data.answeredAt ? t('citizen.pakn.answeredAt') : t('citizen.pakn.answerDueAt')}</dt>
                <dd>
                  {formatDateTime(status.data.answeredAt ?? status.data.answerDueAt ?? '')} —{' '}
                  {status.data.timeliness.label[language]}
                </dd>
              </>
            ) : null}
            {status.data.rejectionReason ? (
              <>
                <dt>{t('citizen.pakn.rejectionReason')}</dt>
                <dd>{status.data.rejectionReason}</dd>
              </>
            ) : null}
            {status.data.answerText ? (
              <>
                <dt>{t('citizen.pakn.answer')}</dt>
                <dd style={{ whiteSpace: 'pre-wrap' }} data-testid="pakn-answer">
                  {status.data.answerText}
                </dd>
              </>
            ) : null}
          </dl>
        ) : null}
        {status.data?.canRate && lookup?.phone ? (
          <RateAnswer code={status.data.code} phone={lookup.phone} onRated={() => void status.refetch()} />
        ) : null}
        {status.data?.rating ? (
          <p data-testid="pakn-rated">
            {t('citizen.pakn.ratedAs')} <strong>{t(`citizen.pakn.rating_${status.data.rating}`)}</strong>
          </p>
        ) : null}
      </div>
    </Panel>
  );
};

const RATINGS = ['very_satisfied', 'satisfied', 'dissatisfied'] as const;

/** The sender's rating of the answer (once; Decision 766 counts the dissatisfied ones). */
const RateAnswer = ({ code, phone, onRated }: { code: string; phone: string; onRated: () => void }) => {
  const { t } = useTranslation();
  const rate = useMutation({
    mutationFn: (rating: (typeof RATINGS)[number]) => ratePakn(code, { phoneLast4: phone, rating }),
    onSuccess: onRated,
  });
  return (
    <fieldset className="plain-fieldset" style={{ marginTop: 12 }}>
      <legend>{t('citizen.pakn.rateTitle')}</legend>
      <Flex gap={8} wrap>
        {RATINGS.map((rating) => (
          <Button
            key={rating}
            onClick={() => rate.mutate(rating)}
            loading={rate.isPending && rate.variables === rating}
          >
            {t(`citizen.pakn.rating_${rating}`)}
          </Button>
        ))}
      </Flex>
      {rate.isError ? <ErrorAlert error={rate.error} /> : null}
    </fieldset>
  );
};

/** Phản ánh, kiến nghị (Decree 20/2008): send a feedback on a regulation or procedure, and track it by code. */
export const PaknPage = () => {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const code = (params.get('ma') ?? '').trim().toUpperCase();
  const mode = params.get('muc') === 'tra-cuu' || code ? 'track' : 'send';
  const narrow = !Grid.useBreakpoint().sm;
  useEffect(() => {
    document.title = `${t('citizen.pakn.title')} — ${t('app.portalName')}`;
  }, [t]);
  const setMode = (next: 'send' | 'track', withCode?: string) => {
    const updated = new URLSearchParams(params);
    updated.delete('ma');
    if (next === 'track') {
      updated.set('muc', 'tra-cuu');
      if (withCode) {
        updated.set('ma', withCode);
      }
    } else {
      updated.delete('muc');
    }
    setParams(updated);
  };
  return (
    <div style={{ maxWidth: 880, margin: '0 auto' }}>
      <h1 style={{ fontSize: 24, marginTop: 0 }}>{t('citizen.pakn.title')}</h1>
      <p>{t('citizen.pakn.intro')}</p>
      <p>
        <Link to="/phan-anh-kien-nghi/cong-khai">{t('citizen.pakn.publicAnswers')}</Link>
      </p>
      <Segmented<'send' | 'track'>
        aria-label={t('citizen.pakn.mode')}
        // One Tab stop (the chosen option), not two: antd also makes the group itself focusable.
        tabIndex={-1}
        value={mode}
        onChange={(value) => setMode(value)}
        options={[
          { value: 'send', label: t('citizen.pakn.send') },
          { value: 'track', label: t('citizen.pakn.track') },
        ]}
        orientation={narrow ? 'vertical' : 'horizontal'}
        block={narrow}
        style={{ marginBottom: 16, maxWidth: '100%' }}
      />
      {mode === 'send' ? (
        <SendForm onTrack={(c) => setMode('track', c)} />
      ) : (
        <TrackForm key={code} initialCode={code} />
      )}
    </div>
  );
};

import { CreditCardOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitizenDossier, DossierComponent, RatingInput } from '../../api/portal-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { formatDateTime } from '../../lib/format';
import { TEXT_SUCCESS } from '../../theme';
import '../../i18n/citizen';
import { usePortalSettings } from '../portal/usePortalSettings';
import { FileUploader } from '../submit/FileUploader';
import { goToPayment } from './payment-return';
import {
  fetchRatingCriteria,
  rateDossier,
  sendSupplement,
  startPayment,
  supplementUploadPath,
  withdrawCitizenDossier,
} from './useMyDossiers';

const muted = { color: 'rgba(0,0,0,0.68)' } as const;

/** After a change, the dossier (and the list) are read again. */
const useRefresh = (code: string) => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['citizen', 'dossier', code] }),
      queryClient.invalidateQueries({ queryKey: ['citizen', 'dossiers'] }),
    ]);
};

// ---- paying -------------------------------------------------------------------------------------------

export const PayPanel = ({ dossier }: { dossier: CitizenDossier }) => {
  const { t } = useTranslation();
  const pay = useMutation({
    mutationKey: ['citizen', 'pay', dossier.code],
    mutationFn: () => startPayment(dossier.code),
    onSuccess: (payment) => {
      if (payment.paymentUrl) {
        goToPayment(dossier.code, payment.paymentUrl);
      }
    },
  });
  return (
    <div style={{ marginTop: 8 }}>
      {pay.isError ? <ErrorAlert error={pay.error} /> : null}
      <Flex gap={12} align="center" wrap>
        <Button
          type="primary"
          size="large"
          icon={<CreditCardOutlined aria-hidden />}
          loading={pay.isPending || pay.isSuccess}
          onClick={() => pay.mutate()}
        >
          {pay.isSuccess ? t('citizen.dossier.payRedirecting') : t('citizen.dossier.payButton')}
        </Button>
        <span style={{ flex: '1 1 240px', fontSize: 13, ...muted }}>{t('citizen.dossier.payHelp')}</span>
      </Flex>
    </div>
  );
};

// ---- answering a supplement request -------------------------------------------------------------------

const OTHER_COMPONENT = 'giay-to-bo-sung';

/** The component a missing paper names ("Giấy chứng sinh (bản rõ nét)" → giay-chung-sinh), if any. */
const guessComponent = (components: DossierComponent[], missing: readonly string[]): string | undefined => {
  const texts = missing.map((m) => m.toLocaleLowerCase('vi'));
  return components.find((c) => texts.some((text) => text.includes(c.name.toLocaleLowerCase('vi'))))?.key;
};

export const SupplementPanel = ({ dossier, onSent }: { dossier: CitizenDossier; onSent: (notice: string) => void }) => {
  const { t } = useTranslation();
  const refresh = useRefresh(dossier.code);
  const settings = usePortalSettings();
  const components = dossier.components;
  const [componentKey, setComponentKey] = useState<string | undefined>(undefined);
  const [note, setNote] = useState('');
  const [sent, setSent] = useState(false);
  const chosen =
    componentKey ?? guessComponent(components, dossier.nextStep.missing ?? []) ?? components[0]?.key ?? OTHER_COMPONENT;
  const send = useMutation({
    mutationKey: ['citizen', 'supplement', dossier.code],
    mutationFn: () =>
      sendSupplement(dossier.code, {
        expectedVersion: dossier.version,
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: async () => {
      setSent(true);
      onSent(t('citizen.dossier.supplementSent'));
      await refresh();
    },
  });
  if (sent) {
    return <Alert type="success" showIcon title={t('citizen.dossier.supplementSent')} style={{ marginTop: 8 }} />;
  }
  const options = [
    ...components.map((c) => ({ value: c.key, label: c.name })),
    { value: OTHER_COMPONENT, label: t('citizen.dossier.supplementOther') },
  ];
  return (
    <section aria-labelledby="supplement-title" style={{ marginTop: 12 }}>
      <h3 id="supplement-title" style={{ fontSize: 15, margin: '0 0 8px' }}>
        {t('citizen.dossier.supplementTitle')}
      </h3>
      <label htmlFor="supplement-component" style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}>
        {t('citizen.dossier.supplementComponent')}
      </label>
      <Select
        id="supplement-component"
        value={chosen}
        onChange={setComponentKey}
        options={options}
        style={{ width: '100%', maxWidth: 520, marginBottom: 8 }}
      />
      {settings.data ? (
        <FileUploader
          id="supplement-file"
          label={options.find((o) => o.value === chosen)?.label ?? ''}
          uploads={dossier.pendingUploads}
          describe={(upload) => options.find((o) => o.value === upload.componentKey)?.label}
          uploadPath={supplementUploadPath(dossier.code, chosen)}
          limits={settings.data.uploads}
          // The limit is per component: only the files waiting for the chosen one count.
          maxFiles={settings.data.uploads.maxFilesPerComponent}
          used={dossier.pendingUploads.filter((upload) => upload.componentKey === chosen).length}
          onUploaded={() => void refresh()}
          onRemoved={() => void refresh()}
        />
      ) : settings.isError ? (
        <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <PageLoading />
      )}
      <label htmlFor="supplement-note" style={{ display: 'block', fontWeight: 600, margin: '12px 0 4px' }}>
        {t('citizen.dossier.supplementNote')}
      </label>
      <Input.TextArea
        id="supplement-note"
        rows={2}
        maxLength={2000}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      {send.isError ? (
        <div style={{ marginTop: 8 }}>
          <ErrorAlert error={send.error} />
        </div>
      ) : null}
      <Button
        type="primary"
        icon={<SendOutlined aria-hidden />}
        style={{ marginTop: 8 }}
        loading={send.isPending}
        disabled={dossier.pendingUploads.length === 0}
        onClick={() => send.mutate()}
      >
        {t('citizen.dossier.supplementSend')}
      </Button>
      {dossier.pendingUploads.length === 0 ? (
        <span style={{ marginInlineStart: 8, fontSize: 13, ...muted }}>{t('citizen.dossier.supplementNoFiles')}</span>
      ) : null}
    </section>
  );
};

// ---- rating -------------------------------------------------------------------------------------------

type Choice = { value: string; label: string };

/** Which question of the scoring tool each field of the form answers (the criteria's keys). */
const QUESTIONS = [
  { name: 'overall', key: 'overall', required: true },
  { name: 'easeOfUse', key: 'ease_of_use', required: true },
  { name: 'staffAttitude', key: 'staff_attitude', required: false },
  { name: 'contacts', key: 'contacts', required: false },
  { name: 'agenciesContacted', key: 'agencies_contacted', required: false },
] as const satisfies readonly { name: keyof RatingInput; key: string; required: boolean }[];

/** The answers of a question, labelled in the reader's language, in the server's order. */
const choicesOf = (answers: Record<string, { vi: string; en: string }>, language: 'vi' | 'en'): Choice[] =>
  Object.entries(answers).map(([value, label]) => ({ value, label: label[language] }));

/** The rating form, worded as the scoring tool (the questions and their answers come from the server). */
export const RatingPanel = ({ dossier }: { dossier: CitizenDossier }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const refresh = useRefresh(dossier.code);
  const [form] = Form.useForm<RatingInput>();
  const [thanks, setThanks] = useState(false);
  const criteria = useQuery({
    queryKey: ['rating-criteria'],
    queryFn: ({ signal }) => fetchRatingCriteria(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const rate = useMutation({
    mutationKey: ['citizen', 'rate', dossier.code],
    mutationFn: (input: RatingInput) => rateDossier(dossier.code, input),
    onSuccess: async () => {
      setThanks(true);
      await refresh();
    },
  });
  const group = { display: 'flex', flexWrap: 'wrap', gap: '4px 16px' } as const;

  if (thanks) {
    return (
      <p role="status" style={{ color: TEXT_SUCCESS, fontWeight: 600, margin: '8px 0 0' }} data-testid="rating-thanks">
        {t('citizen.rating.thanks')}
      </p>
    );
  }
  const title = (
    <h3 id="rating-title" style={{ fontSize: 15, margin: '0 0 4px' }}>
      {t('citizen.dossier.rateTitle')}
    </h3>
  );
  if (!criteria.data) {
    return (
      <section aria-labelledby="rating-title">
        {title}
        {criteria.isError ? (
          <ErrorAlert error={criteria.error} onRetry={() => void criteria.refetch()} />
        ) : (
          <PageLoading />
        )}
      </section>
    );
  }
  const { levels, answers } = criteria.data;
  const choices: Record<(typeof QUESTIONS)[number]['name'], Choice[]> = {
    overall: choicesOf(levels, language),
    easeOfUse: choicesOf(levels, language),
    staffAttitude: choicesOf(levels, language),
    contacts: choicesOf(answers.contacts, language),
    agenciesContacted: choicesOf(answers.agenciesContacted, language),
  };
  return (
    <section aria-labelledby="rating-title">
      {title}
      <p style={{ margin: '0 0 8px', fontSize: 13, ...muted }}>{t('citizen.rating.intro')}</p>
      <Form<RatingInput> form={form} name="rating" layout="vertical" onFinish={(values) => rate.mutate(values)}>
        {QUESTIONS.map(({ name, key, required }) => (
          <fieldset key={name} className="plain-fieldset">
            <legend>
              {criteria.data.criteria.find((c) => c.key === key)?.[language] ?? key}{' '}
              {required ? '' : <span style={muted}>{t('citizen.rating.optional')}</span>}
            </legend>
            <Form.Item
              name={name}
              rules={required ? [{ required: true, message: t('citizen.rating.requiredChoice') }] : []}
            >
              <Radio.Group options={choices[name]} style={group} />
            </Form.Item>
          </fieldset>
        ))}
        <Form.Item name="comment" label={t('citizen.rating.comment')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        {rate.isError ? <ErrorAlert error={rate.error} /> : null}
        <Button type="primary" htmlType="submit" loading={rate.isPending}>
          {t('citizen.rating.submit')}
        </Button>
      </Form>
    </section>
  );
};

/** "Bạn đã đánh giá hồ sơ này: Rất hài lòng (22/11/2026 15:04)." */
export const RatedNote = ({ rating }: { rating: NonNullable<CitizenDossier['rating']> }) => {
  const { t, i18n } = useTranslation();
  const values = {
    level: rating.overallLabel[i18n.language === 'en' ? 'en' : 'vi'],
    at: formatDateTime(rating.createdAt),
  };
  return (
    <p style={{ margin: '8px 0 0' }} data-testid="rated">
      {rating.channel === 'counter' ? t('citizen.dossier.ratedAtDesk', values) : t('citizen.dossier.rated', values)}
    </p>
  );
};

// ---- withdrawing --------------------------------------------------------------------------------------

export const WithdrawButton = ({
  dossier,
  onWithdrawn,
}: {
  dossier: CitizenDossier;
  onWithdrawn: (notice: string) => void;
}) => {
  const { t } = useTranslation();
  const refresh = useRefresh(dossier.code);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const withdraw = useMutation({
    mutationKey: ['citizen', 'withdraw', dossier.code],
    mutationFn: (reason: string) =>
      withdrawCitizenDossier(dossier.code, {
        expectedVersion: dossier.version,
        reason,
      }),
    onSuccess: async () => {
      setOpen(false);
      onWithdrawn(t('citizen.dossier.withdrawn'));
      await refresh();
    },
  });
  return (
    <>
      <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {t('citizen.dossier.withdraw')}
      </Button>
      <Modal
        open={open}
        title={t('citizen.dossier.withdrawTitle', { code: dossier.code })}
        okText={t('citizen.dossier.withdrawConfirm')}
        okButtonProps={{ danger: true, loading: withdraw.isPending }}
        cancelText={t('common.cancel')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <p>{t('citizen.dossier.withdrawHelp')}</p>
        <Form
          form={form}
          layout="vertical"
          name="withdraw"
          onFinish={(values) => withdraw.mutate(values.reason.trim())}
        >
          <Form.Item
            name="reason"
            label={t('citizen.dossier.withdrawReason')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.required', { field: t('citizen.dossier.withdrawReason') }),
              },
              {
                min: 3,
                transform: (value: unknown) => (typeof value === 'string' ? value.trim() : value),
                message: t('citizen.dossier.withdrawReasonShort'),
              },
            ]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
        {withdraw.isError ? <ErrorAlert error={withdraw.error} /> : null}
      </Modal>
    </>
  );
};

import { MinusCircleOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formUrl, isApiError, newIdempotencyKey } from '../../api/client';
import type { ActionResult, AvailableAction, Dossier, DossierAction } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConsoleMessage } from '../../components/MessageProvider';
import { Paragraph, Text } from '../../components/typography';
import { applyFieldErrors } from '../../lib/field-errors';
import { toVietnamIso } from '../../lib/format';
import { TEXT_WARNING } from '../../theme';
import { findUsers } from '../users/useUsers';
import { listResultFiles, ResultDocuments } from './ResultDocuments';
import { performAction } from './useDossier';
import '../../i18n/console-work';

type Values = {
  note?: string;
  reason?: string;
  missing?: string[];
  amountVnd?: number;
  receiptNo?: string;
  newDueAt?: Dayjs;
  outcome?: 'approved' | 'rejected';
  results?: { name?: string; documentNo?: string }[];
  channel?: 'counter' | 'post' | 'online';
  assigneeUserId?: string;
};

const REASON_ACTIONS: DossierAction[] = [
  'refuse',
  'return_step',
  'request_supplement',
  'request_intake_supplement',
  'request_payment',
  'apologize',
  'stop',
  'withdraw',
];
const NOTE_ACTIONS: DossierAction[] = [
  'forward',
  'accept_handoff',
  'complete_step',
  'applicant_supplement',
  'receive',
  'assign',
  'complete',
  'record_payment',
  'return_result',
];

/** The request body's `params` for an action, from the dialog's values. */
const paramsOf = (action: DossierAction, v: Values): Record<string, unknown> => {
  const reason = v.reason?.trim() ?? '';
  switch (action) {
    case 'refuse':
    case 'return_step':
    case 'stop':
    case 'withdraw':
      return { reason };
    case 'request_supplement':
    case 'request_intake_supplement':
      return { missing: v.missing ?? [], reason };
    case 'request_payment':
      return { reason, amountVnd: v.amountVnd ?? 0 };
    case 'record_payment':
      return { amountVnd: v.amountVnd ?? 0, ...(v.receiptNo?.trim() ? { receiptNo: v.receiptNo.trim() } : {}) };
    case 'apologize':
      return { newDueAt: v.newDueAt ? toVietnamIso(v.newDueAt) : '', reason };
    case 'complete':
      return { outcome: v.outcome ?? 'approved', ...(v.note?.trim() ? { note: v.note.trim() } : {}) };
    case 'return_result':
      return { channel: v.channel ?? 'counter' };
    case 'assign':
      return { assigneeUserId: v.assigneeUserId ?? '' };
    case 'complete_step':
    case 'applicant_supplement':
      return v.note?.trim() ? { note: v.note.trim() } : {};
    case 'forward':
      return v.assigneeUserId ? { assigneeUserId: v.assigneeUserId } : {};
    case 'receive':
    case 'accept_handoff':
      return {};
  }
};

/** Officials of the acting agency, for assignment (needs user.read; otherwise the field says so). */
const AssigneeSelect = ({
  agencyId,
  id,
  value,
  onChange,
}: {
  agencyId: string;
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
}) => {
  const { t } = useTranslation();
  const users = useQuery({
    queryKey: ['users', 'assignable', agencyId],
    queryFn: ({ signal }) => findUsers({ agency: agencyId, pageSize: 100 }, signal),
    retry: false,
  });
  return (
    <>
      <Select
        id={id}
        value={value}
        onChange={onChange}
        loading={users.isPending}
        placeholder={t('actions.assigneePlaceholder')}
        options={(users.data?.items ?? [])
          .filter((u) => u.status === 'active')
          .map((u) => ({ value: u.id, label: `${u.fullName} (${u.username})` }))}
        showSearch={{ optionFilterProp: 'label' }}
      />
      {users.isError ? (
        <Text style={{ fontSize: 12, color: TEXT_WARNING }}>
          {t('actions.assigneeUnavailable')} {isApiError(users.error) ? users.error.title : ''}
        </Text>
      ) : null}
    </>
  );
};

type Props = {
  dossier: Dossier;
  action: AvailableAction | null;
  version: number;
  onClose: () => void;
};

/** One dialog for every dossier action: only the fields the action needs, its form to print after. */
export const ActionDialog = ({ dossier, action, version, onClose }: Props) => {
  const { t, i18n } = useTranslation();
  const message = useConsoleMessage();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [printable, setPrintable] = useState<ActionResult | null>(null);
  const key = useRef(newIdempotencyKey());
  const name = action?.action;
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const label = action ? (action.label[language] ?? t(`actions.${action.action}`)) : '';

  const perform = useMutation({
    mutationFn: (values: Values) => {
      if (!name) {
        throw new Error('no action');
      }
      // The result files attached to the dossier, then the paper results typed in.
      const results =
        name === 'complete'
          ? [
              ...listResultFiles(dossier).map((file) => ({
                name: file.name,
                ...(file.documentNo ? { documentNo: file.documentNo } : {}),
                documentId: file.id,
              })),
              ...(values.results ?? [])
                .filter((r) => r.name?.trim())
                .map((r) => ({
                  name: r.name?.trim() ?? '',
                  ...(r.documentNo?.trim() ? { documentNo: r.documentNo.trim() } : {}),
                })),
            ]
          : undefined;
      const note =
        NOTE_ACTIONS.includes(name) &&
        name !== 'complete' &&
        name !== 'complete_step' &&
        name !== 'applicant_supplement'
          ? values.note?.trim()
          : undefined;
      return performAction(
        dossier.code,
        name,
        {
          expectedVersion: version,
          params: paramsOf(name, values),
          ...(note ? { note } : {}),
          ...(results ? { results } : {}),
        },
        { headers: { 'idempotency-key': key.current } },
      );
    },
    onSuccess: (result) => {
      key.current = newIdempotencyKey();
      void queryClient.invalidateQueries({ queryKey: ['dossier', dossier.code] });
      void queryClient.invalidateQueries({ queryKey: ['inbox'] });
      void message.success(t('dossier.acted', { action: result.label[language] }));
      if (
        result.form &&
        ['supplement_request', 'refusal', 'apology', 'stop_notice', 'control_slip', 'receipt'].includes(result.form)
      ) {
        setPrintable(result);
      } else {
        close();
      }
    },
    onError: (error) => {
      if (!isApiError(error)) {
        return;
      }
      if (error.code === 'VERSION_CONFLICT') {
        void queryClient.invalidateQueries({ queryKey: ['dossier', dossier.code] });
      }
      setUnplaced(
        applyFieldErrors(form, error, (path) => {
          if (path[0] === 'params' && path.length >= 2) {
            return path.slice(1);
          }
          if (path[0] === 'results' || path[0] === 'note') {
            return path;
          }
          return undefined;
        }),
      );
    },
  });

  const close = () => {
    form.resetFields();
    perform.reset();
    setPrintable(null);
    setUnplaced([]);
    onClose();
  };

  const resultFiles = listResultFiles(dossier);
  const componentOptions = dossier.components.map((c) => ({ value: c.name ?? c.key, label: c.name ?? c.key }));
  const reasonRequired = name !== undefined && REASON_ACTIONS.includes(name);

  return (
    <Modal
      open={action !== null}
      title={label}
      onCancel={close}
      destroyOnHidden
      width={600}
      footer={
        printable ? (
          <Button onClick={close}>{t('common.close')}</Button>
        ) : (
          <Space>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={perform.isPending}
              onClick={() => form.submit()}
              data-testid="action-submit"
            >
              {t('actions.submit')}
            </Button>
          </Space>
        )
      }
    >
      {printable?.form ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Paragraph>{t('dossier.acted', { action: printable.label[language] })}</Paragraph>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            href={formUrl(dossier.code, printable.form)}
            target="_blank"
            rel="noopener"
          >
            {t('dossier.printForm', { form: t(`forms.${printable.form}`) })}
          </Button>
        </Space>
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          name={`action-${name ?? 'none'}`}
          onFinish={(values) => {
            setUnplaced([]);
            perform.mutate(values);
          }}
          initialValues={{
            outcome: 'approved',
            channel: 'counter',
            results: resultFiles.length > 0 ? [] : [{ name: '' }],
          }}
        >
          <Paragraph>{t('actions.confirmText', { action: label, code: dossier.code })}</Paragraph>
          {perform.isError ? <ErrorAlert error={perform.error} extra={unplaced} /> : null}
          {name === 'request_supplement' || name === 'request_intake_supplement' ? (
            <Form.Item
              label={t('actions.missing')}
              name="missing"
              rules={[{ required: true, message: t('common.requiredSelect', { field: t('actions.missing') }) }]}
            >
              <Select mode="tags" options={componentOptions} placeholder={t('actions.missingPlaceholder')} />
            </Form.Item>
          ) : null}
          {name === 'request_payment' || name === 'record_payment' ? (
            <Form.Item
              label={t('actions.amountVnd')}
              name="amountVnd"
              rules={[{ required: true, message: t('common.required', { field: t('actions.amountVnd') }) }]}
            >
              <InputNumber<number>
                min={0}
                step={1000}
                style={{ width: '100%' }}
                formatter={(value) => (value === undefined ? '' : new Intl.NumberFormat('vi-VN').format(Number(value)))}
                parser={(value) => Number((value ?? '').replace(/[^\d]/g, ''))}
              />
            </Form.Item>
          ) : null}
          {name === 'record_payment' ? (
            <Form.Item label={t('actions.receiptNo')} name="receiptNo">
              <Input maxLength={100} />
            </Form.Item>
          ) : null}
          {name === 'apologize' ? (
            <Form.Item
              label={t('actions.newDueAt')}
              name="newDueAt"
              rules={[
                { required: true, message: t('common.required', { field: t('actions.newDueAt') }) },
                {
                  validator: async (_, value: Dayjs | undefined) => {
                    if (value?.isBefore(dayjs())) {
                      throw new Error(t('actions.newDueAtFuture'));
                    }
                  },
                },
              ]}
            >
              <DatePicker
                showTime={{ format: 'HH:mm', minuteStep: 15 }}
                format="DD/MM/YYYY HH:mm"
                style={{ width: '100%' }}
                disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
              />
            </Form.Item>
          ) : null}
          {name === 'complete' ? (
            <>
              <Form.Item label={t('actions.outcome')} name="outcome">
                <Radio.Group
                  options={[
                    { value: 'approved', label: t('actions.outcome_approved') },
                    { value: 'rejected', label: t('actions.outcome_rejected') },
                  ]}
                />
              </Form.Item>
              <ResultDocuments dossier={dossier} />
              <Text strong>{t('results.paperResults')}</Text>
              <Form.List
                name="results"
                rules={[
                  {
                    validator: async (_, value: Values['results']) => {
                      if (resultFiles.length === 0 && !value?.some((r) => r.name?.trim())) {
                        throw new Error(t('actions.resultsRequired'));
                      }
                    },
                  },
                ]}
              >
                {(fields, { add, remove }, { errors }) => (
                  <div style={{ marginTop: 8, marginBottom: 16 }}>
                    {fields.map((field) => (
                      <Space key={field.key} align="start" style={{ display: 'flex' }} wrap>
                        <Form.Item
                          name={[field.name, 'name']}
                          label={t('actions.resultName')}
                          rules={[{ min: 2, message: t('common.required', { field: t('actions.resultName') }) }]}
                        >
                          <Input style={{ width: 280 }} maxLength={500} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'documentNo']} label={t('actions.resultNo')}>
                          <Input style={{ width: 140 }} maxLength={100} />
                        </Form.Item>
                        {fields.length > 1 || resultFiles.length > 0 ? (
                          <Button
                            type="text"
                            icon={<MinusCircleOutlined />}
                            aria-label={t('common.remove')}
                            onClick={() => remove(field.name)}
                            style={{ marginTop: 30 }}
                          />
                        ) : null}
                      </Space>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
                      {t('actions.addResult')}
                    </Button>
                    <Form.ErrorList errors={errors} />
                  </div>
                )}
              </Form.List>
            </>
          ) : null}
          {name === 'return_result' ? (
            <Form.Item
              label={t('actions.channel')}
              name="channel"
              // An online return needs a result file for the applicant to download (the server refuses it too).
              extra={resultFiles.length === 0 ? t('results.noFileForOnline') : undefined}
            >
              <Radio.Group
                style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
                options={(['counter', 'post', 'online'] as const).map((value) => ({
                  value,
                  label: t(`actions.channel_${value}`),
                  disabled: value === 'online' && resultFiles.length === 0,
                }))}
              />
            </Form.Item>
          ) : null}
          {name === 'assign' && action ? (
            <Form.Item
              label={t('actions.assignee')}
              name="assigneeUserId"
              rules={[{ required: true, message: t('common.requiredSelect', { field: t('actions.assignee') }) }]}
            >
              <AssigneeSelect agencyId={action.actingAgencyId} />
            </Form.Item>
          ) : null}
          {reasonRequired ? (
            <Form.Item
              label={t('actions.reason')}
              name="reason"
              rules={[
                {
                  required: true,
                  whitespace: true,
                  min: 3,
                  message: t('common.required', { field: t('actions.reason') }),
                },
              ]}
            >
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
          ) : null}
          {name !== undefined && NOTE_ACTIONS.includes(name) ? (
            <Form.Item label={t('actions.note')} name="note">
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          ) : null}
        </Form>
      )}
    </Modal>
  );
};

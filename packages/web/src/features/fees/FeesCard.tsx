import { FileTextOutlined, WalletOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Radio, Space, Table } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, newIdempotencyKey } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConsoleMessage } from '../../components/MessageProvider';
import { Paragraph, Text } from '../../components/typography';
import { formatDateTime, formatVnd } from '../../lib/format';
import { type CounterPaymentInput, type DossierFees, useDossierFees, useRecordCounterPayment } from './useFees';
import '../../i18n/console-work';

type Method = CounterPaymentInput['method'];
type Values = { amountVnd: number; method: Method; payerName?: string; transactionRef?: string; note?: string };

/** The dialog of a payment taken at the counter: amount (the owed total by default), method, reference. */
const RecordPaymentDialog = ({
  code,
  fees,
  open,
  onClose,
}: {
  code: string;
  fees: DossierFees;
  open: boolean;
  onClose: () => void;
}) => {
  const { t, i18n } = useTranslation();
  const message = useConsoleMessage();
  const [form] = Form.useForm<Values>();
  const key = useRef(newIdempotencyKey());
  const record = useRecordCounterPayment(code);
  const method = Form.useWatch('method', form);
  const language = i18n.language === 'en' ? 'en' : 'vi';

  const submit = (values: Values) =>
    record.mutate(
      {
        body: {
          expectedVersion: fees.version,
          amountVnd: values.amountVnd,
          method: values.method,
          ...(values.payerName?.trim() ? { payerName: values.payerName.trim() } : {}),
          ...(values.method !== 'cash' && values.transactionRef?.trim()
            ? { transactionRef: values.transactionRef.trim() }
            : {}),
          ...(values.note?.trim() ? { note: values.note.trim() } : {}),
        },
        idempotencyKey: key.current,
      },
      {
        onSuccess: (result) => {
          key.current = newIdempotencyKey();
          void message.success(t('fees.recorded', { receiptNo: result.receiptNo }));
          form.resetFields();
          onClose();
        },
      },
    );

  return (
    <Modal
      open={open}
      title={t('fees.recordTitle')}
      okText={t('fees.recordSubmit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={record.isPending}
      destroyOnHidden
    >
      {record.isError ? <ErrorAlert error={record.error} /> : null}
      {record.isError && isApiError(record.error) && record.error.code === 'VERSION_CONFLICT' ? (
        <Alert type="info" showIcon title={t('fees.reloaded')} style={{ marginBottom: 12 }} />
      ) : null}
      <Paragraph>
        {t('fees.owedNow')}: <strong data-testid="fees-dialog-owed">{formatVnd(fees.owedVnd, language)}</strong>
      </Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ amountVnd: fees.owedVnd, method: 'cash' }}
        onFinish={submit}
        requiredMark="optional"
      >
        <Form.Item
          name="amountVnd"
          label={t('fees.amount')}
          rules={[{ required: true, message: t('fees.amountRequired') }]}
        >
          <InputNumber<number>
            min={1}
            max={fees.owedVnd}
            step={1000}
            style={{ width: '100%' }}
            formatter={(v) => (v === undefined ? '' : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.'))}
            parser={(v) => Number((v ?? '').replace(/\D/g, ''))}
            suffix="đ"
          />
        </Form.Item>
        <Form.Item name="method" label={t('fees.method')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={(['cash', 'card', 'transfer'] as const).map((m) => ({ value: m, label: t(`fees.method_${m}`) }))}
          />
        </Form.Item>
        {method && method !== 'cash' ? (
          <Form.Item
            name="transactionRef"
            label={t('fees.transactionRef')}
            rules={[{ required: true, whitespace: true, message: t('fees.transactionRefRequired') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        ) : null}
        <Form.Item name="payerName" label={t('fees.payerName')} extra={t('fees.payerNameHint')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="note" label={t('fees.note')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/** Fees and charges of the dossier: due, paid (online, at the counter), owed; the receipts; the desk's dialog. */
export const FeesCard = ({ code }: { code: string }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const fees = useDossierFees(code);
  const [open, setOpen] = useState(false);
  const money = (n: number) => formatVnd(n, language);

  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('fees.title')}</h2>}
      size="small"
      data-testid="fees-card"
      extra={
        fees.data?.canRecord ? (
          <Button type="primary" icon={<WalletOutlined />} onClick={() => setOpen(true)} data-testid="fees-record">
            {t('fees.record')}
          </Button>
        ) : null
      }
    >
      {fees.isError ? <ErrorAlert error={fees.error} onRetry={() => void fees.refetch()} /> : null}
      {fees.data ? (
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          {fees.data.dueVnd === 0 && fees.data.payments.length === 0 ? (
            <Text type="secondary">{t('fees.none')}</Text>
          ) : (
            <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
              <Descriptions.Item label={t('fees.due')}>{money(fees.data.dueVnd)}</Descriptions.Item>
              <Descriptions.Item label={t('fees.paidOnline')}>{money(fees.data.paidOnlineVnd)}</Descriptions.Item>
              <Descriptions.Item label={t('fees.paidCounter')}>{money(fees.data.paidCounterVnd)}</Descriptions.Item>
              <Descriptions.Item label={t('fees.owed')}>
                <Text strong type={fees.data.owedVnd > 0 ? 'danger' : 'success'} data-testid="fees-owed">
                  {money(fees.data.owedVnd)}
                </Text>
              </Descriptions.Item>
            </Descriptions>
          )}
          {fees.data.owedVnd > 0 ? <Alert type="warning" showIcon title={t('fees.returnBlocked')} /> : null}
          {fees.data.overpaidVnd > 0 ? (
            <Alert type="info" showIcon title={t('fees.overpaid', { amount: money(fees.data.overpaidVnd) })} />
          ) : null}
          {fees.data.unpricedFees.length > 0 ? (
            <Text type="secondary" style={{ fontSize: 13 }}>
              {t('fees.unpriced', { names: fees.data.unpricedFees.join('; ') })}
            </Text>
          ) : null}
          {fees.data.charges.length > 0 ? (
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={fees.data.charges}
              columns={[
                { title: t('fees.charge'), dataIndex: 'name' },
                { title: t('fees.due'), align: 'right', render: (_, c) => money(c.amountVnd) },
                { title: t('fees.owed'), align: 'right', render: (_, c) => money(c.owedVnd) },
              ]}
            />
          ) : null}
          {fees.data.payments.length > 0 ? (
            <Table
              size="small"
              pagination={false}
              rowKey="id"
              dataSource={fees.data.payments}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('fees.receiptNo'), dataIndex: 'receiptNo' },
                { title: t('fees.paidAt'), render: (_, p) => formatDateTime(p.paidAt) },
                { title: t('fees.method'), render: (_, p) => t(`fees.method_${p.method}`) },
                { title: t('fees.amount'), align: 'right', render: (_, p) => money(p.amountVnd) },
                { title: t('fees.collectedBy'), render: (_, p) => p.collectedBy ?? '—' },
                {
                  title: t('fees.receipt'),
                  render: (_, p) => (
                    <Button
                      size="small"
                      icon={<FileTextOutlined />}
                      href={p.receiptUrl}
                      target="_blank"
                      rel="noopener"
                      data-receipt={p.receiptNo}
                    >
                      {t('fees.receiptLink')}
                    </Button>
                  ),
                },
              ]}
            />
          ) : null}
        </Space>
      ) : null}
      {fees.data ? (
        <RecordPaymentDialog code={code} fees={fees.data} open={open} onClose={() => setOpen(false)} />
      ) : null}
    </Card>
  );
};

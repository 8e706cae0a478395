import { UploadOutlined } from '@ant-design/icons';
import {
  CONFIDENTIALITIES,
  CONFIDENTIALITY_LABELS,
  DOCUMENT_TYPES,
  MIN_SCAN_DPI,
  URGENCIES,
  URGENCY_LABELS,
} from '@motcua/domain/eoffice/vocabulary';
import { Button, Flex, Form, InputNumber, Radio, Select } from 'antd';
import Input from 'antd/es/input/Input';
import TextArea from 'antd/es/input/TextArea';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Panel } from '../../components/Panel';
import { Text } from '../../components/typography';
import { type IncomingPaperRegistration, type IncomingScan, useRegisterPaper, useUploadScan } from './useIncoming';

type Values = Omit<IncomingPaperRegistration, 'file' | 'receivedAt'> & { receivedAt?: string };

/**
 * The clerk registers a paper document (Decree 30/2020 Art. 22): the scanned PDF first (≥ 200 dpi), then the
 * fields of the register (Phụ lục IV): issuer, number and symbol, date, type, subject, urgency, confidentiality.
 */
export const RegisterPaperForm = ({
  agencies,
  onDone,
  onCancel,
}: {
  agencies: { id: string; name: string }[];
  onDone: (result: { id: string; number: number }) => void;
  onCancel: () => void;
}) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const [form] = Form.useForm<Values>();
  const upload = useUploadScan();
  const register = useRegisterPaper();
  const [scan, setScan] = useState<IncomingScan | null>(null);
  const agencyId = Form.useWatch('agencyId', form) ?? agencies[0]?.id;
  return (
    <Panel title={t('incoming.registerTitle')} level={2}>
      <Form<Values>
        form={form}
        layout="vertical"
        name="incoming-register"
        initialValues={{
          agencyId: agencies[0]?.id,
          urgency: 'normal',
          confidentiality: 'normal',
          documentType: 'CV',
          scanDpi: 300,
        }}
        onFinish={(values) => {
          if (!scan) {
            return;
          }
          const { receivedAt, ...rest } = values;
          register.mutate(
            {
              ...rest,
              // With one agency its field is not shown, so it is not among the form's values.
              agencyId: values.agencyId ?? agencyId ?? '',
              ...(receivedAt ? { receivedAt: `${receivedAt}:00+07:00` } : {}),
              file: { sha256: scan.sha256, fileName: scan.fileName, sizeBytes: scan.sizeBytes, token: scan.token },
            },
            { onSuccess: (result) => onDone({ id: result.id, number: result.incomingNumber ?? 0 }) },
          );
        }}
      >
        {agencies.length > 1 ? (
          <Form.Item name="agencyId" label={t('incoming.agency')}>
            <Select options={agencies.map((agency) => ({ value: agency.id, label: agency.name }))} />
          </Form.Item>
        ) : null}
        <Form.Item label={t('incoming.scan')} extra={t('incoming.scanHint')} required>
          <Flex vertical gap={6}>
            <label className="ant-btn ant-btn-default" style={{ width: 'fit-content', cursor: 'pointer' }}>
              <UploadOutlined aria-hidden /> {t('incoming.chooseFile')}
              <input
                type="file"
                accept="application/pdf"
                data-testid="incoming-scan"
                style={{ position: 'absolute', width: 1, height: 1, opacity: 0 }}
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  if (file && agencyId) {
                    upload.mutate({ agencyId, file }, { onSuccess: setScan });
                  }
                }}
              />
            </label>
            {scan ? <Text type="secondary">{t('incoming.uploaded', { name: scan.fileName })}</Text> : null}
            {upload.isError ? <ErrorAlert error={upload.error} /> : null}
          </Flex>
        </Form.Item>
        <Form.Item
          name="scanDpi"
          label={t('incoming.scanDpi')}
          rules={[{ required: true, type: 'number', min: MIN_SCAN_DPI }]}
        >
          <InputNumber min={1} max={2400} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="receivedAt" label={t('incoming.receivedAt')}>
          <Input type="datetime-local" style={{ maxWidth: 260 }} />
        </Form.Item>
        <Form.Item name="issuerName" label={t('incoming.issuerName')} rules={[{ required: true, max: 300 }]}>
          <Input />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="numberSymbol" label={t('incoming.numberSymbol')} rules={[{ required: true, max: 60 }]}>
            <Input placeholder="123/UBND-VP" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="issuedOn" label={t('incoming.issuedOn')} rules={[{ required: true }]}>
            <Input type="date" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="documentType" label={t('incoming.documentType')} rules={[{ required: true }]}>
            <Select
              style={{ width: 200 }}
              showSearch
              optionFilterProp="label"
              options={DOCUMENT_TYPES.map((type) => ({ value: type.code, label: type[language] }))}
            />
          </Form.Item>
        </Flex>
        <Form.Item name="subject" label={t('incoming.subject')} rules={[{ required: true, max: 2000 }]}>
          <TextArea rows={3} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="signerName" label={t('incoming.signerName')}>
            <Input style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="pageCount" label={t('incoming.pageCount')}>
            <InputNumber min={1} max={100000} style={{ width: 120 }} />
          </Form.Item>
        </Flex>
        <Form.Item name="urgency" label={t('incoming.urgency')}>
          <Radio.Group options={URGENCIES.map((value) => ({ value, label: URGENCY_LABELS[value][language] }))} />
        </Form.Item>
        <Form.Item name="confidentiality" label={t('incoming.confidentiality')}>
          <Radio.Group
            options={CONFIDENTIALITIES.map((value) => ({ value, label: CONFIDENTIALITY_LABELS[value][language] }))}
          />
        </Form.Item>
        {register.isError ? <ErrorAlert error={register.error} /> : null}
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={register.isPending} disabled={!scan}>
            {t('incoming.save')}
          </Button>
          <Button onClick={onCancel}>{t('incoming.cancel')}</Button>
        </Flex>
      </Form>
    </Panel>
  );
};

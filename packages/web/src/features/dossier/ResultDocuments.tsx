import { FilePdfOutlined, SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, List, Space } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier, DossierDocument } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConsoleMessage } from '../../components/MessageProvider';
import { SoftTag } from '../../components/SoftTag';
import { Text } from '../../components/typography';
import { attachResult, generateResult } from './useDossier';
import '../../i18n/console-work';

/** The dossier's result documents that have a stored file (what the citizen downloads when returned online). */
export const listResultFiles = (dossier: Dossier): DossierDocument[] =>
  dossier.documents.filter((d) => d.kind === 'result' && d.sha256);

/** One result file: its name and number, where it came from, its download and verification links. */
export const ResultFileItem = ({ document }: { document: DossierDocument }) => {
  const { t } = useTranslation();
  return (
    <List.Item
      actions={[
        document.downloadUrl ? (
          <a key="download" href={document.downloadUrl} target="_blank" rel="noopener">
            <FilePdfOutlined aria-hidden /> {t('results.download')}
          </a>
        ) : null,
        document.verifyUrl ? (
          <a key="verify" href={document.verifyUrl} target="_blank" rel="noopener">
            <SafetyCertificateOutlined aria-hidden /> {t('results.verify')}
          </a>
        ) : null,
      ].filter(Boolean)}
    >
      <Space orientation="vertical" size={0}>
        <span>
          {document.name}
          {document.documentNo ? ` — ${document.documentNo}` : ''}{' '}
          <SoftTag>{t(`results.origin_${document.origin}`)}</SoftTag>
        </span>
        <Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
          SHA-256: {document.sha256}
        </Text>
      </Space>
    </List.Item>
  );
};

/**
 * The approver's result documents in the complete dialog: the files already attached, generating one
 * from the procedure version's template (when it has one), and uploading a signed PDF.
 */
export const ResultDocuments = ({ dossier }: { dossier: Dossier }) => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const queryClient = useQueryClient();
  const [documentNo, setDocumentNo] = useState('');
  const [uploadName, setUploadName] = useState(dossier.resultTemplate?.title ?? '');
  const [uploadNo, setUploadNo] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const files = listResultFiles(dossier);

  const refresh = (name: string) => {
    void queryClient.invalidateQueries({ queryKey: ['dossier', dossier.code] });
    void message.success(t('results.attached', { name }));
  };
  const generate = useMutation({
    mutationFn: () => generateResult(dossier.code, documentNo.trim()),
    onSuccess: (document) => {
      setDocumentNo('');
      refresh(document.name);
    },
  });
  const upload = useMutation({
    mutationFn: (file: File) =>
      attachResult(dossier.code, { file, name: uploadName.trim(), documentNo: uploadNo.trim() || undefined }),
    onSuccess: (document) => {
      setUploadNo('');
      refresh(document.name);
    },
  });

  return (
    <div data-testid="result-documents" style={{ marginBottom: 16 }}>
      <Text strong>{t('results.title')}</Text>
      <List
        size="small"
        bordered
        style={{ marginTop: 8, marginBottom: 12 }}
        dataSource={files}
        locale={{ emptyText: t('results.none') }}
        renderItem={(document) => <ResultFileItem document={document} />}
      />
      {generate.isError ? <ErrorAlert error={generate.error} /> : null}
      {upload.isError ? <ErrorAlert error={upload.error} /> : null}
      {dossier.resultTemplate ? (
        <Form.Item
          label={t('results.generate', { title: dossier.resultTemplate.title })}
          help={t('results.generateHelp')}
          style={{ marginBottom: 12 }}
        >
          <Space.Compact style={{ width: '100%' }}>
            <Input
              aria-label={t('results.documentNo')}
              placeholder={t('results.documentNo')}
              value={documentNo}
              maxLength={100}
              onChange={(event) => setDocumentNo(event.target.value)}
            />
            <Button
              loading={generate.isPending}
              disabled={documentNo.trim() === ''}
              onClick={() => generate.mutate()}
              data-testid="result-generate"
            >
              {t('results.create')}
            </Button>
          </Space.Compact>
        </Form.Item>
      ) : null}
      <Form.Item label={t('results.upload')} style={{ marginBottom: 0 }}>
        <Space wrap>
          <Input
            aria-label={t('results.name')}
            placeholder={t('results.name')}
            value={uploadName}
            maxLength={500}
            onChange={(event) => setUploadName(event.target.value)}
            style={{ width: 220 }}
          />
          <Input
            aria-label={t('results.documentNo')}
            placeholder={t('results.documentNo')}
            value={uploadNo}
            maxLength={100}
            onChange={(event) => setUploadNo(event.target.value)}
            style={{ width: 140 }}
          />
          <Button
            icon={<UploadOutlined />}
            loading={upload.isPending}
            disabled={uploadName.trim().length < 2}
            onClick={() => fileInput.current?.click()}
          >
            {t('results.chooseFile')}
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept="application/pdf,.pdf"
            style={{ display: 'none' }}
            data-testid="result-file"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) {
                upload.mutate(file);
              }
            }}
          />
        </Space>
      </Form.Item>
    </div>
  );
};

import { CheckCircleFilled, CloseCircleFilled, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { sha256Hex } from '../../lib/files';
import { formatDate, formatDateTime } from '../../lib/format';
import { TEXT_SUCCESS } from '../../theme';
import '../../i18n/citizen';
import { verifyDocument } from './usePortal';

/** Compares a file the reader has with the issued document, by hashing it in the browser. */
const CompareFile = ({ sha256 }: { sha256: string }) => {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<{ name: string; match: boolean } | null>(null);
  return (
    <section aria-labelledby="compare-title" style={{ marginTop: 16 }}>
      <h2 id="compare-title" style={{ fontSize: 17 }}>
        {t('citizen.verify.compare')}
      </h2>
      <p style={{ color: 'rgba(0,0,0,0.68)' }}>{t('citizen.verify.compareHelp')}</p>
      <input
        ref={input}
        id="compare-file"
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) {
            setResult({ name: file.name, match: (await sha256Hex(file)) === sha256.toLowerCase() });
          }
        }}
      />
      <Button onClick={() => input.current?.click()}>{t('citizen.verify.chooseFile')}</Button>
      <div aria-live="polite" style={{ marginTop: 8 }}>
        {result ? (
          <Alert
            type={result.match ? 'success' : 'error'}
            showIcon
            title={
              result.match
                ? t('citizen.verify.match', { name: result.name })
                : t('citizen.verify.mismatch', { name: result.name })
            }
          />
        ) : null}
      </div>
    </section>
  );
};

/** Who signed, when a later API returns it (the schema is open: `signedBy` / `signerName`). */
const signerOf = (data: Record<string, unknown>): string | null => {
  const value = data.signedBy ?? data.signerName;
  return typeof value === 'string' && value.length > 0 ? value : null;
};

/**
 * Xác minh văn bản (/xac-minh/:sha256): a result document's issuer, date, name, number and hash —
 * nothing about the applicant. The QR code printed on a result points to the server's own page
 * (/v/:sha256); this is the portal's version of it.
 */
export const VerifyPage = () => {
  const { t } = useTranslation();
  const { sha256 = '' } = useParams();
  const valid = /^[0-9a-fA-F]{64}$/.test(sha256);
  const document = useQuery({
    queryKey: ['verify', sha256.toLowerCase()],
    queryFn: ({ signal }) => verifyDocument(sha256.toLowerCase(), signal),
    enabled: valid,
    retry: false,
  });
  useEffect(() => {
    window.document.title = `${t('citizen.verify.title')} — ${t('app.portalName')}`;
  }, [t]);

  return (
    <div style={{ maxWidth: 760, margin: '0 auto' }}>
      <h1 style={{ fontSize: 24, marginTop: 0 }}>
        <SafetyCertificateOutlined aria-hidden /> {t('citizen.verify.title')}
      </h1>
      {!valid ? (
        <Alert type="error" showIcon icon={<CloseCircleFilled />} title={t('citizen.verify.invalidHash')} />
      ) : document.isPending ? (
        <PageLoading />
      ) : document.isError ? (
        <ErrorAlert error={document.error} />
      ) : (
        <Panel>
          <p style={{ color: TEXT_SUCCESS, fontWeight: 600, fontSize: 16, marginTop: 0 }} data-testid="verify-valid">
            <CheckCircleFilled aria-hidden /> {t('citizen.verify.valid')}
          </p>
          <dl className="facts" data-testid="verify-facts">
            <dt>{t('citizen.verify.issuer')}</dt>
            <dd>{document.data.issuer?.name ?? '—'}</dd>
            <dt>{t('citizen.verify.name')}</dt>
            <dd>{document.data.name}</dd>
            <dt>{t('citizen.verify.documentNo')}</dt>
            <dd>{document.data.documentNo ?? '—'}</dd>
            <dt>{t('citizen.verify.issuedAt')}</dt>
            <dd>{formatDate(document.data.issuedAt)}</dd>
            <dt>{t('citizen.verify.signature')}</dt>
            <dd data-testid="verify-signed-at">
              {document.data.signedAt ? (
                <>
                  <SafetyCertificateOutlined aria-hidden style={{ color: TEXT_SUCCESS }} />{' '}
                  {`${t('citizen.verify.signedAt')} ${formatDateTime(document.data.signedAt)}`}
                  {signerOf(document.data) ? ` — ${signerOf(document.data)}` : ''}
                </>
              ) : (
                t('citizen.verify.unsigned')
              )}
            </dd>
            <dt>{t('citizen.verify.sha256')}</dt>
            <dd>
              <code style={{ fontSize: 13, wordBreak: 'break-all' }}>{document.data.sha256}</code>
            </dd>
          </dl>
          <CompareFile sha256={document.data.sha256} />
        </Panel>
      )}
    </div>
  );
};

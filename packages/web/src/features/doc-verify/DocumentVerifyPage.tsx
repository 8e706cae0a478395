import { CheckCircleFilled, CloseCircleFilled, SafetyCertificateOutlined, WarningFilled } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { formatDate, formatDateTime } from '../../lib/format';
import { TEXT_SUCCESS } from '../../theme';
import '../../i18n/doc-verify';
import { fetchDocumentVerification, type UploadedPdfVerification, verifyPdfFile } from './useDocVerify';

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
const TEST_CA = 'motcua TEST CA';

/** The name in a certificate subject ("CN=Nguyễn Văn A, O=…" → "Nguyễn Văn A"). */
const commonName = (subject: string) => /(?:^|, )CN=([^,]+)/.exec(subject)?.[1] ?? subject;

type Signature = UploadedPdfVerification['signatures'][number];

const SignatureResult = ({ signature }: { signature: Signature }) => {
  const { t } = useTranslation();
  const intact = signature.digestMatches && signature.signatureValid && signature.byteRangeWellFormed;
  const [type, icon, label] = signature.valid
    ? (['success', <CheckCircleFilled key="i" />, t('docVerify.signatureValid')] as const)
    : intact
      ? (['warning', <WarningFilled key="i" />, t('docVerify.signatureUntrusted')] as const)
      : (['error', <CloseCircleFilled key="i" />, t('docVerify.signatureInvalid')] as const);
  return (
    <li style={{ marginBottom: 12 }} data-testid="pdf-signature">
      <Alert
        type={type}
        showIcon
        icon={icon}
        title={`#${signature.index} ${label}`}
        description={
          <dl className="facts" style={{ margin: 0 }}>
            <dt>{t('docVerify.certificate')}</dt>
            <dd>{signature.certificate ? commonName(signature.certificate.subject) : '—'}</dd>
            <dt>{t('docVerify.issuer')}</dt>
            <dd>{signature.certificate ? commonName(signature.certificate.issuer) : '—'}</dd>
            <dt>{t('docVerify.signedAt')}</dt>
            <dd>{signature.signingTime ? formatDateTime(signature.signingTime) : '—'}</dd>
            {signature.timestamp ? (
              <>
                <dt>{t('docVerify.timestamp')}</dt>
                <dd>{formatDateTime(signature.timestamp.at)}</dd>
              </>
            ) : null}
            <dt />
            <dd>{signature.coversWholeDocument ? t('docVerify.coversWhole') : t('docVerify.notWhole')}</dd>
          </dl>
        }
      />
    </li>
  );
};

/** Upload a PDF: motcua checks every signature in it, and whether it is exactly an issued document. */
const UploadCheck = () => {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const check = useMutation({ mutationFn: verifyPdfFile });
  const result = check.data;
  const usesTestCa = result?.signatures.some((s) => s.certificate?.issuer.includes(TEST_CA));
  return (
    <Panel title={t('docVerify.uploadTitle')} titleId="upload-title">
      <p style={{ color: 'rgba(0,0,0,0.68)' }}>{t('docVerify.uploadHelp')}</p>
      <input
        ref={input}
        type="file"
        accept="application/pdf,.pdf"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="verify-pdf-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) {
            check.mutate(file);
          }
        }}
      />
      <Button type="primary" loading={check.isPending} onClick={() => input.current?.click()}>
        {check.isPending ? t('docVerify.checking') : t('docVerify.chooseFile')}
      </Button>
      <div aria-live="polite" style={{ marginTop: 16 }} data-testid="verify-pdf-result">
        {check.isError ? <ErrorAlert error={check.error} /> : null}
        {result ? (
          <>
            <p>
              {result.knownAs?.kind === 'outgoing' ? (
                <span style={{ color: TEXT_SUCCESS, fontWeight: 600 }}>
                  <CheckCircleFilled aria-hidden />{' '}
                  {t('docVerify.knownOutgoing', { numberSymbol: result.knownAs.numberSymbol ?? '' })}{' '}
                  {result.knownAs.token ? (
                    <Link to={`/xac-thuc-van-ban/${result.knownAs.token}`}>{t('docVerify.openDocument')}</Link>
                  ) : null}
                </span>
              ) : result.knownAs?.kind === 'result' ? (
                <span style={{ color: TEXT_SUCCESS, fontWeight: 600 }}>
                  <CheckCircleFilled aria-hidden /> {t('docVerify.knownResult')}
                </span>
              ) : (
                t('docVerify.unknownFile')
              )}
            </p>
            {result.signatures.length === 0 ? <p>{t('docVerify.noSignaturesInFile')}</p> : null}
            <ol style={{ listStyle: 'none', padding: 0 }}>
              {result.signatures.map((signature) => (
                <SignatureResult key={signature.index} signature={signature} />
              ))}
            </ol>
            {result.modifiedAfterLastSignature ? (
              <Alert type="warning" showIcon title={t('docVerify.modifiedAfter')} />
            ) : null}
            {usesTestCa ? <p style={{ color: 'rgba(0,0,0,0.68)' }}>{t('docVerify.testCaNote')}</p> : null}
            <p style={{ fontSize: 13, wordBreak: 'break-all' }}>
              SHA-256: <code>{result.sha256}</code>
            </p>
          </>
        ) : null}
      </div>
    </Panel>
  );
};

/** The issued document behind the QR code's token. */
const IssuedDocument = ({ token }: { token: string }) => {
  const { t } = useTranslation();
  const document = useQuery({
    queryKey: ['doc-verify', token],
    queryFn: ({ signal }) => fetchDocumentVerification(token, signal),
    enabled: TOKEN.test(token),
    retry: false,
  });
  if (!TOKEN.test(token)) {
    return <Alert type="error" showIcon title={t('docVerify.notFound')} />;
  }
  if (document.isPending) {
    return <PageLoading />;
  }
  if (document.isError) {
    return <ErrorAlert error={document.error} />;
  }
  const data = document.data;
  return (
    <Panel>
      {data.isDemo ? <Alert type="info" showIcon title={t('docVerify.demo')} style={{ marginBottom: 12 }} /> : null}
      <p style={{ color: TEXT_SUCCESS, fontWeight: 600, fontSize: 16, marginTop: 0 }} data-testid="doc-verify-issued">
        <CheckCircleFilled aria-hidden /> {t('docVerify.issued')}
      </p>
      <dl className="facts" data-testid="doc-verify-facts">
        <dt>{t('docVerify.numberSymbol')}</dt>
        <dd>{data.numberSymbol ?? '—'}</dd>
        <dt>{t('docVerify.documentType')}</dt>
        <dd>{data.documentTypeLabel.vi}</dd>
        <dt>{t('docVerify.subject')}</dt>
        <dd>{data.subject}</dd>
        <dt>{t('docVerify.agency')}</dt>
        <dd>{data.agencyName ?? '—'}</dd>
        <dt>{t('docVerify.issuedAt')}</dt>
        <dd>{formatDate(data.issuedAt)}</dd>
        <dt>{t('docVerify.sha256')}</dt>
        <dd>
          <code style={{ fontSize: 13, wordBreak: 'break-all' }}>{data.signedFileSha256 ?? '—'}</code>
        </dd>
      </dl>
      <h2 style={{ fontSize: 17 }}>{t('docVerify.signatures')}</h2>
      {data.signatures.length === 0 ? <p>{t('docVerify.noSignatures')}</p> : null}
      <ul style={{ paddingLeft: 20 }}>
        {data.signatures.map((signature) => (
          <li key={`${signature.kind}-${signature.certificateSerial}-${signature.signedAt}`}>
            <strong>{t(`docVerify.kind_${signature.kind}`)}</strong>: {commonName(signature.certificateSubject)} —{' '}
            {formatDateTime(signature.signedAt)}
          </li>
        ))}
      </ul>
      {data.signedFileCheck ? (
        data.signedFileCheck.allValid && !data.signedFileCheck.modifiedAfterLastSignature ? (
          <p style={{ color: TEXT_SUCCESS }}>
            {t('docVerify.fileCheckOk', { count: data.signedFileCheck.signatures })}
          </p>
        ) : (
          <Alert type="warning" showIcon title={t('docVerify.fileCheckBad')} />
        )
      ) : null}
    </Panel>
  );
};

/**
 * Xác thực văn bản (/xac-thuc-van-ban/:token and /xac-thuc-van-ban): the issued document the QR code stamped
 * on it names, and a check of the digital signatures of any PDF the reader holds.
 */
export const DocumentVerifyPage = () => {
  const { t } = useTranslation();
  const { token } = useParams();
  useEffect(() => {
    window.document.title = `${t('docVerify.title')} — ${t('app.portalName')}`;
  }, [t]);
  return (
    <div style={{ maxWidth: 760, margin: '0 auto', display: 'grid', gap: 16 }}>
      <div>
        <h1 style={{ fontSize: 24, marginTop: 0 }}>
          <SafetyCertificateOutlined aria-hidden /> {t('docVerify.title')}
        </h1>
        <p style={{ color: 'rgba(0,0,0,0.68)', margin: 0 }}>{t('docVerify.intro')}</p>
      </div>
      {token ? <IssuedDocument token={token} /> : null}
      <UploadCheck />
    </div>
  );
};

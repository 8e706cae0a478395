import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex } from 'antd';
// TextArea alone: `Input` would bring Search and Password too (the page is near the 300 KB budget).
import TextArea from 'antd/es/input/TextArea';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import '../../i18n/outgoing';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { Text, Title } from '../../components/typography';
import { formatDateTime } from '../../lib/format';
import { useMe } from '../auth/useMe';
import { DOCUMENT_TYPE_OPTIONS } from './outgoing-options';
import { signedFileUrl, useOutgoing, useOutgoingStep, useUploadVersion, versionFileUrl } from './useOutgoing';

const ACTION_KEYS = {
  create: true,
  upload_version: true,
  edit: true,
  submit: true,
  review_approved: true,
  review_returned: true,
  sign: true,
  seal: true,
  issue: true,
  cancel: true,
} as const;
type ActionKey = keyof typeof ACTION_KEYS;

const Field = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div style={{ minWidth: 180 }}>
    <Text type="secondary" style={{ fontSize: 13 }}>
      {label}
    </Text>
    <div>{children}</div>
  </div>
);

/** The drafter's editor (chain and recipients: antd Select, InputNumber), loaded only for a draft. */
const ChainEditor = lazy(() => import('./ChainEditor').then((m) => ({ default: m.ChainEditor })));

/** The signer's step (the page preview and position picker), loaded only when it opens. */
const SignStep = lazy(() => import('./SignStep').then((m) => ({ default: m.SignStep })));

/** One outgoing document: its fields, versions, chain, review, signing, sealing, issue and history. */
export const OutgoingDocumentPage = () => {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const { message } = App.useApp();
  const me = useMe().data;
  const query = useOutgoing(id);
  const upload = useUploadVersion(id);
  const submit = useOutgoingStep(id, 'submit');
  const review = useOutgoingStep(id, 'review');
  const seal = useOutgoingStep(id, 'seal');
  const issue = useOutgoingStep(id, 'issue');
  const [comment, setComment] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => setComment(''), []);
  if (query.isPending) {
    return <PageLoading />;
  }
  if (query.error) {
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  const doc = query.data;
  const isDrafter = doc.drafterUserId === me?.id;
  const editable = isDrafter && (doc.status === 'draft' || doc.status === 'returned');
  const isClerk = !!me?.roles.some((grant) => grant.role === 'clerk' && grant.agencyId === doc.agencyId);
  const stepError = submit.error ?? review.error ?? seal.error ?? issue.error ?? upload.error;
  return (
    <Flex vertical gap={16}>
      <Link to="/can-bo/van-ban-di">← {t('outgoing.back')}</Link>
      <Flex justify="space-between" align="start" wrap gap={8}>
        <Title level={1} style={{ margin: 0 }}>
          {doc.numberSymbol ? `${doc.numberSymbol} — ` : ''}
          {doc.subject}
        </Title>
        <Flex gap={4} wrap>
          {doc.isDemo ? <SoftTag>{t('outgoing.demo')}</SoftTag> : null}
          <SoftTag tone={doc.status === 'issued' ? 'success' : 'info'}>{doc.statusLabel[language]}</SoftTag>
        </Flex>
      </Flex>
      <Panel>
        <Flex gap={16} wrap>
          <Field label={t('outgoing.fields.documentType')}>
            {DOCUMENT_TYPE_OPTIONS.find((type) => type.code === doc.documentType)?.[language] ?? doc.documentType}
          </Field>
          <Field label={t('outgoing.fields.urgency')}>{t(`outgoing.urgency.${doc.urgency}`)}</Field>
          <Field label={t('outgoing.fields.confidentiality')}>
            {t(`outgoing.confidentiality.${doc.confidentiality}`)}
          </Field>
          <Field label={t('outgoing.fields.drafter')}>{doc.drafterName ?? ''}</Field>
          <Field label={t('outgoing.fields.signer')}>
            {doc.signerName ?? '—'} ({t(`outgoing.signMode.${doc.signMode}`)})
          </Field>
          <Field label={t('outgoing.fields.round')}>{doc.reviewRound}</Field>
          {doc.signedFileSha256 ? (
            <Field label={t('outgoing.signedFile')}>
              <a href={signedFileUrl(doc.id)} target="_blank" rel="noreferrer">
                {doc.numberSymbol ?? 'PDF'}
              </a>
            </Field>
          ) : null}
        </Flex>
      </Panel>
      {stepError ? <ErrorAlert error={stepError} /> : null}

      <Panel title={t('outgoing.versions')} level={3}>
        {doc.versions.length === 0 ? <Text type="secondary">{t('outgoing.none')}</Text> : null}
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {doc.versions.map((version) => (
            <li key={version.versionNo}>
              <a href={versionFileUrl(doc.id, version.versionNo)} target="_blank" rel="noreferrer">
                {t('outgoing.versionLine', { no: version.versionNo, name: version.fileName })}
              </a>{' '}
              <Text type="secondary" style={{ fontSize: 13 }}>
                {version.uploadedBy ?? ''} · {formatDateTime(version.uploadedAt)}
              </Text>
            </li>
          ))}
        </ul>
        {editable ? (
          <>
            <input
              ref={fileInput}
              type="file"
              hidden
              accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              aria-label={t('outgoing.upload')}
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) {
                  upload.mutate(
                    { file, expectedVersion: doc.version },
                    { onSuccess: () => void message.success(t('outgoing.uploaded')) },
                  );
                }
                event.target.value = '';
              }}
            />
            <Button
              icon={<UploadOutlined />}
              style={{ marginTop: 8 }}
              loading={upload.isPending}
              onClick={() => fileInput.current?.click()}
            >
              {t('outgoing.upload')}
            </Button>
          </>
        ) : null}
      </Panel>

      {editable ? (
        <Suspense fallback={<PageLoading />}>
          <ChainEditor key={doc.version} doc={doc} />
        </Suspense>
      ) : null}
      {editable ? (
        <Button
          type="primary"
          style={{ alignSelf: 'flex-start' }}
          loading={submit.isPending}
          onClick={() =>
            submit.mutate(
              { expectedVersion: doc.version },
              { onSuccess: () => void message.success(t('outgoing.submitted')) },
            )
          }
        >
          {t('outgoing.submit')}
        </Button>
      ) : null}

      {doc.myDecidableSteps.length > 0 ? (
        <Panel title={t('outgoing.review')} level={3}>
          <TextArea
            aria-label={t('outgoing.comment')}
            placeholder={t('outgoing.comment')}
            rows={3}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
          <Flex gap={8} style={{ marginTop: 8 }} wrap>
            {(['approved', 'returned'] as const).map((decision) => (
              <Button
                key={decision}
                type={decision === 'approved' ? 'primary' : 'default'}
                danger={decision === 'returned'}
                loading={review.isPending}
                onClick={() =>
                  review.mutate(
                    {
                      expectedVersion: doc.version,
                      decision,
                      reviewerUserId: doc.myDecidableSteps[0]?.reviewerUserId,
                      ...(comment.trim() ? { comment: comment.trim() } : {}),
                    },
                    { onSuccess: () => void message.success(t('outgoing.decided')) },
                  )
                }
              >
                {decision === 'approved' ? t('outgoing.approve') : t('outgoing.return')}
              </Button>
            ))}
          </Flex>
        </Panel>
      ) : null}

      {doc.status === 'approved' && doc.signerUserId === me?.id ? (
        <Suspense fallback={<PageLoading />}>
          <SignStep doc={doc} />
        </Suspense>
      ) : null}
      {doc.status === 'signed' && isClerk ? (
        <Flex gap={8} wrap>
          {doc.organisationSignedAt ? (
            <Button
              type="primary"
              loading={issue.isPending}
              onClick={() =>
                issue.mutate(
                  { expectedVersion: doc.version },
                  { onSuccess: () => void message.success(t('outgoing.issued')) },
                )
              }
            >
              {t('outgoing.issue')}
            </Button>
          ) : (
            <Button
              type="primary"
              loading={seal.isPending}
              onClick={() =>
                seal.mutate(
                  { expectedVersion: doc.version },
                  { onSuccess: () => void message.success(t('outgoing.sealed')) },
                )
              }
            >
              {t('outgoing.seal')}
            </Button>
          )}
        </Flex>
      ) : null}

      {doc.steps.length > 0 ? (
        <Panel title={t('outgoing.chain')} level={3}>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {doc.steps.map((step) => (
              <li key={`${step.reviewRound}-${step.stage}-${step.reviewerUserId}`} data-testid="step-line">
                {t('outgoing.fields.round')} {step.reviewRound} · {t('outgoing.stage')} {step.stage}:{' '}
                {step.reviewerName ?? ''}
                {step.substituteName ? ` (${t('outgoing.substitute')}: ${step.substituteName})` : ''} —{' '}
                {t(`outgoing.kind.${step.kind}`)} — <strong>{t(`outgoing.decision.${step.decision}`)}</strong>
                {step.decidedByName && step.decidedByName !== step.reviewerName ? ` (${step.decidedByName})` : ''}
                {step.comment ? `: “${step.comment}”` : ''}
              </li>
            ))}
          </ul>
        </Panel>
      ) : null}

      <Panel title={t('outgoing.recipients')} level={3}>
        {doc.recipients.length === 0 ? <Text type="secondary">{t('outgoing.none')}</Text> : null}
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {doc.recipients.map((recipient) => (
            <li key={recipient.position}>
              {recipient.name} — {t(`outgoing.channel.${recipient.channel}`)}
            </li>
          ))}
        </ul>
        {doc.deliveries.length > 0 ? (
          <>
            <Title level={3}>{t('outgoing.deliveries')}</Title>
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {doc.deliveries.map((delivery) => (
                <li key={delivery.id}>
                  {delivery.recipientName} — {delivery.status} · {formatDateTime(delivery.statusAt)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Panel>

      {doc.signatures.length > 0 ? (
        <Panel title={t('outgoing.signatures')} level={3}>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {doc.signatures.map((signature) => (
              <li key={`${signature.kind}-${signature.signedAt}`}>
                {t(`outgoing.signatureKind.${signature.kind}`)}: {signature.certificateSubject} ·{' '}
                {formatDateTime(signature.signedAt)}
              </li>
            ))}
          </ul>
        </Panel>
      ) : null}

      <Panel title={t('outgoing.history')} level={3}>
        <ol style={{ margin: 0, paddingLeft: 18 }}>
          {doc.events.map((event) => (
            <li key={event.seq}>
              {formatDateTime(event.at)} · {event.actorName ?? ''} ·{' '}
              {event.action in ACTION_KEYS ? t(`outgoing.actions.${event.action as ActionKey}`) : event.action}
              {event.note ? `: ${event.note}` : ''}
            </li>
          ))}
        </ol>
      </Panel>
    </Flex>
  );
};

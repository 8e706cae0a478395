import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Flex, Input, InputNumber, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
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
import {
  type OutgoingDetail,
  type OutgoingEditInput,
  signedFileUrl,
  useDocumentPeople,
  useEditOutgoing,
  useOutgoing,
  useOutgoingStep,
  useRecipientAgencies,
  useUploadVersion,
  versionFileUrl,
} from './useOutgoing';

type ChainRow = NonNullable<OutgoingEditInput['chain']>[number];
type RecipientRow = NonNullable<OutgoingEditInput['recipients']>[number];

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

/** A row of an editor with a key of its own (rows are added and removed). */
let nextRowKey = 0;
const keyed = <T extends object>(row: T): T & { rowKey: number } => ({ ...row, rowKey: ++nextRowKey });
const unkeyed = <T extends { rowKey: number }>({ rowKey: _key, ...row }: T) => row;

const Field = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div style={{ minWidth: 180 }}>
    <Text type="secondary" style={{ fontSize: 13 }}>
      {label}
    </Text>
    <div>{children}</div>
  </div>
);

/** The drafter's editor of the chain (stages × reviewers, a substitute each) and the recipients. */
const ChainEditor = ({ doc }: { doc: OutgoingDetail }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const people = useDocumentPeople(doc.agencyId);
  const me = useMe().data;
  const agencies = useRecipientAgencies(me?.provinceCode ?? undefined);
  const edit = useEditOutgoing(doc.id);
  const lastRound = doc.steps.filter((step) => step.reviewRound === Math.max(doc.reviewRound, 1));
  const [chain, setChain] = useState<(ChainRow & { rowKey: number })[]>(() =>
    lastRound.map((step) =>
      keyed({
        stage: step.stage,
        reviewerUserId: step.reviewerUserId,
        substituteUserId: step.substituteUserId,
        kind: step.kind,
      }),
    ),
  );
  const [recipients, setRecipients] = useState<(RecipientRow & { rowKey: number })[]>(() =>
    doc.recipients.map((recipient) =>
      keyed(
        recipient.channel === 'system'
          ? { agencyId: recipient.recipientAgencyId ?? undefined, purpose: recipient.purpose }
          : recipient.channel === 'package'
            ? { externalCode: recipient.externalCode ?? undefined, name: recipient.name, purpose: recipient.purpose }
            : { name: recipient.name, paper: true, purpose: recipient.purpose },
      ),
    ),
  );
  const options = (people.data?.items ?? []).map((person) => ({ value: person.userId, label: person.fullName }));
  const agencyOptions = (agencies.data?.items ?? []).map((agency) => ({ value: agency.id, label: agency.name }));
  const setRow = (index: number, patch: Partial<ChainRow>) =>
    setChain((rows) => rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  const setRecipient = (index: number, patch: Partial<RecipientRow>) =>
    setRecipients((rows) => rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  return (
    <Panel title={t('outgoing.chain')} level={3}>
      <Text type="secondary">{t('outgoing.chainHint')}</Text>
      <Flex vertical gap={8} style={{ marginTop: 8 }}>
        {chain.map((row, index) => (
          <Flex key={row.rowKey} gap={8} wrap align="center" data-testid="chain-row">
            <InputNumber
              aria-label={t('outgoing.stage')}
              min={1}
              max={30}
              value={row.stage}
              onChange={(value) => setRow(index, { stage: Number(value ?? 1) })}
              style={{ width: 80 }}
              addonBefore={t('outgoing.stage')}
            />
            <Select
              aria-label={t('outgoing.reviewer')}
              placeholder={t('outgoing.reviewer')}
              style={{ minWidth: 200, flex: 1 }}
              value={row.reviewerUserId || undefined}
              options={options}
              onChange={(value: string) => setRow(index, { reviewerUserId: value })}
            />
            <Select
              aria-label={t('outgoing.substitute')}
              placeholder={t('outgoing.substitute')}
              allowClear
              style={{ minWidth: 180, flex: 1 }}
              value={row.substituteUserId ?? undefined}
              options={options}
              onChange={(value: string | undefined) => setRow(index, { substituteUserId: value ?? null })}
            />
            <Select
              aria-label={t('outgoing.kind.approve')}
              style={{ width: 140 }}
              value={row.kind}
              options={(['review', 'approve'] as const).map((kind) => ({
                value: kind,
                label: t(`outgoing.kind.${kind}`),
              }))}
              onChange={(value: ChainRow['kind']) => setRow(index, { kind: value })}
            />
            <Button onClick={() => setChain((rows) => rows.filter((_, at) => at !== index))}>
              {t('outgoing.remove')}
            </Button>
          </Flex>
        ))}
        <Button
          style={{ alignSelf: 'flex-start' }}
          onClick={() =>
            setChain((rows) => [
              ...rows,
              keyed({
                stage: Math.max(0, ...rows.map((row) => row.stage)) + 1,
                reviewerUserId: '',
                substituteUserId: null,
                kind: 'review' as const,
              }),
            ])
          }
        >
          {t('outgoing.addStep')}
        </Button>
      </Flex>
      <Title level={3} style={{ marginTop: 16 }}>
        {t('outgoing.recipients')}
      </Title>
      <Flex vertical gap={8}>
        {recipients.map((row, index) => (
          <Flex key={row.rowKey} gap={8} wrap align="center" data-testid="recipient-row">
            <Select
              aria-label={t('outgoing.recipientAgency')}
              placeholder={t('outgoing.recipientAgency')}
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ minWidth: 220, flex: 2 }}
              value={row.agencyId}
              options={agencyOptions}
              onChange={(value: string | undefined) =>
                setRecipient(index, { agencyId: value, externalCode: undefined, paper: undefined })
              }
            />
            <Input
              aria-label={t('outgoing.recipientCode')}
              placeholder={t('outgoing.recipientCode')}
              style={{ minWidth: 160, flex: 1 }}
              value={row.externalCode ?? ''}
              disabled={!!row.agencyId}
              onChange={(event) => setRecipient(index, { externalCode: event.target.value || undefined })}
            />
            <Input
              aria-label={t('outgoing.recipientName')}
              placeholder={t('outgoing.recipientName')}
              style={{ minWidth: 160, flex: 1 }}
              value={row.name ?? ''}
              disabled={!!row.agencyId}
              onChange={(event) => setRecipient(index, { name: event.target.value || undefined })}
            />
            <Checkbox
              checked={!!row.paper}
              disabled={!!row.agencyId}
              onChange={(event) => setRecipient(index, { paper: event.target.checked || undefined })}
            >
              {t('outgoing.recipientPaper')}
            </Checkbox>
            <Button onClick={() => setRecipients((rows) => rows.filter((_, at) => at !== index))}>
              {t('outgoing.remove')}
            </Button>
          </Flex>
        ))}
        <Button style={{ alignSelf: 'flex-start' }} onClick={() => setRecipients((rows) => [...rows, keyed({})])}>
          {t('outgoing.addRecipient')}
        </Button>
      </Flex>
      {edit.error ? <ErrorAlert error={edit.error} /> : null}
      <Button
        type="primary"
        style={{ marginTop: 12 }}
        loading={edit.isPending}
        onClick={() =>
          edit.mutate(
            { expectedVersion: doc.version, chain: chain.map(unkeyed), recipients: recipients.map(unkeyed) },
            { onSuccess: () => void message.success(t('outgoing.saved')) },
          )
        }
      >
        {t('outgoing.save')}
      </Button>
    </Panel>
  );
};

/** The signer's step: the number and signature positions (Decree 30 A4 defaults), then sign. */
const SignPanel = ({ doc }: { doc: OutgoingDetail }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sign = useOutgoingStep(doc.id, 'sign');
  const [number, setNumber] = useState({ x: 85, y: 714 });
  const [signature, setSignature] = useState({ page: doc.pageCount ?? 1, x: 326, y: 170 });
  return (
    <Panel title={t('outgoing.sign')} level={3}>
      <Text type="secondary">{t('outgoing.signHint')}</Text>
      <Flex gap={16} wrap style={{ marginTop: 8 }}>
        <Field label={t('outgoing.numberAt')}>
          <Flex gap={4}>
            <InputNumber
              aria-label="x"
              value={number.x}
              min={0}
              max={600}
              onChange={(x) => setNumber({ ...number, x: Number(x) })}
            />
            <InputNumber
              aria-label="y"
              value={number.y}
              min={0}
              max={850}
              onChange={(y) => setNumber({ ...number, y: Number(y) })}
            />
          </Flex>
        </Field>
        <Field label={t('outgoing.signatureAt')}>
          <Flex gap={4}>
            <InputNumber
              aria-label={t('outgoing.page')}
              value={signature.page}
              min={1}
              onChange={(page) => setSignature({ ...signature, page: Number(page) })}
            />
            <InputNumber
              aria-label="x"
              value={signature.x}
              min={0}
              max={600}
              onChange={(x) => setSignature({ ...signature, x: Number(x) })}
            />
            <InputNumber
              aria-label="y"
              value={signature.y}
              min={0}
              max={850}
              onChange={(y) => setSignature({ ...signature, y: Number(y) })}
            />
          </Flex>
        </Field>
      </Flex>
      {sign.error ? <ErrorAlert error={sign.error} /> : null}
      <Button
        type="primary"
        style={{ marginTop: 12 }}
        loading={sign.isPending}
        onClick={() =>
          sign.mutate(
            {
              expectedVersion: doc.version,
              placement: { number: { ...number, page: 1 }, placeDate: { page: 1, y: number.y }, signature },
            },
            { onSuccess: (done) => void message.success(t('outgoing.signed', { number: done.numberSymbol ?? '' })) },
          )
        }
      >
        {t('outgoing.sign')}
      </Button>
    </Panel>
  );
};

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
          <Field label={t('outgoing.fields.documentType')}>{doc.documentType}</Field>
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

      {editable ? <ChainEditor key={doc.version} doc={doc} /> : null}
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
          <Input.TextArea
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

      {doc.status === 'approved' && doc.signerUserId === me?.id ? <SignPanel doc={doc} /> : null}
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

import { App, Button, Checkbox, Flex, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/outgoing';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Panel } from '../../components/Panel';
import { Text, Title } from '../../components/typography';
import { useMe } from '../auth/useMe';
import {
  type OutgoingDetail,
  type OutgoingEditInput,
  useDocumentPeople,
  useEditOutgoing,
  useRecipientAgencies,
} from './useOutgoing';

type ChainRow = NonNullable<OutgoingEditInput['chain']>[number];
type RecipientRow = NonNullable<OutgoingEditInput['recipients']>[number];

/** A row of an editor with a key of its own (rows are added and removed). */
let nextRowKey = 0;
const keyed = <T extends object>(row: T): T & { rowKey: number } => ({ ...row, rowKey: ++nextRowKey });
const unkeyed = <T extends { rowKey: number }>({ rowKey: _key, ...row }: T) => row;

/** The drafter's editor of the chain (stages × reviewers, a substitute each) and the recipients. */
export const ChainEditor = ({ doc }: { doc: OutgoingDetail }) => {
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

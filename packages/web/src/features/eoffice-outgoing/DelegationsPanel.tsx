import { Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/outgoing';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { Text } from '../../components/typography';
import { agenciesWithRole, useMe } from '../auth/useMe';
import { useCreateDelegation, useDelegations, useDocumentPeople, useRevokeDelegation } from './useOutgoing';

const SCOPES = ['sign', 'approve', 'direct'] as const;
type FormValues = { toUserId: string; scope: (typeof SCOPES)[number]; range: [Dayjs, Dayjs]; reason: string };

/** Delegations (ủy quyền, Decree 30/2020 Art. 13): the official's own to another, listed with the agency's. */
export const DelegationsPanel = () => {
  const { t } = useTranslation();
  const me = useMe().data;
  const agencies = agenciesWithRole(me, 'agency_head', 'unit_head', 'specialist', 'clerk');
  const [agencyId, setAgencyId] = useState(agencies[0]?.id);
  const people = useDocumentPeople(agencyId);
  const list = useDelegations();
  const create = useCreateDelegation();
  const revoke = useRevokeDelegation();
  const [form] = Form.useForm<FormValues>();
  return (
    <Flex vertical gap={16}>
      <Panel title={t('outgoing.delegations.title')} level={3}>
        <Text type="secondary">{t('outgoing.delegations.hint')}</Text>
        {list.error ? <ErrorAlert error={list.error} /> : null}
        <ul style={{ listStyle: 'none', margin: '8px 0 0', padding: 0 }}>
          {(list.data?.items ?? []).map((delegation) => (
            <li key={delegation.id} style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0' }}>
              <Flex justify="space-between" gap={8} wrap>
                <span>
                  {delegation.fromName} → {delegation.toName} · {t(`outgoing.delegations.scope.${delegation.scope}`)} ·{' '}
                  {delegation.validFrom} – {delegation.validTo}
                </span>
                {delegation.revokedAt ? (
                  <SoftTag>{t('outgoing.delegations.revoked')}</SoftTag>
                ) : delegation.fromUserId === me?.id ? (
                  <Button size="small" loading={revoke.isPending} onClick={() => revoke.mutate(delegation.id)}>
                    {t('outgoing.delegations.revoke')}
                  </Button>
                ) : null}
              </Flex>
              <Text type="secondary" style={{ fontSize: 13 }}>
                {delegation.reason}
              </Text>
            </li>
          ))}
        </ul>
        {list.data && list.data.items.length === 0 ? <Text type="secondary">{t('outgoing.none')}</Text> : null}
      </Panel>
      {agencies.length > 0 ? (
        <Panel title={t('outgoing.delegations.new')} level={3}>
          <Form
            form={form}
            layout="vertical"
            onFinish={(values) =>
              create.mutate(
                {
                  agencyId: agencyId ?? '',
                  fromUserId: me?.id ?? '',
                  toUserId: values.toUserId,
                  scope: values.scope,
                  validFrom: values.range[0].format('YYYY-MM-DD'),
                  validTo: values.range[1].format('YYYY-MM-DD'),
                  reason: values.reason,
                },
                { onSuccess: () => form.resetFields() },
              )
            }
          >
            <Form.Item label={t('outgoing.delegations.agency')}>
              <Select
                value={agencyId}
                onChange={setAgencyId}
                options={agencies.map((agency) => ({ value: agency.id, label: agency.name }))}
              />
            </Form.Item>
            <Flex gap={16} wrap>
              <Form.Item
                name="toUserId"
                label={t('outgoing.delegations.to')}
                rules={[{ required: true }]}
                style={{ minWidth: 240, flex: 1 }}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={(people.data?.items ?? [])
                    .filter((person) => person.userId !== me?.id)
                    .map((person) => ({ value: person.userId, label: person.fullName }))}
                />
              </Form.Item>
              <Form.Item
                name="scope"
                label={t('outgoing.delegations.scopeLabel')}
                rules={[{ required: true }]}
                style={{ minWidth: 200 }}
              >
                <Select
                  options={SCOPES.map((scope) => ({ value: scope, label: t(`outgoing.delegations.scope.${scope}`) }))}
                />
              </Form.Item>
            </Flex>
            <Form.Item name="range" label={t('outgoing.delegations.period')} rules={[{ required: true }]}>
              <DatePicker.RangePicker format="DD/MM/YYYY" />
            </Form.Item>
            <Form.Item name="reason" label={t('outgoing.delegations.reason')} rules={[{ required: true, max: 500 }]}>
              <Input />
            </Form.Item>
            {create.error ? <ErrorAlert error={create.error} /> : null}
            {revoke.error ? <ErrorAlert error={revoke.error} /> : null}
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              {t('outgoing.delegations.create')}
            </Button>
          </Form>
        </Panel>
      ) : null}
    </Flex>
  );
};

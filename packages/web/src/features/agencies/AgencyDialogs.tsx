import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { AGENCY_KINDS, type AgencyDetail, type AgencyKind } from '../../api/types';
import { AgencySelect } from '../../components/AgencySelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LazyDatePicker, LazyModal, LazySelect } from '../../components/lazyAntd';
import { Paragraph } from '../../components/typography';
import { applyFieldErrors } from '../../lib/field-errors';
import { createAgency, mergeAgencies, moveAgency, renameAgency } from './useAgencies';
import '../../i18n/console-admin';

export type AgencyDialog = 'create' | 'rename' | 'move' | 'merge';

type Values = {
  code?: string;
  name?: string;
  shortName?: string;
  kind?: AgencyKind;
  effective?: Dayjs;
  parentId?: string;
  successorId?: string;
};

const AGENCY_CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

type Props = { dialog: AgencyDialog | null; agency: AgencyDetail; onClose: () => void; onDone: (id: string) => void };

/** Create a sub-agency, rename, move or merge — each effective from a date, guarded by the agency's version. */
export const AgencyDialogs = ({ dialog, agency, onClose, onDone }: Props) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<string[]>([]);

  const run = useMutation({
    mutationFn: async (values: Values): Promise<string> => {
      const effective = values.effective?.format('YYYY-MM-DD');
      switch (dialog) {
        case 'create': {
          const created = await createAgency({
            code: values.code?.trim(),
            name: values.name?.trim(),
            ...(values.shortName?.trim() ? { shortName: values.shortName.trim() } : {}),
            kind: values.kind,
            parentId: agency.id,
            ...(agency.provinceCode ? { provinceCode: agency.provinceCode } : {}),
            ...(effective ? { validFrom: effective } : {}),
          });
          return created.id;
        }
        case 'rename': {
          await renameAgency(agency.id, {
            expectedVersion: agency.version,
            ...(effective ? { effective } : {}),
            ...(values.code?.trim() && values.code.trim() !== agency.code ? { code: values.code.trim() } : {}),
            ...(values.name?.trim() && values.name.trim() !== agency.name ? { name: values.name.trim() } : {}),
            shortName: values.shortName?.trim() ? values.shortName.trim() : null,
          });
          return agency.id;
        }
        case 'move': {
          await moveAgency(agency.id, {
            expectedVersion: agency.version,
            parentId: values.parentId,
            ...(effective ? { effective } : {}),
          });
          return agency.id;
        }
        case 'merge': {
          const result = await mergeAgencies({
            predecessorIds: [agency.id],
            successor: { existingId: values.successorId },
            effective,
          });
          return result.successor.id;
        }
        default:
          return agency.id;
      }
    },
    onSuccess: (id) => {
      void queryClient.invalidateQueries({ queryKey: ['agencies'] });
      void queryClient.invalidateQueries({ queryKey: ['agency'] });
      close();
      onDone(id);
    },
    onError: (error) => {
      if (isApiError(error)) {
        setUnplaced(applyFieldErrors(form, error));
      }
    },
  });

  const close = () => {
    form.resetFields();
    run.reset();
    setUnplaced([]);
    onClose();
  };

  const title =
    dialog === 'create'
      ? t('agencies.addChild')
      : dialog === 'rename'
        ? t('agencies.rename')
        : dialog === 'move'
          ? t('agencies.move')
          : dialog === 'merge'
            ? t('agencies.mergeTitle', { name: agency.name })
            : '';

  return (
    <LazyModal
      open={dialog !== null}
      title={title}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={run.isPending}
      destroyOnHidden
      width={560}
    >
      {run.isError ? <ErrorAlert error={run.error} extra={unplaced} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        name={`agency-${dialog ?? 'none'}`}
        onFinish={(values) => {
          setUnplaced([]);
          run.mutate(values);
        }}
        initialValues={
          dialog === 'rename'
            ? { code: agency.code, name: agency.name, shortName: agency.shortName ?? '', effective: dayjs() }
            : { kind: 'division', effective: dayjs() }
        }
      >
        {dialog === 'create' || dialog === 'rename' ? (
          <>
            <Form.Item
              label={t('agencies.code')}
              name="code"
              rules={[{ required: dialog === 'create', pattern: AGENCY_CODE, message: '000.00.00.H33' }]}
            >
              <Input placeholder="000.00.00.H33" maxLength={13} />
            </Form.Item>
            <Form.Item
              label={t('agencies.name')}
              name="name"
              rules={[
                {
                  required: true,
                  whitespace: true,
                  min: 2,
                  message: t('common.required', { field: t('agencies.name') }),
                },
              ]}
            >
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item label={t('agencies.shortName')} name="shortName">
              <Input maxLength={100} />
            </Form.Item>
          </>
        ) : null}
        {dialog === 'create' ? (
          <Form.Item label={t('agencies.kind')} name="kind" rules={[{ required: true }]}>
            <LazySelect options={AGENCY_KINDS.map((k) => ({ value: k, label: t(`agencies.kind_${k}`) }))} />
          </Form.Item>
        ) : null}
        {dialog === 'move' ? (
          <Form.Item
            label={t('agencies.newParent')}
            name="parentId"
            rules={[{ required: true, message: t('common.requiredSelect', { field: t('agencies.newParent') }) }]}
          >
            <AgencySelect province={agency.provinceCode} exclude={[agency.id]} />
          </Form.Item>
        ) : null}
        {dialog === 'merge' ? (
          <>
            <Paragraph type="secondary">{t('agencies.mergeHelp')}</Paragraph>
            <Form.Item
              label={t('agencies.mergeInto')}
              name="successorId"
              rules={[{ required: true, message: t('common.requiredSelect', { field: t('agencies.mergeInto') }) }]}
            >
              <AgencySelect province={agency.provinceCode} exclude={[agency.id]} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item
          label={dialog === 'create' ? t('agencies.validFrom') : t('agencies.effective')}
          name="effective"
          rules={[{ required: dialog === 'merge', message: t('common.required', { field: t('agencies.effective') }) }]}
        >
          <LazyDatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </LazyModal>
  );
};

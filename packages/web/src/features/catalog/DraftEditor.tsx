import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FormDefinition } from '@motcua/domain/eforms/definition';
import { useMutation } from '@tanstack/react-query';
import { Button, Checkbox, Flex, Form, Input, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type {
  ComponentGroup,
  Handoff,
  ProcedureComponent,
  ProcedureVersionWithRow,
  ProcessStep,
  StepRole,
} from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LazySelect } from '../../components/lazyAntd';
import { useConsoleMessage } from '../../components/MessageProvider';
import { Panel } from '../../components/Panel';
import { Text } from '../../components/typography';
import { applyFieldErrors } from '../../lib/field-errors';
import '../../i18n/eforms';
import { slugify } from '../../lib/slug';
import { ApplicationFormEditor } from './ApplicationFormEditor';
import { saveDraftVersion } from './useCatalog';
import '../../i18n/console-work';
import '../../i18n/console-admin';

type StepValues = {
  key?: string;
  name: string;
  role: StepRole;
  agencyKind: 'receiving' | 'fixed' | 'applicant_commune' | 'province_department';
  agencyCode?: string;
  allotmentWorkingHours: number;
  handoff: Handoff | 'none';
};

type Values = { components: ProcedureComponent[]; processSteps: StepValues[] };

const toStepValues = (step: ProcessStep): StepValues => ({
  key: step.key,
  name: step.name,
  role: step.role,
  agencyKind: step.agency.kind,
  ...('agencyCode' in step.agency ? { agencyCode: step.agency.agencyCode } : {}),
  allotmentWorkingHours: step.allotmentWorkingHours,
  handoff: step.handoff ?? 'none',
});

const toStep = (values: StepValues): ProcessStep => ({
  key: values.key || slugify(values.name),
  name: values.name.trim(),
  role: values.role,
  agency:
    values.agencyKind === 'fixed' || values.agencyKind === 'province_department'
      ? { kind: values.agencyKind, agencyCode: values.agencyCode?.trim() ?? '' }
      : { kind: values.agencyKind },
  allotmentWorkingHours: values.allotmentWorkingHours,
  ...(values.handoff === 'none' ? {} : { handoff: values.handoff }),
});

const ITEM_STYLE = { border: '1px solid #eee', borderRadius: 8, padding: '8px 12px 0', background: '#fcfcfc' } as const;

/** "1." and a remove button on the first line of each item (labelled for screen readers). */
const ItemHeader = ({ index, onRemove }: { index: number; onRemove: () => void }) => {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" style={{ width: '100%' }}>
      <Text strong>{index + 1}.</Text>
      <Button
        type="text"
        danger
        size="small"
        icon={<DeleteOutlined />}
        aria-label={`${t('common.remove')} ${index + 1}`}
        onClick={onRemove}
      >
        {t('common.remove')}
      </Button>
    </Flex>
  );
};

const ROLES: StepRole[] = ['receptionist', 'processor', 'approver', 'result_returner'];
const GROUPS: ComponentGroup[] = ['submit', 'present', 'note'];

type Props = {
  code: string;
  catalog: string;
  draft: ProcedureVersionWithRow;
  onSaved: (saved: ProcedureVersionWithRow) => void;
};

/**
 * Edits a draft's dossier components, internal process steps and application form (tờ khai); the server
 * validates the whole content.
 */
export const DraftEditor = ({ code, catalog, draft, onSaved }: Props) => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const [form] = Form.useForm<Values>();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [applicationForm, setApplicationForm] = useState<FormDefinition | undefined>(
    draft.content.applicationForm as FormDefinition | undefined,
  );
  // All of each component (its key has no field of its own): the ones the form may replace.
  const editedComponents =
    (Form.useWatch('components', { form, preserve: true }) as ProcedureComponent[] | undefined) ?? [];
  const steps = Form.useWatch('processSteps', form) as StepValues[] | undefined;
  const totalHours = (steps ?? []).reduce((sum, s) => sum + (Number(s?.allotmentWorkingHours) || 0), 0);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const { applicationForm: _saved, ...content } = draft.content;
      return saveDraftVersion(
        code,
        draft.versionNo,
        {
          expectedVersion: draft.rowVersion,
          content: {
            ...content,
            ...(applicationForm ? { applicationForm } : {}),
            components: values.components.map((c) => ({
              ...c,
              key: c.key || slugify(c.name),
              name: c.name.trim(),
              originals: c.originals ?? 0,
              copies: c.copies ?? 0,
              required: Boolean(c.required),
              replaceableByData: Boolean(c.replaceableByData),
            })),
            processSteps: values.processSteps.map(toStep),
          },
        },
        catalog,
      );
    },
    onSuccess: (saved) => {
      void message.success(t('catalog.draftSaved'));
      onSaved(saved);
    },
    onError: (error) => {
      if (isApiError(error)) {
        setUnplaced(
          applyFieldErrors(form, error, (path) => {
            if (path[0] !== 'content') {
              return undefined;
            }
            const rest = path.slice(1);
            if (rest[0] === 'processSteps' && rest[2] === 'agency') {
              return ['processSteps', rest[1] ?? '', rest[3] === 'agencyCode' ? 'agencyCode' : 'agencyKind'];
            }
            return rest;
          }),
        );
      }
    },
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="draft-editor"
      initialValues={{
        components: draft.content.components,
        processSteps: draft.content.processSteps.map(toStepValues),
      }}
      onFinish={() => {
        setUnplaced([]);
        // Every stored value, not only those with a field: a component's or step's key has no field, and
        // a key made afresh on each save would lose what refers to it (the form's replaced component).
        save.mutate(form.getFieldsValue(true) as Values);
      }}
    >
      {save.isError ? <ErrorAlert error={save.error} extra={unplaced} /> : null}
      <Panel bodyStyle={{ padding: 12 }} title={t('catalog.components')} level={3} style={{ marginBottom: 16 }}>
        <Form.List name="components">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} wrap align="flex-start" style={ITEM_STYLE}>
                  <ItemHeader index={index} onRemove={() => remove(field.name)} />
                  <Form.Item
                    name={[field.name, 'name']}
                    label={t('catalog.componentName')}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        message: t('common.required', { field: t('catalog.componentName') }),
                      },
                    ]}
                    style={{ flex: '1 1 320px', marginBottom: 8 }}
                  >
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={5000} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'group']}
                    label={t('catalog.group')}
                    style={{ width: 190, marginBottom: 8 }}
                  >
                    <LazySelect
                      options={GROUPS.map((g) => ({
                        value: g,
                        label: t(
                          g === 'submit'
                            ? 'intake.groupSubmit'
                            : g === 'present'
                              ? 'intake.groupPresent'
                              : 'intake.groupNote',
                        ),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'originals']}
                    label={t('intake.originals')}
                    style={{ width: 90, marginBottom: 8 }}
                  >
                    <InputNumber min={0} max={99} style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'copies']}
                    label={t('intake.copies')}
                    style={{ width: 90, marginBottom: 8 }}
                  >
                    <InputNumber min={0} max={99} style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item label=" " colon={false} style={{ marginBottom: 8 }}>
                    <Space size={12}>
                      <Form.Item name={[field.name, 'required']} valuePropName="checked" noStyle>
                        <Checkbox>{t('catalog.required')}</Checkbox>
                      </Form.Item>
                      <Form.Item name={[field.name, 'replaceableByData']} valuePropName="checked" noStyle>
                        <Checkbox>{t('catalog.replaceableByData')}</Checkbox>
                      </Form.Item>
                    </Space>
                  </Form.Item>
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() =>
                  add({
                    key: '',
                    name: '',
                    group: 'submit',
                    originals: 1,
                    copies: 0,
                    required: true,
                    replaceableByData: false,
                  })
                }
              >
                {t('catalog.addComponent')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Panel>
      <Panel bodyStyle={{ padding: 12 }} title={t('catalog.steps')} level={3} style={{ marginBottom: 16 }}>
        <Form.List name="processSteps">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((field, index) => {
                const kind = steps?.[field.name]?.agencyKind;
                return (
                  <Flex key={field.key} gap={8} wrap align="flex-start" style={ITEM_STYLE}>
                    <ItemHeader index={index} onRemove={() => remove(field.name)} />
                    <Form.Item
                      name={[field.name, 'name']}
                      label={t('catalog.stepName')}
                      rules={[
                        {
                          required: true,
                          whitespace: true,
                          message: t('common.required', { field: t('catalog.stepName') }),
                        },
                      ]}
                      style={{ flex: '1 1 180px', marginBottom: 8 }}
                    >
                      <Input maxLength={500} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'role']}
                      label={t('catalog.stepRole')}
                      style={{ width: 190, marginBottom: 8 }}
                    >
                      <LazySelect options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'agencyKind']}
                      label={t('catalog.stepAgency')}
                      style={{ width: 200, marginBottom: 8 }}
                    >
                      <LazySelect
                        options={(['receiving', 'fixed', 'applicant_commune', 'province_department'] as const).map(
                          (k) => ({
                            value: k,
                            label: t(`catalog.agency_${k}`),
                          }),
                        )}
                      />
                    </Form.Item>
                    {kind === 'fixed' || kind === 'province_department' ? (
                      <Form.Item
                        name={[field.name, 'agencyCode']}
                        label={t('catalog.agencyCode')}
                        rules={[
                          { required: true, pattern: /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/, message: '000.00.00.H33' },
                        ]}
                        style={{ width: 160, marginBottom: 8 }}
                      >
                        <Input placeholder="000.00.00.H33" />
                      </Form.Item>
                    ) : null}
                    <Form.Item
                      name={[field.name, 'allotmentWorkingHours']}
                      label={t('catalog.hours')}
                      rules={[{ required: true, message: t('common.required', { field: t('catalog.hours') }) }]}
                      style={{ width: 130, marginBottom: 8 }}
                    >
                      <InputNumber min={0} max={100000} step={1} decimalSeparator="," style={{ width: '100%' }} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'handoff']}
                      label={t('catalog.handoff')}
                      style={{ width: 220, marginBottom: 8 }}
                    >
                      <LazySelect
                        options={(['none', 'internal', 'inter_agency', 'inter_level'] as const).map((h) => ({
                          value: h,
                          label: t(`catalog.handoff_${h}`),
                        }))}
                      />
                    </Form.Item>
                  </Flex>
                );
              })}
              <Flex justify="space-between" wrap gap={8}>
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() =>
                    add({
                      name: '',
                      role: 'processor',
                      agencyKind: 'receiving',
                      allotmentWorkingHours: 8,
                      handoff: 'none',
                    })
                  }
                >
                  {t('catalog.addStep')}
                </Button>
                <Text type="secondary">{t('catalog.totalHours', { hours: totalHours })}</Text>
              </Flex>
            </Space>
          )}
        </Form.List>
      </Panel>
      <Panel bodyStyle={{ padding: 12 }} title={t('formEditor.cardTitle')} level={3} style={{ marginBottom: 16 }}>
        <ApplicationFormEditor value={applicationForm} onChange={setApplicationForm} components={editedComponents} />
      </Panel>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('catalog.saveDraft')}
      </Button>
    </Form>
  );
};

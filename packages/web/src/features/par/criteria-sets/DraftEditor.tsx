import { PlusOutlined } from '@ant-design/icons';
import { formatParPoints, parseParPoints } from '@motcua/domain/par/criteria-set';
import { Button, Checkbox, Flex, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LazyModal, LazySelect } from '../../../components/lazyAntd';
import { useConsoleMessage } from '../../../components/MessageProvider';
import { Panel } from '../../../components/Panel';
import { Paragraph } from '../../../components/typography';
import {
  type CriteriaEdit,
  type CriteriaSetDetail,
  type CriterionNode,
  usePublishCriteriaSet,
  useUpdateCriteriaSet,
} from './useCriteriaSets';

/*
 * The organiser's tools on a draft (node editor, caps, publication), in their own chunk: antd's Form loads
 * when a draft is opened by the organiser, not with every read of a set (issue 16's 300 KB first load).
 */
const MEASURES = [
  'dossier_on_time_rate',
  'dossier_online_share',
  'index_766',
  'pakn_on_time_rate',
  'sipas_satisfaction',
  'edocument_rate',
  'digital_signature_rate',
] as const;

type NodeForm = {
  title: string;
  maxPoints: string;
  scoringRule: string;
  evidenceRequired: string;
  surveyScored: boolean;
  systemMeasure: string;
  notApplicableTo: string[];
};

/** A selected node's fields; a parent's maximum is shown as the sum of its children, never typed. */
export const NodeEditor = ({
  node,
  childSum,
  pending,
  onSave,
  onAddChild,
  onMove,
  onDelete,
  canMoveUp,
  canMoveDown,
}: {
  node: CriterionNode;
  childSum: number | null;
  pending: boolean;
  onSave: (fields: Extract<CriteriaEdit, { kind: 'update' }>['fields']) => void;
  onAddChild: () => void;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
  canMoveUp: boolean;
  canMoveDown: boolean;
}) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<NodeForm>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const isParent = childSum !== null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form when another node (or version) is shown.
  useEffect(() => {
    form.setFieldsValue({
      title: node.title,
      maxPoints: formatParPoints(node.maxPoints),
      scoringRule: node.scoringRule ?? '',
      evidenceRequired: node.evidenceRequired ?? '',
      surveyScored: node.surveyScored,
      systemMeasure: node.systemMeasure ?? '',
      notApplicableTo: node.notApplicableTo,
    });
    setConfirmDelete(false);
  }, [node]);
  const save = async () => {
    const values = await form.validateFields();
    onSave({
      title: values.title,
      ...(isParent ? {} : { maxPoints: parseParPoints(values.maxPoints) ?? 0 }),
      scoringRule: values.scoringRule.trim() || null,
      evidenceRequired: values.evidenceRequired.trim() || null,
      ...(isParent
        ? {}
        : {
            surveyScored: values.surveyScored,
            systemMeasure: (values.systemMeasure || null) as (typeof MEASURES)[number] | null,
          }),
      notApplicableTo: values.notApplicableTo,
    });
  };
  return (
    <Panel title={t('parSets.editing', { code: node.code })} level={3} data-testid="par-node-editor">
      <Form form={form} layout="vertical" onFinish={() => void save()}>
        <Form.Item
          name="title"
          label={t(`parSets.kinds.${node.kind}`)}
          rules={[{ required: true, whitespace: true, message: t('parSets.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} data-testid="par-node-title" />
        </Form.Item>
        <Form.Item
          name="maxPoints"
          label={t('parSets.columns.maxPoints')}
          extra={isParent ? t('parSets.sumOfChildren', { sum: formatParPoints(childSum) }) : t('parSets.pointsHelp')}
          rules={[
            {
              validator: async (_rule, value: string) => {
                if (!isParent && parseParPoints(value) === undefined) {
                  throw new Error(t('parSets.pointsInvalid'));
                }
              },
            },
          ]}
        >
          <Input inputMode="decimal" disabled={isParent} style={{ width: 140 }} data-testid="par-node-max" />
        </Form.Item>
        <Form.Item name="scoringRule" label={t('parSets.columns.scoringRule')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={8000} />
        </Form.Item>
        <Form.Item name="evidenceRequired" label={t('parSets.columns.evidenceRequired')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} />
        </Form.Item>
        {isParent ? null : (
          <>
            <Form.Item name="surveyScored" valuePropName="checked">
              <Checkbox>{t('parSets.survey')}</Checkbox>
            </Form.Item>
            <Form.Item name="systemMeasure" label={t('parSets.columns.systemMeasure')}>
              <LazySelect
                options={[
                  { value: '', label: t('parSets.noMeasure') },
                  ...MEASURES.map((m) => ({ value: m, label: t(`parSets.measures.${m}`) })),
                ]}
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="notApplicableTo" label={t('parSets.columns.notApplicableTo')} extra={t('parSets.tagsHelp')}>
          <LazySelect mode="tags" tokenSeparators={[',', ' ']} />
        </Form.Item>
        <Flex gap={8} wrap>
          <Button type="primary" htmlType="submit" loading={pending} data-testid="par-node-save">
            {t('parSets.save')}
          </Button>
          {node.kind !== 'component' ? (
            <Button icon={<PlusOutlined />} onClick={onAddChild} disabled={pending} data-testid="par-node-add-child">
              {t('parSets.addChild')}
            </Button>
          ) : null}
          <Button onClick={() => onMove(-1)} disabled={pending || !canMoveUp}>
            {t('parSets.moveUp')}
          </Button>
          <Button onClick={() => onMove(1)} disabled={pending || !canMoveDown}>
            {t('parSets.moveDown')}
          </Button>
          {confirmDelete ? (
            <Button danger type="primary" onClick={onDelete} disabled={pending} data-testid="par-node-delete-confirm">
              {t('parSets.removeConfirm', { code: node.code })}
            </Button>
          ) : (
            <Button danger onClick={() => setConfirmDelete(true)} disabled={pending}>
              {t('parSets.remove')}
            </Button>
          )}
        </Flex>
      </Form>
    </Panel>
  );
};

export const PublishDialog = ({
  set,
  open,
  onClose,
}: {
  set: CriteriaSetDetail;
  open: boolean;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const [form] = Form.useForm<{ decisionNumber: string; decisionDate: string }>();
  const publish = usePublishCriteriaSet(set.id);
  const submit = async () => {
    const values = await form.validateFields();
    publish.mutate(
      { expectedVersion: set.rowVersion, ...values },
      {
        onSuccess: () => {
          message.success(t('parSets.published'));
          onClose();
        },
      },
    );
  };
  return (
    <LazyModal
      open={open}
      title={t('parSets.publishTitle')}
      onCancel={onClose}
      okText={t('parSets.publish')}
      okButtonProps={{ loading: publish.isPending, 'data-testid': 'par-publish-confirm' }}
      onOk={() => void submit()}
      destroyOnHidden
    >
      <Paragraph type="secondary">{t('parSets.publishHelp')}</Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="decisionNumber"
          label={t('parSets.decisionNumber')}
          rules={[{ required: true, whitespace: true, message: t('parSets.required') }]}
        >
          <Input maxLength={100} placeholder="1156/QĐ-UBND" data-testid="par-publish-number" />
        </Form.Item>
        <Form.Item
          name="decisionDate"
          label={t('parSets.decisionDate')}
          rules={[{ required: true, message: t('parSets.required') }]}
        >
          <Input type="date" style={{ width: 180 }} data-testid="par-publish-date" />
        </Form.Item>
      </Form>
      {publish.error ? <ErrorAlert error={publish.error} /> : null}
    </LazyModal>
  );
};

/** The bonus and penalty caps of a draft. */
export const CapsForm = ({ set }: { set: CriteriaSetDetail }) => {
  const { t } = useTranslation();
  const update = useUpdateCriteriaSet(set.id);
  const [form] = Form.useForm<{ bonusCap: string; penaltyCap: string }>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the set's saved caps.
  useEffect(() => {
    form.setFieldsValue({ bonusCap: formatParPoints(set.bonusCap), penaltyCap: formatParPoints(set.penaltyCap) });
  }, [set.bonusCap, set.penaltyCap]);
  const points = {
    validator: async (_rule: unknown, value: string) => {
      if (parseParPoints(value) === undefined) {
        throw new Error(t('parSets.pointsInvalid'));
      }
    },
  };
  return (
    <Form
      form={form}
      layout="inline"
      onFinish={(values) =>
        update.mutate({
          expectedVersion: set.rowVersion,
          bonusCap: parseParPoints(values.bonusCap) ?? 0,
          penaltyCap: parseParPoints(values.penaltyCap) ?? 0,
        })
      }
      style={{ rowGap: 8 }}
    >
      <Form.Item name="bonusCap" label={t('parSets.bonusCap')} rules={[points]}>
        <Input inputMode="decimal" style={{ width: 90 }} />
      </Form.Item>
      <Form.Item name="penaltyCap" label={t('parSets.penaltyCap')} rules={[points]}>
        <Input inputMode="decimal" style={{ width: 90 }} />
      </Form.Item>
      <Button htmlType="submit" loading={update.isPending}>
        {t('parSets.saveCaps')}
      </Button>
      {update.error ? <ErrorAlert error={update.error} /> : null}
    </Form>
  );
};

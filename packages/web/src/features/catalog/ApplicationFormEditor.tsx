import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type ChoiceOption,
  FormDefinition,
  type FormField,
  type FormFieldKind,
  type FormSection,
  type ScalarField,
} from '@motcua/domain/eforms/definition';
import type { FormValues } from '@motcua/domain/eforms/values';
import { Alert, Button, Card, Checkbox, Col, Flex, Input, InputNumber, Row, Select, Space } from 'antd';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureComponent } from '../../api/types';
import { PageLoading } from '../../components/PageLoading';
import { Text, Title } from '../../components/typography';
import { todayInVietnam } from '../../lib/format';
import type { EFormErrors } from '../eforms/validate';
import '../../i18n/eforms';
import { createFieldKey, createSlug, listFormKeys } from './form-keys';
import '../../i18n/console-admin';

// The same renderer the portal and the counter show, for the preview; its own chunk.
const EFormFields = lazy(() => import('../eforms/EFormFields'));

/**
 * Edits the application form (tờ khai) of a draft procedure version: its sections and fields (kind,
 * label, required, options, a repeating group's fields, the condition that shows a field), the submit
 * component it replaces and its legal source, with a live preview in the renderer citizens use. The form
 * is saved with the draft's content (the server checks it with ProcedureVersionContent) and published
 * with the version, so dossiers in flight keep the form they were submitted with.
 */

const KINDS: FormFieldKind[] = [
  'text',
  'textarea',
  'date',
  'choice',
  'checkbox',
  'address',
  'cccd',
  'money',
  'number',
  'phone',
  'email',
  'group',
];

const move = <T,>(list: readonly T[], index: number, by: -1 | 1): T[] => {
  const target = index + by;
  if (target < 0 || target >= list.length) {
    return [...list];
  }
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  if (item !== undefined) {
    copy.splice(target, 0, item);
  }
  return copy;
};

const replaceAt = <T,>(list: readonly T[], index: number, item: T): T[] => list.map((x, i) => (i === index ? item : x));

/** A field of another kind, keeping what all kinds share (key, label, help, required, width, condition). */
const changeKind = (field: FormField, kind: FormFieldKind): FormField => {
  const { key, label, help, required, visibleWhen, width } = field;
  const base = {
    key,
    label,
    required,
    ...(help ? { help } : {}),
    ...(visibleWhen ? { visibleWhen } : {}),
    ...(width ? { width } : {}),
  };
  switch (kind) {
    case 'choice':
      return { ...base, kind, options: [{ value: 'co', label: 'Có' }] };
    case 'group':
      return { ...base, kind, itemLabel: label || 'Mục', minItems: 0, maxItems: 10, fields: [] as never };
    default:
      return { ...base, kind } as FormField;
  }
};

/** "Nam" or "male = Nam": one option a line, its value made from the label unless written before " = ". */
const parseOptions = (text: string, previous: readonly ChoiceOption[]): ChoiceOption[] => {
  const taken = new Set<string>();
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const explicit = /^([a-z0-9]+(?:[-_][a-z0-9]+)*)\s*=\s*(.+)$/.exec(line);
      const label = explicit?.[2]?.trim() ?? line;
      const kept = previous.find((option) => option.label === label && !taken.has(option.value));
      const value = explicit?.[1] ?? kept?.value ?? createSlug(label, taken, 'lua-chon');
      taken.add(value);
      return { value, label };
    });
};

const formatOptions = (options: readonly ChoiceOption[]): string =>
  options.map((option) => `${option.value} = ${option.label}`).join('\n');

const Labeled = ({
  id,
  label,
  children,
  width,
}: {
  id: string;
  label: string;
  children: ReactNode;
  width?: number;
}) => (
  <div style={{ flex: width ? `0 0 ${width}px` : '1 1 240px', minWidth: 0, marginBottom: 8 }}>
    <label htmlFor={id} style={{ display: 'block', fontSize: 13, marginBottom: 2 }}>
      {label}
    </label>
    {children}
  </div>
);

const OptionsInput = ({
  id,
  options,
  onChange,
}: {
  id: string;
  options: ChoiceOption[];
  onChange: (o: ChoiceOption[]) => void;
}) => {
  const [text, setText] = useState(() => formatOptions(options));
  return (
    <Input.TextArea
      id={id}
      value={text}
      autoSize={{ minRows: 2, maxRows: 8 }}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parseOptions(event.target.value, options));
      }}
    />
  );
};

type FieldEditorProps = {
  id: string;
  field: FormField;
  /** The fields a condition may look at (choices and checkboxes of the form, others than this one). */
  conditionTargets: FormField[];
  inGroup: boolean;
  takenKeys: ReadonlySet<string>;
  onChange: (field: FormField) => void;
  onRemove: () => void;
  onMove: (by: -1 | 1) => void;
  index: number;
  count: number;
};

const FieldEditor = ({
  id,
  field,
  conditionTargets,
  inGroup,
  takenKeys,
  onChange,
  onRemove,
  onMove,
  index,
  count,
}: FieldEditorProps) => {
  const { t } = useTranslation();
  const set = (patch: Record<string, unknown>) => onChange({ ...field, ...patch } as FormField);
  const drop = (key: string) => {
    const copy: Record<string, unknown> = { ...field };
    delete copy[key];
    onChange(copy as FormField);
  };
  const target = conditionTargets.find((f) => f.key === field.visibleWhen?.field);
  const title = `${t('formEditor.field')} ${index + 1}`;

  return (
    <fieldset className="eform-editor-field" style={FIELD_STYLE} data-testid={id}>
      <legend style={{ fontSize: 13, fontWeight: 500, width: 'auto', padding: '0 4px', margin: 0, border: 0 }}>
        {title}
        {field.label ? `: ${field.label}` : ''}
      </legend>
      <Flex gap={8} wrap align="flex-end">
        <Labeled id={`${id}-label`} label={t('formEditor.label')}>
          <Input
            id={`${id}-label`}
            value={field.label}
            maxLength={300}
            onChange={(event) => set({ label: event.target.value })}
            onBlur={() => {
              if (!field.key && field.label.trim()) {
                set({ key: createFieldKey(field.label, takenKeys), label: field.label.trim() });
              }
            }}
          />
        </Labeled>
        <Labeled id={`${id}-key`} label={t('formEditor.key')} width={170}>
          <Input
            id={`${id}-key`}
            value={field.key}
            maxLength={64}
            onChange={(event) => set({ key: event.target.value })}
          />
        </Labeled>
        <Labeled id={`${id}-kind`} label={t('formEditor.kind')} width={170}>
          <Select<FormFieldKind>
            id={`${id}-kind`}
            style={{ width: '100%' }}
            value={field.kind}
            // Every kind in view at once (twelve of them), no scrolling.
            listHeight={KINDS.length * 32 + 8}
            options={KINDS.filter((k) => !inGroup || k !== 'group').map((k) => ({
              value: k,
              label: t(`formEditor.kind_${k}`),
            }))}
            onChange={(kind) => onChange(changeKind(field, kind))}
          />
        </Labeled>
        <Labeled id={`${id}-width`} label={t('formEditor.width')} width={130}>
          <Select
            id={`${id}-width`}
            style={{ width: '100%' }}
            value={field.width ?? 'full'}
            options={(['full', 'half', 'third'] as const).map((w) => ({
              value: w,
              label: t(`formEditor.width_${w}`),
            }))}
            onChange={(width) => (width === 'full' ? drop('width') : set({ width }))}
          />
        </Labeled>
        <div style={{ marginBottom: 12 }}>
          <Checkbox checked={field.required} onChange={(event) => set({ required: event.target.checked })}>
            {t('catalog.required')}
          </Checkbox>
        </div>
        <Space size={0} style={{ marginBottom: 8 }}>
          <Button
            type="text"
            icon={<ArrowUpOutlined />}
            disabled={index === 0}
            aria-label={`${t('formEditor.moveUp')}: ${title}`}
            onClick={() => onMove(-1)}
          />
          <Button
            type="text"
            icon={<ArrowDownOutlined />}
            disabled={index === count - 1}
            aria-label={`${t('formEditor.moveDown')}: ${title}`}
            onClick={() => onMove(1)}
          />
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={`${t('common.remove')}: ${title}`}
            onClick={onRemove}
          />
        </Space>
      </Flex>
      <Flex gap={8} wrap align="flex-end">
        <Labeled id={`${id}-help`} label={t('formEditor.help')}>
          <Input
            id={`${id}-help`}
            value={field.help ?? ''}
            maxLength={1000}
            onChange={(event) => (event.target.value ? set({ help: event.target.value }) : drop('help'))}
          />
        </Labeled>
        <Labeled id={`${id}-when`} label={t('formEditor.visibleWhen')} width={220}>
          <Select<string>
            id={`${id}-when`}
            style={{ width: '100%' }}
            allowClear
            placeholder={t('formEditor.always')}
            value={field.visibleWhen?.field}
            options={conditionTargets.map((f) => ({ value: f.key, label: f.label || f.key }))}
            onChange={(key) => {
              const next = conditionTargets.find((f) => f.key === key);
              if (!next) {
                drop('visibleWhen');
                return;
              }
              set({
                visibleWhen: {
                  field: next.key,
                  equals:
                    next.kind === 'checkbox' ? true : next.kind === 'choice' ? (next.options[0]?.value ?? '') : '',
                },
              });
            }}
          />
        </Labeled>
        {target && field.visibleWhen ? (
          <Labeled id={`${id}-equals`} label={t('formEditor.equals')} width={220}>
            {target.kind === 'checkbox' ? (
              <Select<string>
                id={`${id}-equals`}
                style={{ width: '100%' }}
                value={String(field.visibleWhen.equals)}
                options={[
                  { value: 'true', label: t('formEditor.ticked') },
                  { value: 'false', label: t('formEditor.notTicked') },
                ]}
                onChange={(v) => set({ visibleWhen: { field: target.key, equals: v === 'true' } })}
              />
            ) : target.kind === 'choice' ? (
              <Select<string[]>
                id={`${id}-equals`}
                mode="multiple"
                style={{ width: '100%' }}
                value={([] as string[]).concat(field.visibleWhen.equals as string | string[])}
                options={target.options.map((o) => ({ value: o.value, label: o.label }))}
                onChange={(values) =>
                  set({
                    visibleWhen: { field: target.key, equals: values.length === 1 ? values[0] : values },
                  })
                }
              />
            ) : null}
          </Labeled>
        ) : null}
      </Flex>
      <KindSettings id={id} field={field} set={set} drop={drop} />
    </fieldset>
  );
};

const FIELD_STYLE = {
  border: '1px solid #e5e7eb',
  borderRadius: 8,
  padding: '4px 12px 4px',
  margin: '0 0 8px',
  background: '#fcfcfc',
  minWidth: 0,
} as const;

/** What only some kinds have: options, limits, a unit, a date not in the future, a place abroad. */
const KindSettings = ({
  id,
  field,
  set,
  drop,
}: {
  id: string;
  field: FormField;
  set: (patch: Record<string, unknown>) => void;
  drop: (key: string) => void;
}) => {
  const { t } = useTranslation();
  const numberSetting = (key: string, label: string, value: number | undefined, min?: number) => (
    <Labeled id={`${id}-${key}`} label={label} width={120}>
      <InputNumber
        id={`${id}-${key}`}
        style={{ width: '100%' }}
        min={min}
        value={value}
        onChange={(v) => (v === null || v === undefined ? drop(key) : set({ [key]: v }))}
      />
    </Labeled>
  );
  switch (field.kind) {
    case 'text':
    case 'textarea':
      return <Flex gap={8}>{numberSetting('maxLength', t('formEditor.maxLength'), field.maxLength, 1)}</Flex>;
    case 'date':
      return (
        <Checkbox
          checked={field.notInFuture === true}
          onChange={(event) => (event.target.checked ? set({ notInFuture: true }) : drop('notInFuture'))}
        >
          {t('formEditor.notInFuture')}
        </Checkbox>
      );
    case 'address':
      return (
        <Checkbox
          checked={field.foreignAllowed === true}
          onChange={(event) => (event.target.checked ? set({ foreignAllowed: true }) : drop('foreignAllowed'))}
        >
          {t('formEditor.foreignAllowed')}
        </Checkbox>
      );
    case 'number':
      return (
        <Flex gap={8} wrap>
          {numberSetting('min', t('formEditor.min'), field.min)}
          {numberSetting('max', t('formEditor.max'), field.max)}
          <Labeled id={`${id}-unit`} label={t('formEditor.unit')} width={120}>
            <Input
              id={`${id}-unit`}
              value={field.unit ?? ''}
              maxLength={50}
              onChange={(event) => (event.target.value ? set({ unit: event.target.value }) : drop('unit'))}
            />
          </Labeled>
        </Flex>
      );
    case 'money':
      return <Flex gap={8}>{numberSetting('max', t('formEditor.max'), field.max, 1)}</Flex>;
    case 'choice':
      return (
        <Flex gap={8} wrap align="flex-start">
          <Labeled id={`${id}-options`} label={t('formEditor.options')}>
            <OptionsInput
              // A moved field's options are drawn afresh from its data.
              key={field.key}
              id={`${id}-options`}
              options={field.options}
              onChange={(options) => set({ options })}
            />
            <Text type="secondary" style={{ fontSize: 12 }}>
              {t('formEditor.optionsHelp')}
            </Text>
          </Labeled>
          <Labeled id={`${id}-display`} label={t('formEditor.display')} width={170}>
            <Select
              id={`${id}-display`}
              style={{ width: '100%' }}
              allowClear
              placeholder={t('formEditor.displayAuto')}
              value={field.display}
              options={(['radio', 'select'] as const).map((d) => ({ value: d, label: t(`formEditor.display_${d}`) }))}
              onChange={(display) => (display ? set({ display }) : drop('display'))}
            />
          </Labeled>
        </Flex>
      );
    default:
      return null;
  }
};

type Props = {
  value: FormDefinition | undefined;
  onChange: (value: FormDefinition | undefined) => void;
  /** The draft's components to hand in: the ones a form may replace. */
  components: readonly ProcedureComponent[];
};

const newField = (label: string): FormField => ({ key: '', label, kind: 'text', required: false });

export const ApplicationFormEditor = ({ value, onChange, components }: Props) => {
  const { t } = useTranslation();
  const [previewValues, setPreviewValues] = useState<FormValues>({});
  const [previewErrors, setPreviewErrors] = useState<EFormErrors>({});

  if (!value) {
    return (
      <Space orientation="vertical">
        <Text type="secondary">{t('formEditor.none')}</Text>
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            onChange({
              key: 'to-khai',
              title: t('formEditor.defaultTitle'),
              legalSource: '',
              sections: [{ key: 'phan-1', title: t('formEditor.defaultSection'), fields: [] as never }],
            } as FormDefinition)
          }
        >
          {t('formEditor.add')}
        </Button>
      </Space>
    );
  }

  const form = value;
  const takenKeys = listFormKeys(form);
  const allFields = form.sections.flatMap((s) => s.fields);
  const setForm = (patch: Partial<FormDefinition>) => onChange({ ...form, ...patch } as FormDefinition);
  const setSection = (s: number, section: FormSection) => setForm({ sections: replaceAt(form.sections, s, section) });
  const parsed = FormDefinition.safeParse(form);
  const submitComponents = components.filter((c) => c.group === 'submit' && c.key);

  const fieldList = (
    fields: readonly FormField[],
    idBase: string,
    inGroup: boolean,
    scope: readonly FormField[],
    onFields: (fields: FormField[]) => void,
  ) =>
    fields.map((field, f) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: fields are edited in place (their key changes as the label is typed)
      <div key={`${idBase}-${f}`}>
        <FieldEditor
          id={`${idBase}-f${f}`}
          field={field}
          index={f}
          count={fields.length}
          inGroup={inGroup}
          takenKeys={takenKeys}
          conditionTargets={scope.filter(
            (other) => other.key && other.key !== field.key && (other.kind === 'choice' || other.kind === 'checkbox'),
          )}
          onChange={(next) => onFields(replaceAt(fields, f, next))}
          onRemove={() => onFields(fields.filter((_, i) => i !== f))}
          onMove={(by) => onFields(move(fields, f, by))}
        />
        {field.kind === 'group' ? (
          <div style={{ marginInlineStart: 24, marginBottom: 12 }}>
            <Flex gap={8} wrap>
              <Labeled id={`${idBase}-f${f}-itemLabel`} label={t('formEditor.itemLabel')}>
                <Input
                  id={`${idBase}-f${f}-itemLabel`}
                  value={field.itemLabel}
                  maxLength={200}
                  onChange={(event) => onFields(replaceAt(fields, f, { ...field, itemLabel: event.target.value }))}
                />
              </Labeled>
              <Labeled id={`${idBase}-f${f}-minItems`} label={t('formEditor.minItems')} width={120}>
                <InputNumber
                  id={`${idBase}-f${f}-minItems`}
                  min={0}
                  max={100}
                  value={field.minItems}
                  onChange={(v) => onFields(replaceAt(fields, f, { ...field, minItems: v ?? 0 }))}
                />
              </Labeled>
              <Labeled id={`${idBase}-f${f}-maxItems`} label={t('formEditor.maxItems')} width={120}>
                <InputNumber
                  id={`${idBase}-f${f}-maxItems`}
                  min={1}
                  max={100}
                  value={field.maxItems}
                  onChange={(v) => onFields(replaceAt(fields, f, { ...field, maxItems: v ?? 1 }))}
                />
              </Labeled>
            </Flex>
            {fieldList(field.fields, `${idBase}-f${f}`, true, [...allFields, ...field.fields], (inner) =>
              onFields(replaceAt(fields, f, { ...field, fields: inner as ScalarField[] })),
            )}
            <Button
              size="small"
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() =>
                onFields(
                  replaceAt(fields, f, {
                    ...field,
                    fields: [...field.fields, newField('') as ScalarField],
                  }),
                )
              }
            >
              {t('formEditor.addGroupField', { group: field.label || field.key })}
            </Button>
          </div>
        ) : null}
      </div>
    ));

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={13}>
        <Flex gap={8} wrap align="flex-end">
          <Labeled id="form-title" label={t('formEditor.title')}>
            <Input
              id="form-title"
              value={form.title}
              maxLength={300}
              onChange={(event) => setForm({ title: event.target.value })}
            />
          </Labeled>
          <Labeled id="form-replaces" label={t('formEditor.replaces')}>
            <Select<string>
              id="form-replaces"
              style={{ width: '100%' }}
              allowClear
              placeholder={t('formEditor.replacesNone')}
              value={form.replacesComponent}
              options={submitComponents.map((c) => ({ value: c.key, label: c.name }))}
              onChange={(key) => {
                const { replacesComponent: _, ...rest } = form;
                onChange((key ? { ...rest, replacesComponent: key } : rest) as FormDefinition);
              }}
            />
          </Labeled>
        </Flex>
        <Labeled id="form-legal-source" label={t('formEditor.legalSource')}>
          <Input
            id="form-legal-source"
            value={form.legalSource}
            maxLength={500}
            placeholder={t('formEditor.legalSourcePlaceholder')}
            onChange={(event) => setForm({ legalSource: event.target.value })}
          />
        </Labeled>
        <Labeled id="form-declaration" label={t('formEditor.declaration')}>
          <Input.TextArea
            id="form-declaration"
            value={form.declaration ?? ''}
            maxLength={2000}
            autoSize={{ minRows: 1, maxRows: 4 }}
            onChange={(event) => {
              const { declaration: _, ...rest } = form;
              onChange((event.target.value ? { ...rest, declaration: event.target.value } : rest) as FormDefinition);
            }}
          />
        </Labeled>
        {form.sections.map((section, s) => (
          <Card
            // biome-ignore lint/suspicious/noArrayIndexKey: sections are edited in place; their place is their identity
            key={s}
            size="small"
            style={{ marginBottom: 12 }}
            title={
              <Flex gap={8} align="center">
                <label htmlFor={`form-s${s}-title`} className="visually-hidden">
                  {t('formEditor.sectionTitle')} {s + 1}
                </label>
                <Input
                  id={`form-s${s}-title`}
                  value={section.title}
                  maxLength={300}
                  onChange={(event) => setSection(s, { ...section, title: event.target.value })}
                />
              </Flex>
            }
            extra={
              <Space size={0}>
                <Button
                  type="text"
                  icon={<ArrowUpOutlined />}
                  disabled={s === 0}
                  aria-label={`${t('formEditor.moveUp')}: ${t('formEditor.sectionTitle')} ${s + 1}`}
                  onClick={() => setForm({ sections: move(form.sections, s, -1) })}
                />
                <Button
                  type="text"
                  icon={<ArrowDownOutlined />}
                  disabled={s === form.sections.length - 1}
                  aria-label={`${t('formEditor.moveDown')}: ${t('formEditor.sectionTitle')} ${s + 1}`}
                  onClick={() => setForm({ sections: move(form.sections, s, 1) })}
                />
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={form.sections.length === 1}
                  aria-label={`${t('common.remove')}: ${t('formEditor.sectionTitle')} ${s + 1}`}
                  onClick={() => setForm({ sections: form.sections.filter((_, i) => i !== s) })}
                />
              </Space>
            }
          >
            {fieldList(section.fields, `form-s${s}`, false, allFields, (fields) =>
              setSection(s, { ...section, fields: fields as FormSection['fields'] }),
            )}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() =>
                setSection(s, { ...section, fields: [...section.fields, newField('')] as FormSection['fields'] })
              }
            >
              {t('formEditor.addField')}
            </Button>
          </Card>
        ))}
        <Space wrap>
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              setForm({
                sections: [
                  ...form.sections,
                  {
                    key: createSlug(
                      `phan ${form.sections.length + 1}`,
                      new Set(form.sections.map((x) => x.key)),
                      'phan',
                    ),
                    title: `${t('formEditor.sectionTitle')} ${form.sections.length + 1}`,
                    fields: [] as never,
                  },
                ],
              })
            }
          >
            {t('formEditor.addSection')}
          </Button>
          <Button danger onClick={() => onChange(undefined)}>
            {t('formEditor.remove')}
          </Button>
        </Space>
      </Col>
      <Col xs={24} xl={11}>
        <Card
          size="small"
          title={<h4 style={{ fontSize: 14, margin: 0 }}>{t('formEditor.preview')}</h4>}
          data-testid="form-preview"
        >
          {parsed.success ? (
            <Suspense fallback={<PageLoading />}>
              <Title level={5} style={{ textAlign: 'center' }}>
                {parsed.data.title}
              </Title>
              <EFormFields
                definition={parsed.data}
                value={previewValues}
                onChange={setPreviewValues}
                errors={previewErrors}
                idPrefix="preview"
              />
              <Space>
                <Button
                  onClick={async () => {
                    const { validateEForm } = await import('../eforms/validate');
                    setPreviewErrors(validateEForm(parsed.data, previewValues, t, todayInVietnam()));
                  }}
                >
                  {t('formEditor.check')}
                </Button>
                <Button
                  type="text"
                  onClick={() => {
                    setPreviewValues({});
                    setPreviewErrors({});
                  }}
                >
                  {t('formEditor.clearPreview')}
                </Button>
              </Space>
            </Suspense>
          ) : (
            <Alert
              type="warning"
              showIcon
              title={t('formEditor.incomplete')}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {parsed.error.issues.slice(0, 8).map((issue) => (
                    <li key={`${issue.path.join('.')}-${issue.message}`}>
                      {describePath(form, issue.path)}: {issue.message}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
        </Card>
      </Col>
    </Row>
  );
};

/** "sections.0.fields.2.label" → "Phần 1 › Họ tên › label", for the administrator. */
const describePath = (form: FormDefinition, path: readonly PropertyKey[]): string => {
  const parts: string[] = [];
  const section = typeof path[1] === 'number' ? form.sections[path[1]] : undefined;
  if (path[0] === 'sections' && section) {
    parts.push(section.title || `#${Number(path[1]) + 1}`);
    const field = typeof path[3] === 'number' ? section.fields[path[3]] : undefined;
    if (field) {
      parts.push(field.label || `#${Number(path[3]) + 1}`);
      const inner = field.kind === 'group' && typeof path[5] === 'number' ? field.fields[path[5]] : undefined;
      if (inner) {
        parts.push(inner.label || `#${Number(path[5]) + 1}`);
      }
      parts.push(...path.slice(inner ? 6 : 4).map(String));
    } else {
      parts.push(...path.slice(2).map(String));
    }
  } else {
    parts.push(...path.map(String));
  }
  return parts.join(' › ');
};

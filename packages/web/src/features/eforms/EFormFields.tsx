import type { FormDefinition, FormField, GroupField, ScalarField } from '@motcua/domain/eforms/definition';
import {
  type AddressValue,
  type FormValues,
  type GroupItemValues,
  meetsCondition,
  type ScalarValue,
} from '@motcua/domain/eforms/values';
import { Button, Checkbox, Col, Input, Radio, Row, Select } from 'antd';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AddressInput,
  CitizenIdInput,
  type ControlAria,
  DateTextInput,
  MoneyInput,
  matchesFolded,
  WholeNumberInput,
} from './EFormInputs';
import { createGroupItem, type EFormErrors, findErrorsUnder, withDefaultValues } from './validate';
import './eforms.css';
import '../../i18n/eforms';

/**
 * The one renderer of an application form (tờ khai) defined as data (@motcua/domain/eforms/definition),
 * used by the citizen portal and the counter wizard: each section a fieldset with its legend, each field
 * with its label, help and required mark, its messages next to it (aria-describedby, role="alert"),
 * repeating groups with numbered items, fields shown only when their condition holds. Full width on a phone,
 * half or a third of the row on a wide screen. Controlled: `value` in, `onChange` with the next values.
 * Loaded with React.lazy by its hosts: it is never part of the portal's first load.
 */
export type EFormFieldsProps = {
  definition: FormDefinition;
  value: FormValues;
  onChange: (value: FormValues) => void;
  /** Messages by JSON pointer under the form ("/childFullName", "/members/0/memberName"), from validateEForm. */
  errors?: EFormErrors;
  disabled?: boolean;
  /** Prefix of the elements' ids (two forms on one page, or the host's own field ids). */
  idPrefix?: string;
};

const COLUMN_SPAN = { full: 24, half: 12, third: 8 } as const;

const describedBy = (...ids: (string | false | undefined)[]): string | undefined =>
  ids.filter((id): id is string => typeof id === 'string').join(' ') || undefined;

const RequiredMark = ({ required }: { required: boolean }) => {
  const { t } = useTranslation();
  return required ? (
    <>
      <span className="eform-required" aria-hidden="true">
        *
      </span>
      <span className="visually-hidden">({t('eforms.requiredMark')})</span>
    </>
  ) : null;
};

const ErrorText = ({ id, messages }: { id: string; messages: readonly string[] }) =>
  messages.length > 0 ? (
    <div id={id} className="eform-error" role="alert">
      {messages.join('. ')}
    </div>
  ) : null;

const HelpText = ({ id, text }: { id: string; text: string | undefined }) =>
  text ? (
    <div id={id} className="eform-help">
      {text}
    </div>
  ) : null;

type ScalarProps = {
  field: ScalarField;
  id: string;
  pointer: string;
  value: ScalarValue | undefined;
  onChange: (value: ScalarValue | undefined) => void;
  errors: EFormErrors | undefined;
  disabled: boolean | undefined;
};

/** One field that holds one value, with its label, help and messages. */
const ScalarFieldView = ({ field, id, pointer, value, onChange, errors, disabled }: ScalarProps) => {
  const { t } = useTranslation();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const help = field.help ?? (field.kind === 'date' ? t('eforms.dateHelp') : undefined);
  const own = findErrorsUnder(errors, pointer);
  const aria: ControlAria = {
    'aria-describedby': describedBy(help !== undefined && helpId, own.length > 0 && errorId),
    'aria-invalid': own.length > 0 || undefined,
    'aria-required': field.required || undefined,
  };
  const text = typeof value === 'string' ? value : undefined;
  const number = typeof value === 'number' ? value : undefined;
  const labelled = (control: ReactNode) => (
    <div className="eform-field">
      <label className="eform-label" htmlFor={id}>
        {field.label}
        <RequiredMark required={field.required} />
      </label>
      {control}
      <HelpText id={helpId} text={help} />
      <ErrorText id={errorId} messages={own} />
    </div>
  );
  const common = { id, disabled, ...aria };

  switch (field.kind) {
    case 'text':
      return labelled(
        <Input
          {...common}
          value={text ?? ''}
          maxLength={field.maxLength ?? 200}
          autoComplete="off"
          onChange={(event) => onChange(event.target.value)}
        />,
      );
    case 'textarea':
      return labelled(
        <Input.TextArea
          {...common}
          value={text ?? ''}
          maxLength={field.maxLength ?? 2000}
          autoSize={{ minRows: 3, maxRows: 10 }}
          onChange={(event) => onChange(event.target.value)}
        />,
      );
    case 'date':
      return labelled(<DateTextInput {...common} value={text} onChange={onChange} />);
    case 'cccd':
      return labelled(<CitizenIdInput {...common} value={text} onChange={onChange} />);
    case 'money':
      return labelled(<MoneyInput {...common} value={number} onChange={onChange} />);
    case 'number':
      return labelled(
        <WholeNumberInput
          {...common}
          value={number}
          onChange={onChange}
          unit={field.unit}
          allowNegative={(field.min ?? 0) < 0}
        />,
      );
    case 'phone':
      return labelled(
        <Input
          {...common}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          maxLength={15}
          value={text ?? ''}
          onChange={(event) => onChange(event.target.value)}
        />,
      );
    case 'email':
      return labelled(
        <Input
          {...common}
          type="email"
          inputMode="email"
          autoComplete="off"
          maxLength={200}
          value={text ?? ''}
          onChange={(event) => onChange(event.target.value)}
        />,
      );
    case 'choice': {
      const display = field.display ?? (field.options.length <= 4 ? 'radio' : 'select');
      if (display === 'select') {
        return labelled(
          <Select<string>
            {...common}
            style={{ width: '100%' }}
            value={text || undefined}
            allowClear
            showSearch={{ filterOption: (input, option) => matchesFolded(input, option?.label) }}
            placeholder={field.options.length > 8 ? t('eforms.searchSelect') : t('eforms.select')}
            notFoundContent={t('eforms.noMatch')}
            options={field.options.map((option) => ({ value: option.value, label: option.label }))}
            onChange={(next) => onChange(next ?? undefined)}
          />,
        );
      }
      return (
        <fieldset
          className="eform-fieldset"
          aria-describedby={aria['aria-describedby']}
          aria-invalid={aria['aria-invalid']}
        >
          <legend className="eform-label">
            {field.label}
            <RequiredMark required={field.required} />
          </legend>
          <Radio.Group
            className="eform-radios"
            value={text ?? null}
            disabled={disabled}
            onChange={(event) => onChange(event.target.value as string)}
          >
            {field.options.map((option, index) => (
              <Radio key={option.value} value={option.value} id={index === 0 ? id : `${id}-${option.value}`}>
                {option.label}
              </Radio>
            ))}
          </Radio.Group>
          <HelpText id={helpId} text={help} />
          <ErrorText id={errorId} messages={own} />
        </fieldset>
      );
    }
    case 'checkbox':
      return (
        <div className="eform-field">
          <Checkbox {...common} checked={value === true} onChange={(event) => onChange(event.target.checked)}>
            {field.label}
            <RequiredMark required={field.required} />
          </Checkbox>
          <HelpText id={helpId} text={help} />
          <ErrorText id={errorId} messages={own} />
        </div>
      );
    case 'address': {
      const partErrors = (part: string) => findErrorsUnder(errors, `${pointer}/${part}`);
      const whole = errors?.[pointer] ? [errors[pointer]] : [];
      const ariaOf = (part: 'province' | 'communeCode' | 'detail' | 'abroad'): ControlAria => {
        const messages = part === 'province' ? whole : part === 'detail' ? [] : partErrors(part);
        const errorIdOfPart = part === 'province' ? errorId : `${id}-${part}-error`;
        return {
          'aria-describedby': describedBy(help !== undefined && helpId, messages.length > 0 && errorIdOfPart),
          'aria-invalid': messages.length > 0 || undefined,
          'aria-required': (field.required && part !== 'detail') || undefined,
        };
      };
      return (
        <fieldset className="eform-fieldset">
          <legend className="eform-label">
            {field.label}
            <RequiredMark required={field.required} />
          </legend>
          <HelpText id={helpId} text={help} />
          <AddressInput
            id={id}
            value={typeof value === 'object' ? value : undefined}
            onChange={(next: AddressValue | undefined) => onChange(next)}
            foreignAllowed={field.foreignAllowed === true}
            disabled={disabled}
            ariaOf={ariaOf}
            errorOf={(part) => <ErrorText id={`${id}-${part}-error`} messages={partErrors(part)} />}
          />
          <ErrorText id={errorId} messages={whole} />
        </fieldset>
      );
    }
  }
};

type GroupProps = {
  field: GroupField;
  id: string;
  pointer: string;
  items: GroupItemValues[];
  formValues: FormValues;
  onChange: (items: GroupItemValues[]) => void;
  errors: EFormErrors | undefined;
  disabled: boolean | undefined;
};

/** A repeating group: numbered items, each with the group's fields, added and removed within its limits. */
const GroupFieldView = ({ field, id, pointer, items, formValues, onChange, errors, disabled }: GroupProps) => {
  const { t } = useTranslation();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const own = errors?.[pointer] ? [errors[pointer]] : [];
  const focusAfterRender = useRef<string | null>(null);
  useEffect(() => {
    if (focusAfterRender.current) {
      document.getElementById(focusAfterRender.current)?.focus();
      focusAfterRender.current = null;
    }
  });
  const canAdd = !disabled && items.length < field.maxItems;
  const canRemove = !disabled && items.length > field.minItems;
  const add = () => {
    focusAfterRender.current = `${id}-${items.length}-${field.fields[0]?.key ?? ''}`;
    onChange([...items, createGroupItem(field.fields)]);
  };
  const remove = (index: number) => {
    focusAfterRender.current = `${id}-add`;
    onChange(items.filter((_, i) => i !== index));
  };

  return (
    <fieldset
      className="eform-group"
      aria-describedby={describedBy(field.help !== undefined && helpId, own.length > 0 && errorId)}
    >
      <legend className="eform-label">
        {field.label}
        <RequiredMark required={field.required} />
      </legend>
      <HelpText id={helpId} text={field.help} />
      {items.map((item, index) => {
        const number = index + 1;
        const title = t('eforms.itemTitle', { label: field.itemLabel, number });
        const scope = { ...item };
        return (
          // Items have no identity of their own but their place: removing one renumbers the rest.
          // biome-ignore lint/suspicious/noArrayIndexKey: the index is the item's identity here
          <fieldset className="eform-item" key={index}>
            <legend>{title}</legend>
            <Row gutter={16}>
              {field.fields
                .filter((inner) => meetsCondition(inner.visibleWhen, scope, formValues))
                .map((inner) => (
                  <Col key={inner.key} xs={24} md={COLUMN_SPAN[inner.width ?? 'full']}>
                    <ScalarFieldView
                      field={inner}
                      id={`${id}-${index}-${inner.key}`}
                      pointer={`${pointer}/${index}/${inner.key}`}
                      value={item[inner.key]}
                      errors={errors}
                      disabled={disabled}
                      onChange={(next) =>
                        onChange(items.map((it, i) => (i === index ? setOrDrop(it, inner.key, next) : it)))
                      }
                    />
                  </Col>
                ))}
            </Row>
            <div className="eform-item-head">
              <Button
                danger
                type="text"
                disabled={!canRemove}
                aria-label={t('eforms.removeItem', { label: field.itemLabel, number })}
                onClick={() => remove(index)}
              >
                {t('common.remove')}
              </Button>
            </div>
          </fieldset>
        );
      })}
      <Button id={`${id}-add`} disabled={!canAdd} onClick={add}>
        {t('eforms.addItem', { label: field.itemLabel.toLocaleLowerCase('vi') })}
      </Button>
      <ErrorText id={errorId} messages={own} />
    </fieldset>
  );
};

const setOrDrop = <T extends Record<string, unknown>>(values: T, key: string, next: unknown): T => {
  const copy: Record<string, unknown> = { ...values };
  if (next === undefined) {
    delete copy[key];
  } else {
    copy[key] = next;
  }
  return copy as T;
};

/** Adds the items a group needs at least, so the applicant sees "Người thứ 1" ready to fill. */
const withMinimumItems = (definition: FormDefinition, values: FormValues): FormValues | undefined => {
  let changed = false;
  const next: FormValues = { ...values };
  for (const field of definition.sections.flatMap((s) => s.fields)) {
    if (field.kind !== 'group') {
      continue;
    }
    const items = Array.isArray(values[field.key]) ? (values[field.key] as GroupItemValues[]) : [];
    const minimum = Math.max(field.minItems, field.required ? 1 : 0);
    if (items.length < minimum) {
      changed = true;
      next[field.key] = [
        ...items,
        ...Array.from({ length: minimum - items.length }, () => createGroupItem(field.fields)),
      ];
    }
  }
  return changed ? next : undefined;
};

const isVisible = (field: FormField, values: FormValues) => meetsCondition(field.visibleWhen, values);

export default function EFormFields({
  definition,
  value,
  onChange,
  errors,
  disabled,
  idPrefix = 'eform',
}: EFormFieldsProps) {
  const view = withDefaultValues(definition, value);
  useEffect(() => {
    const filled = withMinimumItems(definition, value);
    if (filled && !disabled) {
      onChange(filled);
    }
  }, [definition, value, onChange, disabled]);

  return (
    <div className="eform">
      {definition.sections.map((section) => {
        const fields = section.fields.filter((field) => isVisible(field, view));
        if (fields.length === 0) {
          return null;
        }
        return (
          <fieldset key={section.key} className="eform-section">
            <legend>{section.title}</legend>
            <Row gutter={16}>
              {fields.map((field) => {
                const id = `${idPrefix}-${field.key}`;
                const pointer = `/${field.key}`;
                const span = field.kind === 'group' ? 24 : COLUMN_SPAN[field.width ?? 'full'];
                return (
                  <Col key={field.key} xs={24} md={span}>
                    {field.kind === 'group' ? (
                      <GroupFieldView
                        field={field}
                        id={id}
                        pointer={pointer}
                        items={(view[field.key] as GroupItemValues[] | undefined) ?? []}
                        formValues={view}
                        errors={errors}
                        disabled={disabled}
                        onChange={(items) => onChange({ ...value, [field.key]: items })}
                      />
                    ) : (
                      <ScalarFieldView
                        field={field}
                        id={id}
                        pointer={pointer}
                        value={value[field.key] as ScalarValue | undefined}
                        errors={errors}
                        disabled={disabled}
                        onChange={(next) => onChange(setOrDrop(value, field.key, next))}
                      />
                    )}
                  </Col>
                );
              })}
            </Row>
          </fieldset>
        );
      })}
    </div>
  );
}

import type { AddressValue } from '@motcua/domain/eforms/values';
import { foldVietnamese } from '@motcua/domain/text/fold';
import { Col, Input, Radio, Row, Select } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommune, useCommunes, useProvinces } from './useEForms';

/**
 * The inputs of the form renderer that keep what is typed apart from the value they hold: a date typed as
 * dd/mm/yyyy (held as YYYY-MM-DD), an amount typed with thousands separators (held as a number), a whole
 * number, and the address (province, commune of the 2025 units, the rest of the address or a place abroad).
 */

/** aria-* of a control: its help and error texts, whether it is invalid or required. */
export type ControlAria = {
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  'aria-required'?: boolean;
};

/** Searches labels without diacritics: "ha noi" finds "Hà Nội", "dak" finds "Đắk". */
export const matchesFolded = (input: string, label: unknown): boolean =>
  foldVietnamese(String(label ?? '')).includes(foldVietnamese(input));

/** 15/03/2020, 15-3-2020, 15.03.2020 or 15032020 → 2020-03-15 (undefined when it is not a real date). */
export const parseDateText = (text: string): string | undefined => {
  const trimmed = text.trim();
  const match =
    /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(trimmed) ?? undefined;
  if (!match) {
    return undefined;
  }
  const [, d = '', m = '', y = ''] = match;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? undefined : iso;
};

/** 2020-03-15 → 15/03/2020; anything else as it is. */
export const formatDateText = (value: string | undefined): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  return match ? `${match[3]}/${match[2]}/${match[1]}` : (value ?? '');
};

/** 1500000 → "1.500.000" (the Vietnamese thousands separator, whatever the UI language). */
export const formatMoney = (value: number | undefined): string =>
  value === undefined ? '' : String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

type TextBackedProps<T> = ControlAria & {
  id: string;
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  disabled?: boolean | undefined;
};

/**
 * Holds the text being typed while the value is what it means: the text follows the value when the value
 * changes from outside (a reset, a loaded draft), not while the text is a half-typed form of it.
 */
const useTypedText = <T,>(value: T | undefined, parse: (text: string) => T | undefined, format: (v: T) => string) => {
  const [text, setText] = useState(() => (value === undefined ? '' : format(value)));
  useEffect(() => {
    setText((current) => {
      const parsed = parse(current);
      if (parsed === value || (value === undefined && current.trim() === '')) {
        return current;
      }
      return value === undefined ? '' : format(value);
    });
  }, [value, parse, format]);
  return [text, setText] as const;
};

/**
 * A date typed as dd/mm/yyyy: the value is YYYY-MM-DD once the text is a real date, the text itself
 * otherwise (the schema then says the date is not valid).
 */
export const DateTextInput = ({ value, onChange, ...rest }: TextBackedProps<string>) => {
  const { t } = useTranslation();
  const [text, setText] = useTypedText<string>(value, parseDateTextOrText, formatDateText);
  return (
    <Input
      {...rest}
      value={text}
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      placeholder={t('eforms.datePlaceholder')}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        onChange(next.trim() === '' ? undefined : parseDateTextOrText(next));
      }}
    />
  );
};

const parseDateTextOrText = (text: string): string => parseDateText(text) ?? text.trim();

const parseMoney = (text: string): number | undefined => {
  const digits = text.replace(/\D/g, '');
  return digits === '' ? undefined : Number(digits);
};

/** An amount in whole đồng, shown with thousands separators as it is typed ("1.500.000 đồng"). */
export const MoneyInput = ({ value, onChange, ...rest }: TextBackedProps<number>) => {
  const { t } = useTranslation();
  return (
    <Input
      {...rest}
      value={formatMoney(value)}
      inputMode="numeric"
      autoComplete="off"
      maxLength={22}
      suffix={t('eforms.moneyUnit')}
      onChange={(event) => onChange(parseMoney(event.target.value))}
    />
  );
};

const parseWholeNumber = (text: string): number | undefined =>
  /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;

/** A whole number with its unit (m², bản, người). */
export const WholeNumberInput = ({
  value,
  onChange,
  unit,
  allowNegative,
  ...rest
}: TextBackedProps<number> & { unit?: string | undefined; allowNegative: boolean }) => {
  const [text, setText] = useTypedText<number>(value, parseWholeNumber, String);
  return (
    <Input
      {...rest}
      value={text}
      inputMode="numeric"
      autoComplete="off"
      maxLength={17}
      suffix={unit}
      onChange={(event) => {
        const next = event.target.value.replace(allowNegative ? /[^\d-]/g : /\D/g, '');
        setText(next);
        onChange(parseWholeNumber(next));
      }}
    />
  );
};

/** The identification number: digits only, a numeric keyboard on phones. */
export const CitizenIdInput = ({ value, onChange, ...rest }: TextBackedProps<string>) => (
  <Input
    {...rest}
    value={value ?? ''}
    inputMode="numeric"
    autoComplete="off"
    maxLength={12}
    onChange={(event) => {
      const digits = event.target.value.replace(/\D/g, '');
      onChange(digits === '' ? undefined : digits);
    }}
  />
);

export const PartLabel = ({ htmlFor, children }: { htmlFor: string; children: ReactNode }) => (
  <label className="eform-label" htmlFor={htmlFor}>
    {children}
  </label>
);

type AddressInputProps = {
  id: string;
  value: AddressValue | undefined;
  onChange: (value: AddressValue | undefined) => void;
  foreignAllowed: boolean;
  disabled?: boolean | undefined;
  /** aria of each part: errors under the field's pointer are told per part. */
  ariaOf: (part: 'province' | 'communeCode' | 'detail' | 'abroad') => ControlAria;
  /** Messages shown under a part (the commune's, the place abroad's). */
  errorOf: (part: 'communeCode' | 'abroad') => ReactNode;
};

const clean = (value: AddressValue): AddressValue | undefined => {
  const kept = Object.fromEntries(
    Object.entries(value).filter(([, part]) => typeof part === 'string' && part !== ''),
  ) as AddressValue;
  return Object.keys(kept).length === 0 ? undefined : kept;
};

/**
 * An address in the units in force since 1 July 2025: the province, then one of its communes (searched
 * without diacritics), then the house number and street; or, when the form allows it, a place abroad.
 */
export const AddressInput = ({ id, value, onChange, foreignAllowed, disabled, ariaOf, errorOf }: AddressInputProps) => {
  const { t } = useTranslation();
  const [abroad, setAbroad] = useState(() => foreignAllowed && value?.abroad !== undefined);
  const [chosenProvince, setChosenProvince] = useState<string | undefined>(undefined);
  const provinces = useProvinces();
  const stored = useCommune(chosenProvince === undefined ? value?.communeCode : undefined);
  const provinceCode = chosenProvince ?? stored.data?.provinceCode;
  const communes = useCommunes(abroad ? undefined : provinceCode);
  const current = value ?? {};

  const onProvince = (code: string | undefined) => {
    setChosenProvince(code ?? '');
    onChange(clean({ ...current, communeCode: '' }));
  };

  return (
    <>
      {foreignAllowed ? (
        <Radio.Group
          className="eform-radios"
          value={abroad ? 'abroad' : 'vn'}
          disabled={disabled}
          onChange={(event) => {
            const isAbroad = event.target.value === 'abroad';
            setAbroad(isAbroad);
            onChange(isAbroad ? clean({ abroad: current.abroad ?? '' }) : clean({ detail: current.detail ?? '' }));
          }}
          options={[
            { value: 'vn', label: t('eforms.inVietnam') },
            { value: 'abroad', label: t('eforms.abroad') },
          ]}
        />
      ) : null}
      {abroad ? (
        <div className="eform-field">
          <PartLabel htmlFor={`${id}-abroad`}>{t('eforms.abroadPlace')}</PartLabel>
          <Input
            id={`${id}-abroad`}
            {...ariaOf('abroad')}
            value={current.abroad ?? ''}
            maxLength={300}
            disabled={disabled}
            onChange={(event) => onChange(clean({ abroad: event.target.value }))}
          />
          {errorOf('abroad')}
        </div>
      ) : (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <div className="eform-field">
              <PartLabel htmlFor={id}>{t('eforms.province')}</PartLabel>
              <Select<string>
                id={id}
                {...ariaOf('province')}
                style={{ width: '100%' }}
                value={provinceCode || undefined}
                disabled={disabled}
                loading={provinces.isPending}
                allowClear
                showSearch={{ filterOption: (input, option) => matchesFolded(input, option?.label) }}
                placeholder={t('eforms.searchSelect')}
                notFoundContent={t('eforms.noMatch')}
                options={(provinces.data ?? []).map((unit) => ({ value: unit.code, label: unit.name }))}
                onChange={onProvince}
              />
            </div>
          </Col>
          <Col xs={24} md={12}>
            <div className="eform-field">
              <PartLabel htmlFor={`${id}-communeCode`}>{t('eforms.commune')}</PartLabel>
              <Select<string>
                id={`${id}-communeCode`}
                {...ariaOf('communeCode')}
                style={{ width: '100%' }}
                value={current.communeCode || undefined}
                disabled={disabled || !provinceCode}
                loading={communes.isFetching}
                allowClear
                showSearch={{ filterOption: (input, option) => matchesFolded(input, option?.label) }}
                placeholder={provinceCode ? t('eforms.searchSelect') : t('eforms.communeFirst')}
                notFoundContent={t('eforms.noMatch')}
                options={(communes.data ?? []).map((unit) => ({ value: unit.code, label: unit.name }))}
                onChange={(code) => onChange(clean({ ...current, communeCode: code ?? '' }))}
              />
              {errorOf('communeCode')}
            </div>
          </Col>
          <Col xs={24}>
            <div className="eform-field">
              <PartLabel htmlFor={`${id}-detail`}>{t('eforms.detail')}</PartLabel>
              <Input
                id={`${id}-detail`}
                {...ariaOf('detail')}
                value={current.detail ?? ''}
                maxLength={300}
                disabled={disabled}
                autoComplete="off"
                onChange={(event) => onChange(clean({ ...current, detail: event.target.value }))}
              />
            </div>
          </Col>
        </Row>
      )}
    </>
  );
};

import { Flex, Input } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/portal-console';

/** A decision's heading fields as typed: the draft's own (effective date, signer) only where the form has them. */
export type DecisionFieldValues = {
  number: string;
  signedOn: string;
  title: string;
  effectiveOn?: string;
  signer?: string;
};

/**
 * The fields of a procedure decision — its number, signing date, title, and on a draft its effective date and
 * signer — each labelled, for the new-draft form and the draft's page alike.
 */
export const DecisionFields = <V extends DecisionFieldValues>({
  value,
  onChange,
  numberHint,
}: {
  value: V;
  onChange: (next: Partial<V>) => void;
  numberHint?: string;
}) => {
  const { t } = useTranslation();
  const ids = { number: useId(), signedOn: useId(), effectiveOn: useId(), title: useId(), signer: useId() };
  const edit = (next: Partial<DecisionFieldValues>) => onChange(next as Partial<V>);
  return (
    <>
      <div>
        <label htmlFor={ids.number}>{t('portalConsole.decisions.number')}</label>
        <Input
          id={ids.number}
          value={value.number}
          placeholder={numberHint}
          maxLength={60}
          onChange={(e) => edit({ number: e.target.value })}
        />
      </div>
      <Flex gap={12} wrap>
        <div style={{ flex: '1 1 160px' }}>
          <label htmlFor={ids.signedOn}>{t('portalConsole.decisions.signedOn')}</label>
          <Input
            id={ids.signedOn}
            type="date"
            value={value.signedOn}
            onChange={(e) => edit({ signedOn: e.target.value })}
          />
        </div>
        {value.effectiveOn === undefined ? null : (
          <div style={{ flex: '1 1 160px' }}>
            <label htmlFor={ids.effectiveOn}>{t('portalConsole.decisions.effectiveOn')}</label>
            <Input
              id={ids.effectiveOn}
              type="date"
              value={value.effectiveOn}
              onChange={(e) => edit({ effectiveOn: e.target.value })}
            />
          </div>
        )}
      </Flex>
      <div>
        <label htmlFor={ids.title}>{t('portalConsole.decisions.titleField')}</label>
        <Input.TextArea
          id={ids.title}
          value={value.title}
          maxLength={1000}
          autoSize={{ minRows: 2 }}
          onChange={(e) => edit({ title: e.target.value })}
        />
      </div>
      {value.signer === undefined ? null : (
        <div>
          <label htmlFor={ids.signer}>{t('portalConsole.decisions.signer')}</label>
          <Input
            id={ids.signer}
            value={value.signer}
            maxLength={200}
            onChange={(e) => edit({ signer: e.target.value })}
          />
        </div>
      )}
    </>
  );
};

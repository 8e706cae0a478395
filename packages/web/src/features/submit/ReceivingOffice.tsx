import { listAllowedOffices, proposeReceivingOffice } from '@motcua/domain/portal/receiving-office';
import { foldVietnamese } from '@motcua/domain/text/fold';
import { useQuery } from '@tanstack/react-query';
import { Alert, Form, type FormInstance, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureForm, ReceivingAgency } from '../../api/portal-types';
import { fetchCommunesOfProvince } from './useSubmit';
import type { WizardValues } from './wizard-values';

/** Options of a select searched without diacritics: "pho hien" finds "Phố Hiến". */
const matchesFolded = (input: string, option?: { label?: unknown }) =>
  foldVietnamese(String(option?.label ?? '')).includes(foldVietnamese(input));

type CommuneSelectProps = {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  provinceCode: string;
};

/** The commune or ward of the applicant's address (2025 units of the procedure's province), searchable without diacritics. */
export const CommuneSelect = ({ id, value, onChange, provinceCode, ...aria }: CommuneSelectProps) => {
  const { t } = useTranslation();
  const communes = useQuery({
    queryKey: ['admin-units', 'communes-of', provinceCode],
    queryFn: ({ signal }) => fetchCommunesOfProvince(provinceCode, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return (
    <Select<string>
      {...aria}
      id={id}
      value={value}
      onChange={(next) => onChange?.(next)}
      allowClear
      showSearch={{ filterOption: matchesFolded }}
      loading={communes.isPending}
      placeholder={t('citizen.submit.communePlaceholder')}
      options={(communes.data ?? []).map((unit) => ({ value: unit.code, label: unit.name }))}
      notFoundContent={communes.isPending ? t('app.loading') : t('citizen.submit.noMatch')}
    />
  );
};

type OfficeProps = { form: FormInstance<WizardValues>; procedure: ProcedureForm; disabled?: boolean };

/**
 * Where the dossier is submitted, chosen on the first step: the offices the law allows for the
 * applicant's commune (judgeReceivingOffice of @motcua/domain, the rule the server checks again on
 * submission), the one of the applicant's commune proposed from the address (or the VNeID residence
 * the profile prefilled), searchable by name without diacritics.
 */
export const ReceivingOfficeField = ({ form, procedure, disabled }: OfficeProps) => {
  const { t } = useTranslation();
  const communeCode = Form.useWatch(['applicant', 'address', 'communeCode'], form) as string | undefined;
  const chosen = Form.useWatch('receivingAgencyId', form) as string | undefined;
  const allowed = listAllowedOffices(procedure, procedure.receivingAgencies, communeCode);
  const proposal = proposeReceivingOffice(allowed, communeCode);
  // The office last proposed (not chosen by the citizen): it follows the address.
  const proposed = useRef<string | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');

  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the address (and the offices), not every render.
  useEffect(() => {
    const current = form.getFieldValue('receivingAgencyId') as string | undefined;
    const stillAllowed = current !== undefined && allowed.some((office) => office.agencyId === current);
    const wasProposed = current !== undefined && current === proposed.current;
    if (stillAllowed && !wasProposed) {
      return;
    }
    const next = proposal?.agencyId;
    if (next === current) {
      return;
    }
    proposed.current = next;
    form.setFields([{ name: 'receivingAgencyId', value: next, errors: [] }]);
    setAnnouncement(proposal ? t('citizen.submit.officeProposed', { name: proposal.name }) : '');
  }, [communeCode, procedure.receivingAgencies]);

  if (procedure.receivingAgencies.length === 0) {
    return <Alert type="warning" showIcon title={t('citizen.submit.noAgency')} style={{ marginBottom: 16 }} />;
  }
  const byId = new Map<string, ReceivingAgency>(procedure.receivingAgencies.map((a) => [a.agencyId, a]));
  const help = [
    procedure.boundaryFree ? t('citizen.submit.boundaryFree') : null,
    !procedure.boundaryFree && communeCode && allowed.length < procedure.receivingAgencies.length
      ? t('citizen.submit.officeOfResidence')
      : null,
    chosen && chosen === proposed.current ? t('citizen.submit.officeProposedHelp') : null,
  ].filter(Boolean);
  return (
    <div data-testid="receiving-office">
      {allowed.length === 0 ? (
        <Alert type="warning" showIcon title={t('citizen.submit.noOfficeForCommune')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form.Item
        name="receivingAgencyId"
        label={t('citizen.submit.office')}
        extra={help.length > 0 ? help.join(' ') : undefined}
        rules={[
          { required: true, message: t('citizen.submit.agencyRequired') },
          {
            validator: async (_rule, value: string | undefined) => {
              if (value && !allowed.some((office) => office.agencyId === value)) {
                throw new Error(t('citizen.submit.officeNotAllowed', { name: byId.get(value)?.name ?? '' }));
              }
            },
          },
        ]}
      >
        <Select<string>
          allowClear
          disabled={disabled}
          showSearch={{ filterOption: matchesFolded }}
          placeholder={t('citizen.submit.officePlaceholder')}
          notFoundContent={t('citizen.submit.noMatch')}
          onChange={() => {
            proposed.current = undefined;
          }}
          options={allowed.map((office) => ({ value: office.agencyId, label: office.name }))}
        />
      </Form.Item>
      <p aria-live="polite" className="visually-hidden" data-testid="office-announcement">
        {announcement}
      </p>
    </div>
  );
};

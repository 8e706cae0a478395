import { GENERAL_POINTS_MAX, generalCriteriaValid, LEADER_FORMULAS, type LeaderFormula } from '@motcua/domain';
import { Button, Flex, Input, InputNumber, Radio } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import '../../i18n/evaluation';
import { AgencySelect } from '../../components/AgencySelect';
import { Callout } from '../../components/Callout';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConsoleMessage } from '../../components/MessageProvider';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { Text, Title } from '../../components/typography';
import { formatDateTime } from '../../lib/format';
import { agenciesWithRole, useMe } from '../auth/useMe';
import { type EvaluationSettings, useEvaluationSettings, useSaveEvaluationSettings } from './useEvaluation';

type Draft = {
  periodKind: 'month' | 'quarter';
  coefficients: { kind: string; value: number }[];
  quotaPercent: number;
  quotaPercentExcellentUnit: number;
  generalCriteria: { code: string; name: string; maxPoints: number }[];
  leaderFormula: LeaderFormula;
};

/** The kinds of work item named in Vietnamese; any other kind is a task's own work kind, shown by its code. */
const KNOWN_KINDS = ['task', 'dossier_step'] as const;

const toDraft = (
  settings: Pick<
    EvaluationSettings,
    'coefficients' | 'quotaPercent' | 'quotaPercentExcellentUnit' | 'generalCriteria' | 'leaderFormula'
  >,
  periodKind: 'month' | 'quarter',
): Draft => ({
  periodKind,
  coefficients: Object.entries(settings.coefficients).map(([kind, value]) => ({ kind, value })),
  quotaPercent: settings.quotaPercent,
  quotaPercentExcellentUnit: settings.quotaPercentExcellentUnit,
  generalCriteria: settings.generalCriteria.map((criterion) => ({ ...criterion })),
  leaderFormula: settings.leaderFormula,
});

const Help = ({ children }: { children: string }) => (
  <Text type="secondary" style={{ display: 'block', fontSize: 13, marginBottom: 8 }}>
    {children}
  </Text>
);

/** The rows of an editable table with one row changed, or without one (the coefficient and criteria tables). */
const patchAt = <T,>(rows: readonly T[], index: number, patch: Partial<T>): T[] =>
  rows.map((row, i) => (i === index ? { ...row, ...patch } : row));
const withoutIndex = <T,>(rows: readonly T[], index: number): T[] => rows.filter((_, i) => i !== index);

const RemoveRowButton = ({ onClick }: { onClick: () => void }) => {
  const { t } = useTranslation();
  return (
    <Button size="small" danger onClick={onClick}>
      {t('evaluation.settings.remove')}
    </Button>
  );
};

/**
 * "Cấu hình đánh giá": the agency's evaluation rules (evaluation_setting) — tracking period, conversion coefficients
 * per kind of work item, general criteria, the "xuất sắc" quota, the leaders' formula — with the decrees' text as
 * help. The personnel officer edits (evaluation.manage, saved at the version read); the heads read.
 */
export const EvaluationSettingsPage = () => {
  const { t } = useTranslation();
  const me = useMe().data;
  const own = useMemo(() => agenciesWithRole(me, 'personnel_officer', 'agency_head', 'unit_head'), [me]);
  const [agency, setAgency] = useState<string | undefined>(undefined);
  const chosen = agency ?? own[0]?.id;
  const settings = useEvaluationSettings(chosen);
  useEffect(() => {
    document.title = `${t('evaluation.settings.title')} — motcua`;
  }, [t]);
  return (
    <Flex vertical gap={16}>
      <Link to="/can-bo/danh-gia">← {t('evaluation.back')}</Link>
      <Title level={1} style={{ fontSize: 24 }}>
        {t('evaluation.settings.title')}
      </Title>
      <Text type="secondary">{t('evaluation.settings.intro')}</Text>
      <label htmlFor="settings-agency" style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
        <span>{t('evaluation.agency')}</span>
        <AgencySelect
          id="settings-agency"
          value={chosen}
          onChange={setAgency}
          initialOptions={own}
          placeholder={t('evaluation.chooseAgency')}
          style={{ width: 320, maxWidth: '100%' }}
        />
      </label>
      {settings.isError ? <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {chosen && settings.isPending ? <PageLoading /> : null}
      {settings.data ? (
        <SettingsForm key={`${settings.data.agencyId}-${settings.data.version}`} settings={settings.data} />
      ) : null}
    </Flex>
  );
};

const SettingsForm = ({ settings }: { settings: EvaluationSettings }) => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const save = useSaveEvaluationSettings();
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings, settings.periodKind));
  const readOnly = !settings.mayChange;
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const criteriaTotal = draft.generalCriteria.reduce((sum, criterion) => sum + criterion.maxPoints, 0);
  const criteriaOk =
    generalCriteriaValid(draft.generalCriteria) && draft.generalCriteria.every((c) => c.code.trim() && c.name.trim());
  const kinds = draft.coefficients.map((row) => row.kind.trim());
  const coefficientsOk = kinds.every((kind) => kind.length > 0) && new Set(kinds).size === kinds.length;
  const kindLabel = (kind: string) =>
    (KNOWN_KINDS as readonly string[]).includes(kind)
      ? t(`evaluation.settings.kind_${kind as (typeof KNOWN_KINDS)[number]}`)
      : null;
  const submit = () =>
    save.mutate(
      {
        agencyId: settings.agencyId,
        expectedVersion: settings.version,
        periodKind: draft.periodKind,
        coefficients: Object.fromEntries(draft.coefficients.map((row) => [row.kind.trim(), row.value])),
        quotaPercent: draft.quotaPercent,
        quotaPercentExcellentUnit: draft.quotaPercentExcellentUnit,
        generalCriteria: draft.generalCriteria.map((c) => ({ ...c, code: c.code.trim(), name: c.name.trim() })),
        leaderFormula: draft.leaderFormula,
      },
      { onSuccess: () => void message.success(t('evaluation.settings.saved')) },
    );
  return (
    <Flex vertical gap={16} data-testid="evaluation-settings">
      {readOnly ? <Callout type="info" title={t('evaluation.settings.readOnly')} /> : null}
      <Text type="secondary">
        {settings.version === 0
          ? t('evaluation.settings.defaultsInUse')
          : t('evaluation.settings.savedAt', { version: settings.version, at: formatDateTime(settings.updatedAt) })}
      </Text>

      <Panel title={t('evaluation.settings.periodKind')} level={2}>
        <Help>{t('evaluation.settings.periodKindHelp')}</Help>
        <Radio.Group
          disabled={readOnly}
          value={draft.periodKind}
          onChange={(event) => set({ periodKind: event.target.value as Draft['periodKind'] })}
          options={[
            { value: 'month', label: t('evaluation.month') },
            { value: 'quarter', label: t('evaluation.quarter') },
          ]}
        />
      </Panel>

      <Panel title={t('evaluation.settings.coefficients')} level={2}>
        <Help>{t('evaluation.settings.coefficientsHelp')}</Help>
        <table style={{ borderCollapse: 'collapse', width: '100%', maxWidth: 640 }}>
          <thead>
            <tr>
              <th style={{ textAlign: 'left', padding: 4 }}>{t('evaluation.settings.kind')}</th>
              <th style={{ textAlign: 'left', padding: 4, width: 140 }}>{t('evaluation.settings.coefficient')}</th>
              <th style={{ width: 60 }} />
            </tr>
          </thead>
          <tbody>
            {draft.coefficients.map((row, index) => {
              const label = kindLabel(row.kind);
              const update = (patch: Partial<(typeof draft.coefficients)[number]>) =>
                set({ coefficients: patchAt(draft.coefficients, index, patch) });
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: a row's kind is what the user edits
                <tr key={index}>
                  <td style={{ padding: 4 }}>
                    {label ?? (
                      <Input
                        aria-label={t('evaluation.settings.kindCode')}
                        placeholder={t('evaluation.settings.kindCode')}
                        value={row.kind}
                        maxLength={40}
                        disabled={readOnly}
                        onChange={(event) => update({ kind: event.target.value })}
                      />
                    )}
                  </td>
                  <td style={{ padding: 4 }}>
                    <InputNumber
                      aria-label={`${t('evaluation.settings.coefficient')} ${label ?? row.kind}`}
                      min={0}
                      max={100}
                      step={0.1}
                      value={row.value}
                      disabled={readOnly}
                      onChange={(value) => update({ value: value ?? 0 })}
                    />
                  </td>
                  <td style={{ padding: 4 }}>
                    {readOnly || label ? null : (
                      <RemoveRowButton onClick={() => set({ coefficients: withoutIndex(draft.coefficients, index) })} />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {readOnly ? null : (
          <Button
            style={{ marginTop: 8 }}
            onClick={() => set({ coefficients: [...draft.coefficients, { kind: '', value: 1 }] })}
          >
            {t('evaluation.settings.addKind')}
          </Button>
        )}
      </Panel>

      <Panel title={t('evaluation.settings.quota')} level={2}>
        <Help>{t('evaluation.settings.quotaHelp')}</Help>
        <Flex gap={16} wrap>
          <label htmlFor="quota-percent" style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            <span>{t('evaluation.settings.quotaPercent')}</span>
            <InputNumber
              id="quota-percent"
              min={0}
              max={100}
              precision={0}
              value={draft.quotaPercent}
              disabled={readOnly}
              onChange={(value) => set({ quotaPercent: value ?? 0 })}
            />
          </label>
          <label htmlFor="quota-percent-unit" style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            <span>{t('evaluation.settings.quotaPercentExcellentUnit')}</span>
            <InputNumber
              id="quota-percent-unit"
              min={0}
              max={100}
              precision={0}
              value={draft.quotaPercentExcellentUnit}
              disabled={readOnly}
              onChange={(value) => set({ quotaPercentExcellentUnit: value ?? 0 })}
            />
          </label>
        </Flex>
      </Panel>

      <Panel title={t('evaluation.settings.criteria')} level={2}>
        <Help>{t('evaluation.settings.criteriaHelp')}</Help>
        <table style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr>
              <th style={{ textAlign: 'left', padding: 4, width: 140 }}>{t('evaluation.settings.criterionCode')}</th>
              <th style={{ textAlign: 'left', padding: 4 }}>{t('evaluation.settings.criterionName')}</th>
              <th style={{ textAlign: 'left', padding: 4, width: 130 }}>{t('evaluation.settings.criterionMax')}</th>
              <th style={{ width: 60 }} />
            </tr>
          </thead>
          <tbody>
            {draft.generalCriteria.map((criterion, index) => {
              const update = (patch: Partial<Draft['generalCriteria'][number]>) =>
                set({ generalCriteria: patchAt(draft.generalCriteria, index, patch) });
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: a row's code is what the user edits
                <tr key={index}>
                  <td style={{ padding: 4 }}>
                    <Input
                      aria-label={t('evaluation.settings.criterionCode')}
                      value={criterion.code}
                      maxLength={40}
                      disabled={readOnly}
                      onChange={(event) => update({ code: event.target.value })}
                    />
                  </td>
                  <td style={{ padding: 4 }}>
                    <Input
                      aria-label={t('evaluation.settings.criterionName')}
                      value={criterion.name}
                      maxLength={300}
                      disabled={readOnly}
                      onChange={(event) => update({ name: event.target.value })}
                    />
                  </td>
                  <td style={{ padding: 4 }}>
                    <InputNumber
                      aria-label={`${t('evaluation.settings.criterionMax')} ${criterion.name}`}
                      min={0}
                      max={30}
                      step={0.5}
                      precision={2}
                      // Stored in hundredths of a point; shown and typed in points.
                      value={criterion.maxPoints / 100}
                      disabled={readOnly}
                      onChange={(value) => update({ maxPoints: Math.round((value ?? 0) * 100) })}
                    />
                  </td>
                  <td style={{ padding: 4 }}>
                    {readOnly ? null : (
                      <RemoveRowButton
                        onClick={() => set({ generalCriteria: withoutIndex(draft.generalCriteria, index) })}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <Flex gap={12} align="center" wrap style={{ marginTop: 8 }}>
          <Text strong={criteriaTotal > GENERAL_POINTS_MAX} data-testid="criteria-total">
            {t('evaluation.settings.criteriaTotal', { total: criteriaTotal / 100 })}
          </Text>
          {readOnly ? null : (
            <Button
              onClick={() => set({ generalCriteria: [...draft.generalCriteria, { code: '', name: '', maxPoints: 0 }] })}
            >
              {t('evaluation.settings.addCriterion')}
            </Button>
          )}
        </Flex>
        {criteriaOk ? null : (
          <Callout style={{ marginTop: 8 }} type="warning" title={t('evaluation.settings.criteriaInvalid')} />
        )}
      </Panel>

      <Panel title={t('evaluation.settings.leaderFormula')} level={2}>
        <Help>{t('evaluation.settings.leaderFormulaHelp')}</Help>
        <Radio.Group
          disabled={readOnly}
          value={draft.leaderFormula}
          onChange={(event) => set({ leaderFormula: event.target.value as LeaderFormula })}
          style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          options={LEADER_FORMULAS.map((formula) => ({
            value: formula,
            label: t(`evaluation.settings.${formula}`),
          }))}
        />
      </Panel>

      {save.error ? <ErrorAlert error={save.error} /> : null}
      {readOnly ? null : (
        <Flex gap={8} wrap>
          <Button
            type="primary"
            loading={save.isPending}
            disabled={!criteriaOk || !coefficientsOk}
            onClick={submit}
            data-testid="evaluation-settings-save"
          >
            {t('evaluation.settings.save')}
          </Button>
          <Button onClick={() => setDraft(toDraft(settings.defaults, draft.periodKind))}>
            {t('evaluation.settings.restoreDefaults')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
};

import { CheckCircleFilled, ClockCircleOutlined, MinusCircleOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Flex } from 'antd';
import { Children, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierProgress, NextStep } from '../../api/portal-types';
import { SoftTag, type Tone } from '../../components/SoftTag';
import { StatusTag } from '../../components/StatusTag';
import { formatDateTime, formatVnd } from '../../lib/format';
import { TEXT_SUCCESS } from '../../theme';
import '../../i18n/citizen';

const muted = { color: 'rgba(0,0,0,0.68)' } as const;

/** The dossier's key facts: procedure, code, status, dates and the appointment. */
export const DossierFacts = ({
  progress,
  agencyName,
  extra,
  stacked = false,
}: {
  progress: DossierProgress;
  agencyName?: string | null;
  extra?: ReactNode;
  /** Labels above values (for a narrow column). */
  stacked?: boolean;
}) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <dl className={stacked ? 'facts stacked' : 'facts'} data-testid="dossier-facts">
      <dt>{t('dossier.procedure')}</dt>
      <dd>{progress.procedure.name}</dd>
      <dt>{t('citizen.dossier.code')}</dt>
      <dd>{progress.code}</dd>
      <dt>{t('citizen.dossier.status')}</dt>
      <dd data-testid="progress-status">
        <StatusTag status={progress.status} />
      </dd>
      <dt>{t('citizen.dossier.channel')}</dt>
      <dd>{progress.channelLabel[language]}</dd>
      {agencyName ? (
        <>
          <dt>{t('citizen.dossier.agency')}</dt>
          <dd>{agencyName}</dd>
        </>
      ) : null}
      <dt>{t('citizen.dossier.submittedAt')}</dt>
      <dd>{formatDateTime(progress.submittedAt)}</dd>
      {progress.receivedAt ? (
        <>
          <dt>{t('citizen.dossier.receivedAt')}</dt>
          <dd>{formatDateTime(progress.receivedAt)}</dd>
        </>
      ) : null}
      {progress.dueAt ? (
        <>
          <dt>{t('citizen.dossier.dueAt')}</dt>
          <dd>
            <strong>{formatDateTime(progress.dueAt)}</strong>
            {progress.dueProvisional && !progress.completedAt ? (
              <div style={{ fontSize: 13, ...muted }}>{t('citizen.dossier.dueProvisional')}</div>
            ) : null}
          </dd>
        </>
      ) : null}
      {progress.receivedAt && progress.timeliness.timeliness !== 'no_deadline' ? (
        // The same words as the desk's dossier page, the control slip and the reports.
        <>
          <dt>{t('citizen.dossier.timeliness')}</dt>
          <dd data-testid="progress-timeliness">{progress.timeliness[language]}</dd>
        </>
      ) : null}
      {progress.completedAt ? (
        <>
          <dt>{t('citizen.dossier.completedAt')}</dt>
          <dd>{formatDateTime(progress.completedAt)}</dd>
        </>
      ) : null}
      {progress.returnedAt ? (
        <>
          <dt>{t('citizen.dossier.returnedAt')}</dt>
          <dd>{formatDateTime(progress.returnedAt)}</dd>
        </>
      ) : null}
      {extra}
    </dl>
  );
};

const STEP_TONES: Record<string, Tone> = { done: 'success', active: 'warning', pending: 'neutral', skipped: 'neutral' };

/** What the applicant must do now, with what they were told (missing papers, the amount due). */
export const NextStepNote = ({ next, children }: { next: NextStep; children?: ReactNode }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const action = next.step === 'supplement' || next.step === 'pay' || next.step === 'collect' || next.step === 'rate';
  const extra = Children.toArray(children).length > 0;
  return (
    <Alert
      type={action ? 'warning' : 'info'}
      showIcon
      data-testid="next-step"
      title={
        next.step === 'none' ? (
          <span>{next.label[language]}</span>
        ) : (
          <span>
            <strong>{t('citizen.dossier.nextStep')}:</strong> {next.label[language]}
          </span>
        )
      }
      description={
        next.step === 'supplement' || next.step === 'pay' || extra ? (
          <div>
            {next.step === 'supplement' && next.missing && next.missing.length > 0 ? (
              <>
                <div>{t('citizen.dossier.supplementMissing')}:</div>
                <ul style={{ margin: '2px 0 6px', paddingInlineStart: 18 }}>
                  {next.missing.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {next.reason ? (
              <div>
                {next.step === 'pay' ? t('citizen.dossier.payReason') : t('citizen.dossier.supplementReason')}:{' '}
                {next.reason}
              </div>
            ) : null}
            {next.step === 'pay' && typeof next.amountVnd === 'number' ? (
              <div>
                {t('citizen.dossier.payAmount')}: <strong>{formatVnd(next.amountVnd, language)}</strong>
              </div>
            ) : null}
            {next.requestedAt ? (
              <div style={{ fontSize: 13, ...muted }}>
                {t('citizen.dossier.requestedAt', { at: formatDateTime(next.requestedAt) })}
              </div>
            ) : null}
            {children}
          </div>
        ) : undefined
      }
    />
  );
};

/** The processing steps with their agencies and dates (who handled them is not shown to the public). */
export const StepsList = ({ progress }: { progress: DossierProgress }) => {
  const { t } = useTranslation();
  if (progress.steps.length === 0) {
    return <p style={muted}>{t('citizen.progress.noSteps')}</p>;
  }
  return (
    <ol style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="progress-steps">
      {progress.steps.map((step) => {
        const status = step.status as 'pending' | 'active' | 'done' | 'skipped';
        return (
          <li
            key={step.stepNo}
            style={{
              display: 'flex',
              gap: 10,
              padding: '8px 0',
              borderBottom: '1px solid #f3efeb',
              background: status === 'active' ? '#fff8e6' : undefined,
            }}
          >
            <span aria-hidden style={{ fontSize: 18, lineHeight: 1.2, paddingInlineStart: 4 }}>
              {status === 'done' ? (
                <CheckCircleFilled style={{ color: TEXT_SUCCESS }} />
              ) : status === 'active' ? (
                <ClockCircleOutlined style={{ color: '#8a4b00' }} />
              ) : (
                <MinusCircleOutlined style={{ color: '#8c8c8c' }} />
              )}
            </span>
            <div style={{ minWidth: 0, flex: 1 }}>
              <Flex justify="space-between" gap={8} wrap>
                <strong>
                  {step.stepNo + 1}. {step.name}
                </strong>
                <SoftTag tone={STEP_TONES[status] ?? 'neutral'}>{t(`dossier.stepStatus_${status}`)}</SoftTag>
              </Flex>
              {step.agencyName ? <div style={muted}>{step.agencyName}</div> : null}
              <Flex gap={12} wrap style={{ fontSize: 13, ...muted }}>
                {step.givenAt ? (
                  <span>{t('citizen.progress.stepGiven', { at: formatDateTime(step.givenAt) })}</span>
                ) : null}
                {step.dueAt && status !== 'done' ? (
                  <span>{t('citizen.progress.stepDue', { at: formatDateTime(step.dueAt) })}</span>
                ) : null}
                {step.completedAt ? (
                  <span>{t('citizen.progress.stepDone', { at: formatDateTime(step.completedAt) })}</span>
                ) : null}
              </Flex>
            </div>
          </li>
        );
      })}
    </ol>
  );
};

/** The history as the applicant may see it: when, what, at which agency. */
export const HistoryList = ({ progress, owner = false }: { progress: DossierProgress; owner?: boolean }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <ol style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }} data-testid="progress-history">
      {[...progress.history].reverse().map((entry) => (
        <li
          key={`${entry.at}-${entry.action}`}
          style={{ display: 'flex', gap: 12, padding: '6px 0', borderBottom: '1px solid #f3efeb', flexWrap: 'wrap' }}
        >
          <time dateTime={entry.at} style={{ minWidth: 128, ...muted }}>
            {formatDateTime(entry.at)}
          </time>
          <span style={{ flex: '1 1 200px', minWidth: 0 }}>
            {entry.label[language]}
            {entry.byApplicant ? (
              <span style={muted}>
                {' '}
                (<UserOutlined aria-hidden /> {owner ? t('citizen.progress.byYou') : t('citizen.progress.byApplicant')})
              </span>
            ) : entry.agencyName ? (
              <span style={muted}> — {entry.agencyName}</span>
            ) : null}
          </span>
        </li>
      ))}
    </ol>
  );
};

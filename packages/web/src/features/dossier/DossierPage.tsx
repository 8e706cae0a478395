import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Col, Descriptions, Flex, Row, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Text, Title } from '../../components/typography';
import '../../i18n/console';
import { useParams } from 'react-router';
import { formUrl, isApiError } from '../../api/client';
import { type AvailableAction, type DossierEvent, type DossierForm, PRINTABLE_FORMS } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { lazyWidget } from '../../components/lazyWidget';
import { NotFoundPage } from '../../components/NotFoundPage';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { StatusTag } from '../../components/StatusTag';
import { UrgencyBadge } from '../../components/UrgencyBadge';
import { formatDateTime, MINUTES_PER_WORKING_DAY } from '../../lib/format';
import { useDossier, useDossierActions, useDossierEvents } from './useDossier';
import '../../i18n/console-work';

/*
 * What is not needed to show the dossier's header, its actions and its forms loads after the page shows
 * (issue 16): the details in tabs (below the fold), the fees card, and the action dialog (when an
 * action is chosen; fetched as soon as the page shows).
 */
const DossierDetails = lazyWidget(() => import('./DossierDetails').then((m) => ({ default: m.DossierDetails })));
const FeesCard = lazyWidget(() => import('../fees/FeesCard').then((m) => ({ default: m.FeesCard })));
// The national portal sync panel (issue 21) loads after the page, like the fees card.
const DossierSyncPanel = lazyWidget(
  () => import('../integration-dvcqg/DossierSyncPanel').then((m) => ({ default: m.DossierSyncPanel })),
  null,
);
const ActionDialog = lazyWidget(() => import('./ActionDialog').then((m) => ({ default: m.ActionDialog })), null);

const urgencyOf = (minutes: number | null) =>
  minutes === null ? null : minutes < 0 ? 'overdue' : minutes < MINUTES_PER_WORKING_DAY ? 'due_soon' : 'normal';

/** The forms this dossier has produced so far (from its history), in the order they were issued. */
const formsOf = (events: DossierEvent[]): DossierForm[] => {
  const forms: DossierForm[] = [];
  for (const event of events) {
    const form = event.payload?.form ?? (event.action === 'receive' ? 'receipt' : null);
    if (form && PRINTABLE_FORMS.includes(form) && !forms.includes(form)) {
      forms.push(form);
    }
  }
  return forms;
};

export const DossierPage = () => {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const dossier = useDossier(code);
  const events = useDossierEvents(code);
  const actions = useDossierActions(code);
  const [open, setOpen] = useState<AvailableAction | null>(null);
  // The dialog stays once opened, so that it can close with its animation.
  const [dialogUsed, setDialogUsed] = useState(false);
  const forms = useMemo(() => formsOf(events.data?.items ?? []), [events.data]);

  useEffect(() => {
    document.title = `${t('dossier.title', { code })} — ${t('app.shortName')}`;
  }, [t, code]);
  useEffect(() => {
    void ActionDialog.preload();
  }, []);

  if (dossier.isPending) {
    return <PageLoading />;
  }
  if (dossier.isError) {
    if (isApiError(dossier.error) && dossier.error.status === 404) {
      return (
        <>
          <ErrorAlert error={dossier.error} />
          <NotFoundPage home="/can-bo" />
        </>
      );
    }
    return <ErrorAlert error={dossier.error} onRetry={() => void dossier.refetch()} />;
  }
  const d = dossier.data;
  const applicantName = d.applicant.kind === 'person' ? d.applicant.fullName : d.applicant.name;
  const _applicationForm = d.applicationForm;
  const open_ = ['received', 'processing', 'supplement_requested', 'financial_obligation'].includes(d.status);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Panel>
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <Space orientation="vertical" size={4}>
            <Title level={1} style={{ fontSize: 22, margin: 0, fontFamily: 'monospace' }} data-testid="dossier-code">
              {d.code}
            </Title>
            <Text style={{ fontSize: 16 }}>{d.procedure.name}</Text>
            <Space wrap size={8}>
              <span data-testid="dossier-status">
                <StatusTag status={d.status} />
              </span>
              {open_ ? (
                <UrgencyBadge urgency={urgencyOf(d.remainingWorkingMinutes)} minutes={d.remainingWorkingMinutes} />
              ) : null}
              {d.rescheduled ? <SoftTag tone="warning">{t('dossier.rescheduled')}</SoftTag> : null}
            </Space>
          </Space>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              void dossier.refetch();
              void events.refetch();
              void actions.refetch();
            }}
          >
            {t('common.refresh')}
          </Button>
        </Flex>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('dossier.applicant')}>{applicantName}</Descriptions.Item>
          <Descriptions.Item label={t('dossier.receivedAt')}>{formatDateTime(d.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('dossier.dueAt')}>
            <strong style={{ whiteSpace: 'nowrap' }}>{formatDateTime(d.dueAt)}</strong>
          </Descriptions.Item>
          <Descriptions.Item label={t('dossier.holder')}>
            {d.holder.agencyName ?? '—'}
            {d.holder.stepName ? ` — ${d.holder.stepName}` : ''}
            {d.holder.waitingForHandoff && open_ ? ` (${t('dossier.waitingForHandoff')})` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('dossier.receivingAgency')}>{d.receivingAgency?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('dossier.channel')}>{d.channelLabel[language]}</Descriptions.Item>
          {d.completedAt ? (
            <Descriptions.Item label={t('dossier.completedAt')}>{formatDateTime(d.completedAt)}</Descriptions.Item>
          ) : null}
          {d.outcome ? (
            <Descriptions.Item label={t('dossier.outcome')}>{t(`dossier.outcome_${d.outcome}`)}</Descriptions.Item>
          ) : null}
          {d.receivedAt ? (
            // Early / on time / late (or within time / overdue while open): the words of the one rule
            // in @motcua/domain dossier/timeliness, as the control slip, tracking page and reports print them.
            <Descriptions.Item label={t('dossier.completionClass')}>
              <span data-testid="dossier-timeliness">{d.timeliness[language]}</span>
            </Descriptions.Item>
          ) : null}
          {d.returnedAt ? (
            <Descriptions.Item label={t('dossier.returnedAt')}>{formatDateTime(d.returnedAt)}</Descriptions.Item>
          ) : null}
        </Descriptions>
      </Panel>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Panel title={t('dossier.actions')} style={{ height: '100%' }}>
            {actions.isError ? <ErrorAlert error={actions.error} /> : null}
            {actions.data && actions.data.actions.length === 0 ? (
              <Text type="secondary">{t('dossier.noActions')}</Text>
            ) : (
              <Space wrap>
                {actions.data?.actions
                  // A payment at the desk is recorded with its amount and receipt in the fees card below.
                  .filter((a) => a.action !== 'record_payment')
                  .map((a) => (
                    <Button
                      key={a.action}
                      type={
                        ['complete', 'complete_step', 'accept_handoff', 'forward', 'return_result', 'receive'].includes(
                          a.action,
                        )
                          ? 'primary'
                          : 'default'
                      }
                      danger={['refuse', 'stop', 'withdraw'].includes(a.action)}
                      onClick={() => {
                        setDialogUsed(true);
                        setOpen(a);
                      }}
                      data-action={a.action}
                    >
                      {a.label[language]}
                    </Button>
                  ))}
              </Space>
            )}
          </Panel>
        </Col>
        <Col xs={24} lg={12}>
          <Panel title={t('dossier.forms')} style={{ height: '100%' }}>
            {forms.length === 0 ? (
              <Text type="secondary">{t('dossier.noForms')}</Text>
            ) : (
              <Space wrap>
                {forms.map((form) => (
                  <Button
                    key={form}
                    icon={<PrinterOutlined />}
                    href={formUrl(d.code, form)}
                    target="_blank"
                    rel="noopener"
                    data-form={form}
                  >
                    {t(`forms.${form}`)}
                  </Button>
                ))}
              </Space>
            )}
          </Panel>
        </Col>
      </Row>

      <FeesCard code={d.code} />

      <DossierSyncPanel code={d.code} />

      <DossierDetails
        dossier={d}
        events={events.data?.items ?? []}
        eventsError={events.isError ? events.error : null}
      />
      {dialogUsed ? (
        <ActionDialog
          dossier={d}
          action={open}
          version={actions.data?.version ?? d.version}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </Space>
  );
};

import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, Flex, List, Row, Space, Table, Tabs, Timeline } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Text, Title } from '../../components/typography';
import '../../i18n/console';
import { useParams } from 'react-router';
import { formUrl, isApiError } from '../../api/client';
import {
  type AvailableAction,
  type Dossier,
  type DossierEvent,
  type DossierForm,
  type DossierStep,
  PRINTABLE_FORMS,
} from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NotFoundPage } from '../../components/NotFoundPage';
import { PageLoading } from '../../components/PageLoading';
import { SoftTag } from '../../components/SoftTag';
import { StatusTag } from '../../components/StatusTag';
import { UrgencyBadge } from '../../components/UrgencyBadge';
import { formatDate, formatDateTime, MINUTES_PER_WORKING_DAY } from '../../lib/format';
import { FeesCard } from '../fees/FeesCard';
import { ActionDialog } from './ActionDialog';
import { listResultFiles, ResultFileItem } from './ResultDocuments';
import { useDossier, useDossierActions, useDossierEvents } from './useDossier';

// The form view pulls in the form formatter; only dossiers with a filled form need it.
const EFormView = lazy(() => import('../eforms/EFormView'));

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

/** A hand-over time with the official under it ("Giao lúc … / Nguyễn Văn A"), as the control slip records it. */
const TimeAndName = ({ at, name }: { at: string | null; name: string | null }) => (
  <Space orientation="vertical" size={0}>
    <span>{formatDateTime(at)}</span>
    {name ? <Text type="secondary">{name}</Text> : null}
  </Space>
);

const StepsTable = ({ dossier }: { dossier: Dossier }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const currentKey = dossier.holder.stepKey;
  // The table scrolls sideways in its own region, which the keyboard can focus: it holds nothing
  // else focusable, and antd's own scroll container could not be reached without a mouse.
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take the focus to scroll with the arrow keys (WCAG 2.1.1)
    <section className="table-scroll" aria-label={t('dossier.steps')} tabIndex={0}>
      <Table<DossierStep>
        rowKey="stepNo"
        size="small"
        pagination={false}
        style={{ minWidth: 1200 }}
        dataSource={dossier.steps}
        rowClassName={(step) => (step.key === currentKey && step.status === 'active' ? 'step-current' : '')}
        columns={[
          { title: t('dossier.stepNo'), dataIndex: 'stepNo', width: 60, render: (n: number) => n + 1 },
          {
            title: t('dossier.stepName'),
            key: 'name',
            render: (_, s) => (
              <Space size={4} wrap>
                <span>{s.name}</span>
                {s.key === currentKey && s.status === 'active' ? (
                  <SoftTag tone="info">{t('dossier.current')}</SoftTag>
                ) : null}
              </Space>
            ),
          },
          { title: t('dossier.stepAgency'), dataIndex: 'agencyName' },
          { title: t('dossier.stepRole'), key: 'role', render: (_, s) => s.roleLabel[language] },
          {
            // "Người thực hiện": who finished the step, or while it is open the official it is assigned to.
            title: t('dossier.assignee'),
            key: 'performer',
            render: (_, s) => s.completedByName ?? s.assigneeName ?? '—',
          },
          {
            title: t('dossier.givenAt'),
            key: 'given',
            render: (_, s) => <TimeAndName at={s.givenAt} name={s.givenByName} />,
          },
          {
            title: t('dossier.acceptedAt'),
            key: 'received',
            render: (_, s) => <TimeAndName at={s.receivedAt} name={s.receivedByName} />,
          },
          { title: t('dossier.stepDueAt'), dataIndex: 'dueAt', render: (v: string | null) => formatDateTime(v) },
          { title: t('dossier.doneAt'), dataIndex: 'completedAt', render: (v: string | null) => formatDateTime(v) },
          {
            title: t('dossier.stepTimeliness'),
            key: 'timeliness',
            render: (_, s) =>
              s.status === 'pending' || s.timeliness.timeliness === 'no_deadline' ? '—' : s.timeliness[language],
          },
          {
            title: t('dossier.stepStatus'),
            dataIndex: 'status',
            render: (v: string) =>
              ['pending', 'active', 'done', 'skipped'].includes(v)
                ? t(`dossier.stepStatus_${v as 'pending' | 'active' | 'done' | 'skipped'}`)
                : v,
          },
        ]}
      />
    </section>
  );
};

const EventsTimeline = ({ events }: { events: DossierEvent[] }) => {
  const { t } = useTranslation();
  if (events.length === 0) {
    return <Empty description={t('common.empty')} />;
  }
  return (
    <Timeline
      items={[...events].reverse().map((event) => ({
        key: event.seq,
        content: (
          <Space orientation="vertical" size={0}>
            <Text strong>
              {t(`actions.${event.action as AvailableAction['action']}`, { defaultValue: event.action })}
            </Text>
            <Text type="secondary" style={{ fontSize: 13 }}>
              {formatDateTime(event.at)}
              {event.actorName ? ` · ${t('dossier.by', { name: event.actorName })}` : ''}
              {event.agencyName ? ` · ${t('dossier.atAgency', { agency: event.agencyName })}` : ''}
            </Text>
            {event.toStatus && event.fromStatus !== event.toStatus ? (
              <span>
                <StatusTag status={event.toStatus} />
              </span>
            ) : null}
            {event.note ? <Text>{event.note}</Text> : null}
          </Space>
        ),
      }))}
    />
  );
};

export const DossierPage = () => {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const dossier = useDossier(code);
  const events = useDossierEvents(code);
  const actions = useDossierActions(code);
  const [open, setOpen] = useState<AvailableAction | null>(null);
  const forms = useMemo(() => formsOf(events.data?.items ?? []), [events.data]);

  useEffect(() => {
    document.title = `${t('dossier.title', { code })} — ${t('app.shortName')}`;
  }, [t, code]);

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
  const applicationForm = d.applicationForm;
  const open_ = ['received', 'processing', 'supplement_requested', 'financial_obligation'].includes(d.status);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
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
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('dossier.actions')}</h2>}
            size="small"
            style={{ height: '100%' }}
          >
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
                      onClick={() => setOpen(a)}
                      data-action={a.action}
                    >
                      {a.label[language]}
                    </Button>
                  ))}
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('dossier.forms')}</h2>}
            size="small"
            style={{ height: '100%' }}
          >
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
          </Card>
        </Col>
      </Row>

      <FeesCard code={d.code} />

      <Card>
        <Tabs
          items={[
            {
              key: 'steps',
              label: t('dossier.steps'),
              children: <StepsTable dossier={d} />,
            },
            {
              key: 'timeline',
              label: t('dossier.timeline'),
              children: events.isError ? (
                <ErrorAlert error={events.error} />
              ) : (
                <EventsTimeline events={events.data?.items ?? []} />
              ),
            },
            {
              key: 'applicant',
              label: t('dossier.applicant'),
              children: (
                <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
                  <Descriptions.Item label={t('dossier.applicant')}>{applicantName}</Descriptions.Item>
                  {d.applicant.kind === 'person' ? (
                    <>
                      <Descriptions.Item label={t('dossier.idNumber')}>{d.applicant.idNumber}</Descriptions.Item>
                      <Descriptions.Item label={t('intake.dateOfBirth')}>
                        {formatDate(d.applicant.dateOfBirth)}
                      </Descriptions.Item>
                    </>
                  ) : (
                    <Descriptions.Item label={t('dossier.taxCode')}>{d.applicant.taxCode}</Descriptions.Item>
                  )}
                  <Descriptions.Item label={t('dossier.address')}>{d.applicant.address.text}</Descriptions.Item>
                  <Descriptions.Item label={t('dossier.phone')}>{d.applicant.phone ?? '—'}</Descriptions.Item>
                  {d.submitter ? (
                    <Descriptions.Item label={t('intake.submitter')}>
                      {d.submitter.fullName} ({t(`intake.relation_${d.submitter.relation}`)})
                    </Descriptions.Item>
                  ) : null}
                  {d.summary ? <Descriptions.Item label={t('intake.summary')}>{d.summary}</Descriptions.Item> : null}
                </Descriptions>
              ),
            },
            ...(applicationForm
              ? [
                  {
                    key: 'application-form',
                    label: t('eformView.title'),
                    children: (
                      <Suspense fallback={<PageLoading />}>
                        <EFormView form={applicationForm} headingLevel={3} />
                      </Suspense>
                    ),
                  },
                ]
              : []),
            {
              key: 'documents',
              label: t('dossier.documents'),
              children: (
                <Space orientation="vertical" style={{ width: '100%' }} size="middle">
                  <div>
                    <Title level={3} style={{ fontSize: 15 }}>
                      {t('dossier.components')}
                    </Title>
                    <List
                      size="small"
                      bordered
                      dataSource={d.components}
                      locale={{ emptyText: t('common.empty') }}
                      renderItem={(c) => (
                        <List.Item>
                          <span>{c.name ?? c.key}</span>
                          <Text type="secondary">
                            {c.fromData
                              ? t('dossier.fromData')
                              : [
                                  c.originals ? t('dossier.countOriginals', { count: c.originals }) : null,
                                  c.copies ? t('dossier.countCopies', { count: c.copies }) : null,
                                ]
                                  .filter(Boolean)
                                  .join(', ')}
                          </Text>
                        </List.Item>
                      )}
                    />
                  </div>
                  <div>
                    <Title level={3} style={{ fontSize: 15 }}>
                      {t('dossier.documents')}
                    </Title>
                    <List
                      size="small"
                      bordered
                      dataSource={d.documents.filter((doc) => !(doc.kind === 'result' && doc.sha256))}
                      locale={{ emptyText: t('dossier.noDocuments') }}
                      renderItem={(doc) => (
                        <List.Item
                          actions={
                            doc.downloadUrl
                              ? [
                                  <a key="download" href={doc.downloadUrl} target="_blank" rel="noopener">
                                    {t('results.download')}
                                  </a>,
                                ]
                              : []
                          }
                        >
                          <span>
                            {doc.name}
                            {doc.documentNo ? ` — ${doc.documentNo}` : ''}
                          </span>
                          <Text type="secondary">{formatDateTime(doc.createdAt)}</Text>
                        </List.Item>
                      )}
                    />
                  </div>
                  {listResultFiles(d).length > 0 ? (
                    <div data-testid="dossier-results">
                      <Title level={3} style={{ fontSize: 15 }}>
                        {t('results.title')}
                      </Title>
                      <List
                        size="small"
                        bordered
                        dataSource={listResultFiles(d)}
                        renderItem={(doc) => <ResultFileItem document={doc} />}
                      />
                    </div>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <ActionDialog
        dossier={d}
        action={open}
        version={actions.data?.version ?? d.version}
        onClose={() => setOpen(null)}
      />
    </Space>
  );
};

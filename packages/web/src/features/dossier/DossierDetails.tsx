import { Descriptions, Empty, List, Space, Table, Tabs, Timeline } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { AvailableAction, Dossier, DossierEvent, DossierStep } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { StatusTag } from '../../components/StatusTag';
import { Text, Title } from '../../components/typography';
import { formatDate, formatDateTime } from '../../lib/format';
import { listResultFiles, ResultFileItem } from './ResultDocuments';
import '../../i18n/console-work';

// The form view pulls in the form formatter; only dossiers with a filled form need it.
const EFormView = lazy(() => import('../eforms/EFormView'));

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

/**
 * The dossier's details under its header (loaded after the page shows, see DossierPage): the steps
 * (a wide table), the history, the applicant, the application form and the documents, in tabs.
 */
export const DossierDetails = ({
  dossier: d,
  events,
  eventsError,
}: {
  dossier: Dossier;
  events: DossierEvent[];
  eventsError: unknown;
}) => {
  const { t } = useTranslation();
  const applicantName = d.applicant.kind === 'person' ? d.applicant.fullName : d.applicant.name;
  const applicationForm = d.applicationForm;
  return (
    <Panel>
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
            children: eventsError ? <ErrorAlert error={eventsError} /> : <EventsTimeline events={events} />,
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
    </Panel>
  );
};

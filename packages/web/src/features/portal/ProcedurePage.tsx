import {
  ArrowLeftOutlined,
  CheckCircleOutlined,
  CloudUploadOutlined,
  DownloadOutlined,
  FileTextOutlined,
  MessageOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import type { ChannelRule, ProcedureComponent } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { formatDate } from '../../lib/format';
import { useProcedureText } from '../../lib/useProcedureText';
import { TEXT_SUCCESS } from '../../theme';
import { ProcedureNotices } from '../portal-decisions/ProcedureNotices';
import { fetchProcedure, templateUrl } from './usePortal';
import { onlineTone, usePortalLabels } from './usePortalLabels';

const muted = { color: 'rgba(0, 0, 0, 0.68)' } as const;

const Section = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
  <section aria-labelledby={id} style={{ marginBottom: 24 }}>
    <h2 id={id} style={{ fontSize: 18, borderBottom: '2px solid #f0dede', paddingBottom: 6, marginTop: 0 }}>
      {title}
    </h2>
    {children}
  </section>
);

const ComponentList = ({
  components,
  code,
  catalog,
}: {
  components: ProcedureComponent[];
  code: string;
  catalog: string;
}) => {
  const { t } = useTranslation();
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {components.map((c) => (
        <li key={c.key} style={{ padding: '10px 0', borderBottom: '1px solid #f3efeb' }}>
          <Flex gap={8} align="flex-start">
            <FileTextOutlined aria-hidden style={{ marginTop: 4, color: '#8e1515' }} />
            <div style={{ minWidth: 0 }}>
              <div>{c.name}</div>
              <Flex gap={6} wrap style={{ marginTop: 4, fontSize: 13 }}>
                {c.originals > 0 ? <SoftTag>{t('portal.original', { count: c.originals })}</SoftTag> : null}
                {c.copies > 0 ? <SoftTag>{t('portal.copy', { count: c.copies })}</SoftTag> : null}
                {c.required ? null : <SoftTag>{t('portal.ifApplicable')}</SoftTag>}
                {c.alternativeGroup ? <SoftTag>{t('intake.oneOfComponent')}</SoftTag> : null}
                {c.templateName ? <span style={muted}>{t('portal.template', { name: c.templateName })}</span> : null}
                {c.templateName ? (
                  <a href={templateUrl(catalog, code, c.key)} download>
                    <DownloadOutlined aria-hidden /> {t('portal.downloadTemplate')}
                    <span className="visually-hidden">: {c.templateName}</span>
                  </a>
                ) : null}
              </Flex>
              {c.replaceableByData ? (
                <span style={{ fontSize: 13, color: TEXT_SUCCESS }}>
                  <CheckCircleOutlined aria-hidden /> {t('portal.notRequiredIfData')}
                </span>
              ) : null}
            </div>
          </Flex>
        </li>
      ))}
    </ul>
  );
};

/** A procedure in plain Vietnamese: what to prepare, how long, how much, where and how to apply. */
export const ProcedurePage = () => {
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const catalog = params.get('catalog') ?? 'national';
  const { t } = useTranslation();
  const text = useProcedureText();
  const labels = usePortalLabels();
  const detail = useQuery({
    queryKey: ['procedure', catalog, code],
    queryFn: ({ signal }) => fetchProcedure(code, catalog, signal),
  });

  useEffect(() => {
    document.title = `${detail.data?.name ?? code} — ${t('app.portalName')}`;
  }, [t, code, detail.data]);

  const back = (
    <Link to="/">
      <ArrowLeftOutlined aria-hidden /> {t('portal.backToSearch')}
    </Link>
  );

  if (detail.isPending) {
    return <PageLoading />;
  }
  if (detail.isError) {
    return (
      <Flex vertical gap={8}>
        {back}
        <ErrorAlert
          error={detail.error}
          onRetry={isApiError(detail.error) && detail.error.status === 404 ? undefined : () => void detail.refetch()}
        />
      </Flex>
    );
  }
  const p = detail.data;
  const content = p.current?.content;
  const submit = content?.components.filter((c) => c.group === 'submit') ?? [];
  const present = content?.components.filter((c) => c.group === 'present') ?? [];
  const notes = content?.components.filter((c) => c.group === 'note') ?? [];
  const channels: ChannelRule[] = content?.channels ?? [];
  // Channels may repeat (one row per case); their position is their identity.
  const channelRows = channels.map((rule, position) => ({ rule, id: `${rule.channel}-${position}` }));
  const receiving = p.agencies.filter((a) => a.role === 'receiving');
  // Online dossiers go to a province's agencies, under the province's catalog (as the server decides).
  const online = Boolean(content) && p.catalog !== 'national' && p.onlineLevel !== 'none' && p.status === 'active';
  const query = `?catalog=${encodeURIComponent(p.catalog)}`;

  return (
    <Flex vertical gap={16}>
      {back}
      <Panel>
        <h1 style={{ fontSize: 24, marginTop: 0 }}>{p.name}</h1>
        <Flex gap={6} wrap>
          <SoftTag>{t('portal.procedureCode', { code: p.code })}</SoftTag>
          <SoftTag>{p.field.name}</SoftTag>
          {p.levels.map((level) => (
            <SoftTag key={level}>{labels.level(level)}</SoftTag>
          ))}
          <SoftTag tone={onlineTone(p.onlineLevel)}>{labels.online(p.onlineLevel)}</SoftTag>
        </Flex>
        {p.effectiveFrom ? (
          <p style={{ ...muted, marginTop: 8, marginBottom: 0 }}>
            {t('portal.effectiveFrom', { date: formatDate(p.effectiveFrom) })}
          </p>
        ) : null}
        {online ? (
          <Flex
            gap={12}
            align="center"
            wrap
            style={{ marginTop: 16, padding: 12, background: '#fdf3f3', borderRadius: 8 }}
            data-testid="submit-online"
          >
            <Link to={`/nop-ho-so/${encodeURIComponent(p.code)}${query}`}>
              <Button type="primary" size="large" tabIndex={-1} icon={<CloudUploadOutlined aria-hidden />}>
                {t('portal.submitOnline')}
              </Button>
            </Link>
            <span style={{ flex: '1 1 240px', ...muted }}>{t('portal.submitOnlineHelp')}</span>
          </Flex>
        ) : null}
      </Panel>
      {!content ? (
        <Panel>
          <p style={{ ...muted, margin: 0 }}>{t('catalog.noVersion')}</p>
        </Panel>
      ) : (
        <Panel>
          <Section id="who" title={t('portal.whoCanApply')}>
            {content.applicantTypes.length > 0 ? (
              <ul style={{ paddingInlineStart: 20, margin: 0 }}>
                {content.applicantTypes.map((type) => (
                  <li key={type}>{type}</li>
                ))}
              </ul>
            ) : (
              <span style={muted}>{t('portal.nothingListed')}</span>
            )}
          </Section>
          <Section id="prepare" title={t('portal.whatToPrepare')}>
            {submit.length > 0 ? (
              <>
                <h3 style={{ fontSize: 15 }}>{t('intake.groupSubmit')}</h3>
                <ComponentList components={submit} code={p.code} catalog={p.catalog} />
              </>
            ) : null}
            {present.length > 0 ? (
              <>
                <h3 style={{ fontSize: 15, marginTop: 12 }}>{t('intake.groupPresent')}</h3>
                <ComponentList components={present} code={p.code} catalog={p.catalog} />
              </>
            ) : null}
            {notes.length > 0 ? (
              <ul style={{ paddingInlineStart: 20 }}>
                {notes.map((n) => (
                  <li key={n.key}>{n.name}</li>
                ))}
              </ul>
            ) : null}
            {submit.length + present.length === 0 ? <span style={muted}>{t('portal.nothingListed')}</span> : null}
          </Section>
          <Section id="how-long" title={t('portal.howLong')}>
            <ul style={{ paddingInlineStart: 20, margin: 0 }}>
              {channelRows.map(({ rule, id }) => (
                <li key={id}>
                  <strong>{t(`channel.${rule.channel}`)}:</strong> {text.duration(rule.duration, rule.durationText)}
                </li>
              ))}
            </ul>
          </Section>
          <Section id="fees" title={t('portal.howMuch')}>
            {channels.every((rule) => rule.fees.length === 0) ? (
              <span>{t('portal.free')}</span>
            ) : (
              <ul style={{ paddingInlineStart: 20, margin: 0 }}>
                {channelRows.flatMap(({ rule, id }) =>
                  rule.fees.map((fee) => (
                    <li key={`${id}-${fee.name}-${fee.text}`}>
                      <strong>{t(`channel.${rule.channel}`)}</strong> — {fee.name}: {text.fee(fee)}
                      {fee.exemptions ? <div>{t('portal.exemptions', { text: fee.exemptions })}</div> : null}
                    </li>
                  )),
                )}
              </ul>
            )}
          </Section>
          <Section id="where" title={t('portal.whereToSubmit')}>
            {receiving.length > 0 ? (
              <>
                <strong>{t('portal.receivingAgencies')}</strong>
                <ul style={{ paddingInlineStart: 20 }}>
                  {receiving.map((a) => (
                    <li key={a.agencyId}>{a.name}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {content.competentAgency ? (
              <p>
                <strong>{t('portal.competentAgency')}:</strong> {content.competentAgency}
              </p>
            ) : null}
            {content.implementingAgency ? (
              <p>
                <strong>{t('portal.implementingAgency')}:</strong> {content.implementingAgency}
              </p>
            ) : null}
            {content.boundaryFree ? <p>{t('portal.boundaryFree')}</p> : null}
            {receiving.length === 0 && !content.competentAgency && !content.implementingAgency ? (
              <span style={muted}>{t('portal.nothingListed')}</span>
            ) : null}
          </Section>
          <Section id="how" title={t('portal.howToSubmit')}>
            <Flex gap={6} wrap>
              {[...new Set(channels.map((c) => c.channel))].map((channel) => (
                <SoftTag key={channel}>{t(`channel.${channel}`)}</SoftTag>
              ))}
            </Flex>
            <p style={{ marginTop: 8 }}>
              <strong>{t('portal.onlineLevel')}:</strong> {labels.online(content.onlineLevel)}
            </p>
          </Section>
          <Section id="result" title={t('portal.result')}>
            {content.resultTypes.length > 0 ? (
              <ul style={{ paddingInlineStart: 20, margin: 0 }}>
                {content.resultTypes.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            ) : (
              <span style={muted}>{t('portal.nothingListed')}</span>
            )}
          </Section>
          {content.conditions ? (
            <Section id="conditions" title={t('portal.conditions')}>
              <p style={{ whiteSpace: 'pre-line' }}>{content.conditions}</p>
            </Section>
          ) : null}
          <Section id="legal" title={t('portal.legalBasis')}>
            {content.legalBasis.length > 0 ? (
              <ul style={{ paddingInlineStart: 20, margin: 0 }}>
                {content.legalBasis.map((law) => (
                  <li key={law.number}>
                    <strong>{law.number}</strong>
                    {law.title ? ` — ${law.title}` : ''}
                  </li>
                ))}
              </ul>
            ) : (
              <span style={muted}>{t('portal.nothingListed')}</span>
            )}
            <p style={{ marginTop: 12 }}>
              <Link
                to={`/phan-anh-kien-nghi?thu-tuc=${encodeURIComponent(p.code)}&catalog=${encodeURIComponent(p.catalog)}`}
              >
                <MessageOutlined aria-hidden /> {t('portal.sendFeedback')}
              </Link>
            </p>
            {content.sourceUrl ? (
              <p style={{ marginTop: 12 }}>
                <a href={content.sourceUrl} target="_blank" rel="noopener noreferrer">
                  {t('portal.sourceLink')}
                </a>
              </p>
            ) : null}
          </Section>
        </Panel>
      )}
      <ProcedureNotices code={p.code} catalog={p.catalog} />
    </Flex>
  );
};

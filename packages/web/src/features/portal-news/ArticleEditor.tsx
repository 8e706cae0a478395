import { Button, Flex, Input } from 'antd';
import { type CSSProperties, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConsoleMessage } from '../../components/MessageProvider';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { Text, Title } from '../../components/typography';
import { formatDateTime } from '../../lib/format';
import { AttachmentsPanel } from './AttachmentsPanel';
import { RichTextEditor } from './RichTextEditor';
import {
  fetchPortalNewsVersion,
  type PortalContentStep,
  type PortalContentVersion,
  useCreatePortalNews,
  usePortalNewsItem,
  useStepPortalNews,
} from './usePortalNews';

type Fields = { title: string; summary: string; bodyHtml: string; categoryId: string | null };

/** The stored body of an item or version: HTML the server sanitised with its allow-list before storing it. */
const StoredBody = ({ html, style }: { html: string; style?: CSSProperties }) => (
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server (usecases/portal-content/sanitize-body.ts)
  <div style={style} dangerouslySetInnerHTML={{ __html: html }} />
);

/** A datetime-local value ("2026-12-07T10:30" or with seconds) as an ISO instant with the Vietnam offset. */
const toInstant = (local: string): string | undefined =>
  local ? `${local.length === 16 ? `${local}:00` : local}+07:00` : undefined;

/**
 * One article or page: its fields with the rich-text body, the steps the server says are possible now (submit,
 * publish now or at a time, return with a note, unpublish), its attachments and its versions (show one, restore it).
 */
export const ArticleEditor = ({
  id,
  kind,
  categories,
  onOpen,
  onBack,
}: {
  id: string | undefined;
  kind: 'article' | 'page';
  categories: { id: string; name: string }[];
  onOpen: (id: string) => void;
  onBack: () => void;
}) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const message = useConsoleMessage();
  const item = usePortalNewsItem(id);
  const create = useCreatePortalNews();
  const step = useStepPortalNews();
  const [fields, setFields] = useState<Fields>({ title: '', summary: '', bodyHtml: '', categoryId: null });
  const [publishAt, setPublishAt] = useState('');
  const [note, setNote] = useState('');
  const [shown, setShown] = useState<PortalContentVersion | undefined>();
  const bodyLabel = useId();
  const ids = { title: useId(), category: useId(), summary: useId(), publishAt: useId(), note: useId() };
  const data = item.data;
  useEffect(() => {
    if (data) {
      setFields({ title: data.title, summary: data.summary, bodyHtml: data.bodyHtml, categoryId: data.categoryId });
    }
  }, [data]);
  if (id && item.isPending) {
    return <PageLoading />;
  }
  const itemKind = data?.kind ?? kind;
  const actions = data?.actions.map((a) => a.action) ?? [];
  const mayEdit = !data || actions.includes('edit');
  const doStep = (body: Omit<PortalContentStep, 'expectedVersion'>, label: string) => {
    if (!data) {
      return;
    }
    step.mutate(
      { id: data.id, body: { ...body, expectedVersion: data.version } as PortalContentStep },
      { onSuccess: () => message.success(t('portalNews.stepDone', { action: label })) },
    );
  };
  const labelOf = (action: string) => data?.actions.find((a) => a.action === action)?.label[language] ?? action;
  const save = () => {
    const payload = {
      title: fields.title,
      summary: fields.summary,
      bodyHtml: fields.bodyHtml,
      ...(itemKind === 'article' ? { categoryId: fields.categoryId } : {}),
    };
    if (!data) {
      create.mutate(
        { kind: itemKind, ...payload },
        {
          onSuccess: (created) => {
            message.success(t('portalNews.saved'));
            onOpen(created.id);
          },
        },
      );
      return;
    }
    doStep({ action: 'edit', fields: { ...payload, slug: data.slug } }, t('portalNews.save'));
  };
  return (
    <div>
      <Button type="link" onClick={onBack} style={{ paddingInline: 0 }}>
        ← {t('portalNews.back')}
      </Button>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Title level={1} style={{ fontSize: 22 }}>
          {data?.title || (itemKind === 'page' ? t('portalNews.newPage') : t('portalNews.newArticle'))}
        </Title>
        {data ? <SoftTag>{data.statusLabel[language]}</SoftTag> : null}
      </Flex>
      {data?.status === 'published' && data.publishAt ? (
        <p>{t('portalNews.scheduled', { at: formatDateTime(data.publishAt) })}</p>
      ) : null}
      {data?.reviewNote ? (
        <p
          role="status"
          style={{ background: '#fff7e6', border: '1px solid #ffd591', padding: '8px 12px', borderRadius: 6 }}
        >
          {t('portalNews.reviewNote', { note: data.reviewNote })}
        </p>
      ) : null}
      <ErrorAlert error={item.error ?? create.error ?? step.error} />
      <Panel style={{ marginTop: 12 }}>
        <Flex vertical gap={12}>
          <div>
            <label htmlFor={ids.title}>{t('portalNews.fieldTitle')}</label>
            <Input
              id={ids.title}
              value={fields.title}
              disabled={!mayEdit}
              maxLength={500}
              onChange={(e) => setFields({ ...fields, title: e.target.value })}
            />
          </div>
          {itemKind === 'article' ? (
            <div>
              <label htmlFor={ids.category}>{t('portalNews.fieldCategory')}</label>
              <select
                id={ids.category}
                style={{
                  display: 'block',
                  width: '100%',
                  padding: '6px 8px',
                  borderRadius: 6,
                  border: '1px solid #d9d9d9',
                }}
                value={fields.categoryId ?? ''}
                disabled={!mayEdit}
                onChange={(e) => setFields({ ...fields, categoryId: e.target.value || null })}
              >
                <option value="">—</option>
                {categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div>
            <label htmlFor={ids.summary}>{t('portalNews.fieldSummary')}</label>
            <Input.TextArea
              id={ids.summary}
              value={fields.summary}
              disabled={!mayEdit}
              maxLength={1000}
              autoSize={{ minRows: 2 }}
              onChange={(e) => setFields({ ...fields, summary: e.target.value })}
            />
          </div>
          <div>
            <span id={bodyLabel}>{t('portalNews.fieldBody')}</span>
            {mayEdit ? (
              <RichTextEditor
                id="portal-news-body"
                labelledBy={bodyLabel}
                initialHtml={data?.bodyHtml ?? ''}
                onChange={(bodyHtml) => setFields((current) => ({ ...current, bodyHtml }))}
              />
            ) : (
              <StoredBody html={data?.bodyHtml ?? ''} style={{ border: '1px solid #f0f0f0', padding: 12 }} />
            )}
            <Text type="secondary" style={{ fontSize: 12 }}>
              {t('portalNews.sanitised')}
            </Text>
          </div>
          {data ? (
            <Text type="secondary">
              {t('portalNews.fieldSlug')}: /{data.kind === 'page' ? 'trang' : 'tin-tuc'}/{data.slug}
            </Text>
          ) : null}
          <Flex gap={8} wrap>
            {mayEdit ? (
              <Button type="primary" onClick={save} loading={create.isPending || step.isPending}>
                {t('portalNews.save')}
              </Button>
            ) : null}
            {actions.includes('submit') ? (
              <Button onClick={() => doStep({ action: 'submit' }, labelOf('submit'))}>{labelOf('submit')}</Button>
            ) : null}
            {actions.includes('unpublish') ? (
              <Button danger onClick={() => doStep({ action: 'unpublish' }, labelOf('unpublish'))}>
                {labelOf('unpublish')}
              </Button>
            ) : null}
          </Flex>
        </Flex>
      </Panel>
      {data ? <AttachmentsPanel itemId={data.id} attachments={data.attachments} mayEdit={mayEdit} /> : null}
      {actions.includes('publish') ? (
        <Panel style={{ marginTop: 12 }}>
          <Flex gap={8} wrap align="end">
            <div>
              <label htmlFor={ids.publishAt}>{t('portalNews.publishWhen')}</label>
              <Input
                id={ids.publishAt}
                type="datetime-local"
                step={1}
                value={publishAt}
                onChange={(e) => setPublishAt(e.target.value)}
              />
            </div>
            <Button
              type="primary"
              onClick={() => {
                const at = toInstant(publishAt);
                doStep({ action: 'publish', ...(at ? { publishAt: at } : {}) }, labelOf('publish'));
              }}
            >
              {labelOf('publish')}
            </Button>
          </Flex>
        </Panel>
      ) : null}
      {actions.includes('return') ? (
        <Panel style={{ marginTop: 12 }}>
          <Flex gap={8} wrap align="end">
            <div style={{ flex: 1, minWidth: 200 }}>
              <label htmlFor={ids.note}>{t('portalNews.returnNote')}</label>
              <Input id={ids.note} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
            </div>
            <Button onClick={() => doStep({ action: 'return', note }, labelOf('return'))}>{labelOf('return')}</Button>
          </Flex>
        </Panel>
      ) : null}
      {data ? (
        <Panel title={t('portalNews.versions')} style={{ marginTop: 12 }}>
          <ul style={{ paddingLeft: 18, margin: 0 }}>
            {data.versions.map((v) => (
              <li key={v.version} style={{ marginBottom: 6 }}>
                {t('portalNews.version', { n: v.version })} — {v.statusLabel[language]} · {formatDateTime(v.savedAt)} ·{' '}
                {v.savedByName}
                {v.note ? ` · ${v.note}` : ''}{' '}
                <Button size="small" onClick={() => void fetchPortalNewsVersion(data.id, v.version).then(setShown)}>
                  {t('portalNews.show')}
                </Button>{' '}
                {actions.includes('restore') && v.version !== data.version ? (
                  <Button
                    size="small"
                    onClick={() => doStep({ action: 'restore', restoreVersion: v.version }, labelOf('restore'))}
                  >
                    {t('portalNews.restore')}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        </Panel>
      ) : null}
      {shown ? (
        <Panel
          title={`${t('portalNews.version', { n: shown.version })}: ${shown.title}`}
          style={{ marginTop: 12 }}
          extra={<Button onClick={() => setShown(undefined)}>{t('portalNews.close')}</Button>}
        >
          {shown.summary ? <p>{shown.summary}</p> : null}
          <StoredBody html={shown.bodyHtml} />
        </Panel>
      ) : null}
    </div>
  );
};

import { Button, Flex } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import '../../i18n/portal-news';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { Text, Title } from '../../components/typography';
import { formatDateTime } from '../../lib/format';
import { usePortalNewsList, usePortalNewsOptions } from './usePortalNews';

const ArticleEditor = lazy(() => import('./ArticleEditor').then((m) => ({ default: m.ArticleEditor })));

/**
 * The portal's news and pages in the console (issue 22 item 1): the list (an editor's whole province, an
 * author's own items), and one item's editor with its steps and versions (loaded when opened).
 */
export const PortalNewsPage = () => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const [params, setParams] = useSearchParams();
  const options = usePortalNewsOptions();
  const list = usePortalNewsList();
  const openId = params.get('id') ?? undefined;
  const newKind = params.get('moi');
  if (options.error) {
    return <ErrorAlert error={options.error} onRetry={() => void options.refetch()} />;
  }
  if (openId || newKind === 'article' || newKind === 'page') {
    return (
      <Suspense fallback={<PageLoading />}>
        <ArticleEditor
          id={openId}
          kind={newKind === 'page' ? 'page' : 'article'}
          categories={options.data?.categories ?? []}
          onOpen={(id) => setParams({ id })}
          onBack={() => setParams({})}
        />
      </Suspense>
    );
  }
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div>
      <Title level={1} style={{ fontSize: 24 }}>
        {t('portalNews.title')}
      </Title>
      <p style={{ marginTop: 0 }}>{t('portalNews.intro')}</p>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Button type="primary" onClick={() => setParams({ moi: 'article' })}>
          {t('portalNews.newArticle')}
        </Button>
        {options.data?.mayPublish ? (
          <Button onClick={() => setParams({ moi: 'page' })}>{t('portalNews.newPage')}</Button>
        ) : null}
        <a href="/tin-tuc" target="_blank" rel="noopener" style={{ alignSelf: 'center' }}>
          {t('portalNews.viewPublic')}
        </a>
      </Flex>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isPending ? <PageLoading /> : null}
      {!list.isPending && items.length === 0 ? <p>{t('portalNews.empty')}</p> : null}
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((item) => (
          <li key={item.id} style={{ marginBottom: 8 }}>
            <Panel>
              <Flex justify="space-between" gap={8} wrap>
                <a
                  href={`?id=${item.id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    setParams({ id: item.id });
                  }}
                  style={{ fontWeight: 600 }}
                >
                  {item.title}
                </a>
                <SoftTag>{item.statusLabel[language]}</SoftTag>
              </Flex>
              <Text type="secondary" style={{ fontSize: 13 }}>
                {item.kind === 'page' ? t('portalNews.kindPage') : (item.categoryName ?? t('portalNews.kindArticle'))} ·{' '}
                {t('portalNews.author')}: {item.authorName} · {t('portalNews.updated')}:{' '}
                {formatDateTime(item.updatedAt)}
                {item.status === 'published' && item.publishAt
                  ? ` · ${t('portalNews.scheduled', { at: formatDateTime(item.publishAt) })}`
                  : ''}
              </Text>
            </Panel>
          </li>
        ))}
      </ul>
      <LoadMoreButton pages={list} label={t('portalNews.more')} />
    </div>
  );
};

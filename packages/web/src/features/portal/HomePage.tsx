import { ClockCircleOutlined, FilterOutlined, WalletOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Col, Flex, Grid, Input, Radio, Row } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { OnlineLevel, ProcedureLevel, ProcedureListItem } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { searchButton } from '../../components/searchButton';
import { useProcedureText } from '../../lib/useProcedureText';
import { searchProcedures } from './usePortal';
import { LEVELS, ONLINE_LEVELS, onlineTone, usePortalLabels } from './usePortalLabels';

/*
 * The portal's first page: kept to light antd components (Input, Radio, Button, Tag, Grid) so
 * the first load stays within 300 KB gzip; Card, List, Select and Pagination would add ~70 KB.
 */

const PAGE_SIZE = 10;
const muted = { color: 'rgba(0, 0, 0, 0.72)' } as const;

const ResultItem = ({ item, first }: { item: ProcedureListItem; first: boolean }) => {
  const { t } = useTranslation();
  const text = useProcedureText();
  const labels = usePortalLabels();
  const href = `/thu-tuc/${encodeURIComponent(item.code)}?catalog=${encodeURIComponent(item.catalog)}`;
  return (
    <li style={{ padding: '14px 16px', borderTop: first ? undefined : '1px solid #f0ebe6' }}>
      <Link to={href} style={{ fontSize: 16, fontWeight: 500, lineHeight: 1.4 }}>
        {item.name}
      </Link>
      <Flex gap={6} wrap style={{ marginTop: 6 }}>
        <SoftTag>{item.code}</SoftTag>
        {item.levels.map((level) => (
          <SoftTag key={level}>{labels.level(level)}</SoftTag>
        ))}
        <SoftTag tone={onlineTone(item.onlineLevel)}>{labels.online(item.onlineLevel)}</SoftTag>
      </Flex>
      <Flex gap={16} wrap style={{ marginTop: 6, fontSize: 14, ...muted }}>
        <span>{item.field.name}</span>
        <span>
          <ClockCircleOutlined aria-hidden /> {t('portal.duration')}: {text.duration(item.duration, item.durationText)}
        </span>
        <span>
          <WalletOutlined aria-hidden /> {t('portal.fee')}: {text.listFee(item.fee)}
        </span>
      </Flex>
    </li>
  );
};

const Pager = ({ page, total, onChange }: { page: number; total: number; onChange: (page: number) => void }) => {
  const { t } = useTranslation();
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) {
    return null;
  }
  return (
    <nav aria-label={t('portal.pagination')}>
      <Flex justify="center" align="center" gap={12} style={{ marginTop: 16 }}>
        <Button disabled={page <= 1} onClick={() => onChange(page - 1)}>
          {t('portal.previousPage')}
        </Button>
        <span aria-current="page">{t('portal.pageOf', { page, pages })}</span>
        <Button disabled={page >= pages} onClick={() => onChange(page + 1)}>
          {t('portal.nextPage')}
        </Button>
      </Flex>
    </nav>
  );
};

/** The portal's home: search the procedures (accent-insensitive), filter, and open one. */
export const HomePage = () => {
  const { t } = useTranslation();
  const labels = usePortalLabels();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const level = (LEVELS as string[]).includes(params.get('level') ?? '')
    ? (params.get('level') as ProcedureLevel)
    : undefined;
  const online = (ONLINE_LEVELS as string[]).includes(params.get('online') ?? '')
    ? (params.get('online') as OnlineLevel)
    : undefined;
  const field = params.get('field') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const filtered = Boolean(level || online || field);
  const narrow = !Grid.useBreakpoint().md;
  const [showFilters, setShowFilters] = useState(false);

  const search = useQuery({
    queryKey: ['procedures', 'portal', q, level, online, field, page],
    queryFn: ({ signal }) => searchProcedures({ q, level, online, field, page, pageSize: PAGE_SIZE }, signal),
    placeholderData: (previous) => previous,
  });

  useEffect(() => {
    document.title = `${q ? `${q} — ` : ''}${t('app.portalName')}`;
  }, [t, q]);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) {
        next.set(key, value);
      } else {
        next.delete(key);
      }
    }
    if (!('page' in changes)) {
      next.delete('page');
    }
    setParams(next);
  };

  const radioColumn = { display: 'flex', flexDirection: 'column', gap: 6 } as const;

  return (
    <Flex vertical gap={24}>
      <section
        aria-labelledby="portal-hero"
        style={{
          // A province's site (PortalLayout's CSS variables) paints it in its primary colour.
          background: 'linear-gradient(135deg, var(--site-primary, #8e1515) 0%, var(--site-primary, #b71c1c) 100%)',
          color: '#fff',
          borderRadius: 12,
          padding: '24px 20px',
        }}
      >
        <h1 id="portal-hero" style={{ color: '#fff', fontSize: 26, margin: '0 0 8px', lineHeight: 1.3 }}>
          {t('portal.heroTitle')}
        </h1>
        <p style={{ color: '#fff', fontSize: 15, maxWidth: 720, margin: '0 0 16px' }}>{t('portal.heroText')}</p>
        <search>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const value = new FormData(event.currentTarget).get('q');
              update({ q: typeof value === 'string' ? value.trim() || undefined : undefined });
            }}
          >
            <label htmlFor="portal-search" className="visually-hidden">
              {t('portal.searchLabel')}
            </label>
            <Flex gap={8} wrap={false}>
              <Input
                id="portal-search"
                name="q"
                key={q}
                defaultValue={q}
                size="large"
                allowClear
                placeholder={t('portal.searchPlaceholder')}
                style={{ flex: 1, minWidth: 0 }}
              />
              <Button
                type="primary"
                htmlType="submit"
                size="large"
                style={{ background: '#1d1d1d', borderColor: '#1d1d1d' }}
              >
                {t('portal.searchButton')}
              </Button>
            </Flex>
          </form>
        </search>
      </section>

      <Row gutter={[16, 16]}>
        <Col xs={24} md={7}>
          {narrow ? (
            <Button
              block
              icon={<FilterOutlined aria-hidden />}
              aria-expanded={showFilters}
              aria-controls="portal-filters"
              onClick={() => setShowFilters((v) => !v)}
            >
              {t('portal.filters')}
              {filtered ? ` (${[level, online, field].filter(Boolean).length})` : ''}
            </Button>
          ) : null}
          <Panel
            id="portal-filters"
            hidden={narrow && !showFilters}
            title={t('portal.filters')}
            titleId="portal-filters-title"
            style={narrow ? { marginTop: 8 } : undefined}
          >
            <Flex vertical gap={16}>
              <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
                <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 6 }}>{t('portal.level')}</legend>
                <Radio.Group
                  value={level ?? ''}
                  onChange={(event) => update({ level: event.target.value || undefined })}
                  style={radioColumn}
                  options={[
                    { value: '', label: t('common.all') },
                    ...LEVELS.map((value) => ({ value, label: labels.level(value) })),
                  ]}
                />
              </fieldset>
              <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
                <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 6 }}>{t('portal.online')}</legend>
                <Radio.Group
                  value={online ?? ''}
                  onChange={(event) => update({ online: event.target.value || undefined })}
                  style={radioColumn}
                  options={[
                    { value: '', label: t('common.all') },
                    ...ONLINE_LEVELS.map((value) => ({ value, label: labels.online(value) })),
                  ]}
                />
              </fieldset>
              <div>
                <label htmlFor="filter-field" style={{ display: 'block', fontWeight: 600, marginBottom: 6 }}>
                  {t('portal.field')}
                </label>
                <Input.Search
                  id="filter-field"
                  key={field}
                  defaultValue={field}
                  placeholder={t('portal.fieldPlaceholder')}
                  allowClear
                  enterButton={searchButton(t('common.search'))}
                  onSearch={(value) => update({ field: value.trim() || undefined })}
                />
              </div>
              {filtered ? (
                <Button onClick={() => update({ level: undefined, online: undefined, field: undefined })} block>
                  {t('portal.clearFilters')}
                </Button>
              ) : null}
            </Flex>
          </Panel>
        </Col>
        <Col xs={24} md={17}>
          <section aria-labelledby="results-heading" aria-busy={search.isFetching}>
            <h2 id="results-heading" style={{ fontSize: 18, marginTop: 0 }}>
              {search.data
                ? q
                  ? t('portal.resultsFor', { count: search.data.total, q })
                  : t('portal.results', { count: search.data.total })
                : t('portal.searchLabel')}
            </h2>
            {search.data?.match === 'similar' ? <p style={muted}>{t('portal.similar')}</p> : null}
            {search.isError ? <ErrorAlert error={search.error} onRetry={() => void search.refetch()} /> : null}
            {search.isPending ? (
              <PageLoading />
            ) : search.data && search.data.items.length === 0 ? (
              <Panel>
                <p style={{ margin: 0, textAlign: 'center', ...muted }}>{t('portal.noResults')}</p>
              </Panel>
            ) : search.data ? (
              <>
                <ul
                  style={{
                    listStyle: 'none',
                    margin: 0,
                    padding: 0,
                    background: '#fff',
                    border: '1px solid #ebe6e1',
                    borderRadius: 8,
                    overflow: 'hidden',
                  }}
                >
                  {search.data.items.map((item, index) => (
                    <ResultItem key={`${item.catalog}:${item.code}`} item={item} first={index === 0} />
                  ))}
                </ul>
                <Pager
                  page={page}
                  total={search.data.total}
                  onChange={(next) => {
                    update({ page: String(next) });
                    window.scrollTo({ top: 0 });
                  }}
                />
              </>
            ) : null}
          </section>
        </Col>
      </Row>
    </Flex>
  );
};

import { menuItemHref } from '@motcua/domain';
import { Alert, Button, Flex, Input } from 'antd';
import { type CSSProperties, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/portal-console';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConsoleMessage } from '../../components/MessageProvider';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { Text, Title } from '../../components/typography';
import {
  type PortalMenuEntry,
  usePortalMenu,
  usePortalMenuOptions,
  usePublishedPortalPages,
  useSavePortalMenu,
} from './usePortalMenu';

type Kind = PortalMenuEntry['targetKind'];
/** An entry as edited here: a local key keeps each row's identity while it moves. */
type Row = PortalMenuEntry & { key: number };

const KINDS: Kind[] = ['page', 'category', 'procedure', 'url'];
const MAX_ITEMS = 30;
const HTTPS_URL = /^https:\/\/[^\s/]+\S*$/;
const PROCEDURE_CODE = /^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/;
const SELECT_STYLE: CSSProperties = {
  display: 'block',
  width: '100%',
  padding: '6px 8px',
  borderRadius: 6,
  border: '1px solid #d9d9d9',
  background: '#fff',
};

let nextKey = 1;
const withKey = (entry: PortalMenuEntry): Row => ({ ...entry, key: nextKey++ });

type ProblemKey =
  | 'portalConsole.menu.labelRequired'
  | 'portalConsole.menu.targetRequired'
  | 'portalConsole.menu.urlInvalid'
  | 'portalConsole.menu.procedureInvalid';

/** What is wrong with an entry, as a text key, or nothing. */
const problemOf = (entry: PortalMenuEntry): ProblemKey | undefined => {
  if (entry.label.trim() === '' || entry.label.trim().length > 100) {
    return 'portalConsole.menu.labelRequired';
  }
  if (entry.target.trim() === '') {
    return 'portalConsole.menu.targetRequired';
  }
  if (entry.targetKind === 'url' && !HTTPS_URL.test(entry.target.trim())) {
    return 'portalConsole.menu.urlInvalid';
  }
  if (entry.targetKind === 'procedure' && !PROCEDURE_CODE.test(entry.target.trim())) {
    return 'portalConsole.menu.procedureInvalid';
  }
  return undefined;
};

/** The form adding or changing one entry: its label and where it leads. */
const EntryForm = ({
  initial,
  pages,
  categories,
  title,
  onApply,
  onCancel,
}: {
  initial: PortalMenuEntry;
  pages: { slug: string; title: string }[];
  categories: { slug: string; name: string }[];
  title: string;
  onApply: (entry: PortalMenuEntry) => void;
  onCancel: () => void;
}) => {
  const { t } = useTranslation();
  const [entry, setEntry] = useState<PortalMenuEntry>(initial);
  const [problem, setProblem] = useState<ProblemKey>();
  const ids = { label: useId(), kind: useId(), target: useId(), problem: useId() };
  const choices =
    entry.targetKind === 'page'
      ? pages.map((p) => ({ value: p.slug, label: p.title }))
      : categories.map((c) => ({ value: c.slug, label: c.name }));
  return (
    <Panel style={{ marginTop: 12 }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const clean = { ...entry, label: entry.label.trim(), target: entry.target.trim() };
          const found = problemOf(clean);
          setProblem(found);
          if (!found) {
            onApply(clean);
          }
        }}
      >
        <Flex vertical gap={12}>
          <Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {title}
          </Title>
          <div>
            <label htmlFor={ids.label}>{t('portalConsole.menu.label')}</label>
            <Input
              id={ids.label}
              value={entry.label}
              maxLength={100}
              autoFocus
              onChange={(e) => setEntry({ ...entry, label: e.target.value })}
            />
          </div>
          <div>
            <label htmlFor={ids.kind}>{t('portalConsole.menu.kind')}</label>
            <select
              id={ids.kind}
              style={SELECT_STYLE}
              value={entry.targetKind}
              onChange={(e) => setEntry({ ...entry, targetKind: e.target.value as Kind, target: '' })}
            >
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`portalConsole.menu.kinds.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={ids.target}>{t(`portalConsole.menu.${entry.targetKind}`)}</label>
            {entry.targetKind === 'page' || entry.targetKind === 'category' ? (
              <>
                <select
                  id={ids.target}
                  style={SELECT_STYLE}
                  value={entry.target}
                  onChange={(e) => setEntry({ ...entry, target: e.target.value })}
                >
                  <option value="">{t('portalConsole.menu.choose')}</option>
                  {choices.map((c) => (
                    <option key={c.value} value={c.value}>
                      {c.label}
                    </option>
                  ))}
                  {entry.target && !choices.some((c) => c.value === entry.target) ? (
                    <option value={entry.target}>{entry.target}</option>
                  ) : null}
                </select>
                {choices.length === 0 ? (
                  <Text type="secondary">
                    {t(entry.targetKind === 'page' ? 'portalConsole.menu.noPages' : 'portalConsole.menu.noCategories')}
                  </Text>
                ) : null}
              </>
            ) : (
              <Input
                id={ids.target}
                value={entry.target}
                maxLength={500}
                inputMode={entry.targetKind === 'url' ? 'url' : 'text'}
                placeholder={entry.targetKind === 'url' ? 'https://' : '1.001193'}
                aria-describedby={problem ? ids.problem : undefined}
                onChange={(e) => setEntry({ ...entry, target: e.target.value })}
              />
            )}
          </div>
          {problem ? <Alert id={ids.problem} type="error" role="alert" message={t(problem)} /> : null}
          <Flex gap={8} wrap>
            <Button type="primary" htmlType="submit">
              {t('portalConsole.menu.apply')}
            </Button>
            <Button onClick={onCancel}>{t('portalConsole.menu.cancel')}</Button>
          </Flex>
        </Flex>
      </form>
    </Panel>
  );
};

/**
 * The portal's menu in the console (`/can-bo/cong-thong-tin/menu`, issue 22 item 1): the entries in order, moved
 * with buttons (no dragging), added, changed and removed, previewed as the portal shows them, and saved at the
 * version read. Editors (portal.publish) change it; authors read it.
 */
export const PortalMenuPage = () => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const menu = usePortalMenu();
  const options = usePortalMenuOptions();
  const pages = usePublishedPortalPages();
  const save = useSavePortalMenu();
  const [rows, setRows] = useState<Row[]>([]);
  const [version, setVersion] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [editing, setEditing] = useState<{ index: number | 'new' } | undefined>();
  const [announce, setAnnounce] = useState('');
  const mayEdit = options.data?.mayPublish === true;

  useEffect(() => {
    document.title = t('portalConsole.menu.title');
  }, [t]);

  useEffect(() => {
    if (menu.data && !dirty) {
      setRows(menu.data.items.map(withKey));
      setVersion(menu.data.version);
    }
  }, [menu.data, dirty]);

  if (menu.isPending || options.isPending) {
    return <PageLoading />;
  }
  if (menu.error || options.error) {
    return (
      <ErrorAlert
        error={menu.error ?? options.error}
        onRetry={() => {
          void menu.refetch();
          void options.refetch();
        }}
      />
    );
  }

  const change = (next: Row[]) => {
    setRows(next);
    setDirty(true);
  };
  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    const row = rows[index];
    if (!row || target < 0 || target >= rows.length) {
      return;
    }
    const next = [...rows];
    next.splice(index, 1);
    next.splice(target, 0, row);
    change(next);
    setAnnounce(t('portalConsole.menu.moved', { label: row.label, position: target + 1 }));
    // Keep the keyboard where the entry went: its same button, or the other one at the ends.
    requestAnimationFrame(() => {
      const wanted = document.querySelector<HTMLButtonElement>(
        `[data-menu-key="${row.key}"][data-move="${by === -1 && target > 0 ? 'up' : by === 1 && target < next.length - 1 ? 'down' : by === -1 ? 'down' : 'up'}"]`,
      );
      wanted?.focus();
    });
  };
  const reload = () => {
    setDirty(false);
    save.reset();
    void menu.refetch();
  };
  const categories = options.data?.categories ?? [];
  const pageChoices = (pages.data?.items ?? []).map((p) => ({ slug: p.slug, title: p.title }));
  const editingEntry =
    editing === undefined
      ? undefined
      : editing.index === 'new'
        ? { label: '', targetKind: 'page' as const, target: '' }
        : rows[editing.index];
  const preview = [
    { label: 'Tin tức', href: '/tin-tuc', key: 'news' },
    ...rows.map((row) => ({ label: row.label, href: menuItemHref(row), key: String(row.key) })),
    { label: 'Thủ tục hành chính', href: '/', key: 'procedures' },
    { label: 'Tìm kiếm', href: '/tim-kiem', key: 'search' },
  ];

  return (
    <div style={{ maxWidth: 900 }}>
      <Title level={1} style={{ fontSize: 24 }}>
        {t('portalConsole.menu.title')}
      </Title>
      <p style={{ marginTop: 0 }}>{t('portalConsole.menu.intro')}</p>
      {!mayEdit ? (
        <Alert type="info" showIcon message={t('portalConsole.menu.readOnly')} style={{ marginBottom: 12 }} />
      ) : null}
      <ErrorAlert error={save.error} />
      {save.error ? (
        <Button onClick={reload} style={{ marginBottom: 12 }}>
          {t('portalConsole.menu.reload')}
        </Button>
      ) : null}
      <div aria-live="polite" className="visually-hidden" style={{ position: 'absolute', left: -10000 }}>
        {announce}
      </div>
      <Panel>
        {rows.length === 0 ? <p style={{ margin: 0 }}>{t('portalConsole.menu.empty')}</p> : null}
        <ol data-testid="menu-entries" style={{ margin: 0, paddingLeft: 24 }}>
          {rows.map((row, index) => (
            <li key={row.key} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  <strong>{row.label}</strong>
                  <br />
                  <Text type="secondary" style={{ fontSize: 13 }}>
                    {t(`portalConsole.menu.kinds.${row.targetKind}`)}: {menuItemHref(row)}
                  </Text>
                </div>
                {mayEdit ? (
                  <Flex gap={4} wrap>
                    <Button
                      size="small"
                      data-menu-key={row.key}
                      data-move="up"
                      disabled={index === 0}
                      aria-label={t('portalConsole.menu.moveUp', { label: row.label })}
                      onClick={() => move(index, -1)}
                    >
                      ↑ {t('portalConsole.menu.up')}
                    </Button>
                    <Button
                      size="small"
                      data-menu-key={row.key}
                      data-move="down"
                      disabled={index === rows.length - 1}
                      aria-label={t('portalConsole.menu.moveDown', { label: row.label })}
                      onClick={() => move(index, 1)}
                    >
                      ↓ {t('portalConsole.menu.down')}
                    </Button>
                    <Button
                      size="small"
                      aria-label={t('portalConsole.menu.edit', { label: row.label })}
                      onClick={() => setEditing({ index })}
                    >
                      {t('portalConsole.menu.editShort')}
                    </Button>
                    <Button
                      size="small"
                      danger
                      aria-label={t('portalConsole.menu.remove', { label: row.label })}
                      onClick={() => change(rows.filter((r) => r.key !== row.key))}
                    >
                      {t('portalConsole.menu.removeShort')}
                    </Button>
                  </Flex>
                ) : null}
              </Flex>
            </li>
          ))}
        </ol>
        {mayEdit && editing === undefined ? (
          <Button
            style={{ marginTop: 12 }}
            disabled={rows.length >= MAX_ITEMS}
            title={rows.length >= MAX_ITEMS ? t('portalConsole.menu.full') : undefined}
            onClick={() => setEditing({ index: 'new' })}
          >
            {t('portalConsole.menu.add')}
          </Button>
        ) : null}
      </Panel>
      {editing !== undefined && editingEntry ? (
        <EntryForm
          key={editing.index === 'new' ? 'new' : (rows[editing.index]?.key ?? 'gone')}
          initial={editingEntry}
          pages={pageChoices}
          categories={categories}
          title={t(editing.index === 'new' ? 'portalConsole.menu.addTitle' : 'portalConsole.menu.editTitle')}
          onCancel={() => setEditing(undefined)}
          onApply={(entry) => {
            if (editing.index === 'new') {
              change([...rows, withKey(entry)]);
            } else {
              const at = editing.index;
              change(rows.map((row, index) => (index === at ? { ...row, ...entry } : row)));
            }
            setEditing(undefined);
          }}
        />
      ) : null}
      <Title level={2} style={{ fontSize: 18, marginTop: 20 }}>
        {t('portalConsole.menu.preview')}
      </Title>
      <nav
        aria-label={t('portalConsole.menu.preview')}
        data-testid="menu-preview"
        style={{ background: '#fff', border: '1px solid #e5e5e5', borderRadius: 6 }}
      >
        <ul
          style={{
            display: 'flex',
            flexWrap: 'wrap',
            gap: '4px 16px',
            listStyle: 'none',
            margin: 0,
            padding: '8px 16px',
          }}
        >
          {preview.map((link) => (
            <li key={link.key}>
              <a
                href={link.href}
                target="_blank"
                rel="noopener"
                style={{ color: '#1f1f1f', padding: '6px 0', display: 'inline-block' }}
              >
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Text type="secondary" style={{ fontSize: 13 }}>
        {t('portalConsole.menu.previewFixed')}
      </Text>
      {mayEdit ? (
        <Flex gap={12} align="center" wrap style={{ marginTop: 16 }}>
          <Button
            type="primary"
            loading={save.isPending}
            disabled={!dirty}
            onClick={() =>
              save.mutate(
                { version, items: rows.map(({ label, targetKind, target }) => ({ label, targetKind, target })) },
                {
                  onSuccess: (saved) => {
                    setDirty(false);
                    setVersion(saved.version);
                    setRows(saved.items.map(withKey));
                    message.success(t('portalConsole.menu.saved', { version: saved.version }));
                  },
                },
              )
            }
          >
            {t('portalConsole.menu.save')}
          </Button>
          {dirty ? <Text type="warning">{t('portalConsole.menu.unsaved')}</Text> : null}
          <a href="/tin-tuc" target="_blank" rel="noopener">
            {t('portalConsole.menu.viewPublic')}
          </a>
        </Flex>
      ) : null}
    </div>
  );
};

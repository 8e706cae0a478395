import { Alert, Button, Flex, Input } from 'antd';
import { type CSSProperties, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import '../../i18n/portal-console';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LazyModal } from '../../components/lazyAntd';
import { useConsoleMessage } from '../../components/MessageProvider';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { Text, Title } from '../../components/typography';
import { formatDate, formatDateTime } from '../../lib/format';
import { DecisionFields } from './DecisionFields';
import {
  type DecisionChangeInput,
  useChangeDecision,
  useManagedDecision,
  useProcedureSearch,
  usePublishDecision,
} from './useDecisionDrafts';
import type { ProcedureDecision } from './usePortalDecisions';

type Kind = 'new' | 'amended' | 'abolished';
const KINDS: Kind[] = ['new', 'amended', 'abolished'];
type Item = { procedureCode: string; procedureName: string; changeKind: Kind; inCatalog: boolean | null };
type Fields = { number: string; signedOn: string; title: string; effectiveOn: string; signer: string };
const PROCEDURE_CODE = /^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/;
const SELECT_STYLE: CSSProperties = {
  padding: '4px 8px',
  borderRadius: 6,
  border: '1px solid #d9d9d9',
  background: '#fff',
  maxWidth: '100%',
};

const fieldsOf = (d: ProcedureDecision): Fields => ({
  number: d.number,
  signedOn: d.signedOn,
  title: d.title,
  effectiveOn: d.effectiveOn ?? '',
  signer: d.signer ?? '',
});
const itemsOf = (d: ProcedureDecision): Item[] =>
  d.items.map((i) => ({
    procedureCode: i.procedureCode,
    procedureName: i.procedureName,
    changeKind: i.changeKind,
    inCatalog: i.inCatalog,
  }));

/** The catalog search adding procedures to the draft. */
const CatalogSearch = ({ listed, onAdd }: { listed: Set<string>; onAdd: (code: string, name: string) => void }) => {
  const { t } = useTranslation();
  const id = useId();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const search = useProcedureSearch(q);
  return (
    <div>
      <label htmlFor={id}>{t('portalConsole.decisions.search')}</label>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setQ(typed.trim());
        }}
      >
        <Flex gap={8}>
          <Input
            id={id}
            value={typed}
            placeholder={t('portalConsole.decisions.searchPlaceholder')}
            maxLength={200}
            onChange={(e) => setTyped(e.target.value)}
          />
          <Button htmlType="submit" loading={search.isFetching}>
            {t('portalConsole.decisions.searchButton')}
          </Button>
        </Flex>
      </form>
      <ErrorAlert error={search.error} />
      {search.data && search.data.items.length === 0 ? <p>{t('portalConsole.decisions.noResults')}</p> : null}
      {search.data && search.data.items.length > 0 ? (
        <ul style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }} data-testid="procedure-search-results">
          {search.data.items.map((p) => (
            <li key={`${p.catalog}/${p.code}`} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  <strong>{p.code}</strong> — {p.name}
                </span>
                {listed.has(p.code) ? (
                  <Text type="secondary">{t('portalConsole.decisions.already')}</Text>
                ) : (
                  <Button
                    size="small"
                    aria-label={t('portalConsole.decisions.addResult', { name: p.name })}
                    onClick={() => onAdd(p.code, p.name)}
                  >
                    {t('portalConsole.decisions.add')}
                  </Button>
                )}
              </Flex>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
};

/** A published decision, read only, with its public notice's link. */
const PublishedDecision = ({ decision }: { decision: ProcedureDecision }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <>
      <Alert type="success" showIcon message={t('portalConsole.decisions.readOnly')} style={{ marginBottom: 12 }} />
      <p>
        <a href={`/quyet-dinh-cong-bo/${decision.id}`} target="_blank" rel="noopener" data-testid="public-notice-link">
          {t('portalConsole.decisions.publicLink')}
        </a>
      </p>
      <Panel>
        <dl
          style={{
            margin: 0,
            display: 'grid',
            gridTemplateColumns: 'minmax(0, max-content) minmax(0, 1fr)',
            gap: '4px 12px',
          }}
        >
          <dt>{t('portalConsole.decisions.number')}</dt>
          <dd style={{ margin: 0 }}>{decision.number}</dd>
          <dt>{t('portalConsole.decisions.signedOn')}</dt>
          <dd style={{ margin: 0 }}>{formatDate(decision.signedOn)}</dd>
          <dt>{t('portalConsole.decisions.titleField')}</dt>
          <dd style={{ margin: 0, overflowWrap: 'anywhere' }}>{decision.title}</dd>
          <dt>{t('portalConsole.decisions.effectiveOn')}</dt>
          <dd style={{ margin: 0 }}>{decision.effectiveOn ? formatDate(decision.effectiveOn) : '—'}</dd>
          <dt>{t('portalConsole.decisions.signer')}</dt>
          <dd style={{ margin: 0 }}>{decision.signer ?? '—'}</dd>
          <dt>{t('portalConsole.decisions.publishedAt')}</dt>
          <dd style={{ margin: 0 }}>{formatDateTime(decision.publishedAt)}</dd>
        </dl>
      </Panel>
      <Title level={2} style={{ fontSize: 18, marginTop: 16 }}>
        {t('portalConsole.decisions.items')}
      </Title>
      <ol data-testid="decision-console-items">
        {decision.items.map((item) => (
          <li key={`${item.catalog}/${item.procedureCode}`} style={{ overflowWrap: 'anywhere' }}>
            {item.procedureCode} — {item.procedureName} <SoftTag>{item.changeLabel[language]}</SoftTag>
          </li>
        ))}
      </ol>
    </>
  );
};

/** A draft's form: its fields, its procedures (from the catalog search or by code), save and publish. */
const DraftEditor = ({ decision }: { decision: ProcedureDecision }) => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const change = useChangeDecision(decision.id);
  const publish = usePublishDecision(decision.id);
  const [fields, setFields] = useState<Fields>(() => fieldsOf(decision));
  const [items, setItems] = useState<Item[]>(() => itemsOf(decision));
  const [dirty, setDirty] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [byCode, setByCode] = useState<{ code: string; kind: Kind }>({ code: '', kind: 'new' });
  const ids = { code: useId(), kind: useId() };

  useEffect(() => {
    setFields(fieldsOf(decision));
    setItems(itemsOf(decision));
    setDirty(false);
  }, [decision]);

  const edit = (next: Partial<Fields>) => {
    setFields({ ...fields, ...next });
    setDirty(true);
  };
  const editItems = (next: Item[]) => {
    setItems(next);
    setDirty(true);
  };
  const listed = new Set(items.map((i) => i.procedureCode));
  const add = (code: string, name: string, kind: Kind) => {
    if (!listed.has(code)) {
      editItems([...items, { procedureCode: code, procedureName: name, changeKind: kind, inCatalog: null }]);
    }
  };
  const body = (): DecisionChangeInput => ({
    version: decision.version,
    number: fields.number.trim(),
    signedOn: fields.signedOn,
    title: fields.title.trim(),
    effectiveOn: fields.effectiveOn || null,
    signer: fields.signer.trim() || null,
    items: items.map((i) => ({
      procedureCode: i.procedureCode,
      changeKind: i.changeKind,
      ...(i.procedureName.trim() ? { procedureName: i.procedureName.trim() } : {}),
    })),
  });

  return (
    <>
      <ErrorAlert error={change.error ?? publish.error} />
      <Panel>
        <Flex vertical gap={12}>
          <Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {t('portalConsole.decisions.fields')}
          </Title>
          <DecisionFields value={fields} onChange={edit} />
        </Flex>
      </Panel>

      <Panel style={{ marginTop: 12 }}>
        <Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
          {t('portalConsole.decisions.items')}
        </Title>
        {items.length === 0 ? <p>{t('portalConsole.decisions.noItems')}</p> : null}
        <ol data-testid="decision-draft-items" style={{ paddingLeft: 20 }}>
          {items.map((item, index) => (
            <li key={item.procedureCode} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Flex vertical gap={6}>
                <Flex justify="space-between" gap={8} wrap>
                  <strong style={{ overflowWrap: 'anywhere' }}>{item.procedureCode}</strong>
                  {item.inCatalog === false ? (
                    <Text type="danger">{t('portalConsole.decisions.notInCatalog')}</Text>
                  ) : null}
                </Flex>
                <Input
                  aria-label={`${t('portalConsole.decisions.name')} ${item.procedureCode}`}
                  value={item.procedureName}
                  placeholder={t('portalConsole.decisions.nameHint')}
                  maxLength={2000}
                  onChange={(e) =>
                    editItems(items.map((i, at) => (at === index ? { ...i, procedureName: e.target.value } : i)))
                  }
                />
                <Flex gap={8} wrap align="center">
                  <select
                    aria-label={`${t('portalConsole.decisions.changeKind')} ${item.procedureCode}`}
                    style={SELECT_STYLE}
                    value={item.changeKind}
                    onChange={(e) =>
                      editItems(items.map((i, at) => (at === index ? { ...i, changeKind: e.target.value as Kind } : i)))
                    }
                  >
                    {KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`portalConsole.decisions.kinds.${kind}`)}
                      </option>
                    ))}
                  </select>
                  <Button
                    size="small"
                    danger
                    aria-label={t('portalConsole.decisions.removeItem', { code: item.procedureCode })}
                    onClick={() => editItems(items.filter((_, at) => at !== index))}
                  >
                    {t('portalConsole.decisions.remove')}
                  </Button>
                </Flex>
              </Flex>
            </li>
          ))}
        </ol>
        <Flex vertical gap={16}>
          <CatalogSearch listed={listed} onAdd={(code, name) => add(code, name, 'new')} />
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const code = byCode.code.trim();
              if (!PROCEDURE_CODE.test(code)) {
                setProblem(t('portalConsole.decisions.codeInvalid'));
                return;
              }
              setProblem(undefined);
              add(code, '', byCode.kind);
              setByCode({ ...byCode, code: '' });
            }}
          >
            <Text strong>{t('portalConsole.decisions.addByCode')}</Text>
            <Flex gap={8} wrap align="end">
              <div style={{ flex: '1 1 140px' }}>
                <label htmlFor={ids.code}>{t('portalConsole.decisions.code')}</label>
                <Input
                  id={ids.code}
                  value={byCode.code}
                  placeholder="1.001193"
                  maxLength={64}
                  onChange={(e) => setByCode({ ...byCode, code: e.target.value })}
                />
              </div>
              <div>
                <label htmlFor={ids.kind} style={{ display: 'block' }}>
                  {t('portalConsole.decisions.changeKind')}
                </label>
                <select
                  id={ids.kind}
                  style={SELECT_STYLE}
                  value={byCode.kind}
                  onChange={(e) => setByCode({ ...byCode, kind: e.target.value as Kind })}
                >
                  {KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`portalConsole.decisions.kinds.${kind}`)}
                    </option>
                  ))}
                </select>
              </div>
              <Button htmlType="submit">{t('portalConsole.decisions.add')}</Button>
            </Flex>
            {problem ? (
              <Text type="danger" role="alert">
                {problem}
              </Text>
            ) : null}
          </form>
        </Flex>
      </Panel>

      <Flex gap={12} wrap align="center" style={{ marginTop: 16 }}>
        <Button
          type="primary"
          loading={change.isPending}
          disabled={!dirty}
          onClick={() =>
            change.mutate(body(), {
              onSuccess: () => {
                setDirty(false);
                message.success(t('portalConsole.decisions.saved'));
              },
            })
          }
        >
          {t('portalConsole.decisions.save')}
        </Button>
        <Button disabled={dirty} onClick={() => setConfirming(true)}>
          {t('portalConsole.decisions.publish')}
        </Button>
        {dirty ? <Text type="warning">{t('portalConsole.decisions.unsaved')}</Text> : null}
      </Flex>

      <LazyModal
        open={confirming}
        title={t('portalConsole.decisions.confirmTitle')}
        okText={t('portalConsole.decisions.confirmOk')}
        cancelText={t('portalConsole.menu.cancel')}
        confirmLoading={publish.isPending}
        onCancel={() => setConfirming(false)}
        onOk={() =>
          publish.mutate(decision.version, {
            onSuccess: () => setConfirming(false),
            onError: () => setConfirming(false),
          })
        }
      >
        <p>{t('portalConsole.decisions.confirmText')}</p>
        <div data-testid="publish-preview" style={{ overflowWrap: 'anywhere' }}>
          <p style={{ margin: '0 0 4px' }}>
            <strong>
              {decision.number} — {formatDate(decision.signedOn)}
            </strong>
          </p>
          <p style={{ margin: '0 0 8px' }}>{decision.title}</p>
          {decision.effectiveOn ? (
            <p style={{ margin: '0 0 8px' }}>
              {t('portalConsole.decisions.effectiveOn')}: {formatDate(decision.effectiveOn)}
            </p>
          ) : null}
          <ol style={{ paddingLeft: 20, margin: 0 }}>
            {decision.items.map((item) => (
              <li key={item.procedureCode}>
                {item.procedureCode} — {item.procedureName} ({t(`portalConsole.decisions.kinds.${item.changeKind}`)})
              </li>
            ))}
          </ol>
        </div>
      </LazyModal>
    </>
  );
};

/**
 * One procedure decision in the console (`/can-bo/quyet-dinh-cong-bo/:id`, issue 22 item 2): a draft is edited
 * and published after a confirmation showing what becomes public; a published one is read only.
 */
export const DecisionDraftPage = () => {
  const { t } = useTranslation();
  const { id } = useParams();
  const decision = useManagedDecision(id);
  useEffect(() => {
    document.title = decision.data
      ? `${decision.data.number} — ${t('portalConsole.decisions.title')}`
      : t('portalConsole.decisions.title');
  }, [t, decision.data]);
  return (
    <div style={{ maxWidth: 900 }}>
      <p style={{ marginTop: 0 }}>
        <Link to="/can-bo/quyet-dinh-cong-bo">← {t('portalConsole.decisions.back')}</Link>
      </p>
      <ErrorAlert error={decision.error} onRetry={() => void decision.refetch()} />
      {decision.isPending ? <PageLoading /> : null}
      {decision.data ? (
        <>
          <Flex gap={8} align="center" wrap>
            <Title level={1} style={{ fontSize: 24, margin: 0, overflowWrap: 'anywhere' }}>
              {decision.data.number}
            </Title>
            <SoftTag>
              {t(
                decision.data.status === 'draft'
                  ? 'portalConsole.decisions.statusDraft'
                  : 'portalConsole.decisions.statusPublished',
              )}
            </SoftTag>
          </Flex>
          <div style={{ marginTop: 12 }}>
            {decision.data.status === 'published' ? (
              <PublishedDecision decision={decision.data} />
            ) : (
              <DraftEditor decision={decision.data} />
            )}
          </div>
        </>
      ) : null}
    </div>
  );
};

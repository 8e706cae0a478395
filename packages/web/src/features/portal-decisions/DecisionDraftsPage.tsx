import { Button, Flex, Input } from 'antd';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import '../../i18n/portal-console';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { Text, Title } from '../../components/typography';
import { formatDate } from '../../lib/format';
import { DecisionFields } from './DecisionFields';
import { useDraftDecision, useManagedDecisions } from './useDecisionDrafts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One status's decisions, with "Xem thêm" for the next keyset page. */
const DecisionList = ({ status }: { status: 'draft' | 'published' }) => {
  const { t } = useTranslation();
  const list = useManagedDecisions(status);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby={`decisions-${status}`} style={{ marginBottom: 20 }}>
      <Title level={2} id={`decisions-${status}`} style={{ fontSize: 18 }}>
        {t(status === 'draft' ? 'portalConsole.decisions.drafts' : 'portalConsole.decisions.published')}
      </Title>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isPending ? <PageLoading /> : null}
      {!list.isPending && !list.error && items.length === 0 ? (
        <p>{t(status === 'draft' ? 'portalConsole.decisions.noDrafts' : 'portalConsole.decisions.noPublished')}</p>
      ) : null}
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid={`decision-${status}-list`}>
        {items.map((d) => (
          <li key={d.id} style={{ marginBottom: 8 }}>
            <Panel>
              <Flex justify="space-between" gap={8} wrap>
                <Link to={`/can-bo/quyet-dinh-cong-bo/${d.id}`} style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
                  {d.number}
                </Link>
                <SoftTag>
                  {t(
                    status === 'draft'
                      ? 'portalConsole.decisions.statusDraft'
                      : 'portalConsole.decisions.statusPublished',
                  )}
                </SoftTag>
              </Flex>
              <div style={{ overflowWrap: 'anywhere' }}>{d.title}</div>
              <Text type="secondary" style={{ fontSize: 13 }}>
                {t('portalConsole.decisions.signedOn')}: {formatDate(d.signedOn)} ·{' '}
                {t('portalConsole.decisions.counts', d.counts)}
              </Text>
            </Panel>
          </li>
        ))}
      </ul>
      <LoadMoreButton pages={list} label={t('portalConsole.decisions.more')} />
    </section>
  );
};

/** The form drafting a new decision: its number, date and title, optionally filled from a catalog import run. */
const NewDecisionForm = ({ onCancel }: { onCancel: () => void }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const draft = useDraftDecision();
  const ids = { importId: useId(), importHint: useId() };
  const [fields, setFields] = useState({ number: '', signedOn: '', title: '', importId: '' });
  const [problem, setProblem] = useState<string>();
  return (
    <Panel style={{ marginBottom: 20 }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const importId = fields.importId.trim();
          if (!fields.number.trim() || !fields.signedOn || !fields.title.trim()) {
            setProblem(t('portalConsole.decisions.required'));
            return;
          }
          if (importId && !UUID.test(importId)) {
            setProblem(t('portalConsole.decisions.importInvalid'));
            return;
          }
          setProblem(undefined);
          draft.mutate(
            {
              number: fields.number.trim(),
              signedOn: fields.signedOn,
              title: fields.title.trim(),
              ...(importId ? { importId } : { items: [] }),
            },
            { onSuccess: (created) => void navigate(`/can-bo/quyet-dinh-cong-bo/${created.id}`) },
          );
        }}
      >
        <Flex vertical gap={12}>
          <Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {t('portalConsole.decisions.createTitle')}
          </Title>
          <DecisionFields
            value={fields}
            numberHint={t('portalConsole.decisions.numberHint')}
            onChange={(next) => setFields({ ...fields, ...next })}
          />
          <div>
            <label htmlFor={ids.importId}>{t('portalConsole.decisions.importId')}</label>
            <Input
              id={ids.importId}
              value={fields.importId}
              aria-describedby={ids.importHint}
              onChange={(e) => setFields({ ...fields, importId: e.target.value })}
            />
            <Text type="secondary" id={ids.importHint} style={{ fontSize: 13 }}>
              {t('portalConsole.decisions.importHint')}
            </Text>
          </div>
          {problem ? (
            <Text type="danger" role="alert">
              {problem}
            </Text>
          ) : null}
          <ErrorAlert error={draft.error} />
          <Flex gap={8} wrap>
            <Button type="primary" htmlType="submit" loading={draft.isPending}>
              {t('portalConsole.decisions.createSubmit')}
            </Button>
            <Button onClick={onCancel}>{t('portalConsole.menu.cancel')}</Button>
          </Flex>
        </Flex>
      </form>
    </Panel>
  );
};

/**
 * The province's procedure decisions in the console (`/can-bo/quyet-dinh-cong-bo`, issue 22 item 2): drafts
 * first, then the published ones, each list in keyset pages; a new draft from here.
 */
export const DecisionDraftsPage = () => {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    document.title = t('portalConsole.decisions.title');
  }, [t]);
  return (
    <div style={{ maxWidth: 900 }}>
      <Title level={1} style={{ fontSize: 24 }}>
        {t('portalConsole.decisions.title')}
      </Title>
      <p style={{ marginTop: 0 }}>{t('portalConsole.decisions.intro')}</p>
      {creating ? (
        <NewDecisionForm onCancel={() => setCreating(false)} />
      ) : (
        <Button type="primary" onClick={() => setCreating(true)} style={{ marginBottom: 16 }}>
          {t('portalConsole.decisions.create')}
        </Button>
      )}
      <DecisionList status="draft" />
      <DecisionList status="published" />
    </div>
  );
};

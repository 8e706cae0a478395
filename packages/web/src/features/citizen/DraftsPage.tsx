import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Popconfirm } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CitizenMe } from '../../api/portal-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { formatDateTime } from '../../lib/format';
import '../../i18n/citizen';
import { AccountHeader } from './AccountHeader';
import { RequireCitizen } from './RequireCitizen';
import { discardCitizenDraft, findCitizenDrafts } from './useMyDossiers';

const muted = { color: 'rgba(0,0,0,0.68)' } as const;

const Drafts = ({ me }: { me: CitizenMe }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [announce, setAnnounce] = useState('');
  const drafts = useQuery({
    queryKey: ['citizen', 'drafts', 'open'],
    queryFn: ({ signal }) => findCitizenDrafts(signal),
    staleTime: 0,
  });
  const discard = useMutation({
    mutationKey: ['citizen', 'discard-draft'],
    mutationFn: (id: string) => discardCitizenDraft(id),
    onSuccess: () => {
      setAnnounce(t('citizen.drafts.discarded'));
      queryClient.removeQueries({ queryKey: ['citizen', 'wizard'] });
      void queryClient.invalidateQueries({ queryKey: ['citizen', 'drafts'] });
    },
  });
  const items = drafts.data?.items ?? [];
  return (
    <>
      <AccountHeader me={me} current="drafts" title={t('citizen.drafts.title')} />
      <p style={muted}>{t('citizen.drafts.intro')}</p>
      {drafts.isError ? <ErrorAlert error={drafts.error} onRetry={() => void drafts.refetch()} /> : null}
      {discard.isError ? <ErrorAlert error={discard.error} /> : null}
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      {drafts.isPending ? (
        <PageLoading />
      ) : items.length === 0 && !drafts.isError ? (
        <Panel>
          <p style={{ textAlign: 'center', margin: 0, ...muted }}>{t('citizen.drafts.empty')}</p>
          <p style={{ textAlign: 'center', margin: '12px 0 0' }}>
            <Link to="/">{t('citizen.dossiers.findProcedure')}</Link>
          </p>
        </Panel>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((draft) => {
            const href = `/nop-ho-so/${encodeURIComponent(draft.procedure.code)}?catalog=${encodeURIComponent(draft.catalog)}&nhap=${encodeURIComponent(draft.id)}`;
            return (
              <li key={draft.id}>
                <Panel style={{ marginBottom: 12 }}>
                  <h2 style={{ fontSize: 16, margin: 0, lineHeight: 1.4 }}>
                    <Link to={href}>{draft.procedure.name}</Link>
                  </h2>
                  <p style={{ margin: '4px 0 8px', ...muted }}>
                    {t('portal.procedureCode', { code: draft.procedure.code })} ·{' '}
                    {t('citizen.drafts.updatedAt', { at: formatDateTime(draft.updatedAt) })}
                  </p>
                  <Flex gap={8} wrap>
                    <Link to={href}>
                      <Button type="primary" icon={<EditOutlined aria-hidden />} tabIndex={-1}>
                        {t('citizen.drafts.continue')}
                      </Button>
                    </Link>
                    <Popconfirm
                      title={t('citizen.drafts.discardConfirm')}
                      okText={t('common.remove')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => discard.mutateAsync(draft.id)}
                    >
                      <Button
                        danger
                        icon={<DeleteOutlined aria-hidden />}
                        loading={discard.isPending && discard.variables === draft.id}
                      >
                        {t('citizen.drafts.discard')}
                        <span className="visually-hidden">: {draft.procedure.name}</span>
                      </Button>
                    </Popconfirm>
                  </Flex>
                </Panel>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
};

/** Applications in progress (/ca-nhan/nhap): the drafts kept on the server, to continue or discard. */
export const DraftsPage = () => {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t('citizen.drafts.title')} — ${t('app.portalName')}`;
  }, [t]);
  return <RequireCitizen>{(me) => <Drafts me={me} />}</RequireCitizen>;
};

import { CheckCircleOutlined, ExclamationCircleOutlined, RightOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Flex } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApplicantNextStep, CitizenDossierItem, CitizenMe } from '../../api/portal-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { StatusTag } from '../../components/StatusTag';
import { formatDate, formatDateTime } from '../../lib/format';
import { TEXT_WARNING } from '../../theme';
import '../../i18n/citizen';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { AccountHeader } from './AccountHeader';
import { RequireCitizen } from './RequireCitizen';
import { findCitizenDossiers } from './useMyDossiers';

/** Steps the applicant must take for the dossier to go on (rating is welcome, not needed). */
const ACTION_NEEDED = new Set<ApplicantNextStep>(['supplement', 'pay', 'collect']);

const muted = { color: 'rgba(0,0,0,0.68)' } as const;

const DossierItem = ({ item }: { item: CitizenDossierItem }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const next = item.nextStep;
  const href = `/ca-nhan/ho-so/${encodeURIComponent(item.code)}`;
  return (
    <li>
      <Panel style={{ marginBottom: 12 }}>
        <Flex justify="space-between" align="flex-start" gap={8} wrap>
          <h2 style={{ fontSize: 16, margin: 0, flex: '1 1 260px', lineHeight: 1.4 }}>
            <Link to={href}>{item.procedure.name}</Link>
          </h2>
          <StatusTag status={item.status} />
        </Flex>
        <dl className="facts" style={{ marginTop: 8, fontSize: 14 }}>
          <dt>{t('citizen.dossier.code')}</dt>
          <dd data-testid="my-dossier-code">{item.code}</dd>
          <dt>{t('citizen.dossiers.submittedAt')}</dt>
          <dd>{formatDateTime(item.submittedAt)}</dd>
          {item.receivingAgencyName ? (
            <>
              <dt>{t('citizen.dossiers.agency')}</dt>
              <dd>{item.receivingAgencyName}</dd>
            </>
          ) : null}
          {item.dueAt ? (
            <>
              <dt>{t('citizen.dossiers.dueAt')}</dt>
              <dd>
                {formatDate(item.dueAt)} {item.dueProvisional ? t('citizen.dossiers.provisional') : ''}
              </dd>
            </>
          ) : null}
        </dl>
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 8 }}>
          {ACTION_NEEDED.has(next.step) ? (
            <strong style={{ color: TEXT_WARNING }} data-testid="my-dossier-next">
              <ExclamationCircleOutlined aria-hidden /> {t('citizen.dossiers.actionNeeded')}: {next.label[language]}
            </strong>
          ) : (
            <span style={muted} data-testid="my-dossier-next">
              {next.label[language]}
              {item.rated ? (
                <>
                  {' · '}
                  <CheckCircleOutlined aria-hidden /> {t('citizen.dossiers.rated')}
                </>
              ) : null}
            </span>
          )}
          <Link to={href}>
            {t('common.details')} <RightOutlined aria-hidden />
            <span className="visually-hidden"> {item.code}</span>
          </Link>
        </Flex>
      </Panel>
    </li>
  );
};

const Dossiers = ({ me }: { me: CitizenMe }) => {
  const { t } = useTranslation();
  const list = useInfiniteQuery({
    queryKey: ['citizen', 'dossiers'],
    queryFn: ({ pageParam, signal }) => findCitizenDossiers(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 0,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <AccountHeader me={me} current="dossiers" title={t('citizen.dossiers.title')} />
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isPending ? (
        <PageLoading />
      ) : items.length === 0 && !list.isError ? (
        <Panel>
          <p style={{ textAlign: 'center', margin: 0, ...muted }}>{t('citizen.dossiers.empty')}</p>
          <p style={{ textAlign: 'center', margin: '12px 0 0' }}>
            <Link to="/">{t('citizen.dossiers.findProcedure')}</Link>
          </p>
        </Panel>
      ) : (
        <section aria-label={t('citizen.dossiers.title')} aria-busy={list.isFetching}>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((item) => (
              <DossierItem key={item.code} item={item} />
            ))}
          </ul>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <span style={muted}>{t('citizen.dossiers.shown', { count: items.length })}</span>
            <LoadMoreButton pages={list} label={t('citizen.dossiers.loadMore')} />
          </Flex>
        </section>
      )}
    </>
  );
};

/** My dossiers (/ca-nhan/ho-so): the citizen's online dossiers, newest first, with what to do next. */
export const MyDossiersPage = () => {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t('citizen.dossiers.title')} — ${t('app.portalName')}`;
  }, [t]);
  return <RequireCitizen>{(me) => <Dossiers me={me} />}</RequireCitizen>;
};

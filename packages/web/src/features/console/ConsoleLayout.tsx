import { InboxOutlined, MenuOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Grid, Layout } from 'antd';
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/console';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { setCsrfToken } from '../../api/client';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { MessageProvider } from '../../components/MessageProvider';
import { PageLoading } from '../../components/PageLoading';
import { SkipLink } from '../../components/SkipLink';
import { StatusFooter } from '../../components/StatusFooter';
import { useFocusMainAfterNavigation } from '../../lib/useFocusMainAfterNavigation';
import { CHANGE_PASSWORD_PATH } from '../account/useAccount';
import { RequireOfficial } from '../auth/RequireOfficial';
import { DOSSIER_ROLES, hasRole, signOutOfficial, useMe } from '../auth/useMe';
import { useProvinceSite } from '../province-site/useProvinceSite';
import { ConsoleNav, type NavItem } from './ConsoleNav';
import { UserButton, type UserMenuProps } from './UserButton';

// The menu's drawer is for narrow screens only, so its code loads there and not before a desktop's first page.
const Drawer = lazy(() => import('antd/es/drawer'));
// The user's menu (roles, sign-out) is closed when the page shows; its dropdown follows the page.
const UserMenu = lazy(() => import('./UserMenu').then((m) => ({ default: m.UserMenu })));
// The icons of every entry but the inbox (intake, reports, administration, reform, official documents, the portal)
// load after the page, in the space kept for them: every console page's first load stays within its 300 KB
// budget (issue 16) while the menu grows.
const FileAddIcon = lazy(() => import('@ant-design/icons/FileAddOutlined'));
const BarChartIcon = lazy(() => import('@ant-design/icons/BarChartOutlined'));
const GlobalIcon = lazy(() => import('@ant-design/icons/GlobalOutlined'));
const BookIcon = lazy(() => import('@ant-design/icons/BookOutlined'));
const ApartmentIcon = lazy(() => import('@ant-design/icons/ApartmentOutlined'));
const TeamIcon = lazy(() => import('@ant-design/icons/TeamOutlined'));
const CalendarIcon = lazy(() => import('@ant-design/icons/CalendarOutlined'));
const TrophyIcon = lazy(() => import('@ant-design/icons/TrophyOutlined'));
const LikeIcon = lazy(() => import('@ant-design/icons/LikeOutlined'));
const MessageIcon = lazy(() => import('@ant-design/icons/MessageOutlined'));
const RegisterIcon = lazy(() => import('@ant-design/icons/FileSearchOutlined'));
const SwapIcon = lazy(() => import('@ant-design/icons/SwapOutlined'));
const SendIcon = lazy(() => import('@ant-design/icons/SendOutlined'));
const IncomingIcon = lazy(() => import('@ant-design/icons/FileDoneOutlined'));
const ScheduleIcon = lazy(() => import('@ant-design/icons/ScheduleOutlined'));
const TasksIcon = lazy(() => import('@ant-design/icons/CarryOutOutlined'));
const WorkFileIcon = lazy(() => import('@ant-design/icons/FolderOpenOutlined'));
const ConsultationIcon = lazy(() => import('@ant-design/icons/CommentOutlined'));
const DashboardIcon = lazy(() => import('@ant-design/icons/DashboardOutlined'));
const NewsIcon = lazy(() => import('@ant-design/icons/ReadOutlined'));
const AppearanceIcon = lazy(() => import('@ant-design/icons/BgColorsOutlined'));
const EvaluationIcon = lazy(() => import('@ant-design/icons/SolutionOutlined'));
const NoticesIcon = lazy(() => import('@ant-design/icons/BellOutlined'));
// The header's bell with the unread notices (its query and texts) loads after the page too.
const NoticeBell = lazy(() => import('../work-notices/NoticeBell').then((m) => ({ default: m.NoticeBell })));
const WebhookIcon = lazy(() => import('@ant-design/icons/ApiOutlined'));
const IntegrationIcon = lazy(() => import('@ant-design/icons/CloudSyncOutlined'));
const menuIcon = (icon: ReactNode) => <Suspense fallback={<span className="anticon" aria-hidden />}>{icon}</Suspense>;

/** Who the e-office writes notices to (the roles with work.read): they get the menu entry and the bell. */
const NOTICE_ROLES = ['clerk', 'specialist', 'unit_head', 'agency_head', 'personnel_officer'] as const;

const ConsoleChrome = () => {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  // A password someone else set: only the change page until it is changed (the server refuses the rest).
  const mustChangePassword = me?.mustChangePassword === true;
  // The official's province as its site names it (issue 22 item 4), in the header.
  const provinceName = useProvinceSite(Boolean(me?.provinceCode) && !mustChangePassword).data?.name;
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.lg;
  const [collapsed, setCollapsed] = useState(narrow);
  // On a phone the menu is a drawer opened from a button in the header, so nothing floats over the
  // page's title; it closes when a page is chosen.
  const [drawerOpen, setDrawerOpen] = useState(false);
  useFocusMainAfterNavigation();
  useEffect(() => setCollapsed(narrow), [narrow]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the drawer on every navigation.
  useEffect(() => setDrawerOpen(false), [location.pathname]);

  const signOut = useMutation({
    mutationFn: () => signOutOfficial(),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(['me'], null);
      void navigate('/can-bo/dang-nhap', { replace: true });
    },
  });

  const candidates: (NavItem | false)[] = [
    hasRole(me, ...DOSSIER_ROLES) && {
      key: '/can-bo',
      icon: <InboxOutlined />,
      label: t('nav.inbox'),
    },
    hasRole(me, 'receptionist') && {
      key: '/can-bo/tiep-nhan',
      icon: menuIcon(<FileAddIcon />),
      label: t('nav.intake'),
    },
    hasRole(me, 'province_admin') && {
      key: '/can-bo/thu-tuc',
      icon: menuIcon(<BookIcon />),
      label: t('nav.catalog'),
    },
    hasRole(me, 'agency_admin', 'province_admin') && {
      key: '/can-bo/co-quan',
      icon: menuIcon(<ApartmentIcon />),
      label: t('nav.agencies'),
    },
    hasRole(me, 'agency_admin', 'province_admin', 'auditor') && {
      key: '/can-bo/nguoi-dung',
      icon: menuIcon(<TeamIcon />),
      label: t('nav.users'),
    },
    hasRole(me, 'province_admin') && {
      key: '/can-bo/lich-nghi',
      icon: menuIcon(<CalendarIcon />),
      label: t('nav.calendar'),
    },
    // Statistics: the roles with report.read.
    hasRole(me, 'approver', 'agency_admin', 'province_admin', 'auditor') && {
      key: '/can-bo/bao-cao',
      icon: menuIcon(<BarChartIcon />),
      label: t('nav.reports'),
    },
    // Chỉ số CCHC (PAR Index): the unit's focal officer and head, the appraisers, the organiser.
    hasRole(me, 'par_focal', 'approver', 'par_appraiser', 'par_organiser') && {
      key: '/can-bo/chi-so-cchc',
      icon: menuIcon(<TrophyIcon />),
      label: t('nav.par'),
    },
    // SIPAS satisfaction surveys: the roles with sipas.read or sipas.survey.
    hasRole(me, 'sipas_organiser', 'surveyor', 'approver', 'agency_admin', 'province_admin', 'auditor') && {
      key: '/can-bo/khao-sat',
      icon: menuIcon(<LikeIcon />),
      label: t('nav.sipas'),
    },
    // The PAR Index results: the organiser's dashboard (Sở Nội vụ).
    hasRole(me, 'par_organiser') && {
      key: '/can-bo/chi-so-cchc/ket-qua',
      icon: menuIcon(<BarChartIcon />),
      label: t('nav.parResults'),
    },
    // Feedback on regulations (PAKN): the roles with pakn.read.
    hasRole(me, 'pakn_officer', 'approver', 'province_admin', 'auditor') && {
      key: '/can-bo/pakn',
      icon: menuIcon(<MessageIcon />),
      label: t('nav.pakn'),
    },
    // Incoming documents (văn bản đến, Decree 30/2020): the clerk, specialists, unit and agency heads.
    hasRole(me, 'clerk', 'specialist', 'unit_head', 'agency_head') && {
      key: '/can-bo/van-ban-den',
      icon: menuIcon(<IncomingIcon />),
      label: t('nav.incoming'),
    },
    // Work calendars (lịch công tác): every role with work.read.
    hasRole(me, 'clerk', 'specialist', 'unit_head', 'agency_head', 'personnel_officer') && {
      key: '/can-bo/lich-cong-tac',
      icon: menuIcon(<ScheduleIcon />),
      label: t('nav.schedule'),
    },
    // Tasks (giao việc): every official of the e-office (their own tasks; the heads assign and track).
    hasRole(me, 'clerk', 'specialist', 'unit_head', 'agency_head') && {
      key: '/can-bo/cong-viec',
      icon: menuIcon(<TasksIcon />),
      label: t('nav.tasks'),
    },
    // Outgoing documents (văn bản đi): the roles of official documents.
    hasRole(me, 'clerk', 'specialist', 'unit_head', 'agency_head') && {
      key: '/can-bo/van-ban-di',
      icon: menuIcon(<SendIcon />),
      label: t('nav.outgoing'),
    },
    // Consultation on drafts (lấy ý kiến dự thảo): the roles with consultation.manage or consultation.answer.
    hasRole(me, 'specialist', 'unit_head', 'agency_head') && {
      key: '/can-bo/lay-y-kien',
      icon: menuIcon(<ConsultationIcon />),
      label: t('nav.consultations'),
    },
    // Exchange of documents between agencies (liên thông văn bản): the clerk, and the heads who follow it.
    hasRole(me, 'clerk', 'unit_head', 'agency_head') && {
      key: '/can-bo/van-ban/lien-thong',
      icon: menuIcon(<SwapIcon />),
      label: t('nav.exchange'),
    },
    // Work files (hồ sơ công việc, Decree 30/2020 Art. 28–29): who keeps files (workfile.manage).
    hasRole(me, 'clerk', 'specialist', 'unit_head', 'agency_head') && {
      key: '/can-bo/ho-so-cong-viec',
      icon: menuIcon(<WorkFileIcon />),
      label: t('nav.workFiles'),
    },
    // Registers of official documents: the roles with document.read or report.read.
    hasRole(
      me,
      'clerk',
      'specialist',
      'unit_head',
      'agency_head',
      'approver',
      'agency_admin',
      'province_admin',
      'auditor',
      'par_organiser',
    ) && {
      key: '/can-bo/so-van-ban',
      icon: menuIcon(<RegisterIcon />),
      label: t('nav.documentRegisters'),
    },
    // The leader's operations dashboard (issue 20 item 6): heads of unit and of agency.
    hasRole(me, 'unit_head', 'agency_head') && {
      key: '/can-bo/dieu-hanh',
      icon: menuIcon(<DashboardIcon />),
      label: t('nav.workDashboard'),
    },
    // Staff evaluation (issue 20 item 5): every official of the e-office sees their own sheet; heads and the
    // personnel officer their units' periods.
    hasRole(me, 'clerk', 'specialist', 'unit_head', 'agency_head', 'personnel_officer') && {
      key: '/can-bo/danh-gia',
      icon: menuIcon(<EvaluationIcon />),
      label: t('nav.evaluation'),
    },
    // The official's notices (thông báo): task warnings and steps, consultations, evaluation, calendar changes.
    hasRole(me, ...NOTICE_ROLES) && {
      key: '/can-bo/thong-bao',
      icon: menuIcon(<NoticesIcon />),
      label: t('nav.notices'),
    },
    // Tích hợp (issue 21): the national portal's sync monitor and connection for the roles with integration.read;
    // the catalog pull and webhooks for the province administrator (integration.manage).
    ...(hasRole(me, 'province_admin', 'auditor')
      ? [
          { group: t('nav.integrationGroup') },
          { key: '/can-bo/tich-hop/dvcqg', icon: menuIcon(<IntegrationIcon />), label: t('nav.dvcqgMonitor') },
          { key: '/can-bo/tich-hop/cai-dat', icon: menuIcon(<SwapIcon />), label: t('nav.dvcqgSettings') },
        ]
      : []),
    hasRole(me, 'province_admin') && {
      key: '/can-bo/tich-hop/danh-muc',
      icon: menuIcon(<BookIcon />),
      label: t('nav.integrationCatalog'),
    },
    hasRole(me, 'province_admin') && {
      key: '/can-bo/tich-hop/webhook',
      icon: menuIcon(<WebhookIcon />),
      label: t('nav.webhooks'),
    },
    // The portal's news and pages (issue 22 item 1): its authors and editors.
    hasRole(me, 'portal_author', 'portal_editor') && {
      key: '/can-bo/cong-thong-tin',
      icon: menuIcon(<NewsIcon />),
      label: t('nav.portalNews'),
    },
    // The portal's appearance (issue 22 item 4): the province administrator edits it, the portal's writers read it.
    hasRole(me, 'province_admin', 'portal_author', 'portal_editor') && {
      key: '/can-bo/cong-thong-tin/giao-dien',
      icon: menuIcon(<AppearanceIcon />),
      label: t('nav.portalAppearance'),
    },
    // The portal's menu (issue 22 item 1): editors change it, authors read it.
    hasRole(me, 'portal_author', 'portal_editor') && {
      key: '/can-bo/cong-thong-tin/menu',
      icon: menuIcon(<NewsIcon />),
      label: t('nav.portalMenu'),
    },
    // Procedure decisions (issue 22 item 2): the portal editors and the catalog managers draft and publish them.
    hasRole(me, 'portal_editor', 'province_admin') && {
      key: '/can-bo/quyet-dinh-cong-bo',
      icon: menuIcon(<BookIcon />),
      label: t('nav.procedureDecisions'),
    },
    // The hosting centre (issue 22 item 4): its administrator opens provinces and reads figures across them.
    ...(me?.hostingAdmin === true
      ? [
          { group: t('nav.hostingGroup') },
          { key: '/can-bo/he-thong/tinh-thanh', icon: menuIcon(<GlobalIcon />), label: t('nav.hostingProvinces') },
          { key: '/can-bo/he-thong/so-lieu', icon: menuIcon(<BarChartIcon />), label: t('nav.hostingFigures') },
        ]
      : []),
    { divider: true },
    { key: '/', icon: menuIcon(<GlobalIcon />), label: t('nav.portal') },
  ];
  const items = mustChangePassword ? [] : candidates.filter((item): item is NavItem => item !== false);

  const selected =
    [
      '/can-bo/tiep-nhan',
      '/can-bo/thu-tuc',
      '/can-bo/co-quan',
      '/can-bo/nguoi-dung',
      '/can-bo/lich-nghi',
      '/can-bo/bao-cao',
      '/can-bo/chi-so-cchc/ket-qua',
      '/can-bo/chi-so-cchc',
      '/can-bo/khao-sat',
      '/can-bo/pakn',
      '/can-bo/so-van-ban',
      '/can-bo/van-ban/lien-thong',
      '/can-bo/van-ban-di',
      '/can-bo/van-ban-den',
      '/can-bo/lich-cong-tac',
      '/can-bo/ho-so-cong-viec',
      '/can-bo/lay-y-kien',
      '/can-bo/dieu-hanh',
      '/can-bo/danh-gia',
      '/can-bo/thong-bao',
      '/can-bo/tich-hop/webhook',
      '/can-bo/tich-hop/danh-muc',
      '/can-bo/tich-hop/dvcqg',
      '/can-bo/tich-hop/cai-dat',
      '/can-bo/cong-thong-tin/giao-dien',
      '/can-bo/cong-thong-tin/menu',
      '/can-bo/cong-thong-tin',
      '/can-bo/quyet-dinh-cong-bo',
      '/can-bo/he-thong/tinh-thanh',
      '/can-bo/he-thong/so-lieu',
    ].find((prefix) => location.pathname.startsWith(prefix)) ??
    (location.pathname.startsWith('/can-bo') ? '/can-bo' : location.pathname);

  const language = i18n.language === 'en' ? 'en' : 'vi';
  const roleLines = [...new Set(me?.roles.map((r) => `${r.roleLabel[language]} — ${r.agencyName}`) ?? [])];
  const userMenu: UserMenuProps = {
    fullName: me?.fullName ?? '',
    roleLines,
    narrow,
    onChangePassword: () => void navigate(CHANGE_PASSWORD_PATH),
    onSignOut: () => signOut.mutate(),
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink />
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: narrow ? 8 : 12,
          position: 'sticky',
          top: 0,
          zIndex: 10,
          ...(narrow ? { paddingInline: 12 } : {}),
        }}
      >
        {narrow ? (
          <Button
            type="text"
            icon={<MenuOutlined aria-hidden />}
            style={{ color: '#fff' }}
            aria-label={t('nav.menu')}
            aria-expanded={drawerOpen}
            aria-controls="console-menu"
            onClick={() => setDrawerOpen(true)}
          />
        ) : null}
        {/* On a 390 px phone the title gives way (ellipsis) before the header could grow wider than the screen. */}
        <Link
          to="/can-bo"
          style={{
            color: '#fff',
            fontWeight: 600,
            fontSize: 16,
            whiteSpace: 'nowrap',
            minWidth: 0,
            overflow: 'hidden',
            textOverflow: 'ellipsis',
          }}
        >
          {t('app.shortName')}
        </Link>
        {provinceName && !narrow ? (
          <span
            data-testid="console-province"
            style={{ color: '#fff', opacity: 0.92, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
          >
            {provinceName}
          </span>
        ) : null}
        <div style={{ flex: 1 }} />
        {hasRole(me, ...NOTICE_ROLES) && !mustChangePassword ? (
          <Suspense fallback={null}>
            <NoticeBell />
          </Suspense>
        ) : null}
        <LanguageSwitch size="small" compact={narrow} />
        <Suspense fallback={<UserButton {...userMenu} />}>
          <UserMenu {...userMenu} />
        </Suspense>
      </Layout.Header>
      <Layout>
        {narrow ? (
          <Suspense fallback={null}>
            <Drawer
              placement="left"
              size={280}
              open={drawerOpen}
              onClose={() => setDrawerOpen(false)}
              title={t('nav.menu')}
              styles={{ body: { padding: 0 } }}
            >
              <nav id="console-menu" aria-label={t('nav.menu')}>
                <ConsoleNav items={items} selected={selected} />
              </nav>
            </Drawer>
          </Suspense>
        ) : (
          <Layout.Sider
            width={248}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            collapsedWidth={64}
            breakpoint="lg"
            theme="light"
            style={{ borderRight: '1px solid #eee' }}
          >
            <nav aria-label={t('nav.menu')}>
              <ConsoleNav items={items} selected={selected} collapsed={collapsed} />
            </nav>
          </Layout.Sider>
        )}
        <Layout.Content id="main" tabIndex={-1} style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      <Layout.Footer style={{ padding: '12px 16px' }}>
        <StatusFooter />
      </Layout.Footer>
      <span className="visually-hidden" aria-live="polite">
        {signOut.isSuccess ? t('auth.signedOut') : ''}
      </span>
    </Layout>
  );
};

/**
 * An official whose password someone else set (a one-time or administrator-set password, `me.mustChangePassword`)
 * sees only the change page until it is changed: every other console address leads there.
 */
const RequirePasswordChosen = ({ children }: { children: ReactNode }) => {
  const me = useMe().data;
  const location = useLocation();
  if (me?.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return <>{children}</>;
};

export const ConsoleLayout = () => (
  <MessageProvider>
    <RequireOfficial>
      <RequirePasswordChosen>
        <ConsoleChrome />
      </RequirePasswordChosen>
    </RequireOfficial>
  </MessageProvider>
);

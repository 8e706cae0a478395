import { lazy } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { NotFoundPage } from './components/NotFoundPage';
import { RouteError } from './components/RouteError';

/**
 * Every page is its own chunk (React.lazy), so the portal's first load carries only the shell and
 * the portal; the console's code loads when an official opens it. Named exports are mapped to
 * the default React.lazy expects.
 */
const PortalLayout = lazy(() => import('./features/portal/PortalLayout').then((m) => ({ default: m.PortalLayout })));
const HomePage = lazy(() => import('./features/portal/HomePage').then((m) => ({ default: m.HomePage })));
const ProcedurePage = lazy(() => import('./features/portal/ProcedurePage').then((m) => ({ default: m.ProcedurePage })));
const TrackingPage = lazy(() => import('./features/portal/TrackingPage').then((m) => ({ default: m.TrackingPage })));
const PaknPage = lazy(() => import('./features/portal/PaknPage').then((m) => ({ default: m.PaknPage })));
const PaknAnswersPage = lazy(() =>
  import('./features/pakn/PaknAnswersPage').then((m) => ({ default: m.PaknAnswersPage })),
);
const PaknAnswerPage = lazy(() =>
  import('./features/pakn/PaknAnswersPage').then((m) => ({ default: m.PaknAnswerPage })),
);
const WorkFilesPage = lazy(() =>
  import('./features/work-files/WorkFilesPage').then((m) => ({ default: m.WorkFilesPage })),
);
const WorkFilePage = lazy(() =>
  import('./features/work-files/WorkFilePage').then((m) => ({ default: m.WorkFilePage })),
);
const FileListPage = lazy(() =>
  import('./features/work-files/FileListPage').then((m) => ({ default: m.FileListPage })),
);
const IncomingInboxPage = lazy(() =>
  import('./features/eoffice-incoming/IncomingInboxPage').then((m) => ({ default: m.IncomingInboxPage })),
);
const IncomingDocumentPage = lazy(() =>
  import('./features/eoffice-incoming/IncomingDocumentPage').then((m) => ({ default: m.IncomingDocumentPage })),
);
const SchedulePage = lazy(() =>
  import('./features/work-schedule/SchedulePage').then((m) => ({ default: m.SchedulePage })),
);
const PortalNewsPage = lazy(() =>
  import('./features/portal-news/PortalNewsPage').then((m) => ({ default: m.PortalNewsPage })),
);
const ProvinceSitePage = lazy(() =>
  import('./features/province-site/ProvinceSitePage').then((m) => ({ default: m.ProvinceSitePage })),
);
const PortalMenuPage = lazy(() =>
  import('./features/portal-menu/PortalMenuPage').then((m) => ({ default: m.PortalMenuPage })),
);
const DecisionDraftsPage = lazy(() =>
  import('./features/portal-decisions/DecisionDraftsPage').then((m) => ({ default: m.DecisionDraftsPage })),
);
const DecisionDraftPage = lazy(() =>
  import('./features/portal-decisions/DecisionDraftPage').then((m) => ({ default: m.DecisionDraftPage })),
);
const PublicSchedulePage = lazy(() =>
  import('./features/work-schedule/PublicSchedulePage').then((m) => ({ default: m.PublicSchedulePage })),
);
const TaskListPage = lazy(() =>
  import('./features/work-tasks/TaskListPage').then((m) => ({ default: m.TaskListPage })),
);
const TaskPage = lazy(() => import('./features/work-tasks/TaskPage').then((m) => ({ default: m.TaskPage })));
const AssignTaskPage = lazy(() =>
  import('./features/work-tasks/AssignTaskPage').then((m) => ({ default: m.AssignTaskPage })),
);
const TaskTrackingPage = lazy(() =>
  import('./features/work-tasks/TaskTrackingPage').then((m) => ({ default: m.TaskTrackingPage })),
);
const NoticesPage = lazy(() => import('./features/work-notices/NoticesPage').then((m) => ({ default: m.NoticesPage })));
const PaknInboxPage = lazy(() => import('./features/pakn/PaknInboxPage').then((m) => ({ default: m.PaknInboxPage })));
const PaknEntryPage = lazy(() => import('./features/pakn/PaknEntryPage').then((m) => ({ default: m.PaknEntryPage })));
const PaknStatisticsPage = lazy(() =>
  import('./features/pakn/PaknStatisticsPage').then((m) => ({ default: m.PaknStatisticsPage })),
);
const WebhooksPage = lazy(() =>
  import('./features/integration-webhooks/WebhooksPage').then((m) => ({ default: m.WebhooksPage })),
);
const EvaluationPage = lazy(() =>
  import('./features/evaluation/EvaluationPage').then((m) => ({ default: m.EvaluationPage })),
);
const EvaluationSheetPage = lazy(() =>
  import('./features/evaluation/EvaluationSheetPage').then((m) => ({ default: m.EvaluationSheetPage })),
);
const EvaluationSettingsPage = lazy(() =>
  import('./features/evaluation/EvaluationSettingsPage').then((m) => ({ default: m.EvaluationSettingsPage })),
);
const DvcqgMonitorPage = lazy(() =>
  import('./features/integration-dvcqg/DvcqgMonitorPage').then((m) => ({ default: m.DvcqgMonitorPage })),
);
const DvcqgSettingsPage = lazy(() =>
  import('./features/integration-dvcqg/DvcqgSettingsPage').then((m) => ({ default: m.DvcqgSettingsPage })),
);
const WorkDashboardPage = lazy(() =>
  import('./features/work-dashboard/WorkDashboardPage').then((m) => ({ default: m.WorkDashboardPage })),
);
const DocumentRegistersPage = lazy(() =>
  import('./features/eoffice-registers/DocumentRegistersPage').then((m) => ({ default: m.DocumentRegistersPage })),
);
const SigningCredentialsPage = lazy(() =>
  import('./features/eoffice-signing/SigningCredentialsPage').then((m) => ({ default: m.SigningCredentialsPage })),
);
const ExchangePage = lazy(() =>
  import('./features/eoffice-exchange/ExchangePage').then((m) => ({ default: m.ExchangePage })),
);
const PaknSettingsPage = lazy(() =>
  import('./features/pakn/PaknSettingsPage').then((m) => ({ default: m.PaknSettingsPage })),
);
const SurveyEntryPage = lazy(() =>
  import('./features/sipas/SurveyEntryPage').then((m) => ({ default: m.SurveyEntryPage })),
);
const OutgoingListPage = lazy(() =>
  import('./features/eoffice-outgoing/OutgoingListPage').then((m) => ({ default: m.OutgoingListPage })),
);
const OutgoingNewPage = lazy(() =>
  import('./features/eoffice-outgoing/OutgoingNewPage').then((m) => ({ default: m.OutgoingNewPage })),
);
const OutgoingDocumentPage = lazy(() =>
  import('./features/eoffice-outgoing/OutgoingDocumentPage').then((m) => ({ default: m.OutgoingDocumentPage })),
);
const ConsultationListPage = lazy(() =>
  import('./features/work-consultations/ConsultationListPage').then((m) => ({ default: m.ConsultationListPage })),
);
const ConsultationNewPage = lazy(() =>
  import('./features/work-consultations/ConsultationNewPage').then((m) => ({ default: m.ConsultationNewPage })),
);
const ConsultationPage = lazy(() =>
  import('./features/work-consultations/ConsultationPage').then((m) => ({ default: m.ConsultationPage })),
);
const VerifyPage = lazy(() => import('./features/portal/VerifyPage').then((m) => ({ default: m.VerifyPage })));
const DocumentVerifyPage = lazy(() =>
  import('./features/doc-verify/DocumentVerifyPage').then((m) => ({ default: m.DocumentVerifyPage })),
);
const SurveyAnswerPage = lazy(() =>
  import('./features/sipas/SurveyAnswerPage').then((m) => ({ default: m.SurveyAnswerPage })),
);
const CitizenSignInPage = lazy(() =>
  import('./features/citizen/CitizenSignInPage').then((m) => ({ default: m.CitizenSignInPage })),
);
const SubmitPage = lazy(() => import('./features/submit/SubmitPage').then((m) => ({ default: m.SubmitPage })));
const MyDossiersPage = lazy(() =>
  import('./features/citizen/MyDossiersPage').then((m) => ({ default: m.MyDossiersPage })),
);
const MyDossierPage = lazy(() =>
  import('./features/citizen/MyDossierPage').then((m) => ({ default: m.MyDossierPage })),
);
const ParIndexPage = lazy(() => import('./features/portal/ParIndexPage').then((m) => ({ default: m.ParIndexPage })));
const DraftsPage = lazy(() => import('./features/citizen/DraftsPage').then((m) => ({ default: m.DraftsPage })));

const SignInPage = lazy(() => import('./features/auth/SignInPage').then((m) => ({ default: m.SignInPage })));
const ConsoleLayout = lazy(() =>
  import('./features/console/ConsoleLayout').then((m) => ({ default: m.ConsoleLayout })),
);
const InboxPage = lazy(() => import('./features/inbox/InboxPage').then((m) => ({ default: m.InboxPage })));
const IntakePage = lazy(() => import('./features/intake/IntakePage').then((m) => ({ default: m.IntakePage })));
const DossierPage = lazy(() => import('./features/dossier/DossierPage').then((m) => ({ default: m.DossierPage })));
const CatalogAdminPage = lazy(() =>
  import('./features/catalog/CatalogAdminPage').then((m) => ({ default: m.CatalogAdminPage })),
);
const ProcedureAdminPage = lazy(() =>
  import('./features/catalog/ProcedureAdminPage').then((m) => ({ default: m.ProcedureAdminPage })),
);
const AgenciesPage = lazy(() => import('./features/agencies/AgenciesPage').then((m) => ({ default: m.AgenciesPage })));
const UsersPage = lazy(() => import('./features/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const ReportsPage = lazy(() => import('./features/reports').then((m) => ({ default: m.ReportsPage })));
// Its own chunk: the import page needs none of the dashboards' charts.
const ReportImportPage = lazy(() =>
  import('./features/reports/ImportPage').then((m) => ({ default: m.ReportImportPage })),
);
const CatalogPullPage = lazy(() =>
  import('./features/integration-catalog/CatalogPullPage').then((m) => ({ default: m.CatalogPullPage })),
);
const ParResultsPage = lazy(() =>
  import('./features/par/results/ParResultsPage').then((m) => ({ default: m.ParResultsPage })),
);
const ParNationalTablePage = lazy(() =>
  import('./features/par/results/NationalTablePage').then((m) => ({ default: m.NationalTablePage })),
);
const ParRoundsPage = lazy(() =>
  import('./features/par/scorecard/ParRoundsPage').then((m) => ({ default: m.ParRoundsPage })),
);
const ParScorecardPage = lazy(() =>
  import('./features/par/scorecard/ScorecardPage').then((m) => ({ default: m.ScorecardPage })),
);
const QuestionnaireDesignerPage = lazy(() =>
  import('./features/sipas/QuestionnaireDesignerPage').then((m) => ({ default: m.QuestionnaireDesignerPage })),
);
const SipasPage = lazy(() => import('./features/sipas/SipasPage').then((m) => ({ default: m.SipasPage })));
const CalendarAdminPage = lazy(() =>
  import('./features/calendar/CalendarAdminPage').then((m) => ({ default: m.CalendarAdminPage })),
);

// The PAR Index section (Chỉ số CCHC): its tabs, then each tab's pages.
const ParSection = lazy(() => import('./features/par/ParSection').then((m) => ({ default: m.ParSection })));
const CriteriaSetsPage = lazy(() =>
  import('./features/par/criteria-sets/CriteriaSetsPage').then((m) => ({ default: m.CriteriaSetsPage })),
);
const CriteriaSetPage = lazy(() =>
  import('./features/par/criteria-sets/CriteriaSetPage').then((m) => ({ default: m.CriteriaSetPage })),
);

const DecisionsPage = lazy(() =>
  import('./features/portal-decisions/DecisionsPage').then((m) => ({ default: m.DecisionsPage })),
);
const DecisionPage = lazy(() =>
  import('./features/portal-decisions/DecisionPage').then((m) => ({ default: m.DecisionPage })),
);
const StatisticsResultsPage = lazy(() =>
  import('./features/portal-results/StatisticsResultsPage').then((m) => ({ default: m.StatisticsResultsPage })),
);
const SipasResultsPage = lazy(() =>
  import('./features/portal-results/SipasResultsPage').then((m) => ({ default: m.SipasResultsPage })),
);
const ServiceIndexResultsPage = lazy(() =>
  import('./features/portal-results/ServiceIndexResultsPage').then((m) => ({ default: m.ServiceIndexResultsPage })),
);

const ChangePasswordPage = lazy(() =>
  import('./features/account/ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })),
);
const ProvincesPage = lazy(() =>
  import('./features/hosting/ProvincesPage').then((m) => ({ default: m.ProvincesPage })),
);
const HostingFiguresPage = lazy(() =>
  import('./features/hosting/HostingFiguresPage').then((m) => ({ default: m.HostingFiguresPage })),
);
/**
 * The citizens' portal, every page in the same layout: search and procedure pages, public tracking,
 * PAKN and result verification for everybody; sign-in, online submission, my dossiers and drafts
 * for signed-in citizens (their code loads only when opened).
 */
export const portalRoutes: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: 'thu-tuc/:code', element: <ProcedurePage /> },
  { path: 'tra-cuu-ho-so', element: <TrackingPage /> },
  { path: 'phan-anh-kien-nghi', element: <PaknPage /> },
  { path: 'phan-anh-kien-nghi/cong-khai', element: <PaknAnswersPage /> },
  { path: 'phan-anh-kien-nghi/cong-khai/:code', element: <PaknAnswerPage /> },
  { path: 'xac-minh/:sha256', element: <VerifyPage /> },
  { path: 'khao-sat/:token', element: <SurveyAnswerPage /> },
  { path: 'xac-thuc-van-ban', element: <DocumentVerifyPage /> },
  { path: 'xac-thuc-van-ban/:token', element: <DocumentVerifyPage /> },
  { path: 'dang-nhap', element: <CitizenSignInPage /> },
  { path: 'nop-ho-so/:code', element: <SubmitPage /> },
  { path: 'ca-nhan', element: <Navigate to="/ca-nhan/ho-so" replace /> },
  { path: 'ca-nhan/ho-so', element: <MyDossiersPage /> },
  { path: 'ca-nhan/ho-so/:code', element: <MyDossierPage /> },
  { path: 'ca-nhan/nhap', element: <DraftsPage /> },
  { path: 'chi-so-cchc', element: <ParIndexPage /> },
  { path: 'lich-cong-tac', element: <PublicSchedulePage /> },
  { path: 'quyet-dinh-cong-bo', element: <DecisionsPage /> },
  { path: 'quyet-dinh-cong-bo/:id', element: <DecisionPage /> },
  { path: 'ket-qua', element: <Navigate to="/ket-qua/thong-ke" replace /> },
  { path: 'ket-qua/thong-ke', element: <StatisticsResultsPage /> },
  { path: 'ket-qua/chi-so-766', element: <ServiceIndexResultsPage /> },
  { path: 'ket-qua/sipas', element: <SipasResultsPage /> },
];

/** The officials' console, behind sign-in. */
export const consoleRoutes: RouteObject[] = [
  { index: true, element: <InboxPage /> },
  { path: 'tiep-nhan', element: <IntakePage /> },
  { path: 'ho-so/:code', element: <DossierPage /> },
  { path: 'thu-tuc', element: <CatalogAdminPage /> },
  { path: 'thu-tuc/:code', element: <ProcedureAdminPage /> },
  { path: 'co-quan', element: <AgenciesPage /> },
  { path: 'nguoi-dung', element: <UsersPage /> },
  { path: 'lich-nghi', element: <CalendarAdminPage /> },
  { path: 'bao-cao', element: <ReportsPage /> },
  { path: 'bao-cao/nhap-du-lieu', element: <ReportImportPage /> },
  { path: 'chi-so-cchc/ket-qua', element: <ParResultsPage /> },
  { path: 'chi-so-cchc/bang-quoc-gia', element: <ParNationalTablePage /> },
  {
    path: 'chi-so-cchc',
    element: <ParSection />,
    children: [
      { index: true, element: <Navigate to="dot-danh-gia" replace /> },
      { path: 'dot-danh-gia', element: <ParRoundsPage /> },
      { path: 'dot-danh-gia/:roundId/:agencyId', element: <ParScorecardPage /> },
      { path: 'bo-tieu-chi', element: <CriteriaSetsPage /> },
      { path: 'bo-tieu-chi/:id', element: <CriteriaSetPage /> },
    ],
  },
  { path: 'khao-sat', element: <SipasPage /> },
  { path: 'khao-sat/bang-hoi', element: <QuestionnaireDesignerPage /> },
  { path: 'khao-sat/nhap-phieu', element: <SurveyEntryPage /> },
  { path: 'khao-sat/:id', element: <SipasPage /> },
  { path: 'pakn', element: <PaknInboxPage /> },
  { path: 'pakn/thong-ke', element: <PaknStatisticsPage /> },
  { path: 'pakn/cai-dat', element: <PaknSettingsPage /> },
  { path: 'pakn/:code', element: <PaknEntryPage /> },
  { path: 'so-van-ban', element: <DocumentRegistersPage /> },
  { path: 'dieu-hanh', element: <WorkDashboardPage /> },
  { path: 'danh-gia', element: <EvaluationPage /> },
  { path: 'danh-gia/phieu/:id', element: <EvaluationSheetPage /> },
  { path: 'danh-gia/cau-hinh', element: <EvaluationSettingsPage /> },
  { path: 'tich-hop/webhook', element: <WebhooksPage /> },
  { path: 'van-ban/lien-thong', element: <ExchangePage /> },
  { path: 'van-ban/chung-thu-so', element: <SigningCredentialsPage /> },
  { path: 'van-ban-di', element: <OutgoingListPage /> },
  { path: 'van-ban-di/moi', element: <OutgoingNewPage /> },
  { path: 'van-ban-di/:id', element: <OutgoingDocumentPage /> },
  { path: 'lay-y-kien', element: <ConsultationListPage /> },
  { path: 'lay-y-kien/moi', element: <ConsultationNewPage /> },
  { path: 'lay-y-kien/:id', element: <ConsultationPage /> },
  { path: 'van-ban-den', element: <IncomingInboxPage /> },
  { path: 'van-ban-den/:id', element: <IncomingDocumentPage /> },
  { path: 'lich-cong-tac', element: <SchedulePage /> },
  { path: 'cong-viec', element: <TaskListPage /> },
  { path: 'cong-viec/giao-viec', element: <AssignTaskPage /> },
  { path: 'cong-viec/theo-doi', element: <TaskTrackingPage /> },
  { path: 'cong-viec/:id', element: <TaskPage /> },
  { path: 'ho-so-cong-viec', element: <WorkFilesPage /> },
  { path: 'ho-so-cong-viec/:id', element: <WorkFilePage /> },
  { path: 'danh-muc-ho-so', element: <FileListPage /> },
  { path: 'thong-bao', element: <NoticesPage /> },
  { path: 'tich-hop/danh-muc', element: <CatalogPullPage /> },
  { path: 'tich-hop/dvcqg', element: <DvcqgMonitorPage /> },
  { path: 'tich-hop/cai-dat', element: <DvcqgSettingsPage /> },
  { path: 'cong-thong-tin', element: <PortalNewsPage /> },
  { path: 'cong-thong-tin/giao-dien', element: <ProvinceSitePage /> },
  { path: 'cong-thong-tin/menu', element: <PortalMenuPage /> },
  { path: 'quyet-dinh-cong-bo', element: <DecisionDraftsPage /> },
  { path: 'quyet-dinh-cong-bo/:id', element: <DecisionDraftPage /> },
  { path: 'he-thong/tinh-thanh', element: <ProvincesPage /> },
  { path: 'he-thong/so-lieu', element: <HostingFiguresPage /> },
  { path: 'tai-khoan/doi-mat-khau', element: <ChangePasswordPage /> },
  { path: '*', element: <NotFoundPage home="/can-bo" /> },
];

export const routes: RouteObject[] = [
  { path: '/can-bo/dang-nhap', element: <SignInPage />, errorElement: <RouteError /> },
  { path: '/can-bo', element: <ConsoleLayout />, errorElement: <RouteError />, children: consoleRoutes },
  {
    path: '/',
    element: <PortalLayout />,
    errorElement: <RouteError />,
    children: [...portalRoutes, { path: '*', element: <NotFoundPage /> }],
  },
];

export const createRouter = () => createBrowserRouter(routes);

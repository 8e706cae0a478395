import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
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
const CalendarAdminPage = lazy(() =>
  import('./features/calendar/CalendarAdminPage').then((m) => ({ default: m.CalendarAdminPage })),
);

/**
 * The citizens' portal. Phase 2 adds its pages here, inside the same layout:
 * `/tra-cuu-ho-so` (tracking), `/ca-nhan/...` (sign-in, my dossiers, drafts, payment, rating), PAKN.
 */
export const portalRoutes: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: 'thu-tuc/:code', element: <ProcedurePage /> },
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
  // Statistics: mount `ReportsPage` from './features/reports' at 'bao-cao' once that module exists.
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

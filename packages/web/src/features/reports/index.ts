// The reports dashboards (statistics, Decision 766 index, exports). Mount it lazily so ECharts and
// the dashboards stay out of the initial bundle:
//   const ReportsPage = lazy(() => import('./features/reports').then((m) => ({ default: m.ReportsPage })));
export { ReportsPage } from './ReportsPage';

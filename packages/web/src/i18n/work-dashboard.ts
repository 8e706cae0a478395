import { registerTexts } from './register-texts';
import { workDashboardVi } from './work-dashboard-vi';

/* Registers the texts of the leader's dashboard (`workDashboard.*`). Imported by that page only. */
registerTexts({ workDashboard: workDashboardVi }, () =>
  import('./work-dashboard-en').then(({ workDashboardEn }) => ({ workDashboard: workDashboardEn })),
);

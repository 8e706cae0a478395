import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client';
import type { AccountMessages } from './account-vi';
import type { CitizenMessages } from './citizen-vi';
import type { ConsoleAdminMessages } from './console-admin-vi';
import type { ConsoleCoreMessages } from './console-vi';
import type { ConsoleWorkMessages } from './console-work-vi';
import type { DocVerifyMessages } from './doc-verify-vi';
import type { DocumentRegistersMessages } from './document-registers-vi';
import type { EFormsMessages } from './eforms-vi';
import type { IncomingMessages } from './eoffice-incoming-vi';
import type { SigningConsoleMessages } from './eoffice-signing-vi';
import type { EvaluationMessages } from './evaluation-vi';
import type { ExchangeMessages } from './exchange-vi';
import type { HostingMessages } from './hosting-vi';
import type { CatalogPullMessages } from './integration-catalog-vi';
import type { DvcqgMessages } from './integration-dvcqg-vi';
import type { OutgoingMessages } from './outgoing-vi';
import type { PaknConsoleMessages } from './pakn-console-vi';
import type { PaknMessages } from './pakn-vi';
import type { ParResultsMessages } from './par-results-vi';
import type { ParScorecardMessages } from './par-scorecard-vi';
import type { ParMessages, ParSetsMessages } from './par-sets-vi';
import type { PortalConsoleMessages } from './portal-console-vi';
import type { PortalDecisionsMessages } from './portal-decisions-vi';
import type { PortalNewsMessages } from './portal-news-vi';
import type { ProvinceSiteMessages } from './province-site-vi';
import type { ReportImportMessages } from './report-import-vi';
import type { ReportsMessages } from './reports-vi';
import type { SipasMessages } from './sipas-vi';
import { type Messages, vi } from './vi';
import type { WebhooksMessages } from './webhooks-vi';
import type { ConsultationsMessages } from './work-consultations-vi';
import type { WorkDashboardMessages } from './work-dashboard-vi';
import type { WorkFilesMessages } from './work-files-vi';
import type { NoticesMessages } from './work-notices-vi';
import type { ScheduleMessages } from './work-schedule-vi';
import type { TasksMessages } from './work-tasks-vi';

export type Language = 'vi' | 'en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // The console's texts are added when its pages load (./console.ts), `citizen.*` when the citizen
    // pages load (./citizen.ts; `citizen.pakn.*` with the feedback page, ./pakn.ts), English when the reader chooses it (./en.ts), `reports.*` and
    // `reportImport.*` with the reports' pages (./reports.ts), `eforms.*` and `formEditor.*` with the
    // application form renderer and editor (./eforms.ts).
    resources: {
      translation: Messages &
        ConsoleCoreMessages &
        ConsoleWorkMessages &
        ConsoleAdminMessages &
        EFormsMessages & {
          citizen: CitizenMessages & { pakn: PaknMessages };
          reports: ReportsMessages;
          reportImport: ReportImportMessages;
          // `account.*` with the official's own account page (./account.ts).
          account: AccountMessages;
          par: ParMessages;
          parSets: ParSetsMessages;
          parResults: ParResultsMessages;
          parScorecard: ParScorecardMessages;
          // `sipas.*` with the SIPAS pages (./sipas.ts).
          sipas: SipasMessages;
          pakn: PaknConsoleMessages;
          // `documentRegisters.*` with the document registers page (./document-registers.ts).
          documentRegisters: DocumentRegistersMessages;
          // `exchange.*` with the exchange page (./exchange.ts).
          exchange: ExchangeMessages;
          // `docVerify.*` with the document verification page (./doc-verify.ts).
          docVerify: DocVerifyMessages;
          // `outgoing.*` with the outgoing documents pages (./outgoing.ts).
          outgoing: OutgoingMessages;
          // `incoming.*` with the incoming documents pages (./eoffice-incoming.ts).
          incoming: IncomingMessages;
          // `workFiles.*` with the work files pages (./work-files.ts).
          workFiles: WorkFilesMessages;
          // `signingConsole.*` with the signing certificates page (./eoffice-signing.ts).
          signingConsole: SigningConsoleMessages;
          // `schedule.*` with the work calendar pages (./work-schedule.ts).
          schedule: ScheduleMessages;
          // `portalNews.*` with the portal news console page (./portal-news.ts).
          portalNews: PortalNewsMessages;
          // `portalConsole.*` with the portal menu and procedure-decision console pages (./portal-console.ts).
          portalConsole: PortalConsoleMessages;
          // `tasks.*` with the task pages (./work-tasks.ts).
          tasks: TasksMessages;
          // `consultations.*` with the consultation pages (./work-consultations.ts).
          consultations: ConsultationsMessages;
          // `workDashboard.*` with the leader's dashboard (./work-dashboard.ts).
          workDashboard: WorkDashboardMessages;
          // `evaluation.*` with the staff evaluation pages (./evaluation.ts).
          evaluation: EvaluationMessages;
          // `notices.*` with the officials' notices and the header's badge (./work-notices.ts).
          notices: NoticesMessages;
          // `webhooks.*` with the webhook page (./webhooks.ts).
          webhooks: WebhooksMessages;
          // `catalogPull.*` with the national catalog pull page (./integration-catalog.ts).
          catalogPull: CatalogPullMessages;
          // `dvcqg.*` with the national portal connection's pages and the dossier's sync panel (./integration-dvcqg.ts).
          dvcqg: DvcqgMessages;
          // `portalDecisions.*`, `portalResults.*` with the portal's decisions and results pages (./portal-decisions.ts).
          portalDecisions: PortalDecisionsMessages['portalDecisions'];
          portalResults: PortalDecisionsMessages['portalResults'];
          // `provinceSite.*` with the portal appearance page (./province-site.ts).
          provinceSite: ProvinceSiteMessages;
          // `hosting.*` with the hosting centre's pages (./hosting.ts).
          hosting: HostingMessages;
        };
    };
  }
}

const STORAGE_KEY = 'motcua.language';

const initialLanguage = (): Language => {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
};

const language = initialLanguage();
setApiLanguage(language);
if (typeof document !== 'undefined') {
  document.documentElement.lang = language;
}

/*
 * Vietnamese comes with the shell; the English texts (./en.ts) are fetched only by a reader who uses
 * them: before the first render when English was chosen on an earlier visit (`i18nReady`, awaited by
 * main.tsx), otherwise when the reader switches (`changeLanguage` waits for them, so no page ever
 * shows a mix of the two languages).
 */
let english: Promise<void> | undefined;
const loadEnglish = (): Promise<void> => {
  english ??= import('./en').then(({ en }) => {
    i18n.addResourceBundle('en', 'translation', en, true, true);
  });
  return english;
};

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi } },
  lng: language,
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
  // Pages re-render when texts are added later (the citizen pages' English, see ./citizen.ts).
  react: { bindI18nStore: 'added' },
});

/**
 * Resolves when the texts of the first page's language are there (at once for Vietnamese). Never
 * rejects: if the English texts cannot be fetched, the page shows in Vietnamese, the fallback.
 */
export const i18nReady: Promise<void> = language === 'en' ? loadEnglish().catch(() => undefined) : Promise.resolve();

export const changeLanguage = async (next: Language): Promise<void> => {
  if (next === 'en') {
    await loadEnglish();
  }
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // private browsing: the choice lasts for this page only
  }
  document.documentElement.lang = next;
  setApiLanguage(next);
  await i18n.changeLanguage(next);
};

export const currentLanguage = (): Language => (i18n.language === 'en' ? 'en' : 'vi');

export { i18n };

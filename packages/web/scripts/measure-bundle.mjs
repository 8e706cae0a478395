#!/usr/bin/env node
/**
 * Measures what the browser must download before a page can show: the entry chunk plus the
 * lazily loaded chunks of the page's route (its layout and page component) and everything they
 * import statically, gzip-compressed (level 9). Reads the Vite manifest of `vite build`.
 *
 *   node scripts/measure-bundle.mjs            print the table
 *   node scripts/measure-bundle.mjs --write    also write it to docs/performance.md, "## Web bundle"
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const webRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The pages measured: their lazily loaded modules (see src/routes.tsx). `budget: true` marks the
 * pages that must stay within the budget: the portal pages a visitor may open first (from a search
 * engine, a link in a message, the QR code of a receipt; issue 7) and every page of the officials'
 * console (issue 16). The citizen's own pages load after sign-in.
 */
const LAYOUT = 'src/features/portal/PortalLayout.tsx';
const CONSOLE = 'src/features/console/ConsoleLayout.tsx';
export const PAGES = [
  { name: 'Portal home `/` (search)', modules: [LAYOUT, 'src/features/portal/HomePage.tsx'], budget: true },
  {
    name: 'Portal procedure `/thu-tuc/:code`',
    modules: [LAYOUT, 'src/features/portal/ProcedurePage.tsx'],
    budget: true,
  },
  { name: 'Tracking `/tra-cuu-ho-so`', modules: [LAYOUT, 'src/features/portal/TrackingPage.tsx'], budget: true },
  {
    name: 'Feedback (PAKN) `/phan-anh-kien-nghi`',
    modules: [LAYOUT, 'src/features/portal/PaknPage.tsx'],
    budget: true,
  },
  {
    name: 'Result verification `/xac-minh/:sha256`',
    modules: [LAYOUT, 'src/features/portal/VerifyPage.tsx'],
    budget: true,
  },
  {
    name: 'Citizen sign-in `/dang-nhap`',
    modules: [LAYOUT, 'src/features/citizen/CitizenSignInPage.tsx'],
    budget: true,
  },
  { name: 'Online submission `/nop-ho-so/:code`', modules: [LAYOUT, 'src/features/submit/SubmitPage.tsx'] },
  { name: 'My dossiers `/ca-nhan/ho-so`', modules: [LAYOUT, 'src/features/citizen/MyDossiersPage.tsx'] },
  { name: 'My dossier `/ca-nhan/ho-so/:code`', modules: [LAYOUT, 'src/features/citizen/MyDossierPage.tsx'] },
  { name: 'Drafts `/ca-nhan/nhap`', modules: [LAYOUT, 'src/features/citizen/DraftsPage.tsx'] },
  { name: 'Sign-in `/can-bo/dang-nhap`', modules: ['src/features/auth/SignInPage.tsx'], budget: true },
  { name: 'Console inbox `/can-bo`', modules: [CONSOLE, 'src/features/inbox/InboxPage.tsx'], budget: true },
  {
    // The procedure search shows at once; the antd form of the later steps (IntakeWizard.tsx) loads after.
    name: 'Counter intake `/can-bo/tiep-nhan`',
    modules: [CONSOLE, 'src/features/intake/IntakePage.tsx'],
    budget: true,
  },
  { name: 'Dossier `/can-bo/ho-so/:code`', modules: [CONSOLE, 'src/features/dossier/DossierPage.tsx'], budget: true },
  { name: 'Catalog `/can-bo/thu-tuc`', modules: [CONSOLE, 'src/features/catalog/CatalogAdminPage.tsx'], budget: true },
  {
    name: 'Procedure `/can-bo/thu-tuc/:code`',
    modules: [CONSOLE, 'src/features/catalog/ProcedureAdminPage.tsx'],
    budget: true,
  },
  { name: 'Agencies `/can-bo/co-quan`', modules: [CONSOLE, 'src/features/agencies/AgenciesPage.tsx'], budget: true },
  // The new official's dialog (CreateUserDialog.tsx) and the official's drawer load after the page.
  { name: 'Officials `/can-bo/nguoi-dung`', modules: [CONSOLE, 'src/features/users/UsersPage.tsx'], budget: true },
  {
    name: 'Working calendar `/can-bo/lich-nghi`',
    modules: [CONSOLE, 'src/features/calendar/CalendarAdminPage.tsx'],
    budget: true,
  },
  { name: 'Reports `/can-bo/bao-cao` (ECharts)', modules: [CONSOLE, 'src/features/reports/index.ts'], budget: true },
  {
    name: 'Report import `/can-bo/bao-cao/nhap-du-lieu`',
    modules: [CONSOLE, 'src/features/reports/ImportPage.tsx'],
    budget: true,
  },
  {
    name: 'PAR criteria sets `/can-bo/chi-so-cchc/bo-tieu-chi`',
    modules: [CONSOLE, 'src/features/par/ParSection.tsx', 'src/features/par/criteria-sets/CriteriaSetsPage.tsx'],
    budget: true,
  },
  {
    name: 'PAR criteria set `/can-bo/chi-so-cchc/bo-tieu-chi/:id`',
    modules: [CONSOLE, 'src/features/par/ParSection.tsx', 'src/features/par/criteria-sets/CriteriaSetPage.tsx'],
    budget: true,
  },
  {
    name: 'Document registers `/can-bo/so-van-ban` (ECharts)',
    modules: [CONSOLE, 'src/features/eoffice-registers/DocumentRegistersPage.tsx'],
    budget: true,
  },
  {
    name: 'Leader dashboard `/can-bo/dieu-hanh` (ECharts)',
    modules: [CONSOLE, 'src/features/work-dashboard/WorkDashboardPage.tsx'],
    budget: true,
  },
  {
    name: 'Staff evaluation `/can-bo/danh-gia`',
    modules: [CONSOLE, 'src/features/evaluation/EvaluationPage.tsx'],
    budget: true,
  },
  {
    name: 'Evaluation sheet `/can-bo/danh-gia/phieu/:id`',
    modules: [CONSOLE, 'src/features/evaluation/EvaluationSheetPage.tsx'],
    budget: true,
  },
  {
    name: 'Evaluation settings `/can-bo/danh-gia/cau-hinh`',
    modules: [CONSOLE, 'src/features/evaluation/EvaluationSettingsPage.tsx'],
    budget: true,
  },
  {
    name: 'Webhooks `/can-bo/tich-hop/webhook`',
    modules: [CONSOLE, 'src/features/integration-webhooks/WebhooksPage.tsx'],
    budget: true,
  },
  {
    name: 'Document exchange `/can-bo/van-ban/lien-thong`',
    modules: [CONSOLE, 'src/features/eoffice-exchange/ExchangePage.tsx'],
    budget: true,
  },
  {
    name: 'Signing certificates `/can-bo/van-ban/chung-thu-so`',
    modules: [CONSOLE, 'src/features/eoffice-signing/SigningCredentialsPage.tsx'],
    budget: true,
  },
  {
    name: 'Catalog pull from the national portal `/can-bo/tich-hop/danh-muc`',
    modules: [CONSOLE, 'src/features/integration-catalog/CatalogPullPage.tsx'],
    budget: true,
  },
  {
    name: 'PAKN and incoming-document settings `/can-bo/pakn/cai-dat`',
    modules: [CONSOLE, 'src/features/pakn/PaknSettingsPage.tsx'],
    budget: true,
  },
  {
    // The sign step (SignStep.tsx, its page preview and position picker) loads after, when it opens.
    name: 'Outgoing document `/can-bo/van-ban-di/:id`',
    modules: [CONSOLE, 'src/features/eoffice-outgoing/OutgoingDocumentPage.tsx'],
    budget: true,
  },
  {
    name: 'Work calendar `/can-bo/lich-cong-tac`',
    modules: [CONSOLE, 'src/features/work-schedule/SchedulePage.tsx'],
    budget: true,
  },
  {
    name: 'Public work calendar `/lich-cong-tac`',
    modules: [LAYOUT, 'src/features/work-schedule/PublicSchedulePage.tsx'],
    budget: true,
  },
  {
    name: 'Work files `/can-bo/ho-so-cong-viec`',
    modules: [CONSOLE, 'src/features/work-files/WorkFilesPage.tsx'],
    budget: true,
  },
  {
    name: 'Work file `/can-bo/ho-so-cong-viec/:id`',
    modules: [CONSOLE, 'src/features/work-files/WorkFilePage.tsx'],
    budget: true,
  },
  {
    name: 'File list `/can-bo/danh-muc-ho-so`',
    modules: [CONSOLE, 'src/features/work-files/FileListPage.tsx'],
    budget: true,
  },
  {
    name: 'Consultations `/can-bo/lay-y-kien`',
    modules: [CONSOLE, 'src/features/work-consultations/ConsultationListPage.tsx'],
    budget: true,
  },
  {
    // The response and answer forms (ConsultationForms.tsx) load after the page.
    name: 'Consultation on a draft `/can-bo/lay-y-kien/:id`',
    modules: [CONSOLE, 'src/features/work-consultations/ConsultationPage.tsx'],
    budget: true,
  },
  {
    // The form (ConsultationNewForm.tsx: antd Form and Select) loads after the page.
    name: 'New consultation `/can-bo/lay-y-kien/moi`',
    modules: [CONSOLE, 'src/features/work-consultations/ConsultationNewPage.tsx'],
    budget: true,
  },
  {
    name: 'My tasks `/can-bo/cong-viec`',
    modules: [CONSOLE, 'src/features/work-tasks/TaskListPage.tsx'],
    budget: true,
  },
  {
    // The step form (TaskActionForm.tsx: antd Form, Select, InputNumber) loads after the page.
    name: 'Task `/can-bo/cong-viec/:id`',
    modules: [CONSOLE, 'src/features/work-tasks/TaskPage.tsx'],
    budget: true,
  },
  {
    // The form (AssignTaskForm.tsx) loads after the page.
    name: 'Assign a task `/can-bo/cong-viec/giao-viec`',
    modules: [CONSOLE, 'src/features/work-tasks/AssignTaskPage.tsx'],
    budget: true,
  },
  {
    name: 'Task tracking `/can-bo/cong-viec/theo-doi`',
    modules: [CONSOLE, 'src/features/work-tasks/TaskTrackingPage.tsx'],
    budget: true,
  },
  {
    name: 'Incoming documents `/can-bo/van-ban-den`',
    modules: [CONSOLE, 'src/features/eoffice-incoming/IncomingInboxPage.tsx'],
    budget: true,
  },
  {
    // The step form (IncomingActionForm.tsx) loads after the page.
    name: 'Incoming document `/can-bo/van-ban-den/:id`',
    modules: [CONSOLE, 'src/features/eoffice-incoming/IncomingDocumentPage.tsx'],
    budget: true,
  },
  {
    name: 'Outgoing documents `/can-bo/van-ban-di`',
    modules: [CONSOLE, 'src/features/eoffice-outgoing/OutgoingListPage.tsx'],
    budget: true,
  },
  {
    // The form (OutgoingNewForm.tsx) loads after the page.
    name: 'New outgoing draft `/can-bo/van-ban-di/moi`',
    modules: [CONSOLE, 'src/features/eoffice-outgoing/OutgoingNewPage.tsx'],
    budget: true,
  },
  {
    name: 'PAKN inbox `/can-bo/pakn`',
    modules: [CONSOLE, 'src/features/pakn/PaknInboxPage.tsx'],
    budget: true,
  },
  {
    // The step form (PaknActionForm.tsx) loads after the page.
    name: 'PAKN entry `/can-bo/pakn/:code`',
    modules: [CONSOLE, 'src/features/pakn/PaknEntryPage.tsx'],
    budget: true,
  },
  {
    name: 'PAKN statistics `/can-bo/pakn/thong-ke`',
    modules: [CONSOLE, 'src/features/pakn/PaknStatisticsPage.tsx'],
    budget: true,
  },
  {
    name: 'SIPAS campaigns `/can-bo/khao-sat[/:id]` (ECharts)',
    modules: [CONSOLE, 'src/features/sipas/SipasPage.tsx'],
    budget: true,
  },
  {
    name: 'SIPAS questionnaire designer `/can-bo/khao-sat/bang-hoi`',
    modules: [CONSOLE, 'src/features/sipas/QuestionnaireDesignerPage.tsx'],
    budget: true,
  },
  {
    name: 'SIPAS survey entry `/can-bo/khao-sat/nhap-phieu`',
    modules: [CONSOLE, 'src/features/sipas/SurveyEntryPage.tsx'],
    budget: true,
  },
  {
    name: 'PAR results `/can-bo/chi-so-cchc/ket-qua`',
    modules: [CONSOLE, 'src/features/par/results/ParResultsPage.tsx'],
    budget: true,
  },
  {
    name: 'PAR national table `/can-bo/chi-so-cchc/bang-quoc-gia`',
    modules: [CONSOLE, 'src/features/par/results/NationalTablePage.tsx'],
    budget: true,
  },
  {
    name: 'PAR rounds `/can-bo/chi-so-cchc/dot-danh-gia`',
    modules: [CONSOLE, 'src/features/par/ParSection.tsx', 'src/features/par/scorecard/ParRoundsPage.tsx'],
    budget: true,
  },
  {
    name: 'PAR scorecard `/can-bo/chi-so-cchc/dot-danh-gia/:roundId/:agencyId`',
    modules: [CONSOLE, 'src/features/par/ParSection.tsx', 'src/features/par/scorecard/ScorecardPage.tsx'],
    budget: true,
  },
  {
    // The header's bell (NoticeBell.tsx, on every console page) loads after the page.
    name: 'Notices `/can-bo/thong-bao`',
    modules: [CONSOLE, 'src/features/work-notices/NoticesPage.tsx'],
    budget: true,
  },
  {
    // issue 21: the national portal sync monitor (ECharts loads on first use) and the connection settings.
    name: 'Sync monitor `/can-bo/tich-hop/dvcqg`',
    modules: [CONSOLE, 'src/features/integration-dvcqg/DvcqgMonitorPage.tsx'],
    budget: true,
  },
  {
    name: 'Portal connection `/can-bo/tich-hop/cai-dat`',
    modules: [CONSOLE, 'src/features/integration-dvcqg/DvcqgSettingsPage.tsx'],
    budget: true,
  },
  {
    name: 'Portal news `/can-bo/cong-thong-tin`',
    modules: [CONSOLE, 'src/features/portal-news/PortalNewsPage.tsx'],
    budget: true,
  },
  {
    // The editor (contentEditable and its toolbar, the steps, the versions) loads when an item is opened.
    name: 'Portal news editor `/can-bo/cong-thong-tin?id=…`',
    modules: [CONSOLE, 'src/features/portal-news/PortalNewsPage.tsx', 'src/features/portal-news/ArticleEditor.tsx'],
    budget: true,
  },
  // issue 22 items 1–2: the portal menu and the procedure-decision drafting pages of the console.
  {
    name: 'Portal menu `/can-bo/cong-thong-tin/menu`',
    modules: [CONSOLE, 'src/features/portal-menu/PortalMenuPage.tsx'],
    budget: true,
  },
  {
    name: 'Procedure decisions (console) `/can-bo/quyet-dinh-cong-bo`',
    modules: [CONSOLE, 'src/features/portal-decisions/DecisionDraftsPage.tsx'],
    budget: true,
  },
  {
    name: 'Procedure decision draft `/can-bo/quyet-dinh-cong-bo/:id`',
    modules: [CONSOLE, 'src/features/portal-decisions/DecisionDraftPage.tsx'],
    budget: true,
  },
  // issue 22: the portal's procedure decisions and public results (ECharts loads after the page).
  {
    name: 'Procedure decisions `/quyet-dinh-cong-bo`',
    modules: [LAYOUT, 'src/features/portal-decisions/DecisionsPage.tsx'],
    budget: true,
  },
  {
    name: 'Procedure decision `/quyet-dinh-cong-bo/:id`',
    modules: [LAYOUT, 'src/features/portal-decisions/DecisionPage.tsx'],
    budget: true,
  },
  {
    name: 'Public results `/ket-qua/thong-ke`',
    modules: [LAYOUT, 'src/features/portal-results/StatisticsResultsPage.tsx'],
    budget: true,
  },
  {
    name: 'Decision 766 ranking `/ket-qua/chi-so-766`',
    modules: [LAYOUT, 'src/features/portal-results/ServiceIndexResultsPage.tsx'],
    budget: true,
  },
  {
    name: 'SIPAS results `/ket-qua/sipas`',
    modules: [LAYOUT, 'src/features/portal-results/SipasResultsPage.tsx'],
    budget: true,
  },
  // issue 22 item 4: the province's portal appearance (native colour pickers, no picker library).
  {
    name: 'Portal appearance `/can-bo/cong-thong-tin/giao-dien`',
    modules: [CONSOLE, 'src/features/province-site/ProvinceSitePage.tsx'],
    budget: true,
  },
  {
    name: 'Hosting centre provinces `/can-bo/he-thong/tinh-thanh`',
    modules: [CONSOLE, 'src/features/hosting/ProvincesPage.tsx'],
    budget: true,
  },
  {
    name: 'Hosting centre figures `/can-bo/he-thong/so-lieu` (ECharts)',
    modules: [CONSOLE, 'src/features/hosting/HostingFiguresPage.tsx'],
    budget: true,
  },
  {
    name: 'Change password `/can-bo/tai-khoan/doi-mat-khau`',
    modules: [CONSOLE, 'src/features/account/ChangePasswordPage.tsx'],
    budget: true,
  },
];

/** The first load of a page marked `budget` must stay within this (issues 7 and 16). */
export const BUDGET_BYTES = 300 * 1024;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

export const measureBundle = (distDir = join(webRoot, 'dist')) => {
  const manifestPath = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`no Vite manifest at ${manifestPath}: run vite build first`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const sizes = new Map();
  const sizeOf = (file) => {
    if (!sizes.has(file)) {
      const bytes = readFileSync(join(distDir, file));
      sizes.set(file, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
    }
    return sizes.get(file);
  };
  const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entryKey) {
    throw new Error('no entry in the Vite manifest');
  }
  // Every JS file a module needs before it runs: itself and its static imports, transitively.
  const closure = (keys) => {
    const files = new Set();
    const visit = (key) => {
      const chunk = manifest[key];
      if (!chunk || files.has(chunk.file)) {
        return;
      }
      files.add(chunk.file);
      for (const next of chunk.imports ?? []) {
        visit(next);
      }
    };
    for (const key of keys) {
      visit(key);
    }
    return files;
  };
  const total = (files) =>
    [...files].reduce(
      (sum, file) => {
        const size = sizeOf(file);
        return { raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip, files: sum.files + 1 };
      },
      { raw: 0, gzip: 0, files: 0 },
    );
  const shell = total(closure([entryKey]));
  const pages = PAGES.map((page) => {
    for (const module of page.modules) {
      if (!manifest[module]) {
        throw new Error(`${module} is not a chunk of its own in the build`);
      }
    }
    return { name: page.name, budget: page.budget === true, ...total(closure([entryKey, ...page.modules])) };
  });
  const everything = total(
    new Set(
      Object.values(manifest)
        .map((chunk) => chunk.file)
        .filter((file) => file.endsWith('.js')),
    ),
  );
  return { shell, pages, everything };
};

export const formatReport = (report, date = new Date().toISOString().slice(0, 10)) => {
  const portal = report.pages[0];
  const largest = report.pages.filter((page) => page.budget).reduce((a, b) => (b.gzip > a.gzip ? b : a), portal);
  const console = report.pages.filter((page) => page.budget && page.name.includes('/can-bo'));
  const largestConsole = console.reduce((a, b) => (b.gzip > a.gzip ? b : a), console[0] ?? portal);
  const lines = [
    '## Web bundle',
    '',
    `Measured ${date} with \`vite build\` (Vite 8, React 19, antd 6 tree-shaken by ES imports) and`,
    '`node packages/web/scripts/measure-bundle.mjs`: the JavaScript a browser downloads before the page shows',
    '(the entry chunk plus the page’s lazily loaded route chunks and their static imports), gzip level 9.',
    'Every page is its own chunk, so the portal never loads the console’s code, and the citizen’s pages',
    '(online submission, my dossiers, drafts) load only when opened; their texts (`citizen.*`) load with them.',
    'What a page shows only later (a wizard’s next steps, dialogs, drawers, a table or a chart that waits for',
    'its data) loads after the page shows, fetched at once (`lazyWidget`, `lazyAntd`).',
    `The e2e suite fails if a page marked ✓ — a portal page a visitor may open first (issue 7), or any page`,
    `of the officials’ console (issue 16) — exceeds the budget of ${kb(BUDGET_BYTES)} gzip.`,
    '',
    '| first load of | budget | files | raw | gzip |',
    '| --- | :---: | ---: | ---: | ---: |',
    `| shell only (entry chunk) | | ${report.shell.files} | ${kb(report.shell.raw)} | ${kb(report.shell.gzip)} |`,
    ...report.pages.map(
      (page) => `| ${page.name} | ${page.budget ? '✓' : ''} | ${page.files} | ${kb(page.raw)} | ${kb(page.gzip)} |`,
    ),
    `| all JavaScript of the build | | ${report.everything.files} | ${kb(report.everything.raw)} | ${kb(report.everything.gzip)} |`,
    '',
    `Portal home: ${kb(portal.gzip)} of the ${kb(BUDGET_BYTES)} budget; the largest ✓ page: ${largest.name}, ${kb(
      largest.gzip,
    )}; the largest console page: ${largestConsole.name}, ${kb(largestConsole.gzip)}.`,
    '',
  ];
  return lines.join('\n');
};

/**
 * Writes the "## Web bundle" section of docs/performance.md between <!-- bench:web-bundle -->
 * markers (the convention of scripts/bench.mjs), leaving the other sections alone.
 */
export const writeReport = (markdown) => {
  const file = resolve(webRoot, '..', '..', 'docs', 'performance.md');
  const begin = '<!-- bench:web-bundle -->';
  const end = '<!-- /bench:web-bundle -->';
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Performance\n';
  const block = `${begin}\n${markdown.trim()}\n${end}`;
  const pattern = new RegExp(`${begin}[\\s\\S]*?${end}`);
  const next = pattern.test(current) ? current.replace(pattern, block) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
  return file;
};

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const markdown = formatReport(measureBundle());
  process.stdout.write(markdown);
  if (process.argv.includes('--write')) {
    process.stdout.write(`\nwritten to ${writeReport(markdown)}\n`);
  }
}

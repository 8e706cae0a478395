import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listOpenSipasInvitations, listSipasCampaigns } from '@motcua/db';
import { createPgliteDataDir } from '@motcua/db/testing';
import { loadConfig, type RunningServer, startServer } from '@motcua/server';
import { getInstallationSecret } from '@motcua/server/auth/installation-secret';
import { signIn, TEST_PASSWORD, TEST_PROCEDURE_CONTENT } from '@motcua/server/testing/fixtures';
import { deriveInvitationToken } from '@motcua/server/usecases/sipas/sipas-access';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page, Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { connectBrowser, ensureWebBuilt, launchBrowser, onPostgresPass, REPO_ROOT, WEB_DIST } from './browser';

export { CHROMIUM, ensureWebBuilt, launchBrowser, onPostgresPass, WEB_ROOT } from './browser';
export { TEST_PASSWORD };

export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 360, height: 740 };
type Viewport = { width: number; height: number };

export const newContext = (
  browser: Browser,
  baseURL: string,
  viewport: Viewport = DESKTOP,
  extra: BrowserContextOptions = {},
): Promise<BrowserContext> =>
  browser.newContext({
    baseURL,
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    deviceScaleFactor: 1,
    ...(viewport.width < 600 ? { isMobile: true, hasTouch: true } : {}),
    ...extra,
  });

/**
 * A small but real PDF (one A4 page of Helvetica text, with a correct cross-reference table), made
 * here so that uploads carry a file any reader opens. `text` must be ASCII.
 */
export const buildPdf = (text: string): Buffer => {
  const content = `BT /F1 16 Tf 72 770 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
};

/**
 * Screenshots go to docs/screenshots when MOTCUA_SCREENSHOTS=1 (to refresh the committed ones),
 * otherwise to a temporary folder, so that running the tests leaves the work tree clean.
 */
export const screenshotDir = (): string => {
  const dir =
    process.env.MOTCUA_SCREENSHOTS === '1'
      ? join(REPO_ROOT, 'docs', 'screenshots')
      : join(tmpdir(), 'motcua-screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
};

/**
 * True in the page when nothing moves: no finite CSS animation or transition is running (infinite
 * ones, a spinner's, never end) and no element carries one of antd's motion classes (rc-motion adds
 * `…-appear`, `…-enter`, `…-leave` with `-prepare`/`-start`/`-active` for the length of a fade or
 * zoom, including the frame before its animation starts) on an element that is rendered.
 */
const isStill = (root: Element | null): boolean => {
  const scope = root ?? document.documentElement;
  const moving = (root ? root.getAnimations({ subtree: true }) : document.getAnimations()).some(
    (animation) =>
      animation.playState === 'running' && animation.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY,
  );
  if (moving) {
    return false;
  }
  const motion = /-(appear|enter|leave)(-(prepare|start|active))?$/;
  const elements = [scope, ...scope.querySelectorAll('[class*="-appear"], [class*="-enter"], [class*="-leave"]')];
  // An element that is still (a dialog) can sit in a wrapper that still fades in.
  for (let parent = root?.parentElement; parent; parent = parent.parentElement) {
    elements.push(parent);
  }
  // An element that is not rendered (display: none) does not move, whatever its classes say: antd can
  // leave a finished button's loading icon in its leave state, hidden by styles.css.
  return !elements.some(
    (element) => element.checkVisibility() && [...element.classList].some((name) => motion.test(name)),
  );
};

/** Waits until nothing on the page moves (see isStill): the end state of every fade, zoom and transition. */
export const waitForStillness = async (page: Page): Promise<void> => {
  await page.waitForFunction(isStill, null, { polling: 'raf' });
};

/**
 * Waits until the element is visible and has finished its entry animation (an antd dialog zooms in:
 * a click while it moves can miss its target).
 */
export const settled = async (locator: Locator): Promise<void> => {
  await locator.waitFor();
  const handle = await locator.elementHandle();
  await locator.page().waitForFunction(isStill, handle, { polling: 'raf' });
};

/**
 * Picks the option titled `option` of an antd select: opens it once the page stands still (typing `typed`
 * first into a searchable one), waits until the option stands still — the dropdown zooms in, and a click while it moves can miss
 * the option and leave the select unchanged — then clicks it.
 */
export const pickOption = async (input: Locator, option: string, typed?: string): Promise<void> => {
  // A drawer or dialog closing still covers the page with its fading mask: a click then lands on the mask and
  // the select stays closed. Click once nothing moves.
  await input.waitFor();
  await waitForStillness(input.page());
  await input.click();
  if (typed !== undefined) {
    await input.fill(typed);
  }
  const item = input.page().locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`);
  await settled(item);
  await item.click();
};

export const shoot = async (page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> => {
  // Fonts loaded, and a full-page shot starts from the top (sticky header). The skip link shows only
  // while it has the keyboard focus: not in the pictures.
  await page.evaluate(async () => {
    await document.fonts.ready;
    // Nor a field's focus ring (red like an error with this theme), nor antd's click ripple.
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== document.body) {
      active.blur();
    }
    for (const wave of document.querySelectorAll('.ant-wave')) {
      wave.remove();
    }
    window.scrollTo(0, 0);
  });
  // Transitions started by the blur and the scroll, and any fade still running, end before the shot.
  await waitForStillness(page);
  await page.screenshot({ path: join(screenshotDir(), `${name}.png`), fullPage: options.fullPage ?? true });
};

export type TestServer = {
  server: RunningServer;
  url: string;
  close: () => Promise<void>;
};

/** A TCP port free on this machine now (the server's public URL must name its port before it starts). */
const findFreePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });

/**
 * The real server, in this process, on PGlite in a fresh temporary data directory (filled with the
 * migrated template), serving the built client, with its public URL (payment sandbox links, return
 * addresses) on its own address, and any other setting in `env`. MOTCUA_E2E_LOG_LEVEL=error shows the server's errors while debugging.
 */
export const startTestServer = async (env: Record<string, string> = {}): Promise<TestServer> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-'));
  // Migrated already (the test databases' template): the server starts in seconds, not a minute.
  await createPgliteDataDir(join(dataDir, 'pglite'));
  const port = await findFreePort();
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    MOTCUA_PUBLIC_URL: `http://127.0.0.1:${port}`,
    MOTCUA_DATA_DIR: dataDir,
    MOTCUA_WEB_DIR: WEB_DIST,
    LOG_LEVEL: process.env.MOTCUA_E2E_LOG_LEVEL ?? 'silent',
    ...env,
  });
  const server = await startServer(config, { handleSignals: false });
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

type Json = Record<string, unknown>;

/** Calls the API in-process as an official (through Fastify's inject, with their session). */
export const asOfficial = async (server: RunningServer, username: string) => {
  const session = await signIn(server.app, username);
  const call = async <T = Json>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: unknown,
  ): Promise<T> => {
    const response = await server.app.inject({
      method,
      url,
      headers: session.headers,
      ...(payload === undefined ? {} : { payload: payload as Json }),
    });
    if (response.statusCode >= 400) {
      throw new Error(`${method} ${url} → ${response.statusCode} ${response.body}`);
    }
    return (response.body ? response.json() : undefined) as T;
  };
  return { call };
};

export type BrowserSuite = {
  /** The suite's server (in this process, on PGlite): for `inject` calls and seeding. */
  readonly server: RunningServer;
  /** Its address, the base URL of every page the suite opens. */
  readonly url: string;
  /** A page in a new browser context (its own cookies and storage), closed at the end of the file. */
  openPage: (viewport?: Viewport, extra?: BrowserContextOptions) => Promise<Page>;
};

/**
 * The hooks every browser suite needs, registered in the calling test file: before its tests, its
 * own server (with `env`, then `seed`) and a connection to the run's Chromium (started once by
 * global-setup.ts; a file run without it launches its own); after a failed test, a screenshot of
 * every open page (paths printed); after the file, its contexts, the browser connection and the
 * server are closed. Nothing starts on the PostgreSQL pass (the suites are skipped there).
 */
export const useBrowserSuite = (
  name: string,
  options: {
    env?: Record<string, string>;
    seed?: (server: RunningServer) => Promise<void>;
    /** How long a page's actions and waits may take (a busy 2-core CI machine is slow to render). */
    actionTimeout?: number;
  } = {},
): BrowserSuite => {
  let ts: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) {
      throw new Error(`the ${name} browser suite has no ${what} (skipped on the PostgreSQL pass, or setup failed)`);
    }
    return value;
  };

  beforeAll(async () => {
    if (onPostgresPass) {
      return;
    }
    const endpoint = inject('motcuaBrowserEndpoint');
    if (!endpoint) {
      await ensureWebBuilt();
    }
    const results = await Promise.allSettled([
      (endpoint ? connectBrowser(endpoint) : launchBrowser()).then((opened) => {
        browser = opened;
      }),
      startTestServer(options.env).then(async (running) => {
        ts = running;
        await options.seed?.(running.server);
      }),
    ]);
    for (const result of results) {
      if (result.status === 'rejected') {
        throw result.reason;
      }
    }
    // A bound for a hung start, not a wait: the demo province's seed takes under a minute on a quiet machine and
    // several on a loaded one (three suites timed out at 180 s while other work ran).
  }, 600_000);

  // On a failure, the pages as they were help more than a timeout message.
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') {
      return;
    }
    let n = 0;
    for (const browserContext of contexts) {
      for (const page of browserContext.pages()) {
        const path = join(tmpdir(), `motcua-e2e-${name}-failure-${++n}.png`);
        await page
          .screenshot({ path, fullPage: true })
          .then(() => console.error(`screenshot of ${page.url()}: ${path}`))
          .catch(() => undefined);
      }
    }
  });

  afterAll(async () => {
    for (const context of contexts) {
      await context.close().catch(() => undefined);
    }
    // A connected browser only disconnects: the shared Chromium stays for the other suites.
    await browser?.close();
    await ts?.close();
  });

  return {
    get server() {
      return started(ts, 'server').server;
    },
    get url() {
      return started(ts, 'server').url;
    },
    openPage: async (viewport = DESKTOP, extra = {}) => {
      const context = await newContext(started(browser, 'browser'), started(ts, 'server').url, viewport, extra);
      context.setDefaultTimeout(options.actionTimeout ?? 15_000);
      contexts.push(context);
      return context.newPage();
    },
  };
};

/** Signs an official in through the console's sign-in page and waits until the console has them. */
export const signInOfficial = async (page: Page, username: string, password = TEST_PASSWORD): Promise<Page> => {
  await page.goto('/can-bo/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/can-bo') && !url.pathname.startsWith('/can-bo/dang-nhap'));
  // The console's home sends an official who handles no dossiers on to their first area: wait for the page it
  // lands on to draw its title, so that the test's next click is not overtaken by that redirect.
  await page.locator('#main').getByRole('heading').first().waitFor();
  return page;
};

export const waitForStatus = (page: Page, text: string) =>
  page.getByTestId('dossier-status').filter({ hasText: text }).waitFor();

const isRequest = (response: Response, method: string, pathname: string | RegExp): boolean => {
  if (response.request().method() !== method) {
    return false;
  }
  const path = new URL(response.url()).pathname;
  return typeof pathname === 'string' ? path === pathname : pathname.test(path);
};

/** The response to the next `method` request whose path is (or matches) `pathname`. */
export const nextResponse = (page: Page, method: string, pathname: string | RegExp): Promise<Response> =>
  page.waitForResponse((response) => isRequest(response, method, pathname));

/**
 * Performs a dossier action in the console's dossier page as a user would: opens its dialog, lets it
 * finish zooming in, fills it, submits it and waits for the server's answer, closes the printable
 * form's dialog if one shows, and waits until the page has read the dossier's actions again (the
 * next action is offered at the dossier's new version, not at the one before this action).
 */
export const performAction = async (
  page: Page,
  action: string,
  options: { fill?: (dialog: Locator) => Promise<void>; shot?: string } = {},
): Promise<void> => {
  const code = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
  const actionsPath = `/api/v1/dossiers/${encodeURIComponent(code)}/actions`;
  await page.locator(`[data-action="${action}"]`).click();
  const dialog = page.getByRole('dialog');
  await settled(dialog);
  await options.fill?.(dialog);
  if (options.shot) {
    await shoot(page, options.shot, { fullPage: false });
  }
  // The actions the page reads after the POST's answer (the dossier's queries are invalidated then).
  let answered = false;
  const reread = page.waitForResponse((response) => {
    if (isRequest(response, 'POST', `${actionsPath}/${action}`)) {
      answered = true;
      return false;
    }
    return answered && isRequest(response, 'GET', actionsPath);
  });
  reread.catch(() => undefined); // awaited below, unless the action fails first
  const [posted] = await Promise.all([
    nextResponse(page, 'POST', `${actionsPath}/${action}`),
    dialog.getByTestId('action-submit').click(),
  ]);
  if (!posted.ok()) {
    throw new Error(`${action} → ${posted.status()} ${await posted.text()}`);
  }
  await reread;
  // A printable form (receipt, control slip, …) keeps the dialog open with a Close button; any other
  // answer closes it.
  const close = dialog.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' });
  await expect.poll(async () => (await close.isVisible()) || !(await dialog.isVisible())).toBe(true);
  if (await close.isVisible()) {
    await close.click();
  }
  await dialog.waitFor({ state: 'hidden' });
};

const today = (): string => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

type Content = typeof TEST_PROCEDURE_CONTENT;

/** Procedures of the demo-like province catalog (33 = Hưng Yên), created and published through the catalog API. */
export const PORTAL_PROCEDURES: { code: string; content: Content }[] = [
  {
    code: '1.001193',
    content: {
      ...TEST_PROCEDURE_CONTENT,
      competentAgency: 'Sở Tư pháp tỉnh Hưng Yên',
      implementingAgency: 'Sở Tư pháp tỉnh Hưng Yên; Trung tâm Phục vụ hành chính công tỉnh',
    },
  },
  {
    code: '1.000894',
    content: {
      ...TEST_PROCEDURE_CONTENT,
      nationalCode: '1.000894',
      name: 'Thủ tục đăng ký kết hôn',
      levels: ['commune'],
      applicantTypes: ['Công dân Việt Nam', 'Người nước ngoài cư trú tại Việt Nam'],
      components: [
        {
          key: 'to-khai-ket-hon',
          name: 'Tờ khai đăng ký kết hôn theo mẫu',
          group: 'submit',
          originals: 1,
          copies: 0,
          required: true,
          replaceableByData: false,
          templateName: 'Mẫu TP/HT-2020-KH.TK',
        },
        {
          key: 'xac-nhan-hon-nhan',
          name: 'Giấy xác nhận tình trạng hôn nhân (nếu đăng ký tại nơi không thường trú)',
          group: 'submit',
          originals: 1,
          copies: 0,
          required: false,
          replaceableByData: true,
        },
        {
          key: 'can-cuoc',
          name: 'Thẻ căn cước của hai bên nam, nữ',
          group: 'present',
          originals: 1,
          copies: 0,
          required: true,
          replaceableByData: false,
        },
      ],
      channels: [
        {
          channel: 'direct',
          duration: { unit: 'working_days', value: 3 },
          fees: [{ name: 'Lệ phí đăng ký kết hôn', kind: 'le_phi', amountVnd: 0, text: 'Miễn lệ phí' }],
        },
        { channel: 'online', duration: { unit: 'working_days', value: 3 }, fees: [] },
      ],
      resultTypes: ['Giấy chứng nhận kết hôn'],
      competentAgency: 'Ủy ban nhân dân cấp xã',
      legalBasis: [
        { number: '60/2014/QH13', title: 'Luật Hộ tịch' },
        {
          number: '123/2015/NĐ-CP',
          title: 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch',
        },
      ],
      processSteps: [],
    },
  },
  {
    code: '1.009994',
    content: {
      ...TEST_PROCEDURE_CONTENT,
      nationalCode: '1.009994',
      name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
      field: { name: 'Hoạt động xây dựng' },
      levels: ['commune'],
      applicantTypes: ['Hộ gia đình, cá nhân'],
      components: [
        {
          key: 'don-de-nghi',
          name: 'Đơn đề nghị cấp giấy phép xây dựng theo Mẫu số 01',
          group: 'submit',
          originals: 1,
          copies: 0,
          required: true,
          replaceableByData: false,
        },
        {
          key: 'giay-to-dat',
          name: 'Bản sao giấy tờ chứng minh quyền sử dụng đất',
          group: 'submit',
          originals: 0,
          copies: 1,
          required: true,
          replaceableByData: true,
        },
        {
          key: 'ban-ve',
          name: 'Hai bộ bản vẽ thiết kế xây dựng',
          group: 'submit',
          originals: 2,
          copies: 0,
          required: true,
          replaceableByData: false,
        },
      ],
      channels: [
        {
          channel: 'direct',
          duration: { unit: 'working_days', value: 15 },
          fees: [
            { name: 'Lệ phí cấp giấy phép xây dựng', kind: 'le_phi', amountVnd: 75000, text: '75.000 đồng/giấy phép' },
          ],
        },
        {
          channel: 'online',
          duration: { unit: 'working_days', value: 15 },
          fees: [
            { name: 'Lệ phí cấp giấy phép xây dựng', kind: 'le_phi', amountVnd: 75000, text: '75.000 đồng/giấy phép' },
          ],
        },
      ],
      onlineLevel: 'partial',
      resultTypes: ['Giấy phép xây dựng'],
      legalBasis: [{ number: '50/2014/QH13', title: 'Luật Xây dựng' }],
      conditions:
        'Phù hợp với mục đích sử dụng đất theo quy hoạch sử dụng đất được phê duyệt; bảo đảm an toàn cho công trình và công trình lân cận.',
      processSteps: [],
    },
  },
];

/**
 * Creates and publishes each procedure in the province catalog, as the province administrator
 * would, and names the agencies that receive it.
 */
export const seedCatalog = async (server: RunningServer, receivingAgencyIds: string[]): Promise<void> => {
  const admin = await asOfficial(server, 'qttinh');
  for (const { code, content } of PORTAL_PROCEDURES) {
    const created = await admin.call<{ rowVersion: number; code: string }>('POST', '/api/v1/procedures', {
      catalog: '33',
      content,
    });
    if (created.code !== code) {
      throw new Error(`expected procedure ${code}, got ${created.code}`);
    }
    const draft = await admin.call<{ rowVersion: number }>('GET', `/api/v1/procedures/${code}/versions/1?catalog=33`);
    await admin.call('POST', `/api/v1/procedures/${code}/versions/1/publish?catalog=33`, {
      expectedVersion: draft.rowVersion,
      effectiveFrom: today(),
    });
    const detail = await admin.call<{ rowVersion: number }>('GET', `/api/v1/procedures/${code}?catalog=33`);
    await admin.call('PUT', `/api/v1/procedures/${code}/agencies?catalog=33`, {
      expectedVersion: detail.rowVersion,
      agencies: receivingAgencyIds.map((agencyId) => ({ agencyId, role: 'receiving' })),
    });
  }
};

export const APPLICANT = {
  kind: 'person',
  fullName: 'Nguyễn Thị Ánh Tuyết',
  idNumber: '033190001234',
  dateOfBirth: '1990-05-20',
  gender: 'female',
  address: { text: 'Số 5 đường Chùa Chuông, phường Phố Hiến, tỉnh Hưng Yên' },
  phone: '0912345678',
} as const;

/**
 * Answer-page paths (/khao-sat/<token>) of unanswered invitations of the demo's SIPAS campaign in
 * progress (the demo seeds it): the token is derived as the invitation's link is, never stored.
 */
export const findDemoSurveyPaths = async (server: RunningServer, count: number): Promise<string[]> => {
  const ctx = server.app.motcua;
  const campaigns = await listSipasCampaigns(ctx.db, { provinceCode: '33', limit: 10 });
  const open = campaigns.find((c) => c.status === 'open');
  if (!open) {
    throw new Error('the demo has no SIPAS campaign in progress');
  }
  const secret = await getInstallationSecret(ctx);
  const invitations = await listOpenSipasInvitations(ctx.db, { campaignId: open.id, limit: count });
  return invitations.map((i) => `/khao-sat/${deriveInvitationToken(secret, open.id, i.dossierId)}`);
};

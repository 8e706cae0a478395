import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type RunningServer, startServer } from '@motcua/server';
import { signIn, TEST_PASSWORD, TEST_PROCEDURE_CONTENT } from '@motcua/server/testing/fixtures';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

export const WEB_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(WEB_ROOT, 'dist');
const REPO_ROOT = resolve(WEB_ROOT, '..', '..');

export { TEST_PASSWORD };

const newestMtime = (path: string): number => {
  const stat = statSync(path);
  if (!stat.isDirectory()) {
    return stat.mtimeMs;
  }
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
};

const isBuilt = (): boolean => {
  const index = join(DIST, 'index.html');
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) => join(WEB_ROOT, p));
  const newestSource = Math.max(...sources.filter((p) => existsSync(p)).map(newestMtime));
  return existsSync(index) && statSync(index).mtimeMs >= newestSource;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds the web client with Vite when dist/ is missing or older than any source file. The e2e
 * files run in parallel: one builds (holding a lock directory) while the others wait for it.
 */
export const ensureWebBuilt = async (): Promise<void> => {
  const lock = join(tmpdir(), 'motcua-web-build.lock');
  for (;;) {
    if (isBuilt()) {
      return;
    }
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another file is building; a lock older than 3 minutes was left by a killed run.
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 180_000) {
        rmSync(lock, { recursive: true, force: true });
      }
      await sleep(500);
    }
  }
  try {
    if (isBuilt()) {
      return;
    }
    const vite = join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: WEB_ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  } finally {
    rmdirSync(lock);
  }
};

/** Debian's Chromium (installed by .ci/run with apt); never a downloaded browser. */
export const CHROMIUM = process.env.MOTCUA_CHROMIUM ?? '/usr/bin/chromium';

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--font-render-hinting=none',
    ],
  });

export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 360, height: 740 };

export const newContext = (
  browser: Browser,
  baseURL: string,
  viewport = DESKTOP,
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

export const shoot = async (page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> => {
  // Let fonts, transitions and lazy chunks settle; a full-page shot starts from the top (sticky header).
  // The skip link shows only while it has the keyboard focus: not in the pictures.
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
  await page.waitForTimeout(250);
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
 * The real server, in this process, on PGlite in a fresh temporary data directory, serving the built
 * client, with its public URL (payment sandbox links, return addresses) on its own address, and
 * any other setting in `env`. MOTCUA_E2E_LOG_LEVEL=error shows the server's errors while debugging.
 */
export const startTestServer = async (env: Record<string, string> = {}): Promise<TestServer> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-'));
  const port = await findFreePort();
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    MOTCUA_PUBLIC_URL: `http://127.0.0.1:${port}`,
    MOTCUA_DATA_DIR: dataDir,
    MOTCUA_WEB_DIR: DIST,
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

import { randomUUID } from 'node:crypto';
import {
  deleteUserRole,
  findEvaluationSheetOfUser,
  findProvinceSite,
  finishCatalogPullRun,
  insertCatalogPullRun,
  insertEvaluationPeriod,
  insertLocalCitizen,
  insertPortalArticle,
  insertPortalArticleVersion,
  insertPortalAttachment,
  insertPortalImageIfMissing,
  insertProcedureAgencies,
  insertProvinceSiteIfMissing,
  insertUser,
  insertUserRole,
  insertWebhookSubscription,
  upsertPortalCategory,
} from '@motcua/db';
import { DEFAULT_QUESTIONNAIRE, type OfficialRole, ROLE_DEFINITIONS } from '@motcua/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from './auth/passwords.js';
import { sealSecret } from './auth/sealed-secret.js';
import {
  seedProcedure,
  seedWorld,
  signIn,
  TEST_PASSWORD,
  TEST_PROCEDURE_WITH_FORM,
  WORLD_AGENCIES,
  type World,
} from './testing/fixtures.js';
import { seedTestParRound } from './testing/par-rounds.js';
import { createTestApp, fixedClock, type TestApp } from './testing/test-app.js';
import { seedTestFileListEntry, seedTestWorkFile } from './testing/work-files.js';
import { loadOfficial } from './usecases/auth/resolve-actor.js';
import { gatherPeriodAs } from './usecases/evaluation/gather-evaluation.js';
import { publishParRound } from './usecases/par/results/publish-round.js';
import { DEMO_CITIZEN, seedDemoCitizen } from './usecases/portal/account/demo-citizen.js';
import { multipartFile, samplePdf, signInCitizen } from './usecases/portal/test-support.js';
import { changeProvinceSite } from './usecases/provinces/change-site.js';
import { importDossierRecords } from './usecases/reports/import.js';
import { issueTestCredentialUnchecked } from './usecases/signing/credentials.js';
import { seedTestConsultation } from './usecases/work/consultations/test-support.js';

/**
 * Every endpoint × role × own/foreign agency. Each official endpoint lists the roles (held at the
 * resource's own agency) that pass authorisation; everyone else must be refused — 401 without a
 * session, 403 or 404 with one (404 when the resource is outside every scope: no existence leak).
 * "Passing" means any answer but 401/403/404: a 400/409/422 is a business answer, given only after
 * the caller was allowed to ask. Citizens and officials are two audiences: a citizen's session opens
 * no official endpoint and an official's no citizen endpoint (401 both ways); within the citizens, one
 * citizen's drafts, uploads and dossiers are another's 404. A last test fails when a route exists that
 * this table forgets.
 */

type Role =
  | 'receptionist'
  | 'processor'
  | 'approver'
  | 'result_returner'
  | 'agency_admin'
  | 'province_admin'
  | 'auditor'
  | 'par_organiser'
  | 'par_focal'
  | 'clerk'
  | 'specialist'
  | 'unit_head'
  | 'agency_head'
  | 'personnel_officer'
  | 'foreign_admin'
  | 'foreign_receptionist'
  | 'foreign_clerk'
  | 'foreign_everything'
  | 'hosting_admin'
  | 'citizen'
  | 'foreign_citizen';

const USERS: Record<Role, string> = {
  receptionist: 'tiepnhan',
  processor: 'chuyenvien',
  approver: 'lanhdao',
  result_returner: 'trakq',
  agency_admin: 'qtdonvi',
  province_admin: 'qttinh',
  auditor: 'thanhtra',
  par_organiser: 'sonoivu',
  par_focal: 'daumoicchc',
  clerk: 'vanthu',
  specialist: 'soanthao',
  unit_head: 'truongphong',
  agency_head: 'giamdoc',
  personnel_officer: 'tochuc',
  foreign_admin: 'hanoi',
  foreign_receptionist: 'hanoitn',
  foreign_clerk: 'vanthuxd',
  // Issue 22 item 4: an official of the other province (Hà Nội, 01) holding every role there, province-wide —
  // every provincial case must refuse them; and the hosting centre's administrator, who holds no provincial role.
  foreign_everything: 'hanoi.tatca',
  hosting_admin: 'trungtam.qt',
  citizen: DEMO_CITIZEN.username,
  foreign_citizen: 'nguoikhac',
};
const CITIZEN_PASSWORD = 'Mat-khau-cong-dan-2026';
const ROLES = Object.keys(USERS) as Role[];
const isCitizen = (role: Role) => role === 'citizen' || role === 'foreign_citizen';
const OFFICIAL_ROLES = ROLES.filter((r) => !isCitizen(r));
const OWN_ROLES = OFFICIAL_ROLES.filter((r) => !r.startsWith('foreign') && r !== 'hosting_admin');
const CITIZENS: Role[] = ['citizen', 'foreign_citizen'];
const DOSSIER_READERS: Role[] = ['receptionist', 'processor', 'approver', 'result_returner', 'auditor'];
// The PAR organiser (Sở Nội vụ) holds report.read province-wide; of the e-office roles the clerk and the agency's head.
/** Every official of the e-office (each reads the lists of their own agencies). */
const EOFFICE_ALL: Role[] = ['clerk', 'specialist', 'unit_head', 'agency_head', 'foreign_clerk'];
const REPORT_READERS: Role[] = [
  'approver',
  'agency_admin',
  'province_admin',
  'auditor',
  'par_organiser',
  'clerk',
  'agency_head',
];
/** A draft article of the province (Hưng Yên) for the portal cases, written straight to the database once. */
let portalMatrixItemId = '';
const preparePortalMatrixItem = async (f: Fixture) => {
  if (portalMatrixItemId) {
    return;
  }
  const category = await upsertPortalCategory(t.database.db, {
    provinceCode: '33',
    slug: 'tin-cchc',
    name: 'Tin CCHC',
  });
  const authorUserId = f.users[USERS.clerk]?.id ?? '';
  portalMatrixItemId = await t.database.db.transaction().execute(async (trx) => {
    const row = await insertPortalArticle(trx, {
      provinceCode: '33',
      kind: 'article',
      categoryId: category.id,
      slug: 'tin-cua-ma-tran',
      title: 'Tin của ma trận quyền',
      status: 'draft',
      authorUserId,
    });
    await insertPortalArticleVersion(trx, {
      articleId: row.id,
      version: 1,
      title: row.title,
      summary: '',
      bodyHtml: '',
      categoryId: category.id,
      slug: row.slug,
      status: 'draft',
      savedBy: authorUserId,
      note: null,
    });
    return row.id;
  });
};
/** Who reads SIPAS figures (sipas.read): the report readers of the one-stop side, not the e-office roles. */
const SIPAS_READERS: Role[] = ['approver', 'agency_admin', 'province_admin', 'auditor', 'par_organiser'];
/** The e-office roles of Justice: each holds document.read there (Decree 30/2020). */
const DOCUMENT_READERS: Role[] = ['clerk', 'specialist', 'unit_head', 'agency_head'];
/**
 * The e-office personas, granted like seedWorld grants the others (one role, the role's default reach), at
 * Justice; the foreign clerk is the clerk of another agency of the province (Construction).
 */
const EOFFICE_PERSONAS: { role: Role; fullName: string; agency: 'justice' | 'construction'; grant: OfficialRole }[] = [
  { role: 'clerk', fullName: 'Nguyễn Thị Văn Thư', agency: 'justice', grant: 'clerk' },
  { role: 'specialist', fullName: 'Hoàng Thị Soạn Thảo', agency: 'justice', grant: 'specialist' },
  { role: 'unit_head', fullName: 'Lê Thị Trưởng Phòng', agency: 'justice', grant: 'unit_head' },
  { role: 'agency_head', fullName: 'Trần Văn Giám Đốc', agency: 'justice', grant: 'agency_head' },
  { role: 'personnel_officer', fullName: 'Phan Thị Tổ Chức', agency: 'justice', grant: 'personnel_officer' },
  { role: 'foreign_clerk', fullName: 'Đỗ Thị Văn Thư Xây Dựng', agency: 'construction', grant: 'clerk' },
];
/** Who reads the province's PAR criteria sets: roles with par.read there (the unit head holds it too). */
const PAR_READERS: Role[] = ['approver', 'par_organiser', 'par_focal'];

type Fixture = World & {
  code: string;
  userId: string;
  importId: string;
  /** A historical-dossier import of the province (Hưng Yên), started by no one in particular. */
  dossierImportId: string;
  /** A draft, an upload and an online dossier of the citizen (congdan), with one of its documents. */
  draftId: string;
  uploadId: string;
  citizenCode: string;
  documentId: string;
  /** Fresh before each call of the cases that consume them. */
  spareDraftId: string;
  spareUploadId: string;
  /** A PAR Index round published (2024) and one open (2026) of the province. */
  parPublishedRoundId: string;
  parOpenRoundId: string;
  /** A draft PAR criteria set of the province, and a fresh one before each call that consumes it. */
  parSetId: string;
  spareParSetId: string;
  /** An open PAR round of 2025 (departments: Justice, Construction) with a link and a file of Justice's evidence. */
  parRoundId: string;
  parLinkId: string;
  parFileId: string;
  /**
   * A draft outgoing document of Justice (the specialist drafted it, the agency's head signs it), with one
   * PDF version and one recipient (Construction); a delegation of Justice (head → unit head) that the first
   * allowed revocation revokes; a signing credential of Justice's head.
   */
  outgoingId: string;
  outgoingRecipientId: string;
  delegationId: string;
  credentialId: string;
};

type Case = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  route: string;
  url: (f: Fixture) => string;
  body?: (f: Fixture, n: number) => unknown;
  /** Sends a small file as multipart/form-data (the upload endpoints): a PDF, or a CSV of historical dossiers. */
  upload?: true | 'csv';
  /** Who the endpoint is for; officials by default. The other audience is refused with 401. */
  audience?: 'citizen';
  /** Roles that pass authorisation; 'any' = everyone signed in of the audience; 'public' = anyone, anonymous too. */
  allowed: Role[] | 'any' | 'public';
  /** Puts the resource back before each call (for calls that consume it, like revoking a role). */
  prepare?: (f: Fixture) => Promise<void>;
};

/** `POST /users/:id/roles` above makes trakq an auditor (a report reader); the report cases take it back. */
const revokeGrantedAuditor = async (f: Fixture) => {
  await deleteUserRole(t.database.db, { userId: f.userId, agencyId: f.agencies.justice?.id ?? '', role: 'auditor' });
};

/** Who reads Justice's evaluations (evaluation.read there). */
const EVALUATION_READERS: Role[] = ['unit_head', 'agency_head', 'personnel_officer'];
let evaluationPeriodId = '';
let evaluationSheetId = '';
/** A gathered month of Justice (every official with a role there gets a sheet) and the specialist's sheet. */
const prepareEvaluation = async (f: Fixture) => {
  if (evaluationSheetId) {
    return;
  }
  const agencyId = f.agencies.justice?.id ?? '';
  const period = await insertEvaluationPeriod(t.database.db, {
    provinceCode: '33',
    agencyId,
    kind: 'month',
    year: 2026,
    number: 11,
    startsOn: '2026-11-01',
    endsOn: '2026-11-30',
    status: 'open',
    createdBy: f.users[USERS.personnel_officer]?.id ?? '',
  });
  if (!period) {
    throw new Error('the evaluation period was not created');
  }
  evaluationPeriodId = period.id;
  await gatherPeriodAs(t.ctx, f.users[USERS.personnel_officer]?.id ?? '', period);
  const sheet = await findEvaluationSheetOfUser(t.database.db, period.id, f.users[USERS.specialist]?.id ?? '');
  evaluationSheetId = sheet?.id ?? '';
};

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/** Work calendars: who reads Justice's calendar (work.read there). */
const SCHEDULE_READERS: Role[] = [
  'receptionist',
  'processor',
  'approver',
  'result_returner',
  'clerk',
  'specialist',
  'unit_head',
  'agency_head',
  'personnel_officer',
];
let schedulePublishedId = '';
let scheduleDraftId = '';
let scheduleFeedToken = '';
/** A published entry of Justice's leaders' calendar (once) and a fresh draft before each call. */
const prepareScheduleEntries = async (f: Fixture) => {
  const clerk = await t.database.db
    .selectFrom('appUser')
    .select('id')
    .where('username', '=', USERS.clerk)
    .executeTakeFirstOrThrow();
  const entry = (status: 'draft' | 'published') => ({
    provinceCode: '33',
    agencyId: f.agencies.justice?.id ?? '',
    scheduleKind: 'agency_leaders' as const,
    ownerUserId: null,
    title: 'Họp giao ban (ma trận quyền)',
    content: null,
    startsAt: new Date('2026-12-07T01:00:00Z'),
    endsAt: new Date('2026-12-07T02:00:00Z'),
    place: null,
    chairUserId: null,
    chairText: null,
    preparingAgencyId: null,
    participantsText: null,
    attachments: JSON.stringify([]),
    weekStart: '2026-12-07',
    status,
    createdBy: clerk.id,
  });
  if (!schedulePublishedId) {
    const row = await t.database.db
      .insertInto('scheduleEntry')
      .values(entry('published'))
      .returning('id')
      .executeTakeFirstOrThrow();
    schedulePublishedId = row.id;
  }
  const draft = await t.database.db
    .insertInto('scheduleEntry')
    .values(entry('draft'))
    .returning('id')
    .executeTakeFirstOrThrow();
  scheduleDraftId = draft.id;
};
/** The clerk's iCal link (once): the feed is read with its token, no session. */
const prepareScheduleFeed = async () => {
  if (!scheduleFeedToken) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/schedule/feed',
      headers: sessions.get('clerk') ?? {},
    });
    scheduleFeedToken = (response.json() as { token: string }).token;
  }
};

let counter = 0;
const next = () => ++counter;

/** A confidential task of Justice, assigned by its head to the specialist (created once, by the API). */
let matrixTaskId = '';
const prepareMatrixTask = async (f: Fixture) => {
  if (matrixTaskId) {
    return;
  }
  const lead = await t.database.db
    .selectFrom('appUser')
    .select('id')
    .where('username', '=', USERS.specialist)
    .executeTakeFirstOrThrow();
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/tasks',
    headers: sessions.get('agency_head') ?? {},
    payload: {
      agencyId: f.agencies.justice?.id,
      title: 'Báo cáo mật',
      leadUserId: lead.id,
      workingDays: 3,
      confidential: true,
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  matrixTaskId = created.json().id;
};
/** issue 20, work files: who holds work.read (any agency), who keeps files at Justice, who works there. */
const WORK_READERS: Role[] = [
  'personnel_officer',
  'receptionist',
  'processor',
  'approver',
  'result_returner',
  'clerk',
  'specialist',
  'unit_head',
  'agency_head',
  'foreign_receptionist',
  'foreign_clerk',
];
const WORKFILE_KEEPERS: Role[] = ['clerk', 'specialist', 'unit_head', 'agency_head'];
const WORKFILE_OWNER_AND_HEADS: Role[] = ['specialist', 'unit_head', 'agency_head'];
const JUSTICE_STAFF: Role[] = [
  'personnel_officer',
  'receptionist',
  'processor',
  'approver',
  'result_returner',
  'agency_admin',
  'auditor',
  'par_focal',
  'clerk',
  'specialist',
  'unit_head',
  'agency_head',
];
let workFileId = '';
let workFileItemId = '';
let fileListEntryId = '';
/** The specialist's confidential work file at Justice, made once. */
const prepareWorkFile = async (f: Fixture) => {
  if (!workFileId) {
    const made = await seedTestWorkFile(t.ctx, {
      ownerUserId: f.users[USERS.specialist]?.id ?? '',
      agencyId: f.agencies.justice?.id ?? '',
    });
    workFileId = made.workFileId;
    workFileItemId = made.itemId;
  }
};
/** A fresh entry of Justice's 2026 file list before each call (a deletion consumes it). */
const prepareFileListEntry = async (f: Fixture) => {
  fileListEntryId = await seedTestFileListEntry(t.ctx, {
    agencyId: f.agencies.justice?.id ?? '',
    provinceCode: '33',
    year: 2026,
    code: `MT.XOA.${next()}`,
  });
};
/** issue 20 (consultations): who manages Justice's consultations — its specialist (the drafter) and its heads. */
const CONSULTATION_MANAGERS: Role[] = ['specialist', 'unit_head', 'agency_head'];
/** A fresh consultation of Justice before each call, drafted by the specialist, sent to Construction and the clerk. */
let consultation: { id: string; version: number; commentId: string | null } = { id: '', version: 0, commentId: null };
let consultationDraftFile: unknown;
const prepareConsultation =
  (stage: 'draft' | 'open' | 'commented' | 'closed') =>
  async (f: Fixture): Promise<void> => {
    const clerk = await t.database.db
      .selectFrom('appUser')
      .select('id')
      .where('username', '=', USERS.clerk)
      .executeTakeFirst();
    consultation = await seedTestConsultation(t, {
      drafter: USERS.specialist,
      agencyId: f.agencies.justice?.id ?? '',
      recipients: [{ agencyId: f.agencies.construction?.id ?? '' }, { userId: clerk?.id ?? '' }],
      stage,
      answerer: USERS.clerk,
    });
    const row = await t.database.db
      .selectFrom('consultation')
      .select('draft')
      .where('id', '=', consultation.id)
      .executeTakeFirst();
    consultationDraftFile = row?.draft;
  };

/** issue 21 item 5: a webhook subscription of the province (Hưng Yên) with one failed delivery, fresh per call. */
const webhookFixture = { id: '', version: 1, deliveryId: '' };
const prepareWebhook = async (): Promise<void> => {
  const id = randomUUID();
  const subscription = await insertWebhookSubscription(t.database.db, {
    id,
    provinceCode: '33',
    name: 'Ma trận phân quyền',
    // A loopback URL this installation refuses: a replay is logged as failed without any network call.
    url: 'https://127.0.0.1:9/hook',
    events: ['dossier.changed'],
    secretCiphertext: await sealSecret(t.ctx, 'webhook-secret', id, 'whsec_ma-tran'),
    createdBy: null,
    now: new Date(),
  });
  const delivery = await t.database.db
    .insertInto('webhookDelivery')
    .values({
      subscriptionId: subscription.id,
      provinceCode: '33',
      eventId: `dossier:${NO_SUCH_ID}:1`,
      eventType: 'dossier.changed',
      payload: JSON.stringify({ type: 'dossier.changed' }),
      state: 'failed',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  Object.assign(webhookFixture, { id: subscription.id, version: subscription.version, deliveryId: delivery.id });
};

/** issue 21 (catalog pull): a finished catalog pull of the province (Hưng Yên), made once. */
let catalogPullRunId = '';
const prepareCatalogPull = async () => {
  if (!catalogPullRunId) {
    const run = await insertCatalogPullRun(t.database.db, {
      provinceCode: '33',
      trigger: 'manual',
      requestedBy: null,
      now: new Date('2026-11-20T02:00:00Z'),
    });
    catalogPullRunId = run?.id ?? '';
    await finishCatalogPullRun(t.database.db, {
      id: catalogPullRunId,
      state: 'completed',
      summary: {},
      catalogImportId: null,
      failure: null,
      now: new Date('2026-11-20T02:01:00Z'),
    });
  }
};

/** issue 21 item 2: who reads the province's integration (integration.read) and who manages it. */
const INTEGRATION_READERS: Role[] = ['province_admin', 'auditor'];
const DVCQG_MONITOR_CASES: Case[] = [
  {
    method: 'GET',
    route: '/api/v1/integration/dvcqg/settings',
    url: () => '/api/v1/integration/dvcqg/settings?province=33',
    allowed: INTEGRATION_READERS,
  },
  {
    method: 'PUT',
    route: '/api/v1/integration/dvcqg/settings',
    url: () => '/api/v1/integration/dvcqg/settings',
    // The first allowed call saves version 1; later ones answer 409 (a business answer, after authorisation).
    body: () => ({
      provinceCode: '33',
      expectedVersion: 0,
      enabled: false,
      endpointUrl: null,
      authUrl: null,
      username: null,
      dstCode: null,
      unitCode: null,
      agencyCodes: {},
      onTimeMinutes: 1440,
      backlogAlertMinutes: 60,
      catalogPullHours: null,
    }),
    allowed: ['province_admin'],
  },
  {
    method: 'GET',
    route: '/api/v1/integration/dvcqg/monitor',
    url: () => '/api/v1/integration/dvcqg/monitor?province=33',
    allowed: INTEGRATION_READERS,
  },
  {
    method: 'GET',
    route: '/api/v1/integration/dvcqg/sync',
    url: () => '/api/v1/integration/dvcqg/sync?province=33&state=parked',
    allowed: INTEGRATION_READERS,
  },
  {
    method: 'GET',
    route: '/api/v1/integration/dvcqg/failures.xlsx',
    url: () => '/api/v1/integration/dvcqg/failures.xlsx?province=33',
    allowed: INTEGRATION_READERS,
  },
  {
    method: 'POST',
    route: '/api/v1/integration/dvcqg/bulk',
    url: () => '/api/v1/integration/dvcqg/bulk',
    body: () => ({ province: '33', action: 'retry', state: 'parked', limit: 10 }),
    allowed: ['province_admin'],
  },
  {
    method: 'GET',
    route: '/api/v1/dossiers/:code/dvcqg-sync',
    url: (f) => `/api/v1/dossiers/${f.code}/dvcqg-sync`,
    allowed: [...DOSSIER_READERS, 'province_admin'],
  },
  {
    method: 'POST',
    route: '/api/v1/dossiers/:code/dvcqg-sync/retry',
    url: (f) => `/api/v1/dossiers/${f.code}/dvcqg-sync/retry`,
    allowed: ['province_admin'],
  },
  {
    method: 'POST',
    route: '/api/v1/dossiers/:code/dvcqg-sync/resend',
    url: (f) => `/api/v1/dossiers/${f.code}/dvcqg-sync/resend`,
    allowed: ['province_admin'],
  },
];

/** issue 22 items 2–3 (procedure decisions): who drafts and publishes the province's decisions (procedure.manage here). */
const DECISION_EDITORS: Role[] = ['province_admin'];
let decisionDraft = { id: '', version: 1 };
let decisionPublishedId = '';
/** A fresh draft decision of the province (Hưng Yên) listing the birth registration, and one published decision (once). */
const prepareDecision = async () => {
  const insert = async (number: string) => {
    const row = await t.database.db
      .insertInto('procedureDecision')
      .values({ provinceCode: '33', number, signedOn: '2026-11-02', title: 'Công bố thủ tục (ma trận quyền)' })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('procedureDecisionItem')
      .values({
        decisionId: row.id,
        provinceCode: '33',
        position: 1,
        catalog: '33',
        procedureCode: '1.001193',
        procedureName: 'Thủ tục đăng ký khai sinh',
        changeKind: 'amended',
      })
      .execute();
    return row;
  };
  if (!decisionPublishedId) {
    const published = await insert(`${next()}/QĐ-UBND-MT`);
    await t.database.db
      .updateTable('procedureDecision')
      .set({ status: 'published', publishedAt: new Date('2026-11-03T02:00:00Z') })
      .where('id', '=', published.id)
      .execute();
    decisionPublishedId = published.id;
  }
  decisionDraft = await insert(`${next()}/QĐ-UBND-MT`);
};

/**
 * issue 22 item 1 (images and attachments): an image of Hưng Yên (a WebP variant 480 px wide) and a published,
 * visible article of Hưng Yên with one attachment, written straight to the database and the file store once.
 */
const portalMedia = { imageSha256: '', articleId: '' };
const preparePortalMedia = async (f: Fixture) => {
  if (portalMedia.articleId) {
    return;
  }
  await preparePortalMatrixItem(f);
  const uploadedBy = f.users[USERS.clerk]?.id ?? '';
  const original = await t.storage.put(Buffer.from('ảnh gốc của ma trận quyền'));
  const variant = await t.storage.put(Buffer.from('RIFF\0\0\0\0WEBPVP8 ma trận quyền'));
  await insertPortalImageIfMissing(t.database.db, {
    provinceCode: '33',
    sha256: original.sha256,
    uploadedBy,
    width: 480,
    height: 320,
    mediaType: 'image/jpeg',
    sizeBytes: original.size,
    variants: [{ width: 480, height: 320, sha256: variant.sha256, sizeBytes: variant.size }],
  });
  portalMedia.imageSha256 = original.sha256;
  const pdf = await t.storage.put(samplePdf('dinh-kem-ma-tran'));
  const category = await upsertPortalCategory(t.database.db, {
    provinceCode: '33',
    slug: 'tin-cchc',
    name: 'Tin CCHC',
  });
  portalMedia.articleId = await t.database.db.transaction().execute(async (trx) => {
    const row = await insertPortalArticle(trx, {
      provinceCode: '33',
      kind: 'article',
      categoryId: category.id,
      slug: 'tin-co-dinh-kem-ma-tran',
      title: 'Tin có tệp đính kèm (ma trận quyền)',
      status: 'published',
      publishAt: new Date('2020-01-01T00:00:00Z'),
      authorUserId: uploadedBy,
    });
    await insertPortalAttachment(trx, {
      articleId: row.id,
      provinceCode: '33',
      fileSha256: pdf.sha256,
      fileName: 'dinh-kem.pdf',
      mediaType: 'application/pdf',
      sizeBytes: pdf.size,
      title: 'Tệp đính kèm',
      uploadedBy,
    });
    return row.id;
  });
};

/**
 * Issue 22 item 4: Hưng Yên's site (the install's default) with an emblem, put back before each branding case (a
 * removal by the province administrator takes the emblem away).
 */
const prepareProvinceSite = async () => {
  await insertProvinceSiteIfMissing(t.database.db, {
    provinceCode: '33',
    name: 'Tỉnh Hưng Yên',
    placeName: 'Hưng Yên',
    isDefault: true,
  });
  const site = await findProvinceSite(t.database.db, '33');
  if (site && site.emblemSha256 === null) {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('ma-tran-bieu-trung')]);
    const stored = await t.ctx.storage.put(png);
    await t.database.db.transaction().execute((trx) =>
      changeProvinceSite(trx, {
        provinceCode: '33',
        expectedVersion: site.version,
        at: new Date(),
        actorUserId: null,
        action: 'emblem_changed',
        patch: { emblemSha256: stored.sha256, emblemMediaType: 'image/png' },
      }),
    );
  }
};
const SITE_BRANDING = {
  name: 'Tỉnh Hưng Yên',
  portalName: 'Cổng Dịch vụ công',
  placeName: 'Hưng Yên',
  colourPrimary: '#a61d24',
  colourAccent: '#d4a017',
  expectedVersion: 1,
};

/** issue 22 item 4 (hosting centre): a site of Hải Phòng (31) that the hosting routes read and change (once). */
const prepareHostingSite = async () => {
  await insertProvinceSiteIfMissing(t.database.db, {
    provinceCode: '31',
    name: 'Thành phố Hải Phòng',
    placeName: 'Hải Phòng',
  });
};

const CASES: Case[] = [
  // Public reading.
  { method: 'GET', route: '/healthz', url: () => '/healthz', allowed: 'public' },
  { method: 'GET', route: '/readyz', url: () => '/readyz', allowed: 'public' },
  { method: 'GET', route: '/problems/:slug', url: () => '/problems/not-found', allowed: 'public' },
  {
    method: 'GET',
    route: '/api/v1/administrative-units',
    url: () => '/api/v1/administrative-units',
    allowed: 'public',
  },
  { method: 'GET', route: '/api/v1/agencies', url: () => '/api/v1/agencies?province=33', allowed: 'public' },
  {
    method: 'GET',
    route: '/api/v1/agencies/:id',
    url: (f) => `/api/v1/agencies/${f.agencies.justice?.id}`,
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/calendar/holidays',
    url: () => '/api/v1/calendar/holidays?year=2026',
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/calendar/due',
    url: () => '/api/v1/calendar/due?from=2026-11-23T09:00:00%2B07:00&workingDays=1',
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/calendar/between',
    url: () => '/api/v1/calendar/between?from=2026-11-23T09:00:00%2B07:00&to=2026-11-24T09:00:00%2B07:00',
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/calendar/lunar',
    url: () => '/api/v1/calendar/lunar?date=2026-02-17',
    allowed: 'public',
  },
  { method: 'GET', route: '/api/v1/procedures', url: () => '/api/v1/procedures?catalog=33', allowed: 'public' },
  {
    method: 'GET',
    route: '/api/v1/procedures/:code',
    url: () => '/api/v1/procedures/1.001193?catalog=33',
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/procedures/:code/versions/:no',
    url: () => '/api/v1/procedures/1.001193/versions/1?catalog=33',
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/procedures/export',
    url: () => '/api/v1/procedures/export?catalog=33',
    allowed: 'public',
  },
  {
    method: 'POST',
    route: '/api/v1/auth/login',
    url: () => '/api/v1/auth/login',
    body: () => ({ username: 'tiepnhan', password: TEST_PASSWORD }),
    allowed: 'public',
  },
  { method: 'POST', route: '/api/v1/auth/logout', url: () => '/api/v1/auth/logout', allowed: 'public' },

  // The caller's own account.
  { method: 'GET', route: '/api/v1/me', url: () => '/api/v1/me', allowed: 'any' },
  { method: 'GET', route: '/api/v1/me/api-tokens', url: () => '/api/v1/me/api-tokens', allowed: 'any' },
  {
    method: 'POST',
    route: '/api/v1/me/api-tokens',
    url: () => '/api/v1/me/api-tokens',
    body: () => ({ name: 'ma-tran' }),
    allowed: 'any',
  },
  {
    method: 'DELETE',
    route: '/api/v1/me/api-tokens/:id',
    url: () => '/api/v1/me/api-tokens/00000000-0000-4000-8000-000000000000',
    // Everyone may ask; an unknown token of one's own answers 404, so this row only checks anonymous.
    allowed: [],
  },

  // Agencies.
  {
    method: 'GET',
    route: '/api/v1/agencies/:id/changes',
    url: (f) => `/api/v1/agencies/${f.agencies.justice?.id}/changes`,
    allowed: [...OWN_ROLES],
  },
  {
    method: 'POST',
    route: '/api/v1/agencies',
    url: () => '/api/v1/agencies',
    body: (f, n) => ({
      code: `000.${String(10 + (n % 80)).padStart(2, '0')}.01.H31`,
      name: `Phòng thử nghiệm ${n}`,
      kind: 'division',
      parentId: f.agencies.justice?.id,
    }),
    allowed: ['agency_admin', 'province_admin'],
  },
  {
    method: 'PATCH',
    route: '/api/v1/agencies/:id',
    url: (f) => `/api/v1/agencies/${f.agencies.justice?.id}`,
    body: () => ({ expectedVersion: 999, name: 'Sở Tư pháp tỉnh Hưng Yên' }),
    allowed: ['agency_admin', 'province_admin'],
  },
  {
    method: 'POST',
    route: '/api/v1/agencies/:id/move',
    url: (f) => `/api/v1/agencies/${f.agencies.justiceDivision?.id}/move`,
    body: (f) => ({ expectedVersion: 999, parentId: f.agencies.justice?.id }),
    allowed: ['agency_admin', 'province_admin'],
  },
  {
    method: 'POST',
    route: '/api/v1/agencies/merge',
    url: () => '/api/v1/agencies/merge',
    body: (f) => ({
      predecessorIds: [f.agencies.justiceDivision?.id],
      successor: { existingId: f.agencies.justiceDivision?.id },
      effective: '2027-01-01',
    }),
    // The predecessor and the successor are the same agency, so an allowed caller gets 422.
    allowed: ['agency_admin', 'province_admin'],
  },
  {
    method: 'POST',
    route: '/api/v1/agencies/:id/split',
    url: (f) => `/api/v1/agencies/${f.agencies.justice?.id}/split`,
    body: (f) => ({
      effective: '2027-01-01',
      successors: [{ existingId: f.agencies.justiceDivision?.id }, { existingId: f.agencies.justiceDivision?.id }],
    }),
    // Justice has a division, so an allowed caller gets 409 AGENCY_HAS_CHILDREN.
    allowed: ['agency_admin', 'province_admin'],
  },

  // Users.
  {
    method: 'GET',
    route: '/api/v1/users',
    url: (f) => `/api/v1/users?agency=${f.agencies.justice?.id}`,
    // The personnel officer (tổ chức cán bộ) holds user.read.
    allowed: ['agency_admin', 'province_admin', 'auditor', 'personnel_officer'],
  },
  {
    method: 'GET',
    route: '/api/v1/users/:id',
    url: (f) => `/api/v1/users/${f.userId}`,
    allowed: ['agency_admin', 'province_admin', 'auditor', 'personnel_officer'],
  },
  {
    method: 'POST',
    route: '/api/v1/users',
    url: () => '/api/v1/users',
    body: (f, n) => ({
      username: `matran${n}`,
      fullName: 'Cán bộ Ma Trận',
      password: 'Mat-khau-moi-2026',
      roles: [{ agencyId: f.agencies.justice?.id, role: 'processor' }],
    }),
    allowed: ['agency_admin', 'province_admin'],
  },
  {
    method: 'PATCH',
    route: '/api/v1/users/:id',
    url: (f) => `/api/v1/users/${f.userId}`,
    body: () => ({ expectedVersion: 999, title: 'Chuyên viên' }),
    allowed: ['agency_admin', 'province_admin'],
  },
  {
    method: 'POST',
    route: '/api/v1/users/:id/password',
    url: (f) => `/api/v1/users/${f.userId}/password`,
    body: () => ({ password: 'ngan' }),
    allowed: ['agency_admin', 'province_admin'],
  },
  {
    method: 'POST',
    route: '/api/v1/users/:id/roles',
    url: (f) => `/api/v1/users/${f.userId}/roles`,
    body: (f) => ({ agencyId: f.agencies.justice?.id, role: 'auditor' }),
    allowed: ['agency_admin', 'province_admin'],
  },
  {
    method: 'DELETE',
    route: '/api/v1/users/:id/roles/:agencyId/:role',
    url: (f) => `/api/v1/users/${f.userId}/roles/${f.agencies.justice?.id}/result_returner`,
    prepare: (f) =>
      insertUserRole(t.database.db, {
        userId: f.userId,
        agencyId: f.agencies.justice?.id ?? '',
        role: 'result_returner',
        includeSubagencies: false,
        grantedBy: null,
      }),
    allowed: ['agency_admin', 'province_admin'],
  },

  // Calendar administration.
  {
    method: 'GET',
    route: '/api/v1/calendar/changes',
    url: () => '/api/v1/calendar/changes?province=33',
    // Every official of the province, the clerk of Construction too; Hà Nội's are refused.
    allowed: [...OWN_ROLES, 'foreign_clerk'],
  },
  {
    method: 'POST',
    route: '/api/v1/calendar/entries',
    url: () => '/api/v1/calendar/entries',
    body: () => ({ province: '33', entries: [{ date: '2031-01-15', remove: true, source: 'Ma trận phân quyền' }] }),
    allowed: ['province_admin'],
  },
  {
    method: 'POST',
    route: '/api/v1/calendar/entries/preview',
    url: () => '/api/v1/calendar/entries/preview',
    body: () => ({
      province: '33',
      entries: [{ date: '2027-12-01', kind: 'extra_day_off', period: 'Thử', source: 'Ma trận' }],
    }),
    allowed: ['province_admin'],
  },
  {
    method: 'POST',
    route: '/api/v1/calendar/published-years',
    url: () => '/api/v1/calendar/published-years',
    body: () => ({ province: '33', year: 2030, source: 'Ma trận phân quyền' }),
    allowed: ['province_admin'],
  },

  // Catalog administration (province catalog 33).
  {
    method: 'POST',
    route: '/api/v1/procedures',
    url: () => '/api/v1/procedures',
    body: () => ({ catalog: '33', fromNational: '1.999999' }),
    allowed: ['province_admin'],
  },
  {
    method: 'POST',
    route: '/api/v1/procedures/imports',
    url: () => '/api/v1/procedures/imports?catalog=33',
    body: () => ({ procedures: [] }),
    allowed: ['province_admin'],
  },
  {
    method: 'GET',
    route: '/api/v1/procedures/imports/:id',
    url: (f) => `/api/v1/procedures/imports/${f.importId}`,
    allowed: ['province_admin'],
  },
  {
    method: 'GET',
    route: '/api/v1/procedures/imports/:id/rows',
    url: (f) => `/api/v1/procedures/imports/${f.importId}/rows`,
    allowed: ['province_admin'],
  },
  {
    method: 'POST',
    route: '/api/v1/procedures/:code/versions',
    url: () => '/api/v1/procedures/1.001193/versions?catalog=33',
    body: () => ({ expectedVersion: 999 }),
    allowed: ['province_admin'],
  },
  {
    method: 'PUT',
    route: '/api/v1/procedures/:code/versions/:no',
    url: () => '/api/v1/procedures/1.001193/versions/1?catalog=33',
    body: () => ({ expectedVersion: 999, content: {} }),
    allowed: ['province_admin'],
  },
  {
    method: 'POST',
    route: '/api/v1/procedures/:code/versions/:no/publish',
    url: () => '/api/v1/procedures/1.001193/versions/1/publish?catalog=33',
    body: () => ({ expectedVersion: 999, effectiveFrom: '2027-01-01' }),
    allowed: ['province_admin'],
  },
  {
    method: 'PUT',
    route: '/api/v1/procedures/:code/agencies',
    url: () => '/api/v1/procedures/1.001193/agencies?catalog=33',
    body: () => ({ expectedVersion: 999, agencies: [] }),
    allowed: ['province_admin'],
  },

  // Dossiers (received at the Department of Justice).
  {
    method: 'POST',
    route: '/api/v1/dossiers',
    url: () => '/api/v1/dossiers',
    body: (f) => ({
      receivingAgencyId: f.agencies.justice?.id,
      procedureCode: '1.001193',
      applicant: {
        kind: 'person',
        fullName: 'Lê Văn Ma Trận',
        idNumber: '033085001234',
        dateOfBirth: '1985-04-12',
        address: { text: 'Phường Phố Hiến, tỉnh Hưng Yên' },
      },
      components: [],
      outcome: 'receive',
    }),
    // Nothing is handed in, so the receptionist gets 422 DOSSIER_INCOMPLETE; nobody else may receive.
    allowed: ['receptionist'],
  },
  // A foreign receptionist has an inbox of their own (empty of ours: see dossiers.routes.test.ts).
  {
    method: 'GET',
    route: '/api/v1/dossiers',
    url: () => '/api/v1/dossiers?box=all',
    allowed: [...DOSSIER_READERS, 'foreign_receptionist'],
  },
  {
    method: 'GET',
    route: '/api/v1/dossiers/counts',
    url: () => '/api/v1/dossiers/counts',
    allowed: [...DOSSIER_READERS, 'foreign_receptionist'],
  },
  {
    method: 'GET',
    route: '/api/v1/dossiers/:code/assignees',
    url: (f) => `/api/v1/dossiers/${f.code}/assignees`,
    // The dossier is at the desk of Justice (received there): only its processors and approvers assign.
    allowed: ['processor', 'approver'],
  },
  {
    method: 'GET',
    route: '/api/v1/dossiers/:code',
    url: (f) => `/api/v1/dossiers/${f.code}`,
    allowed: DOSSIER_READERS,
  },
  {
    method: 'GET',
    route: '/api/v1/dossiers/:code/events',
    url: (f) => `/api/v1/dossiers/${f.code}/events`,
    allowed: DOSSIER_READERS,
  },
  {
    method: 'GET',
    route: '/api/v1/dossiers/:code/actions',
    url: (f) => `/api/v1/dossiers/${f.code}/actions`,
    allowed: DOSSIER_READERS,
  },
  {
    method: 'GET',
    route: '/api/v1/dossiers/:code/forms/:file',
    url: (f) => `/api/v1/dossiers/${f.code}/forms/receipt.pdf`,
    allowed: DOSSIER_READERS,
  },
  {
    method: 'GET',
    route: '/api/v1/dossiers/:code/export.json',
    url: (f) => `/api/v1/dossiers/${f.code}/export.json`,
    allowed: DOSSIER_READERS,
  },
  {
    method: 'GET',
    route: '/api/v1/dossiers/:code/application-form.pdf',
    url: (f) => `/api/v1/dossiers/${f.code}/application-form.pdf`,
    allowed: DOSSIER_READERS,
  },
  {
    method: 'POST',
    route: '/api/v1/dossiers/:code/actions/:action',
    url: (f) => `/api/v1/dossiers/${f.code}/actions/forward`,
    body: () => ({ expectedVersion: 999, params: {} }),
    // Forwarding is the desk's: the receptionist gets 409 (stale version); other readers 403.
    allowed: ['receptionist'],
  },

  // Fees and charges: every reader sees the account; only the receiving agency's desk collects.
  {
    method: 'GET',
    route: '/api/v1/dossiers/:code/fees',
    url: (f) => `/api/v1/dossiers/${f.code}/fees`,
    allowed: DOSSIER_READERS,
  },
  {
    method: 'POST',
    route: '/api/v1/dossiers/:code/fees/payments',
    url: (f) => `/api/v1/dossiers/${f.code}/fees/payments`,
    body: () => ({ expectedVersion: 999, amountVnd: 10_000, method: 'cash' }),
    // The dossier was received at Justice: its receptionist and result returner get 409 (stale version);
    // the other readers 403 (fees.routes.test.ts shows a real collection and its receipt).
    allowed: ['receptionist', 'result_returner'],
  },
  {
    method: 'GET',
    route: '/api/v1/dossiers/:code/fees/payments/:id/receipt',
    url: (f) => `/api/v1/dossiers/${f.code}/fees/payments/00000000-0000-4000-8000-000000000000/receipt`,
    // No payment exists (the procedure is free), so this row checks that nobody gets more than 404;
    // fees.routes.test.ts downloads real receipts.
    allowed: [],
  },

  // What officials do for the portal.
  {
    method: 'POST',
    route: '/api/v1/dossiers/:code/documents',
    url: (f) => `/api/v1/dossiers/${f.code}/documents?kind=component&name=${encodeURIComponent('Bản chụp tờ khai')}`,
    upload: true,
    // A scan is attached by the desk or by whoever may process the dossier at its current agency.
    allowed: ['receptionist', 'processor', 'approver', 'result_returner'],
  },
  {
    method: 'POST',
    route: '/api/v1/dossiers/:code/results/generate',
    url: (f) => `/api/v1/dossiers/${f.code}/results/generate`,
    body: () => ({ documentNo: '01/2026' }),
    // The same rule as attaching a result: the desk, or whoever may process the dossier where it is.
    allowed: ['receptionist', 'processor', 'approver', 'result_returner'],
  },
  {
    method: 'GET',
    route: '/api/v1/dossiers/:code/documents/:id',
    url: (f) => `/api/v1/dossiers/${f.citizenCode}/documents/${f.documentId}`,
    allowed: DOSSIER_READERS,
  },
  {
    method: 'POST',
    route: '/api/v1/dossiers/:code/rating',
    url: (f) => `/api/v1/dossiers/${f.code}/rating`,
    body: () => ({ overall: 'satisfied', easeOfUse: 'satisfied' }),
    // The counter officers of the receiving agency; the dossier is not returned yet, so they get 409.
    allowed: ['receptionist', 'result_returner'],
  },
  {
    method: 'PUT',
    route: '/api/v1/procedures/:code/templates/:key',
    url: () => '/api/v1/procedures/1.001193/templates/to-khai?catalog=33',
    upload: true,
    allowed: ['province_admin'],
  },

  // The portal's public endpoints.
  { method: 'GET', route: '/api/v1/public/settings', url: () => '/api/v1/public/settings', allowed: 'public' },
  {
    method: 'GET',
    route: '/api/v1/public/procedures/:code',
    url: () => '/api/v1/public/procedures/1.001193?catalog=33',
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/public/procedures/:code/form',
    url: () => '/api/v1/public/procedures/1.001193/form?catalog=33',
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/public/procedures/:code/templates/:key',
    url: () => '/api/v1/public/procedures/1.001193/templates/to-khai?catalog=33',
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/public/dossiers/:code',
    url: (f) => `/api/v1/public/dossiers/${f.code}?factor=1234`,
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/public/documents/:sha256',
    url: () => `/api/v1/public/documents/${'0'.repeat(64)}`,
    allowed: 'public',
  },
  {
    method: 'POST',
    route: '/api/v1/public/pakn',
    url: () => '/api/v1/public/pakn',
    body: () => ({
      provinceCode: '33',
      kind: 'kien_nghi',
      topic: 'regulation',
      regulation: 'Thủ tục đăng ký khai sinh',
      content: 'Đề nghị cho phép nộp bản chụp giấy chứng sinh qua mạng thay cho bản chính.',
      sender: { name: 'Nguyễn Văn Góp Ý', address: 'Phường Phố Hiến, tỉnh Hưng Yên', phone: '0912345678' },
    }),
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/public/pakn/:code',
    url: () => '/api/v1/public/pakn/PAKN.20261123.0001',
    allowed: 'public',
  },
  // PAKN handling (Decree 20/2008). PAKN.20261123.0001 came from the portal above: the province's People's
  // Committee holds it, so of these roles only the province administrator reads it; none of them holds
  // pakn.receive/handle (pakn_officer is not in this table), so no one here may take a step or register.
  {
    method: 'GET',
    route: '/api/v1/pakn',
    url: () => '/api/v1/pakn',
    // The caller's own scope: another province's administrator gets their province's (empty) list.
    allowed: ['approver', 'province_admin', 'auditor', 'foreign_admin'],
    prepare: revokeGrantedAuditor,
  },
  {
    method: 'POST',
    route: '/api/v1/pakn',
    url: () => '/api/v1/pakn',
    body: (f) => ({
      agencyId: f.agencies.justice?.id,
      channel: 'counter',
      kind: 'phan_anh',
      topic: 'conduct',
      regulation: 'Thủ tục đăng ký khai sinh',
      content: 'Cán bộ tiếp nhận yêu cầu nộp thêm giấy tờ không có trong thành phần hồ sơ.',
      sender: { name: 'Nguyễn Văn Góp Ý', address: 'Phường Phố Hiến, tỉnh Hưng Yên', phone: '0912345678' },
    }),
    allowed: [],
  },
  {
    method: 'GET',
    route: '/api/v1/pakn/statistics',
    url: () => '/api/v1/pakn/statistics?from=2026-11-01&to=2026-11-30',
    // The caller's own scope: another province's administrator gets their province's (empty) list.
    allowed: ['approver', 'province_admin', 'auditor', 'foreign_admin'],
    prepare: revokeGrantedAuditor,
  },
  {
    method: 'GET',
    route: '/api/v1/pakn/register.xlsx',
    url: () => '/api/v1/pakn/register.xlsx',
    // The caller's own scope: another province's administrator gets their province's (empty) list.
    allowed: ['approver', 'province_admin', 'auditor', 'foreign_admin'],
    prepare: revokeGrantedAuditor,
  },
  {
    method: 'GET',
    route: '/api/v1/pakn/settings',
    url: () => '/api/v1/pakn/settings?province=33',
    allowed: ['province_admin'],
  },
  {
    method: 'PUT',
    route: '/api/v1/pakn/settings',
    url: () => '/api/v1/pakn/settings',
    body: () => ({
      provinceCode: '33',
      timeLimits: { classifyWorkingDays: 5, answerWorkingDays: { conduct: 10, own_competence: 10, not_competent: 10 } },
      portalAgencyId: null,
      expectedVersion: 0,
    }),
    allowed: ['province_admin'],
  },
  {
    method: 'GET',
    route: '/api/v1/pakn/:code',
    url: () => '/api/v1/pakn/PAKN.20261123.0001',
    allowed: ['province_admin'],
  },
  {
    method: 'POST',
    route: '/api/v1/pakn/:code/actions',
    url: () => '/api/v1/pakn/PAKN.20261123.0001/actions',
    body: () => ({ action: 'classify', category: 'own_competence', expectedVersion: 999 }),
    allowed: [],
  },
  {
    method: 'GET',
    route: '/api/v1/pakn/:code/answer.pdf',
    url: () => '/api/v1/pakn/PAKN.20261123.0001/answer.pdf',
    // Not answered yet: 404 for every reader too (pakn.routes.test.ts reads an answer's PDF).
    allowed: [],
  },
  {
    method: 'GET',
    route: '/api/v1/public/pakn-answers',
    url: () => '/api/v1/public/pakn-answers?province=33',
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/public/pakn-answers/:code',
    url: () => '/api/v1/public/pakn-answers/PAKN.20261123.0001',
    // Not published: 404 for everybody, anonymous too (never 401/403).
    allowed: 'public',
  },
  {
    method: 'POST',
    route: '/api/v1/public/pakn/:code/rating',
    url: () => '/api/v1/public/pakn/PAKN.20261123.0001/rating',
    body: () => ({ phoneLast4: '5678', rating: 'satisfied' }),
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/public/rating-criteria',
    url: () => '/api/v1/public/rating-criteria',
    allowed: 'public',
  },
  {
    method: 'POST',
    route: '/api/v1/payments/dvcqg/callback',
    url: () => '/api/v1/payments/dvcqg/callback',
    body: () => ({}),
    // The payment platform calls it; the message's signature, not a session, is what is checked.
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/payments/sandbox/:reference',
    url: () => '/api/v1/payments/sandbox/MATRAN0001',
    allowed: 'public',
  },
  {
    method: 'POST',
    route: '/api/v1/payments/sandbox/:reference',
    url: () => '/api/v1/payments/sandbox/MATRAN0001',
    body: () => ({ outcome: 'success', token: 'khong-hop-le-0000' }),
    allowed: 'public',
  },

  // Citizen sign-in.
  {
    method: 'GET',
    route: '/api/v1/citizen/auth/start',
    url: () => '/api/v1/citizen/auth/start',
    // No identity provider is configured here: the answer is 404, to anyone.
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/citizen/auth/callback',
    url: () => '/api/v1/citizen/auth/callback?code=abc&state=xyz',
    allowed: 'public',
  },
  {
    method: 'POST',
    route: '/api/v1/citizen/auth/login',
    url: () => '/api/v1/citizen/auth/login',
    body: () => ({ username: DEMO_CITIZEN.username, password: CITIZEN_PASSWORD }),
    allowed: 'public',
  },
  { method: 'POST', route: '/api/v1/citizen/auth/logout', url: () => '/api/v1/citizen/auth/logout', allowed: 'public' },

  // What a signed-in citizen does. 'foreign_citizen' is another citizen: the first one's things are 404 to them.
  {
    method: 'GET',
    route: '/api/v1/citizen/me',
    url: () => '/api/v1/citizen/me',
    audience: 'citizen',
    allowed: CITIZENS,
  },
  {
    method: 'PATCH',
    route: '/api/v1/citizen/me',
    url: () => '/api/v1/citizen/me',
    body: () => ({ phone: '0912345678' }),
    audience: 'citizen',
    allowed: CITIZENS,
  },
  {
    method: 'POST',
    route: '/api/v1/citizen/drafts',
    url: () => '/api/v1/citizen/drafts',
    body: () => ({ catalog: '33', procedureCode: '1.001193' }),
    audience: 'citizen',
    allowed: CITIZENS,
  },
  {
    method: 'GET',
    route: '/api/v1/citizen/drafts',
    url: () => '/api/v1/citizen/drafts',
    audience: 'citizen',
    allowed: CITIZENS,
  },
  {
    method: 'GET',
    route: '/api/v1/citizen/drafts/:id',
    url: (f) => `/api/v1/citizen/drafts/${f.draftId}`,
    audience: 'citizen',
    allowed: ['citizen'],
  },
  {
    method: 'PUT',
    route: '/api/v1/citizen/drafts/:id',
    url: (f) => `/api/v1/citizen/drafts/${f.draftId}`,
    body: () => ({ expectedVersion: 999, data: {} }),
    audience: 'citizen',
    allowed: ['citizen'],
  },
  {
    method: 'DELETE',
    route: '/api/v1/citizen/drafts/:id',
    url: (f) => `/api/v1/citizen/drafts/${f.spareDraftId}`,
    prepare: async (f) => {
      f.spareDraftId = await startDraft();
    },
    audience: 'citizen',
    allowed: ['citizen'],
  },
  {
    method: 'POST',
    route: '/api/v1/citizen/drafts/:id/uploads',
    url: (f) => `/api/v1/citizen/drafts/${f.draftId}/uploads?component=to-khai`,
    upload: true,
    audience: 'citizen',
    allowed: ['citizen'],
  },
  {
    method: 'POST',
    route: '/api/v1/citizen/drafts/:id/submit',
    url: (f) => `/api/v1/citizen/drafts/${f.draftId}/submit`,
    body: () => ({ expectedVersion: 999 }),
    audience: 'citizen',
    allowed: ['citizen'],
  },
  {
    method: 'GET',
    route: '/api/v1/citizen/uploads/:id',
    url: (f) => `/api/v1/citizen/uploads/${f.uploadId}`,
    audience: 'citizen',
    allowed: ['citizen'],
  },
  {
    method: 'DELETE',
    route: '/api/v1/citizen/uploads/:id',
    url: (f) => `/api/v1/citizen/uploads/${f.spareUploadId}`,
    prepare: async (f) => {
      f.spareUploadId = await uploadToDraft(await startDraft());
    },
    audience: 'citizen',
    allowed: ['citizen'],
  },
  {
    method: 'GET',
    route: '/api/v1/citizen/dossiers',
    url: () => '/api/v1/citizen/dossiers',
    audience: 'citizen',
    allowed: CITIZENS,
  },
  {
    method: 'GET',
    route: '/api/v1/citizen/dossiers/:code',
    url: (f) => `/api/v1/citizen/dossiers/${f.citizenCode}`,
    audience: 'citizen',
    allowed: ['citizen'],
  },
  {
    method: 'GET',
    route: '/api/v1/citizen/dossiers/:code/application-form.pdf',
    url: (f) => `/api/v1/citizen/dossiers/${f.citizenCode}/application-form.pdf`,
    audience: 'citizen',
    allowed: ['citizen'],
  },
  {
    method: 'GET',
    route: '/api/v1/citizen/dossiers/:code/documents/:id',
    url: (f) => `/api/v1/citizen/dossiers/${f.citizenCode}/documents/${f.documentId}`,
    audience: 'citizen',
    allowed: ['citizen'],
  },
  {
    method: 'POST',
    route: '/api/v1/citizen/dossiers/:code/uploads',
    url: (f) => `/api/v1/citizen/dossiers/${f.citizenCode}/uploads?component=to-khai`,
    upload: true,
    // Nothing is asked of the applicant yet: the owner gets 409, another citizen 404.
    audience: 'citizen',
    allowed: ['citizen'],
  },
  {
    method: 'POST',
    route: '/api/v1/citizen/dossiers/:code/supplement',
    url: (f) => `/api/v1/citizen/dossiers/${f.citizenCode}/supplement`,
    body: () => ({ expectedVersion: 999 }),
    audience: 'citizen',
    allowed: ['citizen'],
  },
  {
    method: 'POST',
    route: '/api/v1/citizen/dossiers/:code/withdraw',
    url: (f) => `/api/v1/citizen/dossiers/${f.citizenCode}/withdraw`,
    body: () => ({ expectedVersion: 999, reason: 'Thử ma trận phân quyền' }),
    audience: 'citizen',
    allowed: ['citizen'],
  },
  {
    method: 'POST',
    route: '/api/v1/citizen/dossiers/:code/payments',
    url: (f) => `/api/v1/citizen/dossiers/${f.citizenCode}/payments`,
    // The procedure charges nothing: the owner gets a business refusal, another citizen 404.
    audience: 'citizen',
    allowed: ['citizen'],
  },
  {
    method: 'GET',
    route: '/api/v1/citizen/dossiers/:code/payments',
    url: (f) => `/api/v1/citizen/dossiers/${f.citizenCode}/payments`,
    audience: 'citizen',
    allowed: ['citizen'],
  },
  {
    method: 'GET',
    route: '/api/v1/citizen/dossiers/:code/payments/:id/receipt',
    url: (f) => `/api/v1/citizen/dossiers/${f.citizenCode}/payments/00000000-0000-4000-8000-000000000000/receipt`,
    // No payment exists (the procedure is free), so this row checks the audiences and the other citizen;
    // portal-payments.routes.test.ts shows a paid receipt refused to another citizen.
    audience: 'citizen',
    allowed: [],
  },
  {
    method: 'POST',
    route: '/api/v1/citizen/dossiers/:code/rating',
    url: (f) => `/api/v1/citizen/dossiers/${f.citizenCode}/rating`,
    body: () => ({ overall: 'satisfied', easeOfUse: 'satisfied' }),
    // Not returned yet: the owner gets 409.
    audience: 'citizen',
    allowed: ['citizen'],
  },
  // Background queues: the installation's, so every province administrator (system.read) and no one else.
  {
    method: 'GET',
    route: '/api/v1/system/queues',
    url: () => '/api/v1/system/queues',
    allowed: ['province_admin', 'foreign_admin'],
  },
  {
    method: 'GET',
    route: '/api/v1/system/replica',
    url: () => '/api/v1/system/replica',
    allowed: ['province_admin', 'foreign_admin'],
  },
  // Reports: report.read reaching the agency (approver, agency and province administrators, auditor);
  // the tracking book also for those who read the desk's dossiers. An explicit scope, so a foreign
  // province's administrator is refused rather than shown their own province.
  ...(
    [
      '/api/v1/reports/statistics',
      '/api/v1/reports/statistics.xlsx',
      '/api/v1/reports/statistics.pdf',
      '/api/v1/reports/service-index',
      '/api/v1/reports/service-index.xlsx',
      '/api/v1/reports/lateness',
    ] as const
  ).map(
    (route): Case => ({
      method: 'GET',
      route,
      url: (f) => `${route}?scope=agency&agency=${f.agencies.justice?.id}&period=2026-11`,
      prepare: revokeGrantedAuditor,
      allowed: REPORT_READERS,
    }),
  ),
  {
    method: 'GET',
    route: '/api/v1/reports/dossiers',
    url: (f) => `/api/v1/reports/dossiers?scope=agency&agency=${f.agencies.justice?.id}&period=2026-11&figure=received`,
    prepare: revokeGrantedAuditor,
    allowed: REPORT_READERS,
  },
  ...(
    [
      '/api/v1/reports/tracking-book',
      '/api/v1/reports/tracking-book.xlsx',
      '/api/v1/reports/tracking-book.pdf',
    ] as const
  ).map(
    (route): Case => ({
      method: 'GET',
      route,
      url: (f) => `${route}?agency=${f.agencies.justice?.id}&period=2026-11`,
      // Not the CCHC focal officer (par.read), the specialist, the unit head (document.*) or the personnel
      // officer (evaluation.*): they read no dossier and no report.
      allowed: OWN_ROLES.filter(
        (role) => !['par_focal', 'specialist', 'unit_head', 'personnel_officer'].includes(role),
      ),
    }),
  ),
  // Historical imports: writing into a province's statistics is the province administrator's
  // (report.import); reading them, its province-wide report readers (the same) and whoever started one.
  {
    method: 'POST',
    route: '/api/v1/reports/imports',
    url: () => '/api/v1/reports/imports?province=33',
    upload: 'csv',
    allowed: ['province_admin'],
  },
  {
    method: 'GET',
    route: '/api/v1/reports/imports',
    url: () => '/api/v1/reports/imports?province=33',
    allowed: ['province_admin', 'par_organiser'],
  },
  {
    method: 'GET',
    route: '/api/v1/reports/imports/:id',
    url: (f) => `/api/v1/reports/imports/${f.dossierImportId}`,
    allowed: ['province_admin', 'par_organiser'],
  },
  // The PAR Index results: before publication only the organiser (par.organise) sees a round; a published round
  // is every official's, and the public API anyone's.
  {
    method: 'GET',
    route: '/api/v1/par/results/rounds',
    url: () => '/api/v1/par/results/rounds',
    allowed: ['par_organiser'],
  },
  {
    method: 'GET',
    route: '/api/v1/par/results/rounds/:id',
    url: (f) => `/api/v1/par/results/rounds/${f.parOpenRoundId}`,
    allowed: ['par_organiser'],
  },
  {
    method: 'GET',
    route: '/api/v1/par/results/rounds/:id',
    url: (f) => `/api/v1/par/results/rounds/${f.parPublishedRoundId}`,
    allowed: [...OWN_ROLES, 'foreign_clerk'], // the province's officials (issue 22 item 4)
  },
  {
    method: 'GET',
    route: '/api/v1/par/results/rounds/:id/summary.xlsx',
    url: (f) => `/api/v1/par/results/rounds/${f.parOpenRoundId}/summary.xlsx`,
    allowed: ['par_organiser'],
  },
  {
    method: 'GET',
    route: '/api/v1/par/results/rounds/:id/summary.xlsx',
    url: (f) => `/api/v1/par/results/rounds/${f.parPublishedRoundId}/summary.xlsx`,
    allowed: [...OWN_ROLES, 'foreign_clerk'], // the province's officials (issue 22 item 4)
  },
  {
    method: 'GET',
    route: '/api/v1/par/results/rounds/:id/appendix.pdf',
    url: (f) => `/api/v1/par/results/rounds/${f.parPublishedRoundId}/appendix.pdf`,
    allowed: [...OWN_ROLES, 'foreign_clerk'], // the province's officials (issue 22 item 4)
  },
  {
    method: 'GET',
    route: '/api/v1/par/results/rounds/:id/progress',
    url: (f) => `/api/v1/par/results/rounds/${f.parOpenRoundId}/progress`,
    allowed: ['par_organiser'],
  },
  {
    method: 'POST',
    route: '/api/v1/par/results/rounds/:id/publication',
    url: (f) => `/api/v1/par/results/rounds/${f.parOpenRoundId}/publication`,
    body: () => ({ expectedVersion: 1, decisionNumber: '9/QĐ-UBND', decisionDate: '2027-03-01' }),
    allowed: ['par_organiser'],
  },
  {
    method: 'PUT',
    route: '/api/v1/par/results/national/:year',
    url: () => '/api/v1/par/results/national/2023',
    body: () => ({ source: 'Bộ Nội vụ', rows: [{ provinceCode: '33', provinceName: 'Hưng Yên', points: 85 }] }),
    allowed: ['par_organiser'],
  },
  {
    method: 'POST',
    route: '/api/v1/par/results/national/:year/import',
    url: () => '/api/v1/par/results/national/2023/import',
    upload: true,
    allowed: ['par_organiser'],
  },
  {
    method: 'GET',
    route: '/api/v1/public/par/rounds',
    url: () => '/api/v1/public/par/rounds?province=33',
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/public/par/results',
    url: () => '/api/v1/public/par/results?province=33&year=2024',
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/public/par/results/summary.xlsx',
    url: () => '/api/v1/public/par/results/summary.xlsx?province=33&year=2024',
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/public/par/results/appendix.pdf',
    url: () => '/api/v1/public/par/results/appendix.pdf?province=33&year=2024',
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/public/par/units/:agencyId',
    url: (f) => `/api/v1/public/par/units/${f.agencies.justice?.id}`,
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/public/par/national',
    url: () => '/api/v1/public/par/national?province=33&year=2023',
    allowed: 'public',
  },

  // PAR Index criteria sets: read by the province's PAR roles (par.read), written by the organiser (par.organise).
  {
    method: 'GET',
    route: '/api/v1/par/criteria-sets',
    url: () => '/api/v1/par/criteria-sets?province=33',
    allowed: PAR_READERS,
  },
  {
    method: 'POST',
    route: '/api/v1/par/criteria-sets',
    url: () => '/api/v1/par/criteria-sets',
    body: (_f, n) => ({ province: '33', year: 2027, unitGroup: 'commune', title: `Bộ ${n}` }),
    allowed: ['par_organiser'],
  },
  {
    method: 'POST',
    route: '/api/v1/par/criteria-sets/import',
    url: () => '/api/v1/par/criteria-sets/import?province=33&year=2026&unitGroup=commune&title=Nhap',
    upload: true,
    allowed: ['par_organiser'],
  },
  {
    method: 'GET',
    route: '/api/v1/par/criteria-sets/:id',
    url: (f) => `/api/v1/par/criteria-sets/${f.parSetId}`,
    allowed: PAR_READERS,
  },
  {
    method: 'GET',
    route: '/api/v1/par/criteria-sets/:id/export.xlsx',
    url: (f) => `/api/v1/par/criteria-sets/${f.parSetId}/export.xlsx`,
    allowed: PAR_READERS,
  },
  {
    method: 'PATCH',
    route: '/api/v1/par/criteria-sets/:id',
    url: (f) => `/api/v1/par/criteria-sets/${f.parSetId}`,
    body: () => ({ expectedVersion: 1, bonusCap: 300 }),
    allowed: ['par_organiser'],
  },
  {
    method: 'POST',
    route: '/api/v1/par/criteria-sets/:id/criteria',
    url: (f) => `/api/v1/par/criteria-sets/${f.parSetId}/criteria`,
    body: () => ({ expectedVersion: 1, edit: { kind: 'delete', code: '9' } }),
    allowed: ['par_organiser'],
  },
  {
    method: 'POST',
    route: '/api/v1/par/criteria-sets/:id/publish',
    url: (f) => `/api/v1/par/criteria-sets/${f.parSetId}/publish`,
    body: () => ({ expectedVersion: 1, decisionNumber: '1/QĐ-UBND', decisionDate: '2026-01-15' }),
    allowed: ['par_organiser'],
  },
  {
    method: 'DELETE',
    route: '/api/v1/par/criteria-sets/:id',
    url: (f) => `/api/v1/par/criteria-sets/${f.spareParSetId}?expectedVersion=1`,
    allowed: ['par_organiser'],
    prepare: async (f) => {
      f.spareParSetId = await createParDraft();
    },
  },

  // PAR Index rounds: the organiser runs them; a unit (its focal officer, its head) reaches only its own
  // scorecard; assigned appraisers theirs (no appraiser in this world: their scope is in par-rounds.routes.test.ts).
  { method: 'GET', route: '/api/v1/par/rounds', url: () => '/api/v1/par/rounds', allowed: 'any' },
  {
    method: 'POST',
    route: '/api/v1/par/rounds',
    url: () => '/api/v1/par/rounds',
    body: () => ({ provinceCode: '33', year: 2031, title: 'Ma trận' }),
    allowed: ['par_organiser'],
  },
  {
    method: 'GET',
    route: '/api/v1/par/rounds/:roundId',
    url: (f) => `/api/v1/par/rounds/${f.parRoundId}`,
    allowed: PAR_READERS,
  },
  {
    method: 'PATCH',
    route: '/api/v1/par/rounds/:roundId',
    url: (f) => `/api/v1/par/rounds/${f.parRoundId}`,
    body: () => ({ expectedVersion: 999, title: 'Đổi tên' }),
    allowed: ['par_organiser'],
  },
  {
    method: 'POST',
    route: '/api/v1/par/rounds/:roundId/advance',
    url: (f) => `/api/v1/par/rounds/${f.parRoundId}/advance`,
    body: () => ({ expectedVersion: 999, action: 'start_council' }),
    allowed: ['par_organiser'],
  },
  {
    method: 'GET',
    route: '/api/v1/par/rounds/:roundId/units',
    url: (f) => `/api/v1/par/rounds/${f.parRoundId}/units`,
    allowed: PAR_READERS,
  },
  {
    method: 'PUT',
    route: '/api/v1/par/rounds/:roundId/units/:agencyId/applicability',
    url: (f) => `/api/v1/par/rounds/${f.parRoundId}/units/${f.agencies.justice?.id}/applicability`,
    body: () => ({ expectedVersion: 999, tags: [], excludedCodes: [] }),
    allowed: ['par_organiser'],
  },
  {
    method: 'GET',
    route: '/api/v1/par/rounds/:roundId/appraisers',
    url: (f) => `/api/v1/par/rounds/${f.parRoundId}/appraisers`,
    allowed: ['par_organiser'],
  },
  {
    method: 'GET',
    route: '/api/v1/par/rounds/:roundId/appraiser-candidates',
    url: (f) => `/api/v1/par/rounds/${f.parRoundId}/appraiser-candidates?q=a`,
    allowed: ['par_organiser'],
  },
  {
    method: 'POST',
    route: '/api/v1/par/rounds/:roundId/appraisers',
    url: (f) => `/api/v1/par/rounds/${f.parRoundId}/appraisers`,
    body: (f) => ({ agencyId: f.agencies.justice?.id, userId: f.userId }),
    allowed: ['par_organiser'],
  },
  {
    method: 'DELETE',
    route: '/api/v1/par/rounds/:roundId/appraisers/:agencyId/:userId',
    url: (f) => `/api/v1/par/rounds/${f.parRoundId}/appraisers/${f.agencies.justice?.id}/${f.userId}`,
    allowed: ['par_organiser'],
  },
  {
    method: 'GET',
    route: '/api/v1/par/rounds/:roundId/units/:agencyId/scorecard',
    url: (f) => `/api/v1/par/rounds/${f.parRoundId}/units/${f.agencies.justice?.id}/scorecard`,
    allowed: PAR_READERS,
  },
  {
    method: 'PUT',
    route: '/api/v1/par/rounds/:roundId/units/:agencyId/scores/:code',
    url: (f) => `/api/v1/par/rounds/${f.parRoundId}/units/${f.agencies.justice?.id}/scores/1.1`,
    body: () => ({ field: 'self', points: 100, expectedVersion: 999 }),
    // The self-assessment is the focal officer's; the head and the organiser are refused (403).
    allowed: ['par_focal'],
  },
  {
    method: 'PUT',
    route: '/api/v1/par/rounds/:roundId/units/:agencyId/adjustments/:kind',
    url: (f) => `/api/v1/par/rounds/${f.parRoundId}/units/${f.agencies.justice?.id}/adjustments/bonus`,
    body: () => ({ field: 'self', points: 0, expectedVersion: null }),
    allowed: ['par_focal'],
  },
  {
    method: 'POST',
    route: '/api/v1/par/rounds/:roundId/units/:agencyId/actions',
    url: (f) => `/api/v1/par/rounds/${f.parRoundId}/units/${f.agencies.justice?.id}/actions`,
    body: () => ({ action: 'submit_self', expectedVersion: 999 }),
    // Everyone who reaches the unit may ask (the version answers 409); the table then picks the role.
    allowed: PAR_READERS,
  },
  {
    method: 'POST',
    route: '/api/v1/par/rounds/:roundId/units/:agencyId/evidence/links',
    url: (f) => `/api/v1/par/rounds/${f.parRoundId}/units/${f.agencies.justice?.id}/evidence/links`,
    body: () => ({ code: '1.1', title: 'Báo cáo', url: '/console/reports' }),
    allowed: ['par_focal'],
  },
  {
    method: 'POST',
    route: '/api/v1/par/rounds/:roundId/units/:agencyId/evidence/files',
    url: (f) => `/api/v1/par/rounds/${f.parRoundId}/units/${f.agencies.justice?.id}/evidence/files?code=1.1&title=Tep`,
    upload: true,
    allowed: ['par_focal'],
  },
  {
    method: 'DELETE',
    route: '/api/v1/par/rounds/:roundId/units/:agencyId/evidence/:evidenceId',
    url: (f) => `/api/v1/par/rounds/${f.parRoundId}/units/${f.agencies.justice?.id}/evidence/${f.parLinkId}`,
    allowed: ['par_focal'],
  },
  {
    method: 'GET',
    route: '/api/v1/par/rounds/:roundId/units/:agencyId/evidence/:evidenceId/file',
    url: (f) => `/api/v1/par/rounds/${f.parRoundId}/units/${f.agencies.justice?.id}/evidence/${f.parFileId}/file`,
    allowed: PAR_READERS,
  },
  {
    method: 'POST',
    route: '/api/v1/par/rounds/:roundId/units/:agencyId/system-figures',
    url: (f) => `/api/v1/par/rounds/${f.parRoundId}/units/${f.agencies.justice?.id}/system-figures`,
    allowed: ['par_organiser'],
  },
  {
    method: 'GET',
    route: '/api/v1/par/rounds/:roundId/units/:agencyId/history',
    url: (f) => `/api/v1/par/rounds/${f.parRoundId}/units/${f.agencies.justice?.id}/history`,
    allowed: PAR_READERS,
  },
  { method: 'GET', route: '/api/v1/par/reminders', url: () => '/api/v1/par/reminders', allowed: 'any' },
  // SIPAS surveys: report readers read the province's campaigns (their own agencies only, unless province-wide);
  // only the organiser (sipas_organiser, not in this table) designs and moves campaigns, only surveyors enter
  // paper answers; the answer page is public. sipas.routes.test.ts runs a campaign end to end with those roles.
  {
    method: 'GET',
    route: '/api/v1/sipas/questionnaires',
    url: () => '/api/v1/sipas/questionnaires?provinceCode=33',
    allowed: SIPAS_READERS,
  },
  {
    method: 'POST',
    route: '/api/v1/sipas/questionnaires',
    url: () => '/api/v1/sipas/questionnaires',
    body: () => ({ provinceCode: '33', code: 'default', definition: DEFAULT_QUESTIONNAIRE }),
    allowed: [],
  },
  {
    method: 'GET',
    route: '/api/v1/sipas/questionnaires/:id',
    url: () => `/api/v1/sipas/questionnaires/${NO_SUCH_ID}`,
    allowed: [],
  },
  {
    method: 'GET',
    route: '/api/v1/sipas/campaigns',
    url: () => '/api/v1/sipas/campaigns?provinceCode=33',
    allowed: SIPAS_READERS,
  },
  {
    method: 'POST',
    route: '/api/v1/sipas/campaigns',
    url: () => '/api/v1/sipas/campaigns',
    body: () => ({
      provinceCode: '33',
      year: 2025,
      title: 'Khảo sát',
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
    }),
    allowed: [],
  },
  {
    method: 'GET',
    route: '/api/v1/sipas/campaigns/:id',
    url: () => `/api/v1/sipas/campaigns/${NO_SUCH_ID}`,
    allowed: [],
  },
  {
    method: 'GET',
    route: '/api/v1/sipas/campaigns/:id/report.xlsx',
    url: () => `/api/v1/sipas/campaigns/${NO_SUCH_ID}/report.xlsx`,
    allowed: [],
  },
  {
    method: 'GET',
    route: '/api/v1/sipas/campaigns/:id/report.pdf',
    url: () => `/api/v1/sipas/campaigns/${NO_SUCH_ID}/report.pdf`,
    allowed: [],
  },
  {
    method: 'POST',
    route: '/api/v1/sipas/campaigns/:id/actions',
    url: () => `/api/v1/sipas/campaigns/${NO_SUCH_ID}/actions`,
    body: () => ({ action: 'open', expectedVersion: 1 }),
    allowed: [],
  },
  {
    method: 'POST',
    route: '/api/v1/sipas/campaigns/:id/responses',
    url: () => `/api/v1/sipas/campaigns/${NO_SUCH_ID}/responses`,
    body: () => ({ agencyId: NO_SUCH_ID, mode: 'paper', answers: {} }),
    allowed: [],
  },
  {
    method: 'GET',
    route: '/api/v1/sipas/campaigns/:id/consented-responses',
    url: () => `/api/v1/sipas/campaigns/${NO_SUCH_ID}/consented-responses`,
    allowed: [],
  },
  {
    method: 'GET',
    route: '/api/v1/sipas/survey/campaigns',
    url: () => '/api/v1/sipas/survey/campaigns?provinceCode=33',
    allowed: [],
  },
  {
    method: 'GET',
    route: '/api/v1/sipas/survey/campaigns/:id',
    url: () => `/api/v1/sipas/survey/campaigns/${NO_SUCH_ID}`,
    allowed: [],
  },
  {
    method: 'GET',
    route: '/api/v1/public/sipas/invitations/:token',
    url: () => '/api/v1/public/sipas/invitations/khong-co-phieu-moi-nay',
    allowed: 'public',
  },
  {
    method: 'POST',
    route: '/api/v1/public/sipas/invitations/:token/answers',
    url: () => '/api/v1/public/sipas/invitations/khong-co-phieu-moi-nay/answers',
    body: () => ({ answers: {} }),
    allowed: 'public',
  },
  // Registers, search and statistics of official documents (issue 19 item 5): document.read or report.read at
  // the agency — the report readers and every e-office role of Justice; the clerk of Construction is refused.
  ...(
    [
      ['/api/v1/document-registers/register.pdf', 'kind=incoming&period=2026-11'],
      ['/api/v1/document-registers/register.xlsx', 'kind=outgoing&period=2026-11'],
      ['/api/v1/document-registers/search', 'q=so'],
      ['/api/v1/document-registers/statistics', 'period=2026-11'],
    ] as const
  ).map(
    ([route, query]): Case => ({
      method: 'GET',
      route,
      url: (f) => `${route}?agency=${f.agencies.justice?.id}&${query}`,
      prepare: revokeGrantedAuditor,
      allowed: [...REPORT_READERS, 'specialist', 'unit_head'],
    }),
  ),
  // Exchange between agencies: document.read at the agency for the views, document.register (the clerk) for
  // exporting a package. The fixture's outgoing document is a draft, so the clerk's export answers 409
  // EXCHANGE_NOT_ISSUED. A package's file and a delivery's status messages need an issued document sent out:
  // everyone's 404 here, document-exchange.routes.test.ts walks their allowed paths.
  {
    method: 'GET',
    route: '/api/v1/document-exchange/outgoing',
    url: (f) => `/api/v1/document-exchange/outgoing?agencyId=${f.agencies.justice?.id}`,
    allowed: DOCUMENT_READERS,
  },
  {
    method: 'GET',
    route: '/api/v1/document-exchange/outgoing/:id',
    url: (f) => `/api/v1/document-exchange/outgoing/${f.outgoingId}`,
    allowed: DOCUMENT_READERS,
  },
  {
    method: 'POST',
    route: '/api/v1/document-exchange/outgoing/:id/recipients/:recipientId/package',
    url: (f) => `/api/v1/document-exchange/outgoing/${f.outgoingId}/recipients/${f.outgoingRecipientId}/package`,
    allowed: ['clerk'],
  },
  {
    method: 'GET',
    route: '/api/v1/document-exchange/packages/:id/file',
    url: () => `/api/v1/document-exchange/packages/${NO_SUCH_ID}/file`,
    allowed: [],
  },
  {
    method: 'GET',
    route: '/api/v1/document-exchange/deliveries/:id/status-messages/file',
    url: () => `/api/v1/document-exchange/deliveries/${NO_SUCH_ID}/status-messages/file`,
    allowed: [],
  },
  {
    method: 'GET',
    route: '/api/v1/document-exchange/received',
    url: (f) => `/api/v1/document-exchange/received?agencyId=${f.agencies.justice?.id}`,
    allowed: DOCUMENT_READERS,
  },
  {
    method: 'GET',
    route: '/api/v1/document-exchange/sent',
    url: (f) => `/api/v1/document-exchange/sent?agencyId=${f.agencies.justice?.id}`,
    allowed: DOCUMENT_READERS,
  },
  // Imports: whoever holds document.register somewhere may have a file read (a clerk of any agency: the PDF
  // sent here is no package, so both clerks get 422); the receiving agency is checked once the file is read.
  {
    method: 'POST',
    route: '/api/v1/document-exchange/packages/import',
    url: () => '/api/v1/document-exchange/packages/import',
    upload: true,
    allowed: ['clerk', 'foreign_clerk'],
  },
  {
    method: 'POST',
    route: '/api/v1/document-exchange/status-messages/import',
    url: () => '/api/v1/document-exchange/status-messages/import',
    upload: true,
    allowed: ['clerk', 'foreign_clerk'],
  },
  // Signing credentials (issue 19): document.manage in the agency — its administrator and its head. The test
  // certificate goes to the agency itself (the first allowed call issues it, later ones answer 409); the
  // fixture's credential (the head's) answers 422 to a picture that is no PNG and 409 to a stale version.
  {
    method: 'GET',
    route: '/api/v1/signing/credentials',
    url: (f) => `/api/v1/signing/credentials?agencyId=${f.agencies.justice?.id}`,
    allowed: ['agency_admin', 'agency_head'],
  },
  {
    method: 'POST',
    route: '/api/v1/signing/credentials/test-certificate',
    url: () => '/api/v1/signing/credentials/test-certificate',
    body: (f) => ({ ownerKind: 'agency', agencyId: f.agencies.justice?.id }),
    allowed: ['agency_admin', 'agency_head'],
  },
  {
    method: 'POST',
    route: '/api/v1/signing/credentials/import',
    url: () => '/api/v1/signing/credentials/import',
    body: (f) => ({
      owner: { ownerKind: 'agency', agencyId: f.agencies.justice?.id },
      pkcs12Base64: 'AAAA',
      passphrase: 'x',
    }),
    allowed: ['agency_admin', 'agency_head'],
  },
  {
    method: 'PUT',
    route: '/api/v1/signing/credentials/:id/image',
    url: (f) => `/api/v1/signing/credentials/${f.credentialId}/image`,
    body: () => ({ pngBase64: 'AAAA', expectedVersion: 999 }),
    allowed: ['agency_admin', 'agency_head'],
  },
  {
    method: 'POST',
    route: '/api/v1/signing/credentials/:id/revoke',
    url: (f) => `/api/v1/signing/credentials/${f.credentialId}/revoke`,
    body: () => ({ expectedVersion: 999 }),
    allowed: ['agency_admin', 'agency_head'],
  },
  {
    method: 'GET',
    route: '/api/v1/public/documents/verify/:token',
    url: () => '/api/v1/public/documents/verify/khong-co-van-ban-nay',
    allowed: 'public',
  },
  {
    method: 'POST',
    route: '/api/v1/public/documents/verify',
    url: () => '/api/v1/public/documents/verify',
    upload: true,
    allowed: 'public',
  },
  // Outgoing documents (văn bản đi, Decree 30/2020 Art. 10–19), on the fixture's draft of Justice. Readers:
  // document.read at the agency (the four e-office roles; the agency administrator holds only document.manage).
  // Its drafter (the specialist) or document.manage edits, submits, cancels; document.sign reaches the signing
  // step and document.seal the seal and the issue (a stale version answers 409 to those). The lists are the
  // caller's own.
  {
    method: 'GET',
    route: '/api/v1/outgoing-documents',
    url: () => '/api/v1/outgoing-documents?view=issued',
    allowed: 'any',
  },
  {
    method: 'POST',
    route: '/api/v1/outgoing-documents',
    url: () => '/api/v1/outgoing-documents',
    body: (f) => ({ agencyId: f.agencies.justice?.id, documentType: 'CV', subject: 'Công văn thử ma trận quyền' }),
    // document.draft at Justice: each allowed call starts a draft (201).
    allowed: ['specialist', 'unit_head'],
  },
  {
    method: 'GET',
    route: '/api/v1/outgoing-documents/people',
    url: (f) => `/api/v1/outgoing-documents/people?agencyId=${f.agencies.justice?.id}`,
    allowed: DOCUMENT_READERS,
  },
  {
    method: 'GET',
    route: '/api/v1/outgoing-documents/:id',
    url: (f) => `/api/v1/outgoing-documents/${f.outgoingId}`,
    allowed: DOCUMENT_READERS,
  },
  {
    method: 'PATCH',
    route: '/api/v1/outgoing-documents/:id',
    url: (f) => `/api/v1/outgoing-documents/${f.outgoingId}`,
    body: () => ({ expectedVersion: 999, subject: 'Khác' }),
    // The agency administrator holds document.manage but not document.read, so the draft is 404 to them.
    allowed: ['specialist', 'agency_head'],
  },
  ...(
    [
      ['submit', ['specialist', 'agency_head']],
      ['cancel', ['specialist', 'agency_head']],
      ['sign', ['unit_head', 'agency_head']],
      ['seal', ['clerk']],
      ['issue', ['clerk']],
    ] as const
  ).map(
    ([step, allowed]): Case => ({
      method: 'POST',
      route: `/api/v1/outgoing-documents/:id/${step}`,
      url: (f) => `/api/v1/outgoing-documents/${f.outgoingId}/${step}`,
      body: () => ({ expectedVersion: 999 }),
      allowed: [...allowed],
    }),
  ),
  {
    method: 'POST',
    route: '/api/v1/outgoing-documents/:id/review',
    url: () => `/api/v1/outgoing-documents/${NO_SUCH_ID}/review`,
    body: () => ({ expectedVersion: 1, decision: 'approved' }),
    // Only the reviewer named in the chain (their substitute, their delegate) decides: 404 for everyone here;
    // outgoing-documents.routes.test.ts walks a chain of review and approval.
    allowed: [],
  },
  {
    method: 'GET',
    route: '/api/v1/outgoing-documents/:id/file',
    url: (f) => `/api/v1/outgoing-documents/${f.outgoingId}/file?version=1`,
    allowed: DOCUMENT_READERS,
  },
  {
    method: 'GET',
    route: '/api/v1/outgoing-documents/:id/page-image',
    url: (f) => `/api/v1/outgoing-documents/${f.outgoingId}/page-image?version=1&page=1`,
    allowed: DOCUMENT_READERS,
  },
  {
    method: 'POST',
    route: '/api/v1/outgoing-documents/:id/versions',
    url: (f) => `/api/v1/outgoing-documents/${f.outgoingId}/versions?expectedVersion=999`,
    upload: true,
    allowed: ['specialist', 'agency_head'],
  },
  {
    method: 'GET',
    route: '/api/v1/document-delegations',
    url: () => '/api/v1/document-delegations',
    allowed: 'any',
  },
  {
    method: 'POST',
    route: '/api/v1/document-delegations',
    url: () => '/api/v1/document-delegations',
    body: (f) => ({
      agencyId: f.agencies.justice?.id,
      fromUserId: f.users.lanhdao?.id,
      toUserId: f.users.chuyenvien?.id,
      scope: 'approve',
      validFrom: '2026-12-01',
      validTo: '2026-12-31',
      reason: 'Thử ma trận quyền',
    }),
    // Someone else's delegation: document.manage at Justice.
    allowed: ['agency_admin', 'agency_head'],
  },
  {
    method: 'POST',
    route: '/api/v1/document-delegations/:id/revoke',
    url: (f) => `/api/v1/document-delegations/${f.delegationId}/revoke`,
    // The head's own delegation, or document.manage: the first allowed call revokes it, later ones answer 409.
    allowed: ['agency_admin', 'agency_head'],
  },
  // Incoming documents (Decree 30/2020 Art. 20–24): the clerk, specialist, unit and agency heads hold the
  // document.* actions; a list answers each its own agencies' (the foreign clerk's too), the register and the
  // scans only the clerk of the agency; an unknown document is everyone's 404
  // (routes/incoming-documents.routes.test.ts walks each step with its roles).
  {
    method: 'GET',
    route: '/api/v1/incoming-documents',
    url: () => '/api/v1/incoming-documents',
    allowed: EOFFICE_ALL,
  },
  {
    method: 'GET',
    route: '/api/v1/incoming-documents/agencies',
    url: () => '/api/v1/incoming-documents/agencies',
    allowed: ['clerk', 'foreign_clerk'],
  },
  {
    method: 'GET',
    route: '/api/v1/incoming-documents/options',
    url: (f) => `/api/v1/incoming-documents/options?agencyId=${f.agencies.justice?.id}`,
    allowed: ['clerk', 'specialist', 'unit_head', 'agency_head'],
  },
  {
    method: 'POST',
    route: '/api/v1/incoming-documents/scans',
    url: (f) => `/api/v1/incoming-documents/scans?agencyId=${f.agencies.justice?.id}`,
    upload: true,
    allowed: ['clerk'],
  },
  {
    method: 'POST',
    route: '/api/v1/incoming-documents',
    url: () => '/api/v1/incoming-documents',
    body: (f) => ({
      agencyId: f.agencies.justice?.id,
      issuerName: 'Bộ Tư pháp',
      numberSymbol: '12/BTP-VP',
      issuedOn: '2026-11-20',
      documentType: 'CV',
      subject: 'Về việc triển khai công tác văn thư',
      file: { sha256: 'a'.repeat(64), fileName: 'cong-van.pdf', sizeBytes: 100, token: 'x' },
      scanDpi: 300,
    }),
    allowed: ['clerk'],
  },
  {
    method: 'GET',
    route: '/api/v1/incoming-documents/deliveries',
    url: () => '/api/v1/incoming-documents/deliveries',
    allowed: ['clerk', 'foreign_clerk'],
  },
  {
    method: 'POST',
    route: '/api/v1/incoming-documents/deliveries/:id/register',
    url: () => `/api/v1/incoming-documents/deliveries/${NO_SUCH_ID}/register`,
    body: () => ({ expectedVersion: 1 }),
    allowed: [],
  },
  {
    method: 'POST',
    route: '/api/v1/incoming-documents/deliveries/:id/refuse',
    url: () => `/api/v1/incoming-documents/deliveries/${NO_SUCH_ID}/refuse`,
    body: () => ({ expectedVersion: 1, reason: 'Gửi nhầm' }),
    allowed: [],
  },
  {
    method: 'GET',
    route: '/api/v1/incoming-documents/:id',
    url: () => `/api/v1/incoming-documents/${NO_SUCH_ID}`,
    allowed: [],
  },
  {
    method: 'GET',
    route: '/api/v1/incoming-documents/:id/file',
    url: () => `/api/v1/incoming-documents/${NO_SUCH_ID}/file`,
    allowed: [],
  },
  {
    method: 'POST',
    route: '/api/v1/incoming-documents/:id/actions',
    url: () => `/api/v1/incoming-documents/${NO_SUCH_ID}/actions`,
    body: () => ({ action: 'present', expectedVersion: 1 }),
    allowed: [],
  },
  {
    method: 'GET',
    route: '/api/v1/incoming-document-settings',
    url: () => '/api/v1/incoming-document-settings?province=33',
    allowed: ['province_admin'],
  },
  {
    method: 'PUT',
    route: '/api/v1/incoming-document-settings',
    url: () => '/api/v1/incoming-document-settings',
    body: () => ({
      provinceCode: '33',
      settings: { defaultHandlingWorkingDays: 10, urgentWorkingMinutes: 120 },
      expectedVersion: 0,
    }),
    allowed: ['province_admin'],
  },
  // issue 20: staff evaluation. Evaluation.read at Justice: its head, the head of unit (granted at Justice
  // with its sub-agencies) and the personnel officer; the rules, periods, gathering, the collective record and
  // the CSDL export are the personnel officer's (evaluation.manage); the decision the head's (evaluation.decide);
  // a sheet is read by its owner (the specialist's sheet here) and the readers of its unit; only its owner
  // self-assesses (the others who read it are refused with 403).
  {
    method: 'GET',
    route: '/api/v1/evaluation-settings',
    url: (f) => `/api/v1/evaluation-settings?agencyId=${f.agencies.justice?.id}`,
    allowed: EVALUATION_READERS,
  },
  {
    method: 'PUT',
    route: '/api/v1/evaluation-settings',
    url: () => '/api/v1/evaluation-settings',
    body: (f) => ({
      agencyId: f.agencies.justice?.id,
      expectedVersion: 0,
      periodKind: 'quarter',
      coefficients: { task: 1, dossier_step: 0.2 },
      quotaPercent: 20,
      quotaPercentExcellentUnit: 25,
      generalCriteria: [{ code: 'ethics', name: 'Đạo đức, lối sống', maxPoints: 3000 }],
      leaderFormula: 'three_part',
    }),
    allowed: ['personnel_officer'],
  },
  {
    method: 'GET',
    route: '/api/v1/evaluation-periods',
    url: (f) => `/api/v1/evaluation-periods?agencyId=${f.agencies.justice?.id}`,
    allowed: EVALUATION_READERS,
  },
  {
    method: 'POST',
    route: '/api/v1/evaluation-periods',
    url: () => '/api/v1/evaluation-periods',
    body: (f, n) => ({ agencyId: f.agencies.justice?.id, kind: 'month', year: 2030 + (n % 150), number: 1 }),
    allowed: ['personnel_officer'],
  },
  {
    method: 'POST',
    route: '/api/v1/evaluation-periods/:id/change',
    url: () => `/api/v1/evaluation-periods/${evaluationPeriodId}/change`,
    body: () => ({ unitBand: 'good' }),
    prepare: prepareEvaluation,
    allowed: ['personnel_officer'],
  },
  {
    method: 'POST',
    route: '/api/v1/evaluation-periods/:id/gather',
    url: () => `/api/v1/evaluation-periods/${evaluationPeriodId}/gather`,
    prepare: prepareEvaluation,
    allowed: ['personnel_officer'],
  },
  ...(['sheets', 'quota', 'results.xlsx'] as const).map(
    (what): Case => ({
      method: 'GET',
      route: `/api/v1/evaluation-periods/:id/${what}`,
      url: () => `/api/v1/evaluation-periods/${evaluationPeriodId}/${what}`,
      prepare: prepareEvaluation,
      allowed: EVALUATION_READERS,
    }),
  ),
  {
    method: 'POST',
    route: '/api/v1/evaluation-periods/:id/decide',
    url: () => `/api/v1/evaluation-periods/${evaluationPeriodId}/decide`,
    prepare: prepareEvaluation,
    allowed: ['agency_head'],
  },
  ...(['csdl', 'csdl.csv'] as const).map(
    (what): Case => ({
      method: 'GET',
      route: `/api/v1/evaluation-periods/:id/${what}`,
      url: () => `/api/v1/evaluation-periods/${evaluationPeriodId}/${what}`,
      prepare: prepareEvaluation,
      allowed: ['personnel_officer'],
    }),
  ),
  {
    method: 'GET',
    route: '/api/v1/evaluation-sheets/mine',
    url: () => '/api/v1/evaluation-sheets/mine',
    allowed: 'any',
  },
  {
    method: 'GET',
    route: '/api/v1/evaluation-sheets/:id',
    url: () => `/api/v1/evaluation-sheets/${evaluationSheetId}`,
    prepare: prepareEvaluation,
    allowed: ['specialist', ...EVALUATION_READERS],
  },
  {
    method: 'POST',
    route: '/api/v1/evaluation-sheets/:id/actions',
    url: () => `/api/v1/evaluation-sheets/${evaluationSheetId}/actions`,
    body: () => ({ action: 'self_assess', expectedVersion: 1, generalScores: {} }),
    prepare: prepareEvaluation,
    allowed: ['specialist'],
  },
  // issue 20: work calendars (lịch công tác). work.read at Justice reads its calendar; schedule.draft (the clerk,
  // the unit and agency heads) drafts and submits; an official's own week and iCal link are anyone's
  // (routes/schedule.routes.test.ts walks each step with its roles).
  {
    method: 'GET',
    route: '/api/v1/schedule/options',
    url: () => '/api/v1/schedule/options',
    allowed: 'any',
  },
  {
    method: 'GET',
    route: '/api/v1/schedule/agency-week',
    url: (f) => `/api/v1/schedule/agency-week?agencyId=${f.agencies.justice?.id}`,
    allowed: SCHEDULE_READERS,
  },
  {
    method: 'GET',
    route: '/api/v1/schedule/my-week',
    url: () => '/api/v1/schedule/my-week',
    allowed: 'any',
  },
  {
    method: 'POST',
    route: '/api/v1/schedule/entries',
    url: () => '/api/v1/schedule/entries',
    body: (f) => ({
      agencyId: f.agencies.justice?.id,
      kind: 'agency_leaders',
      title: 'Họp giao ban (ma trận quyền)',
      startsAt: '2026-12-07T08:00:00+07:00',
      endsAt: '2026-12-07T09:00:00+07:00',
    }),
    allowed: ['clerk', 'unit_head', 'agency_head'],
  },
  {
    method: 'GET',
    route: '/api/v1/schedule/entries/:id',
    url: () => `/api/v1/schedule/entries/${schedulePublishedId}`,
    prepare: prepareScheduleEntries,
    allowed: SCHEDULE_READERS,
  },
  {
    method: 'PUT',
    route: '/api/v1/schedule/entries/:id',
    url: () => `/api/v1/schedule/entries/${scheduleDraftId}`,
    prepare: prepareScheduleEntries,
    body: () => ({
      title: 'Họp giao ban (sửa)',
      startsAt: '2026-12-08T08:00:00+07:00',
      endsAt: '2026-12-08T09:00:00+07:00',
      expectedVersion: 1,
    }),
    allowed: ['clerk', 'unit_head', 'agency_head'],
  },
  {
    method: 'POST',
    route: '/api/v1/schedule/entries/:id/actions',
    url: () => `/api/v1/schedule/entries/${scheduleDraftId}/actions`,
    prepare: prepareScheduleEntries,
    body: () => ({ action: 'submit', expectedVersion: 1 }),
    allowed: ['clerk', 'unit_head', 'agency_head'],
  },
  {
    method: 'GET',
    route: '/api/v1/schedule/feed',
    url: () => '/api/v1/schedule/feed',
    allowed: 'any',
  },
  {
    method: 'POST',
    route: '/api/v1/schedule/feed',
    url: () => '/api/v1/schedule/feed',
    allowed: 'any',
  },
  {
    method: 'GET',
    route: '/api/v1/schedule/feed/:file',
    url: () => `/api/v1/schedule/feed/${scheduleFeedToken}.ics`,
    prepare: prepareScheduleFeed,
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/public/schedule',
    url: () => '/api/v1/public/schedule?provinceCode=33',
    allowed: 'public',
  },
  // issue 20: tasks (giao việc). Lists answer every holder of work.read their own; assigning, the options and
  // the tracking view are the leaders' (task.assign: unit and agency heads); a confidential task is read only by
  // its assigner (the agency head) and its lead (the specialist), everyone else's 404
  // (routes/tasks.routes.test.ts walks each step with its roles).
  {
    method: 'GET',
    route: '/api/v1/tasks',
    url: () => '/api/v1/tasks?view=mine',
    allowed: [
      'personnel_officer',
      'receptionist',
      'processor',
      'approver',
      'result_returner',
      'clerk',
      'specialist',
      'unit_head',
      'agency_head',
      'foreign_receptionist',
      'foreign_clerk',
    ],
  },
  {
    method: 'GET',
    route: '/api/v1/tasks/options',
    url: (f) => `/api/v1/tasks/options?agencyId=${f.agencies.justice?.id}`,
    allowed: ['unit_head', 'agency_head'],
  },
  {
    method: 'GET',
    route: '/api/v1/tasks/tracking',
    url: () => '/api/v1/tasks/tracking?from=2026-11-01&to=2026-11-30',
    allowed: ['unit_head', 'agency_head'],
  },
  {
    method: 'POST',
    route: '/api/v1/tasks',
    url: () => '/api/v1/tasks',
    body: (f) => ({
      agencyId: f.agencies.justice?.id,
      title: 'Rà soát quy chế làm việc',
      leadUnitId: f.agencies.justice?.id,
      workingDays: 5,
    }),
    allowed: ['unit_head', 'agency_head'],
  },
  {
    method: 'GET',
    route: '/api/v1/tasks/:id',
    url: () => `/api/v1/tasks/${matrixTaskId}`,
    prepare: prepareMatrixTask,
    allowed: ['specialist', 'agency_head'],
  },
  {
    method: 'POST',
    route: '/api/v1/tasks/:id/actions',
    url: () => `/api/v1/tasks/${NO_SUCH_ID}/actions`,
    body: () => ({ action: 'start', expectedVersion: 1 }),
    allowed: [],
  },
  {
    method: 'POST',
    route: '/api/v1/tasks/:id/files',
    url: () => `/api/v1/tasks/${NO_SUCH_ID}/files`,
    upload: true,
    allowed: [],
  },
  {
    method: 'GET',
    route: '/api/v1/tasks/:id/files/:sha256',
    url: () => `/api/v1/tasks/${NO_SUCH_ID}/files/${'a'.repeat(64)}`,
    allowed: [],
  },
  // issue 20: work files (hồ sơ công việc, Decree 30/2020 Art. 28–29). A confidential file of the specialist
  // at Justice with one uploaded file: read and changed by its owner and the heads over the unit only (a wrong
  // expectedVersion makes the allowed ones' changes answer 409); the list of work files for every holder of
  // work.read; Justice's file list read by everyone working there and edited by who holds workfile.manage there
  // (routes/work-files.routes.test.ts walks each step).
  {
    method: 'GET',
    route: '/api/v1/work-files',
    url: () => '/api/v1/work-files?view=unit&status=open',
    allowed: WORK_READERS,
    prepare: prepareWorkFile,
  },
  {
    method: 'GET',
    route: '/api/v1/work-files/options',
    url: () => '/api/v1/work-files/options',
    allowed: 'any',
  },
  {
    method: 'POST',
    route: '/api/v1/work-files',
    url: () => '/api/v1/work-files',
    body: (f, n) => ({ agencyId: f.agencies.justice?.id, title: `Hồ sơ ma trận ${n}` }),
    allowed: WORKFILE_KEEPERS,
  },
  {
    method: 'GET',
    route: '/api/v1/work-files/:id',
    url: () => `/api/v1/work-files/${workFileId}`,
    allowed: WORKFILE_OWNER_AND_HEADS,
    prepare: prepareWorkFile,
  },
  {
    method: 'PATCH',
    route: '/api/v1/work-files/:id',
    url: () => `/api/v1/work-files/${workFileId}`,
    body: () => ({ expectedVersion: 999, title: 'Đổi tên' }),
    allowed: WORKFILE_OWNER_AND_HEADS,
    prepare: prepareWorkFile,
  },
  {
    method: 'POST',
    route: '/api/v1/work-files/:id/actions',
    url: () => `/api/v1/work-files/${workFileId}/actions`,
    body: () => ({ action: 'close', expectedVersion: 999 }),
    allowed: WORKFILE_OWNER_AND_HEADS,
    prepare: prepareWorkFile,
  },
  {
    method: 'POST',
    route: '/api/v1/work-files/:id/items',
    url: () => `/api/v1/work-files/${workFileId}/items`,
    body: () => ({ kind: 'note', note: 'Ghi chú', expectedVersion: 999 }),
    allowed: WORKFILE_OWNER_AND_HEADS,
    prepare: prepareWorkFile,
  },
  {
    method: 'POST',
    route: '/api/v1/work-files/:id/uploads',
    url: () => `/api/v1/work-files/${workFileId}/uploads?expectedVersion=999`,
    upload: true,
    allowed: WORKFILE_OWNER_AND_HEADS,
    prepare: prepareWorkFile,
  },
  {
    method: 'GET',
    route: '/api/v1/work-files/:id/items/:itemId/file',
    url: () => `/api/v1/work-files/${workFileId}/items/${workFileItemId}/file`,
    allowed: WORKFILE_OWNER_AND_HEADS,
    prepare: prepareWorkFile,
  },
  {
    method: 'DELETE',
    route: '/api/v1/work-files/:id/items/:itemId',
    url: () => `/api/v1/work-files/${workFileId}/items/${workFileItemId}?expectedVersion=999`,
    allowed: WORKFILE_OWNER_AND_HEADS,
    prepare: prepareWorkFile,
  },
  {
    method: 'POST',
    route: '/api/v1/work-files/:id/items/:itemId/move',
    url: () => `/api/v1/work-files/${workFileId}/items/${workFileItemId}/move`,
    body: () => ({ expectedVersion: 999, position: 1 }),
    allowed: WORKFILE_OWNER_AND_HEADS,
    prepare: prepareWorkFile,
  },
  {
    method: 'GET',
    route: '/api/v1/work-files/:id/export.zip',
    url: () => `/api/v1/work-files/${workFileId}/export.zip`,
    allowed: WORKFILE_OWNER_AND_HEADS,
    prepare: prepareWorkFile,
  },
  {
    method: 'GET',
    route: '/api/v1/file-lists/:agencyId/:year',
    url: (f) => `/api/v1/file-lists/${f.agencies.justice?.id}/2026`,
    allowed: JUSTICE_STAFF,
  },
  {
    method: 'POST',
    route: '/api/v1/file-lists/:agencyId/:year/import',
    url: (f) => `/api/v1/file-lists/${f.agencies.justice?.id}/2025/import`,
    // Not a file list: the allowed ones get 422 (nothing written).
    upload: 'csv',
    allowed: WORKFILE_KEEPERS,
  },
  {
    method: 'POST',
    route: '/api/v1/file-lists/:agencyId/:year/entries',
    url: (f) => `/api/v1/file-lists/${f.agencies.justice?.id}/2026/entries`,
    body: (_f, n) => ({ code: `MT.${n}`, title: `Hồ sơ ma trận ${n}`, retentionYears: 5 }),
    allowed: WORKFILE_KEEPERS,
  },
  {
    method: 'PUT',
    route: '/api/v1/file-list-entries/:id',
    url: () => `/api/v1/file-list-entries/${fileListEntryId}`,
    body: (_f, n) => ({ code: `MT.SUA.${n}`, title: 'Hồ sơ đã sửa', retentionYears: null }),
    allowed: WORKFILE_KEEPERS,
    prepare: prepareFileListEntry,
  },
  {
    method: 'DELETE',
    route: '/api/v1/file-list-entries/:id',
    url: () => `/api/v1/file-list-entries/${fileListEntryId}`,
    allowed: WORKFILE_KEEPERS,
    prepare: prepareFileListEntry,
  },
  // issue 20: consultations on drafts (lấy ý kiến dự thảo)
  {
    method: 'GET',
    route: '/api/v1/consultations',
    url: () => '/api/v1/consultations?view=to_answer',
    allowed: 'any',
  },
  {
    method: 'POST',
    route: '/api/v1/consultations',
    url: () => '/api/v1/consultations',
    prepare: prepareConsultation('draft'),
    body: (f) => ({
      agencyId: f.agencies.justice?.id,
      title: 'Dự thảo ma trận',
      deadlineAt: '2026-12-31T17:00:00+07:00',
      draftFile: consultationDraftFile,
      recipients: [{ agencyId: f.agencies.construction?.id }],
    }),
    // consultation.manage at Justice: its specialist and its heads.
    allowed: CONSULTATION_MANAGERS,
  },
  {
    method: 'POST',
    route: '/api/v1/consultation-files',
    url: () => '/api/v1/consultation-files',
    upload: true,
    allowed: CONSULTATION_MANAGERS,
  },
  {
    method: 'GET',
    route: '/api/v1/consultations/:id',
    url: () => `/api/v1/consultations/${consultation.id}`,
    prepare: prepareConsultation('open'),
    // Its managers, and the clerk named as a recipient.
    allowed: [...CONSULTATION_MANAGERS, 'clerk'],
  },
  {
    method: 'GET',
    route: '/api/v1/consultations/:id/draft',
    url: () => `/api/v1/consultations/${consultation.id}/draft`,
    prepare: prepareConsultation('open'),
    allowed: [...CONSULTATION_MANAGERS, 'clerk'],
  },
  {
    method: 'POST',
    route: '/api/v1/consultations/:id/open',
    url: () => `/api/v1/consultations/${consultation.id}/open`,
    prepare: prepareConsultation('draft'),
    body: () => ({ expectedVersion: consultation.version }),
    allowed: CONSULTATION_MANAGERS,
  },
  {
    method: 'POST',
    route: '/api/v1/consultations/:id/answers',
    url: () => `/api/v1/consultations/${consultation.id}/answers`,
    prepare: prepareConsultation('open'),
    body: () => ({ agree: true }),
    allowed: ['clerk'],
  },
  {
    method: 'POST',
    route: '/api/v1/consultations/:id/comments/:commentId/response',
    url: () => `/api/v1/consultations/${consultation.id}/comments/${consultation.commentId}/response`,
    prepare: prepareConsultation('commented'),
    body: () => ({ expectedVersion: consultation.version, response: 'accepted' }),
    allowed: CONSULTATION_MANAGERS,
  },
  {
    method: 'POST',
    route: '/api/v1/consultations/:id/close',
    url: () => `/api/v1/consultations/${consultation.id}/close`,
    prepare: prepareConsultation('open'),
    body: () => ({ expectedVersion: consultation.version }),
    allowed: CONSULTATION_MANAGERS,
  },
  {
    method: 'POST',
    route: '/api/v1/consultations/:id/summarise',
    url: () => `/api/v1/consultations/${consultation.id}/summarise`,
    prepare: prepareConsultation('closed'),
    body: () => ({ expectedVersion: consultation.version }),
    allowed: CONSULTATION_MANAGERS,
  },
  {
    method: 'GET',
    route: '/api/v1/consultations/:id/summary.pdf',
    url: () => `/api/v1/consultations/${consultation.id}/summary.pdf`,
    prepare: prepareConsultation('commented'),
    // Before it is summarised, the table is its managers' (the clerk, a recipient, is refused).
    allowed: CONSULTATION_MANAGERS,
  },
  {
    method: 'GET',
    route: '/api/v1/consultations/:id/summary.xlsx',
    url: () => `/api/v1/consultations/${consultation.id}/summary.xlsx`,
    prepare: prepareConsultation('commented'),
    allowed: CONSULTATION_MANAGERS,
  },
  {
    method: 'GET',
    route: '/api/v1/outgoing-documents/:id/consultations',
    url: (f) => `/api/v1/outgoing-documents/${f.outgoingId}/consultations`,
    allowed: DOCUMENT_READERS,
  },
  // issue 20: leader dashboard (the heads of unit and of agency, over the units they head; nobody else)
  {
    method: 'GET',
    route: '/api/v1/work-dashboard',
    url: () => '/api/v1/work-dashboard',
    allowed: ['unit_head', 'agency_head'],
  },
  {
    method: 'GET',
    route: '/api/v1/work-dashboard/workbook.xlsx',
    url: () => '/api/v1/work-dashboard/workbook.xlsx',
    allowed: ['unit_head', 'agency_head'],
  },
  {
    method: 'GET',
    route: '/api/v1/work-dashboard/tasks',
    url: (f) => `/api/v1/work-dashboard/tasks?unit=${f.agencies.justice?.id}&filter=overdue`,
    allowed: ['unit_head', 'agency_head'],
  },
  {
    method: 'GET',
    route: '/api/v1/work-dashboard/dossiers',
    url: (f) => `/api/v1/work-dashboard/dossiers?unit=${f.agencies.justice?.id}&filter=held`,
    allowed: ['unit_head', 'agency_head'],
  },
  // issue 20: an official's own notices (every official reads and clears their own; a notice is its
  // addressee's only: the specialist's answers 404 to everyone else)
  {
    method: 'GET',
    route: '/api/v1/work/notices',
    url: () => '/api/v1/work/notices?unread=true&limit=5',
    allowed: 'any',
  },
  {
    method: 'GET',
    route: '/api/v1/work/notices/unread-count',
    url: () => '/api/v1/work/notices/unread-count',
    allowed: 'any',
  },
  {
    method: 'POST',
    route: '/api/v1/work/notices/read-all',
    url: () => '/api/v1/work/notices/read-all',
    allowed: 'any',
  },
  {
    method: 'POST',
    route: '/api/v1/work/notices/:id/read',
    url: () => `/api/v1/work/notices/${MATRIX_NOTICE_ID}/read`,
    prepare: () => prepareMatrixNotice(),
    allowed: ['specialist'],
  },
  // issue 20 (workgaps): the files of a calendar entry. Attaching to and removing from a draft are the drafters'
  // (the clerk, the unit and agency heads); a file is read by whoever reads the entry; on the portal only the
  // files of a published public entry (routes/schedule.routes.test.ts walks the states).
  {
    method: 'POST',
    route: '/api/v1/schedule/entries/:id/files',
    url: () => `/api/v1/schedule/entries/${scheduleFileEntries.draftId}/files?expectedVersion=1`,
    prepare: (f) => prepareScheduleFileEntries(f),
    upload: true,
    allowed: ['clerk', 'unit_head', 'agency_head'],
  },
  {
    method: 'DELETE',
    route: '/api/v1/schedule/entries/:id/files/:sha256',
    url: () =>
      `/api/v1/schedule/entries/${scheduleFileEntries.draftId}/files/${scheduleFileEntries.sha256}?expectedVersion=1`,
    prepare: (f) => prepareScheduleFileEntries(f),
    allowed: ['clerk', 'unit_head', 'agency_head'],
  },
  {
    method: 'GET',
    route: '/api/v1/schedule/entries/:id/files/:sha256',
    url: () => `/api/v1/schedule/entries/${scheduleFileEntries.publishedId}/files/${scheduleFileEntries.sha256}`,
    prepare: (f) => prepareScheduleFileEntries(f),
    allowed: SCHEDULE_READERS,
  },
  {
    method: 'GET',
    route: '/api/v1/public/schedule/:id/files/:sha256',
    url: () => `/api/v1/public/schedule/${scheduleFileEntries.publishedId}/files/${scheduleFileEntries.sha256}`,
    prepare: (f) => prepareScheduleFileEntries(f),
    allowed: 'public',
  },
  // issue 21 item 5: webhooks (the province administrator manages them; nobody else sees them)
  {
    method: 'GET',
    route: '/api/v1/integration/webhooks',
    url: () => '/api/v1/integration/webhooks?province=33',
    allowed: ['province_admin'],
  },
  {
    method: 'POST',
    route: '/api/v1/integration/webhooks',
    url: () => '/api/v1/integration/webhooks',
    body: (_f, n) => ({
      provinceCode: '33',
      name: `Ma trận ${n}`,
      url: `https://lgsp.example.vn/hook/${n}`,
      events: ['pakn.changed'],
    }),
    allowed: ['province_admin'],
  },
  {
    method: 'GET',
    route: '/api/v1/integration/webhooks/:id',
    url: () => `/api/v1/integration/webhooks/${webhookFixture.id}`,
    prepare: prepareWebhook,
    allowed: ['province_admin'],
  },
  {
    method: 'PATCH',
    route: '/api/v1/integration/webhooks/:id',
    url: () => `/api/v1/integration/webhooks/${webhookFixture.id}`,
    prepare: prepareWebhook,
    body: () => ({ expectedVersion: webhookFixture.version, active: false }),
    allowed: ['province_admin'],
  },
  {
    method: 'DELETE',
    route: '/api/v1/integration/webhooks/:id',
    url: () => `/api/v1/integration/webhooks/${webhookFixture.id}?expectedVersion=${webhookFixture.version}`,
    prepare: prepareWebhook,
    allowed: ['province_admin'],
  },
  {
    method: 'POST',
    route: '/api/v1/integration/webhooks/:id/rotate-secret',
    url: () => `/api/v1/integration/webhooks/${webhookFixture.id}/rotate-secret`,
    prepare: prepareWebhook,
    body: () => ({ expectedVersion: webhookFixture.version }),
    allowed: ['province_admin'],
  },
  {
    method: 'GET',
    route: '/api/v1/integration/webhooks/:id/deliveries',
    url: () => `/api/v1/integration/webhooks/${webhookFixture.id}/deliveries?state=failed`,
    prepare: prepareWebhook,
    allowed: ['province_admin'],
  },
  {
    method: 'POST',
    route: '/api/v1/integration/webhooks/:id/replay-failed',
    url: () => `/api/v1/integration/webhooks/${webhookFixture.id}/replay-failed`,
    prepare: prepareWebhook,
    allowed: ['province_admin'],
  },
  {
    method: 'GET',
    route: '/api/v1/integration/webhooks/deliveries/:deliveryId/attempts',
    url: () => `/api/v1/integration/webhooks/deliveries/${webhookFixture.deliveryId}/attempts`,
    prepare: prepareWebhook,
    allowed: ['province_admin'],
  },
  {
    method: 'POST',
    route: '/api/v1/integration/webhooks/deliveries/:deliveryId/replay',
    url: () => `/api/v1/integration/webhooks/deliveries/${webhookFixture.deliveryId}/replay`,
    prepare: prepareWebhook,
    allowed: ['province_admin'],
  },
  // issue 21: national catalog pulls (province administrators: integration.manage / integration.read province-wide;
  // without a national-portal connection the pull answers 422, a business answer given after authorisation)
  {
    method: 'POST',
    route: '/api/v1/integration/catalog-pulls',
    url: () => '/api/v1/integration/catalog-pulls?province=33',
    allowed: ['province_admin'],
  },
  {
    method: 'GET',
    route: '/api/v1/integration/catalog-pulls',
    url: () => '/api/v1/integration/catalog-pulls?province=33',
    allowed: ['province_admin'],
  },
  {
    method: 'GET',
    route: '/api/v1/integration/catalog-pulls/:id',
    url: () => `/api/v1/integration/catalog-pulls/${catalogPullRunId}`,
    prepare: prepareCatalogPull,
    allowed: ['province_admin'],
  },
  // issue 21 item 2: the national portal's connection and sync monitor — read by the province administrator and
  // the province's auditor (integration.read), changed by the province administrator only (integration.manage);
  // a dossier's sync is shown to whoever reads the dossier, retried and re-sent by the administrator.
  ...DVCQG_MONITOR_CASES,
  // issue 22 item 1: the portal's news and pages. Only portal authors and editors (portal.write) reach the console
  // API, and none of the matrix's roles is one: every official is refused (routes/portal-content.routes.test.ts
  // walks authors, editors and another province's editor); the server-rendered pages are public.
  {
    method: 'GET',
    route: '/api/v1/portal-content/options',
    url: () => '/api/v1/portal-content/options',
    allowed: [],
  },
  { method: 'GET', route: '/api/v1/portal-content/items', url: () => '/api/v1/portal-content/items', allowed: [] },
  {
    method: 'POST',
    route: '/api/v1/portal-content/items',
    url: () => '/api/v1/portal-content/items',
    body: (_f, n) => ({ kind: 'article', title: `Tin của ma trận ${n}`, bodyHtml: '<p>Tin.</p>' }),
    allowed: [],
  },
  {
    method: 'GET',
    route: '/api/v1/portal-content/items/:id',
    url: () => `/api/v1/portal-content/items/${portalMatrixItemId}`,
    prepare: (f) => preparePortalMatrixItem(f),
    allowed: [],
  },
  {
    method: 'GET',
    route: '/api/v1/portal-content/items/:id/versions/:version',
    url: () => `/api/v1/portal-content/items/${portalMatrixItemId}/versions/1`,
    prepare: (f) => preparePortalMatrixItem(f),
    allowed: [],
  },
  {
    method: 'POST',
    route: '/api/v1/portal-content/items/:id/actions',
    url: () => `/api/v1/portal-content/items/${portalMatrixItemId}/actions`,
    prepare: (f) => preparePortalMatrixItem(f),
    body: () => ({ action: 'publish', expectedVersion: 1 }),
    allowed: [],
  },
  { method: 'GET', route: '/api/v1/portal-content/menu', url: () => '/api/v1/portal-content/menu', allowed: [] },
  {
    method: 'PUT',
    route: '/api/v1/portal-content/menu',
    url: () => '/api/v1/portal-content/menu',
    body: () => ({ version: 0, items: [{ label: 'Giới thiệu', targetKind: 'page', target: 'gioi-thieu' }] }),
    allowed: [],
  },
  { method: 'GET', route: '/tin-tuc', url: () => '/tin-tuc', allowed: 'public' },
  { method: 'GET', route: '/tin-tuc/:slug', url: () => '/tin-tuc/tin-cua-ma-tran', allowed: 'public' },
  { method: 'GET', route: '/trang/:slug', url: () => '/trang/gioi-thieu', allowed: 'public' },
  { method: 'GET', route: '/tim-kiem', url: () => '/tim-kiem?q=mot%20cua', allowed: 'public' },
  { method: 'GET', route: '/rss.xml', url: () => '/rss.xml', allowed: 'public' },
  { method: 'GET', route: '/sitemap.xml', url: () => '/sitemap.xml', allowed: 'public' },
  // issue 22 items 2–3: procedure decisions (the province's editors and catalog managers) and the public results
  {
    method: 'GET',
    route: '/api/v1/procedure-decisions',
    url: () => '/api/v1/procedure-decisions?province=33',
    allowed: DECISION_EDITORS,
  },
  {
    method: 'POST',
    route: '/api/v1/procedure-decisions',
    url: () => '/api/v1/procedure-decisions',
    body: (_f, n) => ({
      province: '33',
      number: `${n}/QĐ-UBND-MTP`,
      signedOn: '2026-11-02',
      title: 'Công bố thủ tục hành chính (ma trận quyền)',
      items: [{ procedureCode: '1.001193', changeKind: 'amended' }],
    }),
    allowed: DECISION_EDITORS,
  },
  {
    method: 'GET',
    route: '/api/v1/procedure-decisions/:id',
    url: () => `/api/v1/procedure-decisions/${decisionDraft.id}`,
    prepare: prepareDecision,
    allowed: DECISION_EDITORS,
  },
  {
    method: 'PUT',
    route: '/api/v1/procedure-decisions/:id',
    url: () => `/api/v1/procedure-decisions/${decisionDraft.id}`,
    prepare: prepareDecision,
    body: () => ({
      version: decisionDraft.version,
      number: `${next()}/QĐ-UBND-MTS`,
      signedOn: '2026-11-02',
      title: 'Công bố thủ tục hành chính (đã sửa)',
    }),
    allowed: DECISION_EDITORS,
  },
  {
    method: 'POST',
    route: '/api/v1/procedure-decisions/:id/publication',
    url: () => `/api/v1/procedure-decisions/${decisionDraft.id}/publication`,
    prepare: prepareDecision,
    body: () => ({ version: decisionDraft.version }),
    allowed: DECISION_EDITORS,
  },
  {
    method: 'GET',
    route: '/api/v1/public/procedure-decisions',
    url: () => '/api/v1/public/procedure-decisions?province=33',
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/public/procedure-decisions/:id',
    url: () => `/api/v1/public/procedure-decisions/${decisionPublishedId}`,
    prepare: prepareDecision,
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/public/procedures/:code/decisions',
    url: () => '/api/v1/public/procedures/1.001193/decisions?catalog=33',
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/public/procedures/:code/forms',
    url: () => '/api/v1/public/procedures/1.001193/forms?catalog=33',
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/public/results/periods',
    url: () => '/api/v1/public/results/periods?province=33',
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/public/results/statistics',
    url: () => '/api/v1/public/results/statistics?province=33&period=2026-10',
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/public/results/statistics.xlsx',
    url: () => '/api/v1/public/results/statistics.xlsx?province=33&period=2026-10',
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/public/results/statistics.csv',
    url: () => '/api/v1/public/results/statistics.csv?province=33&period=2026-10',
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/public/results/service-index',
    url: () => '/api/v1/public/results/service-index?province=33&period=2026-10',
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/public/results/service-index.xlsx',
    url: () => '/api/v1/public/results/service-index.xlsx?province=33&period=2026-10',
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/public/results/sipas',
    url: () => '/api/v1/public/results/sipas?province=33',
    allowed: 'public',
  },
  // issue 22 item 1: images and attachments of the portal's news. The console's routes are for portal authors and
  // editors only (portal.write; none of the matrix's roles: routes/portal-media.routes.test.ts walks them); the
  // images of the province and the attachments of its published, visible articles are public.
  {
    method: 'POST',
    route: '/api/v1/portal-content/images',
    url: () => '/api/v1/portal-content/images',
    upload: true,
    allowed: [],
  },
  {
    method: 'POST',
    route: '/api/v1/portal-content/items/:id/attachments',
    url: () => `/api/v1/portal-content/items/${portalMatrixItemId}/attachments`,
    prepare: (f) => preparePortalMatrixItem(f),
    upload: true,
    allowed: [],
  },
  {
    method: 'GET',
    route: '/api/v1/portal-content/items/:id/attachments/:position',
    url: () => `/api/v1/portal-content/items/${portalMedia.articleId}/attachments/1`,
    prepare: preparePortalMedia,
    allowed: [],
  },
  {
    method: 'DELETE',
    route: '/api/v1/portal-content/items/:id/attachments/:position',
    url: () => `/api/v1/portal-content/items/${portalMedia.articleId}/attachments/1`,
    prepare: preparePortalMedia,
    allowed: [],
  },
  {
    method: 'GET',
    route: '/api/v1/public/portal-images/:sha256',
    url: () => `/api/v1/public/portal-images/${portalMedia.imageSha256}`,
    prepare: preparePortalMedia,
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/public/portal-images/:sha256/:width',
    url: () => `/api/v1/public/portal-images/${portalMedia.imageSha256}/480`,
    prepare: preparePortalMedia,
    allowed: 'public',
  },
  {
    method: 'GET',
    route: '/api/v1/public/portal-attachments/:id/:position',
    url: () => `/api/v1/public/portal-attachments/${portalMedia.articleId}/1`,
    prepare: preparePortalMedia,
    allowed: 'public',
  },
  // issue 22 item 4: the province's portal appearance (every official of the province reads; its administrator
  // writes) and the public emblem of the request's site.
  {
    method: 'GET',
    route: '/api/v1/province-site',
    url: () => '/api/v1/province-site?province=33',
    prepare: prepareProvinceSite,
    // Every official of Hưng Yên, whichever agency (the clerk of Construction too).
    allowed: [...OWN_ROLES, 'foreign_clerk'],
  },
  {
    method: 'PUT',
    route: '/api/v1/province-site',
    url: () => '/api/v1/province-site?province=33',
    prepare: prepareProvinceSite,
    body: () => SITE_BRANDING,
    allowed: ['province_admin'],
  },
  {
    method: 'GET',
    route: '/api/v1/province-site/emblem',
    url: () => '/api/v1/province-site/emblem?province=33',
    prepare: prepareProvinceSite,
    // Every official of Hưng Yên, whichever agency (the clerk of Construction too).
    allowed: [...OWN_ROLES, 'foreign_clerk'],
  },
  {
    method: 'POST',
    route: '/api/v1/province-site/emblem',
    url: () => '/api/v1/province-site/emblem?province=33&expectedVersion=1',
    prepare: prepareProvinceSite,
    upload: true,
    allowed: ['province_admin'],
  },
  {
    method: 'DELETE',
    route: '/api/v1/province-site/emblem',
    url: () => '/api/v1/province-site/emblem?province=33&expectedVersion=2',
    prepare: prepareProvinceSite,
    allowed: ['province_admin'],
  },
  {
    method: 'GET',
    route: '/api/v1/public/site/emblem',
    url: () => '/api/v1/public/site/emblem?v=1',
    prepare: prepareProvinceSite,
    allowed: 'public',
  },
  // issue 22 item 4: the hosting centre's administration of the provinces on the install (its administrator only).
  {
    method: 'GET',
    route: '/api/v1/hosting/provinces',
    url: () => '/api/v1/hosting/provinces',
    allowed: ['hosting_admin'],
    prepare: prepareHostingSite,
  },
  {
    method: 'POST',
    route: '/api/v1/hosting/provinces',
    url: () => '/api/v1/hosting/provinces',
    // The first allowed call opens Đà Nẵng (201); a later one answers 409 PROVINCE_EXISTS (a business answer).
    body: () => ({
      provinceCode: '48',
      hosts: ['danang.matrix.localhost'],
      adminUsername: 'qt.danang.matran',
      adminFullName: 'Võ Văn Ma Trận',
    }),
    allowed: ['hosting_admin'],
  },
  {
    method: 'GET',
    route: '/api/v1/hosting/provinces/:code',
    url: () => '/api/v1/hosting/provinces/31',
    allowed: ['hosting_admin'],
    prepare: prepareHostingSite,
  },
  {
    method: 'PATCH',
    route: '/api/v1/hosting/provinces/:code',
    url: () => '/api/v1/hosting/provinces/31',
    // A stale version: the hosting administrator gets 409 VERSION_CONFLICT.
    body: () => ({ expectedVersion: 99, addHosts: ['haiphong.matrix.localhost'] }),
    allowed: ['hosting_admin'],
    prepare: prepareHostingSite,
  },
  {
    method: 'GET',
    route: '/api/v1/hosting/figures',
    url: () => '/api/v1/hosting/figures?period=2026-11',
    allowed: ['hosting_admin'],
  },
  {
    method: 'GET',
    route: '/api/v1/hosting/figures.xlsx',
    url: () => '/api/v1/hosting/figures.xlsx?period=2026',
    allowed: ['hosting_admin'],
  },
  // Changing one's own password: every official signed in, for their own account only (no id in the path). The
  // new password equals the current one, so each allowed call answers 422 PASSWORD_UNCHANGED and changes nothing.
  {
    method: 'POST',
    route: '/api/v1/me/password',
    url: () => '/api/v1/me/password',
    body: () => ({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }),
    allowed: 'any',
  },
];

/** A notice to the specialist (soanthao) about a task, written once (the read case reads it again and again). */
const MATRIX_NOTICE_ID = '0b5e0f6c-3c1a-4d8e-9f00-000000000020';
const prepareMatrixNotice = async () => {
  const specialist = await t.database.db
    .selectFrom('appUser')
    .select('id')
    .where('username', '=', USERS.specialist)
    .executeTakeFirstOrThrow();
  await t.database.db
    .insertInto('workNotice')
    .values({
      id: MATRIX_NOTICE_ID,
      provinceCode: '33',
      userId: specialist.id,
      kind: 'task-assigned',
      recordKind: 'task',
      recordId: NO_SUCH_ID,
      dedupeKey: 'matrix-notice',
      title: 'Nhiệm vụ mới: ma trận quyền',
      body: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
};

/** issue 20 (workgaps): a published public entry of Justice with a file (once), and a fresh draft with it per call. */
const scheduleFileEntries = { publishedId: '', draftId: '', sha256: '' };
const prepareScheduleFileEntries = async (f: Fixture) => {
  const clerk = await t.database.db
    .selectFrom('appUser')
    .select('id')
    .where('username', '=', USERS.clerk)
    .executeTakeFirstOrThrow();
  const stored = await t.ctx.storage.put(samplePdf('lich-tep-ma-tran'));
  scheduleFileEntries.sha256 = stored.sha256;
  const entry = (status: 'draft' | 'published') => ({
    provinceCode: '33',
    agencyId: f.agencies.justice?.id ?? '',
    scheduleKind: 'agency_leaders' as const,
    ownerUserId: null,
    title: 'Hội nghị có tài liệu (ma trận quyền)',
    content: null,
    startsAt: new Date('2026-12-09T01:00:00Z'),
    endsAt: new Date('2026-12-09T02:00:00Z'),
    place: null,
    chairUserId: null,
    chairText: null,
    preparingAgencyId: null,
    participantsText: null,
    attachments: JSON.stringify([
      { sha256: stored.sha256, name: 'tai-lieu.pdf', size: stored.size, contentType: 'application/pdf' },
    ]),
    weekStart: '2026-12-07',
    status,
    public: status === 'published',
    createdBy: clerk.id,
  });
  if (!scheduleFileEntries.publishedId) {
    const row = await t.database.db
      .insertInto('scheduleEntry')
      .values(entry('published'))
      .returning('id')
      .executeTakeFirstOrThrow();
    scheduleFileEntries.publishedId = row.id;
  }
  const draft = await t.database.db
    .insertInto('scheduleEntry')
    .values(entry('draft'))
    .returning('id')
    .executeTakeFirstOrThrow();
  scheduleFileEntries.draftId = draft.id;
};
let t: TestApp;
let fixture: Fixture;
const sessions = new Map<Role, Record<string, string>>();

const citizenHeaders = () => sessions.get('citizen') ?? {};

const startDraft = async (): Promise<string> => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/citizen/drafts',
    headers: citizenHeaders(),
    payload: { catalog: '33', procedureCode: '1.001193' },
  });
  return response.json().id;
};

const uploadToDraft = async (draftId: string): Promise<string> => {
  const file = multipartFile(samplePdf(`ma-tran-${next()}`), 'to-khai.pdf', 'application/pdf');
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/citizen/drafts/${draftId}/uploads?component=to-khai`,
    headers: { ...citizenHeaders(), ...file.headers },
    payload: file.payload,
  });
  if (response.statusCode !== 201) {
    throw new Error(`upload to the draft failed: ${response.statusCode} ${response.body}`);
  }
  return response.json().id;
};

/** A draft criteria set of the province (Hưng Yên, 33), created by its PAR organiser. */
const createParDraft = async (): Promise<string> => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/par/criteria-sets',
    headers: sessions.get('par_organiser') ?? {},
    payload: { year: 2026, unitGroup: 'department', title: `Bộ tiêu chí ma trận ${next()}` },
  });
  if (response.statusCode !== 201) {
    throw new Error(`the criteria set was not created: ${response.statusCode} ${response.body}`);
  }
  return response.json().id;
};

/**
 * An open PAR round of 2025 for the departments (Justice, Construction) on a published one-leaf set, with a
 * link and a file of evidence that Justice's focal officer added.
 */
const createParRound = async (): Promise<{ parRoundId: string; parLinkId: string; parFileId: string }> => {
  const organiser = sessions.get('par_organiser') ?? {};
  const focal = sessions.get('par_focal') ?? {};
  const expectOk = (response: { statusCode: number; body: string }, what: string) => {
    if (response.statusCode >= 300) {
      throw new Error(`${what}: ${response.statusCode} ${response.body}`);
    }
    return JSON.parse(response.body);
  };
  let set = expectOk(
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/par/criteria-sets',
      headers: organiser,
      payload: { year: 2025, unitGroup: 'department', title: 'Bộ tiêu chí sở 2025' },
    }),
    'the 2025 set',
  );
  const fields = (title: string, maxPoints: number) => ({
    title,
    maxPoints,
    scoringRule: null,
    evidenceRequired: null,
    surveyScored: false,
    systemMeasure: null,
    notApplicableTo: [],
  });
  for (const edit of [
    { kind: 'add', parentCode: null, fields: fields('Công tác chỉ đạo, điều hành', 0) },
    { kind: 'add', parentCode: '1', fields: fields('Kế hoạch CCHC', 10_000) },
  ]) {
    set = expectOk(
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/par/criteria-sets/${set.id}/criteria`,
        headers: organiser,
        payload: { expectedVersion: set.rowVersion, edit },
      }),
      'a node of the 2025 set',
    );
  }
  expectOk(
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/par/criteria-sets/${set.id}/publish`,
      headers: organiser,
      payload: { expectedVersion: set.rowVersion, decisionNumber: '5/QĐ-UBND', decisionDate: '2025-01-10' },
    }),
    'publishing the 2025 set',
  );
  const round = expectOk(
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/par/rounds',
      headers: organiser,
      payload: { provinceCode: '33', year: 2025, title: 'Chỉ số CCHC năm 2025' },
    }),
    'the 2025 round',
  );
  expectOk(
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/par/rounds/${round.id}/advance`,
      headers: organiser,
      payload: { expectedVersion: round.version, action: 'open' },
    }),
    'opening the 2025 round',
  );
  const unit = `/api/v1/par/rounds/${round.id}/units/${justiceId}`;
  const link = expectOk(
    await t.app.inject({
      method: 'POST',
      url: `${unit}/evidence/links`,
      headers: focal,
      payload: { code: '1.1', title: 'Kế hoạch CCHC', url: '/console/reports' },
    }),
    'a link of evidence',
  );
  const file = multipartFile(samplePdf('ke-hoach-cchc'), 'ke-hoach.pdf', 'application/pdf');
  const stored = expectOk(
    await t.app.inject({
      method: 'POST',
      url: `${unit}/evidence/files?code=1.1&title=KeHoach`,
      headers: { ...focal, ...file.headers },
      payload: file.payload,
    }),
    'a file of evidence',
  );
  return { parRoundId: round.id, parLinkId: link.id, parFileId: stored.id };
};
let justiceId = '';

/** The values of the test application form (TEST_APPLICATION_FORM). */
const FILLED_FORM = {
  childFullName: 'Nguyễn Phân Quyền',
  childBirthDate: '2026-11-01',
  childSex: 'male',
  birthPlace: { communeCode: '11953' },
  relationship: 'cha',
};

beforeAll(async () => {
  // Monday 23/11/2026, 09:00 in Vietnam: the online dossier is received within working hours.
  t = await createTestApp({ clock: fixedClock('2026-11-23T09:00:00+07:00') });
  const world = await seedWorld(t);
  // With an application form, so that both dossiers have a filled form to print.
  const birth = await seedProcedure(t, { catalog: '33', code: '1.001193', content: TEST_PROCEDURE_WITH_FORM });
  await insertProcedureAgencies(t.database.db, [
    { procedureId: birth.procedureId, agencyId: world.agencies.justice?.id ?? '', role: 'receiving', catalog: '33' },
  ]);
  await seedDemoCitizen(t.database.db, CITIZEN_PASSWORD);
  await insertLocalCitizen(t.database.db, {
    username: 'nguoikhac',
    passwordHash: await hashPassword(CITIZEN_PASSWORD),
    accountKind: 'person',
    idNumber: '001085009999',
    fullName: 'Lê Văn Khác',
    dateOfBirth: '1985-01-01',
    address: 'Hà Nội',
    communeCode: null,
    phone: null,
    email: null,
    taxCode: null,
    organisationName: null,
  });
  const admin = await signIn(t.app, 'qttinh');
  const imported = await t.app.inject({
    method: 'POST',
    url: '/api/v1/procedures/imports?catalog=33',
    headers: admin.headers,
    payload: { procedures: [] },
  });
  const desk = await signIn(t.app, 'tiepnhan');
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: desk.headers,
    payload: {
      receivingAgencyId: world.agencies.justice?.id,
      procedureCode: '1.001193',
      applicant: {
        kind: 'person',
        fullName: 'Nguyễn Văn Phân Quyền',
        idNumber: '033085001234',
        dateOfBirth: '1985-04-12',
        address: { text: 'Phường Phố Hiến, tỉnh Hưng Yên' },
      },
      components: [
        { key: 'to-khai', originals: 1, copies: 0 },
        { key: 'giay-chung-sinh', originals: 1, copies: 0 },
      ],
      outcome: 'receive',
      form: FILLED_FORM,
    },
  });
  await seedEofficePersonas(world);
  await seedOtherProvinceOfficials(world);
  for (const role of ROLES) {
    const session = isCitizen(role)
      ? await signInCitizen(t.app, USERS[role], CITIZEN_PASSWORD)
      : await signIn(t.app, USERS[role]);
    sessions.set(role, session.headers);
  }

  // The citizen's own online dossier, submitted to Justice, and a draft with one upload.
  const submitted = await startDraft();
  await t.app.inject({
    method: 'PUT',
    url: `/api/v1/citizen/drafts/${submitted}`,
    headers: citizenHeaders(),
    payload: {
      expectedVersion: 1,
      data: {
        applicant: {
          kind: 'person',
          fullName: DEMO_CITIZEN.fullName,
          idNumber: DEMO_CITIZEN.idNumber,
          dateOfBirth: DEMO_CITIZEN.dateOfBirth,
          address: { text: 'Phường Phố Hiến, tỉnh Hưng Yên' },
        },
        receivingAgencyId: world.agencies.justice?.id,
        form: FILLED_FORM,
      },
    },
  });
  await uploadToDraft(submitted);
  const secondFile = multipartFile(samplePdf('giay-chung-sinh'), 'giay-chung-sinh.pdf', 'application/pdf');
  await t.app.inject({
    method: 'POST',
    url: `/api/v1/citizen/drafts/${submitted}/uploads?component=giay-chung-sinh`,
    headers: { ...citizenHeaders(), ...secondFile.headers },
    payload: secondFile.payload,
  });
  const version = (await t.app.inject({ url: `/api/v1/citizen/drafts/${submitted}`, headers: citizenHeaders() })).json()
    .version;
  const dossier = await t.app.inject({
    method: 'POST',
    url: `/api/v1/citizen/drafts/${submitted}/submit`,
    headers: citizenHeaders(),
    payload: { expectedVersion: version },
  });
  if (dossier.statusCode !== 201) {
    throw new Error(`the citizen's dossier was not submitted: ${dossier.body}`);
  }
  const citizenCode = dossier.json().code as string;
  const view = await t.app.inject({ url: `/api/v1/citizen/dossiers/${citizenCode}`, headers: citizenHeaders() });
  const documentId = (view.json().documents as { id: string }[])[0]?.id ?? '';
  const draftId = await startDraft();
  const uploadId = await uploadToDraft(draftId);

  const dossierImport = await importDossierRecords(t.database.db, {
    items: [
      {
        ma_ho_so: 'LS-0001',
        ma_tinh: '33',
        co_quan: 'Sở Tư pháp',
        ngay_tiep_nhan: '2025-03-02 09:00',
        ngay_hen_tra: '2025-03-09 17:00',
      },
    ],
    provinceCode: '33',
    fileName: 'lich-su.json',
    actorUserId: null,
    now: new Date('2026-11-23T02:00:00Z'),
  });

  fixture = {
    ...world,
    code: created.json().code,
    userId: world.users.trakq?.id ?? '',
    importId: imported.json().id,
    dossierImportId: dossierImport.id,
    draftId,
    uploadId,
    citizenCode,
    documentId,
    spareDraftId: '',
    spareUploadId: '',
    ...(await seedMatrixParRounds(world)),
    parSetId: await createParDraft(),
    spareParSetId: '',
    parRoundId: '',
    parLinkId: '',
    parFileId: '',
    ...(await seedEofficeRecords(world)),
  };
  justiceId = world.agencies.justice?.id ?? '';
  Object.assign(fixture, await createParRound());
}, 120_000);

/** The clerk, specialist and heads of Justice and the clerk of Construction, granted as seedWorld grants. */
const seedEofficePersonas = async (world: World) => {
  const passwordHash = await hashPassword(TEST_PASSWORD);
  for (const persona of EOFFICE_PERSONAS) {
    const agency = world.agencies[persona.agency];
    const user = await insertUser(t.database.db, {
      username: USERS[persona.role],
      fullName: persona.fullName,
      title: null,
      email: null,
      phone: null,
      passwordHash,
      provinceCode: agency?.provinceCode ?? null,
      now: new Date(),
    });
    if (!user || !agency) {
      throw new Error(`the persona ${persona.role} was not created`);
    }
    world.users[USERS[persona.role]] = { id: user.id, username: USERS[persona.role] };
    await insertUserRole(t.database.db, {
      userId: user.id,
      agencyId: agency.id,
      role: persona.grant,
      includeSubagencies: ROLE_DEFINITIONS[persona.grant].defaultIncludeSubagencies,
      grantedBy: null,
    });
  }
};

/**
 * Through the API, as the e-office personas: a draft outgoing document of Justice with one PDF version and one
 * recipient, a delegation of the agency's head, and a signing credential of the head (written directly).
 */
const seedEofficeRecords = async (world: World) => {
  const as = (role: Role) => sessions.get(role) ?? {};
  const expectOk = (response: { statusCode: number; body: string }, what: string) => {
    if (response.statusCode >= 300) {
      throw new Error(`${what}: ${response.statusCode} ${response.body}`);
    }
    return JSON.parse(response.body);
  };
  const justice = world.agencies.justice?.id ?? '';
  const head = world.users[USERS.agency_head]?.id ?? '';
  const draft = expectOk(
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/outgoing-documents',
      headers: as('specialist'),
      payload: { agencyId: justice, documentType: 'CV', subject: 'Công văn của ma trận quyền', signerUserId: head },
    }),
    'the outgoing draft',
  );
  const file = multipartFile(samplePdf('du-thao-ma-tran'), 'du-thao.pdf', 'application/pdf');
  const uploaded = expectOk(
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/outgoing-documents/${draft.id}/versions?expectedVersion=${draft.version}`,
      headers: { ...as('specialist'), ...file.headers },
      payload: file.payload,
    }),
    'the draft version',
  );
  expectOk(
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/outgoing-documents/${draft.id}`,
      headers: as('specialist'),
      payload: { expectedVersion: uploaded.version, recipients: [{ agencyId: world.agencies.construction?.id }] },
    }),
    'the recipients',
  );
  const exchange = expectOk(
    await t.app.inject({ url: `/api/v1/document-exchange/outgoing/${draft.id}`, headers: as('clerk') }),
    'the exchange view',
  );
  const delegation = expectOk(
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/document-delegations',
      headers: as('agency_head'),
      payload: {
        agencyId: justice,
        fromUserId: head,
        toUserId: world.users[USERS.unit_head]?.id,
        scope: 'direct',
        validFrom: '2026-12-01',
        validTo: '2026-12-31',
        reason: 'Đi công tác (ma trận quyền)',
      },
    }),
    'the delegation',
  );
  const credential = await issueTestCredentialUnchecked(
    t.ctx,
    { ownerKind: 'official', agencyId: justice, userId: head },
    null,
  );
  return {
    outgoingId: draft.id as string,
    outgoingRecipientId: (exchange.recipients as { id: string }[])[0]?.id ?? '',
    delegationId: delegation.id as string,
    credentialId: credential.id,
  };
};

/** A published PAR round (through the publication use-case, by an organiser outside the matrix) and an open one. */
const seedMatrixParRounds = async (world: World) => {
  const unit = {
    agencyId: world.agencies.justice?.id ?? '',
    points: { '1.1': 1800, '1.2': 1700, '3.1': 2500, '3.2': 2600 },
  };
  const parPublishedRoundId = await seedTestParRound(t, { provinceCode: '33', year: 2024, units: [unit] });
  const parOpenRoundId = await seedTestParRound(t, {
    provinceCode: '33',
    year: 2026,
    stage: 'self_assessment',
    units: [unit],
  });
  const organiser = await insertUser(t.database.db, {
    username: 'cchc.matran',
    fullName: 'Tổ chức Chỉ số CCHC',
    title: null,
    email: null,
    phone: null,
    passwordHash: await hashPassword(TEST_PASSWORD),
    provinceCode: '33',
    now: new Date(),
  });
  await insertUserRole(t.database.db, {
    userId: organiser?.id ?? '',
    agencyId: world.agencies.province?.id ?? '',
    role: 'par_organiser',
    includeSubagencies: true,
    grantedBy: null,
  });
  const actor = await loadOfficial(t.ctx, organiser?.id ?? '', 'session');
  if (!actor) {
    throw new Error('the PAR organiser cannot act');
  }
  await publishParRound(t.ctx, actor, {
    roundId: parPublishedRoundId,
    expectedVersion: 1,
    decisionNumber: '100/QĐ-UBND',
    decisionDate: '2025-03-20',
  });
  return { parPublishedRoundId, parOpenRoundId };
};

/**
 * Issue 22 item 4: the officials outside the province of every resource here — one of Hà Nội (01) holding every
 * official role at its People's Committee with its sub-agencies, and the install's hosting-centre administrator.
 */
const seedOtherProvinceOfficials = async (world: World) => {
  const everything = await insertUser(t.database.db, {
    username: USERS.foreign_everything,
    fullName: 'Phan Thị Toàn Quyền Hà Nội',
    title: null,
    email: null,
    phone: null,
    passwordHash: await hashPassword(TEST_PASSWORD),
    provinceCode: '01',
    now: new Date(),
  });
  for (const role of Object.keys(ROLE_DEFINITIONS) as OfficialRole[]) {
    await insertUserRole(t.database.db, {
      userId: everything?.id ?? '',
      agencyId: world.agencies.foreignProvince?.id ?? '',
      role,
      includeSubagencies: true,
      grantedBy: null,
    });
  }
  await insertUser(t.database.db, {
    username: USERS.hosting_admin,
    fullName: 'Quản trị Trung tâm dữ liệu',
    title: null,
    email: null,
    phone: null,
    passwordHash: await hashPassword(TEST_PASSWORD),
    provinceCode: null,
    hostingAdmin: true,
    now: new Date(),
  });
};

afterAll(async () => {
  await t?.close();
});

const call = async (c: Case, headers: Record<string, string>) => {
  await c.prepare?.(fixture);
  if (c.upload) {
    const file =
      c.upload === 'csv'
        ? multipartFile(
            Buffer.from(`ma_ho_so,co_quan,ngay_tiep_nhan\nMT-${next()},Sở Tư pháp,02/03/2025 09:00\n`),
            'lich-su.csv',
            'text/csv',
          )
        : multipartFile(samplePdf(`ma-tran-${next()}`), 'to-khai.pdf', 'application/pdf');
    return t.app.inject({
      method: c.method,
      url: c.url(fixture),
      headers: { ...headers, ...file.headers },
      payload: file.payload,
    });
  }
  const body = c.body?.(fixture, next());
  return t.app.inject({
    method: c.method,
    url: c.url(fixture),
    headers,
    ...(body === undefined ? {} : { payload: body as object }),
  });
};

/**
 * Issue 22 item 4: officials outside Hưng Yên (33) — one of Hà Nội holding every role there, and the hosting
 * centre's administrator — reach nothing of it. A call naming one of its records or the province itself is
 * refused (403/404); any other call may answer their own province's (or nobody's) data, and the answer must carry
 * no identifier of a Hưng Yên record (its agencies, officials, dossiers and every record the fixture made).
 */
const OUTSIDE_ROLES: Role[] = ['foreign_everything', 'hosting_admin'];
const provinceMarkers = (): string[] => {
  const ids = new Set<string>();
  for (const spec of WORLD_AGENCIES) {
    const agency = fixture.agencies[spec.key];
    if (spec.provinceCode === '33' && agency) {
      ids.add(agency.id);
    }
  }
  for (const [username, user] of Object.entries(fixture.users)) {
    if (user && !['hanoi', 'hanoitn', USERS.foreign_everything].includes(username)) {
      ids.add(user.id);
    }
  }
  for (const value of Object.values(fixture)) {
    if (typeof value === 'string' && value.length >= 8) {
      ids.add(value);
    }
  }
  return [...ids];
};
const expectNothingOfTheProvince = (c: Case, response: { statusCode: number; body: string }, label: string) => {
  const url = c.url(fixture);
  const markers = provinceMarkers();
  const namesTheProvince =
    /[?&](province|catalog|provinceCode)=33(&|$)/.test(url) || markers.some((marker) => url.includes(marker));
  if (namesTheProvince) {
    expect([403, 404], label).toContain(response.statusCode);
    return;
  }
  if (response.statusCode < 300) {
    const leaked = markers.filter((marker) => response.body.includes(marker));
    expect(leaked, `${label}: answers records of Hưng Yên`).toEqual([]);
  }
};

describe('authorisation matrix', () => {
  for (const c of CASES) {
    it(`${c.method} ${c.route}`, async () => {
      const anonymous = await call(c, {});
      expect(anonymous.statusCode, `anonymous ${c.method} ${c.route}: ${anonymous.body}`).toBeLessThan(500);
      if (c.allowed === 'public') {
        expect([401, 403], `anonymous ${c.method} ${c.route}`).not.toContain(anonymous.statusCode);
        return;
      }
      expect(anonymous.statusCode, `anonymous ${c.method} ${c.route}: ${anonymous.body}`).toBe(401);
      const forCitizens = c.audience === 'citizen';
      for (const role of ROLES) {
        const headers = sessions.get(role);
        if (!headers) {
          throw new Error(role);
        }
        const response = await call(c, headers);
        const sameAudience = isCitizen(role) === forCitizens;
        const allowed = sameAudience && (c.allowed === 'any' || c.allowed.includes(role));
        const label = `${role} (${USERS[role]}) ${c.method} ${c.route} → ${response.statusCode} ${response.body.slice(0, 160)}`;
        expect(response.statusCode, label).toBeLessThan(500);
        if (OUTSIDE_ROLES.includes(role) && !forCitizens && !(c.allowed !== 'any' && c.allowed.includes(role))) {
          expectNothingOfTheProvince(c, response, label);
        } else if (allowed) {
          expect([401, 403, 404], label).not.toContain(response.statusCode);
        } else if (!sameAudience) {
          expect(response.statusCode, label).toBe(401);
        } else {
          expect([403, 404], label).toContain(response.statusCode);
        }
      }
    });
  }

  it('covers every route the API has', async () => {
    const covered = new Set(CASES.map((c) => `${c.method} ${c.route}`));
    const missing: string[] = [];
    const doc = (await t.app.inject({ url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        const route = path.replace(/\{(\w+)\}/g, ':$1');
        const key = `${method.toUpperCase()} ${route}`;
        if (!covered.has(key) && route.startsWith('/api/')) {
          missing.push(key);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

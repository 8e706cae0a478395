import { type Insertable, type Kysely, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import type { DossierRecord } from './dossiers.queries.js';
import type { Database } from './schema.js';
import type {
  CitizenTable,
  DossierDraftTable,
  DossierRatingTable,
  NotificationChannel,
  NotificationTable,
  PaknFeedbackTable,
  PaymentCallbackTable,
  PaymentTable,
  PortalUploadTable,
  ProcedureTemplateTable,
} from './tables/portal.js';

type Db = Kysely<Database> | Transaction<Database>;

// --- citizens -----------------------------------------------------------------------------------------

export type CitizenRecord = Selectable<CitizenTable>;

export const findCitizen = async (db: Db, id: string): Promise<CitizenRecord | undefined> =>
  db.selectFrom('citizen').selectAll().where('id', '=', id).executeTakeFirst();

export const findCitizenByUsername = async (db: Db, username: string): Promise<CitizenRecord | undefined> =>
  db.selectFrom('citizen').selectAll().where('username', '=', username).executeTakeFirst();

export type CitizenProfile = {
  issuer: string;
  subject: string;
  accountKind: 'person' | 'organisation';
  idNumber: string | null;
  fullName: string;
  dateOfBirth: string | null;
  address: string | null;
  communeCode: string | null;
  phone: string | null;
  email: string | null;
  taxCode: string | null;
  organisationName: string | null;
  assurance: string | null;
};

/**
 * The citizen behind an identity-provider subject, created on first sign-in and refreshed from the
 * provider's claims on every later one (the provider is authoritative for identity fields; contact
 * details the citizen changed here are kept when the provider sends none).
 */
export const upsertOidcCitizen = async (db: Db, profile: CitizenProfile, now: Date): Promise<CitizenRecord> =>
  db
    .insertInto('citizen')
    .values({ ...profile, source: 'vneid', lastLoginAt: now, createdAt: now, updatedAt: now })
    .onConflict((oc) =>
      oc.columns(['issuer', 'subject']).doUpdateSet((eb) => ({
        accountKind: eb.ref('excluded.accountKind'),
        idNumber: eb.ref('excluded.idNumber'),
        fullName: eb.ref('excluded.fullName'),
        dateOfBirth: eb.ref('excluded.dateOfBirth'),
        address: eb.fn.coalesce('excluded.address', 'citizen.address'),
        communeCode: eb.fn.coalesce('excluded.communeCode', 'citizen.communeCode'),
        phone: eb.fn.coalesce('excluded.phone', 'citizen.phone'),
        email: eb.fn.coalesce('excluded.email', 'citizen.email'),
        taxCode: eb.ref('excluded.taxCode'),
        organisationName: eb.ref('excluded.organisationName'),
        assurance: eb.ref('excluded.assurance'),
        lastLoginAt: now,
        updatedAt: now,
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();

/** A local (demo) citizen account; does nothing when the username exists. */
export const insertLocalCitizen = async (
  db: Db,
  input: Omit<CitizenProfile, 'issuer' | 'subject' | 'assurance'> & { username: string; passwordHash: string },
): Promise<CitizenRecord | undefined> =>
  db
    .insertInto('citizen')
    .values({ ...input, source: 'local', issuer: 'local', subject: `local:${input.username}`, assurance: null })
    .onConflict((oc) => oc.columns(['issuer', 'subject']).doNothing())
    .returningAll()
    .executeTakeFirst();

export const markCitizenLogin = async (db: Db, id: string, now: Date): Promise<void> => {
  await db.updateTable('citizen').set({ lastLoginAt: now }).where('id', '=', id).execute();
};

export const updateCitizenContact = async (
  db: Db,
  input: { id: string; phone?: string | null | undefined; email?: string | null | undefined; now: Date },
): Promise<CitizenRecord | undefined> =>
  db
    .updateTable('citizen')
    .set({
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      updatedAt: input.now,
    })
    .where('id', '=', input.id)
    .returningAll()
    .executeTakeFirst();

// --- citizen sessions and sign-in requests --------------------------------------------------------------

export const insertCitizenSession = async (
  db: Db,
  session: { tokenHash: string; citizenId: string; csrfToken: string; idleExpiresAt: Date; expiresAt: Date },
): Promise<void> => {
  await db.insertInto('citizenSession').values(session).execute();
};

export type CitizenSessionRecord = {
  citizenId: string;
  fullName: string;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
};

/** A live session of an active citizen, by token hash. */
export const findLiveCitizenSession = async (
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<CitizenSessionRecord | undefined> =>
  db
    .selectFrom('citizenSession')
    .innerJoin('citizen', 'citizen.id', 'citizenSession.citizenId')
    .select([
      'citizenSession.citizenId',
      'citizen.fullName',
      'citizenSession.csrfToken',
      'citizenSession.lastSeenAt',
      'citizenSession.expiresAt',
    ])
    .where('citizenSession.tokenHash', '=', tokenHash)
    .where('citizenSession.expiresAt', '>', now)
    .where('citizenSession.idleExpiresAt', '>', now)
    .where('citizen.status', '=', 'active')
    .executeTakeFirst();

export const touchCitizenSession = async (db: Db, tokenHash: string, now: Date, idleExpiresAt: Date): Promise<void> => {
  await db
    .updateTable('citizenSession')
    .set({ lastSeenAt: now, idleExpiresAt })
    .where('tokenHash', '=', tokenHash)
    .execute();
};

export const deleteCitizenSession = async (db: Db, tokenHash: string): Promise<void> => {
  await db.deleteFrom('citizenSession').where('tokenHash', '=', tokenHash).execute();
};

export const insertCitizenAuthRequest = async (
  db: Db,
  request: {
    stateHash: string;
    browserHash: string;
    codeVerifier: string;
    nonce: string;
    returnTo: string;
    expiresAt: Date;
  },
): Promise<void> => {
  await db.insertInto('citizenAuthRequest').values(request).execute();
};

/** Takes a sign-in request out (it can be used once): deleted and returned, if it exists. */
export const takeCitizenAuthRequest = async (db: Db, stateHash: string) =>
  db.deleteFrom('citizenAuthRequest').where('stateHash', '=', stateHash).returningAll().executeTakeFirst();

/** Sign-in requests nobody came back from, and expired sessions. */
export const deleteExpiredCitizenAuth = async (db: Db, now: Date): Promise<void> => {
  await db.deleteFrom('citizenAuthRequest').where('expiresAt', '<=', now).execute();
  await db
    .deleteFrom('citizenSession')
    .where((eb) => eb.or([eb('expiresAt', '<=', now), eb('idleExpiresAt', '<=', now)]))
    .execute();
};

// --- drafts ---------------------------------------------------------------------------------------------

export type DraftRecord = Selectable<DossierDraftTable>;

export const insertDraft = async (
  db: Db,
  draft: Omit<Insertable<DossierDraftTable>, 'id' | 'status' | 'dossierId' | 'version' | 'createdAt' | 'updatedAt'> & {
    now: Date;
  },
): Promise<DraftRecord> => {
  const { now, ...values } = draft;
  return db
    .insertInto('dossierDraft')
    .values({ ...values, createdAt: now, updatedAt: now })
    .returningAll()
    .executeTakeFirstOrThrow();
};

/** A draft of this citizen (another citizen's draft is as good as missing). */
export const findCitizenDraft = async (
  db: Db,
  input: { id: string; citizenId: string },
): Promise<DraftRecord | undefined> =>
  db
    .selectFrom('dossierDraft')
    .selectAll()
    .where('id', '=', input.id)
    .where('citizenId', '=', input.citizenId)
    .executeTakeFirst();

export const lockCitizenDraft = async (
  trx: Transaction<Database>,
  input: { id: string; citizenId: string },
): Promise<DraftRecord | undefined> =>
  trx
    .selectFrom('dossierDraft')
    .selectAll()
    .where('id', '=', input.id)
    .where('citizenId', '=', input.citizenId)
    .forUpdate()
    .executeTakeFirst();

/** The citizen's drafts, most recently edited first (keyset by updated_at, id). */
export const listCitizenDrafts = async (
  db: Db,
  input: { citizenId: string; status?: 'open' | 'submitted'; before?: { updatedAt: Date; id: string }; limit: number },
): Promise<DraftRecord[]> => {
  let query = db.selectFrom('dossierDraft').selectAll().where('citizenId', '=', input.citizenId);
  if (input.status) {
    query = query.where('status', '=', input.status);
  }
  if (input.before) {
    const { updatedAt, id } = input.before;
    query = query.where((eb) =>
      eb.or([eb('updatedAt', '<', updatedAt), eb.and([eb('updatedAt', '=', updatedAt), eb('id', '<', id)])]),
    );
  }
  return query.orderBy('updatedAt', 'desc').orderBy('id', 'desc').limit(input.limit).execute();
};

/** Saves a draft's data if it is still open and at the version the citizen edited. */
export const updateDraftGuarded = async (
  db: Db,
  input: {
    id: string;
    citizenId: string;
    expectedVersion: number;
    changes: Pick<Updateable<DossierDraftTable>, 'data' | 'procedureVersionId' | 'procedureName'>;
    now: Date;
  },
): Promise<DraftRecord | undefined> =>
  db
    .updateTable('dossierDraft')
    .set({ ...input.changes, version: sql<number>`version + 1`, updatedAt: input.now })
    .where('id', '=', input.id)
    .where('citizenId', '=', input.citizenId)
    .where('status', '=', 'open')
    .where('version', '=', input.expectedVersion)
    .returningAll()
    .executeTakeFirst();

export const markDraftSubmitted = async (
  trx: Transaction<Database>,
  input: { id: string; dossierId: string; now: Date },
): Promise<void> => {
  await trx
    .updateTable('dossierDraft')
    .set({ status: 'submitted', dossierId: input.dossierId, version: sql<number>`version + 1`, updatedAt: input.now })
    .where('id', '=', input.id)
    .execute();
};

/** Deletes an open draft of this citizen (its uploads go with it); false when there is none. */
export const deleteOpenDraft = async (db: Db, input: { id: string; citizenId: string }): Promise<boolean> => {
  const result = await db
    .deleteFrom('dossierDraft')
    .where('id', '=', input.id)
    .where('citizenId', '=', input.citizenId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
};

// --- uploads --------------------------------------------------------------------------------------------

export type UploadRecord = Selectable<PortalUploadTable>;

export const insertUpload = async (
  db: Db,
  upload: Omit<Insertable<PortalUploadTable>, 'id' | 'documentId' | 'createdAt'> & { now: Date },
): Promise<UploadRecord> => {
  const { now, ...values } = upload;
  return db
    .insertInto('portalUpload')
    .values({ ...values, createdAt: now })
    .returningAll()
    .executeTakeFirstOrThrow();
};

export const findCitizenUpload = async (
  db: Db,
  input: { id: string; citizenId: string },
): Promise<UploadRecord | undefined> =>
  db
    .selectFrom('portalUpload')
    .selectAll()
    .where('id', '=', input.id)
    .where('citizenId', '=', input.citizenId)
    .executeTakeFirst();

export const listDraftUploads = async (db: Db, draftId: string): Promise<UploadRecord[]> =>
  db.selectFrom('portalUpload').selectAll().where('draftId', '=', draftId).orderBy('createdAt').orderBy('id').execute();

/** Uploads of a dossier not yet part of it (a supplement being prepared). */
export const listPendingDossierUploads = async (
  db: Db,
  input: { dossierId: string; citizenId: string },
): Promise<UploadRecord[]> =>
  db
    .selectFrom('portalUpload')
    .selectAll()
    .where('dossierId', '=', input.dossierId)
    .where('citizenId', '=', input.citizenId)
    .where('documentId', 'is', null)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();

export const countUploads = async (
  db: Db,
  input: { draftId?: string; dossierId?: string; pendingOnly?: boolean; componentKey?: string },
): Promise<number> => {
  let query = db.selectFrom('portalUpload').select((eb) => eb.fn.countAll<number>().as('n'));
  if (input.draftId) {
    query = query.where('draftId', '=', input.draftId);
  }
  if (input.dossierId) {
    query = query.where('dossierId', '=', input.dossierId);
  }
  if (input.pendingOnly) {
    query = query.where('documentId', 'is', null);
  }
  if (input.componentKey) {
    query = query.where('componentKey', '=', input.componentKey);
  }
  const row = await query.executeTakeFirst();
  return Number(row?.n ?? 0);
};

/** Deletes an upload still pending (not yet a dossier document); false when there is none. */
export const deletePendingUpload = async (db: Db, input: { id: string; citizenId: string }): Promise<boolean> => {
  const result = await db
    .deleteFrom('portalUpload')
    .where('id', '=', input.id)
    .where('citizenId', '=', input.citizenId)
    .where('documentId', 'is', null)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
};

export const attachUploadToDossier = async (
  trx: Transaction<Database>,
  input: { id: string; dossierId: string; documentId: string },
): Promise<void> => {
  await trx
    .updateTable('portalUpload')
    .set({ dossierId: input.dossierId, documentId: input.documentId })
    .where('id', '=', input.id)
    .execute();
};

// --- dossiers of citizens -------------------------------------------------------------------------------

export type CitizenDossierRecord = DossierRecord & { citizenId: string | null };

/** The dossier with this code if it belongs to this citizen (another's dossier is as good as missing). */
export const findCitizenDossier = async (
  db: Db,
  input: { code: string; citizenId: string },
): Promise<CitizenDossierRecord | undefined> =>
  db
    .selectFrom('dossier')
    .selectAll()
    .where('code', '=', input.code)
    .where('citizenId', '=', input.citizenId)
    .executeTakeFirst();

/** The citizen behind a dossier (null for counter and postal dossiers). */
export const findDossierCitizenId = async (db: Db, dossierId: string): Promise<string | null> => {
  const row = await db.selectFrom('dossier').select('citizenId').where('id', '=', dossierId).executeTakeFirst();
  return row?.citizenId ?? null;
};

/** The citizen's dossiers, newest first, keyset-paginated by (created_at, id), with whether each was rated. */
export const listCitizenDossiers = async (
  db: Db,
  input: {
    citizenId: string;
    provinceCode?: string | undefined;
    before?: { createdAt: Date; id: string };
    limit: number;
  },
) => citizenDossiersQuery(db, input).execute();

/** The query of listCitizenDossiers (the plan tests explain it): one range of dossier_citizen_newest_idx. */
export const citizenDossiersQuery = (
  db: Db,
  input: {
    citizenId: string;
    /** Only this province's dossiers (a province's portal); a citizen has few, so a filter on the same range. */
    provinceCode?: string | undefined;
    before?: { createdAt: Date; id: string };
    limit: number;
  },
) => {
  let query = db
    .selectFrom('dossier')
    .innerJoin('agency', 'agency.id', 'dossier.receivingAgencyId')
    .select([
      'dossier.id',
      'dossier.code',
      'dossier.status',
      'dossier.channel',
      'dossier.procedureCode',
      'dossier.procedureName',
      'dossier.summary',
      'agency.name as receivingAgencyName',
      'dossier.receivedAt',
      'dossier.dueAt',
      'dossier.dueProvisional',
      'dossier.createdAt',
      'dossier.version',
    ])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('dossierRating')
            .select('dossierRating.dossierId')
            .whereRef('dossierRating.dossierId', '=', 'dossier.id'),
        )
        .$castTo<boolean>()
        .as('rated'),
    )
    .where('dossier.citizenId', '=', input.citizenId)
    .$if(input.provinceCode !== undefined, (q) => q.where('dossier.provinceCode', '=', input.provinceCode as string));
  if (input.before) {
    const { createdAt, id } = input.before;
    query = query.where((eb) =>
      eb.or([
        eb('dossier.createdAt', '<', createdAt),
        eb.and([eb('dossier.createdAt', '=', createdAt), eb('dossier.id', '<', id)]),
      ]),
    );
  }
  return query.orderBy('dossier.createdAt', 'desc').orderBy('dossier.id', 'desc').limit(input.limit);
};

/** A document a citizen handed in (component) or that was issued (result), with who uploaded it. */
export const insertCitizenDossierDocument = async (
  trx: Transaction<Database>,
  doc: {
    dossierId: string;
    kind: 'component' | 'result';
    componentKey: string | null;
    name: string;
    documentNo: string | null;
    fileSha256: string;
    mediaType: string;
    sizeBytes: number;
    uploadedBy: string | null;
    uploadedByCitizenId: string | null;
    /** Set by the caller when the file names its own row (a generated result's QR code points to /v/<id>). */
    id?: string;
    origin?: 'uploaded' | 'generated';
  },
) => trx.insertInto('dossierDocument').values(doc).returningAll().executeTakeFirstOrThrow();

/** How many result documents of a dossier have a stored file (an online return needs one). */
export const countResultFiles = async (db: Db, dossierId: string): Promise<number> => {
  const row = await db
    .selectFrom('dossierDocument')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('dossierId', '=', dossierId)
    .where('kind', '=', 'result')
    .where('fileSha256', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

/** The result documents of a dossier among the given ids that have a stored file. */
export const listResultFilesById = async (db: Db, input: { dossierId: string; ids: readonly string[] }) =>
  input.ids.length === 0
    ? []
    : db
        .selectFrom('dossierDocument')
        .select(['id', 'name', 'documentNo', 'fileSha256'])
        .where('dossierId', '=', input.dossierId)
        .where('kind', '=', 'result')
        .where('fileSha256', 'is not', null)
        .where('id', 'in', [...input.ids])
        .execute();

export const findDossierDocument = async (db: Db, input: { dossierId: string; id: string }) =>
  db
    .selectFrom('dossierDocument')
    .selectAll()
    .where('dossierId', '=', input.dossierId)
    .where('id', '=', input.id)
    .executeTakeFirst();

/** One event of a dossier's history. */
export const findDossierEvent = async (db: Db, input: { dossierId: string; seq: number }) =>
  db
    .selectFrom('dossierEvent')
    .selectAll()
    .where('dossierId', '=', input.dossierId)
    .where('seq', '=', input.seq)
    .executeTakeFirst();

/** The latest event of a dossier among the given actions (e.g. the last supplement request). */
export const findLatestDossierEvent = async (db: Db, input: { dossierId: string; actions: readonly string[] }) =>
  input.actions.length === 0
    ? undefined
    : db
        .selectFrom('dossierEvent')
        .selectAll()
        .where('dossierId', '=', input.dossierId)
        .where('action', 'in', [...input.actions])
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();

/** The dossier's events without who did them (for the applicant's and the public view). */
export const listDossierEventsPublic = async (db: Db, dossierId: string) =>
  db
    .selectFrom('dossierEvent')
    .leftJoin('agency', 'agency.id', 'dossierEvent.agencyId')
    .select([
      'dossierEvent.seq',
      'dossierEvent.at',
      'dossierEvent.action',
      'dossierEvent.actorKind',
      'dossierEvent.fromStatus',
      'dossierEvent.toStatus',
      'agency.name as agencyName',
    ])
    .where('dossierEvent.dossierId', '=', dossierId)
    .orderBy('dossierEvent.seq')
    .execute();

/** Steps with the agencies' names only (no officers). */
export const listDossierStepsPublic = async (db: Db, dossierId: string) =>
  db
    .selectFrom('dossierStep')
    .innerJoin('agency', 'agency.id', 'dossierStep.agencyId')
    .select([
      'dossierStep.stepNo',
      'dossierStep.name',
      'dossierStep.status',
      'agency.name as agencyName',
      'dossierStep.givenAt',
      'dossierStep.receivedAt',
      'dossierStep.completedAt',
      'dossierStep.dueAt',
    ])
    .where('dossierStep.dossierId', '=', dossierId)
    .orderBy('dossierStep.stepNo')
    .execute();

/**
 * A result document by its hash or by its id (the QR code of a generated result), for public
 * verification: issued results only (the dossier is completed or returned), with the agency that
 * completed the dossier and when.
 */
export const findIssuedResult = async (
  db: Db,
  key: { sha256: string } | { id: string },
  provinceCode?: string | undefined,
) =>
  db
    .selectFrom('dossierDocument')
    .innerJoin('dossier', 'dossier.id', 'dossierDocument.dossierId')
    .leftJoin('dossierEvent', (join) =>
      join.onRef('dossierEvent.dossierId', '=', 'dossier.id').on('dossierEvent.action', '=', 'complete'),
    )
    .leftJoin('agency', 'agency.id', 'dossierEvent.agencyId')
    .select([
      'dossierDocument.id',
      'dossierDocument.name',
      'dossierDocument.documentNo',
      'dossierDocument.fileSha256',
      'dossierDocument.mediaType',
      'dossierDocument.sizeBytes',
      'dossierDocument.origin',
      'dossierDocument.signedAt',
      'dossierDocument.createdAt',
      'dossier.completedAt',
      'dossier.outcome',
      'agency.code as issuerCode',
      'agency.name as issuerName',
    ])
    .$if('sha256' in key, (q) => q.where('dossierDocument.fileSha256', '=', (key as { sha256: string }).sha256))
    .$if('id' in key, (q) => q.where('dossierDocument.id', '=', (key as { id: string }).id))
    .where('dossierDocument.fileSha256', 'is not', null)
    .where('dossierDocument.kind', '=', 'result')
    .where('dossier.status', 'in', ['completed', 'returned'])
    .$if(provinceCode !== undefined, (q) => q.where('dossier.provinceCode', '=', provinceCode as string))
    .orderBy('dossierDocument.createdAt')
    .executeTakeFirst();

// --- payments -------------------------------------------------------------------------------------------

export type PaymentRecord = Selectable<PaymentTable>;

export const insertPayment = async (
  db: Db,
  payment: Omit<
    Insertable<PaymentTable>,
    'id' | 'status' | 'appliedToDossier' | 'createdAt' | 'updatedAt' | 'feeLines' | 'initMessage'
  > & {
    feeLines: PaymentTable['feeLines']['__select__'];
    initMessage: Record<string, unknown>;
    now: Date;
  },
): Promise<PaymentRecord> => {
  const { now, feeLines, initMessage, ...values } = payment;
  return db
    .insertInto('payment')
    .values({
      ...values,
      feeLines: JSON.stringify(feeLines),
      initMessage: JSON.stringify(initMessage),
      createdAt: now,
      updatedAt: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
};

export const findPaymentByReference = async (db: Db, reference: string): Promise<PaymentRecord | undefined> =>
  db.selectFrom('payment').selectAll().where('reference', '=', reference).executeTakeFirst();

export const lockPaymentByReference = async (
  trx: Transaction<Database>,
  reference: string,
): Promise<PaymentRecord | undefined> =>
  trx.selectFrom('payment').selectAll().where('reference', '=', reference).forUpdate().executeTakeFirst();

export const findPayment = async (db: Db, id: string): Promise<PaymentRecord | undefined> =>
  db.selectFrom('payment').selectAll().where('id', '=', id).executeTakeFirst();

export const listDossierPayments = async (db: Db, dossierId: string): Promise<PaymentRecord[]> =>
  db.selectFrom('payment').selectAll().where('dossierId', '=', dossierId).orderBy('createdAt').orderBy('id').execute();

export const updatePayment = async (
  db: Db,
  input: {
    id: string;
    changes: Pick<
      Updateable<PaymentTable>,
      'status' | 'paymentUrl' | 'transactionNo' | 'bankCode' | 'paidAt' | 'appliedToDossier' | 'receiptSha256'
    >;
    now: Date;
  },
): Promise<PaymentRecord | undefined> =>
  db
    .updateTable('payment')
    .set({ ...input.changes, updatedAt: input.now })
    .where('id', '=', input.id)
    .returningAll()
    .executeTakeFirst();

export const insertPaymentCallback = async (
  db: Db,
  callback: Omit<Insertable<PaymentCallbackTable>, 'id' | 'receivedAt' | 'message'> & {
    message: Record<string, unknown>;
    now: Date;
  },
): Promise<void> => {
  const { now, message, ...values } = callback;
  await db
    .insertInto('paymentCallback')
    .values({ ...values, message: JSON.stringify(message), receivedAt: now })
    .execute();
};

export const listPaymentCallbacks = async (db: Db, paymentId: string) =>
  db.selectFrom('paymentCallback').selectAll().where('paymentId', '=', paymentId).orderBy('id').execute();

// --- notifications --------------------------------------------------------------------------------------

export type NotificationRecord = Selectable<NotificationTable>;

/** The notification of an event on a channel, created pending if there is none yet. */
export const claimNotification = async (
  db: Db,
  input: Omit<
    Insertable<NotificationTable>,
    'id' | 'attempts' | 'createdAt' | 'lastAttemptAt' | 'sentAt' | 'lastError'
  > & { now: Date },
): Promise<NotificationRecord> => {
  const { now, ...values } = input;
  const inserted = await db
    .insertInto('notification')
    .values({ ...values, createdAt: now })
    .onConflict((oc) => oc.columns(['dossierId', 'eventSeq', 'channel']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) {
    return inserted;
  }
  return db
    .selectFrom('notification')
    .selectAll()
    .where('dossierId', '=', input.dossierId)
    .where('eventSeq', '=', input.eventSeq)
    .where('channel', '=', input.channel)
    .executeTakeFirstOrThrow();
};

/** Records one delivery attempt and its outcome on the notification. */
export const recordNotificationAttempt = async (
  db: Db,
  input: { id: string; at: Date; outcome: 'sent' | 'failed'; error: string | null; finalFailure: boolean },
): Promise<void> => {
  await db
    .insertInto('notificationAttempt')
    .values({ notificationId: input.id, at: input.at, outcome: input.outcome, error: input.error })
    .execute();
  await db
    .updateTable('notification')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      lastAttemptAt: input.at,
      status: input.outcome === 'sent' ? 'sent' : input.finalFailure ? 'failed' : 'retrying',
      ...(input.outcome === 'sent' ? { sentAt: input.at } : { lastError: input.error }),
    }))
    .where('id', '=', input.id)
    .execute();
};

export const listDossierNotifications = async (
  db: Db,
  input: { dossierId: string; statuses?: NotificationTable['status'][]; channel?: NotificationChannel },
): Promise<NotificationRecord[]> => {
  let query = db.selectFrom('notification').selectAll().where('dossierId', '=', input.dossierId);
  if (input.statuses && input.statuses.length > 0) {
    query = query.where('status', 'in', input.statuses);
  }
  if (input.channel) {
    query = query.where('channel', '=', input.channel);
  }
  return query.orderBy('eventSeq').orderBy('channel').execute();
};

export const listNotificationAttempts = async (db: Db, notificationId: string) =>
  db.selectFrom('notificationAttempt').selectAll().where('notificationId', '=', notificationId).orderBy('id').execute();

// --- ratings --------------------------------------------------------------------------------------------

export type RatingRecord = Selectable<DossierRatingTable>;

/** Stores the rating of a dossier; undefined when the dossier was rated already (once only). */
export const insertDossierRating = async (
  db: Db,
  rating: Omit<Insertable<DossierRatingTable>, 'id' | 'createdAt' | 'scores'> & {
    scores: Record<string, number>;
    now: Date;
  },
): Promise<RatingRecord | undefined> => {
  const { now, scores, ...values } = rating;
  return db
    .insertInto('dossierRating')
    .values({ ...values, scores: JSON.stringify(scores), createdAt: now })
    .onConflict((oc) => oc.column('dossierId').doNothing())
    .returningAll()
    .executeTakeFirst();
};

export const findDossierRating = async (db: Db, dossierId: string): Promise<RatingRecord | undefined> =>
  db.selectFrom('dossierRating').selectAll().where('dossierId', '=', dossierId).executeTakeFirst();

// --- feedback on regulations (PAKN) ---------------------------------------------------------------------

export type PaknRecord = Selectable<PaknFeedbackTable>;

/** Next number of the day's PAKN sequence, atomically (one statement under the row lock). */
export const allocatePaknSequence = async (trx: Transaction<Database>, day: string): Promise<number> => {
  const row = await trx
    .insertInto('paknCodeCounter')
    .values({ day, lastSeq: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet({ lastSeq: sql<number>`pakn_code_counter.last_seq + 1` }))
    .returning('lastSeq')
    .executeTakeFirstOrThrow();
  return row.lastSeq;
};

export const findPaknByCode = async (db: Db, code: string): Promise<PaknRecord | undefined> =>
  db.selectFrom('paknFeedback').selectAll().where('code', '=', code).executeTakeFirst();

// --- procedure form templates ---------------------------------------------------------------------------

export type ProcedureTemplateRecord = Selectable<ProcedureTemplateTable>;

export const upsertProcedureTemplate = async (
  db: Db,
  template: Omit<Insertable<ProcedureTemplateTable>, 'createdAt'> & { now: Date },
): Promise<ProcedureTemplateRecord> => {
  const { now, ...values } = template;
  return db
    .insertInto('procedureTemplate')
    .values({ ...values, createdAt: now })
    .onConflict((oc) =>
      oc.columns(['procedureId', 'componentKey']).doUpdateSet((eb) => ({
        fileName: eb.ref('excluded.fileName'),
        fileSha256: eb.ref('excluded.fileSha256'),
        mediaType: eb.ref('excluded.mediaType'),
        sizeBytes: eb.ref('excluded.sizeBytes'),
        uploadedBy: eb.ref('excluded.uploadedBy'),
        createdAt: now,
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
};

export const findProcedureTemplate = async (db: Db, input: { procedureId: string; componentKey: string }) =>
  db
    .selectFrom('procedureTemplate')
    .selectAll()
    .where('procedureId', '=', input.procedureId)
    .where('componentKey', '=', input.componentKey)
    .executeTakeFirst();

export const listProcedureTemplates = async (db: Db, procedureId: string) =>
  db
    .selectFrom('procedureTemplate')
    .select(['componentKey', 'fileName', 'mediaType', 'sizeBytes', 'createdAt'])
    .where('procedureId', '=', procedureId)
    .execute();

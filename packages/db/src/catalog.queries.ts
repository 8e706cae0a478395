import type { AgencyKind, CatalogIssue, OnlineLevel, ProcedureLevel, ProcedureVersionContent } from '@motcua/domain';
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import { likeContains } from './search.js';
import type {
  CatalogImportOutcome,
  CatalogImportStatus,
  CatalogImportTotals,
  NormalizerStatus,
  ProcedureAgencyRole,
  ProcedureStatus,
  ProcedureSummary,
  ProcedureVersionSource,
  ProcedureVersionStatus,
} from './tables/catalog.js';

type Db = Kysely<Database> | Transaction<Database>;

// --- procedures -------------------------------------------------------------------------------------

export type ProcedureRecord = {
  id: string;
  catalog: string;
  code: string;
  nationalCode: string | null;
  name: string;
  fieldName: string;
  fieldCode: string | null;
  levels: ProcedureLevel[];
  onlineLevel: OnlineLevel;
  boundaryFree: boolean;
  summary: ProcedureSummary;
  currentVersionId: string | null;
  currentVersionNo: number | null;
  effectiveFrom: string | null;
  status: ProcedureStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

const procedureColumns = [
  'procedure.id',
  'procedure.catalog',
  'procedure.code',
  'procedure.nationalCode',
  'procedure.name',
  'procedure.fieldName',
  'procedure.fieldCode',
  'procedure.levels',
  'procedure.onlineLevel',
  'procedure.boundaryFree',
  'procedure.summary',
  'procedure.currentVersionId',
  'procedure.currentVersionNo',
  'procedure.effectiveFrom',
  'procedure.status',
  'procedure.version',
  'procedure.createdAt',
  'procedure.updatedAt',
] as const;

/** The fields of a procedure row that are derived from the content of its current version. */
export type ProcedureListing = {
  nationalCode: string | null;
  name: string;
  fieldName: string;
  fieldCode: string | null;
  fieldKey: string;
  levels: ProcedureLevel[];
  onlineLevel: OnlineLevel;
  boundaryFree: boolean;
  searchText: string;
  nameKey: string;
  summary: ProcedureSummary;
};

export type ProcedureCurrent = { currentVersionId: string; currentVersionNo: number; effectiveFrom: string } | null;

export const findProcedure = async (
  db: Db,
  key: { catalog: string; code: string },
): Promise<ProcedureRecord | undefined> =>
  db
    .selectFrom('procedure')
    .select(procedureColumns)
    .where('procedure.catalog', '=', key.catalog)
    .where('procedure.code', '=', key.code)
    .executeTakeFirst();

const listingValues = (listing: ProcedureListing) => ({
  nationalCode: listing.nationalCode,
  name: listing.name,
  fieldName: listing.fieldName,
  fieldCode: listing.fieldCode,
  fieldKey: listing.fieldKey,
  // pg sends a JS array as a PostgreSQL array literal.
  levels: listing.levels,
  onlineLevel: listing.onlineLevel,
  boundaryFree: listing.boundaryFree,
  searchText: listing.searchText,
  nameKey: listing.nameKey,
  summary: JSON.stringify(listing.summary),
});

export type NewProcedureRow = ProcedureListing & {
  id: string;
  catalog: string;
  code: string;
  current: ProcedureCurrent;
};

/**
 * Inserts procedures, or — for (catalog, code) pairs that exist — replaces their listing fields and
 * current version and bumps their row version. One statement per batch: the importer writes
 * hundreds of rows at a time. Callers lock existing rows first (`listProceduresForImport`).
 */
export const upsertProcedures = async (db: Db, rows: readonly NewProcedureRow[]): Promise<void> => {
  if (rows.length === 0) {
    return;
  }
  await db
    .insertInto('procedure')
    .values(
      rows.map((row) => ({
        id: row.id,
        catalog: row.catalog,
        code: row.code,
        ...listingValues(row),
        currentVersionId: row.current?.currentVersionId ?? null,
        currentVersionNo: row.current?.currentVersionNo ?? null,
        effectiveFrom: row.current?.effectiveFrom ?? null,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['catalog', 'code']).doUpdateSet((eb) => ({
        nationalCode: eb.ref('excluded.nationalCode'),
        name: eb.ref('excluded.name'),
        fieldName: eb.ref('excluded.fieldName'),
        fieldCode: eb.ref('excluded.fieldCode'),
        fieldKey: eb.ref('excluded.fieldKey'),
        levels: eb.ref('excluded.levels'),
        onlineLevel: eb.ref('excluded.onlineLevel'),
        boundaryFree: eb.ref('excluded.boundaryFree'),
        searchText: eb.ref('excluded.searchText'),
        nameKey: eb.ref('excluded.nameKey'),
        summary: eb.ref('excluded.summary'),
        currentVersionId: eb.ref('excluded.currentVersionId'),
        currentVersionNo: eb.ref('excluded.currentVersionNo'),
        effectiveFrom: eb.ref('excluded.effectiveFrom'),
        version: sql<number>`procedure.version + 1`,
        updatedAt: sql<Date>`now()`,
      })),
    )
    .execute();
};

/**
 * Replaces the listing fields (and optionally the current version) of a procedure, guarded by its
 * row version. Returns undefined when the version is stale.
 */
export const updateProcedureListing = async (
  db: Db,
  input: {
    id: string;
    expectedVersion: number;
    listing?: ProcedureListing | undefined;
    current?: ProcedureCurrent | undefined;
  },
): Promise<ProcedureRecord | undefined> =>
  db
    .updateTable('procedure')
    .set({
      ...(input.listing ? listingValues(input.listing) : {}),
      ...(input.current
        ? {
            currentVersionId: input.current.currentVersionId,
            currentVersionNo: input.current.currentVersionNo,
            effectiveFrom: input.current.effectiveFrom,
          }
        : {}),
      version: sql<number>`version + 1`,
      updatedAt: new Date(),
    })
    .where('id', '=', input.id)
    .where('version', '=', input.expectedVersion)
    .returning(procedureColumns)
    .executeTakeFirst();

export type ImportTarget = {
  id: string;
  code: string;
  version: number;
  currentVersionId: string | null;
  currentVersionNo: number | null;
  effectiveFrom: string | null;
  currentHash: string | null;
  maxVersionNo: number;
  /** The current content, when asked for (province imports keep the province's own settings). */
  currentContent?: ProcedureVersionContent | null;
};

/**
 * The procedures of a catalog with the given codes, locked for the rest of the transaction, with
 * the hash of their current version (to tell unchanged records from changed ones).
 */
export const listProceduresForImport = async (
  db: Db,
  input: { catalog: string; codes: readonly string[]; withContent?: boolean },
): Promise<ImportTarget[]> => {
  if (input.codes.length === 0) {
    return [];
  }
  const content = input.withContent ? sql`, v.content as current_content` : sql``;
  const result = await sql<ImportTarget>`
    select p.id, p.code, p.version, p.current_version_id, p.current_version_no, p.effective_from,
      v.content_hash as current_hash,
      (select max(x.version_no) from procedure_version x where x.procedure_id = p.id)::int as max_version_no
      ${content}
    from procedure p
    left join procedure_version v on v.id = p.current_version_id
    where p.catalog = ${input.catalog} and p.code = any(${[...input.codes]}::text[])
    for update of p
  `.execute(db);
  return result.rows;
};

/** Serialises imports into one catalog (batches of two concurrent imports would race on new codes). */
export const lockCatalogForImport = async (db: Db, catalog: string): Promise<void> => {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`motcua.catalog:${catalog}`}, 0))`.execute(db);
};

// --- versions ---------------------------------------------------------------------------------------

export type ProcedureVersionHeader = {
  id: string;
  procedureId: string;
  catalog: string;
  versionNo: number;
  status: ProcedureVersionStatus;
  contentHash: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  source: ProcedureVersionSource;
  importId: string | null;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
};

export type ProcedureVersionRecord = ProcedureVersionHeader & { content: ProcedureVersionContent };

const versionHeaderColumns = [
  'procedureVersion.id',
  'procedureVersion.procedureId',
  'procedureVersion.catalog',
  'procedureVersion.versionNo',
  'procedureVersion.status',
  'procedureVersion.contentHash',
  'procedureVersion.effectiveFrom',
  'procedureVersion.effectiveTo',
  'procedureVersion.source',
  'procedureVersion.importId',
  'procedureVersion.createdAt',
  'procedureVersion.updatedAt',
  'procedureVersion.publishedAt',
] as const;

export type ProcedureVersionListItem = ProcedureVersionHeader & {
  createdByUsername: string | null;
  publishedByUsername: string | null;
};

/** Every version of a procedure, oldest first, with who created and published it. */
export const listProcedureVersions = async (db: Db, procedureId: string): Promise<ProcedureVersionListItem[]> =>
  db
    .selectFrom('procedureVersion')
    .leftJoin('appUser as creator', 'creator.id', 'procedureVersion.createdBy')
    .leftJoin('appUser as publisher', 'publisher.id', 'procedureVersion.publishedBy')
    .select(versionHeaderColumns)
    .select(['creator.username as createdByUsername', 'publisher.username as publishedByUsername'])
    .where('procedureVersion.procedureId', '=', procedureId)
    .orderBy('procedureVersion.versionNo')
    .execute();

export const findProcedureVersionByNo = async (
  db: Db,
  input: { procedureId: string; versionNo: number },
): Promise<ProcedureVersionRecord | undefined> =>
  db
    .selectFrom('procedureVersion')
    .select(versionHeaderColumns)
    .select('procedureVersion.content')
    .where('procedureVersion.procedureId', '=', input.procedureId)
    .where('procedureVersion.versionNo', '=', input.versionNo)
    .executeTakeFirst();

export const findProcedureVersion = async (db: Db, id: string): Promise<ProcedureVersionRecord | undefined> =>
  db
    .selectFrom('procedureVersion')
    .select(versionHeaderColumns)
    .select('procedureVersion.content')
    .where('procedureVersion.id', '=', id)
    .executeTakeFirst();

/**
 * A version by id — what a dossier stores. It never disappears (published versions cannot be
 * deleted), so a missing id is a programming error and throws.
 */
export const getProcedureVersion = async (db: Db, id: string): Promise<ProcedureVersionRecord> => {
  const version = await findProcedureVersion(db, id);
  if (!version) {
    throw new Error(`procedure version ${id} does not exist`);
  }
  return version;
};

export type ProcedureVersionInForce = ProcedureVersionRecord & { code: string; name: string };

/**
 * The published version of a procedure in force on a date (Vietnam calendar date): the one whose
 * [effective_from, effective_to] covers it. The dossier engine receives a dossier under this
 * version and keeps its id for good (Decree 118/2025/NĐ-CP: a dossier is resolved under the
 * procedure as published when it was received).
 */
export const findProcedureVersionInForce = async (
  db: Db,
  input: { catalog: string; code: string; at: string },
): Promise<ProcedureVersionInForce | undefined> =>
  db
    .selectFrom('procedureVersion')
    .innerJoin('procedure', 'procedure.id', 'procedureVersion.procedureId')
    .select(versionHeaderColumns)
    .select(['procedureVersion.content', 'procedure.code', 'procedure.name'])
    .where('procedure.catalog', '=', input.catalog)
    .where('procedure.code', '=', input.code)
    .where('procedure.status', '=', 'active')
    .where('procedureVersion.status', '<>', 'draft')
    .where('procedureVersion.effectiveFrom', '<=', input.at)
    .where((eb) =>
      eb.or([eb('procedureVersion.effectiveTo', 'is', null), eb('procedureVersion.effectiveTo', '>=', input.at)]),
    )
    .orderBy('procedureVersion.effectiveFrom', 'desc')
    .orderBy('procedureVersion.versionNo', 'desc')
    .executeTakeFirst();

export type NewProcedureVersion = {
  id: string;
  procedureId: string;
  catalog: string;
  versionNo: number;
  status: 'draft' | 'published';
  content: ProcedureVersionContent;
  contentHash: string;
  effectiveFrom: string | null;
  source: ProcedureVersionSource;
  importId: string | null;
  createdBy: string | null;
  publishedBy: string | null;
  publishedAt: Date | null;
};

export const insertProcedureVersions = async (db: Db, rows: readonly NewProcedureVersion[]): Promise<void> => {
  if (rows.length === 0) {
    return;
  }
  await db
    .insertInto('procedureVersion')
    .values(
      rows.map((row) => ({
        id: row.id,
        procedureId: row.procedureId,
        catalog: row.catalog,
        versionNo: row.versionNo,
        status: row.status,
        content: JSON.stringify(row.content),
        contentHash: row.contentHash,
        effectiveFrom: row.effectiveFrom,
        effectiveTo: null,
        source: row.source,
        importId: row.importId,
        createdBy: row.createdBy,
        publishedBy: row.publishedBy,
        publishedAt: row.publishedAt,
      })),
    )
    .execute();
};

/**
 * Closes published versions: the day before the next one takes effect is their last day
 * (Decree 63/2010/NĐ-CP as amended: a procedure is replaced, never rewritten). The only change a
 * published version ever gets; the database trigger refuses any other.
 */
export const closeProcedureVersions = async (
  db: Db,
  rows: readonly { id: string; effectiveTo: string }[],
): Promise<void> => {
  if (rows.length === 0) {
    return;
  }
  const closing = JSON.stringify(rows.map((row) => ({ id: row.id, effective_to: row.effectiveTo })));
  await sql`
    update procedure_version v
    set status = 'superseded', effective_to = c.effective_to, updated_at = now()
    from jsonb_to_recordset(${closing}::jsonb) as c(id uuid, effective_to date)
    where v.id = c.id and v.status = 'published'
  `.execute(db);
};

/** Replaces the content of a draft. Returns undefined when the version is not (or no longer) a draft. */
export const updateDraftVersion = async (
  db: Db,
  input: { id: string; content: ProcedureVersionContent; contentHash: string },
): Promise<ProcedureVersionHeader | undefined> =>
  db
    .updateTable('procedureVersion')
    .set({ content: JSON.stringify(input.content), contentHash: input.contentHash, updatedAt: new Date() })
    .where('id', '=', input.id)
    .where('status', '=', 'draft')
    .returning(versionHeaderColumns)
    .executeTakeFirst();

/** Publishes a draft from a date. Returns undefined when the version is not (or no longer) a draft. */
export const publishDraftVersion = async (
  db: Db,
  input: { id: string; effectiveFrom: string; publishedBy: string | null; publishedAt: Date },
): Promise<ProcedureVersionHeader | undefined> =>
  db
    .updateTable('procedureVersion')
    .set({
      status: 'published',
      effectiveFrom: input.effectiveFrom,
      publishedBy: input.publishedBy,
      publishedAt: input.publishedAt,
      updatedAt: input.publishedAt,
    })
    .where('id', '=', input.id)
    .where('status', '=', 'draft')
    .returning(versionHeaderColumns)
    .executeTakeFirst();

/** The latest published version of a procedure (the one that has no successor yet). */
export const findLatestPublishedVersion = async (
  db: Db,
  procedureId: string,
): Promise<ProcedureVersionHeader | undefined> =>
  db
    .selectFrom('procedureVersion')
    .select(versionHeaderColumns)
    .where('procedureId', '=', procedureId)
    .where('status', '=', 'published')
    .orderBy('effectiveFrom', 'desc')
    .orderBy('versionNo', 'desc')
    .executeTakeFirst();

export const findMaxVersionNo = async (db: Db, procedureId: string): Promise<number> => {
  const row = await db
    .selectFrom('procedureVersion')
    .select((eb) => eb.fn.max('versionNo').as('n'))
    .where('procedureId', '=', procedureId)
    .executeTakeFirst();
  return row?.n ?? 0;
};

// --- receiving agencies -----------------------------------------------------------------------------

export type ProcedureAgencyItem = {
  agencyId: string;
  code: string;
  name: string;
  kind: AgencyKind;
  /** The administrative unit the agency serves (a 2025 commune code for commune agencies). */
  adminUnitCode: string | null;
  provinceCode: string | null;
  /** Set when the agency has closed (merged, split or dissolved). */
  validTo: string | null;
  role: ProcedureAgencyRole;
};

export const listProcedureAgencies = async (db: Db, procedureId: string): Promise<ProcedureAgencyItem[]> =>
  db
    .selectFrom('procedureAgency')
    .innerJoin('agency', 'agency.id', 'procedureAgency.agencyId')
    .select([
      'procedureAgency.agencyId',
      'agency.code',
      'agency.name',
      'agency.kind',
      'agency.adminUnitCode',
      'agency.provinceCode',
      'agency.validTo',
      'procedureAgency.role',
    ])
    .where('procedureAgency.procedureId', '=', procedureId)
    .orderBy('procedureAgency.role', 'desc')
    .orderBy('agency.code')
    .execute();

export type NewProcedureAgency = { procedureId: string; agencyId: string; role: ProcedureAgencyRole; catalog: string };

export const insertProcedureAgencies = async (db: Db, rows: readonly NewProcedureAgency[]): Promise<void> => {
  // Chunks keep the statement under the 65,535 parameters of the wire protocol.
  for (let start = 0; start < rows.length; start += 5000) {
    await db
      .insertInto('procedureAgency')
      .values(rows.slice(start, start + 5000))
      .onConflict((oc) => oc.columns(['procedureId', 'agencyId', 'role']).doNothing())
      .execute();
  }
};

/** Replaces the set of agencies of a procedure. */
export const replaceProcedureAgencies = async (
  db: Db,
  input: { procedureId: string; catalog: string; agencies: readonly { agencyId: string; role: ProcedureAgencyRole }[] },
): Promise<void> => {
  await db.deleteFrom('procedureAgency').where('procedureId', '=', input.procedureId).execute();
  await insertProcedureAgencies(
    db,
    input.agencies.map((a) => ({ ...a, procedureId: input.procedureId, catalog: input.catalog })),
  );
};

// --- search -----------------------------------------------------------------------------------------

export type ProcedureSearchInput = {
  catalog?: string | undefined;
  /** Already folded (see the server's search key): the whole query and its distinct words. */
  query?: { phrase: string; tokens: readonly string[] } | undefined;
  level?: ProcedureLevel | undefined;
  /** A field code (G03-GD10) or a folded field name. */
  field?: { code: string; key: string } | undefined;
  onlineLevel?: OnlineLevel | undefined;
  agencyId?: string | undefined;
  /** Include procedures that have only a draft (province administrators). */
  includeUnpublished?: boolean | undefined;
  /**
   * One entry per procedure (the portal): a national record is left out where a province catalog
   * has a published, active entry with the same national code — the province's version stands in
   * for it. Without it every catalog entry is listed (the officials' catalogs).
   */
  onePerProcedure?: boolean | undefined;
  limit: number;
  offset: number;
};

/** Which pass found the results: the phrase, all words in any order, or similar words (typos). */
export type ProcedureSearchMatch = 'all' | 'phrase' | 'words' | 'similar' | 'none';

export type ProcedureSearchItem = {
  id: string;
  catalog: string;
  code: string;
  nationalCode: string | null;
  name: string;
  fieldName: string;
  fieldCode: string | null;
  levels: ProcedureLevel[];
  onlineLevel: OnlineLevel;
  boundaryFree: boolean;
  summary: ProcedureSummary;
  currentVersionNo: number | null;
  effectiveFrom: string | null;
};

/** word_similarity threshold of the typo pass: "khai snh" → "khai sinh" scores 0.67, unrelated words ≤ 0.45. */
export const SIMILARITY_THRESHOLD = 0.5;

type ProcedureEb = ExpressionBuilder<Database, 'procedure'>;

/** "phrase%" with LIKE wildcards in the phrase escaped. */
const likePrefix = (folded: string): string => `${likeContains(folded).slice(1)}`;

/**
 * Accent-insensitive, typo-tolerant procedure search in three passes, stopping at the first that
 * finds anything: (a) the folded phrase as written; (b) every word, in any order; (c) words similar
 * by trigrams (pg_trgm word_similarity). Results are ranked: the phrase as the whole name, at its
 * start, as whole words, earlier in the name; then shorter names; then code.
 */
export const searchProcedures = async (
  db: Db,
  input: ProcedureSearchInput,
): Promise<{ items: ProcedureSearchItem[]; total: number; match: ProcedureSearchMatch }> => {
  const filters: ((eb: ProcedureEb) => Expression<SqlBool>)[] = [(eb) => eb('procedure.status', '=', 'active')];
  if (!input.includeUnpublished) {
    filters.push((eb) => eb('procedure.currentVersionId', 'is not', null));
  }
  if (input.catalog) {
    const { catalog } = input;
    filters.push((eb) => eb('procedure.catalog', '=', catalog));
  }
  if (input.level) {
    const level = input.level;
    filters.push(() => sql<SqlBool>`procedure.levels @> array[${level}]::text[]`);
  }
  if (input.field) {
    const { code, key } = input.field;
    filters.push((eb) => eb.or([eb('procedure.fieldCode', '=', code), eb('procedure.fieldKey', '=', key)]));
  }
  if (input.onlineLevel) {
    const online = input.onlineLevel;
    filters.push((eb) => eb('procedure.onlineLevel', '=', online));
  }
  if (input.agencyId) {
    const agencyId = input.agencyId;
    filters.push((eb) =>
      eb.exists(
        eb
          .selectFrom('procedureAgency')
          .select(sql`1`.as('one'))
          .whereRef('procedureAgency.procedureId', '=', 'procedure.id')
          .where('procedureAgency.agencyId', '=', agencyId),
      ),
    );
  }

  if (input.onePerProcedure) {
    // An anti-join on procedure_national_code_idx, in the same filters as the count: the total
    // counts procedures, and pages never repeat one.
    filters.push((eb) =>
      eb.or([
        eb('procedure.catalog', '<>', 'national'),
        eb('procedure.nationalCode', 'is', null),
        eb.not(
          eb.exists(
            eb
              .selectFrom('procedure as adopted')
              .select(sql`1`.as('one'))
              .whereRef('adopted.nationalCode', '=', 'procedure.nationalCode')
              .where('adopted.catalog', '<>', 'national')
              .where('adopted.status', '=', 'active')
              .where('adopted.currentVersionId', 'is not', null),
          ),
        ),
      ]),
    );
  }

  const run = async (trx: Db) => {
    const count = async (extra: ((eb: ProcedureEb) => Expression<SqlBool>)[]): Promise<number> => {
      const row = await trx
        .selectFrom('procedure')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) => eb.and([...filters, ...extra].map((f) => f(eb))))
        .executeTakeFirst();
      return row?.n ?? 0;
    };
    const page = async (
      extra: ((eb: ProcedureEb) => Expression<SqlBool>)[],
      order: ReturnType<typeof sql>[],
    ): Promise<ProcedureSearchItem[]> => {
      let query = trx
        .selectFrom('procedure')
        .select([
          'procedure.id',
          'procedure.catalog',
          'procedure.code',
          'procedure.nationalCode',
          'procedure.name',
          'procedure.fieldName',
          'procedure.fieldCode',
          'procedure.levels',
          'procedure.onlineLevel',
          'procedure.boundaryFree',
          'procedure.summary',
          'procedure.currentVersionNo',
          'procedure.effectiveFrom',
        ])
        .where((eb) => eb.and([...filters, ...extra].map((f) => f(eb))));
      for (const expression of order) {
        query = query.orderBy(expression);
      }
      // Province entries before national ones: a citizen of a province wants the procedure as the
      // province carries it out.
      return query
        .orderBy(sql`procedure.catalog = 'national'`)
        .orderBy('procedure.catalog')
        .orderBy('procedure.code')
        .limit(input.limit)
        .offset(input.offset)
        .execute();
    };

    const query = input.query;
    if (!query || query.phrase === '') {
      const total = await count([]);
      return { items: await page([], []), total, match: 'all' as const };
    }
    const { phrase } = query;
    const phraseFilter = () => sql<SqlBool>`procedure.search_text like ${likeContains(phrase)}`;
    const phraseTotal = await count([phraseFilter]);
    if (phraseTotal > 0) {
      const order = [
        sql`case
          when procedure.name_key = ${phrase} then 0
          when procedure.name_key like ${likePrefix(phrase)} then 1
          when (' ' || procedure.name_key || ' ') like ${likeContains(` ${phrase} `)} then 2
          when procedure.name_key like ${likeContains(phrase)} then 3
          else 4 end`,
        sql`nullif(strpos(procedure.name_key, ${phrase}), 0) asc nulls last`,
        sql`length(procedure.name_key)`,
      ];
      return { items: await page([phraseFilter], order), total: phraseTotal, match: 'phrase' as const };
    }
    const similarOrder = [
      sql`word_similarity(${phrase}, procedure.name_key) desc`,
      sql`word_similarity(${phrase}, procedure.search_text) desc`,
      sql`length(procedure.name_key)`,
    ];
    if (query.tokens.length > 1) {
      const wordFilters = query.tokens.map(
        (token) => () => sql<SqlBool>`procedure.search_text like ${likeContains(token)}`,
      );
      const wordsTotal = await count(wordFilters);
      if (wordsTotal > 0) {
        return { items: await page(wordFilters, similarOrder), total: wordsTotal, match: 'words' as const };
      }
    }
    // `<%` uses the trigram index; its threshold is a setting, local to this transaction.
    await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(SIMILARITY_THRESHOLD)}, true)`.execute(
      trx,
    );
    const similarFilter = () => sql<SqlBool>`${phrase} <% procedure.search_text`;
    const similarTotal = await count([similarFilter]);
    if (similarTotal > 0) {
      return { items: await page([similarFilter], similarOrder), total: similarTotal, match: 'similar' as const };
    }
    return { items: [], total: 0, match: 'none' as const };
  };

  return db.isTransaction ? run(db) : (db as Kysely<Database>).transaction().execute(run);
};

// --- export -----------------------------------------------------------------------------------------

export type ExportedProcedureVersion = {
  code: string;
  catalog: string;
  versionNo: number;
  effectiveFrom: string | null;
  contentHash: string;
  content: ProcedureVersionContent;
};

/** One page of current published versions of a catalog, by code (keyset: never the whole table at once). */
export const listCurrentProcedureVersionsPage = async (
  db: Db,
  input: { catalog: string; afterCode: string | null; limit: number },
): Promise<ExportedProcedureVersion[]> => {
  let query = db
    .selectFrom('procedure')
    .innerJoin('procedureVersion', 'procedureVersion.id', 'procedure.currentVersionId')
    .select([
      'procedure.code',
      'procedure.catalog',
      'procedureVersion.versionNo',
      'procedureVersion.effectiveFrom',
      'procedureVersion.contentHash',
      'procedureVersion.content',
    ])
    .where('procedure.catalog', '=', input.catalog)
    .where('procedure.status', '=', 'active');
  if (input.afterCode !== null) {
    query = query.where('procedure.code', '>', input.afterCode);
  }
  return query.orderBy('procedure.code').limit(input.limit).execute();
};

// --- imports ----------------------------------------------------------------------------------------

export type CatalogImportRecord = {
  id: string;
  catalog: string;
  fileName: string | null;
  actorUserId: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  status: CatalogImportStatus;
  totals: CatalogImportTotals;
  failure: string | null;
};

const importColumns = [
  'catalogImport.id',
  'catalogImport.catalog',
  'catalogImport.fileName',
  'catalogImport.actorUserId',
  'catalogImport.startedAt',
  'catalogImport.finishedAt',
  'catalogImport.status',
  'catalogImport.totals',
  'catalogImport.failure',
] as const;

export const insertCatalogImport = async (
  db: Db,
  row: {
    id: string;
    catalog: string;
    fileName: string | null;
    actorUserId: string | null;
    totals: CatalogImportTotals;
  },
): Promise<CatalogImportRecord> =>
  db
    .insertInto('catalogImport')
    .values({ ...row, status: 'running', totals: JSON.stringify(row.totals) })
    .returning(importColumns)
    .executeTakeFirstOrThrow();

export const updateCatalogImport = async (
  db: Db,
  input: {
    id: string;
    totals: CatalogImportTotals;
    status?: CatalogImportStatus;
    finishedAt?: Date;
    failure?: string | null;
  },
): Promise<CatalogImportRecord | undefined> =>
  db
    .updateTable('catalogImport')
    .set({
      totals: JSON.stringify(input.totals),
      ...(input.status ? { status: input.status } : {}),
      ...(input.finishedAt ? { finishedAt: input.finishedAt } : {}),
      ...(input.failure !== undefined ? { failure: input.failure } : {}),
    })
    .where('id', '=', input.id)
    .returning(importColumns)
    .executeTakeFirst();

export const findCatalogImport = async (db: Db, id: string): Promise<CatalogImportRecord | undefined> =>
  db.selectFrom('catalogImport').select(importColumns).where('id', '=', id).executeTakeFirst();

export type NewCatalogImportRow = {
  importId: string;
  rowNo: number;
  catalog: string;
  code: string | null;
  name: string | null;
  outcome: CatalogImportOutcome;
  normalizerStatus: NormalizerStatus;
  versionNo: number | null;
  issues: CatalogIssue[];
};

export const insertCatalogImportRows = async (db: Db, rows: readonly NewCatalogImportRow[]): Promise<void> => {
  if (rows.length === 0) {
    return;
  }
  await db
    .insertInto('catalogImportRow')
    .values(rows.map((row) => ({ ...row, issues: JSON.stringify(row.issues) })))
    .execute();
};

export type CatalogImportRowRecord = NewCatalogImportRow;

export const listCatalogImportRows = async (
  db: Db,
  input: {
    importId: string;
    outcome?: CatalogImportOutcome | undefined;
    normalizerStatus?: NormalizerStatus | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ items: CatalogImportRowRecord[]; total: number }> => {
  let query = db.selectFrom('catalogImportRow').where('importId', '=', input.importId);
  if (input.outcome) {
    query = query.where('outcome', '=', input.outcome);
  }
  if (input.normalizerStatus) {
    query = query.where('normalizerStatus', '=', input.normalizerStatus);
  }
  const count = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const items = await query
    .select(['importId', 'rowNo', 'catalog', 'code', 'name', 'outcome', 'normalizerStatus', 'versionNo', 'issues'])
    .orderBy('rowNo')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  return { items, total: count?.n ?? 0 };
};

// --- single-procedure writes ------------------------------------------------------------------------

/**
 * Inserts one procedure (adoption or a local procedure). Returns undefined when the catalog already
 * has the code (the unique key decides, so two concurrent requests cannot both create it).
 */
export const insertProcedure = async (db: Db, row: NewProcedureRow): Promise<ProcedureRecord | undefined> =>
  db
    .insertInto('procedure')
    .values({
      id: row.id,
      catalog: row.catalog,
      code: row.code,
      ...listingValues(row),
      currentVersionId: row.current?.currentVersionId ?? null,
      currentVersionNo: row.current?.currentVersionNo ?? null,
      effectiveFrom: row.current?.effectiveFrom ?? null,
    })
    .onConflict((oc) => oc.columns(['catalog', 'code']).doNothing())
    .returning(procedureColumns)
    .executeTakeFirst();

/** The draft of a procedure, if it has one (at most one: a partial unique index). */
export const findDraftVersion = async (db: Db, procedureId: string): Promise<ProcedureVersionRecord | undefined> =>
  db
    .selectFrom('procedureVersion')
    .select(versionHeaderColumns)
    .select('procedureVersion.content')
    .where('procedureVersion.procedureId', '=', procedureId)
    .where('procedureVersion.status', '=', 'draft')
    .executeTakeFirst();

/** Agencies proposed as receiving or implementing agencies, with what the check needs. */
export const listAgencyScopes = async (
  db: Db,
  ids: readonly string[],
): Promise<{ id: string; provinceCode: string | null; validTo: string | null }[]> =>
  ids.length === 0
    ? []
    : db
        .selectFrom('agency')
        .select(['id', 'provinceCode', 'validTo'])
        .where('id', 'in', [...ids])
        .execute();

import { randomUUID } from 'node:crypto';
import {
  closeProcedureVersions,
  type Database,
  findDraftVersion,
  findLatestPublishedVersion,
  findMaxVersionNo,
  findProcedure,
  findProcedureVersionByNo,
  findProcedureVersionInForce,
  getProcedureVersion,
  insertProcedure,
  insertProcedureVersions,
  listAgencyScopes,
  listProcedureAgencies,
  listProcedureVersions,
  type ProcedureAgencyRole,
  type ProcedureRecord,
  type ProcedureVersionRecord,
  type ProcedureVersionSource,
  publishDraftVersion,
  replaceProcedureAgencies,
  updateDraftVersion,
  updateProcedureListing,
} from '@motcua/db';
import { hashProcedureContent, ProcedureVersionContent } from '@motcua/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { addDaysToDate } from '../../dates.js';
import { AppError, notFound } from '../../errors/app-error.js';
import type { Language } from '../../errors/problem.js';
import { authorizeCatalogWrite, canManageCatalog, NATIONAL_CATALOG, PROCEDURE, PROCEDURE_VERSION } from './access.js';
import { parseProcedureContent } from './content.js';
import { describeProcedureListing, findCatalogCode } from './procedure-listing.js';

type Db = Kysely<Database> | Transaction<Database>;

// --- reading ------------------------------------------------------------------------------------------

const versionView = (version: ProcedureVersionRecord) => ({
  versionNo: version.versionNo,
  status: version.status,
  effectiveFrom: version.effectiveFrom,
  effectiveTo: version.effectiveTo,
  contentHash: version.contentHash,
  source: version.source,
  createdAt: version.createdAt,
  publishedAt: version.publishedAt,
  content: version.content,
});

export type ProcedureVersionView = ReturnType<typeof versionView>;

const procedureView = (procedure: ProcedureRecord) => ({
  catalog: procedure.catalog,
  code: procedure.code,
  nationalCode: procedure.nationalCode,
  name: procedure.name,
  field: { name: procedure.fieldName, code: procedure.fieldCode },
  levels: procedure.levels,
  onlineLevel: procedure.onlineLevel,
  boundaryFree: procedure.boundaryFree,
  status: procedure.status,
  rowVersion: procedure.version,
  currentVersionNo: procedure.currentVersionNo,
  effectiveFrom: procedure.effectiveFrom,
});

/** A procedure the actor may see: published ones for everybody, draft-only ones for the catalog's managers. */
const loadVisibleProcedure = async (
  db: Db,
  actor: Actor,
  key: { catalog: string; code: string },
): Promise<{ procedure: ProcedureRecord; manages: boolean }> => {
  const manages = canManageCatalog(actor, key.catalog);
  const procedure = await findProcedure(db, key);
  if (!procedure || (procedure.currentVersionId === null && !manages)) {
    throw notFound(PROCEDURE);
  }
  return { procedure, manages };
};

/**
 * A procedure with its current published version (or the one in force on `at`), its version
 * history and the agencies that receive it. Published procedures are public information
 * (Decree 63/2010/NĐ-CP as amended by Decree 92/2017/NĐ-CP: procedures are published for
 * everyone to look up).
 */
export const getProcedureDetail = async (
  ctx: AppContext,
  actor: Actor,
  input: { catalog: string; code: string; at?: string | undefined },
) => {
  const { procedure, manages } = await loadVisibleProcedure(ctx.db, actor, input);
  let current: ProcedureVersionRecord | undefined;
  if (input.at) {
    current = await findProcedureVersionInForce(ctx.db, { catalog: input.catalog, code: input.code, at: input.at });
  } else if (procedure.currentVersionId) {
    current = await getProcedureVersion(ctx.db, procedure.currentVersionId);
  }
  const [versions, agencies] = await Promise.all([
    listProcedureVersions(ctx.db, procedure.id),
    listProcedureAgencies(ctx.db, procedure.id),
  ]);
  return {
    ...procedureView(procedure),
    current: current ? versionView(current) : null,
    versions: versions
      .filter((version) => manages || version.status !== 'draft')
      .map((version) => ({
        versionNo: version.versionNo,
        status: version.status,
        effectiveFrom: version.effectiveFrom,
        effectiveTo: version.effectiveTo,
        contentHash: version.contentHash,
        source: version.source,
        createdAt: version.createdAt,
        publishedAt: version.publishedAt,
        createdBy: version.createdByUsername,
        publishedBy: version.publishedByUsername,
      })),
    agencies,
  };
};

/** One version of a procedure with its content; drafts only for the catalog's managers. */
export const getProcedureVersionDetail = async (
  ctx: AppContext,
  actor: Actor,
  input: { catalog: string; code: string; versionNo: number },
) => {
  const { procedure, manages } = await loadVisibleProcedure(ctx.db, actor, input);
  const version = await findProcedureVersionByNo(ctx.db, { procedureId: procedure.id, versionNo: input.versionNo });
  if (!version || (version.status === 'draft' && !manages)) {
    throw notFound(PROCEDURE_VERSION);
  }
  return { ...versionView(version), rowVersion: procedure.version };
};

// --- writing ------------------------------------------------------------------------------------------

const conflict = (procedure: ProcedureRecord, sent: number) =>
  new AppError('VERSION_CONFLICT', { current: procedure.version, sent });

/** A new version keeps the procedure's code: it is how dossiers, statistics and citizens find it. */
const assertCodeMatches = (procedure: ProcedureRecord, content: ProcedureVersionContent): void => {
  if (content.nationalCode !== procedure.code && content.localCode !== procedure.code) {
    throw new AppError('PROCEDURE_CODE_MISMATCH', {
      code: procedure.code,
      contentCode: content.localCode ?? content.nationalCode ?? '—',
    });
  }
};

/** The current published content of a national procedure (what a province adopts). */
const getNationalContent = async (db: Db, code: string): Promise<ProcedureVersionContent> => {
  const national = await findProcedure(db, { catalog: NATIONAL_CATALOG, code });
  if (!national?.currentVersionId || national.status !== 'active') {
    throw new AppError('PROCEDURE_NATIONAL_NOT_FOUND', { code });
  }
  return (await getProcedureVersion(db, national.currentVersionId)).content;
};

/**
 * Creates a procedure in a catalog with draft version 1. Used by the API and the demo seed.
 * Throws PROCEDURE_ALREADY_IN_CATALOG when the code is taken.
 */
export const insertDraftProcedure = async (
  db: Db,
  input: {
    catalog: string;
    code: string;
    content: ProcedureVersionContent;
    source: ProcedureVersionSource;
    createdBy: string | null;
  },
): Promise<{ procedure: ProcedureRecord; versionId: string }> => {
  const procedureId = randomUUID();
  const versionId = randomUUID();
  const procedure = await insertProcedure(db, {
    id: procedureId,
    catalog: input.catalog,
    code: input.code,
    ...describeProcedureListing(input.content),
    current: null,
  });
  if (!procedure) {
    throw new AppError('PROCEDURE_ALREADY_IN_CATALOG', { code: input.code, catalog: input.catalog });
  }
  await insertProcedureVersions(db, [
    {
      id: versionId,
      procedureId,
      catalog: input.catalog,
      versionNo: 1,
      status: 'draft',
      content: input.content,
      contentHash: hashProcedureContent(input.content),
      effectiveFrom: null,
      source: input.source,
      importId: null,
      createdBy: input.createdBy,
      publishedBy: null,
      publishedAt: null,
    },
  ]);
  return { procedure, versionId };
};

/**
 * Publishes a draft from a date. The previously published version ends the day before (the
 * history is appended: Decree 63/2010/NĐ-CP as amended by Decree 92/2017/NĐ-CP publishes amended
 * procedures as new decisions, never by rewriting the old one). A new version may not take effect
 * before the version it replaces; on the same day, the replaced one is closed without ever having
 * been in force. Guarded by the procedure's row version. Used by the API and the demo seed.
 */
export const publishDraft = async (
  db: Db,
  input: {
    procedure: ProcedureRecord;
    version: Pick<ProcedureVersionRecord, 'id' | 'versionNo' | 'content'>;
    expectedVersion: number;
    effectiveFrom: string;
    publishedBy: string | null;
    now: Date;
  },
): Promise<ProcedureRecord> => {
  const { procedure, version } = input;
  const latest = await findLatestPublishedVersion(db, procedure.id);
  if (latest?.effectiveFrom && input.effectiveFrom < latest.effectiveFrom) {
    throw new AppError('PROCEDURE_EFFECTIVE_DATE_INVALID', { notBefore: latest.effectiveFrom });
  }
  const updated = await updateProcedureListing(db, {
    id: procedure.id,
    expectedVersion: input.expectedVersion,
    listing: describeProcedureListing(version.content),
    current: { currentVersionId: version.id, currentVersionNo: version.versionNo, effectiveFrom: input.effectiveFrom },
  });
  if (!updated) {
    throw conflict(procedure, input.expectedVersion);
  }
  if (latest) {
    await closeProcedureVersions(db, [{ id: latest.id, effectiveTo: addDaysToDate(input.effectiveFrom, -1) }]);
  }
  const published = await publishDraftVersion(db, {
    id: version.id,
    effectiveFrom: input.effectiveFrom,
    publishedBy: input.publishedBy,
    publishedAt: input.now,
  });
  if (!published) {
    throw new AppError('PROCEDURE_VERSION_PUBLISHED', { code: procedure.code, versionNo: version.versionNo });
  }
  return updated;
};

export type NewProcedureInput = {
  catalog: string;
  /** Adopt a national procedure: draft v1 is a copy of its current national content. */
  fromNational?: string | undefined;
  /** Or create a local procedure from full content (validated here, after the authorisation check). */
  content?: unknown;
  /** The caller's language, for the messages of invalid content. */
  language: Language;
};

/** Adds a procedure to a province catalog as draft version 1 (adopted from the national catalog, or local). */
export const createProcedure = async (ctx: AppContext, actor: Actor, input: NewProcedureInput) => {
  const official = authorizeCatalogWrite(actor, input.catalog);
  let content: ProcedureVersionContent;
  let source: ProcedureVersionSource;
  if (input.fromNational !== undefined) {
    content = await getNationalContent(ctx.db, input.fromNational);
    source = 'adopted';
  } else if (input.content !== undefined) {
    content = parseProcedureContent(input.content, input.language);
    source = 'manual';
  } else {
    throw new AppError('PROCEDURE_CODE_REQUIRED');
  }
  const code = findCatalogCode(input.catalog, content);
  if (code === undefined) {
    throw new AppError('PROCEDURE_CODE_REQUIRED');
  }
  await ctx.db
    .transaction()
    .execute((trx) =>
      insertDraftProcedure(trx, { catalog: input.catalog, code, content, source, createdBy: official.userId }),
    );
  return getProcedureDetail(ctx, actor, { catalog: input.catalog, code });
};

const loadForWrite = async (db: Db, key: { catalog: string; code: string }): Promise<ProcedureRecord> => {
  const procedure = await findProcedure(db, key);
  if (!procedure) {
    throw notFound(PROCEDURE);
  }
  return procedure;
};

/**
 * Starts the next version as a draft: from the given content, from the current national content
 * (keeping the province's own process and settings when they still fit), or as a copy of the
 * latest version.
 */
export const createDraftVersion = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    catalog: string;
    code: string;
    expectedVersion: number;
    content?: unknown;
    fromNational?: boolean | undefined;
    language: Language;
  },
) => {
  const official = authorizeCatalogWrite(actor, input.catalog);
  const given = input.content === undefined ? undefined : parseProcedureContent(input.content, input.language);
  const created = await ctx.db.transaction().execute(async (trx) => {
    const procedure = await loadForWrite(trx, input);
    const draft = await findDraftVersion(trx, procedure.id);
    if (draft) {
      throw new AppError('PROCEDURE_DRAFT_EXISTS', { code: procedure.code, versionNo: draft.versionNo });
    }
    const maxNo = await findMaxVersionNo(trx, procedure.id);
    const latest = await findProcedureVersionByNo(trx, { procedureId: procedure.id, versionNo: maxNo });
    let content: ProcedureVersionContent;
    let source: ProcedureVersionSource = 'manual';
    if (given) {
      content = given;
    } else if (input.fromNational) {
      const national = await getNationalContent(trx, procedure.nationalCode ?? procedure.code);
      const merged = latest
        ? {
            ...national,
            processSteps: latest.content.processSteps,
            boundaryFree: latest.content.boundaryFree,
            autoAccept: latest.content.autoAccept,
            clockOnSupplement: latest.content.clockOnSupplement,
            onlineLevel: latest.content.onlineLevel,
          }
        : national;
      content = ProcedureVersionContent.safeParse(merged).success ? merged : national;
      source = 'adopted';
    } else if (latest) {
      content = latest.content;
    } else {
      throw notFound(PROCEDURE_VERSION);
    }
    assertCodeMatches(procedure, content);
    const bumped = await updateProcedureListing(trx, { id: procedure.id, expectedVersion: input.expectedVersion });
    if (!bumped) {
      throw conflict(procedure, input.expectedVersion);
    }
    const versionNo = maxNo + 1;
    await insertProcedureVersions(trx, [
      {
        id: randomUUID(),
        procedureId: procedure.id,
        catalog: procedure.catalog,
        versionNo,
        status: 'draft',
        content,
        contentHash: hashProcedureContent(content),
        effectiveFrom: null,
        source,
        importId: null,
        createdBy: official.userId,
        publishedBy: null,
        publishedAt: null,
      },
    ]);
    return versionNo;
  });
  return getProcedureVersionDetail(ctx, actor, { catalog: input.catalog, code: input.code, versionNo: created });
};

/** Replaces the content of a draft. A published version answers 409: editing never rewrites it. */
export const editDraftVersion = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    catalog: string;
    code: string;
    versionNo: number;
    expectedVersion: number;
    content: unknown;
    language: Language;
  },
) => {
  authorizeCatalogWrite(actor, input.catalog);
  const content = parseProcedureContent(input.content, input.language);
  await ctx.db.transaction().execute(async (trx) => {
    const procedure = await loadForWrite(trx, input);
    const version = await findProcedureVersionByNo(trx, { procedureId: procedure.id, versionNo: input.versionNo });
    if (!version) {
      throw notFound(PROCEDURE_VERSION);
    }
    if (version.status !== 'draft') {
      throw new AppError('PROCEDURE_VERSION_PUBLISHED', { code: procedure.code, versionNo: version.versionNo });
    }
    assertCodeMatches(procedure, content);
    // While nothing is published, the listing shows the draft.
    const bumped = await updateProcedureListing(trx, {
      id: procedure.id,
      expectedVersion: input.expectedVersion,
      ...(procedure.currentVersionId === null ? { listing: describeProcedureListing(content) } : {}),
    });
    if (!bumped) {
      throw conflict(procedure, input.expectedVersion);
    }
    const updated = await updateDraftVersion(trx, {
      id: version.id,
      content,
      contentHash: hashProcedureContent(content),
    });
    if (!updated) {
      throw new AppError('PROCEDURE_VERSION_PUBLISHED', { code: procedure.code, versionNo: version.versionNo });
    }
  });
  return getProcedureVersionDetail(ctx, actor, input);
};

/**
 * Publishes a draft from `effectiveFrom`. Repeating the same publish (same version, same date) is
 * answered with the published version, so a retried request is harmless.
 */
export const publishProcedureVersion = async (
  ctx: AppContext,
  actor: Actor,
  input: { catalog: string; code: string; versionNo: number; expectedVersion: number; effectiveFrom: string },
) => {
  const official = authorizeCatalogWrite(actor, input.catalog);
  await ctx.db.transaction().execute(async (trx) => {
    const procedure = await loadForWrite(trx, input);
    const version = await findProcedureVersionByNo(trx, { procedureId: procedure.id, versionNo: input.versionNo });
    if (!version) {
      throw notFound(PROCEDURE_VERSION);
    }
    if (version.status !== 'draft') {
      if (version.status === 'published' && version.effectiveFrom === input.effectiveFrom) {
        return;
      }
      throw new AppError('PROCEDURE_VERSION_PUBLISHED', { code: procedure.code, versionNo: version.versionNo });
    }
    await publishDraft(trx, {
      procedure,
      version,
      expectedVersion: input.expectedVersion,
      effectiveFrom: input.effectiveFrom,
      publishedBy: official.userId,
      now: ctx.clock.now(),
    });
  });
  return getProcedureVersionDetail(ctx, actor, input);
};

/**
 * Sets the agencies of the province that receive (and implement) a procedure of its catalog. They
 * must be agencies in force of that province: a province cannot route its citizens to another's counters.
 */
export const setProcedureAgencies = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    catalog: string;
    code: string;
    expectedVersion: number;
    agencies: { agencyId: string; role: ProcedureAgencyRole }[];
  },
) => {
  authorizeCatalogWrite(actor, input.catalog);
  const unique = [...new Map(input.agencies.map((agency) => [`${agency.agencyId}:${agency.role}`, agency])).values()];
  return ctx.db.transaction().execute(async (trx) => {
    const procedure = await loadForWrite(trx, input);
    const scopes = new Map(
      (await listAgencyScopes(trx, [...new Set(unique.map((a) => a.agencyId))])).map((a) => [a.id, a]),
    );
    for (const { agencyId } of unique) {
      const scope = scopes.get(agencyId);
      if (!scope || scope.provinceCode !== input.catalog || scope.validTo !== null) {
        throw new AppError('PROCEDURE_AGENCY_INVALID', { agencyId, catalog: input.catalog });
      }
    }
    const bumped = await updateProcedureListing(trx, { id: procedure.id, expectedVersion: input.expectedVersion });
    if (!bumped) {
      throw conflict(procedure, input.expectedVersion);
    }
    await replaceProcedureAgencies(trx, { procedureId: procedure.id, catalog: procedure.catalog, agencies: unique });
    return { rowVersion: bumped.version, agencies: await listProcedureAgencies(trx, procedure.id) };
  });
};

import {
  findCatalogImport,
  findProcedureDecision,
  insertProcedureDecision,
  listCatalogImportChanges,
  listCatalogProceduresByCodes,
  listProcedureDecisionItems,
  listProcedureDecisionsPage,
  type NewProcedureDecisionItem,
  type ProcedureDecisionRecord,
  publishProcedureDecisionRow,
  replaceProcedureDecisionItems,
  updateProcedureDecisionDraft,
} from '@motcua/db';
import {
  changeKindOfImportOutcome,
  findDecisionProblems,
  isAllowed,
  PROCEDURE_CHANGE_LABELS,
  type ProcedureChangeKind,
} from '@motcua/domain';
import type { Actor, OfficialActor } from '../../auth/actor.js';
import { requireOfficial } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { cutKeysetPage } from '../keyset-page.js';

const DECISION = { vi: 'quyết định công bố', en: 'procedure decision' } as const;

/** Who drafts and publishes a province's decisions: its portal editors (portal.publish) or catalog managers. */
const mayManageDecisions = (official: OfficialActor, provinceCode: string): boolean =>
  isAllowed(official.grants, 'portal.publish', { kind: 'province', provinceCode }) ||
  isAllowed(official.grants, 'procedure.manage', { kind: 'province', provinceCode });

/** The province an editor works for: the one asked, else their own; 403 when they manage neither. */
const authorizeDecisionProvince = (
  actor: Actor,
  province: string | undefined,
): OfficialActor & { province: string } => {
  const official = requireOfficial(actor);
  const provinceCode =
    province ??
    official.grants.find((g) => g.provinceCode !== null && mayManageDecisions(official, g.provinceCode))
      ?.provinceCode ??
    official.provinceCode;
  if (!provinceCode || !mayManageDecisions(official, provinceCode)) {
    throw new AppError('FORBIDDEN');
  }
  return { ...official, province: provinceCode };
};

/** A decision an editor may reach: another province's answers 404, as if it did not exist. */
const loadManagedDecision = async (ctx: AppContext, actor: Actor, id: string) => {
  const official = requireOfficial(actor);
  const decision = await findProcedureDecision(ctx.db, id);
  if (!decision || !mayManageDecisions(official, decision.provinceCode)) {
    throw new AppError('NOT_FOUND', { resource: DECISION });
  }
  return { official, decision };
};

export type DecisionItemInput = {
  procedureCode: string;
  changeKind: ProcedureChangeKind;
  /** The procedure's name as the decision lists it; defaults to the catalog's. */
  procedureName?: string | undefined;
};

export type DecisionFieldsInput = {
  number: string;
  signedOn: string;
  title: string;
  effectiveOn?: string | null | undefined;
  signer?: string | null | undefined;
};

/**
 * The items as stored: each code looked up in the province's catalog, then the national one (a province applies
 * national procedures under their national codes); the version a new or amended item published is the
 * procedure's current one unless the import that drafted it named another.
 */
const resolveItems = async (
  ctx: AppContext,
  provinceCode: string,
  items: readonly (DecisionItemInput & { procedureVersionId?: string | null })[],
): Promise<NewProcedureDecisionItem[]> => {
  const codes = [...new Set(items.map((item) => item.procedureCode))];
  const [local, national] = await Promise.all([
    listCatalogProceduresByCodes(ctx.db, { catalog: provinceCode, codes }),
    listCatalogProceduresByCodes(ctx.db, { catalog: 'national', codes }),
  ]);
  const byCode = new Map([...national, ...local].map((p) => [p.code, p]));
  const seen = new Set<string>();
  const resolved: NewProcedureDecisionItem[] = [];
  for (const item of items) {
    if (seen.has(item.procedureCode)) {
      continue;
    }
    seen.add(item.procedureCode);
    const procedure = byCode.get(item.procedureCode);
    resolved.push({
      catalog: procedure?.catalog ?? provinceCode,
      procedureCode: item.procedureCode,
      procedureName: item.procedureName?.trim() || procedure?.name || item.procedureCode,
      changeKind: item.changeKind,
      procedureId: procedure?.id ?? null,
      procedureVersionId:
        item.changeKind === 'abolished' ? null : (item.procedureVersionId ?? procedure?.currentVersionId ?? null),
    });
  }
  return resolved;
};

const presentDecision = async (ctx: AppContext, decision: ProcedureDecisionRecord) => {
  const items = await listProcedureDecisionItems(ctx.db, decision.id);
  return {
    id: decision.id,
    provinceCode: decision.provinceCode,
    number: decision.number,
    signedOn: decision.signedOn,
    title: decision.title,
    effectiveOn: decision.effectiveOn,
    signer: decision.signer,
    importId: decision.importId,
    status: decision.status,
    publishedAt: decision.publishedAt?.toISOString() ?? null,
    version: decision.version,
    items: items.map((item) => ({
      position: item.position,
      catalog: item.catalog,
      procedureCode: item.procedureCode,
      procedureName: item.procedureName,
      changeKind: item.changeKind,
      changeLabel: PROCEDURE_CHANGE_LABELS[item.changeKind],
      inCatalog: item.procedureId !== null,
      abolished: item.changeKind === 'abolished' || item.procedureStatus === 'abolished',
      versionNo: item.versionNo,
      /** The procedure's public page: still there for an abolished one (its history), absent when unknown. */
      pageUrl:
        item.procedureId === null
          ? null
          : `/thu-tuc/${encodeURIComponent(item.procedureCode)}?catalog=${encodeURIComponent(item.catalog)}`,
    })),
  };
};

export type PresentedDecision = Awaited<ReturnType<typeof presentDecision>>;

/**
 * Drafts a decision, with the procedures given or, when `importId` names a catalog import run of the province
 * (or of the national catalog), with what that run created (new) and updated (amended), in its order.
 */
export const draftProcedureDecision = async (
  ctx: AppContext,
  actor: Actor,
  input: DecisionFieldsInput & {
    province?: string | undefined;
    importId?: string | undefined;
    items?: DecisionItemInput[];
  },
): Promise<PresentedDecision> => {
  const official = authorizeDecisionProvince(actor, input.province);
  let drafted: (DecisionItemInput & { procedureVersionId?: string | null })[] = input.items ?? [];
  if (input.importId) {
    const run = await findCatalogImport(ctx.db, input.importId);
    if (!run || (run.catalog !== official.province && run.catalog !== 'national')) {
      throw new AppError('DECISION_IMPORT_OTHER_CATALOG', { province: official.province });
    }
    const changes = await listCatalogImportChanges(ctx.db, input.importId);
    drafted = [
      ...drafted,
      ...changes.map((change) => ({
        procedureCode: change.code,
        procedureName: change.name,
        changeKind: changeKindOfImportOutcome(change.outcome),
        procedureVersionId: change.procedureVersionId,
      })),
    ];
  }
  const items = await resolveItems(ctx, official.province, drafted);
  const decision = await ctx.db.transaction().execute(async (trx) => {
    const row = await insertProcedureDecision(trx, {
      provinceCode: official.province,
      number: input.number,
      signedOn: input.signedOn,
      title: input.title,
      effectiveOn: input.effectiveOn ?? null,
      signer: input.signer ?? null,
      importId: input.importId ?? null,
      createdBy: official.userId,
    });
    if (!row) {
      throw new AppError('DECISION_NUMBER_TAKEN', { number: input.number });
    }
    await replaceProcedureDecisionItems(trx, { decisionId: row.id, provinceCode: row.provinceCode, items });
    return row;
  });
  return presentDecision(ctx, decision);
};

const throwStale = (current: ProcedureDecisionRecord | undefined, sent: number): never => {
  if (current?.status === 'published') {
    throw new AppError('DECISION_NOT_DRAFT');
  }
  throw new AppError('VERSION_CONFLICT', { current: current?.version ?? 0, sent });
};

/** Changes a draft (its fields and, when given, its whole list of procedures) at the version the editor saw. */
export const changeProcedureDecisionDraft = async (
  ctx: AppContext,
  actor: Actor,
  input: DecisionFieldsInput & { id: string; version: number; items?: DecisionItemInput[] | undefined },
): Promise<PresentedDecision> => {
  const { decision } = await loadManagedDecision(ctx, actor, input.id);
  if (decision.status !== 'draft') {
    throw new AppError('DECISION_NOT_DRAFT');
  }
  const items = input.items ? await resolveItems(ctx, decision.provinceCode, input.items) : undefined;
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const row = await updateProcedureDecisionDraft(trx, {
      id: input.id,
      version: input.version,
      now: ctx.clock.now(),
      fields: {
        number: input.number,
        signedOn: input.signedOn,
        title: input.title,
        effectiveOn: input.effectiveOn ?? null,
        signer: input.signer ?? null,
      },
    });
    if (!row) {
      return throwStale(await findProcedureDecision(trx, input.id), input.version);
    }
    if (items) {
      await replaceProcedureDecisionItems(trx, { decisionId: row.id, provinceCode: row.provinceCode, items });
    }
    return row;
  });
  return presentDecision(ctx, updated);
};

/**
 * Publishes a draft: from then on it is a public notice on the portal, listing the procedures it changed. A
 * decision with no procedure, an effect before its signature, or a new or amended procedure the catalog does not
 * hold is refused (422, with the reasons).
 */
export const publishProcedureDecision = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; version: number },
): Promise<PresentedDecision> => {
  const { official, decision } = await loadManagedDecision(ctx, actor, input.id);
  if (decision.status !== 'draft') {
    throw new AppError('DECISION_NOT_DRAFT');
  }
  const items = await listProcedureDecisionItems(ctx.db, decision.id);
  const problems = findDecisionProblems({
    signedOn: decision.signedOn,
    effectiveOn: decision.effectiveOn,
    items: items.map((item) => ({
      procedureCode: item.procedureCode,
      changeKind: item.changeKind,
      inCatalog: item.procedureId !== null,
    })),
  });
  if (problems.length > 0) {
    const reasons = problems.map((p) =>
      p.code === 'DECISION_EMPTY'
        ? 'chưa có thủ tục nào'
        : p.code === 'DECISION_EFFECTIVE_BEFORE_SIGNED'
          ? 'ngày có hiệu lực trước ngày ký'
          : `thủ tục ${p.procedureCode} không có trong danh mục`,
    );
    throw new AppError('DECISION_NOT_PUBLISHABLE', { reasons: reasons.join('; ') }, { extensions: { problems } });
  }
  const published = await publishProcedureDecisionRow(ctx.db, {
    id: decision.id,
    version: input.version,
    now: ctx.clock.now(),
    publishedBy: official.userId,
  });
  if (!published) {
    return throwStale(await findProcedureDecision(ctx.db, input.id), input.version);
  }
  return presentDecision(ctx, published);
};

/** One decision for its editors (drafts included). */
export const getManagedProcedureDecision = async (ctx: AppContext, actor: Actor, id: string) =>
  presentDecision(ctx, (await loadManagedDecision(ctx, actor, id)).decision);

type Cursor = { signedOn: string; id: string };

const encodeCursor = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

const decodeCursor = (value: string | undefined): Cursor | undefined => {
  if (!value) {
    return undefined;
  }
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (
      typeof parsed.signedOn === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(parsed.signedOn) &&
      typeof parsed.id === 'string'
    ) {
      return { signedOn: parsed.signedOn, id: parsed.id };
    }
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION_FAILED');
};

const listPage = async (
  ctx: AppContext,
  input: {
    provinceCode: string;
    status?: 'draft' | 'published' | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) => {
  const rows = await listProcedureDecisionsPage(ctx.db, {
    provinceCode: input.provinceCode,
    status: input.status,
    after: decodeCursor(input.cursor),
    limit: input.limit + 1,
  });
  return cutKeysetPage(
    rows,
    input.limit,
    (row) => ({
      id: row.id,
      number: row.number,
      signedOn: row.signedOn,
      title: row.title,
      effectiveOn: row.effectiveOn,
      status: row.status,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      version: row.version,
      counts: { new: row.newCount, amended: row.amendedCount, abolished: row.abolishedCount },
    }),
    (last) => encodeCursor({ signedOn: last.signedOn, id: last.id }),
  );
};

/** The province's decisions for its editors, drafts and published, newest signature first. */
export const listManagedProcedureDecisions = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    province?: string | undefined;
    status?: 'draft' | 'published' | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) => {
  const official = authorizeDecisionProvince(actor, input.province);
  return { provinceCode: official.province, ...(await listPage(ctx, { ...input, provinceCode: official.province })) };
};

/** The province's published decisions, for the portal (no sign-in). */
export const listPublishedProcedureDecisions = async (
  ctx: AppContext,
  input: { province: string; cursor?: string | undefined; limit: number },
) => listPage(ctx, { provinceCode: input.province, status: 'published', cursor: input.cursor, limit: input.limit });

/** One published decision with the procedures it changed; a draft answers 404 as if it did not exist. */
export const getPublishedProcedureDecision = async (ctx: AppContext, id: string, provinceCode?: string | undefined) => {
  const decision = await findProcedureDecision(ctx.db, id);
  // Another province's decision answers like a draft or an unknown id on this province's portal.
  if (decision?.status !== 'published' || (provinceCode !== undefined && decision.provinceCode !== provinceCode)) {
    throw new AppError('NOT_FOUND', { resource: DECISION });
  }
  return presentDecision(ctx, decision);
};

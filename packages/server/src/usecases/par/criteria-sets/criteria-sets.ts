/**
 * PAR Index criteria sets (bộ tiêu chí xác định Chỉ số CCHC) in the console: list, read with the tree and its
 * validation, create a draft (empty or a copy of an earlier set for a new year or version), edit a draft's nodes
 * and header, publish with the province's decision, delete a draft. Writes need par.organise (Sở Nội vụ) for the
 * set's province and are guarded by the version the caller saw; reads need par.read in that province (a unit's
 * focal officer reads the criteria it is scored on).
 */
import {
  type CriteriaSetRecord,
  type Database,
  deleteCriteriaSetDraft,
  findCriteriaSet,
  findCriteriaSetForUpdate,
  findCriteriaSetInForce,
  findCriteriaTree,
  findNextCriteriaSetVersion,
  insertCriteriaSet,
  listCriteriaSets,
  publishCriteriaSetDraft,
  replaceCriteriaTree,
  updateCriteriaSetDraft,
} from '@motcua/db';
import {
  applyCriteriaEdit,
  checkCriteriaTree,
  describeCriteriaIssue,
  PAR_UNIT_GROUP_LABELS,
  type ParCriteriaEdit,
  type ParCriteriaEditRefusal,
  type ParCriterion,
  type ParSetStatus,
  type ParUnitGroup,
  roleAllows,
} from '@motcua/domain';
import type { Transaction } from 'kysely';
import type { Actor, OfficialActor } from '../../../auth/actor.js';
import { authorizeProvinceAction, requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';

export const CRITERIA_SET_RESOURCE = { vi: 'bộ tiêu chí', en: 'criteria set' };

/** The scale of the national provincial index (QĐ 876/QĐ-BNV: 100 points), in hundredths. */
export const NATIONAL_SCALE = 10_000;

/** The total a set must reach to be published: 100 points for the province against the national index. */
export const expectedTotalOf = (unitGroup: ParUnitGroup): number | undefined =>
  unitGroup === 'province' ? NATIONAL_SCALE : undefined;

/** The province an official acts for in PAR work: the first grant holding the action, else their own. */
export const provinceOfActor = (official: OfficialActor, action: 'par.read' | 'par.organise'): string =>
  official.grants.find((grant) => roleAllows(grant.role, action) && grant.provinceCode !== null)?.provinceCode ??
  official.provinceCode ??
  '00';

/**
 * Reading a province's sets: any PAR role of that province (par.read) — the organiser, appraisers, and the
 * units' focal officers and heads, who read the criteria they are scored on. Others get 404 for a set
 * (no existence leak) and 403 for a list.
 */
const authorizeRead = (actor: Actor, provinceCode: string, onDenied: 'forbidden' | 'not-found'): OfficialActor => {
  const official = requireOfficial(actor);
  const allowed = official.grants.some(
    (grant) => roleAllows(grant.role, 'par.read') && grant.provinceCode === provinceCode,
  );
  if (!allowed) {
    throw onDenied === 'forbidden'
      ? new AppError('FORBIDDEN')
      : new AppError('NOT_FOUND', { resource: CRITERIA_SET_RESOURCE });
  }
  return official;
};

/** Loads a set the actor may read, or 404. */
const getReadableSet = async (ctx: AppContext, actor: Actor, id: string): Promise<CriteriaSetRecord> => {
  const set = await findCriteriaSet(ctx.db, id);
  if (!set) {
    throw new AppError('NOT_FOUND', { resource: CRITERIA_SET_RESOURCE });
  }
  authorizeRead(actor, set.provinceCode, 'not-found');
  return set;
};

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export const presentCriteriaSet = (set: CriteriaSetRecord) => ({
  id: set.id,
  provinceCode: set.provinceCode,
  year: set.year,
  unitGroup: set.unitGroup,
  unitGroupLabel: PAR_UNIT_GROUP_LABELS[set.unitGroup],
  version: set.version,
  status: set.status,
  title: set.title,
  decisionNumber: set.decisionNumber,
  decisionDate: set.decisionDate === null ? null : String(set.decisionDate).slice(0, 10),
  bonusCap: set.bonusCap,
  penaltyCap: set.penaltyCap,
  totalMax: set.totalMax,
  isDemo: set.isDemo,
  createdAt: iso(set.createdAt) ?? '',
  updatedAt: iso(set.updatedAt) ?? '',
  publishedAt: iso(set.publishedAt),
  rowVersion: set.rowVersion,
});

/** A set with its tree, the tree's issues (what stops publication) and its sums. */
export const presentCriteriaSetDetail = (set: CriteriaSetRecord, tree: ParCriterion[]) => {
  const check = checkCriteriaTree(tree, { expectedTotal: expectedTotalOf(set.unitGroup) });
  const leaves = new Set(check.leafCodes);
  return {
    ...presentCriteriaSet(set),
    criteria: tree.map((node) => ({
      ...node,
      notApplicableTo: [...node.notApplicableTo],
      isLeaf: leaves.has(node.code),
    })),
    issues: check.issues.map((issue) => ({
      code: issue.code,
      nodeCode: issue.nodeCode,
      message: describeCriteriaIssue(issue),
    })),
    leafCount: leaves.size,
    surveyMax: tree.filter((node) => leaves.has(node.code) && node.surveyScored).reduce((s, n) => s + n.maxPoints, 0),
    canPublish: set.status === 'draft' && check.issues.length === 0,
  };
};

export type CriteriaSetDetail = ReturnType<typeof presentCriteriaSetDetail>;

const encodeKey = (set: CriteriaSetRecord) =>
  Buffer.from(JSON.stringify([set.year, set.unitGroup, set.version])).toString('base64url');

const decodeKey = (cursor: string | undefined) => {
  if (cursor === undefined || cursor === '') {
    return undefined;
  }
  try {
    const [year, unitGroup, version] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      Number.isInteger(year) &&
      Number.isInteger(version) &&
      (unitGroup === 'department' || unitGroup === 'commune' || unitGroup === 'province')
    ) {
      return { year: year as number, unitGroup: unitGroup as ParUnitGroup, version: version as number };
    }
  } catch {
    // fall through
  }
  throw new AppError('PAR_CURSOR_INVALID');
};

/** A province's sets, newest year first (keyset pages). */
export const listParCriteriaSets = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    province?: string | undefined;
    year?: number | undefined;
    unitGroup?: ParUnitGroup | undefined;
    status?: ParSetStatus | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) => {
  const provinceCode = input.province ?? provinceOfActor(requireOfficial(actor), 'par.read');
  authorizeRead(actor, provinceCode, 'forbidden');
  const rows = await listCriteriaSets(ctx.db, {
    provinceCode,
    year: input.year,
    unitGroup: input.unitGroup,
    status: input.status,
    after: decodeKey(input.cursor),
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(presentCriteriaSet),
    nextCursor: rows.length > input.limit && last ? encodeKey(last) : null,
  };
};

/** One set with its tree and validation. */
export const getParCriteriaSet = async (ctx: AppContext, actor: Actor, id: string): Promise<CriteriaSetDetail> => {
  const set = await getReadableSet(ctx, actor, id);
  return presentCriteriaSetDetail(set, await findCriteriaTree(ctx.db, set.id));
};

/**
 * Runs a change of a draft: authorize (par.organise in the set's province) → lock the row → the caller's
 * version → the change → the new detail. A set no longer a draft answers 409 PAR_SET_NOT_DRAFT.
 */
const changeDraft = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; expectedVersion: number },
  change: (
    trx: Transaction<Database>,
    set: CriteriaSetRecord,
    tree: ParCriterion[],
    official: OfficialActor,
  ) => Promise<{ set: CriteriaSetRecord; tree: ParCriterion[] }>,
): Promise<CriteriaSetDetail> => {
  const existing = await getReadableSet(ctx, actor, input.id);
  const official = authorizeProvinceAction(actor, 'par.organise', existing.provinceCode);
  const result = await ctx.db.transaction().execute(async (trx) => {
    const set = await findCriteriaSetForUpdate(trx, input.id);
    if (!set) {
      throw new AppError('NOT_FOUND', { resource: CRITERIA_SET_RESOURCE });
    }
    if (set.status !== 'draft') {
      throw new AppError('PAR_SET_NOT_DRAFT', { status: set.status });
    }
    if (set.rowVersion !== input.expectedVersion) {
      throw new AppError('VERSION_CONFLICT', { current: set.rowVersion, sent: input.expectedVersion });
    }
    return change(trx, set, await findCriteriaTree(trx, set.id), official);
  });
  return presentCriteriaSetDetail(result.set, result.tree);
};

const versionGuarded = (set: CriteriaSetRecord | undefined, expectedVersion: number): CriteriaSetRecord => {
  if (!set) {
    // The row is locked by changeDraft, so only a stale version can get here.
    throw new AppError('VERSION_CONFLICT', { current: expectedVersion + 1, sent: expectedVersion });
  }
  return set;
};

/** Writes a new tree for a draft with its total, bumping the set's version. */
export const writeDraftTree = async (
  trx: Transaction<Database>,
  set: CriteriaSetRecord,
  tree: ParCriterion[],
  patch: { title?: string; bonusCap?: number; penaltyCap?: number } = {},
) => {
  await replaceCriteriaTree(trx, set.id, tree);
  const totalMax = tree.filter((node) => node.parentCode === null).reduce((s, n) => s + n.maxPoints, 0);
  const updated = versionGuarded(
    await updateCriteriaSetDraft(trx, { id: set.id, expectedVersion: set.rowVersion, patch: { ...patch, totalMax } }),
    set.rowVersion,
  );
  return { set: updated, tree };
};

/**
 * Creates a draft for a year and unit group, empty or as a copy of an existing set (the next year's set starts
 * from this year's; a new version replaces the one in force). The version number is the next free one.
 */
export const createParCriteriaSet = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    province?: string | undefined;
    year: number;
    unitGroup: ParUnitGroup;
    title: string;
    copyFromId?: string | undefined;
  },
): Promise<CriteriaSetDetail> => {
  const provinceCode = input.province ?? provinceOfActor(requireOfficial(actor), 'par.organise');
  const official = authorizeProvinceAction(actor, 'par.organise', provinceCode);
  const source = input.copyFromId === undefined ? undefined : await getReadableSet(ctx, actor, input.copyFromId);
  if (source && source.provinceCode !== provinceCode) {
    throw new AppError('NOT_FOUND', { resource: CRITERIA_SET_RESOURCE });
  }
  const result = await ctx.db.transaction().execute(async (trx) => {
    const tree = source ? await findCriteriaTree(trx, source.id) : [];
    const version = await findNextCriteriaSetVersion(trx, {
      provinceCode,
      year: input.year,
      unitGroup: input.unitGroup,
    });
    const set = await insertCriteriaSet(trx, {
      provinceCode,
      year: input.year,
      unitGroup: input.unitGroup,
      version,
      status: 'draft',
      title: input.title,
      bonusCap: source?.bonusCap ?? 0,
      penaltyCap: source?.penaltyCap ?? 0,
      totalMax: source?.totalMax ?? 0,
      createdBy: official.userId,
    });
    await replaceCriteriaTree(trx, set.id, tree);
    return { set, tree };
  });
  return presentCriteriaSetDetail(result.set, result.tree);
};

/** Changes a draft's title and bonus/penalty caps. */
export const updateParCriteriaSet = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; expectedVersion: number; title?: string; bonusCap?: number; penaltyCap?: number },
): Promise<CriteriaSetDetail> =>
  changeDraft(ctx, actor, input, async (trx, set, tree) => {
    const patch = {
      ...(input.title === undefined ? {} : { title: input.title }),
      ...(input.bonusCap === undefined ? {} : { bonusCap: input.bonusCap }),
      ...(input.penaltyCap === undefined ? {} : { penaltyCap: input.penaltyCap }),
    };
    const updated = versionGuarded(
      await updateCriteriaSetDraft(trx, { id: set.id, expectedVersion: set.rowVersion, patch }),
      set.rowVersion,
    );
    return { set: updated, tree };
  });

const EDIT_REFUSALS: Record<ParCriteriaEditRefusal, { vi: string; en: string }> = {
  NODE_NOT_FOUND: { vi: 'Không có tiêu chí mang mã này trong bộ.', en: 'No criterion has this code in the set.' },
  PARENT_NOT_FOUND: { vi: 'Không có mục cha mang mã này trong bộ.', en: 'No parent has this code in the set.' },
  TOO_DEEP: {
    vi: 'Cây chỉ có ba cấp: lĩnh vực, tiêu chí, tiêu chí thành phần.',
    en: 'The tree has three levels only: area, criterion, component.',
  },
  INTO_ITSELF: { vi: 'Không chuyển một mục vào chính nó.', en: 'A node cannot move into itself.' },
  BAD_FIELD: { vi: 'Giá trị của trường {field} không hợp lệ.', en: 'The value of field {field} is invalid.' },
};

/** Adds, changes, moves or deletes a node of a draft; the tree is renumbered and its parents summed. */
export const editParCriteria = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; expectedVersion: number; edit: ParCriteriaEdit },
): Promise<CriteriaSetDetail & { editedCode: string | null }> => {
  let editedCode: string | null = null;
  const detail = await changeDraft(ctx, actor, input, async (trx, set, tree) => {
    const result = applyCriteriaEdit(tree, input.edit);
    if (!result.ok) {
      const text = EDIT_REFUSALS[result.refusal];
      const field = result.field ?? '';
      throw new AppError(
        'PAR_SET_EDIT_REFUSED',
        { reason: { vi: text.vi.replace('{field}', field), en: text.en.replace('{field}', field) } },
        { extensions: { refusal: result.refusal, ...(result.field ? { field: result.field } : {}) } },
      );
    }
    editedCode = result.code ?? null;
    return writeDraftTree(trx, set, result.tree);
  });
  return { ...detail, editedCode };
};

/**
 * Publishes a draft with the province's decision (number and date): the tree must validate (the national set
 * must total 100 points), and no other set may be in force for the year and group.
 */
export const publishParCriteriaSet = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; expectedVersion: number; decisionNumber: string; decisionDate: string },
): Promise<CriteriaSetDetail> =>
  changeDraft(ctx, actor, input, async (trx, set, tree, official) => {
    const check = checkCriteriaTree(tree, { expectedTotal: expectedTotalOf(set.unitGroup) });
    if (check.issues.length > 0) {
      throw new AppError(
        'PAR_SET_INVALID',
        { count: check.issues.length },
        {
          extensions: {
            issues: check.issues.map((issue) => ({
              code: issue.code,
              nodeCode: issue.nodeCode,
              message: describeCriteriaIssue(issue),
            })),
          },
        },
      );
    }
    const inForce = await findCriteriaSetInForce(trx, set);
    if (inForce) {
      throw new AppError('PAR_SET_IN_FORCE', {
        year: set.year,
        group: PAR_UNIT_GROUP_LABELS[set.unitGroup],
        version: inForce.version,
      });
    }
    const published = versionGuarded(
      await publishCriteriaSetDraft(trx, {
        id: set.id,
        expectedVersion: set.rowVersion,
        decisionNumber: input.decisionNumber,
        decisionDate: input.decisionDate,
        totalMax: check.totalMax,
        publishedBy: official.userId,
      }),
      set.rowVersion,
    );
    return { set: published, tree };
  });

/** Deletes a draft and its tree. */
export const deleteParCriteriaSet = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; expectedVersion: number },
): Promise<void> => {
  await changeDraft(ctx, actor, input, async (trx, set, tree) => {
    if (!(await deleteCriteriaSetDraft(trx, { id: set.id, expectedVersion: set.rowVersion }))) {
      versionGuarded(undefined, set.rowVersion);
    }
    return { set, tree };
  });
};

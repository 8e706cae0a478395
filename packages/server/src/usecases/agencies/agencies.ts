import type { Database } from '@motcua/db';
import {
  type AgencyKind,
  type AgencyRecord,
  closeAgency,
  countOpenChildren,
  findAgency,
  findAgencyByCode,
  insertAgency,
  insertAgencyChange,
  insertAgencySuccession,
  listAgencyChanges,
  listAgencySuccessions,
  listAgencyVersions,
  listOpenChildren,
  moveAgency,
  openAgencyVersion,
  searchAgencies,
  updateAgencyFrom,
  type WorkingHoursJson,
} from '@motcua/db';
import { foldVietnamese, normalizeVietnamese } from '@motcua/domain';
import type { Transaction } from 'kysely';
import type { Actor, OfficialActor } from '../../auth/actor.js';
import { authorizeAgencyAction, authorizeProvinceAction } from '../../auth/authorize.js';
import { type AppContext, todayInVietnam } from '../../context.js';
import { addDaysToDate } from '../../dates.js';
import { AppError, notFound } from '../../errors/app-error.js';

const AGENCY = { vi: 'cơ quan', en: 'agency' } as const;

const searchTextOf = (agency: { code: string; name: string; shortName?: string | null }): string =>
  foldVietnamese(`${agency.name} ${agency.shortName ?? ''} ${agency.code}`);

export const findAgencies = async (
  ctx: AppContext,
  input: {
    q?: string | undefined;
    parent?: string | undefined;
    province?: string | undefined;
    kind?: AgencyKind[] | undefined;
    at?: string | undefined;
    page: number;
    pageSize: number;
  },
) => {
  const at = input.at ?? todayInVietnam(ctx.clock);
  const folded = input.q ? foldVietnamese(input.q) : '';
  const result = await searchAgencies(ctx.db, {
    ...(folded ? { foldedQuery: folded } : {}),
    ...(input.parent ? { parentId: input.parent } : {}),
    ...(input.province ? { provinceCode: input.province } : {}),
    ...(input.kind ? { kinds: input.kind } : {}),
    at,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  return { ...result, at };
};

/** One agency with its history: versions, predecessors and successors. Public information. */
export const getAgencyDetail = async (ctx: AppContext, id: string) => {
  const agency = await findAgency(ctx.db, id);
  if (!agency) {
    throw notFound(AGENCY);
  }
  const [versions, successions] = await Promise.all([
    listAgencyVersions(ctx.db, id),
    listAgencySuccessions(ctx.db, id),
  ]);
  return { ...agency, versions, ...successions };
};

/** Who changed the agency how — for officials who may read it. */
export const getAgencyChanges = async (ctx: AppContext, actor: Actor, id: string) => {
  await authorizeAgencyAction(ctx, actor, 'agency.read', id, AGENCY);
  return listAgencyChanges(ctx.db, id);
};

const snapshot = (agency: AgencyRecord) => ({
  code: agency.code,
  name: agency.name,
  shortName: agency.shortName,
  kind: agency.kind,
  parentId: agency.parentId,
  adminUnitCode: agency.adminUnitCode,
  workingHours: agency.workingHours,
  validFrom: agency.validFrom,
  validTo: agency.validTo,
});

const assertCodeFree = async (trx: Transaction<Database>, code: string, exceptId?: string): Promise<void> => {
  const holder = await findAgencyByCode(trx, code);
  if (holder && holder.validTo === null && holder.id !== exceptId) {
    throw new AppError('AGENCY_CODE_TAKEN', { code });
  }
};

const assertOpen = (agency: AgencyRecord): void => {
  if (agency.validTo !== null) {
    throw new AppError('AGENCY_CLOSED', { code: agency.code, validTo: agency.validTo });
  }
};

/** A change may not be dated before the agency's last change: history is appended, never rewritten. */
const assertEffectiveAfter = async (ctx: AppContext, agency: AgencyRecord, effective: string): Promise<void> => {
  const versions = await listAgencyVersions(ctx.db, agency.id);
  const last = versions.at(-1);
  if (last && effective < last.validFrom) {
    throw new AppError('EFFECTIVE_DATE_INVALID', {
      reason: {
        vi: `Ngày hiệu lực ${effective} sớm hơn lần thay đổi gần nhất của cơ quan (${last.validFrom}).`,
        en: `The effective date ${effective} is before the agency's last change (${last.validFrom}).`,
      },
    });
  }
};

export type NewAgencyInput = {
  code: string;
  name: string;
  shortName?: string | undefined;
  kind: AgencyKind;
  parentId?: string | undefined;
  provinceCode?: string | undefined;
  adminUnitLevel?: 'province' | 'district' | 'commune' | undefined;
  adminUnitCode?: string | undefined;
  workingHours?: WorkingHoursJson | undefined;
  validFrom?: string | undefined;
};

const createAgencyIn = async (
  ctx: AppContext,
  trx: Transaction<Database>,
  official: OfficialActor,
  input: NewAgencyInput,
  parent: AgencyRecord | undefined,
): Promise<AgencyRecord> => {
  const name = normalizeVietnamese(input.name);
  await assertCodeFree(trx, input.code);
  const agency = await insertAgency(
    trx,
    {
      code: input.code,
      name,
      shortName: input.shortName ? normalizeVietnamese(input.shortName) : null,
      kind: input.kind,
      parentId: parent?.id ?? null,
      provinceCode: parent?.provinceCode ?? input.provinceCode ?? null,
      adminUnitLevel: input.adminUnitLevel ?? null,
      adminUnitCode: input.adminUnitCode ?? null,
      workingHours: input.workingHours ?? null,
      validFrom: input.validFrom ?? todayInVietnam(ctx.clock),
      searchText: searchTextOf({ code: input.code, name, shortName: input.shortName ?? null }),
    },
    parent?.path ?? null,
  );
  await insertAgencyChange(trx, {
    agencyId: agency.id,
    change: 'create',
    effective: agency.validFrom,
    before: null,
    after: snapshot(agency),
    actorUserId: official.userId,
  });
  return agency;
};

/**
 * Creates an agency under a parent (agency.manage on the parent), or a top-level agency of a
 * province (province administrator of that province).
 */
export const createAgency = async (ctx: AppContext, actor: Actor, input: NewAgencyInput): Promise<AgencyRecord> => {
  let official: OfficialActor;
  let parent: AgencyRecord | undefined;
  if (input.parentId) {
    official = await authorizeAgencyAction(ctx, actor, 'agency.manage', input.parentId, AGENCY);
    parent = await findAgency(ctx.db, input.parentId);
    if (!parent) {
      throw notFound(AGENCY);
    }
    assertOpen(parent);
  } else {
    if (!input.provinceCode) {
      throw new AppError('FORBIDDEN');
    }
    official = authorizeProvinceAction(actor, 'agency.manage', input.provinceCode);
  }
  return ctx.db.transaction().execute((trx) => createAgencyIn(ctx, trx, official, input, parent));
};

/**
 * Renames, re-codes or changes an agency from a date. The version in force ends the day before;
 * dossiers received earlier keep showing the agency as it was then.
 */
export const updateAgency = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    id: string;
    expectedVersion: number;
    effective?: string | undefined;
    code?: string | undefined;
    name?: string | undefined;
    shortName?: string | null | undefined;
    kind?: AgencyKind | undefined;
    adminUnitCode?: string | null | undefined;
    workingHours?: WorkingHoursJson | null | undefined;
  },
): Promise<AgencyRecord> => {
  const official = await authorizeAgencyAction(ctx, actor, 'agency.manage', input.id, AGENCY);
  const current = await findAgency(ctx.db, input.id);
  if (!current) {
    throw notFound(AGENCY);
  }
  assertOpen(current);
  const effective = input.effective ?? todayInVietnam(ctx.clock);
  await assertEffectiveAfter(ctx, current, effective);
  const name = input.name !== undefined ? normalizeVietnamese(input.name) : current.name;
  const code = input.code ?? current.code;
  const shortName = input.shortName !== undefined ? input.shortName : current.shortName;
  return ctx.db.transaction().execute(async (trx) => {
    if (input.code && input.code !== current.code) {
      await assertCodeFree(trx, input.code, current.id);
    }
    const updated = await updateAgencyFrom(trx, {
      id: input.id,
      expectedVersion: input.expectedVersion,
      effective,
      previousDay: addDaysToDate(effective, -1),
      changes: {
        ...(input.code !== undefined ? { code: input.code } : {}),
        ...(input.name !== undefined ? { name } : {}),
        ...(input.shortName !== undefined ? { shortName: input.shortName } : {}),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.adminUnitCode !== undefined ? { adminUnitCode: input.adminUnitCode } : {}),
        ...(input.workingHours !== undefined ? { workingHours: input.workingHours } : {}),
        searchText: searchTextOf({ code, name, shortName }),
      },
    });
    if (!updated) {
      throw new AppError('VERSION_CONFLICT', { current: current.version, sent: input.expectedVersion });
    }
    await insertAgencyChange(trx, {
      agencyId: updated.id,
      change: input.name !== undefined && input.name !== current.name ? 'rename' : 'update',
      effective,
      before: snapshot(current),
      after: snapshot(updated),
      actorUserId: official.userId,
    });
    return updated;
  });
};

/** Moves an agency (with its sub-agencies) under another parent from a date. */
export const moveAgencyUnder = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; expectedVersion: number; parentId: string; effective?: string | undefined },
): Promise<AgencyRecord> => {
  const official = await authorizeAgencyAction(ctx, actor, 'agency.manage', input.id, AGENCY);
  await authorizeAgencyAction(ctx, actor, 'agency.manage', input.parentId, AGENCY);
  const [current, parent] = await Promise.all([findAgency(ctx.db, input.id), findAgency(ctx.db, input.parentId)]);
  if (!current || !parent) {
    throw notFound(AGENCY);
  }
  assertOpen(current);
  assertOpen(parent);
  if (parent.path.startsWith(current.path)) {
    throw new AppError('AGENCY_MOVE_CYCLE');
  }
  const effective = input.effective ?? todayInVietnam(ctx.clock);
  await assertEffectiveAfter(ctx, current, effective);
  return ctx.db.transaction().execute(async (trx) => {
    const moved = await moveAgency(trx, {
      id: current.id,
      expectedVersion: input.expectedVersion,
      newParentId: parent.id,
      newParentPath: parent.path,
      oldPath: current.path,
    });
    if (!moved) {
      throw new AppError('VERSION_CONFLICT', { current: current.version, sent: input.expectedVersion });
    }
    await openAgencyVersion(trx, moved, effective, addDaysToDate(effective, -1));
    await insertAgencyChange(trx, {
      agencyId: moved.id,
      change: 'move',
      effective,
      before: snapshot(current),
      after: snapshot(moved),
      actorUserId: official.userId,
    });
    return moved;
  });
};

export type SuccessorInput = { existingId: string } | { create: NewAgencyInput };

/**
 * Merges agencies into one successor (an existing agency, or a new one created in the same
 * transaction) from a date. The predecessors close the day before; their open sub-agencies move
 * under the successor. What the predecessors received stays attributed to them, and the
 * successor's officials can see and act on it (agency_succession).
 */
export const mergeAgencies = async (
  ctx: AppContext,
  actor: Actor,
  input: { predecessorIds: string[]; successor: SuccessorInput; effective: string },
): Promise<{ successor: AgencyRecord; closed: AgencyRecord[] }> => {
  const predecessorIds = [...new Set(input.predecessorIds)];
  let official: OfficialActor | undefined;
  for (const id of predecessorIds) {
    official = await authorizeAgencyAction(ctx, actor, 'agency.manage', id, AGENCY);
  }
  if (!official) {
    throw new AppError('VALIDATION_FAILED', { count: 1 });
  }
  const predecessors = await Promise.all(predecessorIds.map((id) => findAgency(ctx.db, id)));
  for (const p of predecessors) {
    if (!p) {
      throw notFound(AGENCY);
    }
    assertOpen(p);
    await assertEffectiveAfter(ctx, p, input.effective);
  }
  const existingSuccessor =
    'existingId' in input.successor ? await findAgency(ctx.db, input.successor.existingId) : undefined;
  if ('existingId' in input.successor) {
    await authorizeAgencyAction(ctx, actor, 'agency.manage', input.successor.existingId, AGENCY);
    if (!existingSuccessor) {
      throw notFound(AGENCY);
    }
    assertOpen(existingSuccessor);
    if (predecessorIds.includes(existingSuccessor.id)) {
      throw new AppError('AGENCY_MOVE_CYCLE');
    }
  } else {
    const parentId = input.successor.create.parentId;
    if (parentId) {
      await authorizeAgencyAction(ctx, actor, 'agency.manage', parentId, AGENCY);
    } else {
      authorizeProvinceAction(actor, 'agency.manage', input.successor.create.provinceCode ?? '');
    }
  }
  const actingOfficial = official;
  const lastDay = addDaysToDate(input.effective, -1);
  return ctx.db.transaction().execute(async (trx) => {
    const closed: AgencyRecord[] = [];
    // Close the predecessors first so that a new successor may take over one of their codes.
    for (const p of predecessors) {
      if (!p) {
        continue;
      }
      const done = await closeAgency(trx, { id: p.id, expectedVersion: p.version, lastDay });
      if (!done) {
        throw new AppError('VERSION_CONFLICT', { current: p.version, sent: p.version });
      }
      closed.push(done);
    }
    let successor: AgencyRecord;
    if (existingSuccessor) {
      successor = existingSuccessor;
    } else if ('create' in input.successor) {
      const parent = input.successor.create.parentId
        ? await findAgency(trx, input.successor.create.parentId)
        : undefined;
      successor = await createAgencyIn(
        ctx,
        trx,
        actingOfficial,
        { ...input.successor.create, validFrom: input.effective },
        parent,
      );
    } else {
      throw new AppError('VALIDATION_FAILED', { count: 1 });
    }
    for (const p of closed) {
      await insertAgencySuccession(trx, {
        predecessorId: p.id,
        successorId: successor.id,
        kind: 'merge',
        effective: input.effective,
      });
      await insertAgencyChange(trx, {
        agencyId: p.id,
        change: 'merge',
        effective: input.effective,
        before: snapshot(p),
        after: { mergedInto: successor.id, successorCode: successor.code },
        actorUserId: actingOfficial.userId,
      });
      // Sub-agencies of a merged agency continue under the successor.
      const children = await listOpenChildren(trx, p.id);
      for (const child of children) {
        const moved = await moveAgency(trx, {
          id: child.id,
          expectedVersion: child.version,
          newParentId: successor.id,
          newParentPath: successor.path,
          oldPath: child.path,
        });
        if (moved) {
          await openAgencyVersion(trx, moved, input.effective, lastDay);
        }
      }
    }
    return { successor, closed };
  });
};

/** Splits one agency into several successors (existing or new) from a date. */
export const splitAgency = async (
  ctx: AppContext,
  actor: Actor,
  input: { predecessorId: string; successors: SuccessorInput[]; effective: string },
): Promise<{ successors: AgencyRecord[]; closed: AgencyRecord }> => {
  const official = await authorizeAgencyAction(ctx, actor, 'agency.manage', input.predecessorId, AGENCY);
  const predecessor = await findAgency(ctx.db, input.predecessorId);
  if (!predecessor) {
    throw notFound(AGENCY);
  }
  assertOpen(predecessor);
  await assertEffectiveAfter(ctx, predecessor, input.effective);
  const children = await countOpenChildren(ctx.db, predecessor.id);
  if (children > 0) {
    throw new AppError('AGENCY_HAS_CHILDREN', { code: predecessor.code, count: children });
  }
  for (const s of input.successors) {
    if ('existingId' in s) {
      await authorizeAgencyAction(ctx, actor, 'agency.manage', s.existingId, AGENCY);
    } else if (s.create.parentId) {
      await authorizeAgencyAction(ctx, actor, 'agency.manage', s.create.parentId, AGENCY);
    } else {
      authorizeProvinceAction(actor, 'agency.manage', s.create.provinceCode ?? '');
    }
  }
  return ctx.db.transaction().execute(async (trx) => {
    const closed = await closeAgency(trx, {
      id: predecessor.id,
      expectedVersion: predecessor.version,
      lastDay: addDaysToDate(input.effective, -1),
    });
    if (!closed) {
      throw new AppError('VERSION_CONFLICT', { current: predecessor.version, sent: predecessor.version });
    }
    const successors: AgencyRecord[] = [];
    for (const s of input.successors) {
      let successor: AgencyRecord | undefined;
      if ('existingId' in s) {
        successor = await findAgency(trx, s.existingId);
        if (!successor) {
          throw notFound(AGENCY);
        }
        assertOpen(successor);
      } else {
        const parent = s.create.parentId ? await findAgency(trx, s.create.parentId) : undefined;
        successor = await createAgencyIn(ctx, trx, official, { ...s.create, validFrom: input.effective }, parent);
      }
      await insertAgencySuccession(trx, {
        predecessorId: predecessor.id,
        successorId: successor.id,
        kind: 'split',
        effective: input.effective,
      });
      successors.push(successor);
    }
    await insertAgencyChange(trx, {
      agencyId: predecessor.id,
      change: 'split',
      effective: input.effective,
      before: snapshot(predecessor),
      after: { splitInto: successors.map((s) => ({ id: s.id, code: s.code })) },
      actorUserId: official.userId,
    });
    return { successors, closed };
  });
};

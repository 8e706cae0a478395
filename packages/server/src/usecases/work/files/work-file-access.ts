import { findAgencyLineage, findAppSetting, findWorkFile, listScopeAgencyIds, type WorkFileRecord } from '@motcua/db';
import {
  type Action,
  DEFAULT_ARCHIVE_DUE_MONTHS,
  isAllowed,
  mayReadWorkFile,
  ROLE_DEFINITIONS,
  type WorkFileActorFacts,
} from '@motcua/domain';
import { z } from 'zod';
import type { Actor, OfficialActor } from '../../../auth/actor.js';
import { requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';

export const WORK_FILE = { vi: 'hồ sơ công việc', en: 'work file' } as const;
export const FILE_LIST = { vi: 'danh mục hồ sơ', en: 'file list' } as const;

/**
 * The action that makes an official "a head over the unit" for work files: assigning tasks (task.assign) is
 * held by the heads of units and of the agency only (permissions.ts), with their sub-agencies.
 */
export const HEAD_ACTION: Action = 'task.assign';

/** Whether the official's grants allow `action` at an agency (its lineage: successors, ancestors). */
export const allowsAt = async (
  ctx: AppContext,
  official: OfficialActor,
  action: Action,
  agencyId: string,
): Promise<boolean> => {
  const lineage = await findAgencyLineage(ctx.db, agencyId);
  return lineage ? isAllowed(official.grants, action, { kind: 'agency', lineage }) : false;
};

/**
 * Whether the official works in the agency or in one of its units (a grant there or below it): the officials
 * of a department's divisions follow the department's file list.
 */
export const worksWithin = async (ctx: AppContext, official: OfficialActor, agencyId: string): Promise<boolean> => {
  for (const grant of official.grants) {
    if (grant.agencyId === agencyId) {
      return true;
    }
    const lineage = await findAgencyLineage(ctx.db, grant.agencyId);
    if (lineage?.ancestorIds.includes(agencyId)) {
      return true;
    }
  }
  return allowsAt(ctx, official, 'work.read', agencyId);
};

/** The agencies the official's grants allowing `action` reach (with their sub-agencies where the grant says so). */
export const agenciesAllowing = async (ctx: AppContext, official: OfficialActor, action: Action) =>
  listScopeAgencyIds(
    ctx.db,
    official.grants.filter((grant) => (ROLE_DEFINITIONS[grant.role].actions as readonly Action[]).includes(action)),
  );

/** Who the official is to a file: owner, head over its unit, reader of its unit. */
export const loadWorkFileActorFacts = async (
  ctx: AppContext,
  official: OfficialActor,
  file: Pick<WorkFileRecord, 'ownerUserId' | 'agencyId'>,
): Promise<WorkFileActorFacts> => ({
  isOwner: file.ownerUserId === official.userId,
  headsUnit: await allowsAt(ctx, official, HEAD_ACTION, file.agencyId),
  readsUnit: await allowsAt(ctx, official, 'work.read', file.agencyId),
});

/** A file the official may read (mayReadWorkFile: a confidential one by its owner and heads only), else 404. */
export const getReadableWorkFile = async (ctx: AppContext, actor: Actor, id: string) => {
  const official = requireOfficial(actor);
  const record = await findWorkFile(ctx.db, id);
  if (!record) {
    throw new AppError('NOT_FOUND', { resource: WORK_FILE });
  }
  const facts = await loadWorkFileActorFacts(ctx, official, record);
  if (!mayReadWorkFile(record, facts)) {
    throw new AppError('NOT_FOUND', { resource: WORK_FILE });
  }
  return { official, record, facts };
};

/**
 * Work-file settings of a province, in app_setting under `work.files.<province code>`
 * (JSON: { "archiveDueMonths": 12 }): months after closing within which a file is handed to the agency's
 * archive — default DEFAULT_ARCHIVE_DUE_MONTHS (one year, Law on Archives 2011 Art. 11(2)(a); Decree 30/2020
 * Art. 29 [RECALL]). Set it with `motcua`'s settings or SQL; docs/work-files.md.
 */
export const workFileSettingKey = (provinceCode: string) => `work.files.${provinceCode}`;

export const loadArchiveDueMonths = async (ctx: AppContext, provinceCode: string): Promise<number> => {
  const stored = await findAppSetting(ctx.db, workFileSettingKey(provinceCode));
  const parsed = z.object({ archiveDueMonths: z.number().int().min(1).max(120) }).safeParse(stored ?? {});
  return parsed.success ? parsed.data.archiveDueMonths : DEFAULT_ARCHIVE_DUE_MONTHS;
};

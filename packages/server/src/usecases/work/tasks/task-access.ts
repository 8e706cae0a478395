import { findAgencyLineage, findTask, listTaskAssignees, type TaskAssigneeRecord, type TaskRecord } from '@motcua/db';
import { type Action, isAllowed, mayReadTask, type TaskActorFacts, type TaskFacts } from '@motcua/domain';
import type { Actor, OfficialActor } from '../../../auth/actor.js';
import { requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';

export const TASK = { vi: 'nhiệm vụ', en: 'task' } as const;

/** Whether the official's grants allow `action` at an agency (through its lineage). */
export const allowsTaskActionAt = async (
  ctx: AppContext,
  official: Pick<OfficialActor, 'grants'>,
  action: Action,
  agencyId: string,
): Promise<boolean> => {
  const lineage = await findAgencyLineage(ctx.db, agencyId);
  return lineage ? isAllowed(official.grants, action, { kind: 'agency', lineage }) : false;
};

/** Whether the official is the head (agency_head) of the agency or of one above it. */
export const headsAgencyOf = async (ctx: AppContext, official: OfficialActor, agencyId: string): Promise<boolean> => {
  const heads = official.grants.filter((grant) => grant.role === 'agency_head').map((grant) => grant.agencyId);
  if (heads.length === 0) {
    return false;
  }
  const lineage = await findAgencyLineage(ctx.db, agencyId);
  return lineage ? heads.some((id) => id === agencyId || lineage.ancestorIds.includes(id)) : false;
};

export const toTaskFacts = (task: TaskRecord, assignees: readonly TaskAssigneeRecord[]): TaskFacts => ({
  status: task.status,
  assignedBy: task.assignedBy,
  leadUserId: task.leadUserId,
  leadAgencyId: task.leadAgencyId,
  cooperatorUserIds: assignees
    .filter((row) => row.userId !== null && row.userId !== task.leadUserId)
    .map((row) => row.userId as string),
  confidential: task.confidential,
  unitLed: assignees.some((row) => row.part === 'lead' && row.agencyId !== null),
});

export const loadTaskActorFacts = async (
  ctx: AppContext,
  official: OfficialActor,
  task: TaskRecord,
  assignees: readonly TaskAssigneeRecord[],
): Promise<TaskActorFacts> => {
  let inAssignedUnit = false;
  for (const row of assignees) {
    if (row.agencyId && (await allowsTaskActionAt(ctx, official, 'task.handle', row.agencyId))) {
      inAssignedUnit = true;
      break;
    }
  }
  return {
    userId: official.userId,
    assignsAtAgency: await allowsTaskActionAt(ctx, official, 'task.assign', task.agencyId),
    headsLeadUnit: task.leadAgencyId
      ? await allowsTaskActionAt(ctx, official, 'task.assign', task.leadAgencyId)
      : false,
    headsAgency: await headsAgencyOf(ctx, official, task.agencyId),
    readsAgency: await allowsTaskActionAt(ctx, official, 'work.read', task.agencyId),
    inAssignedUnit,
  };
};

export type ReadableTask = {
  official: OfficialActor;
  task: TaskRecord;
  assignees: TaskAssigneeRecord[];
  facts: TaskActorFacts;
};

/** A task the official may read (mayReadTask: confidential ones only the people concerned), else 404. */
export const getReadableTask = async (ctx: AppContext, actor: Actor, id: string): Promise<ReadableTask> => {
  const official = requireOfficial(actor);
  const task = await findTask(ctx.db, id);
  if (!task) {
    throw new AppError('NOT_FOUND', { resource: TASK });
  }
  const assignees = await listTaskAssignees(ctx.db, [task.id]);
  const facts = await loadTaskActorFacts(ctx, official, task, assignees);
  if (!mayReadTask(toTaskFacts(task, assignees), facts)) {
    throw new AppError('NOT_FOUND', { resource: TASK });
  }
  return { official, task, assignees, facts };
};

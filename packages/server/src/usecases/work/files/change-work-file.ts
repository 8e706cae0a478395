import {
  countWorkFilesWithCodePrefix,
  type Database,
  findAgency,
  findAgencyLineage,
  findFileListEntry,
  findScheduleEntryForWorkFile,
  findTaskForWorkFile,
  findWorkFileForUpdate,
  findWorkFileItem,
  findWorkFileItemByRef,
  insertWorkFile,
  insertWorkFileItem,
  listWorkFileItemPositions,
  lockAgencyForWorkFileCode,
  markWorkFileItemRemoved,
  nextWorkFileItemPosition,
  setWorkFileItemPosition,
  updateWorkFileGuarded,
  type WorkFileRecord,
} from '@motcua/db';
import {
  computeArchiveDueOn,
  decideWorkFileAction,
  foldVietnamese,
  formatWorkFileCode,
  mayEditWorkFileItems,
  toLocalDate,
  WORK_FILE_STATUS_LABELS,
  WORK_FILE_TRANSITIONS,
  type WorkFileAction,
  type WorkFileActorFacts,
  type WorkFileItemKind,
} from '@motcua/domain';
import type { Transaction, Updateable } from 'kysely';
import type { Actor, OfficialActor } from '../../../auth/actor.js';
import { requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { getReadableIncoming } from '../../eoffice/incoming/incoming-access.js';
import { getReadableOutgoing } from '../../eoffice/outgoing/outgoing-access.js';
import type { UploadedFile } from '../../portal/uploads.js';
import { checkAndStoreFile } from '../../portal/uploads.js';
import { appendWorkEvent } from '../work-chain.js';
import { allowsAt, FILE_LIST, getReadableWorkFile, loadArchiveDueMonths, WORK_FILE } from './work-file-access.js';

const searchTextOf = (code: string, title: string) => foldVietnamese(`${code} ${title}`);

type ChangeOutcome = {
  action: string;
  to: WorkFileRecord['status'];
  patch?: Updateable<Database['workFile']>;
  note?: string | null;
  payload?: Record<string, unknown>;
};

/**
 * The one change path of a work file: lock the row → check the version the caller saw (409) → let `decide`
 * do its part of the change (the row's patch, the items) → the hash-chained work event (appendWorkEvent) and
 * the row with its anchors, version-guarded, in one transaction. Every change of a file and its items goes
 * through it.
 */
const applyWorkFileChange = async (
  ctx: AppContext,
  official: OfficialActor,
  input: { id: string; expectedVersion: number },
  decide: (trx: Transaction<Database>, row: WorkFileRecord, now: Date) => Promise<ChangeOutcome>,
) => {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findWorkFileForUpdate(trx, input.id);
    if (!row) {
      throw new AppError('NOT_FOUND', { resource: WORK_FILE });
    }
    if (row.version !== input.expectedVersion) {
      throw new AppError('VERSION_CONFLICT', { current: row.version, sent: input.expectedVersion });
    }
    const outcome = await decide(trx, row, now);
    const { eventCount, lastEventHash } = await appendWorkEvent(trx, {
      kind: 'work_file',
      row,
      at: now,
      actorUserId: official.userId,
      action: outcome.action,
      fromStatus: row.status,
      toStatus: outcome.to,
      note: outcome.note ?? null,
      payload: outcome.payload ?? {},
    });
    const updated = await updateWorkFileGuarded(trx, {
      id: row.id,
      expectedVersion: row.version,
      patch: { ...outcome.patch, status: outcome.to, eventCount, lastEventHash },
      now,
    });
    if (!updated) {
      throw new AppError('VERSION_CONFLICT', { current: row.version + 1, sent: input.expectedVersion });
    }
    return { id: updated.id, status: updated.status, version: updated.version };
  });
};

export type OpenWorkFileInput = {
  agencyId: string;
  fileListEntryId?: string | null | undefined;
  title?: string | undefined;
  retentionYears?: number | null | undefined;
  confidential?: boolean | undefined;
  note?: string | undefined;
};

/**
 * Opens a work file (mở hồ sơ) in a unit where the caller keeps files (workfile.manage): from an entry of
 * the file list of that unit's agency (its title and retention by default) or outside the list (a title
 * needed). The code: the year and the entry's code (formatWorkFileCode).
 */
export const openWorkFile = async (ctx: AppContext, actor: Actor, input: OpenWorkFileInput) => {
  const official = requireOfficial(actor);
  if (!(await allowsAt(ctx, official, 'workfile.manage', input.agencyId))) {
    throw new AppError('NOT_FOUND', { resource: { vi: 'đơn vị', en: 'unit' } });
  }
  const agency = await findAgency(ctx.db, input.agencyId);
  if (!agency) {
    throw new AppError('NOT_FOUND', { resource: { vi: 'đơn vị', en: 'unit' } });
  }
  const now = ctx.clock.now();
  const year = Number(toLocalDate(now.getTime()).slice(0, 4));
  let entry: Awaited<ReturnType<typeof findFileListEntry>>;
  if (input.fileListEntryId) {
    entry = await findFileListEntry(ctx.db, input.fileListEntryId);
    // The list is the unit's own or its agency's: the entry's agency must be the unit or one above it.
    const lineage = await findAgencyLineage(ctx.db, agency.id);
    const ok =
      entry !== undefined && (entry.agencyId === agency.id || (lineage?.ancestorIds ?? []).includes(entry.agencyId));
    if (!entry || !ok) {
      throw new AppError('NOT_FOUND', { resource: FILE_LIST });
    }
  }
  const title = (input.title?.trim() || entry?.title || '').trim();
  if (!title) {
    throw new AppError('WORKFILE_TITLE_REQUIRED');
  }
  const retentionYears = input.retentionYears !== undefined ? input.retentionYears : (entry?.retentionYears ?? null);
  return ctx.db.transaction().execute(async (trx) => {
    const base = formatWorkFileCode({ year: entry?.year ?? year, listCode: entry?.code ?? null, ordinal: 1 });
    // Two files opened at once from one entry could take one ordinal: the agency row is the lock.
    await lockAgencyForWorkFileCode(trx, agency.id);
    const ordinal = (await countWorkFilesWithCodePrefix(trx, agency.id, base)) + 1;
    const code = formatWorkFileCode({ year: entry?.year ?? year, listCode: entry?.code ?? null, ordinal });
    const row = await insertWorkFile(trx, {
      provinceCode: agency.provinceCode ?? official.provinceCode ?? '00',
      agencyId: agency.id,
      fileListEntryId: entry?.id ?? null,
      code,
      title,
      retentionYears,
      ownerUserId: official.userId,
      status: 'open',
      confidential: input.confidential ?? false,
      openedAt: now,
      closedAt: null,
      archivedAt: null,
      note: input.note?.trim() || null,
      searchText: searchTextOf(code, title),
      archiveDueOn: null,
    });
    const { eventCount, lastEventHash } = await appendWorkEvent(trx, {
      kind: 'work_file',
      row,
      at: now,
      actorUserId: official.userId,
      action: 'open',
      fromStatus: null,
      toStatus: 'open',
      note: row.note,
      payload: { code, fileListEntryId: row.fileListEntryId, confidential: row.confidential },
    });
    const updated = await updateWorkFileGuarded(trx, {
      id: row.id,
      expectedVersion: row.version,
      patch: { eventCount, lastEventHash },
      now,
    });
    if (!updated) {
      throw new AppError('VERSION_CONFLICT', { current: row.version + 1, sent: row.version });
    }
    return { id: updated.id, code: updated.code, status: updated.status, version: updated.version };
  });
};

/** Close, reopen (with a reason) or hand to the archive: the table of packages/domain/src/work/work-file.ts. */
export const changeWorkFile = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; action: WorkFileAction; expectedVersion: number; reason?: string | undefined },
) => {
  const { official, record, facts } = await getReadableWorkFile(ctx, actor, input.id);
  const dueMonths = await loadArchiveDueMonths(ctx, record.provinceCode);
  return applyWorkFileChange(ctx, official, input, async (_trx, row, now) => {
    const decision = decideWorkFileAction(row.status, facts, { action: input.action, reason: input.reason });
    if (!decision.ok) {
      throw new AppError(decision.refusal, {
        state: WORK_FILE_STATUS_LABELS[row.status],
        action: WORK_FILE_TRANSITIONS[input.action].label,
      });
    }
    const patch: Updateable<Database['workFile']> = {};
    const payload: Record<string, unknown> = {};
    if (input.action === 'close') {
      patch.closedAt = now;
      patch.archiveDueOn = computeArchiveDueOn(toLocalDate(now.getTime()), dueMonths);
      payload.archiveDueOn = patch.archiveDueOn;
      payload.archiveDueMonths = dueMonths;
    } else if (input.action === 'reopen') {
      patch.closedAt = null;
      patch.archiveDueOn = null;
    } else {
      patch.archivedAt = now;
      payload.onTime = row.archiveDueOn ? toLocalDate(now.getTime()) <= row.archiveDueOn : null;
    }
    return { action: input.action, to: decision.to, patch, note: input.reason?.trim() || null, payload };
  });
};

/** Changes the file's title, confidentiality or note while it is open (owner or head). */
export const editWorkFile = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    id: string;
    expectedVersion: number;
    title?: string | undefined;
    confidential?: boolean | undefined;
    note?: string | null | undefined;
  },
) => {
  const { official, record, facts } = await getReadableWorkFile(ctx, actor, input.id);
  requireEditable(record.status, facts);
  return applyWorkFileChange(ctx, official, input, async (_trx, row) => {
    const title = input.title?.trim() || row.title;
    const patch: Updateable<Database['workFile']> = { title, searchText: searchTextOf(row.code, title) };
    if (input.confidential !== undefined) {
      patch.confidential = input.confidential;
    }
    if (input.note !== undefined) {
      patch.note = input.note?.trim() || null;
    }
    return {
      action: 'edit',
      to: row.status,
      patch,
      payload: { title, confidential: patch.confidential ?? row.confidential },
    };
  });
};

const requireEditable = (status: WorkFileRecord['status'], facts: WorkFileActorFacts) => {
  if (!mayEditWorkFileItems(status, facts)) {
    throw new AppError(facts.isOwner || facts.headsUnit ? 'WORKFILE_NOT_OPEN' : 'WORKFILE_NOT_PERMITTED');
  }
};

/** The caller may read what they add: a document they may read, a task or calendar entry that concerns them. */
const checkItemReadable = async (
  ctx: AppContext,
  actor: Actor,
  official: OfficialActor,
  kind: WorkFileItemKind,
  itemId: string,
): Promise<string> => {
  try {
    if (kind === 'incoming_document') {
      const { record } = await getReadableIncoming(ctx, actor, itemId);
      return record.subject;
    }
    if (kind === 'outgoing_document') {
      const { record } = await getReadableOutgoing(ctx, actor, itemId);
      return record.subject;
    }
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      throw new AppError('WORKFILE_ITEM_NOT_READABLE');
    }
    throw error;
  }
  if (kind === 'task') {
    const task = await findTaskForWorkFile(ctx.db, itemId);
    const concerns =
      task &&
      (task.assignedBy === official.userId ||
        task.leadUserId === official.userId ||
        task.assigneeUserIds.includes(official.userId) ||
        (await allowsAt(ctx, official, 'task.assign', task.agencyId)) ||
        (!task.confidential && (await allowsAt(ctx, official, 'work.read', task.agencyId))));
    if (!task || !concerns) {
      throw new AppError('WORKFILE_ITEM_NOT_READABLE');
    }
    return task.title;
  }
  const entry = await findScheduleEntryForWorkFile(ctx.db, itemId);
  if (
    !entry ||
    !(entry.attendeeUserIds.includes(official.userId) || (await allowsAt(ctx, official, 'work.read', entry.agencyId)))
  ) {
    throw new AppError('WORKFILE_ITEM_NOT_READABLE');
  }
  return entry.title;
};

export type AddWorkFileItemInput =
  | { kind: 'incoming_document' | 'outgoing_document' | 'task' | 'schedule_entry'; itemId: string; note?: string }
  | { kind: 'note'; note: string }
  | { kind: 'file'; file: UploadedFile; note?: string };

/** Adds an item at the end of an open file (owner or head); a record once, a note or an uploaded file any times. */
export const addWorkFileItem = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; expectedVersion: number; item: AddWorkFileItemInput },
) => {
  const { official, record, facts } = await getReadableWorkFile(ctx, actor, input.id);
  requireEditable(record.status, facts);
  const item = input.item;
  let title: string | null = null;
  let attachment: { sha256: string; name: string; size: number; contentType: string } | null = null;
  if (item.kind === 'note') {
    if (!item.note.trim()) {
      throw new AppError('WORKFILE_NOTE_REQUIRED');
    }
  } else if (item.kind === 'file') {
    const stored = await checkAndStoreFile(ctx, item.file);
    attachment = { sha256: stored.sha256, name: stored.fileName, size: stored.size, contentType: stored.mediaType };
    title = stored.fileName;
  } else {
    title = await checkItemReadable(ctx, actor, official, item.kind, item.itemId);
  }
  const itemId = item.kind === 'note' || item.kind === 'file' ? null : item.itemId;
  const result = await applyWorkFileChange(ctx, official, input, async (trx, row, now) => {
    requireEditable(row.status, facts);
    if (itemId) {
      if (await findWorkFileItemByRef(trx, row.id, item.kind, itemId)) {
        throw new AppError('WORKFILE_ITEM_ALREADY_IN');
      }
    }
    const inserted = await insertWorkFileItem(trx, {
      workFileId: row.id,
      provinceCode: row.provinceCode,
      itemKind: item.kind,
      itemId,
      note: item.note?.trim() || null,
      attachment: attachment ? JSON.stringify(attachment) : null,
      position: await nextWorkFileItemPosition(trx, row.id),
      addedBy: official.userId,
      addedAt: now,
    });
    return {
      action: 'item_add',
      to: row.status,
      payload: { itemRowId: inserted.id, kind: item.kind, itemId, title, sha256: attachment?.sha256 ?? null },
    };
  });
  return result;
};

/** Removes an item from an open file (the row stays, marked removed, for the history). */
export const removeWorkFileItem = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; itemRowId: string; expectedVersion: number },
) => {
  const { official, record, facts } = await getReadableWorkFile(ctx, actor, input.id);
  requireEditable(record.status, facts);
  return applyWorkFileChange(ctx, official, input, async (trx, row, now) => {
    const item = await findWorkFileItem(trx, row.id, input.itemRowId);
    if (!item || !(await markWorkFileItemRemoved(trx, item.id, now))) {
      throw new AppError('NOT_FOUND', { resource: { vi: 'mục của hồ sơ', en: 'file item' } });
    }
    return {
      action: 'item_remove',
      to: row.status,
      payload: { itemRowId: item.id, kind: item.itemKind, itemId: item.itemId },
    };
  });
};

/** Moves an item to another place in the file's order (1 = first); the others shift. */
export const moveWorkFileItem = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; itemRowId: string; position: number; expectedVersion: number },
) => {
  const { official, record, facts } = await getReadableWorkFile(ctx, actor, input.id);
  requireEditable(record.status, facts);
  return applyWorkFileChange(ctx, official, input, async (trx, row) => {
    const items = await listWorkFileItemPositions(trx, row.id);
    const index = items.findIndex((item) => item.id === input.itemRowId);
    if (index < 0) {
      throw new AppError('NOT_FOUND', { resource: { vi: 'mục của hồ sơ', en: 'file item' } });
    }
    const [moved] = items.splice(index, 1);
    const target = Math.max(0, Math.min(items.length, input.position - 1));
    items.splice(target, 0, moved as (typeof items)[number]);
    for (const [i, item] of items.entries()) {
      if (item.position !== i + 1) {
        await setWorkFileItemPosition(trx, item.id, i + 1);
      }
    }
    return { action: 'item_move', to: row.status, payload: { itemRowId: input.itemRowId, position: target + 1 } };
  });
};

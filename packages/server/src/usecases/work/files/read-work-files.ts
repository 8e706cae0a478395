import {
  describeWorkFileItems,
  findAgency,
  findFileListEntry,
  findUserNames,
  listFileListEntries,
  listWorkEvents,
  listWorkFileItems,
  listWorkFilesPage,
  type WorkFileItemRecord,
  type WorkFileRecord,
} from '@motcua/db';
import {
  availableWorkFileActions,
  foldVietnamese,
  formatRetention,
  isArchiveOverdue,
  mayChangeWorkFile,
  mayEditWorkFileItems,
  toLocalDate,
  WORK_FILE_ITEM_KIND_LABELS,
  WORK_FILE_STATUS_LABELS,
  WORK_FILE_TRANSITIONS,
  type WorkFileStatus,
} from '@motcua/domain';
import type { Actor } from '../../../auth/actor.js';
import { holdsAction, requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { agenciesAllowing, getReadableWorkFile, HEAD_ACTION } from './work-file-access.js';

const encodeCursor = (row: Pick<WorkFileRecord, 'openedAt' | 'id'>) =>
  Buffer.from(JSON.stringify({ at: row.openedAt.toISOString(), id: row.id })).toString('base64url');

const decodeCursor = (cursor: string | undefined) => {
  if (!cursor) {
    return null;
  }
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { at?: unknown; id?: unknown };
    if (typeof parsed.at === 'string' && typeof parsed.id === 'string' && !Number.isNaN(Date.parse(parsed.at))) {
      return { openedAt: new Date(parsed.at), id: parsed.id };
    }
  } catch {
    // fall through
  }
  throw new AppError(
    'VALIDATION_FAILED',
    {},
    {
      fieldProblems: [{ in: 'query', pointer: '/cursor', code: 'invalid', message: 'cursor' }],
    },
  );
};

export const toWorkFileListItem = (row: WorkFileRecord & { ownerName: string }, today: string) => ({
  id: row.id,
  code: row.code,
  title: row.title,
  status: row.status,
  statusLabel: WORK_FILE_STATUS_LABELS[row.status],
  confidential: row.confidential,
  retentionYears: row.retentionYears,
  retentionLabel: formatRetention(row.retentionYears),
  ownerUserId: row.ownerUserId,
  ownerName: row.ownerName,
  openedAt: row.openedAt.toISOString(),
  closedAt: row.closedAt?.toISOString() ?? null,
  archivedAt: row.archivedAt?.toISOString() ?? null,
  archiveDueOn: row.archiveDueOn,
  archiveOverdue: isArchiveOverdue(row.status, row.archiveDueOn, today),
  version: row.version,
});

/**
 * A page of work files by status: the caller's own ('mine'), or those of the units they read ('unit': a
 * confidential one only where they head the unit) — newest opened first, keyset "Xem thêm", searched
 * without diacritics.
 */
export const listWorkFiles = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    view: 'mine' | 'unit';
    status: WorkFileStatus;
    q?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) => {
  const official = requireOfficial(actor);
  if (!holdsAction(official, 'work.read')) {
    throw new AppError('FORBIDDEN');
  }
  const rows = await listWorkFilesPage(ctx.db, {
    ...(input.view === 'mine'
      ? { ownerUserId: official.userId }
      : {
          agencyIds: await agenciesAllowing(ctx, official, 'work.read'),
          confidentialAgencyIds: await agenciesAllowing(ctx, official, HEAD_ACTION),
        }),
    status: input.status,
    foldedQuery: input.q ? foldVietnamese(input.q) : undefined,
    after: decodeCursor(input.cursor),
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const today = toLocalDate(ctx.clock.now().getTime());
  return {
    items: page.map((row) => toWorkFileListItem(row, today)),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null,
  };
};

const toItem = (
  item: WorkFileItemRecord & { addedByName: string | null },
  subjects: Awaited<ReturnType<typeof describeWorkFileItems>>,
) => {
  const subject = item.itemId ? subjects.get(`${item.itemKind}:${item.itemId}`) : undefined;
  const attachment = item.attachment as { sha256: string; name: string; size: number; contentType: string } | null;
  return {
    id: item.id,
    kind: item.itemKind,
    kindLabel: WORK_FILE_ITEM_KIND_LABELS[item.itemKind],
    itemId: item.itemId,
    position: item.position,
    title: subject?.title ?? attachment?.name ?? null,
    numberSymbol: subject?.numberSymbol ?? null,
    date: subject?.date ?? null,
    author: subject?.author ?? null,
    hasFile: Boolean(subject?.fileSha256 ?? attachment?.sha256),
    note: item.note,
    attachment: attachment
      ? { name: attachment.name, size: attachment.size, contentType: attachment.contentType }
      : null,
    addedAt: item.addedAt.toISOString(),
    addedByName: item.addedByName,
  };
};

/** One file: its items in order, what they are, the steps the caller may take, its hash-chained history. */
export const getWorkFile = async (ctx: AppContext, actor: Actor, id: string) => {
  const { record, facts } = await getReadableWorkFile(ctx, actor, id);
  const items = await listWorkFileItems(ctx.db, record.id);
  const subjects = await describeWorkFileItems(ctx.db, items);
  const events = await listWorkEvents(ctx.db, 'work_file', record.id);
  const entry = record.fileListEntryId ? await findFileListEntry(ctx.db, record.fileListEntryId) : undefined;
  const agency = await findAgency(ctx.db, record.agencyId);
  const names = await findUserNames(ctx.db, [record.ownerUserId]);
  const today = toLocalDate(ctx.clock.now().getTime());
  return {
    ...toWorkFileListItem({ ...record, ownerName: names.get(record.ownerUserId) ?? '' }, today),
    agencyId: record.agencyId,
    agencyName: agency?.name ?? '',
    fileListEntry: entry ? { id: entry.id, code: entry.code, title: entry.title, year: entry.year } : null,
    note: record.note,
    items: items.map((item) => toItem(item, subjects)),
    actions: availableWorkFileActions(record.status, facts).map((action) => ({
      action,
      label: WORK_FILE_TRANSITIONS[action].label,
    })),
    canEditItems: mayEditWorkFileItems(record.status, facts),
    canExport: mayChangeWorkFile(facts),
    events: events.map((event) => ({
      seq: event.seq,
      at: event.at.toISOString(),
      action: event.action,
      toStatus: event.toStatus,
      note: event.note,
    })),
  };
};

/** An uploaded file kept in a work file (not a document: those download from their own pages). */
export const getWorkFileItemFile = async (ctx: AppContext, actor: Actor, id: string, itemRowId: string) => {
  const { record } = await getReadableWorkFile(ctx, actor, id);
  const items = await listWorkFileItems(ctx.db, record.id);
  const item = items.find((row) => row.id === itemRowId);
  const attachment = item?.attachment as { sha256: string; name: string; contentType: string } | null | undefined;
  if (!attachment) {
    throw new AppError('NOT_FOUND', { resource: { vi: 'tệp của hồ sơ', en: 'file of the work file' } });
  }
  return { sha256: attachment.sha256, mediaType: attachment.contentType, fileName: attachment.name };
};

/** The units where the caller opens files (workfile.manage), each with the year's file list it follows. */
export const getWorkFileOptions = async (ctx: AppContext, actor: Actor, year?: number | undefined) => {
  const official = requireOfficial(actor);
  const theYear = year ?? Number(toLocalDate(ctx.clock.now().getTime()).slice(0, 4));
  const units: { id: string; name: string; listAgencyId: string }[] = [];
  for (const grant of official.grants) {
    const agency = await findAgency(ctx.db, grant.agencyId);
    if (!agency || units.some((unit) => unit.id === agency.id)) {
      continue;
    }
    if (!(await agenciesAllowing(ctx, { ...official, grants: [grant] }, 'workfile.manage')).includes(agency.id)) {
      continue;
    }
    // A unit (phòng) follows its agency's list; an agency its own.
    const listAgencyId = agency.parentId && agency.kind === 'division' ? agency.parentId : agency.id;
    units.push({ id: agency.id, name: agency.name, listAgencyId });
  }
  const lists = new Map<string, Awaited<ReturnType<typeof listFileListEntries>>>();
  for (const unit of units) {
    if (!lists.has(unit.listAgencyId)) {
      lists.set(unit.listAgencyId, await listFileListEntries(ctx.db, unit.listAgencyId, theYear));
    }
  }
  return {
    year: theYear,
    units: units.map((unit) => ({
      id: unit.id,
      name: unit.name,
      entries: (lists.get(unit.listAgencyId) ?? []).map((entry) => ({
        id: entry.id,
        code: entry.code,
        title: entry.title,
        retentionYears: entry.retentionYears,
        retentionLabel: formatRetention(entry.retentionYears),
      })),
    })),
  };
};

import type { WorkFileStatus } from '@motcua/domain';
import { type Insertable, type Kysely, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import type { Database } from './schema.js';
import type { FileListEntryTable, WorkFileItemTable, WorkFileTable } from './tables/work.js';

/**
 * Work files (hồ sơ công việc, Decree 30/2020 Art. 28–29; migrations 0034, 0037): the agency's yearly file list
 * (danh mục hồ sơ), the files officials open from it, and the items each file keeps together.
 */

type Db = Kysely<Database> | Transaction<Database>;

export type FileListEntryRecord = Selectable<FileListEntryTable>;
export type WorkFileRecord = Selectable<WorkFileTable>;
export type WorkFileItemRecord = Selectable<WorkFileItemTable>;

// ---- The file list ---------------------------------------------------------------------------------------------

/** A year's file list of an agency, in code order (a list has tens to a few hundred entries). */
export const listFileListEntries = async (db: Db, agencyId: string, year: number) =>
  db
    .selectFrom('fileListEntry')
    .leftJoin('agency', 'agency.id', 'fileListEntry.responsibleAgencyId')
    .selectAll('fileListEntry')
    .select('agency.name as responsibleAgencyName')
    .where('fileListEntry.agencyId', '=', agencyId)
    .where('fileListEntry.year', '=', year)
    .orderBy('fileListEntry.code')
    .execute();

export const findFileListEntry = async (db: Db, id: string): Promise<FileListEntryRecord | undefined> =>
  db.selectFrom('fileListEntry').selectAll().where('id', '=', id).executeTakeFirst();

/**
 * Replaces a year's list with the rows given, in the caller's transaction (the import is all or nothing):
 * rows of codes no longer given are deleted unless a work file uses them (those are kept and answered).
 */
export const replaceFileList = async (
  trx: Transaction<Database>,
  input: {
    agencyId: string;
    provinceCode: string;
    year: number;
    rows: { code: string; title: string; retentionYears: number | null; responsibleAgencyId: string | null }[];
  },
): Promise<{ inserted: number; updated: number; kept: string[] }> => {
  const existing = await trx
    .selectFrom('fileListEntry')
    .select(['id', 'code'])
    .where('agencyId', '=', input.agencyId)
    .where('year', '=', input.year)
    .forUpdate()
    .execute();
  const byCode = new Map(existing.map((row) => [row.code, row.id]));
  let inserted = 0;
  let updated = 0;
  for (const row of input.rows) {
    const id = byCode.get(row.code);
    if (id) {
      await trx
        .updateTable('fileListEntry')
        .set({ title: row.title, retentionYears: row.retentionYears, responsibleAgencyId: row.responsibleAgencyId })
        .where('id', '=', id)
        .execute();
      byCode.delete(row.code);
      updated += 1;
    } else {
      await trx
        .insertInto('fileListEntry')
        .values({ ...row, agencyId: input.agencyId, provinceCode: input.provinceCode, year: input.year })
        .execute();
      inserted += 1;
    }
  }
  const gone = [...byCode.values()];
  const kept: string[] = [];
  if (gone.length > 0) {
    const used = await trx
      .selectFrom('workFile')
      .select('fileListEntryId')
      .distinct()
      .where('fileListEntryId', 'in', gone)
      .execute();
    const usedIds = new Set(used.map((row) => row.fileListEntryId));
    const removable = gone.filter((id) => !usedIds.has(id));
    kept.push(...[...byCode.entries()].filter(([, id]) => usedIds.has(id)).map(([code]) => code));
    if (removable.length > 0) {
      await trx.deleteFrom('fileListEntry').where('id', 'in', removable).execute();
    }
  }
  return { inserted, updated, kept };
};

export const insertFileListEntry = async (trx: Db, row: Insertable<FileListEntryTable>) =>
  trx.insertInto('fileListEntry').values(row).returningAll().executeTakeFirstOrThrow();

export const updateFileListEntry = async (
  trx: Db,
  id: string,
  patch: Updateable<FileListEntryTable>,
): Promise<FileListEntryRecord | undefined> =>
  trx.updateTable('fileListEntry').set(patch).where('id', '=', id).returningAll().executeTakeFirst();

/** Deletes an entry no file uses; false when a file uses it (or it is gone). */
export const deleteUnusedFileListEntry = async (trx: Db, id: string): Promise<boolean> => {
  const result = await trx
    .deleteFrom('fileListEntry')
    .where('id', '=', id)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('workFile').select('id').whereRef('workFile.fileListEntryId', '=', 'fileListEntry.id'))),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
};

// ---- Work files -------------------------------------------------------------------------------------------------

export type NewWorkFile = Omit<
  Insertable<WorkFileTable>,
  'id' | 'version' | 'eventCount' | 'lastEventHash' | 'createdAt' | 'updatedAt'
>;

export const insertWorkFile = async (trx: Transaction<Database>, row: NewWorkFile): Promise<WorkFileRecord> =>
  trx.insertInto('workFile').values(row).returningAll().executeTakeFirstOrThrow();

/** How many files an entry of the list already has in a year (for the ordinal of the next file's code). */
export const countWorkFilesWithCodePrefix = async (trx: Db, agencyId: string, base: string): Promise<number> => {
  const row = await trx
    .selectFrom('workFile')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('agencyId', '=', agencyId)
    .where((eb) => eb.or([eb('code', '=', base), eb('code', 'like', `${base.replace(/[%_\\]/g, '')}.%`)]))
    .executeTakeFirstOrThrow();
  return Number(row.count);
};

export const findWorkFile = async (db: Db, id: string): Promise<WorkFileRecord | undefined> =>
  db.selectFrom('workFile').selectAll().where('id', '=', id).executeTakeFirst();

export const findWorkFileForUpdate = async (
  trx: Transaction<Database>,
  id: string,
): Promise<WorkFileRecord | undefined> =>
  trx.selectFrom('workFile').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** Writes a change when the row still has the version read; undefined when someone changed it first. */
export const updateWorkFileGuarded = async (
  trx: Transaction<Database>,
  input: { id: string; expectedVersion: number; patch: Updateable<WorkFileTable>; now: Date },
): Promise<WorkFileRecord | undefined> =>
  trx
    .updateTable('workFile')
    .set({ ...input.patch, version: sql<number>`version + 1`, updatedAt: input.now })
    .where('id', '=', input.id)
    .where('version', '=', input.expectedVersion)
    .returningAll()
    .executeTakeFirst();

export type WorkFileListQuery = {
  /** The caller's own files, or the files of the units they head (and, not confidential, read). */
  ownerUserId?: string | undefined;
  agencyIds?: readonly string[] | undefined;
  /** The agencies where the caller may read confidential files too (they head them). */
  confidentialAgencyIds?: readonly string[] | undefined;
  status: WorkFileStatus;
  foldedQuery?: string | undefined;
  after?: { openedAt: Date; id: string } | null | undefined;
  limit: number;
};

/** A page of files, newest opened first, keyset on (opened_at, id) — the order of work_file_*_idx. */
export const listWorkFilesPage = async (db: Db, query: WorkFileListQuery) => {
  let select = db
    .selectFrom('workFile')
    .innerJoin('appUser', 'appUser.id', 'workFile.ownerUserId')
    .selectAll('workFile')
    .select('appUser.fullName as ownerName')
    .where('workFile.status', '=', query.status);
  if (query.ownerUserId) {
    select = select.where('workFile.ownerUserId', '=', query.ownerUserId);
  } else {
    const agencyIds = query.agencyIds ?? [];
    const confidentialIds = query.confidentialAgencyIds ?? [];
    if (agencyIds.length === 0) {
      return [];
    }
    select = select.where('workFile.agencyId', 'in', agencyIds);
    select = select.where((eb) =>
      confidentialIds.length > 0
        ? eb.or([eb('workFile.confidential', '=', false), eb('workFile.agencyId', 'in', confidentialIds)])
        : eb('workFile.confidential', '=', false),
    );
  }
  for (const word of (query.foldedQuery ?? '').split(' ').filter(Boolean)) {
    select = select.where('workFile.searchText', 'like', `%${word.replace(/[%_\\]/g, '')}%`);
  }
  if (query.after) {
    const { openedAt, id } = query.after;
    select = select.where((eb) =>
      eb.or([
        eb('workFile.openedAt', '<', openedAt),
        eb.and([eb('workFile.openedAt', '=', openedAt), eb('workFile.id', '<', id)]),
      ]),
    );
  }
  return select.orderBy('workFile.openedAt', 'desc').orderBy('workFile.id', 'desc').limit(query.limit).execute();
};

// ---- Items ----------------------------------------------------------------------------------------------------------

/** The file's items still in it, in their order. */
export const listWorkFileItems = async (db: Db, workFileId: string) =>
  db
    .selectFrom('workFileItem')
    .leftJoin('appUser', 'appUser.id', 'workFileItem.addedBy')
    .selectAll('workFileItem')
    .select('appUser.fullName as addedByName')
    .where('workFileItem.workFileId', '=', workFileId)
    .where('workFileItem.removedAt', 'is', null)
    .orderBy('workFileItem.position')
    .orderBy('workFileItem.addedAt')
    .execute();

export const findWorkFileItem = async (db: Db, workFileId: string, itemId: string) =>
  db
    .selectFrom('workFileItem')
    .selectAll()
    .where('workFileId', '=', workFileId)
    .where('id', '=', itemId)
    .where('removedAt', 'is', null)
    .executeTakeFirst();

/** The next position at the end of the file (the file's row is locked by the caller). */
export const nextWorkFileItemPosition = async (trx: Transaction<Database>, workFileId: string): Promise<number> => {
  const row = await trx
    .selectFrom('workFileItem')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('workFileId', '=', workFileId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
};

export const insertWorkFileItem = async (trx: Transaction<Database>, row: Insertable<WorkFileItemTable>) =>
  trx.insertInto('workFileItem').values(row).returningAll().executeTakeFirstOrThrow();

export const markWorkFileItemRemoved = async (trx: Transaction<Database>, id: string, at: Date): Promise<boolean> => {
  const result = await trx
    .updateTable('workFileItem')
    .set({ removedAt: at })
    .where('id', '=', id)
    .where('removedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
};

/** Moves an item to a new position (the others keep theirs; positions are ordinal, ties by time added). */
export const setWorkFileItemPosition = async (trx: Transaction<Database>, id: string, position: number) =>
  trx.updateTable('workFileItem').set({ position }).where('id', '=', id).execute();

/** The item of a record (document, task, calendar entry) still in the file, if any. */
export const findWorkFileItemByRef = async (db: Db, workFileId: string, itemKind: string, itemId: string) =>
  db
    .selectFrom('workFileItem')
    .select('id')
    .where('workFileId', '=', workFileId)
    .where('itemKind', '=', itemKind as WorkFileItemRecord['itemKind'])
    .where('itemId', '=', itemId)
    .where('removedAt', 'is', null)
    .executeTakeFirst();

/** The positions of the file's items still in it, in order (for a move). */
export const listWorkFileItemPositions = async (trx: Transaction<Database>, workFileId: string) =>
  trx
    .selectFrom('workFileItem')
    .select(['id', 'position'])
    .where('workFileId', '=', workFileId)
    .where('removedAt', 'is', null)
    .orderBy('position')
    .orderBy('addedAt')
    .execute();

/** Locks the unit's row: two files opened at once from one list entry then take different ordinals. */
export const lockAgencyForWorkFileCode = async (trx: Transaction<Database>, agencyId: string) => {
  await trx.selectFrom('agency').select('id').where('id', '=', agencyId).forUpdate().execute();
};

/** A task with the people it names (to check a task added to a file concerns the caller). */
export const findTaskForWorkFile = async (db: Db, taskId: string) => {
  const task = await db
    .selectFrom('task')
    .select(['id', 'agencyId', 'title', 'confidential', 'assignedBy', 'leadUserId', 'dueAt', 'status'])
    .where('id', '=', taskId)
    .executeTakeFirst();
  if (!task) {
    return undefined;
  }
  const people = await db.selectFrom('taskAssignee').select('userId').where('taskId', '=', taskId).execute();
  return { ...task, assigneeUserIds: people.map((p) => p.userId).filter((id): id is string => id !== null) };
};

/** A calendar entry with its attendees' ids. */
export const findScheduleEntryForWorkFile = async (db: Db, entryId: string) => {
  const entry = await db
    .selectFrom('scheduleEntry')
    .select(['id', 'agencyId', 'title', 'startsAt'])
    .where('id', '=', entryId)
    .executeTakeFirst();
  if (!entry) {
    return undefined;
  }
  const people = await db.selectFrom('scheduleAttendee').select('userId').where('entryId', '=', entryId).execute();
  return { ...entry, attendeeUserIds: people.map((p) => p.userId) };
};

export type WorkFileItemSubject = {
  title: string;
  numberSymbol: string | null;
  /** The document's date (issued or signed), the task's deadline, the meeting's start. */
  date: string | null;
  author: string | null;
  pageCount: number | null;
  fileSha256: string | null;
  fileName: string | null;
  status: string | null;
};

/**
 * What the records a file holds say about themselves (title, number, date, author, stored PDF), by kind and
 * id — four reads whatever the number of items.
 */
export const describeWorkFileItems = async (
  db: Db,
  items: readonly Pick<WorkFileItemRecord, 'itemKind' | 'itemId'>[],
): Promise<Map<string, WorkFileItemSubject>> => {
  const ids = (kind: WorkFileItemRecord['itemKind']) =>
    items.filter((item) => item.itemKind === kind && item.itemId).map((item) => item.itemId as string);
  const out = new Map<string, WorkFileItemSubject>();
  const incoming = ids('incoming_document');
  if (incoming.length > 0) {
    const rows = await db
      .selectFrom('incomingDocument')
      .select([
        'id',
        'subject',
        'numberSymbol',
        'issuedOn',
        'issuerName',
        'pageCount',
        'fileSha256',
        'fileName',
        'status',
      ])
      .where('id', 'in', incoming)
      .execute();
    for (const row of rows) {
      out.set(`incoming_document:${row.id}`, {
        title: row.subject,
        numberSymbol: row.numberSymbol,
        date: row.issuedOn,
        author: row.issuerName,
        pageCount: row.pageCount,
        fileSha256: row.fileSha256,
        fileName: row.fileName,
        status: row.status,
      });
    }
  }
  const outgoing = ids('outgoing_document');
  if (outgoing.length > 0) {
    const rows = await db
      .selectFrom('outgoingDocument')
      .innerJoin('agency', 'agency.id', 'outgoingDocument.agencyId')
      .select([
        'outgoingDocument.id',
        'outgoingDocument.subject',
        'outgoingDocument.numberSymbol',
        'outgoingDocument.signedAt',
        'outgoingDocument.pageCount',
        'outgoingDocument.signedFileSha256',
        'outgoingDocument.status',
        'agency.name as agencyName',
      ])
      .where('outgoingDocument.id', 'in', outgoing)
      .execute();
    for (const row of rows) {
      out.set(`outgoing_document:${row.id}`, {
        title: row.subject,
        numberSymbol: row.numberSymbol,
        date: row.signedAt ? row.signedAt.toISOString() : null,
        author: row.agencyName,
        pageCount: row.pageCount,
        fileSha256: row.signedFileSha256,
        fileName: row.numberSymbol ? `${row.numberSymbol.replace(/[^\p{L}\p{N}.-]+/gu, '-')}.pdf` : null,
        status: row.status,
      });
    }
  }
  const tasks = ids('task');
  if (tasks.length > 0) {
    const rows = await db
      .selectFrom('task')
      .select(['id', 'title', 'dueAt', 'status'])
      .where('id', 'in', tasks)
      .execute();
    for (const row of rows) {
      out.set(`task:${row.id}`, {
        title: row.title,
        numberSymbol: null,
        date: row.dueAt.toISOString(),
        author: null,
        pageCount: null,
        fileSha256: null,
        fileName: null,
        status: row.status,
      });
    }
  }
  const entries = ids('schedule_entry');
  if (entries.length > 0) {
    const rows = await db
      .selectFrom('scheduleEntry')
      .select(['id', 'title', 'startsAt', 'status'])
      .where('id', 'in', entries)
      .execute();
    for (const row of rows) {
      out.set(`schedule_entry:${row.id}`, {
        title: row.title,
        numberSymbol: null,
        date: row.startsAt.toISOString(),
        author: null,
        pageCount: null,
        fileSha256: null,
        fileName: null,
        status: row.status,
      });
    }
  }
  return out;
};

/** The units in force directly under an agency (its phòng), by name: who may keep a file of the list. */
export const listAgenciesUnder = async (db: Db, agencyId: string) =>
  db
    .selectFrom('agency')
    .select(['id', 'name', 'shortName'])
    .where('parentId', '=', agencyId)
    .where('validTo', 'is', null)
    .orderBy('name')
    .execute();

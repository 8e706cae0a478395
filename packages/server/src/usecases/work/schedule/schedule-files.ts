import { findScheduleEntry, type ScheduleEntryRecord } from '@motcua/db';
import { decideScheduleAction, SCHEDULE_ENTRY_STATUS_LABELS } from '@motcua/domain';
import type { Actor } from '../../../auth/actor.js';
import { requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { checkAndStoreFile, DOSSIER_FILE_TYPES, TEMPLATE_FILE_TYPES, type UploadedFile } from '../../portal/uploads.js';
import { changeScheduleEntry, type ScheduleFile } from './change-schedule.js';
import { getReadableScheduleEntry, SCHEDULE_ENTRY, toScheduleFacts } from './schedule-access.js';

/**
 * Files of a calendar entry (giấy mời, chương trình, tài liệu họp): PDF, JPEG, PNG as a task's progress files,
 * and DOC/DOCX, the form meeting papers usually come in; read from the content, scanned, content-addressed in
 * the installation's file store, within its upload size limit.
 */
export const SCHEDULE_FILE_TYPES = [...new Set([...DOSSIER_FILE_TYPES, ...TEMPLATE_FILE_TYPES])];

const ATTACHMENT = { vi: 'tệp đính kèm', en: 'attachment' } as const;

/** The entry, when the official may edit it now (readable, else 404; the edit step refused, else 403/409). */
const getEditableEntry = async (ctx: AppContext, actor: Actor, entryId: string): Promise<ScheduleEntryRecord> => {
  const official = requireOfficial(actor);
  const row = await findScheduleEntry(ctx.db, entryId);
  if (!row) {
    throw new AppError('NOT_FOUND', { resource: SCHEDULE_ENTRY });
  }
  const { facts } = await getReadableScheduleEntry(ctx, official, row);
  const decision = decideScheduleAction(toScheduleFacts(row), facts, 'update');
  if (!decision.ok) {
    throw new AppError(decision.refusal, {
      state: SCHEDULE_ENTRY_STATUS_LABELS[row.status],
      action: { vi: 'Đính kèm tệp', en: 'Attach a file' },
    });
  }
  return row;
};

/** The files of an entry as the API shows them. */
export const presentScheduleFiles = (attachments: unknown) =>
  (attachments as ScheduleFile[]).map((file) => ({
    sha256: file.sha256,
    fileName: file.name,
    sizeBytes: file.size,
    mediaType: file.contentType,
  }));

/**
 * Attaches an uploaded file to an entry: whoever may edit it now (the edit step of the entry's table); the
 * file is checked before it is stored, then added by the same guarded change as an edit (version, event,
 * attendees told when the entry is already published).
 */
export const attachScheduleFile = async (
  ctx: AppContext,
  actor: Actor,
  input: { entryId: string; expectedVersion: number; file: UploadedFile },
) => {
  await getEditableEntry(ctx, actor, input.entryId);
  const stored = await checkAndStoreFile(ctx, input.file, SCHEDULE_FILE_TYPES);
  return changeScheduleEntry(ctx, actor, {
    id: input.entryId,
    action: 'update',
    expectedVersion: input.expectedVersion,
    file: {
      add: { sha256: stored.sha256, name: stored.fileName, size: stored.size, contentType: stored.mediaType },
    },
  });
};

/** Removes a file from an entry (the stored content stays: other records may name the same content). */
export const removeScheduleFile = async (
  ctx: AppContext,
  actor: Actor,
  input: { entryId: string; expectedVersion: number; sha256: string },
) =>
  changeScheduleEntry(ctx, actor, {
    id: input.entryId,
    action: 'update',
    expectedVersion: input.expectedVersion,
    file: { remove: input.sha256 },
  });

const findFile = (row: ScheduleEntryRecord, sha256: string) => {
  const file = (row.attachments as ScheduleFile[]).find((entry) => entry.sha256 === sha256);
  if (!file) {
    throw new AppError('NOT_FOUND', { resource: ATTACHMENT });
  }
  return { sha256: file.sha256, mediaType: file.contentType, fileName: file.name };
};

/** A file of an entry the official may read. */
export const getScheduleFile = async (ctx: AppContext, actor: Actor, input: { entryId: string; sha256: string }) => {
  const official = requireOfficial(actor);
  const row = await findScheduleEntry(ctx.db, input.entryId);
  if (!row) {
    throw new AppError('NOT_FOUND', { resource: SCHEDULE_ENTRY });
  }
  await getReadableScheduleEntry(ctx, official, row);
  return findFile(row, input.sha256);
};

/** A file of an entry on the portal: only while the entry is published and marked public (else 404). */
export const getPublicScheduleFile = async (
  ctx: AppContext,
  input: { entryId: string; sha256: string; provinceCode?: string | undefined },
) => {
  const row = await findScheduleEntry(ctx.db, input.entryId);
  // Another province's entry answers like an unknown one on this province's portal.
  if (
    row?.status !== 'published' ||
    !row.public ||
    (input.provinceCode !== undefined && row.provinceCode !== input.provinceCode)
  ) {
    throw new AppError('NOT_FOUND', { resource: SCHEDULE_ENTRY });
  }
  return findFile(row, input.sha256);
};

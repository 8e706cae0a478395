import { WORK_FILE_ACTIONS, WORK_FILE_ITEM_KINDS, WORK_FILE_STATUSES } from '@motcua/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { OFFICIAL } from '../http/auth.js';
import { IsoDate, Problem } from '../http/schemas.js';
import { sendStoredFile } from '../http/stored-files.js';
import { readUploadedFile, registerWithFileUpload, uploadBodyLimit } from '../http/uploads.js';
import {
  addWorkFileItem,
  changeWorkFile,
  editWorkFile,
  moveWorkFileItem,
  openWorkFile,
  removeWorkFileItem,
} from '../usecases/work/files/change-work-file.js';
import { exportWorkFile } from '../usecases/work/files/export-work-file.js';
import {
  addFileListEntry,
  editFileListEntry,
  FILE_LIST_MAX_BYTES,
  getFileList,
  importFileList,
  removeFileListEntry,
} from '../usecases/work/files/file-list.js';
import {
  getWorkFile,
  getWorkFileItemFile,
  getWorkFileOptions,
  listWorkFiles,
} from '../usecases/work/files/read-work-files.js';

const TAGS = ['work-files'];
const Label = z.looseObject({ vi: z.string(), en: z.string() });
const Instant = z.string().describe('ISO 8601 instant');
const Status = z.enum(WORK_FILE_STATUSES);
const Text = (max: number) => z.string().trim().min(1).max(max);
const Retention = z.number().int().min(1).max(100).nullable().describe('Years, or null for permanent (vĩnh viễn)');

const WorkFileListItem = z
  .object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    status: Status,
    statusLabel: Label,
    confidential: z.boolean(),
    retentionYears: z.number().int().nullable(),
    retentionLabel: z.string(),
    ownerUserId: z.uuid(),
    ownerName: z.string(),
    openedAt: Instant,
    closedAt: Instant.nullable(),
    archivedAt: Instant.nullable(),
    archiveDueOn: IsoDate.nullable().describe('Last day to hand the closed file to the agency archive'),
    archiveOverdue: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'WorkFileListItem', description: 'A work file (hồ sơ công việc) in a list' });

const WorkFileItem = z
  .object({
    id: z.uuid(),
    kind: z.enum(WORK_FILE_ITEM_KINDS),
    kindLabel: Label,
    itemId: z.uuid().nullable(),
    position: z.number().int(),
    title: z.string().nullable(),
    numberSymbol: z.string().nullable(),
    date: z.string().nullable(),
    author: z.string().nullable(),
    hasFile: z.boolean(),
    note: z.string().nullable(),
    attachment: z.object({ name: z.string(), size: z.number().int(), contentType: z.string() }).nullable(),
    addedAt: Instant,
    addedByName: z.string().nullable(),
  })
  .meta({ id: 'WorkFileItem' });

const WorkFileDetail = WorkFileListItem.extend({
  agencyId: z.uuid(),
  agencyName: z.string(),
  fileListEntry: z.object({ id: z.uuid(), code: z.string(), title: z.string(), year: z.number().int() }).nullable(),
  note: z.string().nullable(),
  items: z.array(WorkFileItem),
  actions: z.array(z.object({ action: z.enum(WORK_FILE_ACTIONS), label: Label })),
  canEditItems: z.boolean(),
  canExport: z.boolean(),
  events: z.array(
    z.object({
      seq: z.number().int(),
      at: Instant,
      action: z.string(),
      toStatus: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
}).meta({ id: 'WorkFileDetail', description: 'A work file with its items in order, its steps and its history' });

const WorkFileChanged = z
  .object({ id: z.uuid(), status: Status, version: z.number().int(), code: z.string().optional() })
  .meta({ id: 'WorkFileChanged' });

const FileListEntry = z
  .object({
    id: z.uuid(),
    year: z.number().int(),
    code: z.string(),
    title: z.string(),
    retentionYears: z.number().int().nullable(),
    retentionLabel: z.string(),
    responsibleAgencyId: z.uuid().nullable(),
    responsibleAgencyName: z.string().nullable(),
  })
  .meta({ id: 'FileListEntry', description: 'An entry of the agency’s yearly file list (danh mục hồ sơ)' });

const FileListEntryBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-zĐđ][0-9A-Za-zĐđ.\-/_]{0,39}$/),
    title: Text(500),
    retentionYears: Retention,
    responsibleAgencyId: z.uuid().nullable().optional(),
  })
  .strict();

const RowError = z.object({
  rowNo: z.number().int(),
  field: z.enum(['code', 'title', 'retention', 'unit']),
  problem: Label,
});

const WorkFileOptions = z
  .object({
    year: z.number().int(),
    units: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        entries: z.array(
          z.object({
            id: z.uuid(),
            code: z.string(),
            title: z.string(),
            retentionYears: z.number().int().nullable(),
            retentionLabel: z.string(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'WorkFileOptions' });

const WorkFileOpen = z
  .object({
    agencyId: z.uuid().describe('The unit the file is kept in'),
    fileListEntryId: z.uuid().nullable().optional(),
    title: z.string().trim().max(500).optional(),
    retentionYears: Retention.optional(),
    confidential: z.boolean().optional(),
    note: z.string().trim().max(4000).optional(),
  })
  .strict()
  .meta({ id: 'WorkFileOpen' });

const WorkFileActionBody = z
  .object({
    action: z.enum(WORK_FILE_ACTIONS),
    expectedVersion: z.number().int().min(1),
    reason: z.string().trim().max(4000).optional(),
  })
  .strict()
  .meta({ id: 'WorkFileAction', examples: [{ action: 'close', expectedVersion: 3 }] });

const WorkFileItemAdd = z
  .object({
    expectedVersion: z.number().int().min(1),
    kind: z.enum(['incoming_document', 'outgoing_document', 'task', 'schedule_entry', 'note']),
    itemId: z.uuid().optional(),
    note: z.string().trim().max(4000).optional(),
  })
  .strict()
  .refine((body) => (body.kind === 'note') === (body.itemId === undefined), {
    message: 'itemId is given for a record and not for a note',
    path: ['itemId'],
  })
  .meta({ id: 'WorkFileItemAdd' });

const FileList = z
  .object({
    agencyId: z.uuid(),
    agencyName: z.string(),
    year: z.number().int(),
    units: z.array(z.object({ id: z.uuid(), name: z.string() })),
    items: z.array(FileListEntry),
  })
  .meta({ id: 'FileList' });

const FileListImportResult = z
  .object({
    ok: z.boolean(),
    inserted: z.number().int().optional(),
    updated: z.number().int().optional(),
    kept: z.array(z.string()).optional().describe('Codes not in the file kept because a work file uses them'),
    errors: z.array(RowError).optional(),
  })
  .meta({ id: 'FileListImportResult' });

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const IdParams = z.object({ id: z.uuid() });
const Year = z.coerce.number().int().min(2000).max(2200);

/**
 * Work files (hồ sơ công việc, Decree 30/2020 Art. 28–29): the agency's yearly file list, the files officials
 * keep, their items, their steps (close, reopen, hand to the archive) and the archive package. In their own
 * scope, so the multipart parser of uploads applies to them only.
 */
export const registerWorkFileRoutes = (app: FastifyInstance, ctx: AppContext): Promise<void> =>
  registerWithFileUpload(app, ctx, registerRoutes);

const registerRoutes = (scope: FastifyInstance, ctx: AppContext): void => {
  const api = scope.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/work-files',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Work files by status: mine, or my units’ (confidential ones only where I head the unit)',
        querystring: z.object({
          view: z.enum(['mine', 'unit']).default('mine'),
          status: Status.default('open'),
          q: z.string().trim().max(200).optional(),
          cursor: z.string().max(300).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: z.object({ items: z.array(WorkFileListItem), nextCursor: z.string().nullable() }), ...errors },
      },
    },
    async (request) => listWorkFiles(ctx, request.actor, request.query),
  );

  api.get(
    '/api/v1/work-files/options',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'The units where the caller opens work files, each with the year’s file list it follows',
        querystring: z.object({ year: Year.optional() }),
        response: {
          200: WorkFileOptions,
          ...errors,
        },
      },
    },
    async (request) => getWorkFileOptions(ctx, request.actor, request.query.year),
  );

  api.post(
    '/api/v1/work-files',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Open a work file from the file list (or outside it, with a title)',
        body: WorkFileOpen,
        response: { 201: WorkFileChanged, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await openWorkFile(ctx, request.actor, request.body)),
  );

  api.get(
    '/api/v1/work-files/:id',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'A work file with its items, the steps the caller may take and its history',
        params: IdParams,
        response: { 200: WorkFileDetail, ...errors },
      },
    },
    async (request) => getWorkFile(ctx, request.actor, request.params.id),
  );

  api.patch(
    '/api/v1/work-files/:id',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Change an open file’s title, confidentiality or note (owner or head)',
        params: IdParams,
        body: z
          .object({
            expectedVersion: z.number().int().min(1),
            title: z.string().trim().min(1).max(500).optional(),
            confidential: z.boolean().optional(),
            note: z.string().trim().max(4000).nullable().optional(),
          })
          .strict(),
        response: { 200: WorkFileChanged, ...errors },
      },
    },
    async (request) => editWorkFile(ctx, request.actor, { id: request.params.id, ...request.body }),
  );

  api.post(
    '/api/v1/work-files/:id/actions',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Close, reopen (with a reason) or hand the file to the agency archive',
        params: IdParams,
        body: WorkFileActionBody,
        response: { 200: WorkFileChanged, ...errors },
      },
    },
    async (request) => changeWorkFile(ctx, request.actor, { id: request.params.id, ...request.body }),
  );

  api.post(
    '/api/v1/work-files/:id/items',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Add a document, task, calendar entry or note to an open file (at the end)',
        params: IdParams,
        body: WorkFileItemAdd,
        response: { 200: WorkFileChanged, ...errors },
      },
    },
    async (request) => {
      const { expectedVersion, kind, itemId, note } = request.body;
      return addWorkFileItem(ctx, request.actor, {
        id: request.params.id,
        expectedVersion,
        item:
          kind === 'note' ? { kind, note: note ?? '' } : { kind, itemId: itemId as string, ...(note ? { note } : {}) },
      });
    },
  );

  api.post(
    '/api/v1/work-files/:id/uploads',
    {
      config: OFFICIAL,
      bodyLimit: uploadBodyLimit(ctx),
      schema: {
        tags: TAGS,
        summary: 'Upload a file (PDF, image, office document) into an open work file',
        consumes: ['multipart/form-data'],
        params: IdParams,
        querystring: z.object({ expectedVersion: z.coerce.number().int().min(1) }),
        response: { 200: WorkFileChanged, 413: Problem, 415: Problem, ...errors },
      },
    },
    async (request) => {
      const file = await readUploadedFile(request, ctx.config.portal.uploadMaxBytes);
      return addWorkFileItem(ctx, request.actor, {
        id: request.params.id,
        expectedVersion: request.query.expectedVersion,
        item: { kind: 'file', file },
      });
    },
  );

  api.get(
    '/api/v1/work-files/:id/items/:itemId/file',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Download a file uploaded into a work file',
        params: z.object({ id: z.uuid(), itemId: z.uuid() }),
        produces: ['application/octet-stream'],
      },
    },
    async (request, reply) =>
      sendStoredFile(
        ctx,
        reply,
        await getWorkFileItemFile(ctx, request.actor, request.params.id, request.params.itemId),
      ),
  );

  api.delete(
    '/api/v1/work-files/:id/items/:itemId',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Remove an item from an open file',
        params: z.object({ id: z.uuid(), itemId: z.uuid() }),
        querystring: z.object({ expectedVersion: z.coerce.number().int().min(1) }),
        response: { 200: WorkFileChanged, ...errors },
      },
    },
    async (request) =>
      removeWorkFileItem(ctx, request.actor, {
        id: request.params.id,
        itemRowId: request.params.itemId,
        expectedVersion: request.query.expectedVersion,
      }),
  );

  api.post(
    '/api/v1/work-files/:id/items/:itemId/move',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Move an item to another place in the file’s order (1 = first)',
        params: z.object({ id: z.uuid(), itemId: z.uuid() }),
        body: z.object({ expectedVersion: z.number().int().min(1), position: z.number().int().min(1) }).strict(),
        response: { 200: WorkFileChanged, ...errors },
      },
    },
    async (request) =>
      moveWorkFileItem(ctx, request.actor, {
        id: request.params.id,
        itemRowId: request.params.itemId,
        ...request.body,
      }),
  );

  api.get(
    '/api/v1/work-files/:id/export.zip',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary:
          'The archive package (nộp lưu): the documents’ PDFs, the table of contents (mục lục văn bản) as PDF and CSV, the cover data',
        params: IdParams,
        produces: ['application/zip'],
      },
    },
    async (request, reply) => {
      const { content, fileName } = await exportWorkFile(ctx, request.actor, request.params.id);
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(content);
    },
  );

  // ---- The file list (danh mục hồ sơ) ----

  api.get(
    '/api/v1/file-lists/:agencyId/:year',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'An agency’s file list (danh mục hồ sơ) of a year',
        params: z.object({ agencyId: z.uuid(), year: Year }),
        response: {
          200: FileList,
          ...errors,
        },
      },
    },
    async (request) => getFileList(ctx, request.actor, request.params),
  );

  api.post(
    '/api/v1/file-lists/:agencyId/:year/import',
    {
      config: OFFICIAL,
      bodyLimit: FILE_LIST_MAX_BYTES + 256 * 1024,
      schema: {
        tags: TAGS,
        summary:
          'Import a year’s file list from CSV or .xlsx, all or nothing (row errors with their row numbers, nothing written)',
        consumes: ['multipart/form-data'],
        params: z.object({ agencyId: z.uuid(), year: Year }),
        response: {
          200: FileListImportResult,
          413: Problem,
          ...errors,
        },
      },
    },
    async (request) => {
      const file = await readUploadedFile(request, FILE_LIST_MAX_BYTES);
      return importFileList(ctx, request.actor, { ...request.params, content: file.content });
    },
  );

  api.post(
    '/api/v1/file-lists/:agencyId/:year/entries',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Add an entry to a year’s file list',
        params: z.object({ agencyId: z.uuid(), year: Year }),
        body: FileListEntryBody,
        response: { 201: z.object({ id: z.uuid() }), ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addFileListEntry(ctx, request.actor, { ...request.params, ...request.body })),
  );

  api.put(
    '/api/v1/file-list-entries/:id',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Change an entry of the file list',
        params: IdParams,
        body: FileListEntryBody,
        response: { 200: z.object({ id: z.uuid() }), ...errors },
      },
    },
    async (request) => editFileListEntry(ctx, request.actor, request.params.id, request.body),
  );

  api.delete(
    '/api/v1/file-list-entries/:id',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Delete an entry no work file uses',
        params: IdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeFileListEntry(ctx, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );
};

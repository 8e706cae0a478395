import { basename, extname } from 'node:path';
import type { Readable } from 'node:stream';
import { text as streamText } from 'node:stream/consumers';
import {
  claimDossierImport,
  type DossierImportTotals,
  failSilentDossierImports,
  findDossierImport,
  insertDossierImport,
  listDossierImportIssues,
  listDossierImports,
  requeueDossierImport,
} from '@motcua/db';
import { describeImportIssue, formatInstant, mapImportColumns, roleAllows } from '@motcua/domain';
import type { Actor, OfficialActor } from '../../auth/actor.js';
import { authorizeProvinceAction, requireOfficial } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { type DossierImportJob, QUEUES } from '../../jobs/jobs.js';
import type { FileStorage, StoredFile } from '../../storage/file-storage.js';
import { decodeCursor, encodeCursor } from './drill-down.js';
import {
  DossierImportInterruptedError,
  type ImportFileKind,
  type ImportSource,
  importSourceFromStore,
  readImportFile,
  runDossierImport,
} from './import.js';

/** The kinds of file an import reads (docs/import-format.md), by the uploaded file's extension. */
export const IMPORT_FILE_EXTENSIONS = ['.csv', '.json', '.jsonl', '.ndjson'] as const;

/**
 * A running import whose heartbeat (written every 2 s with its progress, at least once per batch)
 * has been silent this long lost its process — a crash, a killed server — and is marked failed.
 */
export const IMPORT_SILENT_SECONDS = 300;

const INTERRUPTED_SILENT = {
  vi: 'Lần nhập bị gián đoạn: máy chủ thực hiện đã ngừng (không còn báo tiến độ). Hãy nhập lại tệp: nhập lại không làm trùng số liệu.',
  en: 'The import was interrupted: the server running it stopped (no more progress). Import the file again: re-importing never counts a row twice.',
};

const FAILED_UNEXPECTEDLY = {
  vi: 'Lần nhập dừng vì lỗi hệ thống. Hãy nhập lại tệp (nhập lại không làm trùng số liệu); nếu vẫn lỗi, báo quản trị hệ thống.',
  en: 'The import stopped on a system error. Import the file again (re-importing never counts a row twice); if it fails again, tell the system administrator.',
};

const IMPORT = { vi: 'lần nhập dữ liệu', en: 'import' };

type Text = { vi: string; en: string };

/** A file received for an import: where the file store keeps it, its kind and its own name. */
export type ReceivedImportFile = StoredFile & { kind: ImportFileKind; fileName: string };

/** The extension an import reads a file by, from the name it was uploaded with (undefined: not accepted). */
export const findImportFileExtension = (fileName: string): (typeof IMPORT_FILE_EXTENSIONS)[number] | undefined => {
  const extension = extname(fileName).toLowerCase();
  return IMPORT_FILE_EXTENSIONS.find((accepted) => accepted === extension);
};

/** The first bytes of a stream, to sniff a file without reading it whole. */
const readHead = async (stream: Readable, bytes: number): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= bytes) {
        break;
      }
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, bytes);
};

/** JSON files up to this size are parsed whole when checked (larger ones by the run only). */
const JSON_CHECKED_WHOLE_BYTES = 10 * 1024 * 1024;

const unreadable = (reason: Text) => new AppError('IMPORT_FILE_UNREADABLE', { reason });

/**
 * Checks, before a run is recorded, that a file can be imported at all: not empty, text in UTF-8,
 * and — for CSV and JSON Lines — a first row whose columns include the dossier code. Reads the head
 * of the file only; a JSON array is parsed whole by the run itself (its failure is the run's).
 */
export const checkImportFile = async (source: ImportSource, size: number): Promise<void> => {
  const head = await readHead(await source.open(), 64 * 1024);
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  if (size === 0 || text.trim() === '') {
    throw new AppError('IMPORT_FILE_EMPTY');
  }
  if (head.includes(0)) {
    throw unreadable({
      vi: 'tệp không phải văn bản (có thể là Excel hoặc tệp nén); hãy lưu thành CSV UTF-8.',
      en: 'the file is not text (perhaps Excel or an archive); save it as CSV UTF-8.',
    });
  }
  try {
    // `stream: true`: a character cut at the end of the head is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    throw unreadable({
      vi: 'tệp không ở mã UTF-8 (tiếng Việt sẽ sai dấu); hãy lưu lại thành CSV UTF-8.',
      en: 'the file is not UTF-8 (Vietnamese letters would be garbled); save it again as CSV UTF-8.',
    });
  }
  if (source.kind === '.json') {
    const notJson = unreadable({
      vi: 'tệp JSON phải là một mảng hồ sơ [...] hoặc { "dossiers": [...] } viết đúng cú pháp JSON.',
      en: 'a JSON file must be an array of dossiers [...] or { "dossiers": [...] } in valid JSON.',
    });
    if (!/^\s*[[{]/.test(text)) {
      throw notJson;
    }
    // A small file is parsed here, so that a syntax error is answered now rather than by the run.
    if (size <= JSON_CHECKED_WHOLE_BYTES) {
      try {
        JSON.parse((await streamText(await source.open())).replace(/^\uFEFF/, ''));
      } catch {
        throw notJson;
      }
    }
    return;
  }
  const records = readImportFile(source)[Symbol.asyncIterator]();
  let first: Awaited<ReturnType<typeof records.next>>;
  try {
    first = await records.next();
  } catch (error) {
    const message = error instanceof Error ? error.message.slice(0, 200) : String(error);
    throw unreadable({ vi: `lỗi định dạng CSV (${message}).`, en: `CSV format error (${message}).` });
  } finally {
    await records.return?.(undefined);
  }
  if (first.done) {
    throw new AppError('IMPORT_FILE_EMPTY');
  }
  if ('__invalid' in first.value.values) {
    throw unreadable({
      vi: 'dòng đầu không phải một đối tượng JSON (JSON Lines: mỗi dòng một đối tượng {...}).',
      en: 'the first line is not a JSON object (JSON Lines: one {...} object per line).',
    });
  }
  const names = Object.keys(first.value.values);
  if (![...mapImportColumns(names).fields.values()].includes('code')) {
    throw new AppError('IMPORT_FILE_NO_CODE_COLUMN', {
      columns:
        names
          .slice(0, 12)
          .map((name) => name.slice(0, 40))
          .join(', ') || '—',
    });
  }
};

/** The province an official imports into: the one asked for, else the one they administer. */
const resolveImportProvince = (official: OfficialActor, province: string | undefined): string => {
  const provinceCode =
    province ??
    official.grants.find((grant) => roleAllows(grant.role, 'report.import') && grant.provinceCode !== null)
      ?.provinceCode ??
    official.provinceCode;
  if (!provinceCode) {
    throw new AppError('FORBIDDEN');
  }
  authorizeProvinceAction(official, 'report.import', provinceCode);
  return provinceCode;
};

/** A stored failure: the importer's own reasons are kept in both languages (JSON); anything else was ours. */
const presentFailure = (failure: string | null): Text | null => {
  if (failure === null) {
    return null;
  }
  try {
    const parsed = JSON.parse(failure) as Partial<Text>;
    if (typeof parsed.vi === 'string' && typeof parsed.en === 'string') {
      return { vi: parsed.vi, en: parsed.en };
    }
  } catch {
    // not one of ours
  }
  return FAILED_UNEXPECTEDLY;
};

const presentTotals = (totals: Partial<DossierImportTotals>) => ({
  rows: totals.rows ?? 0,
  imported: totals.imported ?? 0,
  created: totals.created ?? 0,
  replaced: totals.replaced ?? 0,
  rejected: totals.rejected ?? 0,
  warnings: totals.warnings ?? 0,
  issues: (totals.issues ?? []).map((issue) => ({ ...issue, label: describeImportIssue(issue.code) })),
  unknownAgencies: totals.unknownAgencies ?? [],
  fileBytes: totals.fileBytes ?? null,
  bytesRead: totals.bytesRead ?? null,
});

type RunRow = NonNullable<Awaited<ReturnType<typeof findDossierImport>>>;

/**
 * A run as readers see it. A running run whose heartbeat has been silent for IMPORT_SILENT_SECONDS lost its
 * process: it reads as failed, interrupted, at once — a read writes nothing; the dossier-import worker's tick
 * (failSilentDossierImportRuns) records it so.
 */
const presentRun = (run: RunRow) => {
  const silent = run.status === 'running' && Number(run.silentForSeconds) > IMPORT_SILENT_SECONDS;
  return {
    id: run.id,
    provinceCode: run.provinceCode,
    fileName: run.fileName,
    status: silent ? ('failed' as const) : run.status,
    startedAt: formatInstant(new Date(run.startedAt).getTime()),
    finishedAt: run.finishedAt === null ? null : formatInstant(new Date(run.finishedAt).getTime()),
    startedBy: run.actorName ?? null,
    totals: presentTotals(run.totals),
    failure: silent ? INTERRUPTED_SILENT : presentFailure(run.failure),
  };
};

export type DossierImportRun = ReturnType<typeof presentRun>;

/**
 * Records the runs that lost their process (silent for IMPORT_SILENT_SECONDS) as failed, interrupted: run by the
 * dossier-import worker's tick in every process (the update is idempotent); answers the runs it ended.
 */
export const failSilentDossierImportRuns = (ctx: AppContext) =>
  failSilentDossierImports(ctx.db, {
    silentSeconds: IMPORT_SILENT_SECONDS,
    failure: JSON.stringify(INTERRUPTED_SILENT),
    now: ctx.clock.now(),
  });

/**
 * Starts importing a file of historical dossiers (docs/import-format.md) into a province: the
 * province administrator only (report.import; reading reports does not allow writing into them).
 * The file is received only after that check, streamed into the file store (never held in memory),
 * checked, and recorded as a queued run in the same transaction as its job: whichever API process
 * takes the job imports it (`runQueuedDossierImport`). The run is answered at once and its progress
 * is read with `getDossierImportReport`. Rows of another province are rejected.
 */
export const startDossierImport = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    province?: string | undefined;
    receive: (storage: FileStorage) => Promise<ReceivedImportFile>;
  },
): Promise<DossierImportRun> => {
  const official = requireOfficial(actor);
  const provinceCode = resolveImportProvince(official, input.province);
  const file = await input.receive(ctx.storage);
  await checkImportFile(importSourceFromStore(ctx.storage, file.sha256, file.kind), file.size);
  const fileName =
    basename(file.fileName)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .slice(0, 500) || null;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const importId = await insertDossierImport(trx, {
      provinceCode,
      fileName,
      actorUserId: official.userId,
      now: ctx.clock.now(),
      totals: { fileBytes: file.size, bytesRead: 0 },
      file: { sha256: file.sha256, kind: file.kind },
    });
    await ctx.jobs.enqueue<DossierImportJob>(trx, QUEUES.dossierImport, { importId });
    return importId;
  });
  const run = await findDossierImport(ctx.db, id);
  if (!run) {
    throw new AppError('NOT_FOUND', { resource: IMPORT });
  }
  return presentRun(run);
};

/**
 * The job of a queued import: takes the run (unless it has finished, or another process is running
 * it), reads its file from the file store and imports it, continuing after the records an earlier
 * attempt committed. A process shutting down (`signal`) gives the run back to the queue with a new
 * job, which any process continues; no row is counted twice.
 */
export const runQueuedDossierImport = async (
  ctx: AppContext,
  job: DossierImportJob,
  options: {
    signal?: AbortSignal;
    onFinished?: (report: { id: string; status: 'completed' | 'failed'; error?: unknown }) => void;
  } = {},
): Promise<void> => {
  const run = await claimDossierImport(ctx.db, { id: job.importId, silentSeconds: IMPORT_SILENT_SECONDS });
  if (!run || run.fileSha256 === null || run.fileKind === null) {
    return;
  }
  let bytesRead = 0;
  const source = importSourceFromStore(ctx.storage, run.fileSha256, run.fileKind);
  try {
    await runDossierImport(ctx.db, {
      importId: run.id,
      records: readImportFile(source, { onRead: (bytes) => (bytesRead += bytes) }),
      fileBytes: run.totals.fileBytes,
      bytesRead: () => bytesRead,
      provinceCode: run.provinceCode ?? undefined,
      onlyProvince: true,
      fileName: run.fileName,
      actorUserId: run.actorUserId,
      now: new Date(run.startedAt),
      signal: options.signal,
      onInterrupt: 'keep',
      resume: run.recordsDone > 0 ? { recordsDone: run.recordsDone, totals: run.totals } : undefined,
    });
    options.onFinished?.({ id: run.id, status: 'completed' });
  } catch (error) {
    if (error instanceof DossierImportInterruptedError) {
      // Given back to the queue with a new job, in one transaction: the next process to poll continues
      // the run after its committed batches, and this job is done.
      await ctx.db.transaction().execute(async (trx) => {
        await requeueDossierImport(trx, { id: run.id });
        await ctx.jobs.enqueue<DossierImportJob>(trx, QUEUES.dossierImport, { importId: run.id });
      });
      return;
    }
    // The run recorded why it failed; running it again would fail the same way.
    options.onFinished?.({ id: run.id, status: 'failed', error });
  }
};

/** An import run — its progress while it runs — and a page of its problem rows. */
export const getDossierImportReport = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; outcome?: 'imported' | 'rejected' | undefined; afterRow: number; limit: number },
) => {
  const official = requireOfficial(actor);
  const run = await findDossierImport(ctx.db, input.id);
  if (!run) {
    throw new AppError('NOT_FOUND', { resource: IMPORT });
  }
  // Province report readers (province-wide), and whoever started it.
  if (run.actorUserId !== official.userId) {
    authorizeProvinceAction(official, 'report.read', run.provinceCode ?? official.provinceCode ?? '00');
  }
  const issues = await listDossierImportIssues(ctx.db, {
    importId: input.id,
    outcome: input.outcome,
    afterRowNo: input.afterRow,
    limit: input.limit,
  });
  return {
    ...presentRun(run),
    rows: issues.map((i) => ({ rowNo: i.rowNo, code: i.code, outcome: i.outcome, issues: i.issues })),
    nextAfterRow: issues.length === input.limit ? (issues[issues.length - 1]?.rowNo ?? null) : null,
  };
};

/** A province's import runs, newest first (its province-wide report readers). */
export const listDossierImportRuns = async (
  ctx: AppContext,
  actor: Actor,
  input: { province?: string | undefined; cursor?: string | undefined; limit: number },
) => {
  const official = requireOfficial(actor);
  const provinceCode =
    input.province ??
    official.grants.find((grant) => roleAllows(grant.role, 'report.read') && grant.provinceCode !== null)
      ?.provinceCode ??
    official.provinceCode ??
    '00';
  authorizeProvinceAction(official, 'report.read', provinceCode);
  const after = decodeCursor(input.cursor, ['startedAt', 'id'] as const);
  const startedAt = after ? new Date(after.startedAt) : undefined;
  if (after && (Number.isNaN(startedAt?.getTime()) || !/^[0-9a-f-]{36}$/.test(after.id))) {
    throw new AppError('REPORT_CURSOR_INVALID');
  }
  const rows = await listDossierImports(ctx.db, {
    provinceCode,
    after: after && startedAt ? { startedAt, id: after.id } : undefined,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(presentRun),
    nextCursor:
      rows.length > input.limit && last
        ? encodeCursor({ startedAt: new Date(last.startedAt).toISOString(), id: last.id })
        : null,
  };
};

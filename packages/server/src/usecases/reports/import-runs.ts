import { mkdtemp, open, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import {
  type DossierImportTotals,
  failSilentDossierImports,
  findDossierImport,
  insertDossierImport,
  listDossierImportIssues,
  listDossierImports,
} from '@motcua/db';
import { describeImportIssue, formatInstant, mapImportColumns, roleAllows } from '@motcua/domain';
import type { Actor, OfficialActor } from '../../auth/actor.js';
import { authorizeProvinceAction, requireOfficial } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import type { BackgroundTasks } from '../../jobs/background-tasks.js';
import { decodeCursor, encodeCursor } from './drill-down.js';
import { readImportFile, runDossierImport } from './import.js';

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

/** A file received for an import: where it was written (with its kind's extension) and its own name. */
export type ReceivedImportFile = { path: string; fileName: string };

/** The extension an import reads a file by, from the name it was uploaded with (undefined: not accepted). */
export const findImportFileExtension = (fileName: string): (typeof IMPORT_FILE_EXTENSIONS)[number] | undefined => {
  const extension = extname(fileName).toLowerCase();
  return IMPORT_FILE_EXTENSIONS.find((accepted) => accepted === extension);
};

/** The first bytes of a file, to sniff it without reading it whole. */
const readHead = async (path: string, bytes: number): Promise<Buffer> => {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
};

/** JSON files up to this size are parsed whole when checked (larger ones by the run only). */
const JSON_CHECKED_WHOLE_BYTES = 10 * 1024 * 1024;

const unreadable = (reason: Text) => new AppError('IMPORT_FILE_UNREADABLE', { reason });

/**
 * Checks, before a run is recorded, that a file can be imported at all: not empty, text in UTF-8,
 * and — for CSV and JSON Lines — a first row whose columns include the dossier code. Reads the head
 * of the file only; a JSON array is parsed whole by the run itself (its failure is the run's).
 */
export const checkImportFile = async (path: string): Promise<void> => {
  const { size } = await stat(path);
  const head = await readHead(path, 64 * 1024);
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
  const extension = extname(path).toLowerCase();
  if (extension === '.json') {
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
        JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
      } catch {
        throw notJson;
      }
    }
    return;
  }
  const records = readImportFile(path)[Symbol.asyncIterator]();
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

const presentRun = (run: RunRow) => ({
  id: run.id,
  provinceCode: run.provinceCode,
  fileName: run.fileName,
  status: run.status,
  startedAt: formatInstant(new Date(run.startedAt).getTime()),
  finishedAt: run.finishedAt === null ? null : formatInstant(new Date(run.finishedAt).getTime()),
  startedBy: run.actorName ?? null,
  totals: presentTotals(run.totals),
  failure: presentFailure(run.failure),
});

export type DossierImportRun = ReturnType<typeof presentRun>;

/** Marks the runs of a province (or one run) that lost their process as failed, interrupted. */
const failSilentRuns = (ctx: AppContext, where: { id?: string; provinceCode?: string }) =>
  failSilentDossierImports(ctx.db, {
    ...where,
    silentSeconds: IMPORT_SILENT_SECONDS,
    failure: JSON.stringify(INTERRUPTED_SILENT),
    now: ctx.clock.now(),
  });

/**
 * Starts importing a file of historical dossiers (docs/import-format.md) into a province: the
 * province administrator only (report.import; reading reports does not allow writing into them).
 * The file is received only after that check, streamed to a temporary file (never held in memory),
 * checked, recorded as a running import, and imported in the background; the run is answered at
 * once and its progress is read with `getDossierImportReport`. Rows of another province are
 * rejected. The temporary file is removed when the run ends, whatever its outcome.
 */
export const startDossierImport = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    province?: string | undefined;
    receive: (dir: string) => Promise<ReceivedImportFile>;
    tasks: BackgroundTasks;
    onFinished?: (report: { id: string; status: 'completed' | 'failed' }) => void;
  },
): Promise<DossierImportRun> => {
  const official = requireOfficial(actor);
  const provinceCode = resolveImportProvince(official, input.province);
  const dir = await mkdtemp(join(tmpdir(), 'motcua-import-'));
  let handedOver = false;
  try {
    const file = await input.receive(dir);
    await checkImportFile(file.path);
    const fileName =
      basename(file.fileName)
        // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
        .replace(/[\u0000-\u001f\u007f]/g, '')
        .slice(0, 500) || null;
    const now = ctx.clock.now();
    const fileBytes = (await stat(file.path)).size;
    const id = await insertDossierImport(ctx.db, {
      provinceCode,
      fileName,
      actorUserId: official.userId,
      now,
      totals: { fileBytes, bytesRead: 0 },
    });
    input.tasks.run(`dossier-import ${id}`, async (signal) => {
      let bytesRead = 0;
      try {
        await runDossierImport(ctx.db, {
          importId: id,
          records: readImportFile(file.path, { onRead: (bytes) => (bytesRead += bytes) }),
          fileBytes,
          bytesRead: () => bytesRead,
          provinceCode,
          onlyProvince: true,
          fileName,
          actorUserId: official.userId,
          now,
          signal,
        });
        input.onFinished?.({ id, status: 'completed' });
      } catch (error) {
        input.onFinished?.({ id, status: 'failed' });
        throw error;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
    handedOver = true;
    const run = await findDossierImport(ctx.db, id);
    if (!run) {
      throw new AppError('NOT_FOUND', { resource: IMPORT });
    }
    return presentRun(run);
  } finally {
    if (!handedOver) {
      await rm(dir, { recursive: true, force: true });
    }
  }
};

/** An import run — its progress while it runs — and a page of its problem rows. */
export const getDossierImportReport = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; outcome?: 'imported' | 'rejected' | undefined; afterRow: number; limit: number },
) => {
  const official = requireOfficial(actor);
  let run = await findDossierImport(ctx.db, input.id);
  if (!run) {
    throw new AppError('NOT_FOUND', { resource: IMPORT });
  }
  // Province report readers (province-wide), and whoever started it.
  if (run.actorUserId !== official.userId) {
    authorizeProvinceAction(official, 'report.read', run.provinceCode ?? official.provinceCode ?? '00');
  }
  if (run.status === 'running' && (await failSilentRuns(ctx, { id: run.id })).length > 0) {
    run = (await findDossierImport(ctx.db, input.id)) ?? run;
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
  await failSilentRuns(ctx, { provinceCode });
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

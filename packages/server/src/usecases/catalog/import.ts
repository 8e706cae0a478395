import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import {
  type CatalogImportOutcome,
  type CatalogImportRecord,
  type CatalogImportTotals,
  closeProcedureVersions,
  type Database,
  findCatalogImport,
  type ImportTarget,
  insertCatalogImport,
  insertCatalogImportRows,
  insertProcedureVersions,
  listCatalogImportRows,
  listProceduresForImport,
  lockCatalogForImport,
  type NewCatalogImportRow,
  type NewProcedureRow,
  type NewProcedureVersion,
  type NormalizerStatus,
  updateCatalogImport,
  upsertProcedures,
} from '@motcua/db';
import {
  type CatalogIssue,
  hashProcedureContent,
  normalizeNationalRecord,
  ProcedureVersionContent,
} from '@motcua/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import { type AppContext, todayInVietnam } from '../../context.js';
import { addDaysToDate } from '../../dates.js';
import { AppError, notFound } from '../../errors/app-error.js';
import { authorizeCatalogWrite, authorizeImportRead, CATALOG_IMPORT } from './access.js';
import { codeRequiredIssue, contentInvalidIssue, duplicateInFileIssue, recordNotObjectIssue } from './import-issues.js';
import { describeProcedureListing, findCatalogCode } from './procedure-listing.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The format `motcua export procedures` writes; importing it back restores the same versions. */
export const EXPORT_FORMAT = 'motcua.procedures.v1';

export type CatalogFileFormat = 'national' | 'motcua';

/**
 * A catalog file: the National TTHC database format (`{ procedures: [...] }` or a bare array of
 * scraped records, normalised on import) or motcua's own export (`{ format, procedures: [{ content }] }`).
 */
export type CatalogFile = { format: CatalogFileFormat; records: unknown[] };

/** The file is not a catalog at all (as opposed to a file with some bad rows, which are reported). */
export class CatalogFileError extends Error {
  override readonly name = 'CatalogFileError';

  constructor(readonly reason: { vi: string; en: string }) {
    super(reason.en);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Tells the format of a parsed catalog file; throws CatalogFileError when it is neither. */
export const readCatalogFile = (value: unknown): CatalogFile => {
  if (Array.isArray(value)) {
    return { format: 'national', records: value };
  }
  if (isObject(value) && Array.isArray(value.procedures)) {
    if (value.format === EXPORT_FORMAT) {
      return { format: 'motcua', records: value.procedures };
    }
    if (value.format !== undefined) {
      throw new CatalogFileError({
        vi: `Định dạng tệp "${String(value.format)}" không được hỗ trợ; chỉ nhận "${EXPORT_FORMAT}" hoặc định dạng của Cơ sở dữ liệu quốc gia về TTHC.`,
        en: `File format "${String(value.format)}" is not supported; expected "${EXPORT_FORMAT}" or the National TTHC database format.`,
      });
    }
    return { format: 'national', records: value.procedures };
  }
  throw new CatalogFileError({
    vi: 'Tệp không phải là danh mục thủ tục: cần một đối tượng JSON có mảng "procedures" hoặc một mảng các thủ tục.',
    en: 'The file is not a procedure catalog: expected a JSON object with a "procedures" array, or an array of procedures.',
  });
};

/** Parses file bytes: JSON, or gzip-compressed JSON (recognised by its magic bytes, whatever the name). */
export const parseCatalogFile = (bytes: Buffer): CatalogFile => {
  let text: string;
  try {
    text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (error) {
    throw new CatalogFileError({
      vi: `Không giải nén được tệp gzip: ${(error as Error).message}`,
      en: `The gzip file cannot be decompressed: ${(error as Error).message}`,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new CatalogFileError({
      vi: `Tệp không phải là JSON hợp lệ: ${(error as Error).message}`,
      en: `The file is not valid JSON: ${(error as Error).message}`,
    });
  }
  return readCatalogFile(value);
};

// --- one row -----------------------------------------------------------------------------------------

type PreparedRow = {
  rowNo: number;
  status: NormalizerStatus;
  content?: ProcedureVersionContent;
  issues: CatalogIssue[];
  code: string | null;
  name: string | null;
};

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

const readRawText = (raw: unknown, key: string): string | null => {
  if (!isObject(raw)) {
    return null;
  }
  const value = raw[key];
  return typeof value === 'string' && value.trim() !== '' ? clip(value.trim(), 300) : null;
};

const prepareRow = (format: CatalogFileFormat, raw: unknown, rowNo: number): PreparedRow => {
  if (format === 'national') {
    const result = normalizeNationalRecord(raw);
    if (result.status === 'rejected') {
      return {
        rowNo,
        status: 'rejected',
        issues: result.reasons,
        code: result.code ?? readRawText(raw, 'code'),
        name: readRawText(raw, 'name'),
      };
    }
    return {
      rowNo,
      status: result.status,
      content: result.content,
      issues: result.repairs,
      code: null,
      name: clip(result.content.name, 300),
    };
  }
  if (!isObject(raw) || raw.content === undefined) {
    return { rowNo, status: 'rejected', issues: [recordNotObjectIssue()], code: readRawText(raw, 'code'), name: null };
  }
  const parsed = ProcedureVersionContent.safeParse(raw.content);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`)
      .join('; ');
    return {
      rowNo,
      status: 'rejected',
      issues: [contentInvalidIssue(detail)],
      code: readRawText(raw, 'code'),
      name: readRawText(raw.content, 'name'),
    };
  }
  return { rowNo, status: 'ok', content: parsed.data, issues: [], code: null, name: clip(parsed.data.name, 300) };
};

/**
 * Fields a province sets on its own copy of a procedure (the national data has none of them): the
 * internal process, boundary-free receipt, automatic acceptance, the clock rule on supplements, its
 * online level, and its e-form and result template when it has them. A national-format import into a
 * province catalog (a file, or the pull from the national portal) keeps them from the current
 * version, so refreshing the published data does not wipe the province's configuration.
 */
const carryProvinceFields = (
  imported: ProcedureVersionContent,
  current: ProcedureVersionContent,
): ProcedureVersionContent | undefined => {
  const merged: ProcedureVersionContent = {
    ...imported,
    processSteps: current.processSteps,
    boundaryFree: current.boundaryFree,
    autoAccept: current.autoAccept,
    clockOnSupplement: current.clockOnSupplement,
    onlineLevel: current.onlineLevel,
    ...(current.applicationForm === undefined ? {} : { applicationForm: current.applicationForm }),
    ...(current.resultTemplate === undefined ? {} : { resultTemplate: current.resultTemplate }),
  };
  return ProcedureVersionContent.safeParse(merged).success ? merged : undefined;
};

const processStepsDroppedIssue = (): CatalogIssue => ({
  code: 'PROVINCE_SETTINGS_NOT_CARRIED',
  severity: 'warning',
  field: 'processSteps',
  message: {
    vi: 'Quy trình nội bộ và các thiết lập của tỉnh không còn phù hợp với nội dung mới (ví dụ thời hạn ngắn hơn) nên không được giữ lại; cần thiết lập lại.',
    en: "The province's internal process and settings no longer fit the new content (e.g. a shorter time limit) and were not carried over; set them again.",
  },
});

// --- the import --------------------------------------------------------------------------------------

export type CatalogImportProgress = Pick<
  CatalogImportTotals,
  'rows' | 'processed' | 'created' | 'updated' | 'unchanged' | 'rejected'
>;

export type CatalogImportInput = {
  catalog: string;
  file: CatalogFile;
  fileName: string | null;
  actorUserId: string | null;
  /** Vietnam date new versions take effect from (the import day). */
  today: string;
  now: Date;
  batchSize?: number;
  onProgress?: (progress: CatalogImportProgress) => void;
};

export const DEFAULT_IMPORT_BATCH_SIZE = 250;

const emptyTotals = (rows: number): CatalogImportTotals => ({
  rows,
  processed: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  ok: 0,
  repaired: 0,
  issues: [],
});

type IssueCount = CatalogImportTotals['issues'][number];

const withIssueCounts = (totals: CatalogImportTotals, counts: Map<string, IssueCount>): CatalogImportTotals => ({
  ...totals,
  issues: [...counts.values()].sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1)),
});

type BatchResult = { rows: NewCatalogImportRow[] };

const importBatch = async (
  trx: Db,
  input: CatalogImportInput & { importId: string },
  batch: PreparedRow[],
  seen: Map<string, number>,
): Promise<BatchResult> => {
  await lockCatalogForImport(trx, input.catalog);
  const { catalog } = input;
  const coded = batch.map((row) => ({
    row,
    code: row.content === undefined ? undefined : findCatalogCode(catalog, row.content),
  }));
  const codes = [...new Set(coded.flatMap(({ code }) => (code === undefined ? [] : [code])))];
  const targets = new Map<string, ImportTarget>(
    (await listProceduresForImport(trx, { catalog, codes, withContent: catalog !== 'national' })).map((t) => [
      t.code,
      t,
    ]),
  );

  const procedures: NewProcedureRow[] = [];
  const versions: NewProcedureVersion[] = [];
  const closing: { id: string; effectiveTo: string }[] = [];
  const rows: NewCatalogImportRow[] = [];

  const report = (
    row: PreparedRow,
    code: string | null,
    outcome: CatalogImportOutcome,
    versionNo: number | null,
    extra: CatalogIssue[] = [],
  ) => {
    rows.push({
      importId: input.importId,
      rowNo: row.rowNo,
      catalog,
      code,
      name: row.name,
      outcome,
      normalizerStatus: row.status,
      versionNo,
      issues: [...row.issues, ...extra],
    });
  };

  for (const { row, code } of coded) {
    if (row.content === undefined) {
      report(row, row.code, 'rejected', null);
      continue;
    }
    if (code === undefined) {
      report(row, null, 'rejected', null, [codeRequiredIssue()]);
      continue;
    }
    const firstRow = seen.get(code);
    if (firstRow !== undefined) {
      report(row, code, 'rejected', null, [duplicateInFileIssue(code, firstRow)]);
      continue;
    }
    seen.set(code, row.rowNo);

    const target = targets.get(code);
    let content = row.content;
    const extra: CatalogIssue[] = [];
    if (target?.currentContent && input.file.format === 'national') {
      const carried = carryProvinceFields(content, target.currentContent);
      if (carried) {
        content = carried;
      } else {
        extra.push(processStepsDroppedIssue());
      }
    }
    const hash = hashProcedureContent(content);
    if (target && target.currentHash === hash) {
      report(row, code, 'unchanged', target.currentVersionNo, extra);
      continue;
    }
    // A version published on import takes effect on the import day; if the current one is dated
    // later (published ahead of time), the new one takes effect with it and supersedes it at once.
    const effectiveFrom =
      target?.effectiveFrom && target.effectiveFrom > input.today ? target.effectiveFrom : input.today;
    const versionNo = target ? target.maxVersionNo + 1 : 1;
    const procedureId = target?.id ?? randomUUID();
    const versionId = randomUUID();
    procedures.push({
      id: procedureId,
      catalog,
      code,
      ...describeProcedureListing(content),
      current: { currentVersionId: versionId, currentVersionNo: versionNo, effectiveFrom },
    });
    versions.push({
      id: versionId,
      procedureId,
      catalog,
      versionNo,
      status: 'published',
      content,
      contentHash: hash,
      effectiveFrom,
      source: 'import',
      importId: input.importId,
      createdBy: input.actorUserId,
      publishedBy: input.actorUserId,
      publishedAt: input.now,
    });
    if (target?.currentVersionId) {
      closing.push({ id: target.currentVersionId, effectiveTo: addDaysToDate(effectiveFrom, -1) });
    }
    report(row, code, target ? 'updated' : 'created', versionNo, extra);
  }

  await upsertProcedures(trx, procedures);
  await insertProcedureVersions(trx, versions);
  await closeProcedureVersions(trx, closing);
  await insertCatalogImportRows(trx, rows);
  return { rows };
};

/**
 * Imports a catalog file in batches, each in its own transaction (or all in the caller's
 * transaction when `db` is one): every record is normalised; rejected records are reported and
 * never stop the file; a record whose content differs from the current published version becomes
 * a new published version (the old one ends the day before), an identical one is `unchanged`, so
 * importing the same file twice changes nothing. Every row's outcome and issues are kept in
 * catalog_import_row; totals are updated after each batch, so a running import shows progress.
 */
export const runCatalogImport = async (db: Db, input: CatalogImportInput): Promise<CatalogImportRecord> => {
  const batchSize = input.batchSize ?? DEFAULT_IMPORT_BATCH_SIZE;
  const importId = randomUUID();
  let totals = emptyTotals(input.file.records.length);
  await insertCatalogImport(db, {
    id: importId,
    catalog: input.catalog,
    fileName: input.fileName,
    actorUserId: input.actorUserId,
    totals,
  });
  const seen = new Map<string, number>();
  const issueCounts = new Map<string, IssueCount>();
  try {
    for (let start = 0; start < input.file.records.length; start += batchSize) {
      const batch = input.file.records
        .slice(start, start + batchSize)
        .map((raw, index) => prepareRow(input.file.format, raw, start + index + 1));
      const work = async (trx: Db) => {
        const { rows } = await importBatch(trx, { ...input, importId }, batch, seen);
        const next = { ...totals, processed: totals.processed + rows.length };
        for (const row of rows) {
          next[row.outcome] += 1;
          if (row.normalizerStatus !== 'rejected') {
            next[row.normalizerStatus] += 1;
          }
          for (const code of new Set(row.issues.map((issue) => issue.code))) {
            const severity = row.issues.find((issue) => issue.code === code)?.severity ?? 'info';
            const entry = issueCounts.get(code) ?? { code, severity, count: 0 };
            entry.count += 1;
            issueCounts.set(code, entry);
          }
        }
        const withIssues = withIssueCounts(next, issueCounts);
        await updateCatalogImport(trx, { id: importId, totals: withIssues });
        return withIssues;
      };
      totals = db.isTransaction ? await work(db) : await (db as Kysely<Database>).transaction().execute(work);
      input.onProgress?.({
        rows: totals.rows,
        processed: totals.processed,
        created: totals.created,
        updated: totals.updated,
        unchanged: totals.unchanged,
        rejected: totals.rejected,
      });
    }
  } catch (error) {
    // Batches already committed stay: they are complete, consistent versions. The import says where
    // it stopped; running it again continues (unchanged rows are skipped).
    const failure = clip(error instanceof Error ? error.message : String(error), 500);
    await updateCatalogImport(db, {
      id: importId,
      totals,
      status: 'failed',
      finishedAt: new Date(),
      failure,
    }).catch(() => undefined);
    throw error;
  }
  const finished = await updateCatalogImport(db, {
    id: importId,
    totals,
    status: 'completed',
    finishedAt: new Date(),
  });
  if (!finished) {
    throw new Error(`catalog import ${importId} vanished`);
  }
  return finished;
};

// --- API use-cases -------------------------------------------------------------------------------------

/**
 * Imports a catalog sent as a JSON body into a province catalog (the caller's province by default).
 * Runs to completion within the request: the national file (2,642 records) takes seconds.
 */
export const importProceduresFromBody = async (
  ctx: AppContext,
  actor: Actor,
  input: { body: unknown; catalog?: string | undefined; fileName?: string | undefined },
): Promise<CatalogImportRecord> => {
  const catalog = input.catalog ?? (actor.kind === 'official' ? actor.provinceCode : null) ?? '';
  const official = authorizeCatalogWrite(actor, catalog);
  let file: CatalogFile;
  try {
    file = readCatalogFile(input.body);
  } catch (error) {
    if (error instanceof CatalogFileError) {
      throw new AppError('IMPORT_FILE_INVALID', { reason: error.reason });
    }
    throw error;
  }
  return runCatalogImport(ctx.db, {
    catalog,
    file,
    fileName: input.fileName ?? null,
    actorUserId: official.userId,
    today: todayInVietnam(ctx.clock),
    now: ctx.clock.now(),
  });
};

export const getCatalogImport = async (ctx: AppContext, actor: Actor, id: string): Promise<CatalogImportRecord> => {
  const found = await findCatalogImport(ctx.db, id);
  if (!found) {
    if (actor.kind !== 'official') {
      throw new AppError('UNAUTHENTICATED');
    }
    throw notFound(CATALOG_IMPORT);
  }
  authorizeImportRead(actor, found.catalog);
  return found;
};

export const listCatalogImportReportRows = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    id: string;
    outcome?: CatalogImportOutcome | undefined;
    status?: NormalizerStatus | undefined;
    page: number;
    pageSize: number;
  },
) => {
  await getCatalogImport(ctx, actor, input.id);
  return listCatalogImportRows(ctx.db, {
    importId: input.id,
    outcome: input.outcome,
    normalizerStatus: input.status,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
};

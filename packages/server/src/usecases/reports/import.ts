import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { text as streamText } from 'node:stream/consumers';
import {
  type Database,
  type DossierImportIssueJson,
  type DossierImportTotals,
  ensureSeries,
  findAgenciesByCodes,
  findCodesImportedBy,
  findProceduresForImport,
  findSeriesByKeys,
  type HistoricalDossierRow,
  insertDossierImport,
  insertDossierImportIssues,
  updateDossierImport,
  updateDossierImportProgress,
  upsertHistoricalDossiers,
} from '@motcua/db';
import {
  buildAgencySeriesKey,
  buildProcedureSeriesKey,
  foldVietnamese,
  getStatisticsLevel,
  type HistoricalDossierInput,
  type ImportField,
  type ImportIssue,
  mapImportColumns,
  type RawImportRow,
  type SeriesAgency,
  type StatisticsLevel,
  toCellText,
  validateImportRow,
} from '@motcua/domain';
import { parse as parseCsv } from 'csv-parse';
import type { Kysely } from 'kysely';
import type { FileStorage } from '../../storage/file-storage.js';

/** Why a file cannot be imported at all (nothing imported). */
export class DossierImportFileError extends Error {
  override readonly name = 'DossierImportFileError';
  constructor(readonly reason: { vi: string; en: string }) {
    super(reason.en);
  }
}

/** Why a run stopped before the end of its file (the server shut down); what was written stays. */
export const IMPORT_INTERRUPTED = {
  vi: 'Lần nhập bị dừng giữa chừng vì máy chủ dừng hoạt động. Hãy nhập lại tệp: nhập lại không làm trùng số liệu.',
  en: 'The import stopped part-way because the server shut down. Import the file again: re-importing never counts a row twice.',
} as const;

export class DossierImportInterruptedError extends Error {
  override readonly name = 'DossierImportInterruptedError';
  constructor() {
    super(IMPORT_INTERRUPTED.en);
  }
}

export type ImportRecord = { rowNo: number; values: Record<string, unknown> };

const detectDelimiter = (firstLine: string): string => {
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[0] ?? ',';
};

/** The kinds of file an import reads (docs/import-format.md), named by their extension. */
export type ImportFileKind = '.csv' | '.json' | '.jsonl' | '.ndjson';

/** A file to import: its kind, and how to read it from the start (each call a new stream). */
export type ImportSource = { kind: ImportFileKind; open: () => Promise<Readable> };

/** A file on this machine (the command line), read as its extension says (CSV otherwise). */
export const importSourceFromPath = (path: string): ImportSource => {
  const lower = path.toLowerCase();
  const kind = (['.jsonl', '.ndjson', '.json'] as const).find((extension) => lower.endsWith(extension)) ?? '.csv';
  return { kind, open: async () => createReadStream(path) };
};

/** A file kept in the file store (an upload), by its address. */
export const importSourceFromStore = (storage: FileStorage, sha256: string, kind: ImportFileKind): ImportSource => ({
  kind,
  open: async () => {
    const stream = await storage.open(sha256);
    if (!stream) {
      throw new DossierImportFileError({
        vi: 'Không tìm thấy tệp đã tải lên trong kho tệp; hãy tải tệp lên lại.',
        en: 'The uploaded file is missing from the file store; upload it again.',
      });
    }
    return stream;
  },
});

/** The first line of a stream (at most 64 KB of it), without reading the rest. */
const readFirstLine = async (stream: Readable): Promise<string> => {
  let text = '';
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of stream) {
      text += decoder.decode(chunk as Buffer, { stream: true });
      if (text.includes('\n') || text.length >= 64 * 1024) {
        break;
      }
    }
  } finally {
    stream.destroy();
  }
  return text.split(/\r?\n/)[0] ?? '';
};

/**
 * Reads an import file as records, streaming: CSV (UTF-8, with or without BOM; comma, semicolon or
 * tab separated; a header row), JSON Lines (.jsonl/.ndjson: one object per line), or a JSON array
 * (.json: `[...]` or `{ "dossiers": [...] }`, read whole — use CSV or JSON Lines for big files).
 * A path is a file of this machine; an upload is read from the file store (`importSourceFromStore`).
 */
export async function* readImportFile(
  file: string | ImportSource,
  options: { onRead?: (bytes: number) => void } = {},
): AsyncGenerator<ImportRecord> {
  const source = typeof file === 'string' ? importSourceFromPath(file) : file;
  const counted = <T extends NodeJS.ReadableStream>(stream: T): T => {
    const { onRead } = options;
    if (onRead) {
      stream.on('data', (chunk: Buffer | string) =>
        onRead(typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length),
      );
    }
    return stream;
  };
  if (source.kind === '.jsonl' || source.kind === '.ndjson') {
    // Numbered by the line of the file (blank lines count), as an editor shows it.
    let rowNo = 0;
    const lines = createInterface({
      input: counted((await source.open()).setEncoding('utf8')),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of lines) {
      rowNo += 1;
      if (line.trim() === '') {
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(line.replace(/^\uFEFF/, ''));
      } catch {
        yield { rowNo, values: { __invalid: 'json' } };
        continue;
      }
      yield {
        rowNo,
        values:
          value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : { __invalid: 'json' },
      };
    }
    return;
  }
  if (source.kind === '.json') {
    const stream = await source.open();
    let parsed: unknown;
    try {
      const text = await streamText(stream);
      options.onRead?.(Buffer.byteLength(text));
      parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      throw new DossierImportFileError({ vi: 'Tệp JSON không đọc được.', en: 'The JSON file cannot be parsed.' });
    }
    const items = Array.isArray(parsed)
      ? parsed
      : parsed !== null && typeof parsed === 'object' && Array.isArray((parsed as { dossiers?: unknown }).dossiers)
        ? (parsed as { dossiers: unknown[] }).dossiers
        : undefined;
    if (!items) {
      throw new DossierImportFileError({
        vi: 'Tệp JSON phải là một mảng hồ sơ hoặc { "dossiers": [...] }.',
        en: 'The JSON file must be an array of dossiers or { "dossiers": [...] }.',
      });
    }
    let rowNo = 0;
    for (const item of items) {
      rowNo += 1;
      yield {
        rowNo,
        values: item !== null && typeof item === 'object' ? (item as Record<string, unknown>) : { __invalid: 'json' },
      };
    }
    return;
  }
  // CSV: sniff the delimiter from the header line.
  const head = await readFirstLine(await source.open());
  // Arrays, not objects: csv-parse builds records several times faster that way (a million rows).
  const parser = counted(await source.open()).pipe(
    parseCsv({
      bom: true,
      delimiter: detectDelimiter(head),
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }),
  );
  let header: string[] | undefined;
  for await (const { record: cells, info } of parser as AsyncIterable<{
    record: string[];
    info: { records: number; empty_lines: number };
  }>) {
    if (!header) {
      header = cells.map((cell) => cell.trim());
      continue;
    }
    // The row as a spreadsheet shows the file: the header is row 1, an empty line is a row, and a
    // quoted cell that spans lines stays one row.
    const rowNo = info.records + info.empty_lines;
    const values: Record<string, string> = {};
    header.forEach((name, index) => {
      values[name] = cells[index] ?? '';
    });
    yield { rowNo, values };
  }
}

/** Records from an in-memory array (API body, tests). */
export async function* readImportRecords(items: readonly Record<string, unknown>[]): AsyncGenerator<ImportRecord> {
  let rowNo = 0;
  for (const item of items) {
    rowNo += 1;
    yield { rowNo, values: item };
  }
}

export type DossierImportProgress = DossierImportTotals & { id: string };

export type DossierImportReport = { id: string; status: 'completed' | 'failed'; totals: DossierImportTotals };

type Prepared = { rowNo: number; input: HistoricalDossierInput; issues: ImportIssue[] };

const emptyTotals = (): DossierImportTotals => ({
  rows: 0,
  imported: 0,
  created: 0,
  replaced: 0,
  rejected: 0,
  warnings: 0,
  issues: [],
});

const countIssues = (totals: DossierImportTotals, issues: readonly ImportIssue[]) => {
  for (const issue of issues) {
    const entry = totals.issues.find((i) => i.code === issue.code && i.severity === issue.severity);
    if (entry) {
      entry.count += 1;
    } else {
      totals.issues.push({ code: issue.code, severity: issue.severity, count: 1 });
    }
  }
};

const toJson = (issues: readonly ImportIssue[]): DossierImportIssueJson[] =>
  issues.map((i) => ({ severity: i.severity, field: i.field, code: i.code, message: i.message }));

const agencyOf = (
  code: string | null,
  name: string | null,
  known: Map<
    string,
    { id: string; name: string; kind: string; adminUnitLevel: string | null; provinceCode: string | null }
  >,
): {
  ref: SeriesAgency;
  found?: { id: string; kind: string; adminUnitLevel: string | null; provinceCode: string | null };
} => {
  const found = code ? known.get(code) : undefined;
  if (found) {
    return { ref: { id: found.id }, found };
  }
  const label = code ?? name ?? '';
  return { ref: { code: label, name: name ?? label } };
};

/**
 * Imports historical dossiers (docs/import-format.md) batch by batch: validates every row (errors
 * reject the row, warnings are kept), links agencies and procedures by code where motcua knows
 * them, writes the rows and their statistics in one transaction per batch, and records the run
 * and every problem row. Re-importing a file replaces its rows and their counts (idempotent).
 */
export const runDossierImport = async (
  db: Kysely<Database>,
  input: {
    records: AsyncIterable<ImportRecord>;
    provinceCode?: string | undefined;
    fileName: string | null;
    actorUserId: string | null;
    now: Date;
    batchSize?: number;
    onProgress?: (progress: DossierImportProgress) => void;
    /** A run recorded beforehand (an upload answers its id before the file is read). */
    importId?: string;
    /** Rows of another province than `provinceCode` are rejected (imports started by a province's administrator). */
    onlyProvince?: boolean;
    /** Stops the run between two rows (a server shutting down): it is marked failed, interrupted. */
    signal?: AbortSignal;
    /** How often the totals so far and the heartbeat are written while the file is read (default 2 s). */
    progressIntervalMs?: number;
    /** The file's size and how much of it the reader has read, for a progress bar. */
    fileBytes?: number;
    bytesRead?: () => number;
    /**
     * A run taken up again (by another process, after a shutdown): the first `recordsDone` records are
     * skipped, their outcome committed already, and the totals go on from those committed with them.
     */
    resume?: { recordsDone: number; totals: Partial<DossierImportTotals> };
    /**
     * What a stop by `signal` leaves: a failed run (default), or a running one that the caller gives back
     * to the queue (`keep`) — a resumed run continues after its committed batches.
     */
    onInterrupt?: 'fail' | 'keep';
  },
): Promise<DossierImportReport> => {
  const id =
    input.importId ??
    (await insertDossierImport(db, {
      provinceCode: input.provinceCode ?? null,
      fileName: input.fileName,
      actorUserId: input.actorUserId,
      now: input.now,
    }));
  const skip = input.resume?.recordsDone ?? 0;
  const totals: DossierImportTotals = { ...emptyTotals(), ...input.resume?.totals, rows: skip };
  if (input.fileBytes !== undefined) {
    totals.fileBytes = input.fileBytes;
    totals.bytesRead = 0;
  }
  const readSoFar = () => {
    if (input.bytesRead) {
      totals.bytesRead = input.bytesRead();
    }
  };
  const batchSize = input.batchSize ?? 5000;
  let columns: Map<string, ImportField> | undefined;
  let unknownColumns: string[] = [];
  let batch: Prepared[] = [];
  const rejected: { rowNo: number; code: string | null; issues: ImportIssue[] }[] = [];
  const unknownAgencies = new Map<string, number>(Object.entries(input.resume?.totals.agencyMisses ?? {}));
  // Records read from the file, committed or not (the batch that commits them records how many).
  let consumed = 0;

  // Progress between batches: rows read so far, and the heartbeat that tells a live run from one
  // whose process stopped. Never written while a batch is (the batch writes the totals itself), and
  // a write in flight is awaited first, so an older snapshot never lands after a newer one.
  let writing: Promise<void> = Promise.resolve();
  let batchOpen = false;
  const writeProgress = () => {
    if (batchOpen) {
      return;
    }
    readSoFar();
    const snapshot: DossierImportTotals = { ...totals, issues: totals.issues.map((i) => ({ ...i })) };
    writing = writing.then(() => updateDossierImportProgress(db, { id, totals: snapshot })).catch(() => undefined);
  };
  const progressTimer = setInterval(writeProgress, input.progressIntervalMs ?? 2000);
  progressTimer.unref();
  const holdProgress = async () => {
    batchOpen = true;
    await writing;
  };

  const flush = async () => {
    await holdProgress();
    const rows = batch;
    const rejectedRows = rejected.splice(0);
    batch = [];
    // A code twice in one file: the first row is kept.
    const byProvince = new Map<string, Prepared[]>();
    for (const row of rows) {
      const list = byProvince.get(row.input.provinceCode);
      if (list) {
        list.push(row);
      } else {
        byProvince.set(row.input.provinceCode, [row]);
      }
    }
    const accepted: Prepared[] = [];
    for (const [province, list] of byProvince) {
      const earlier = await findCodesImportedBy(db, {
        importId: id,
        provinceCode: province,
        codes: list.map((r) => r.input.code),
      });
      const seen = new Set<string>();
      for (const row of list) {
        if (earlier.has(row.input.code) || seen.has(row.input.code)) {
          rejectedRows.push({
            rowNo: row.rowNo,
            code: row.input.code,
            issues: [
              ...row.issues,
              {
                severity: 'error',
                field: 'code',
                code: 'DUPLICATE_IN_FILE',
                message: {
                  vi: `Mã hồ sơ ${row.input.code} đã có ở một dòng trước trong tệp; giữ dòng đầu tiên.`,
                  en: `Dossier code ${row.input.code} already appears earlier in the file; the first row is kept.`,
                },
              },
            ],
          });
        } else {
          seen.add(row.input.code);
          accepted.push(row);
        }
      }
    }
    const agencies = await findAgenciesByCodes(
      db,
      accepted.flatMap((r) => [r.input.agencyCode, r.input.receivingAgencyCode]).filter((c): c is string => c !== null),
    );
    const procedures = new Map<string, Awaited<ReturnType<typeof findProceduresForImport>>>();
    for (const province of byProvince.keys()) {
      procedures.set(
        province,
        await findProceduresForImport(db, {
          provinceCode: province,
          codes: accepted
            .filter((r) => r.input.provinceCode === province)
            .flatMap((r) => (r.input.procedureCode ? [r.input.procedureCode] : [])),
        }),
      );
    }
    type Planned = {
      row: Prepared;
      key: string;
      parentKey: string;
      series: Parameters<typeof ensureSeries>[1];
      parent: Parameters<typeof ensureSeries>[1];
      out: Omit<HistoricalDossierRow, 'seriesId'>;
    };
    const planned: Planned[] = [];
    for (const row of accepted) {
      const r = row.input;
      const handling = agencyOf(r.agencyCode, r.agencyName, agencies);
      const receiving =
        r.receivingAgencyCode || r.receivingAgencyName
          ? agencyOf(r.receivingAgencyCode, r.receivingAgencyName, agencies)
          : handling;
      if (handling.found?.provinceCode && handling.found.provinceCode !== r.provinceCode) {
        rejectedRows.push({
          rowNo: row.rowNo,
          code: r.code,
          issues: [
            ...row.issues,
            {
              severity: 'error',
              field: 'agencyCode',
              code: 'AGENCY_OTHER_PROVINCE',
              message: {
                vi: `Cơ quan ${r.agencyCode} thuộc tỉnh ${handling.found.provinceCode}, không thuộc tỉnh ${r.provinceCode}.`,
                en: `Agency ${r.agencyCode} belongs to province ${handling.found.provinceCode}, not ${r.provinceCode}.`,
              },
            },
          ],
        });
        continue;
      }
      if (r.agencyCode && !handling.found) {
        // Said once per agency for the whole file (totals), not on every row of it.
        unknownAgencies.set(r.agencyCode, (unknownAgencies.get(r.agencyCode) ?? 0) + 1);
      }
      const level: StatisticsLevel =
        r.agencyLevel ??
        (handling.found
          ? getStatisticsLevel({ kind: handling.found.kind, adminUnitLevel: handling.found.adminUnitLevel })
          : 'province');
      const catalog = r.procedureCode ? procedures.get(r.provinceCode)?.get(r.procedureCode) : undefined;
      const procedureName = r.procedureName ?? catalog?.name ?? null;
      const fieldName = r.fieldName ?? catalog?.fieldName ?? null;
      const onlineFull = r.onlineFull ?? catalog?.onlineFull ?? false;
      const replaceable = r.replaceable ?? false;
      const procedureCode =
        r.procedureCode ?? (procedureName ? `ten:${foldVietnamese(procedureName).slice(0, 50)}` : '-');
      const variant = [
        procedureCode,
        level,
        onlineFull ? 'full' : '-',
        replaceable ? 'repl' : '-',
        foldVietnamese(fieldName ?? ''),
      ].join('~');
      const key = buildProcedureSeriesKey({
        provinceCode: r.provinceCode,
        handling: handling.ref,
        receiving: receiving.ref,
        procedure: { code: variant },
        channel: r.channel,
      });
      const agencyIdentity = {
        provinceCode: r.provinceCode,
        handling: handling.ref,
        receiving: receiving.ref,
        level,
        channel: r.channel,
        onlineFull,
        replaceable,
      };
      const common = {
        provinceCode: r.provinceCode,
        handlingAgencyId: 'id' in handling.ref ? handling.ref.id : null,
        handlingAgencyCode: 'id' in handling.ref ? null : handling.ref.code,
        handlingAgencyName: 'id' in handling.ref ? null : handling.ref.name,
        receivingAgencyId: 'id' in receiving.ref ? receiving.ref.id : null,
        receivingAgencyCode: 'id' in receiving.ref ? null : receiving.ref.code,
        receivingAgencyName: 'id' in receiving.ref ? null : receiving.ref.name,
        level,
        channel: r.channel,
        onlineFull,
        replaceable,
      };
      const parentKey = buildAgencySeriesKey(agencyIdentity);
      planned.push({
        row,
        key,
        parentKey,
        parent: { ...common, grain: 'agency', key: parentKey },
        series: { ...common, grain: 'procedure', key, procedureCode: r.procedureCode, procedureName, fieldName },
        out: {
          provinceCode: r.provinceCode,
          code: r.code,
          handlingAgencyId: common.handlingAgencyId,
          receivingAgencyId: common.receivingAgencyId,
          procedureCode: r.procedureCode,
          procedureName,
          fieldName,
          channel: r.channel,
          status: r.status,
          receivedAt: r.receivedAt === null ? null : new Date(r.receivedAt),
          legalDueAt: r.dueAt === null ? null : new Date(r.dueAt),
          completedAt: r.completedAt === null ? null : new Date(r.completedAt),
          completionClass: r.completionClass,
          returnedAt: r.returnedAt === null ? null : new Date(r.returnedAt),
          closedAt: r.closedAt === null ? null : new Date(r.closedAt),
          fromData: r.fromData,
          applicantName: r.applicantName,
          applicantAddress: r.applicantAddress,
          applicantPhone: r.applicantPhone,
          summary: r.summary,
          sets: r.sets,
          receiver: r.receiver,
          note: r.note,
        },
      });
    }
    await db.transaction().execute(async (trx) => {
      const known = await findSeriesByKeys(
        trx,
        planned.map((p) => p.key),
      );
      for (const p of planned) {
        if (!known.has(p.key)) {
          const parentId = await ensureSeries(trx, p.parent);
          const seriesId = await ensureSeries(trx, { ...p.series, parentId });
          known.set(p.key, { id: seriesId, parentId });
        }
      }
      const result = await upsertHistoricalDossiers(trx, {
        importId: id,
        rows: planned.map((p) => ({ ...p.out, seriesId: known.get(p.key)?.id ?? 0 })),
      });
      totals.created += result.created;
      totals.replaced += result.replaced;
      totals.imported += planned.length;
      totals.rejected += rejectedRows.length;
      for (const p of planned) {
        countIssues(totals, p.row.issues);
        if (p.row.issues.length > 0) {
          totals.warnings += 1;
        }
      }
      for (const r of rejectedRows) {
        countIssues(totals, r.issues);
      }
      await insertDossierImportIssues(trx, [
        ...planned
          .filter((p) => p.row.issues.length > 0)
          .map((p) => ({
            importId: id,
            rowNo: p.row.rowNo,
            code: p.out.code,
            outcome: 'imported' as const,
            issues: toJson(p.row.issues),
          })),
        ...rejectedRows.map((r) => ({
          importId: id,
          rowNo: r.rowNo,
          code: r.code,
          outcome: 'rejected' as const,
          issues: toJson(r.issues),
        })),
      ]);
      readSoFar();
      totals.agencyMisses = Object.fromEntries(unknownAgencies);
      await updateDossierImport(trx, { id, totals, now: new Date(), recordsDone: consumed });
    });
    batchOpen = false;
    input.onProgress?.({ id, ...totals });
  };

  try {
    for await (const record of input.records) {
      if (input.signal?.aborted) {
        throw new DossierImportInterruptedError();
      }
      consumed += 1;
      if (consumed <= skip) {
        // Done by an earlier attempt; only the column names of the first record are needed again.
        if (!columns && !('__invalid' in record.values)) {
          const mapped = mapImportColumns(Object.keys(record.values));
          columns = mapped.fields;
          unknownColumns = mapped.unknown;
        }
        continue;
      }
      totals.rows += 1;
      if ('__invalid' in record.values) {
        rejected.push({
          rowNo: record.rowNo,
          code: null,
          issues: [
            {
              severity: 'error',
              field: 'row',
              code: 'ROW_UNREADABLE',
              message: { vi: 'Dòng không phải một đối tượng JSON hợp lệ.', en: 'The line is not a valid JSON object.' },
            },
          ],
        });
        continue;
      }
      if (!columns) {
        const mapped = mapImportColumns(Object.keys(record.values));
        columns = mapped.fields;
        unknownColumns = mapped.unknown;
        if (![...columns.values()].includes('code')) {
          throw new DossierImportFileError({
            vi: 'Tệp không có cột mã hồ sơ (code / ma_ho_so / MaHoSo).',
            en: 'The file has no dossier code column (code / ma_ho_so / MaHoSo).',
          });
        }
      }
      const raw: RawImportRow = {};
      for (const [name, value] of Object.entries(record.values)) {
        let field = columns.get(name);
        if (!field && !unknownColumns.includes(name)) {
          // JSON objects may carry keys the first object did not.
          field = mapImportColumns([name]).fields.get(name);
        }
        if (field) {
          raw[field] = toCellText(value);
        }
      }
      const { row, issues } = validateImportRow(raw, { defaultProvince: input.provinceCode });
      if (!row) {
        rejected.push({ rowNo: record.rowNo, code: raw.code ?? null, issues });
      } else if (input.onlyProvince && row.provinceCode !== input.provinceCode) {
        rejected.push({
          rowNo: record.rowNo,
          code: row.code,
          issues: [
            ...issues,
            {
              severity: 'error',
              field: 'province',
              code: 'PROVINCE_OTHER',
              message: {
                vi: `Hồ sơ thuộc tỉnh ${row.provinceCode}, không thuộc tỉnh ${input.provinceCode} của lần nhập này.`,
                en: `The dossier belongs to province ${row.provinceCode}, not to province ${input.provinceCode} of this import.`,
              },
            },
          ],
        });
      } else {
        batch.push({ rowNo: record.rowNo, input: row, issues: [...issues] });
      }
      if (batch.length >= batchSize || rejected.length >= batchSize) {
        await flush();
      }
    }
    await flush();
    if (unknownAgencies.size > 0) {
      // Agencies not in motcua: their rows are counted under the file's code and name, and only
      // province-wide readers see them until the agency exists (then a re-import links them).
      totals.issues.push({
        code: 'AGENCY_NOT_IN_MOTCUA',
        severity: 'warning',
        count: [...unknownAgencies.values()].reduce((sum, n) => sum + n, 0),
      });
      totals.unknownAgencies = [...unknownAgencies.keys()].slice(0, 200);
    }
    if (unknownColumns.length > 0) {
      totals.issues.push({
        code: `IGNORED_COLUMNS:${unknownColumns.slice(0, 20).join(',')}`,
        severity: 'warning',
        count: unknownColumns.length,
      });
    }
    clearInterval(progressTimer);
    await holdProgress();
    readSoFar();
    delete totals.agencyMisses;
    await updateDossierImport(db, { id, totals, status: 'completed', now: new Date(), recordsDone: consumed });
    return { id, status: 'completed', totals };
  } catch (error) {
    clearInterval(progressTimer);
    await holdProgress();
    if (error instanceof DossierImportInterruptedError && input.onInterrupt === 'keep') {
      throw error;
    }
    // Reasons the importer states are kept in both languages (JSON); anything else as its message,
    // for the operator (readers are told only that the run stopped on an error).
    const reason =
      error instanceof DossierImportFileError
        ? JSON.stringify(error.reason)
        : error instanceof DossierImportInterruptedError
          ? JSON.stringify(IMPORT_INTERRUPTED)
          : error instanceof Error
            ? error.message
            : String(error);
    await updateDossierImport(db, { id, totals, status: 'failed', failure: reason, now: new Date() });
    throw error;
  }
};

/** Imports records given in memory (tests, small API bodies). */
export const importDossierRecords = (
  db: Kysely<Database>,
  input: Omit<Parameters<typeof runDossierImport>[1], 'records'> & { items: readonly Record<string, unknown>[] },
) => runDossierImport(db, { ...input, records: readImportRecords(input.items) });

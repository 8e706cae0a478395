import { isDeepStrictEqual } from 'node:util';
import {
  type CatalogPullRunRecord,
  findCatalogPullRun,
  findDvcqgSetting,
  finishCatalogPullRun,
  listCatalogImportRows,
  listProceduresForImport,
  updateCatalogPullProgress,
} from '@motcua/db';
import {
  type DvcqgProcedureListItem,
  type DvcqgProcedureRecord,
  DvcqgProcedureRecordSchema,
  describeDvcqgIssue,
  type ProcedureVersionContent,
  toNationalCatalogRecord,
} from '@motcua/domain';
import { openSecret } from '../../../auth/sealed-secret.js';
import { type AppContext, todayInVietnam } from '../../../context.js';
import { createDvcqgClient, type DvcqgCallResult, type DvcqgClient } from '../../../integration/dvcqg/client.js';
import { runCatalogImport } from '../../catalog/import.js';

/**
 * One pull of the national procedure catalog from the province's national portal (issue 21 item 4;
 * reform-and-eoffice.md §F): LayDanhSachTTHC lists the procedures page by page, LayThuTuc reads each one, and the
 * published ones (TRANGTHAI 1) go through the existing catalog import (usecases/catalog/import.ts) into the
 * PROVINCE catalog as national-format records (toNationalCatalogRecord), so the import's own rules apply: a
 * record identical to the current version changes nothing, a changed one becomes a new published version that
 * keeps the province's own settings (internal process, boundary-free receipt, …), every row is reported in
 * catalog_import_row. The national catalog itself changes only by the operator's import (catalog/access.ts).
 * A procedure the portal lists with TRANGTHAI ≠ 1 is reported as abolished and not imported: ending a procedure
 * in the province catalog stays a province administrator's decision.
 */

export const CATALOG_PULL_TIMEOUT_MS = 30_000;
export const CATALOG_PULL_PAGE_SIZE = 100;
/** A running pull silent this long lost its process (pulls of a province's catalog take minutes at most). */
export const CATALOG_PULL_STALE_MINUTES = 60;

export type CatalogPullChangeKind = 'created' | 'updated' | 'abolished' | 'failed';

export type CatalogPullChange = {
  code: string;
  name: string | null;
  kind: CatalogPullChangeKind;
  /** updated: the fields of the procedure's content that changed (e.g. name, channels, components). */
  fields?: string[];
  /** abolished: whether the province catalog holds the procedure (then a province administrator ends it). */
  inCatalog?: boolean;
  /** failed: why (the portal's answer, the field that failed validation, or the import's reason). */
  reason?: string;
};

export type CatalogPullSummary = {
  listed: number;
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  abolished: number;
  failed: number;
  changes: CatalogPullChange[];
};

export const emptyCatalogPullSummary = (): CatalogPullSummary => ({
  listed: 0,
  fetched: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  abolished: 0,
  failed: 0,
  changes: [],
});

/** The top-level fields of a procedure's content that differ between two versions, in the content's order. */
export const findChangedFields = (before: ProcedureVersionContent, after: ProcedureVersionContent): string[] => {
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return keys.filter(
    (key) => !isDeepStrictEqual((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key]),
  );
};

const describeCall = (service: string, result: DvcqgCallResult): string =>
  `${service}: ${result.reason}${result.errorCode === null ? '' : ` (error_code ${result.errorCode})`}${
    result.message === null ? '' : `: ${result.message}`
  }`;

/** The pull could not list the catalog: the run fails with this reason. */
class CatalogPullError extends Error {
  override readonly name = 'CatalogPullError';
}

/** The province's portal client, from its saved connection; throws CatalogPullError when it is incomplete. */
const openProvinceClient = async (ctx: AppContext, provinceCode: string): Promise<DvcqgClient> => {
  const setting = await findDvcqgSetting(ctx.db, provinceCode);
  if (
    !setting?.endpointUrl ||
    !setting.authUrl ||
    !setting.username ||
    !setting.secretCiphertext ||
    !setting.dstCode ||
    !setting.unitCode
  ) {
    throw new CatalogPullError('the national portal connection is not configured for this province');
  }
  return createDvcqgClient({
    endpointUrl: setting.endpointUrl,
    authUrl: setting.authUrl,
    username: setting.username,
    password: await openSecret(ctx, 'dvcqg-password', provinceCode, setting.secretCiphertext),
    dstCode: setting.dstCode,
    unitCode: setting.unitCode,
    timeoutMs: CATALOG_PULL_TIMEOUT_MS,
  });
};

const listPortalProcedures = async (client: DvcqgClient): Promise<DvcqgProcedureListItem[]> => {
  const items: DvcqgProcedureListItem[] = [];
  for (let page = 1; ; page += 1) {
    const result = await client.call<{ error_code: number; data?: unknown; total?: unknown }>({
      service: 'LayDanhSachTTHC',
      page,
      pageSize: CATALOG_PULL_PAGE_SIZE,
    });
    if (result.outcome !== 'accepted' || result.reply === null) {
      throw new CatalogPullError(describeCall('LayDanhSachTTHC', result));
    }
    const data = Array.isArray(result.reply.data) ? result.reply.data : [];
    for (const item of data) {
      if (item && typeof item.MATTHC === 'string' && item.MATTHC !== '') {
        items.push({
          MATTHC: item.MATTHC,
          TENTTHC: typeof item.TENTTHC === 'string' ? item.TENTTHC : '',
          TRANGTHAI: typeof item.TRANGTHAI === 'number' ? item.TRANGTHAI : 1,
        });
      }
    }
    const total = typeof result.reply.total === 'number' ? result.reply.total : undefined;
    if (data.length < CATALOG_PULL_PAGE_SIZE || (total !== undefined && page * CATALOG_PULL_PAGE_SIZE >= total)) {
      return items;
    }
  }
};

/**
 * Runs a recorded pull to its end (the catalog-pull job). Idempotent: a pull that is not running any more is
 * left alone, and one run again after a crash imports the same records again, which changes nothing twice.
 */
export const runCatalogPull = async (ctx: AppContext, input: { runId: string }): Promise<void> => {
  const run = await findCatalogPullRun(ctx.db, input.runId);
  if (run?.state !== 'running') {
    return;
  }
  const summary = emptyCatalogPullSummary();
  let importId: string | null = null;
  try {
    importId = await pull(ctx, run, summary);
    await finishCatalogPullRun(ctx.db, {
      id: run.id,
      state: 'completed',
      summary,
      catalogImportId: importId,
      failure: null,
      now: ctx.clock.now(),
    });
  } catch (error) {
    await finishCatalogPullRun(ctx.db, {
      id: run.id,
      state: 'failed',
      summary,
      catalogImportId: importId,
      failure: error instanceof Error ? error.message : String(error),
      now: ctx.clock.now(),
    });
  }
};

const pull = async (
  ctx: AppContext,
  run: CatalogPullRunRecord,
  summary: CatalogPullSummary,
): Promise<string | null> => {
  const catalog = run.provinceCode;
  const client = await openProvinceClient(ctx, catalog);
  const listed = await listPortalProcedures(client);
  summary.listed = listed.length;
  await updateCatalogPullProgress(ctx.db, { id: run.id, summary });

  const published: DvcqgProcedureRecord[] = [];
  const abolished: DvcqgProcedureRecord[] = [];
  for (const [index, item] of listed.entries()) {
    const result = await client.call<{ error_code: number; data?: unknown }>({
      service: 'LayThuTuc',
      maTTHC: item.MATTHC,
    });
    if (result.outcome !== 'accepted' || result.reply === null) {
      summary.failed += 1;
      summary.changes.push({
        code: item.MATTHC,
        name: item.TENTTHC || null,
        kind: 'failed',
        reason: describeCall('LayThuTuc', result),
      });
    } else {
      const parsed = DvcqgProcedureRecordSchema.safeParse(result.reply.data);
      if (!parsed.success) {
        const { field, problem } = describeDvcqgIssue(parsed.error);
        summary.failed += 1;
        summary.changes.push({
          code: item.MATTHC,
          name: item.TENTTHC || null,
          kind: 'failed',
          reason: `LayThuTuc: ${field}: ${problem}`,
        });
      } else {
        summary.fetched += 1;
        (parsed.data.TRANGTHAI === 1 ? published : abolished).push(parsed.data);
      }
    }
    if ((index + 1) % 20 === 0) {
      await updateCatalogPullProgress(ctx.db, { id: run.id, summary });
    }
  }

  const codes = [...published, ...abolished].map((record) => record.MATTHC);
  const before = new Map(
    (await listProceduresForImport(ctx.db, { catalog, codes, withContent: true })).map((target) => [
      target.code,
      target.currentContent ?? null,
    ]),
  );
  for (const record of abolished) {
    summary.abolished += 1;
    summary.changes.push({
      code: record.MATTHC,
      name: record.TENTTHC,
      kind: 'abolished',
      inCatalog: before.has(record.MATTHC),
    });
  }
  if (published.length === 0) {
    return null;
  }

  const imported = await runCatalogImport(ctx.db, {
    catalog,
    file: { format: 'national', records: published.map(toNationalCatalogRecord) },
    fileName: `Cổng DVCQG (đồng bộ danh mục ${todayInVietnam(ctx.clock)})`,
    actorUserId: run.requestedBy,
    today: todayInVietnam(ctx.clock),
    now: ctx.clock.now(),
  });
  const rows = await listCatalogImportRows(ctx.db, { importId: imported.id, limit: published.length, offset: 0 });
  const updatedCodes = rows.items
    .filter((row) => row.outcome === 'updated' && row.code !== null)
    .map((row) => row.code);
  const after = new Map(
    (await listProceduresForImport(ctx.db, { catalog, codes: updatedCodes as string[], withContent: true })).map(
      (target) => [target.code, target.currentContent ?? null],
    ),
  );
  for (const row of rows.items) {
    const record = published[row.rowNo - 1];
    const code = row.code ?? record?.MATTHC ?? '';
    const name = row.name ?? record?.TENTTHC ?? null;
    if (row.outcome === 'unchanged') {
      summary.unchanged += 1;
    } else if (row.outcome === 'created') {
      summary.created += 1;
      summary.changes.push({ code, name, kind: 'created' });
    } else if (row.outcome === 'updated') {
      summary.updated += 1;
      const old = before.get(code);
      const now = after.get(code);
      summary.changes.push({ code, name, kind: 'updated', fields: old && now ? findChangedFields(old, now) : [] });
    } else {
      summary.failed += 1;
      const reasons = row.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.message.en);
      summary.changes.push({ code, name, kind: 'failed', reason: `import: ${reasons.join('; ') || 'rejected'}` });
    }
  }
  return imported.id;
};

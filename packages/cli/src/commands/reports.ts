import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { findAgencyByCode, findProvinceCommittee, rebuildStatistics } from '@motcua/db';
import { formatPercentVi } from '@motcua/domain';
import {
  type AppContext,
  DossierImportFileError,
  type DossierImportProgress,
  getServiceIndexReport,
  getStatisticsReport,
  loadConfig,
  openConfiguredDatabase,
  openRuntimeContext,
  prepareDatabase,
  readImportFile,
  runDossierImport,
  STATISTICS_GROUPINGS,
  SyntheticSetupError,
  seedDemo,
  seedSyntheticDossiers,
} from '@motcua/server';
import { type Command, EXIT_FAILURE, EXIT_OK, type Io, UsageError } from '../io.js';

const PROVINCE = /^\d{2}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const readProvince = (value: string | undefined, fallback?: string): string => {
  const province = value ?? fallback;
  if (!province || !PROVINCE.test(province)) {
    throw new UsageError(`--province must be a 2-digit province code (got "${province ?? ''}")`);
  }
  return province;
};

const number = (value: number): string => value.toLocaleString('vi-VN');

/** One progress line on stderr: redrawn in place on a terminal, one line per step in a log. */
const createProgressLine = (io: Io) => {
  let printed = false;
  return (line: string) => {
    io.err(io.isTty && printed ? `\u001b[1A\u001b[2K${line}` : line);
    printed = true;
  };
};

export const seedSyntheticCommand: Command = {
  path: ['seed', 'synthetic'],
  summary: 'Generate synthetic dossiers (realistic mix) and their statistics, for benchmarks and demos',
  usage:
    'motcua seed synthetic --dossiers N [--province 33] [--years 2024-2026] [--batch 100000] [--seed 766] [--json]',
  run: async (args, io) => {
    const { values } = parseArgs({
      args,
      options: {
        dossiers: { type: 'string' },
        province: { type: 'string', default: '33' },
        years: { type: 'string', default: '2024-2026' },
        batch: { type: 'string', default: '100000' },
        seed: { type: 'string', default: '766' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    });
    const dossiers = Number(values.dossiers);
    if (!Number.isInteger(dossiers) || dossiers < 1 || dossiers > 100_000_000) {
      throw new UsageError('--dossiers must be a whole number from 1 to 100000000');
    }
    const years = /^(\d{4})(?:-(\d{4}))?$/.exec(values.years ?? '');
    if (!years) {
      throw new UsageError('--years must be YYYY or YYYY-YYYY');
    }
    const fromYear = Number(years[1]);
    const toYear = Number(years[2] ?? years[1]);
    const batchSize = Number(values.batch);
    if (toYear < fromYear || !Number.isInteger(batchSize) || batchSize < 100 || batchSize > 1_000_000) {
      throw new UsageError('--years must not be reversed and --batch must be 100–1000000');
    }
    const province = readProvince(values.province);
    const runtime = await openRuntimeContext(loadConfig(io.env));
    try {
      const committee = await findProvinceCommittee(runtime.ctx.db, province);
      if (!committee && province === '33') {
        io.err('province 33 has no agencies yet: seeding the demo province (Hưng Yên) first…');
        await seedDemo(runtime.ctx, {});
      }
      const progress = createProgressLine(io);
      const result = await seedSyntheticDossiers(runtime.ctx.db, {
        provinceCode: province,
        dossiers,
        fromYear,
        toYear,
        now: new Date(),
        batchSize,
        seed: Number(values.seed) || 766,
        onProgress: (p) => {
          const left = p.rowsPerSecond > 0 ? Math.round((p.total - p.generated) / p.rowsPerSecond) : 0;
          progress(
            `generated ${number(p.generated)}/${number(p.total)} dossiers (${Math.floor((p.generated / p.total) * 100)}%), ` +
              `${number(p.rowsPerSecond)}/s, ~${left >= 120 ? `${Math.round(left / 60)} min` : `${left} s`} left`,
          );
        },
      });
      if (values.json) {
        io.out(JSON.stringify({ province, ...result }));
      } else {
        io.out(
          `Generated ${number(result.generated)} synthetic dossiers in province ${province} (${fromYear}–${toYear}) in ` +
            `${(result.ms / 1000).toFixed(1)} s: ${number(result.combos)} procedure × agency combinations, ${number(result.series)} statistics series.`,
        );
      }
      return EXIT_OK;
    } catch (error) {
      if (error instanceof SyntheticSetupError) {
        io.err(`motcua: ${error.message}`);
        return EXIT_FAILURE;
      }
      throw error;
    } finally {
      await runtime.close();
    }
  },
};

export const importDossiersCommand: Command = {
  path: ['import', 'dossiers'],
  summary: 'Import historical dossiers (CSV, JSON or JSON Lines; docs/import-format.md) with a per-row report',
  usage: 'motcua import dossiers <file.csv|file.json|file.jsonl> [--province NN] [--batch 5000] [--json]',
  run: async (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      options: {
        province: { type: 'string' },
        batch: { type: 'string', default: '5000' },
        json: { type: 'boolean', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
    const path = positionals[0];
    if (positionals.length !== 1 || path === undefined) {
      throw new UsageError('give exactly one file');
    }
    if (!existsSync(path) || !statSync(path).isFile()) {
      throw new UsageError(`no such file: ${path}`);
    }
    const province = values.province === undefined ? undefined : readProvince(values.province);
    const batchSize = Number(values.batch);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) {
      throw new UsageError('--batch must be 1–100000');
    }
    const opened = await openConfiguredDatabase(loadConfig(io.env));
    try {
      await prepareDatabase(opened.database);
      const progress = createProgressLine(io);
      const started = performance.now();
      const report = await runDossierImport(opened.database.db, {
        records: readImportFile(path),
        provinceCode: province,
        fileName: basename(path),
        actorUserId: null,
        now: new Date(),
        batchSize,
        onProgress: (p: DossierImportProgress) =>
          progress(
            `importing: ${number(p.rows)} rows read, ${number(p.imported)} imported (${number(p.replaced)} replaced), ` +
              `${number(p.rejected)} rejected, ${number(p.warnings)} with warnings`,
          ),
      });
      const ms = Math.round(performance.now() - started);
      if (values.json) {
        io.out(JSON.stringify({ ...report, fileName: basename(path), ms }));
      } else {
        const t = report.totals;
        io.out(
          `Imported ${basename(path)} in ${(ms / 1000).toFixed(1)} s: ${number(t.rows)} rows — ${number(t.imported)} imported ` +
            `(${number(t.created)} new, ${number(t.replaced)} replaced), ${number(t.rejected)} rejected, ${number(t.warnings)} with warnings.`,
        );
        const notable = t.issues.slice(0, 10);
        if (notable.length > 0) {
          io.out(`Issues: ${notable.map((i) => `${i.code} (${i.severity}) ×${number(i.count)}`).join(', ')}`);
        }
        io.out(`Per-row report: GET /api/v1/reports/imports/${report.id}`);
      }
      return EXIT_OK;
    } catch (error) {
      if (error instanceof DossierImportFileError) {
        io.err(`motcua: cannot import ${path}: ${error.reason.en}`);
        return EXIT_FAILURE;
      }
      throw error;
    } finally {
      await opened.close();
    }
  },
};

/** The command line acts as the province's administrator (whoever runs it holds the database). */
const actorFor = async (ctx: AppContext, province: string) => {
  const committee = await findProvinceCommittee(ctx.db, province);
  return {
    kind: 'official' as const,
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'motcua-cli',
    fullName: 'motcua command line',
    provinceCode: province,
    grants: [
      {
        agencyId: committee?.id ?? '00000000-0000-0000-0000-000000000000',
        role: 'province_admin' as const,
        includeSubagencies: true,
        provinceCode: province,
      },
    ],
    via: 'token' as const,
  };
};

const periodOptions = {
  period: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
} as const;

const checkPeriod = (values: { period?: string | undefined; from?: string | undefined; to?: string | undefined }) => {
  for (const key of ['from', 'to'] as const) {
    const value = values[key];
    if (value !== undefined && !DAY.test(value)) {
      throw new UsageError(`--${key} must be YYYY-MM-DD`);
    }
  }
};

export const reportStatisticsCommand: Command = {
  path: ['report', 'statistics'],
  summary: 'Print the statistics report (from the aggregates) for a period and scope',
  usage:
    'motcua report statistics [--province NN] [--agency <code|id> [--no-subagencies]] [--period 2026-Q4 | --from D --to D] [--group-by agency,month] [--json]',
  run: async (args, io) => {
    const { values } = parseArgs({
      args,
      options: {
        ...periodOptions,
        province: { type: 'string' },
        agency: { type: 'string' },
        'no-subagencies': { type: 'boolean', default: false },
        'group-by': { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    });
    checkPeriod(values);
    const groupBy = values['group-by'] ? values['group-by'].split(',').map((g) => g.trim()) : [];
    for (const g of groupBy) {
      if (!(STATISTICS_GROUPINGS as readonly string[]).includes(g)) {
        throw new UsageError(`--group-by: unknown grouping "${g}" (one of ${STATISTICS_GROUPINGS.join(', ')})`);
      }
    }
    const runtime = await openRuntimeContext(loadConfig(io.env));
    try {
      const ctx = runtime.ctx;
      let agencyId: string | undefined;
      let province = values.province;
      if (values.agency) {
        const agency = /^[0-9a-f-]{36}$/.test(values.agency)
          ? { id: values.agency, provinceCode: values.province ?? null }
          : await findAgencyByCode(ctx.db, values.agency);
        if (!agency) {
          io.err(`motcua: no agency with code ${values.agency}`);
          return EXIT_FAILURE;
        }
        agencyId = agency.id;
        province ??= agency.provinceCode ?? undefined;
      }
      province = readProvince(province, '33');
      const report = await getStatisticsReport(ctx, await actorFor(ctx, province), {
        scope: agencyId ? 'agency' : 'province',
        province,
        agency: agencyId,
        subagencies: !values['no-subagencies'],
        period: values.period,
        from: values.from,
        to: values.to,
        groupBy: groupBy as never,
      });
      if (values.json) {
        io.out(JSON.stringify(report));
        return EXIT_OK;
      }
      const t = report.totals;
      io.out(
        `${report.title.vi} — ${report.scope.label.vi} — ${report.period.label.vi} (đến hết ngày ${report.period.asOf})`,
      );
      const line = (label: string, f: typeof t) =>
        `${label.padEnd(40).slice(0, 40)} nhận ${number(f.totalToProcess)} (kỳ trước ${number(f.carriedOver)}, mới ${number(f.receivedNew)}: ` +
        `trực tuyến ${number(f.receivedOnline)}) · đã giải quyết ${number(f.resolved)} (trước hạn ${number(f.resolvedEarly)}, ` +
        `đúng hạn ${number(f.resolvedOnTime)}, quá hạn ${number(f.resolvedLate)}) · đang giải quyết ${number(f.inProgress)} ` +
        `(quá hạn ${number(f.inProgressOverdue)}) · trước hạn ${formatPercentVi(f.percentages.early.value)} + ` +
        `đúng hạn ${formatPercentVi(f.percentages.onTime.value)} = trước hạn và đúng hạn ` +
        `${formatPercentVi(f.percentages.earlyOrOnTime.value)}`;
      for (const group of report.groups) {
        io.out(line(group.bucket ? `${group.label} ${group.bucket.label.vi}` : group.label, group.figures));
      }
      io.out(line('Tổng cộng', t));
      for (const p of [
        t.percentages.early,
        t.percentages.onTime,
        t.percentages.earlyOrOnTime,
        t.percentages.late,
        t.percentages.earlyOrOnTimeOfDue,
        t.percentages.online,
      ]) {
        io.out(
          `  ${p.label.vi}: ${formatPercentVi(p.value)} = ${number(p.numerator)}/${number(p.base)} (${p.baseLabel.vi})`,
        );
      }
      return EXIT_OK;
    } finally {
      await runtime.close();
    }
  },
};

export const reportServiceIndexCommand: Command = {
  path: ['report', 'service-index'],
  summary: 'Print the Decision 766 service index (per agency or province) for a month, quarter or year',
  usage:
    'motcua report service-index [--province NN] [--period 2026 | 2026-Q4 | 2026-11] [--level agency|province] [--json]',
  run: async (args, io) => {
    const { values } = parseArgs({
      args,
      options: {
        ...periodOptions,
        province: { type: 'string' },
        level: { type: 'string', default: 'agency' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    });
    checkPeriod(values);
    if (values.level !== 'agency' && values.level !== 'province') {
      throw new UsageError('--level must be agency or province');
    }
    const province = readProvince(values.province, '33');
    const runtime = await openRuntimeContext(loadConfig(io.env));
    try {
      const ctx = runtime.ctx;
      const report = await getServiceIndexReport(ctx, await actorFor(ctx, province), {
        level: values.level,
        scope: 'province',
        province,
        period: values.period,
        from: values.from,
        to: values.to,
      });
      if (values.json) {
        io.out(JSON.stringify(report));
        return EXIT_OK;
      }
      io.out(`${report.title.vi} — ${report.period.label.vi}`);
      for (const unit of report.units) {
        io.out(
          `${String(unit.rank ?? '–').padStart(4)}. ${unit.name.padEnd(50).slice(0, 50)} ${unit.result.score.toLocaleString('vi-VN')}/${unit.result.maxAvailable} điểm ` +
            `(${formatPercentVi(unit.result.percentOfAvailable)})` +
            (unit.rank === null
              ? ` · ${unit.dossiers} hồ sơ: chưa đủ ${report.minDossiersToRank} hồ sơ để xếp hạng`
              : ''),
        );
      }
      io.out(
        `Xếp hạng đơn vị có từ ${report.minDossiersToRank} hồ sơ trong kỳ (thiết lập MOTCUA_766_MIN_DOSSIERS; QĐ 766 không quy định ngưỡng này).`,
      );
      io.out(
        `Chưa có dữ liệu (không tính vào điểm tối đa): ${report.notHeld.map((i) => `${i.code} (${i.max})`).join(', ')}`,
      );
      return EXIT_OK;
    } finally {
      await runtime.close();
    }
  },
};

export const reportRebuildCommand: Command = {
  path: ['report', 'rebuild'],
  summary: 'Recompute the statistics aggregates of a province from its dossiers (repair; normally never needed)',
  usage: 'motcua report rebuild --province NN',
  run: async (args, io) => {
    const { values } = parseArgs({ args, options: { province: { type: 'string' } }, strict: true });
    const province = readProvince(values.province);
    const opened = await openConfiguredDatabase(loadConfig(io.env));
    try {
      await prepareDatabase(opened.database);
      const started = performance.now();
      await rebuildStatistics(opened.database.db, { provinceCode: province });
      io.out(
        `Rebuilt the statistics of province ${province} in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
      );
      return EXIT_OK;
    } finally {
      await opened.close();
    }
  },
};

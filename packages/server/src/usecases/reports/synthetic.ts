import {
  type Database,
  dropSyntheticTables,
  ensureSeriesBulk,
  generateSyntheticBatch,
  listProvinceAgencies,
  listSyntheticProcedures,
  loadSyntheticCombos,
  type SeriesSpec,
  type SyntheticCombo,
} from '@motcua/db';
import {
  addDays,
  buildAgencySeriesKey,
  buildProcedureSeriesKey,
  type DossierChannel,
  getDaysBetween,
  getStatisticsLevel,
} from '@motcua/domain';
import type { Kysely } from 'kysely';

export class SyntheticSetupError extends Error {
  override readonly name = 'SyntheticSetupError';
}

export type SyntheticProgress = { generated: number; total: number; rowsPerSecond: number; elapsedMs: number };

/** A small deterministic generator (mulberry32), so the same seed gives the same mix of weights. */
const createRandom = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

const CHANNELS: DossierChannel[] = ['direct', 'online', 'postal'];

/**
 * Fills a province with synthetic dossiers for benchmarks and demos, set-based in SQL, batch by
 * batch: a realistic mix — procedures weighted like real demand (a few procedures carry most
 * dossiers: civil status, certification, land), communes of different sizes, online shares by the
 * procedure's online level, agencies with different lateness rates, withdrawals and stops — and
 * fills the statistics aggregates with the same contribution rule as the transactional path.
 * Needs the province's agencies and published procedure catalog (e.g. `motcua seed demo` for 33).
 */
export const seedSyntheticDossiers = async (
  db: Kysely<Database>,
  input: {
    provinceCode: string;
    dossiers: number;
    fromYear: number;
    toYear: number;
    now: Date;
    batchSize?: number;
    seed?: number;
    /** Last receipt day (YYYY-MM-DD; default today): an earlier day leaves no synthetic dossier open. */
    untilDay?: string;
    onProgress?: (progress: SyntheticProgress) => void;
  },
): Promise<{ generated: number; combos: number; series: number; ms: number }> => {
  const started = performance.now();
  const random = createRandom(input.seed ?? 766);
  const agencies = await listProvinceAgencies(db, input.provinceCode);
  const procedures = await listSyntheticProcedures(db, input.provinceCode);
  if (agencies.length === 0 || procedures.length === 0) {
    throw new SyntheticSetupError(
      `province ${input.provinceCode} has ${agencies.length} agencies and ${procedures.length} published procedures; ` +
        'seed or import them first (e.g. "motcua seed demo" for 33)',
    );
  }
  const byCode = new Map(agencies.map((a) => [a.code, a]));
  const centre = agencies.find((a) => a.kind === 'province_service_centre');
  const departments = agencies.filter((a) => a.kind === 'province_department');
  const communes = agencies.filter((a) => a.kind === 'commune_committee');
  const lateRate = new Map(agencies.map((a) => [a.id, 0.005 + random() * 0.06]));
  const communeWeight = new Map(communes.map((c) => [c.id, 0.3 + random() * 2.7]));

  type Base = Omit<
    SyntheticCombo,
    'seriesDirect' | 'seriesOnline' | 'seriesPostal' | 'parentDirect' | 'parentOnline' | 'parentPostal'
  >;
  const bases: (Base & { level: ReturnType<typeof getStatisticsLevel>; onlineFull: boolean })[] = [];
  procedures.forEach((procedure, rank) => {
    // Zipf-like demand: the k-th procedure gets about 1/(k+1)^0.9 of the dossiers.
    const demand = 1 / (rank + 1) ** 0.9;
    const onlineShare = procedure.onlineFull
      ? 0.35 + random() * 0.3
      : procedure.onlinePartial
        ? 0.1 + random() * 0.2
        : 0.02;
    const legalDays = Math.max(1, Math.min(procedure.legalDays ?? 5, 30));
    const common = {
      provinceCode: input.provinceCode,
      procedureId: procedure.procedureId,
      versionId: procedure.versionId,
      procedureCode: procedure.code,
      procedureName: procedure.name,
      fieldName: procedure.fieldName,
      legalDays,
      onlineShare,
      replaceable: procedure.replaceable,
      onlineFull: procedure.onlineFull,
    };
    if (procedure.levels.includes('commune') && communes.length > 0) {
      const share = demand / communes.length;
      for (const commune of communes) {
        bases.push({
          ...common,
          weight: share * (communeWeight.get(commune.id) ?? 1),
          handlingAgencyId: commune.id,
          receivingAgencyId: commune.id,
          receivingAgencyCode: commune.code,
          lateRate: lateRate.get(commune.id) ?? 0.02,
          level: 'commune',
        });
      }
    } else {
      const approver = procedure.approverAgencyCode ? byCode.get(procedure.approverAgencyCode) : undefined;
      const handling = approver ?? departments[rank % Math.max(1, departments.length)] ?? agencies[0];
      if (!handling) {
        return;
      }
      const receiving = centre ?? handling;
      bases.push({
        ...common,
        weight: demand * 8,
        handlingAgencyId: handling.id,
        receivingAgencyId: receiving.id,
        receivingAgencyCode: receiving.code,
        lateRate: lateRate.get(handling.id) ?? 0.02,
        level: getStatisticsLevel({ kind: handling.kind, adminUnitLevel: handling.adminUnitLevel }),
      });
    }
  });

  // The series of every combination × channel, keyed exactly as the transactional path keys them.
  const specs: SeriesSpec[] = [];
  const keys = bases.map((base) =>
    CHANNELS.map((channel) => {
      const common = {
        provinceCode: input.provinceCode,
        handlingAgencyId: base.handlingAgencyId,
        receivingAgencyId: base.receivingAgencyId,
        level: base.level,
        channel,
        onlineFull: base.onlineFull,
        replaceable: base.replaceable,
      };
      const parentKey = buildAgencySeriesKey({
        ...common,
        handling: { id: base.handlingAgencyId },
        receiving: { id: base.receivingAgencyId },
      });
      const key = buildProcedureSeriesKey({
        provinceCode: input.provinceCode,
        handling: { id: base.handlingAgencyId },
        receiving: { id: base.receivingAgencyId },
        procedure: { versionId: base.versionId },
        channel,
      });
      specs.push({ ...common, grain: 'agency', key: parentKey });
      specs.push({
        ...common,
        grain: 'procedure',
        key,
        parentKey,
        procedureCode: base.procedureCode,
        procedureName: base.procedureName,
        fieldName: base.fieldName,
      });
      return { key, parentKey };
    }),
  );
  const unique = [...new Map(specs.map((s) => [s.key, s])).values()];
  const series = await ensureSeriesBulk(db, unique);
  const id = (key: string) => series.get(key)?.id ?? 0;
  const combos: SyntheticCombo[] = bases.map((base, index) => {
    const [direct, online, postal] = keys[index] ?? [];
    return {
      weight: base.weight,
      provinceCode: base.provinceCode,
      handlingAgencyId: base.handlingAgencyId,
      receivingAgencyId: base.receivingAgencyId,
      receivingAgencyCode: base.receivingAgencyCode,
      procedureId: base.procedureId,
      versionId: base.versionId,
      procedureCode: base.procedureCode,
      procedureName: base.procedureName,
      fieldName: base.fieldName,
      legalDays: base.legalDays,
      onlineShare: base.onlineShare,
      lateRate: base.lateRate,
      replaceable: base.replaceable,
      seriesDirect: id(direct?.key ?? ''),
      seriesOnline: id(online?.key ?? ''),
      seriesPostal: id(postal?.key ?? ''),
      parentDirect: id(direct?.parentKey ?? ''),
      parentOnline: id(online?.parentKey ?? ''),
      parentPostal: id(postal?.parentKey ?? ''),
    };
  });

  const today = new Date(input.now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const fromDay = `${input.fromYear}-01-01`;
  const lastDay = `${input.toYear}-12-31`;
  const until = input.untilDay !== undefined && input.untilDay < today ? input.untilDay : today;
  const toDay = lastDay < until ? lastDay : until;
  if (toDay < fromDay) {
    throw new SyntheticSetupError(`the years ${input.fromYear}–${input.toYear} are in the future`);
  }
  const batchSize = input.batchSize ?? 100_000;
  let generated = 0;
  await db.connection().execute(async (conn) => {
    await loadSyntheticCombos(conn, combos);
    // Batches walk through time, each drawing its receipt days from its own slice of the years, as
    // a real system fills up: every batch then writes near the same index pages (dossier by receipt
    // date, aggregates by day) instead of all over them.
    const batches = Math.ceil(input.dossiers / batchSize);
    const span = getDaysBetween(fromDay, toDay) + 1;
    let batch = 0;
    while (generated < input.dossiers) {
      const count = Math.min(batchSize, input.dossiers - generated);
      const sliceFrom = addDays(fromDay, Math.floor((batch * span) / batches));
      const sliceTo = addDays(
        fromDay,
        Math.max(Math.floor(((batch + 1) * span) / batches) - 1, Math.floor((batch * span) / batches)),
      );
      batch += 1;
      await generateSyntheticBatch(conn, {
        start: generated + 1,
        count,
        fromDay: sliceFrom,
        toDay: sliceTo > toDay ? toDay : sliceTo,
        now: input.now,
      });
      generated += count;
      const elapsedMs = performance.now() - started;
      input.onProgress?.({
        generated,
        total: input.dossiers,
        elapsedMs,
        rowsPerSecond: Math.round((generated / elapsedMs) * 1000),
      });
    }
    await dropSyntheticTables(conn);
  });
  return { generated, combos: combos.length, series: series.size, ms: Math.round(performance.now() - started) };
};

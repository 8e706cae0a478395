import {
  applyStatisticsCells,
  type Database,
  type DossierRecord,
  ensureSeries,
  findSeriesAttributes,
  findSeriesByKeys,
  type SeriesRef,
  type StatisticsCellRow,
} from '@motcua/db';
import {
  buildAgencySeriesKey,
  buildProcedureSeriesKey,
  computeStatisticsDelta,
  type DossierState,
  getHandlingAgencyId,
  getStatisticsLevel,
  toStatisticsFacts,
} from '@motcua/domain';
import type { Transaction } from 'kysely';

type Side = { seriesKey: string; handlingAgencyId: string; record: DossierRecord };

const describe = (record: DossierRecord): Side => {
  const handlingAgencyId = getHandlingAgencyId(record.state as DossierState);
  return {
    handlingAgencyId,
    record,
    seriesKey: buildProcedureSeriesKey({
      provinceCode: record.provinceCode,
      handling: { id: handlingAgencyId },
      receiving: { id: record.receivingAgencyId },
      procedure: { versionId: record.procedureVersionId },
      channel: record.channel,
    }),
  };
};

/** Creates the procedure-grain series of a dossier and its agency-grain parent (first dossier of its kind only). */
const createSeries = async (trx: Transaction<Database>, side: Side): Promise<SeriesRef> => {
  const { record } = side;
  const attributes = await findSeriesAttributes(trx, {
    handlingAgencyId: side.handlingAgencyId,
    procedureVersionId: record.procedureVersionId,
  });
  const level = getStatisticsLevel({
    kind: attributes.handlingAgencyKind ?? 'other',
    adminUnitLevel: attributes.handlingAdminUnitLevel,
  });
  const common = {
    provinceCode: record.provinceCode,
    handlingAgencyId: side.handlingAgencyId,
    receivingAgencyId: record.receivingAgencyId,
    level,
    channel: record.channel,
    onlineFull: attributes.onlineFull,
    replaceable: attributes.replaceable,
  };
  const parentId = await ensureSeries(trx, {
    ...common,
    grain: 'agency',
    key: buildAgencySeriesKey({
      ...common,
      handling: { id: side.handlingAgencyId },
      receiving: { id: record.receivingAgencyId },
    }),
  });
  const id = await ensureSeries(trx, {
    ...common,
    grain: 'procedure',
    key: side.seriesKey,
    parentId,
    procedureCode: record.procedureCode,
    procedureName: record.procedureName,
    fieldName: record.fieldName,
  });
  return { id, parentId };
};

/**
 * Keeps the statistics aggregates in step with a dossier change, inside the change's transaction:
 * the counters move by contributions(after) − contributions(before) (packages/domain statistics),
 * on the dossier's procedure-grain series and on its agency-grain parent. `before` is null for a
 * dossier just written. Most actions (hand-overs, assignments) change no counter and cost no query.
 */
export const applyStatisticsDelta = async (
  trx: Transaction<Database>,
  before: DossierRecord | null,
  after: DossierRecord,
): Promise<void> => {
  const from = before === null ? null : describe(before);
  const to = describe(after);
  const sides = from === null ? [to] : [from, to];
  const cells = computeStatisticsDelta(from && { seriesKey: from.seriesKey, facts: toStatisticsFacts(from.record) }, {
    seriesKey: to.seriesKey,
    facts: toStatisticsFacts(to.record),
  });
  if (cells.length === 0) {
    return;
  }
  const series = await findSeriesByKeys(
    trx,
    cells.map((cell) => cell.seriesKey),
  );
  for (const side of sides) {
    if (!series.has(side.seriesKey) && cells.some((cell) => cell.seriesKey === side.seriesKey)) {
      series.set(side.seriesKey, await createSeries(trx, side));
    }
  }
  const rows: StatisticsCellRow[] = cells.flatMap((cell) => {
    const ref = series.get(cell.seriesKey);
    if (!ref) {
      return [];
    }
    const own = { seriesId: ref.id, day: cell.day, counts: cell.counts };
    return ref.parentId === null ? [own] : [own, { ...own, seriesId: ref.parentId }];
  });
  await applyStatisticsCells(trx, rows);
};

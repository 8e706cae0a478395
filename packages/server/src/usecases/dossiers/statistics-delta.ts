import { type Database, type DossierRecord, insertStatisticsDelta, type NewStatisticsDelta } from '@motcua/db';
import {
  buildProcedureSeriesKey,
  computeStatisticsDelta,
  type DossierState,
  getHandlingAgencyId,
  toStatisticsFacts,
} from '@motcua/domain';
import type { Transaction } from 'kysely';

type Side = NewStatisticsDelta['series'][number];

/** The columns of a dossier row the statistics read (a row as written, or as it is about to be). */
export type StatisticsSource = Pick<
  DossierRecord,
  | 'provinceCode'
  | 'state'
  | 'receivingAgencyId'
  | 'procedureVersionId'
  | 'procedureCode'
  | 'procedureName'
  | 'fieldName'
  | 'channel'
  | 'status'
  | 'receivedAt'
  | 'legalDueAt'
  | 'completedAt'
  | 'completionClass'
  | 'returnedAt'
  | 'updatedAt'
  | 'components'
>;

const describe = (record: StatisticsSource): Side => {
  const handlingAgencyId = getHandlingAgencyId(record.state as DossierState);
  return {
    key: buildProcedureSeriesKey({
      provinceCode: record.provinceCode,
      handling: { id: handlingAgencyId },
      receiving: { id: record.receivingAgencyId },
      procedure: { versionId: record.procedureVersionId },
      channel: record.channel,
    }),
    provinceCode: record.provinceCode,
    handlingAgencyId,
    receivingAgencyId: record.receivingAgencyId,
    procedureVersionId: record.procedureVersionId,
    procedureCode: record.procedureCode,
    procedureName: record.procedureName,
    fieldName: record.fieldName,
    channel: record.channel,
  };
};

/**
 * What a dossier write adds to the statistics: contributions(after) − contributions(before)
 * (packages/domain statistics), per procedure-grain series and day, with the series described so the
 * fold can create it. `before` is null for a dossier just written. Undefined when no counter moves
 * (most actions: hand-overs, assignments). Pure: no query.
 */
export const buildStatisticsDelta = (
  before: StatisticsSource | null,
  after: StatisticsSource,
): NewStatisticsDelta | undefined => {
  const from = before === null ? null : describe(before);
  const to = describe(after);
  const cells = computeStatisticsDelta(from && before && { seriesKey: from.key, facts: toStatisticsFacts(before) }, {
    seriesKey: to.key,
    facts: toStatisticsFacts(after),
  });
  if (cells.length === 0) {
    return undefined;
  }
  const series = (from === null || from.key === to.key ? [to] : [from, to]).filter((side) =>
    cells.some((cell) => cell.seriesKey === side.key),
  );
  return { provinceCode: after.provinceCode, series, cells };
};

/**
 * Keeps the statistics in step with a change of an existing dossier, inside the change's transaction:
 * one appended delta row (no hot aggregate row is touched); the workers fold deltas into the day,
 * month and year cells after commit, and every report folds before it reads.
 */
export const applyStatisticsDelta = async (
  trx: Transaction<Database>,
  before: DossierRecord,
  after: DossierRecord,
): Promise<void> => {
  const delta = buildStatisticsDelta(before, after);
  if (delta) {
    await insertStatisticsDelta(trx, delta);
  }
};

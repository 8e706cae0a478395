/**
 * The PAR Index results (migration 0018_par_index.sql): what a round's figures are read from (its units, the
 * criteria trees of its groups, the scores and adjustments), the published snapshot (par_result), a unit's
 * results over the years, and the national table of provinces (par_national_result).
 */
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { ParRoundRecord } from './par-rounds.queries.js';
import type { Database } from './schema.js';
import type {
  ParAreaPointsJson,
  ParNationalAreaJson,
  ParNationalResultTable,
  ParResultTable,
  ParRoundUnitTable,
  ParUnitGroupColumn,
} from './tables/par.js';

type Db = Kysely<Database> | Transaction<Database>;

export type ParResultRecord = Selectable<ParResultTable>;
export type ParNationalResultRecord = Selectable<ParNationalResultTable>;
export type { ParAreaPointsJson, ParNationalAreaJson, ParUnitGroupColumn };

/** The rounds of a province, newest first (index par_round_list_idx); `beforeYear` is the keyset cursor. */
export const listParRoundsOfProvince = async (
  db: Db,
  input: { provinceCode: string; publishedOnly: boolean; beforeYear?: number; limit: number },
): Promise<ParRoundRecord[]> => {
  let query = db.selectFrom('parRound').selectAll().where('provinceCode', '=', input.provinceCode);
  if (input.publishedOnly) {
    query = query.where('stage', '=', 'published');
  }
  if (input.beforeYear !== undefined) {
    query = query.where('year', '<', input.beforeYear);
  }
  return query.orderBy('year', 'desc').limit(input.limit).execute();
};

export type ParResultUnitRow = Selectable<ParRoundUnitTable> & { unitName: string; unitShortName: string | null };

/** The units of a round with their names, by group then agency (index par_round_unit_list_idx). */
export const listParResultUnits = async (db: Db, roundId: string): Promise<ParResultUnitRow[]> =>
  db
    .selectFrom('parRoundUnit as u')
    .innerJoin('agency as a', 'a.id', 'u.agencyId')
    .selectAll('u')
    .select(['a.name as unitName', 'a.shortName as unitShortName'])
    .where('u.roundId', '=', roundId)
    .orderBy('u.unitGroup')
    .orderBy('u.agencyId')
    .execute();

/** Every node of the given criteria sets, in published order. */
export const listCriteriaOfSets = async (db: Db, setIds: readonly string[]) =>
  setIds.length === 0
    ? []
    : db
        .selectFrom('parCriterion')
        .selectAll()
        .where('setId', 'in', setIds)
        .orderBy('setId')
        .orderBy('position')
        .execute();

/** The points of every leaf of every unit of a round, per stage. */
export const listParRoundScores = async (db: Db, roundId: string) =>
  db
    .selectFrom('parScore')
    .select(['agencyId', 'criterionCode', 'selfPoints', 'appraisal1Points', 'appraisal2Points', 'finalPoints'])
    .where('roundId', '=', roundId)
    .execute();

/** Bonus and penalty points of every unit of a round, per stage. */
export const listParRoundAdjustments = async (db: Db, roundId: string) =>
  db
    .selectFrom('parAdjustment')
    .select(['agencyId', 'kind', 'selfPoints', 'appraisal1Points', 'appraisal2Points', 'finalPoints'])
    .where('roundId', '=', roundId)
    .execute();

/** How many evidence items (not withdrawn) each unit of a round attached. */
export const countParRoundEvidence = async (db: Db, roundId: string) =>
  db
    .selectFrom('parEvidence')
    .select(['agencyId', sql<number>`count(*)::int`.as('count')])
    .where('roundId', '=', roundId)
    .where('withdrawnAt', 'is', null)
    .groupBy('agencyId')
    .execute();

export type NewParResult = Omit<ParResultRecord, 'areaPoints' | 'bonusPoints' | 'penaltyPoints'> & {
  areaPoints: ParAreaPointsJson[];
  bonusPoints: number;
  penaltyPoints: number;
};

/** Writes the published snapshot of a round (in the publication's transaction); a unit already written stays. */
export const insertParResults = async (trx: Transaction<Database>, rows: readonly NewParResult[]): Promise<void> => {
  if (rows.length === 0) {
    return;
  }
  await trx
    .insertInto('parResult')
    .values(rows.map((row) => ({ ...row, areaPoints: JSON.stringify(row.areaPoints) })))
    .onConflict((oc) => oc.columns(['roundId', 'agencyId']).doNothing())
    .execute();
};

/**
 * The published results of a round, by group and rank (index par_result_rank_idx), keyset-paginated after
 * (unitGroup, rank, agencyId).
 */
export const listParResults = async (
  db: Db,
  input: {
    roundId: string;
    unitGroup?: ParUnitGroupColumn;
    after?: { unitGroup: ParUnitGroupColumn; rank: number; agencyId: string };
    limit: number;
  },
): Promise<ParResultRecord[]> => {
  let query = db.selectFrom('parResult').selectAll().where('roundId', '=', input.roundId);
  if (input.unitGroup !== undefined) {
    query = query.where('unitGroup', '=', input.unitGroup);
  }
  const after = input.after;
  if (after !== undefined) {
    query = query.where((eb) =>
      eb(eb.refTuple('unitGroup', 'rank', 'agencyId'), '>', eb.tuple(after.unitGroup, after.rank, after.agencyId)),
    );
  }
  return query.orderBy('unitGroup').orderBy('rank').orderBy('agencyId').limit(input.limit).execute();
};

export type ParUnitYearResult = ParResultRecord & {
  year: number;
  decisionNumber: string | null;
  decisionDate: string | null;
  /** How many units the group had that year (the denominator of "hạng 2/20"). */
  groupSize: number;
  /** The worst rank of the group that year ("cuối bảng"). */
  lastRank: number;
};

/** A unit's published results over the years, newest first (index par_result_agency_idx). */
export const listUnitParResults = async (
  db: Db,
  input: { agencyId: string; provinceCode?: string | undefined; limit: number },
): Promise<ParUnitYearResult[]> =>
  db
    .selectFrom('parResult as r')
    .innerJoin('parRound as p', 'p.id', 'r.roundId')
    .selectAll('r')
    .select(['p.year', 'p.decisionNumber', 'p.decisionDate'])
    .select((eb) => [
      eb
        .selectFrom('parResult as g')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('g.roundId', '=', 'r.roundId')
        .whereRef('g.unitGroup', '=', 'r.unitGroup')
        .as('groupSize'),
      eb
        .selectFrom('parResult as g')
        .select(sql<number>`max(g.rank)`.as('m'))
        .whereRef('g.roundId', '=', 'r.roundId')
        .whereRef('g.unitGroup', '=', 'r.unitGroup')
        .as('lastRank'),
    ])
    .where('r.agencyId', '=', input.agencyId)
    .where('p.stage', '=', 'published')
    .$if(input.provinceCode !== undefined, (q) => q.where('p.provinceCode', '=', input.provinceCode as string))
    .orderBy('p.year', 'desc')
    .limit(input.limit)
    .execute() as Promise<ParUnitYearResult[]>;

// ———————————————————————————————————————— the national table ————————————————————————————————————————

export type NewParNationalResult = Omit<ParNationalResultRecord, 'areaPoints' | 'enteredAt'> & {
  areaPoints: ParNationalAreaJson[];
  enteredAt: Date;
};

/** Replaces a year's national table of a province in one transaction (an import is all or nothing). */
export const replaceParNationalResults = async (
  trx: Transaction<Database>,
  input: { provinceCode: string; year: number; rows: readonly NewParNationalResult[] },
): Promise<void> => {
  await trx
    .deleteFrom('parNationalResult')
    .where('provinceCode', '=', input.provinceCode)
    .where('year', '=', input.year)
    .execute();
  if (input.rows.length > 0) {
    await trx
      .insertInto('parNationalResult')
      .values(input.rows.map((row) => ({ ...row, areaPoints: JSON.stringify(row.areaPoints) })))
      .execute();
  }
};

/** A year's national table as the province entered it, by rank (index par_national_result_rank_idx). */
export const listParNationalResults = async (
  db: Db,
  input: { provinceCode: string; year: number },
): Promise<ParNationalResultRecord[]> =>
  db
    .selectFrom('parNationalResult')
    .selectAll()
    .where('provinceCode', '=', input.provinceCode)
    .where('year', '=', input.year)
    .orderBy('rank')
    .orderBy('rankedProvinceCode')
    .execute();

/** The years for which the province entered a national table, newest first. */
export const listParNationalYears = async (db: Db, provinceCode: string): Promise<number[]> =>
  (
    await db
      .selectFrom('parNationalResult')
      .select('year')
      .distinct()
      .where('provinceCode', '=', provinceCode)
      .orderBy('year', 'desc')
      .execute()
  ).map((row) => row.year);

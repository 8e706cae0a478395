/**
 * Bulk writers of a whole PAR Index round as it stands — its criteria set and tree, the round with its sets and
 * units, the scores and adjustments of every stage, the evidence — for the demo province's data and for tests.
 * The round's own use-cases write score by score with the hash-chained history (par_score_event); these write
 * rows that carry no history (the demo says so on every screen: is_demo).
 */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';
import type {
  ParAdjustmentTable,
  ParCriteriaSetTable,
  ParCriterionTable,
  ParEvidenceTable,
  ParRoundTable,
  ParRoundUnitTable,
  ParScoreTable,
} from './tables/par.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A criteria set with its tree; returns the set's id. */
export const insertParCriteriaSetWithTree = async (
  db: Db,
  input: { set: Insertable<ParCriteriaSetTable>; criteria: Omit<Insertable<ParCriterionTable>, 'setId'>[] },
): Promise<string> => {
  const { id } = await db.insertInto('parCriteriaSet').values(input.set).returning('id').executeTakeFirstOrThrow();
  if (input.criteria.length > 0) {
    await db
      .insertInto('parCriterion')
      .values(input.criteria.map((node) => ({ ...node, setId: id })))
      .execute();
  }
  return id;
};

/** A round with the set of each unit group and its units; returns the round's id. */
export const insertParRoundWithUnits = async (
  db: Db,
  input: {
    round: Insertable<ParRoundTable>;
    sets: { unitGroup: ParRoundUnitTable['unitGroup']; setId: string }[];
    units: Omit<Insertable<ParRoundUnitTable>, 'roundId'>[];
  },
): Promise<string> => {
  const { id } = await db.insertInto('parRound').values(input.round).returning('id').executeTakeFirstOrThrow();
  if (input.sets.length > 0) {
    await db
      .insertInto('parRoundSet')
      .values(input.sets.map((set) => ({ ...set, roundId: id })))
      .execute();
  }
  if (input.units.length > 0) {
    await db
      .insertInto('parRoundUnit')
      .values(input.units.map((unit) => ({ ...unit, roundId: id })))
      .execute();
  }
  return id;
};

/** Scores of leaves (all stages at once); a leaf already scored is left as it is (idempotent seeding). */
export const insertParScores = async (db: Db, rows: Insertable<ParScoreTable>[]): Promise<void> => {
  for (let at = 0; at < rows.length; at += 500) {
    await db
      .insertInto('parScore')
      .values(rows.slice(at, at + 500))
      .onConflict((oc) => oc.columns(['roundId', 'agencyId', 'criterionCode']).doNothing())
      .execute();
  }
};

/** Bonus and penalty points (all stages at once); idempotent as the scores. */
export const insertParAdjustments = async (db: Db, rows: Insertable<ParAdjustmentTable>[]): Promise<void> => {
  if (rows.length > 0) {
    await db
      .insertInto('parAdjustment')
      .values(rows)
      .onConflict((oc) => oc.columns(['roundId', 'agencyId', 'kind']).doNothing())
      .execute();
  }
};

/** Evidence items (files already in the file store, or links). */
export const insertParEvidenceRows = async (db: Db, rows: Insertable<ParEvidenceTable>[]): Promise<void> => {
  if (rows.length > 0) {
    await db.insertInto('parEvidence').values(rows).execute();
  }
};

/** The criteria set in force (published or frozen) of a province for a year and unit group. */
export const findParCriteriaSetInForce = async (
  db: Db,
  input: { provinceCode: string; year: number; unitGroup: ParRoundUnitTable['unitGroup'] },
): Promise<{ id: string; status: string } | undefined> =>
  db
    .selectFrom('parCriteriaSet')
    .select(['id', 'status'])
    .where('provinceCode', '=', input.provinceCode)
    .where('year', '=', input.year)
    .where('unitGroup', '=', input.unitGroup)
    .where('status', 'in', ['published', 'frozen'])
    .executeTakeFirst();

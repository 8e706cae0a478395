/**
 * The yearly PAR Index round (migrations 0018_par_index.sql, 0020_par_round_reminders.sql): rounds, their
 * sets and units, appraisers, per-stage scores and adjustments, evidence, the hash-chained score history and
 * the reminders. Points are integer hundredths.
 */
import { type Insertable, type Kysely, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import type { Database } from './schema.js';
import type {
  ParAdjustmentTable,
  ParEvidenceTable,
  ParRoundTable,
  ParRoundUnitTable,
  ParScoreEventTable,
  ParScoreTable,
  ParUnitGroupColumn,
  ParUnitStatusColumn,
} from './tables/par.js';
import type { ParReminderTable } from './tables/par-round.js';

type Db = Kysely<Database> | Transaction<Database>;

export type ParRoundRecord = Selectable<ParRoundTable>;
export type ParRoundUnitRecord = Selectable<ParRoundUnitTable>;
export type ParScoreRecord = Selectable<ParScoreTable>;
export type ParAdjustmentRecord = Selectable<ParAdjustmentTable>;
export type ParEvidenceRecord = Selectable<ParEvidenceTable>;
export type ParScoreEventRecord = Selectable<ParScoreEventTable>;
export type ParReminderRecord = Selectable<ParReminderTable>;

// ------------------------------------------------------------------------------------------------ rounds

export const insertParRound = async (
  trx: Db,
  row: Omit<Insertable<ParRoundTable>, 'id' | 'createdAt' | 'updatedAt' | 'rowVersion'>,
): Promise<ParRoundRecord> => trx.insertInto('parRound').values(row).returningAll().executeTakeFirstOrThrow();

export const findParRound = async (db: Db, id: string): Promise<ParRoundRecord | undefined> =>
  db.selectFrom('parRound').selectAll().where('id', '=', id).executeTakeFirst();

export const findParRoundOfYear = async (
  db: Db,
  input: { provinceCode: string; year: number },
): Promise<ParRoundRecord | undefined> =>
  db
    .selectFrom('parRound')
    .selectAll()
    .where('provinceCode', '=', input.provinceCode)
    .where('year', '=', input.year)
    .executeTakeFirst();

/** Locks the round row for a stage change (FOR UPDATE). */
export const lockParRound = async (trx: Transaction<Database>, id: string): Promise<ParRoundRecord | undefined> =>
  trx.selectFrom('parRound').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** Rounds of a province, newest year first (keyset on the year; index par_round_list_idx). */
export const listParRounds = async (
  db: Db,
  input: { provinceCodes: readonly string[]; beforeYear?: number | undefined; limit: number },
): Promise<ParRoundRecord[]> => {
  if (input.provinceCodes.length === 0) {
    return [];
  }
  let query = db
    .selectFrom('parRound')
    .selectAll()
    .where('provinceCode', 'in', [...input.provinceCodes]);
  if (input.beforeYear !== undefined) {
    query = query.where('year', '<', input.beforeYear);
  }
  return query.orderBy('year', 'desc').orderBy('provinceCode').limit(input.limit).execute();
};

/** Updates a round guarded by the version the caller saw; undefined when it moved on. */
export const updateParRound = async (
  trx: Db,
  input: {
    id: string;
    expectedVersion: number;
    set: Pick<
      Updateable<ParRoundTable>,
      | 'stage'
      | 'title'
      | 'selfAssessmentDue'
      | 'appraisal1Due'
      | 'explanationDue'
      | 'appraisal2Due'
      | 'councilDue'
      | 'openedAt'
      | 'decisionNumber'
      | 'decisionDate'
      | 'publishedAt'
    >;
    at: Date;
  },
): Promise<ParRoundRecord | undefined> =>
  trx
    .updateTable('parRound')
    .set({ ...input.set, updatedAt: input.at, rowVersion: sql<number>`row_version + 1` })
    .where('id', '=', input.id)
    .where('rowVersion', '=', input.expectedVersion)
    .returningAll()
    .executeTakeFirst();

/** The published (or frozen) criteria sets of a province for a year, one per unit group at most. */
export const listParSetsInForce = async (db: Db, input: { provinceCode: string; year: number }) =>
  db
    .selectFrom('parCriteriaSet')
    .select(['id', 'unitGroup', 'status', 'title', 'version', 'bonusCap', 'penaltyCap', 'totalMax'])
    .where('provinceCode', '=', input.provinceCode)
    .where('year', '=', input.year)
    .where('status', 'in', ['published', 'frozen'])
    .orderBy('unitGroup')
    .execute();

export const insertParRoundSets = async (
  trx: Db,
  rows: readonly { roundId: string; unitGroup: ParUnitGroupColumn; setId: string }[],
): Promise<void> => {
  if (rows.length > 0) {
    await trx
      .insertInto('parRoundSet')
      .values([...rows])
      .execute();
  }
};

/** The criteria set of each unit group of a round, with its caps. */
export const listParRoundSets = async (db: Db, roundId: string) =>
  db
    .selectFrom('parRoundSet')
    .innerJoin('parCriteriaSet', 'parCriteriaSet.id', 'parRoundSet.setId')
    .select([
      'parRoundSet.unitGroup',
      'parRoundSet.setId',
      'parCriteriaSet.title',
      'parCriteriaSet.status',
      'parCriteriaSet.bonusCap',
      'parCriteriaSet.penaltyCap',
      'parCriteriaSet.totalMax',
    ])
    .where('parRoundSet.roundId', '=', roundId)
    .orderBy('parRoundSet.unitGroup')
    .execute();

/** Appends to the round's own history (stage and setup changes). */
export const insertParRoundEvent = async (
  trx: Db,
  row: {
    roundId: string;
    provinceCode: string;
    action: string;
    fromStage: string | null;
    toStage: string | null;
    detail: Record<string, unknown> | null;
    actorUserId: string | null;
    at: Date;
  },
): Promise<void> => {
  await trx
    .insertInto('parRoundEvent')
    .values({ ...row, detail: row.detail === null ? null : JSON.stringify(row.detail) })
    .execute();
};

/** The round's own history, in order (keyset on id). */
export const listParRoundEvents = async (db: Db, input: { roundId: string; afterId: number; limit: number }) =>
  db
    .selectFrom('parRoundEvent')
    .selectAll()
    .where('roundId', '=', input.roundId)
    .where('id', '>', input.afterId)
    .orderBy('id')
    .limit(input.limit)
    .execute();

// ------------------------------------------------------------------------------------------------- units

export const insertParRoundUnits = async (
  trx: Db,
  rows: readonly Omit<Insertable<ParRoundUnitTable>, 'statusChangedAt' | 'eventCount' | 'rowVersion'>[],
): Promise<void> => {
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('parRoundUnit')
      .values(rows.slice(i, i + 500))
      .execute();
  }
};

export type ParRoundUnitRow = ParRoundUnitRecord & { agencyName: string; agencyCode: string };

/** Units of a round with their agency's name, keyset-paginated by (unit group, agency id). */
export const listParRoundUnits = async (
  db: Db,
  input: {
    roundId: string;
    /** Only these agencies (an appraiser's assigned units, a unit's own); null: all. */
    agencyIds: readonly string[] | null;
    after?: { unitGroup: string; agencyId: string } | undefined;
    limit: number;
  },
): Promise<ParRoundUnitRow[]> => {
  if (input.agencyIds !== null && input.agencyIds.length === 0) {
    return [];
  }
  let query = db
    .selectFrom('parRoundUnit')
    .innerJoin('agency', 'agency.id', 'parRoundUnit.agencyId')
    .selectAll('parRoundUnit')
    .select(['agency.name as agencyName', 'agency.code as agencyCode'])
    .where('parRoundUnit.roundId', '=', input.roundId);
  if (input.agencyIds !== null) {
    query = query.where('parRoundUnit.agencyId', 'in', [...input.agencyIds]);
  }
  if (input.after) {
    const { unitGroup, agencyId } = input.after;
    query = query.where(
      sql<boolean>`(par_round_unit.unit_group, par_round_unit.agency_id) > (${unitGroup}, ${agencyId})`,
    );
  }
  return query.orderBy('parRoundUnit.unitGroup').orderBy('parRoundUnit.agencyId').limit(input.limit).execute();
};

export const findParRoundUnit = async (
  db: Db,
  input: { roundId: string; agencyId: string },
): Promise<ParRoundUnitRow | undefined> =>
  db
    .selectFrom('parRoundUnit')
    .innerJoin('agency', 'agency.id', 'parRoundUnit.agencyId')
    .selectAll('parRoundUnit')
    .select(['agency.name as agencyName', 'agency.code as agencyCode'])
    .where('parRoundUnit.roundId', '=', input.roundId)
    .where('parRoundUnit.agencyId', '=', input.agencyId)
    .executeTakeFirst();

/** Locks a unit of a round (FOR UPDATE): every change of its scores and status goes through this lock. */
export const lockParRoundUnit = async (
  trx: Transaction<Database>,
  input: { roundId: string; agencyId: string },
): Promise<ParRoundUnitRecord | undefined> =>
  trx
    .selectFrom('parRoundUnit')
    .selectAll()
    .where('roundId', '=', input.roundId)
    .where('agencyId', '=', input.agencyId)
    .forUpdate()
    .executeTakeFirst();

/** Writes the unit's status and the anchor of its history (event count, last hash) after its events. */
export const updateParRoundUnit = async (
  trx: Db,
  input: {
    roundId: string;
    agencyId: string;
    expectedVersion: number;
    set: Pick<
      Updateable<ParRoundUnitTable>,
      | 'status'
      | 'statusChangedAt'
      | 'selfSubmittedAt'
      | 'selfLockedAt'
      | 'selfLockedBy'
      | 'explanationSubmittedAt'
      | 'tags'
      | 'excludedCodes'
    > & { eventCount: number; lastHash: string | null };
  },
): Promise<ParRoundUnitRecord | undefined> =>
  trx
    .updateTable('parRoundUnit')
    .set({ ...input.set, rowVersion: sql<number>`row_version + 1` })
    .where('roundId', '=', input.roundId)
    .where('agencyId', '=', input.agencyId)
    .where('rowVersion', '=', input.expectedVersion)
    .returningAll()
    .executeTakeFirst();

/** The unit groups a round's units belong to. */
export const listParRoundUnitGroups = async (db: Db, roundId: string): Promise<ParUnitGroupColumn[]> =>
  (await db.selectFrom('parRoundUnit').select('unitGroup').distinct().where('roundId', '=', roundId).execute()).map(
    (r) => r.unitGroup,
  );

/** How many units of a round are in each status. */
export const countParRoundUnitStatuses = async (
  db: Db,
  roundId: string,
): Promise<Partial<Record<ParUnitStatusColumn, number>>> => {
  const rows = await db
    .selectFrom('parRoundUnit')
    .select(['status', sql<string>`count(*)`.as('n')])
    .where('roundId', '=', roundId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
};

/** The rounds (not draft, not published) a unit takes part in, newest first: a unit's own view. */
export const listParRoundsOfAgencies = async (db: Db, agencyIds: readonly string[]) =>
  agencyIds.length === 0
    ? []
    : db
        .selectFrom('parRoundUnit')
        .innerJoin('parRound', 'parRound.id', 'parRoundUnit.roundId')
        .select(['parRoundUnit.roundId', 'parRoundUnit.agencyId'])
        .where('parRoundUnit.agencyId', 'in', [...agencyIds])
        .orderBy('parRound.year', 'desc')
        .limit(200)
        .execute();

// ------------------------------------------------------------------------------------------- appraisers

export const insertParAppraiser = async (
  trx: Db,
  row: { roundId: string; agencyId: string; userId: string; assignedBy: string | null; assignedAt: Date },
): Promise<boolean> => {
  const inserted = await trx
    .insertInto('parAppraiser')
    .values(row)
    .onConflict((oc) => oc.columns(['roundId', 'agencyId', 'userId']).doNothing())
    .returning('userId')
    .executeTakeFirst();
  return inserted !== undefined;
};

export const deleteParAppraiser = async (
  trx: Db,
  input: { roundId: string; agencyId: string; userId: string },
): Promise<boolean> => {
  const result = await trx
    .deleteFrom('parAppraiser')
    .where('roundId', '=', input.roundId)
    .where('agencyId', '=', input.agencyId)
    .where('userId', '=', input.userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
};

/** Appraisers of a round (optionally of one unit), with their names. */
export const listParAppraisers = async (db: Db, input: { roundId: string; agencyId?: string | undefined }) => {
  let query = db
    .selectFrom('parAppraiser')
    .innerJoin('appUser', 'appUser.id', 'parAppraiser.userId')
    .select(['parAppraiser.agencyId', 'parAppraiser.userId', 'appUser.fullName', 'parAppraiser.assignedAt'])
    .where('parAppraiser.roundId', '=', input.roundId);
  if (input.agencyId) {
    query = query.where('parAppraiser.agencyId', '=', input.agencyId);
  }
  return query.orderBy('parAppraiser.agencyId').orderBy('parAppraiser.userId').limit(5000).execute();
};

/** The units of a round assigned to an appraiser. */
export const listAssignedParAgencyIds = async (db: Db, input: { roundId: string; userId: string }): Promise<string[]> =>
  (
    await db
      .selectFrom('parAppraiser')
      .select('agencyId')
      .where('userId', '=', input.userId)
      .where('roundId', '=', input.roundId)
      .execute()
  ).map((r) => r.agencyId);

// ---------------------------------------------------------------------------------------- scores, events

export const listParScores = async (db: Db, input: { roundId: string; agencyId: string }): Promise<ParScoreRecord[]> =>
  db
    .selectFrom('parScore')
    .selectAll()
    .where('roundId', '=', input.roundId)
    .where('agencyId', '=', input.agencyId)
    .orderBy('criterionCode')
    .execute();

export const findParScore = async (
  db: Db,
  input: { roundId: string; agencyId: string; criterionCode: string },
): Promise<ParScoreRecord | undefined> =>
  db
    .selectFrom('parScore')
    .selectAll()
    .where('roundId', '=', input.roundId)
    .where('agencyId', '=', input.agencyId)
    .where('criterionCode', '=', input.criterionCode)
    .executeTakeFirst();

type ScoreValues = Omit<
  Updateable<ParScoreTable>,
  'roundId' | 'agencyId' | 'criterionCode' | 'provinceCode' | 'rowVersion' | 'updatedAt'
>;

/**
 * Writes a leaf's score. With `expectedVersion` null the row must not exist yet (the first write of the
 * leaf); otherwise the row must still be at that version. Undefined when the guard fails (409).
 */
export const writeParScore = async (
  trx: Db,
  input: {
    key: { roundId: string; agencyId: string; criterionCode: string; provinceCode: string };
    expectedVersion: number | null;
    values: ScoreValues;
    at: Date;
  },
): Promise<ParScoreRecord | undefined> => {
  if (input.expectedVersion === null) {
    return trx
      .insertInto('parScore')
      .values({ ...input.key, ...input.values, updatedAt: input.at })
      .onConflict((oc) => oc.columns(['roundId', 'agencyId', 'criterionCode']).doNothing())
      .returningAll()
      .executeTakeFirst();
  }
  return trx
    .updateTable('parScore')
    .set({ ...input.values, updatedAt: input.at, rowVersion: sql<number>`row_version + 1` })
    .where('roundId', '=', input.key.roundId)
    .where('agencyId', '=', input.key.agencyId)
    .where('criterionCode', '=', input.key.criterionCode)
    .where('rowVersion', '=', input.expectedVersion)
    .returningAll()
    .executeTakeFirst();
};

export const listParAdjustments = async (
  db: Db,
  input: { roundId: string; agencyId: string },
): Promise<ParAdjustmentRecord[]> =>
  db
    .selectFrom('parAdjustment')
    .selectAll()
    .where('roundId', '=', input.roundId)
    .where('agencyId', '=', input.agencyId)
    .orderBy('kind')
    .execute();

/** Writes a bonus or penalty of a unit, guarded like `writeParScore`. */
export const writeParAdjustment = async (
  trx: Db,
  input: {
    key: { roundId: string; agencyId: string; kind: 'bonus' | 'penalty'; provinceCode: string };
    expectedVersion: number | null;
    values: Omit<
      Updateable<ParAdjustmentTable>,
      'roundId' | 'agencyId' | 'kind' | 'provinceCode' | 'rowVersion' | 'updatedAt'
    >;
    at: Date;
  },
): Promise<ParAdjustmentRecord | undefined> => {
  if (input.expectedVersion === null) {
    return trx
      .insertInto('parAdjustment')
      .values({ ...input.key, ...input.values, updatedAt: input.at })
      .onConflict((oc) => oc.columns(['roundId', 'agencyId', 'kind']).doNothing())
      .returningAll()
      .executeTakeFirst();
  }
  return trx
    .updateTable('parAdjustment')
    .set({ ...input.values, updatedAt: input.at, rowVersion: sql<number>`row_version + 1` })
    .where('roundId', '=', input.key.roundId)
    .where('agencyId', '=', input.key.agencyId)
    .where('kind', '=', input.key.kind)
    .where('rowVersion', '=', input.expectedVersion)
    .returningAll()
    .executeTakeFirst();
};

/** Appends events to a unit's history (the caller computed seq and hashes under the unit's lock). */
export const insertParScoreEvents = async (
  trx: Db,
  rows: readonly (Omit<Insertable<ParScoreEventTable>, 'id' | 'detail'> & { detail: Record<string, unknown> | null })[],
): Promise<void> => {
  if (rows.length > 0) {
    await trx
      .insertInto('parScoreEvent')
      .values(rows.map((row) => ({ ...row, detail: row.detail === null ? null : JSON.stringify(row.detail) })))
      .execute();
  }
};

/** A unit's history in order, keyset-paginated by seq (optionally one leaf's). */
export const listParScoreEvents = async (
  db: Db,
  input: { roundId: string; agencyId: string; criterionCode?: string | undefined; afterSeq: number; limit: number },
): Promise<ParScoreEventRecord[]> => {
  let query = db
    .selectFrom('parScoreEvent')
    .selectAll()
    .where('roundId', '=', input.roundId)
    .where('agencyId', '=', input.agencyId)
    .where('seq', '>', input.afterSeq);
  if (input.criterionCode) {
    query = query.where('criterionCode', '=', input.criterionCode);
  }
  return query.orderBy('seq').orderBy('id').limit(input.limit).execute();
};

/** A unit's history for reading, in seq order, each event with the name of the official who made it. */
export const listParScoreEventsWithActors = async (
  db: Db,
  input: { roundId: string; agencyId: string; criterionCode?: string | undefined; afterSeq: number; limit: number },
) => {
  let query = db
    .selectFrom('parScoreEvent')
    .leftJoin('appUser', 'appUser.id', 'parScoreEvent.actorUserId')
    .selectAll('parScoreEvent')
    .select('appUser.fullName as actorName')
    .where('parScoreEvent.roundId', '=', input.roundId)
    .where('parScoreEvent.agencyId', '=', input.agencyId)
    .where('parScoreEvent.seq', '>', input.afterSeq);
  if (input.criterionCode) {
    query = query.where('parScoreEvent.criterionCode', '=', input.criterionCode);
  }
  return query.orderBy('parScoreEvent.seq').orderBy('parScoreEvent.id').limit(input.limit).execute();
};

/**
 * Active officials holding the PAR appraiser role at an agency of the province, found by name (the query is
 * already accent-folded), in keyset pages by username (unique index).
 */
export const listParAppraiserCandidates = async (
  db: Db,
  input: { provinceCode: string; foldedQuery?: string | undefined; afterUsername: string | null; limit: number },
) => {
  let query = db
    .selectFrom('appUser')
    .select(['appUser.id as userId', 'appUser.username', 'appUser.fullName', 'appUser.title'])
    .where('appUser.status', '=', 'active')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('userRole')
          .innerJoin('agency', 'agency.id', 'userRole.agencyId')
          .select('userRole.userId')
          .whereRef('userRole.userId', '=', 'appUser.id')
          .where('userRole.role', '=', 'par_appraiser')
          .where('agency.provinceCode', '=', input.provinceCode),
      ),
    );
  if (input.foldedQuery) {
    query = query.where('appUser.searchText', 'like', `%${input.foldedQuery.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  if (input.afterUsername !== null) {
    query = query.where('appUser.username', '>', input.afterUsername);
  }
  return query.orderBy('appUser.username').limit(input.limit).execute();
};

/** Units with their history anchors, keyset pages by (round, agency) (for `audit verify`). */
export const listParUnitAnchors = async (
  db: Db,
  input: { after: { roundId: string; agencyId: string } | null; limit: number },
) => {
  let query = db
    .selectFrom('parRoundUnit')
    .innerJoin('parRound', 'parRound.id', 'parRoundUnit.roundId')
    .innerJoin('agency', 'agency.id', 'parRoundUnit.agencyId')
    .select([
      'parRoundUnit.roundId',
      'parRoundUnit.agencyId',
      'parRoundUnit.eventCount',
      'parRoundUnit.lastHash',
      'parRound.year',
      'agency.code as agencyCode',
    ]);
  if (input.after) {
    const { roundId, agencyId } = input.after;
    query = query.where(sql<boolean>`(par_round_unit.round_id, par_round_unit.agency_id) > (${roundId}, ${agencyId})`);
  }
  return query.orderBy('parRoundUnit.roundId').orderBy('parRoundUnit.agencyId').limit(input.limit).execute();
};

// -------------------------------------------------------------------------------------------- evidence

export const insertParEvidence = async (
  trx: Db,
  row: Omit<Insertable<ParEvidenceTable>, 'id' | 'withdrawnAt' | 'withdrawnBy'>,
): Promise<ParEvidenceRecord> => trx.insertInto('parEvidence').values(row).returningAll().executeTakeFirstOrThrow();

export const listParEvidence = async (
  db: Db,
  input: { roundId: string; agencyId: string },
): Promise<ParEvidenceRecord[]> =>
  db
    .selectFrom('parEvidence')
    .selectAll()
    .where('roundId', '=', input.roundId)
    .where('agencyId', '=', input.agencyId)
    .orderBy('criterionCode')
    .orderBy('createdAt')
    .limit(5000)
    .execute();

export const findParEvidence = async (
  db: Db,
  input: { roundId: string; agencyId: string; id: string },
): Promise<ParEvidenceRecord | undefined> =>
  db
    .selectFrom('parEvidence')
    .selectAll()
    .where('roundId', '=', input.roundId)
    .where('agencyId', '=', input.agencyId)
    .where('id', '=', input.id)
    .executeTakeFirst();

export const withdrawParEvidence = async (
  trx: Db,
  input: { id: string; userId: string; at: Date },
): Promise<ParEvidenceRecord | undefined> =>
  trx
    .updateTable('parEvidence')
    .set({ withdrawnAt: input.at, withdrawnBy: input.userId })
    .where('id', '=', input.id)
    .where('withdrawnAt', 'is', null)
    .returningAll()
    .executeTakeFirst();

// ------------------------------------------------------------------------------------------- reminders

/** Rounds under way (opened, not published) of every province, for the daily reminder job. */
export const listParRoundsUnderWay = async (db: Db, input: { afterId: string; limit: number }) =>
  db
    .selectFrom('parRound')
    .selectAll()
    .where('stage', 'not in', ['draft', 'published'])
    .where('id', '>', input.afterId)
    .orderBy('id')
    .limit(input.limit)
    .execute();

/** Officials holding one of the roles at one of the agencies (or province-wide in the province), with their email. */
export const listParRecipients = async (
  db: Db,
  input: { agencyIds: readonly string[]; roles: readonly string[] },
): Promise<{ userId: string; agencyId: string; email: string | null; role: string }[]> =>
  input.agencyIds.length === 0 || input.roles.length === 0
    ? []
    : db
        .selectFrom('userRole')
        .innerJoin('appUser', 'appUser.id', 'userRole.userId')
        .select(['userRole.userId', 'userRole.agencyId', 'appUser.email', 'userRole.role'])
        .where('userRole.agencyId', 'in', [...input.agencyIds])
        .where('userRole.role', 'in', [...(input.roles as never[])])
        .where('appUser.status', '=', 'active')
        .orderBy('userRole.userId')
        .limit(10_000)
        .execute();

/** Province-wide holders of a role in a province (the organisers). */
export const listParProvinceRoleHolders = async (
  db: Db,
  input: { provinceCode: string; role: string },
): Promise<{ userId: string; agencyId: string; email: string | null }[]> =>
  db
    .selectFrom('userRole')
    .innerJoin('appUser', 'appUser.id', 'userRole.userId')
    .innerJoin('agency', 'agency.id', 'userRole.agencyId')
    .select(['userRole.userId', 'userRole.agencyId', 'appUser.email'])
    .where('agency.provinceCode', '=', input.provinceCode)
    .where('userRole.role', '=', input.role as never)
    .where('appUser.status', '=', 'active')
    .limit(1000)
    .execute();

/** Writes reminders once each (the unique key drops a repeat); answers the new rows. */
export const insertParReminders = async (
  trx: Db,
  rows: readonly Omit<Insertable<ParReminderTable>, 'id' | 'createdAt'>[],
): Promise<ParReminderRecord[]> =>
  rows.length === 0
    ? []
    : trx
        .insertInto('parReminder')
        .values([...rows])
        .onConflict((oc) => oc.columns(['roundId', 'agencyId', 'userId', 'deadline', 'dueDate']).doNothing())
        .returningAll()
        .execute();

export const updateParReminder = async (
  db: Db,
  input: {
    id: string;
    status: ParReminderRecord['status'];
    skipReason: ParReminderRecord['skipReason'];
    sentAt: Date | null;
  },
): Promise<void> => {
  await db
    .updateTable('parReminder')
    .set({ status: input.status, skipReason: input.skipReason, sentAt: input.sentAt })
    .where('id', '=', input.id)
    .execute();
};

/** A person's reminders, newest first (keyset on created_at, id). */
export const listParRemindersOfUser = async (db: Db, input: { userId: string; limit: number }) =>
  db
    .selectFrom('parReminder')
    .innerJoin('parRound', 'parRound.id', 'parReminder.roundId')
    .innerJoin('agency', 'agency.id', 'parReminder.agencyId')
    .select([
      'parReminder.id',
      'parReminder.roundId',
      'parReminder.agencyId',
      'agency.name as agencyName',
      'parRound.title as roundTitle',
      'parReminder.deadline',
      'parReminder.dueDate',
      'parReminder.remindOn',
      'parReminder.status',
      'parReminder.createdAt',
    ])
    .where('parReminder.userId', '=', input.userId)
    .orderBy('parReminder.createdAt', 'desc')
    .orderBy('parReminder.id', 'desc')
    .limit(input.limit)
    .execute();

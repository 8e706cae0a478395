/**
 * PAR Index criteria sets and their trees (migration 0018_par_index.sql: par_criteria_set, par_criterion).
 * A draft's tree is written whole (replaceCriteriaTree) after each edit: a set has a few hundred nodes at most,
 * and the use-case renumbers the tree as published, so one delete and one insert keep codes and sums consistent.
 */
import type { ParCriterion, ParSetStatus, ParUnitGroup } from '@motcua/domain';
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from './schema.js';
import type { ParCriteriaSetTable } from './tables/par.js';

type Db = Kysely<Database> | Transaction<Database>;

export type CriteriaSetRecord = Selectable<ParCriteriaSetTable>;

/** The keyset of the set list, in its index's order (year newest first, group, version newest first). */
export type CriteriaSetKey = { year: number; unitGroup: ParUnitGroup; version: number };

/** A province's criteria sets, newest year first, in keyset pages (migration 0018 par_criteria_set_list_idx). */
export const listCriteriaSets = async (
  db: Db,
  input: {
    provinceCode: string;
    year?: number | undefined;
    unitGroup?: ParUnitGroup | undefined;
    status?: ParSetStatus | undefined;
    after?: CriteriaSetKey | undefined;
    limit: number;
  },
): Promise<CriteriaSetRecord[]> => {
  let query = db.selectFrom('parCriteriaSet').selectAll().where('provinceCode', '=', input.provinceCode);
  if (input.year !== undefined) {
    query = query.where('year', '=', input.year);
  }
  if (input.unitGroup !== undefined) {
    query = query.where('unitGroup', '=', input.unitGroup);
  }
  if (input.status !== undefined) {
    query = query.where('status', '=', input.status);
  }
  const after = input.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('year', '<', after.year),
        eb.and([eb('year', '=', after.year), eb('unitGroup', '>', after.unitGroup)]),
        eb.and([eb('year', '=', after.year), eb('unitGroup', '=', after.unitGroup), eb('version', '<', after.version)]),
      ]),
    );
  }
  return query
    .orderBy('year', 'desc')
    .orderBy('unitGroup', 'asc')
    .orderBy('version', 'desc')
    .limit(input.limit)
    .execute();
};

export const findCriteriaSet = async (db: Db, id: string): Promise<CriteriaSetRecord | undefined> =>
  db.selectFrom('parCriteriaSet').selectAll().where('id', '=', id).executeTakeFirst();

/** The set, its row locked until the transaction ends (edits of one draft run one after another). */
export const findCriteriaSetForUpdate = async (
  trx: Transaction<Database>,
  id: string,
): Promise<CriteriaSetRecord | undefined> =>
  trx.selectFrom('parCriteriaSet').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** The set in force (published or frozen) of a year and group, if any. */
export const findCriteriaSetInForce = async (
  db: Db,
  input: { provinceCode: string; year: number; unitGroup: ParUnitGroup },
): Promise<CriteriaSetRecord | undefined> =>
  db
    .selectFrom('parCriteriaSet')
    .selectAll()
    .where('provinceCode', '=', input.provinceCode)
    .where('year', '=', input.year)
    .where('unitGroup', '=', input.unitGroup)
    .where('status', 'in', ['published', 'frozen'])
    .executeTakeFirst();

/** The tree of a set in published order (by position under each parent, i.e. by code). */
export const findCriteriaTree = async (db: Db, setId: string): Promise<ParCriterion[]> => {
  const rows = await db
    .selectFrom('parCriterion')
    .select([
      'code',
      'parentCode',
      'kind',
      'position',
      'title',
      'maxPoints',
      'scoringRule',
      'evidenceRequired',
      'surveyScored',
      'systemMeasure',
      'notApplicableTo',
    ])
    .where('setId', '=', setId)
    .orderBy('position')
    .execute();
  const segments = (code: string) => code.split('.').map(Number);
  return rows.sort((a, b) => {
    const x = segments(a.code);
    const y = segments(b.code);
    for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
      const diff = (x[i] ?? -1) - (y[i] ?? -1);
      if (diff !== 0) {
        return diff;
      }
    }
    return 0;
  });
};

/** The next version number of a year and group's sets (1 for the first). */
export const findNextCriteriaSetVersion = async (
  db: Db,
  input: { provinceCode: string; year: number; unitGroup: ParUnitGroup },
): Promise<number> => {
  const row = await db
    .selectFrom('parCriteriaSet')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('provinceCode', '=', input.provinceCode)
    .where('year', '=', input.year)
    .where('unitGroup', '=', input.unitGroup)
    .executeTakeFirst();
  return Number(row?.version ?? 0) + 1;
};

export const insertCriteriaSet = async (
  trx: Transaction<Database>,
  row: Insertable<ParCriteriaSetTable>,
): Promise<CriteriaSetRecord> => trx.insertInto('parCriteriaSet').values(row).returningAll().executeTakeFirstOrThrow();

/** Replaces a set's whole tree (a draft's, after an edit or an import). */
export const replaceCriteriaTree = async (
  trx: Transaction<Database>,
  setId: string,
  nodes: readonly ParCriterion[],
): Promise<void> => {
  await trx.deleteFrom('parCriterion').where('setId', '=', setId).execute();
  if (nodes.length === 0) {
    return;
  }
  await trx
    .insertInto('parCriterion')
    .values(
      nodes.map((node) => ({
        setId,
        code: node.code,
        parentCode: node.parentCode,
        kind: node.kind,
        position: node.position,
        title: node.title,
        maxPoints: node.maxPoints,
        scoringRule: node.scoringRule,
        evidenceRequired: node.evidenceRequired,
        surveyScored: node.surveyScored,
        systemMeasure: node.systemMeasure,
        notApplicableTo: [...node.notApplicableTo],
      })),
    )
    .execute();
};

/**
 * Changes a draft's header fields, guarded by the version the caller saw: undefined when the set is no longer a
 * draft or another edit came first.
 */
export const updateCriteriaSetDraft = async (
  trx: Transaction<Database>,
  input: {
    id: string;
    expectedVersion: number;
    patch: Partial<Pick<CriteriaSetRecord, 'title' | 'bonusCap' | 'penaltyCap' | 'totalMax'>>;
  },
): Promise<CriteriaSetRecord | undefined> =>
  trx
    .updateTable('parCriteriaSet')
    .set((eb) => ({ ...input.patch, updatedAt: new Date(), rowVersion: eb('rowVersion', '+', 1) }))
    .where('id', '=', input.id)
    .where('status', '=', 'draft')
    .where('rowVersion', '=', input.expectedVersion)
    .returningAll()
    .executeTakeFirst();

/** Publishes a draft with its decision (version-guarded; the in-force unique index refuses a second one). */
export const publishCriteriaSetDraft = async (
  trx: Transaction<Database>,
  input: {
    id: string;
    expectedVersion: number;
    decisionNumber: string;
    decisionDate: string;
    totalMax: number;
    publishedBy: string;
  },
): Promise<CriteriaSetRecord | undefined> =>
  trx
    .updateTable('parCriteriaSet')
    .set((eb) => ({
      status: 'published',
      decisionNumber: input.decisionNumber,
      decisionDate: input.decisionDate,
      totalMax: input.totalMax,
      publishedAt: new Date(),
      publishedBy: input.publishedBy,
      updatedAt: new Date(),
      rowVersion: eb('rowVersion', '+', 1),
    }))
    .where('id', '=', input.id)
    .where('status', '=', 'draft')
    .where('rowVersion', '=', input.expectedVersion)
    .returningAll()
    .executeTakeFirst();

/**
 * Freezes a published set when a round scoring against it opens, in the caller's transaction (the round's).
 * Idempotent: a frozen set stays frozen. Undefined when the set does not exist or is still a draft — a round
 * never scores against an unpublished set.
 */
export const freezeCriteriaSet = async (
  trx: Transaction<Database>,
  setId: string,
): Promise<CriteriaSetRecord | undefined> =>
  trx
    .updateTable('parCriteriaSet')
    .set((eb) => ({
      status: 'frozen',
      updatedAt: eb.case().when('status', '=', 'frozen').then(eb.ref('updatedAt')).else(new Date()).end(),
      rowVersion: eb
        .case()
        .when('status', '=', 'frozen')
        .then(eb.ref('rowVersion'))
        .else(eb('rowVersion', '+', 1))
        .end(),
    }))
    .where('id', '=', setId)
    .where('status', 'in', ['published', 'frozen'])
    .returningAll()
    .executeTakeFirst();

/** Deletes a draft (its tree goes with it), version-guarded; false when it is not a draft or was changed. */
export const deleteCriteriaSetDraft = async (
  trx: Transaction<Database>,
  input: { id: string; expectedVersion: number },
): Promise<boolean> => {
  const result = await trx
    .deleteFrom('parCriteriaSet')
    .where('id', '=', input.id)
    .where('status', '=', 'draft')
    .where('rowVersion', '=', input.expectedVersion)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
};

/** Whether a demo set of this year and group exists in the province (the demo seed adds its sets once). */
export const hasDemoCriteriaSet = async (
  db: Db,
  input: { provinceCode: string; year: number; unitGroup: ParUnitGroup },
): Promise<boolean> => {
  const row = await db
    .selectFrom('parCriteriaSet')
    .select('id')
    .where('provinceCode', '=', input.provinceCode)
    .where('year', '=', input.year)
    .where('unitGroup', '=', input.unitGroup)
    .where('isDemo', '=', true)
    .executeTakeFirst();
  return row !== undefined;
};

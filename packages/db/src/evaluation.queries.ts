import { type Insertable, type Kysely, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import type { Database } from './schema.js';
import type {
  EvaluationItemTable,
  EvaluationPeriodTable,
  EvaluationSettingTable,
  EvaluationSheetTable,
} from './tables/work.js';

/**
 * Staff evaluation (migrations 0034, 0039): the agency's settings, the periods, the sheets and their work items,
 * and the reads that gather the items from tasks and one-stop dossier steps. The only SQL of the area.
 */

type Db = Kysely<Database> | Transaction<Database>;

export type EvaluationSettingRecord = Selectable<EvaluationSettingTable>;
export type EvaluationPeriodRecord = Selectable<EvaluationPeriodTable>;
export type EvaluationSheetRecord = Selectable<EvaluationSheetTable>;
export type EvaluationItemRecord = Selectable<EvaluationItemTable>;

export const findEvaluationSetting = async (db: Db, agencyId: string) =>
  db.selectFrom('evaluationSetting').selectAll().where('agencyId', '=', agencyId).executeTakeFirst();

/** Writes the settings at the version read (0: none saved yet); answers the new row, or undefined on a conflict. */
export const saveEvaluationSetting = async (
  trx: Transaction<Database>,
  input: Omit<Insertable<EvaluationSettingTable>, 'version' | 'updatedAt'> & { expectedVersion: number; at: Date },
) => {
  const { expectedVersion, at, ...values } = input;
  if (expectedVersion === 0) {
    return trx
      .insertInto('evaluationSetting')
      .values({ ...values, version: 1, updatedAt: at })
      .onConflict((oc) => oc.column('agencyId').doNothing())
      .returningAll()
      .executeTakeFirst();
  }
  return trx
    .updateTable('evaluationSetting')
    .set({ ...values, version: expectedVersion + 1, updatedAt: at })
    .where('agencyId', '=', values.agencyId)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
};

export const listEvaluationPeriods = async (db: Db, agencyId: string) =>
  db
    .selectFrom('evaluationPeriod')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .orderBy('year', 'desc')
    .orderBy('kind')
    .orderBy('number', 'desc')
    .limit(200)
    .execute();

export const findEvaluationPeriod = async (db: Db, id: string) =>
  db.selectFrom('evaluationPeriod').selectAll().where('id', '=', id).executeTakeFirst();

export const findEvaluationPeriodByNumber = async (
  db: Db,
  agencyId: string,
  kind: EvaluationPeriodRecord['kind'],
  year: number,
  number: number,
) =>
  db
    .selectFrom('evaluationPeriod')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('kind', '=', kind)
    .where('year', '=', year)
    .where('number', '=', number)
    .executeTakeFirst();

export const insertEvaluationPeriod = async (trx: Db, values: Insertable<EvaluationPeriodTable>) =>
  trx
    .insertInto('evaluationPeriod')
    .values(values)
    .onConflict((oc) => oc.columns(['agencyId', 'kind', 'year', 'number']).doNothing())
    .returningAll()
    .executeTakeFirst();

export const updateEvaluationPeriod = async (trx: Db, id: string, patch: Updateable<EvaluationPeriodTable>) =>
  trx.updateTable('evaluationPeriod').set(patch).where('id', '=', id).returningAll().executeTakeFirst();

/** An official of the agency: their roles at the agency or at one of its sub-agencies (phòng, đơn vị). */
export type AgencyOfficialRow = {
  userId: string;
  fullName: string;
  title: string | null;
  role: string;
  agencyId: string;
  agencyName: string;
};

/** Every active official holding a role at the agency or below it (one row per role). */
export const listAgencyOfficialRoles = async (db: Db, agencyId: string): Promise<AgencyOfficialRow[]> =>
  db
    .selectFrom('userRole')
    .innerJoin('appUser', 'appUser.id', 'userRole.userId')
    .innerJoin('agency as unit', 'unit.id', 'userRole.agencyId')
    .innerJoin('agency as top', (join) => join.on('top.id', '=', agencyId))
    .where(sql<boolean>`unit.path like top.path || '%'`)
    .where('appUser.status', '=', 'active')
    .select([
      'userRole.userId',
      'appUser.fullName',
      'appUser.title',
      'userRole.role',
      'userRole.agencyId',
      'unit.name as agencyName',
    ])
    .orderBy('appUser.fullName')
    .orderBy('userRole.userId')
    .execute();

/** The tasks an official leads that were due or completed in [from, to) (cancelled ones do not count). */
export const listTasksForEvaluation = async (db: Db, userId: string, from: Date, to: Date) =>
  db
    .selectFrom('task')
    .select([
      'id',
      'title',
      'workKind',
      'assignedAt',
      'dueAt',
      'completedAt',
      'completionClass',
      'returnedCount',
      'status',
    ])
    .where('leadUserId', '=', userId)
    .where('status', '<>', 'cancelled')
    .where((eb) =>
      eb.or([
        eb.and([eb('dueAt', '>=', from), eb('dueAt', '<', to)]),
        eb.and([eb('completedAt', '>=', from), eb('completedAt', '<', to)]),
      ]),
    )
    .orderBy('dueAt')
    .orderBy('id')
    .limit(2000)
    .execute();

/** The one-stop dossier steps an official completed in [from, to) (index dossier_step_completed_by_idx). */
export const listDossierStepsForEvaluation = async (db: Db, userId: string, from: Date, to: Date) =>
  db
    .selectFrom('dossierStep')
    .innerJoin('dossier', 'dossier.id', 'dossierStep.dossierId')
    .select([
      'dossierStep.dossierId',
      'dossierStep.stepNo',
      'dossierStep.name',
      'dossierStep.dueAt',
      'dossierStep.completedAt',
      'dossierStep.overrunMinutes',
      'dossier.code as dossierCode',
    ])
    .where('dossierStep.completedByUserId', '=', userId)
    .where('dossierStep.completedAt', '>=', from)
    .where('dossierStep.completedAt', '<', to)
    .orderBy('dossierStep.completedAt')
    .orderBy('dossierStep.dossierId')
    .limit(5000)
    .execute();

export const findEvaluationSheet = async (db: Db, id: string) =>
  db.selectFrom('evaluationSheet').selectAll().where('id', '=', id).executeTakeFirst();

export const findEvaluationSheetForUpdate = async (trx: Transaction<Database>, id: string) =>
  trx.selectFrom('evaluationSheet').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const findEvaluationSheetOfUser = async (db: Db, periodId: string, userId: string) =>
  db
    .selectFrom('evaluationSheet')
    .selectAll()
    .where('periodId', '=', periodId)
    .where('userId', '=', userId)
    .executeTakeFirst();

/** A sheet with the official's name, title and unit name, as lists and exports show it. */
export const listEvaluationSheetsOfPeriod = async (db: Db, periodId: string) =>
  db
    .selectFrom('evaluationSheet')
    .innerJoin('appUser', 'appUser.id', 'evaluationSheet.userId')
    .leftJoin('agency as unit', 'unit.id', 'evaluationSheet.unitId')
    .selectAll('evaluationSheet')
    .select(['appUser.fullName', 'appUser.title', 'appUser.username', 'unit.name as unitName'])
    .where('evaluationSheet.periodId', '=', periodId)
    .orderBy('evaluationSheet.agencyId')
    .orderBy('evaluationSheet.id')
    .limit(5000)
    .execute();

export type EvaluationSheetListRow = Awaited<ReturnType<typeof listEvaluationSheetsOfPeriod>>[number];

/** The official's own sheets, newest period first. */
export const listEvaluationSheetsOfUser = async (db: Db, userId: string) =>
  db
    .selectFrom('evaluationSheet')
    .innerJoin('evaluationPeriod', 'evaluationPeriod.id', 'evaluationSheet.periodId')
    .selectAll('evaluationSheet')
    .select([
      'evaluationPeriod.kind as periodKind',
      'evaluationPeriod.year as periodYear',
      'evaluationPeriod.number as periodNumber',
      'evaluationPeriod.unitBand as periodUnitBand',
    ])
    .where('evaluationSheet.userId', '=', userId)
    .orderBy('evaluationPeriod.startsOn', 'desc')
    .orderBy('evaluationSheet.id')
    .limit(200)
    .execute();

/** The decided-or-not sheets of a user in the sub-periods (months or quarters) of a year. */
export const listUserSheetsInYear = async (db: Db, agencyId: string, userId: string, year: number) =>
  db
    .selectFrom('evaluationSheet')
    .innerJoin('evaluationPeriod', 'evaluationPeriod.id', 'evaluationSheet.periodId')
    .selectAll('evaluationSheet')
    .select(['evaluationPeriod.kind as periodKind', 'evaluationPeriod.number as periodNumber'])
    .where('evaluationPeriod.agencyId', '=', agencyId)
    .where('evaluationPeriod.year', '=', year)
    .where('evaluationPeriod.kind', '<>', 'year')
    .where('evaluationSheet.userId', '=', userId)
    .orderBy('evaluationPeriod.startsOn')
    .execute();

export const insertEvaluationSheet = async (trx: Transaction<Database>, values: Insertable<EvaluationSheetTable>) =>
  trx.insertInto('evaluationSheet').values(values).returningAll().executeTakeFirstOrThrow();

/** Updates a sheet at the version read; answers the new row, or undefined when another change came first. */
export const updateEvaluationSheetGuarded = async (
  trx: Transaction<Database>,
  id: string,
  expectedVersion: number,
  patch: Updateable<EvaluationSheetTable>,
) =>
  trx
    .updateTable('evaluationSheet')
    .set({ ...patch, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();

export const listEvaluationItems = async (db: Db, sheetId: string) =>
  db
    .selectFrom('evaluationItem')
    .selectAll()
    .where('sheetId', '=', sheetId)
    .orderBy('sourceKind')
    .orderBy('id')
    .limit(10_000)
    .execute();

/** Replaces the gathered items of a sheet (tasks and dossier steps); manual items stay. */
export const replaceGatheredEvaluationItems = async (
  trx: Transaction<Database>,
  sheetId: string,
  items: readonly Insertable<EvaluationItemTable>[],
) => {
  await trx
    .deleteFrom('evaluationItem')
    .where('sheetId', '=', sheetId)
    .where('sourceKind', 'in', ['task', 'dossier_step'])
    .execute();
  for (let start = 0; start < items.length; start += 500) {
    await trx
      .insertInto('evaluationItem')
      .values(items.slice(start, start + 500))
      .execute();
  }
};

export const updateEvaluationItem = async (
  trx: Transaction<Database>,
  sheetId: string,
  itemId: string,
  patch: Updateable<EvaluationItemTable>,
) =>
  trx
    .updateTable('evaluationItem')
    .set(patch)
    .where('id', '=', itemId)
    .where('sheetId', '=', sheetId)
    .returningAll()
    .executeTakeFirst();

/** A sheet's items with what they link to: the dossier's code for a dossier step (the drill-down of a figure). */
export const listEvaluationItemsWithSources = async (db: Db, sheetId: string) =>
  db
    .selectFrom('evaluationItem')
    .leftJoin('dossier', (join) =>
      join.onRef('dossier.id', '=', 'evaluationItem.sourceId').on('evaluationItem.sourceKind', '=', 'dossier_step'),
    )
    .selectAll('evaluationItem')
    .select(['dossier.code as dossierCode'])
    .where('evaluationItem.sheetId', '=', sheetId)
    .orderBy('evaluationItem.sourceKind')
    .orderBy('evaluationItem.id')
    .limit(10_000)
    .execute();

/** Adds items to a sheet (manual items: work the systems do not record, added by the manager or the demo). */
export const insertEvaluationItems = async (
  db: Db,
  items: readonly Insertable<EvaluationItemTable>[],
): Promise<void> => {
  if (items.length > 0) {
    await db.insertInto('evaluationItem').values(items).execute();
  }
};

/** The officials holding one of `roles` at exactly this agency (the heads of a unit, who review its sheets). */
export const listHoldersAt = async (db: Db, agencyId: string, roles: readonly string[]) =>
  roles.length === 0
    ? []
    : db
        .selectFrom('userRole')
        .select('userId')
        .distinct()
        .where('agencyId', '=', agencyId)
        .where('role', 'in', roles as never)
        .orderBy('userId')
        .execute();

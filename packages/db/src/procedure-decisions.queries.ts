import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';
import type { ProcedureChangeKind, ProcedureDecisionStatus } from './tables/procedure-decisions.js';

type Db = Kysely<Database> | Transaction<Database>;

export type { ProcedureChangeKind, ProcedureDecisionStatus };

export type ProcedureDecisionRecord = {
  id: string;
  provinceCode: string;
  number: string;
  signedOn: string;
  title: string;
  effectiveOn: string | null;
  signer: string | null;
  importId: string | null;
  status: ProcedureDecisionStatus;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
};

const decisionColumns = [
  'procedureDecision.id',
  'procedureDecision.provinceCode',
  'procedureDecision.number',
  'procedureDecision.signedOn',
  'procedureDecision.title',
  'procedureDecision.effectiveOn',
  'procedureDecision.signer',
  'procedureDecision.importId',
  'procedureDecision.status',
  'procedureDecision.publishedAt',
  'procedureDecision.createdAt',
  'procedureDecision.updatedAt',
  'procedureDecision.version',
] as const;

export type ProcedureDecisionFields = {
  number: string;
  signedOn: string;
  title: string;
  effectiveOn: string | null;
  signer: string | null;
};

export type NewProcedureDecisionItem = {
  catalog: string;
  procedureCode: string;
  procedureName: string;
  changeKind: ProcedureChangeKind;
  procedureId: string | null;
  procedureVersionId: string | null;
};

/** Inserts a draft decision; undefined when the province already has a decision with that number. */
export const insertProcedureDecision = async (
  db: Db,
  row: ProcedureDecisionFields & { provinceCode: string; importId: string | null; createdBy: string | null },
): Promise<ProcedureDecisionRecord | undefined> =>
  db
    .insertInto('procedureDecision')
    .values(row)
    .onConflict((oc) => oc.columns(['provinceCode', 'number']).doNothing())
    .returning(decisionColumns)
    .executeTakeFirst();

/** Changes a draft at the version the editor saw; undefined when it moved on or is published. */
export const updateProcedureDecisionDraft = async (
  db: Db,
  input: { id: string; version: number; now: Date; fields: ProcedureDecisionFields },
): Promise<ProcedureDecisionRecord | undefined> =>
  db
    .updateTable('procedureDecision')
    .set((eb) => ({ ...input.fields, updatedAt: input.now, version: eb('version', '+', 1) }))
    .where('id', '=', input.id)
    .where('version', '=', input.version)
    .where('status', '=', 'draft')
    .returning(decisionColumns)
    .executeTakeFirst();

/** Publishes a draft at the version the editor saw; undefined when it moved on or is already published. */
export const publishProcedureDecisionRow = async (
  db: Db,
  input: { id: string; version: number; now: Date; publishedBy: string | null },
): Promise<ProcedureDecisionRecord | undefined> =>
  db
    .updateTable('procedureDecision')
    .set((eb) => ({
      status: 'published',
      publishedAt: input.now,
      publishedBy: input.publishedBy,
      updatedAt: input.now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', input.id)
    .where('version', '=', input.version)
    .where('status', '=', 'draft')
    .returning(decisionColumns)
    .executeTakeFirst();

/** The items of a draft, replaced whole (their order is the decision's). */
export const replaceProcedureDecisionItems = async (
  db: Db,
  input: { decisionId: string; provinceCode: string; items: readonly NewProcedureDecisionItem[] },
): Promise<void> => {
  await db.deleteFrom('procedureDecisionItem').where('decisionId', '=', input.decisionId).execute();
  if (input.items.length === 0) {
    return;
  }
  await db
    .insertInto('procedureDecisionItem')
    .values(
      input.items.map((item, index) => ({
        ...item,
        decisionId: input.decisionId,
        provinceCode: input.provinceCode,
        position: index + 1,
      })),
    )
    .execute();
};

export const findProcedureDecision = async (db: Db, id: string): Promise<ProcedureDecisionRecord | undefined> =>
  db.selectFrom('procedureDecision').select(decisionColumns).where('id', '=', id).executeTakeFirst();

export type ProcedureDecisionItemRecord = NewProcedureDecisionItem & {
  position: number;
  /** The procedure as the catalog holds it now (null when the code is not in the catalog). */
  procedureStatus: 'active' | 'abolished' | null;
  currentVersionId: string | null;
  versionNo: number | null;
};

/** The procedures of a decision in its order, with their state in the catalog today. */
export const listProcedureDecisionItems = async (db: Db, decisionId: string): Promise<ProcedureDecisionItemRecord[]> =>
  db
    .selectFrom('procedureDecisionItem as item')
    .leftJoin('procedure', 'procedure.id', 'item.procedureId')
    .leftJoin('procedureVersion', 'procedureVersion.id', 'item.procedureVersionId')
    .select([
      'item.position',
      'item.catalog',
      'item.procedureCode',
      'item.procedureName',
      'item.changeKind',
      'item.procedureId',
      'item.procedureVersionId',
      'procedure.status as procedureStatus',
      'procedure.currentVersionId',
      'procedureVersion.versionNo',
    ])
    .where('item.decisionId', '=', decisionId)
    .orderBy('item.position')
    .execute();

export type ProcedureDecisionListItem = ProcedureDecisionRecord & {
  newCount: number;
  amendedCount: number;
  abolishedCount: number;
};

/**
 * One page of a province's decisions, newest signature first (keyset on signed_on, id): the published ones
 * only for the portal, or every one (drafts too) for its editors.
 */
export const listProcedureDecisionsPage = async (
  db: Db,
  input: {
    provinceCode: string;
    status?: ProcedureDecisionStatus | undefined;
    after?: { signedOn: string; id: string } | undefined;
    limit: number;
  },
): Promise<ProcedureDecisionListItem[]> => {
  let query = db.selectFrom('procedureDecision').where('procedureDecision.provinceCode', '=', input.provinceCode);
  if (input.status) {
    query = query.where('procedureDecision.status', '=', input.status);
  }
  if (input.after) {
    const after = input.after;
    query = query.where((eb) =>
      eb.or([
        eb('procedureDecision.signedOn', '<', after.signedOn),
        eb.and([eb('procedureDecision.signedOn', '=', after.signedOn), eb('procedureDecision.id', '<', after.id)]),
      ]),
    );
  }
  const rows = await query
    .select(decisionColumns)
    .orderBy('procedureDecision.signedOn', 'desc')
    .orderBy('procedureDecision.id', 'desc')
    .limit(input.limit)
    .execute();
  const counts =
    rows.length === 0
      ? []
      : await db
          .selectFrom('procedureDecisionItem')
          .select(['decisionId', 'changeKind', (eb) => eb.fn.countAll<number>().as('n')])
          .where(
            'decisionId',
            'in',
            rows.map((row) => row.id),
          )
          .groupBy(['decisionId', 'changeKind'])
          .execute();
  const countOf = (id: string, kind: ProcedureChangeKind) =>
    Number(counts.find((c) => c.decisionId === id && c.changeKind === kind)?.n ?? 0);
  return rows.map((row) => ({
    ...row,
    newCount: countOf(row.id, 'new'),
    amendedCount: countOf(row.id, 'amended'),
    abolishedCount: countOf(row.id, 'abolished'),
  }));
};

export type ProcedureDecisionOfProcedure = {
  id: string;
  number: string;
  signedOn: string;
  title: string;
  effectiveOn: string | null;
  changeKind: ProcedureChangeKind;
};

/** The published decisions that changed a procedure, newest first. */
export const listPublishedDecisionsOfProcedure = async (
  db: Db,
  input: { catalog: string; procedureCode: string },
): Promise<ProcedureDecisionOfProcedure[]> =>
  db
    .selectFrom('procedureDecisionItem as item')
    .innerJoin('procedureDecision', 'procedureDecision.id', 'item.decisionId')
    .select([
      'procedureDecision.id',
      'procedureDecision.number',
      'procedureDecision.signedOn',
      'procedureDecision.title',
      'procedureDecision.effectiveOn',
      'item.changeKind',
    ])
    .where('item.catalog', '=', input.catalog)
    .where('item.procedureCode', '=', input.procedureCode)
    .where('procedureDecision.status', '=', 'published')
    .orderBy('procedureDecision.signedOn', 'desc')
    .orderBy('procedureDecision.id', 'desc')
    .limit(100)
    .execute();

export type CatalogProcedureRef = {
  id: string;
  catalog: string;
  code: string;
  name: string;
  status: 'active' | 'abolished';
  currentVersionId: string | null;
};

/** Procedures of a catalog by code (the ones a decision lists); codes not in the catalog are left out. */
export const listCatalogProceduresByCodes = async (
  db: Db,
  input: { catalog: string; codes: readonly string[] },
): Promise<CatalogProcedureRef[]> =>
  input.codes.length === 0
    ? []
    : db
        .selectFrom('procedure')
        .select(['id', 'catalog', 'code', 'name', 'status', 'currentVersionId'])
        .where('catalog', '=', input.catalog)
        .where('code', 'in', [...input.codes])
        .execute();

export type CatalogImportChange = {
  code: string;
  name: string;
  outcome: 'created' | 'updated';
  procedureId: string | null;
  procedureVersionId: string | null;
};

/** What an import run created or changed, with the version it wrote (the rows a decision is drafted from). */
export const listCatalogImportChanges = async (db: Db, importId: string): Promise<CatalogImportChange[]> => {
  const rows = await db
    .selectFrom('catalogImportRow as row')
    .leftJoin('procedure', (join) =>
      join.onRef('procedure.catalog', '=', 'row.catalog').onRef('procedure.code', '=', 'row.code'),
    )
    .leftJoin('procedureVersion', (join) =>
      join
        .onRef('procedureVersion.procedureId', '=', 'procedure.id')
        .onRef('procedureVersion.versionNo', '=', 'row.versionNo'),
    )
    .select([
      'row.code',
      'row.name',
      'row.outcome',
      'procedure.id as procedureId',
      'procedure.name as procedureName',
      'procedureVersion.id as procedureVersionId',
    ])
    .where('row.importId', '=', importId)
    .where('row.outcome', 'in', ['created', 'updated'])
    .where('row.code', 'is not', null)
    .orderBy('row.rowNo')
    .limit(2000)
    .execute();
  return rows.map((row) => ({
    code: row.code ?? '',
    name: row.procedureName ?? row.name ?? row.code ?? '',
    outcome: row.outcome as 'created' | 'updated',
    procedureId: row.procedureId,
    procedureVersionId: row.procedureVersionId,
  }));
};

/**
 * SIPAS satisfaction surveys (migration 0023_sipas.sql): questionnaires, campaigns, the sample,
 * invitations, anonymous responses and the answer counts the index is computed from.
 */
import { type Insertable, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import { handlingAgencySql } from './statistics-sql.js';
import type {
  SipasCampaignStatus,
  SipasCampaignTable,
  SipasQuestionnaireTable,
  SipasRespondentContact,
  SipasResponseMode,
} from './tables/sipas.js';

type Db = Kysely<Database> | Transaction<Database>;

export type SipasQuestionnaireRecord = Selectable<SipasQuestionnaireTable>;
export type SipasCampaignRecord = Selectable<SipasCampaignTable>;

// ---------------------------------------------------------------- questionnaires

/** Saves the next version of a questionnaire family in one statement (1 for a new family). */
export const insertSipasQuestionnaireVersion = async (
  trx: Transaction<Database>,
  row: {
    provinceCode: string;
    code: string;
    title: string;
    definition: unknown;
    createdBy: string | null;
    isDemo?: boolean;
  },
): Promise<SipasQuestionnaireRecord> => {
  // Two designers saving at once: the unique (province, code, version) makes the second fail, and the
  // caller's transaction retries or reports it.
  const next = await trx
    .selectFrom('sipasQuestionnaire')
    .select(sql<number>`coalesce(max(version), 0) + 1`.as('version'))
    .where('provinceCode', '=', row.provinceCode)
    .where('code', '=', row.code)
    .executeTakeFirstOrThrow();
  return trx
    .insertInto('sipasQuestionnaire')
    .values({
      provinceCode: row.provinceCode,
      code: row.code,
      version: next.version,
      title: row.title,
      definition: JSON.stringify(row.definition),
      createdBy: row.createdBy,
      isDemo: row.isDemo ?? false,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
};

export const findSipasQuestionnaire = async (db: Db, id: string): Promise<SipasQuestionnaireRecord | undefined> =>
  db.selectFrom('sipasQuestionnaire').selectAll().where('id', '=', id).executeTakeFirst();

/** The latest version of each questionnaire family of a province (few families: no paging needed). */
export const listLatestSipasQuestionnaires = async (
  db: Db,
  provinceCode: string,
): Promise<SipasQuestionnaireRecord[]> =>
  db
    .selectFrom('sipasQuestionnaire as q')
    .selectAll('q')
    .where('q.provinceCode', '=', provinceCode)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('sipasQuestionnaire as later')
            .select('later.id')
            .whereRef('later.provinceCode', '=', 'q.provinceCode')
            .whereRef('later.code', '=', 'q.code')
            .whereRef('later.version', '>', 'q.version'),
        ),
      ),
    )
    .orderBy('q.code')
    .limit(200)
    .execute();

// ---------------------------------------------------------------- campaigns

export const insertSipasCampaign = async (
  trx: Transaction<Database>,
  row: Omit<Insertable<SipasCampaignTable>, 'id' | 'status' | 'indexSettings' | 'publishedResult'> & {
    indexSettings: SipasCampaignTable['indexSettings']['__select__'];
  },
): Promise<SipasCampaignRecord> =>
  trx
    .insertInto('sipasCampaign')
    .values({ ...row, status: 'draft', indexSettings: JSON.stringify(row.indexSettings) })
    .returningAll()
    .executeTakeFirstOrThrow();

export const findSipasCampaign = async (db: Db, id: string): Promise<SipasCampaignRecord | undefined> =>
  db.selectFrom('sipasCampaign').selectAll().where('id', '=', id).executeTakeFirst();

export const lockSipasCampaign = async (
  trx: Transaction<Database>,
  id: string,
): Promise<SipasCampaignRecord | undefined> =>
  trx.selectFrom('sipasCampaign').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** A province's campaigns, newest year first, keyset-paginated on (year, created_at, id). */
export const listSipasCampaigns = async (
  db: Db,
  input: { provinceCode: string; limit: number; after?: { year: number; createdAt: Date; id: string } | undefined },
): Promise<SipasCampaignRecord[]> => {
  let query = db.selectFrom('sipasCampaign').selectAll().where('provinceCode', '=', input.provinceCode);
  const after = input.after;
  if (after) {
    query = query.where(sql<boolean>`(year, created_at, id) < (${after.year}, ${after.createdAt}, ${after.id}::uuid)`);
  }
  return query.orderBy('year', 'desc').orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(input.limit).execute();
};

/** A guarded change of a campaign: applies only at the row version the caller read (else undefined). */
export const updateSipasCampaign = async (
  trx: Transaction<Database>,
  input: {
    id: string;
    rowVersion: number;
    set: Partial<{
      status: SipasCampaignStatus;
      seed: string;
      population: number;
      sampleSize: number;
      sampledAt: Date;
      openedAt: Date;
      closedAt: Date;
      publishedAt: Date;
      publishedBy: string;
      publishedResult: unknown;
    }>;
  },
): Promise<SipasCampaignRecord | undefined> => {
  const { publishedResult, ...rest } = input.set;
  return trx
    .updateTable('sipasCampaign')
    .set({
      ...rest,
      ...(publishedResult === undefined ? {} : { publishedResult: JSON.stringify(publishedResult) }),
      rowVersion: sql<number>`row_version + 1`,
    })
    .where('id', '=', input.id)
    .where('rowVersion', '=', input.rowVersion)
    .returningAll()
    .executeTakeFirst();
};

// ---------------------------------------------------------------- the sample

/**
 * The population of a campaign: per agency of the province, the dossiers it received that were
 * returned in [from, to). One index range count per agency (dossier_returned_idx).
 */
export const countReturnedDossiersByAgency = async (
  db: Db,
  input: { provinceCode: string; from: Date; to: Date },
): Promise<{ agencyId: string; population: number }[]> => {
  const rows = await db
    .selectFrom('agency as a')
    .select([
      'a.id as agencyId',
      (eb) =>
        eb
          .selectFrom('dossier as d')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('d.receivingAgencyId', '=', 'a.id')
          .where('d.returnedAt', '>=', input.from)
          .where('d.returnedAt', '<', input.to)
          .as('population'),
    ])
    .where('a.provinceCode', '=', input.provinceCode)
    .orderBy('a.id')
    .execute();
  return rows
    .map((r) => ({ agencyId: r.agencyId, population: Number(r.population ?? 0) }))
    .filter((r) => r.population > 0);
};

/**
 * The dossiers at the drawn positions of an agency's population, listed in its stable order
 * (returned_at, id) — the order the positions were drawn against.
 */
export const findDossiersAtPositions = async (
  db: Db,
  input: { agencyId: string; from: Date; to: Date; positions: readonly number[] },
): Promise<string[]> => {
  if (input.positions.length === 0) {
    return [];
  }
  const ranked = db
    .selectFrom('dossier')
    .select(['id', sql<number>`(row_number() over (order by returned_at, id) - 1)::int`.as('position')])
    .where('receivingAgencyId', '=', input.agencyId)
    .where('returnedAt', '>=', input.from)
    .where('returnedAt', '<', input.to);
  const rows = await db
    .selectFrom(ranked.as('r'))
    .select('r.id')
    .where('r.position', '=', sql<number>`any(${sql.val([...input.positions])}::int[])`)
    .orderBy('r.position')
    .execute();
  return rows.map((r) => r.id);
};

export const insertSipasStrata = async (
  trx: Transaction<Database>,
  rows: { campaignId: string; agencyId: string; provinceCode: string; population: number; sampleSize: number }[],
): Promise<void> => {
  if (rows.length > 0) {
    await trx.insertInto('sipasStratum').values(rows).execute();
  }
};

export const insertSipasInvitations = async (
  trx: Transaction<Database>,
  rows: { campaignId: string; provinceCode: string; agencyId: string; dossierId: string; tokenSha256: string }[],
): Promise<void> => {
  // In chunks: a parameter list stays well under the protocol's 65 535 limit.
  for (let i = 0; i < rows.length; i += 2000) {
    await trx
      .insertInto('sipasInvitation')
      .values(rows.slice(i, i + 2000))
      .execute();
  }
};

// ---------------------------------------------------------------- invitations and responses

export type SipasInvitationContact = {
  id: string;
  agencyId: string;
  dossierId: string;
  dossierCode: string;
  applicant: unknown;
  agencyName: string;
};

/** Invitations of a campaign not used yet, for sending or reminding, keyset on id. */
export const listOpenSipasInvitations = async (
  db: Db,
  input: { campaignId: string; afterId?: string | undefined; limit: number; unsentOnly?: boolean },
): Promise<SipasInvitationContact[]> => {
  let query = db
    .selectFrom('sipasInvitation as i')
    .innerJoin('dossier as d', 'd.id', 'i.dossierId')
    .innerJoin('agency as a', 'a.id', 'i.agencyId')
    .select(['i.id', 'i.agencyId', 'i.dossierId', 'd.code as dossierCode', 'd.applicant', 'a.name as agencyName'])
    .where('i.campaignId', '=', input.campaignId)
    .where('i.usedAt', 'is', null);
  if (input.afterId) {
    query = query.where('i.id', '>', input.afterId);
  }
  if (input.unsentOnly) {
    query = query.where('i.sentAt', 'is', null);
  }
  return query.orderBy('i.id').limit(input.limit).execute();
};

export const markSipasInvitationsSent = async (
  db: Db,
  input: { ids: readonly string[]; at: Date; reminder: boolean },
): Promise<void> => {
  if (input.ids.length === 0) {
    return;
  }
  await db
    .updateTable('sipasInvitation')
    .set(
      input.reminder
        ? { remindedAt: input.at, reminderCount: sql<number>`reminder_count + 1` }
        : { sentAt: sql<Date>`coalesce(sent_at, ${input.at})` },
    )
    .where('id', 'in', [...input.ids])
    .execute();
};

export type SipasInvitationRecord = {
  id: string;
  campaignId: string;
  agencyId: string;
  agencyName: string;
  usedAt: Date | null;
  campaignStatus: SipasCampaignStatus;
  campaignTitle: string;
  provinceCode: string;
  questionnaireId: string;
};

const invitationSelect = (db: Db) =>
  db
    .selectFrom('sipasInvitation as i')
    .innerJoin('sipasCampaign as c', 'c.id', 'i.campaignId')
    .innerJoin('agency as a', 'a.id', 'i.agencyId')
    .select([
      'i.id',
      'i.campaignId',
      'i.agencyId',
      'a.name as agencyName',
      'i.usedAt',
      'c.status as campaignStatus',
      'c.title as campaignTitle',
      'c.provinceCode',
      'c.questionnaireId',
    ]);

export const findSipasInvitationByToken = async (
  db: Db,
  tokenSha256: string,
): Promise<SipasInvitationRecord | undefined> =>
  invitationSelect(db).where('i.tokenSha256', '=', tokenSha256).executeTakeFirst();

/** The open campaign's invitation of a dossier, if it was sampled (for the result receipt). */
export const findSipasInvitationOfDossier = async (
  db: Db,
  dossierId: string,
): Promise<{ id: string; campaignId: string; usedAt: Date | null; campaignStatus: SipasCampaignStatus } | undefined> =>
  db
    .selectFrom('sipasInvitation as i')
    .innerJoin('sipasCampaign as c', 'c.id', 'i.campaignId')
    .select(['i.id', 'i.campaignId', 'i.usedAt', 'c.status as campaignStatus'])
    .where('i.dossierId', '=', dossierId)
    .where('c.status', 'in', ['sampled', 'open'])
    .orderBy('c.createdAt', 'desc')
    .limit(1)
    .executeTakeFirst();

/** Uses an invitation once: the row changes only if it was unused (else undefined: already answered). */
export const useSipasInvitation = async (
  trx: Transaction<Database>,
  input: { id: string; at: Date; usedBy: SipasResponseMode },
): Promise<{ id: string } | undefined> =>
  trx
    .updateTable('sipasInvitation')
    .set({ usedAt: input.at, usedBy: input.usedBy })
    .where('id', '=', input.id)
    .where('usedAt', 'is', null)
    .returning('id')
    .executeTakeFirst();

export const insertSipasResponse = async (
  trx: Transaction<Database>,
  row: {
    campaignId: string;
    provinceCode: string;
    agencyId: string;
    mode: SipasResponseMode;
    enteredBy: string | null;
    answeredOn: string;
    answers: Record<string, unknown>;
    /** Only with the respondent's consent to be identified. */
    contact?: SipasRespondentContact | null;
  },
): Promise<void> => {
  const { contact, ...rest } = row;
  await trx
    .insertInto('sipasResponse')
    .values({ ...rest, answers: JSON.stringify(row.answers), contact: contact ? JSON.stringify(contact) : null })
    .execute();
};

export type SipasConsentedResponse = {
  id: string;
  agencyId: string;
  agencyName: string;
  mode: SipasResponseMode;
  answeredOn: string;
  contact: SipasRespondentContact;
  answers: Record<string, unknown>;
};

/**
 * The responses of a campaign whose respondents agreed to be identified, keyset on id
 * (sipas_response_contact_idx): the only responses an official may read one by one.
 */
export const listSipasConsentedResponses = async (
  db: Db,
  input: { campaignId: string; afterId?: string | undefined; limit: number },
): Promise<SipasConsentedResponse[]> => {
  let query = db
    .selectFrom('sipasResponse as r')
    .innerJoin('agency as a', 'a.id', 'r.agencyId')
    // The answers as text: their keys are question keys (snake case) the camel-case plugin would rename.
    .select(['r.id', 'r.agencyId', 'a.name as agencyName', 'r.mode', 'r.answeredOn', 'r.contact'])
    .select(sql<string>`r.answers::text`.as('answersText'))
    .where('r.campaignId', '=', input.campaignId)
    .where('r.contact', 'is not', null);
  if (input.afterId) {
    query = query.where('r.id', '>', input.afterId);
  }
  const rows = await query.orderBy('r.id').limit(input.limit).execute();
  return rows.map(({ answersText, ...r }) => ({
    ...r,
    contact: r.contact as SipasRespondentContact,
    answers: JSON.parse(answersText) as Record<string, unknown>,
  }));
};

// ---------------------------------------------------------------- progress and counts

export type SipasStratumProgress = {
  agencyId: string;
  agencyName: string;
  agencyLevel: string;
  population: number;
  sampleSize: number;
  invitationsUsed: number;
  online: number;
  paper: number;
  phone: number;
};

/** Per agency of the campaign: its sample and the responses by channel (index: sipas_response_campaign_idx). */
export const listSipasStratumProgress = async (db: Db, campaignId: string): Promise<SipasStratumProgress[]> => {
  const rows = await db
    .selectFrom('sipasStratum as s')
    .innerJoin('agency as a', 'a.id', 's.agencyId')
    .select([
      's.agencyId',
      'a.name as agencyName',
      'a.kind as agencyLevel',
      's.population',
      's.sampleSize',
      (eb) =>
        eb
          .selectFrom('sipasInvitation as i')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('i.campaignId', '=', 's.campaignId')
          .whereRef('i.agencyId', '=', 's.agencyId')
          .where('i.usedAt', 'is not', null)
          .as('invitationsUsed'),
      (eb) =>
        eb
          .selectFrom('sipasResponse as r')
          .select(sql<number>`count(*) filter (where r.mode = 'online')::int`.as('n'))
          .whereRef('r.campaignId', '=', 's.campaignId')
          .whereRef('r.agencyId', '=', 's.agencyId')
          .as('online'),
      (eb) =>
        eb
          .selectFrom('sipasResponse as r')
          .select(sql<number>`count(*) filter (where r.mode = 'paper')::int`.as('n'))
          .whereRef('r.campaignId', '=', 's.campaignId')
          .whereRef('r.agencyId', '=', 's.agencyId')
          .as('paper'),
      (eb) =>
        eb
          .selectFrom('sipasResponse as r')
          .select(sql<number>`count(*) filter (where r.mode = 'phone')::int`.as('n'))
          .whereRef('r.campaignId', '=', 's.campaignId')
          .whereRef('r.agencyId', '=', 's.agencyId')
          .as('phone'),
    ])
    .where('s.campaignId', '=', campaignId)
    .orderBy('a.name')
    .orderBy('s.agencyId')
    .execute();
  return rows.map((r) => ({
    agencyId: r.agencyId,
    agencyName: r.agencyName,
    agencyLevel: String(r.agencyLevel),
    population: r.population,
    sampleSize: r.sampleSize,
    invitationsUsed: Number(r.invitationsUsed ?? 0),
    online: Number(r.online ?? 0),
    paper: Number(r.paper ?? 0),
    phone: Number(r.phone ?? 0),
  }));
};

/**
 * The Likert answers of a campaign counted per agency, question and value: the numbers the index is
 * computed from (numeric answers and "no_answer"; choices and texts are not counted here).
 */
export const countSipasAnswers = async (
  db: Db,
  campaignId: string,
): Promise<{ agencyId: string; questionKey: string; value: number | 'no_answer'; count: number }[]> => {
  const rows = await sql<{ agencyId: string; questionKey: string; value: string; count: number }>`
    select r.agency_id as "agencyId", a.key as "questionKey", a.value #>> '{}' as value, count(*)::int as count
    from sipas_response r cross join lateral jsonb_each(r.answers) a
    where r.campaign_id = ${campaignId}
      and (jsonb_typeof(a.value) = 'number' or a.value = '"no_answer"'::jsonb)
    group by 1, 2, 3
    order by 1, 2, 3`.execute(db);
  return rows.rows.map((r) => ({
    agencyId: r.agencyId,
    questionKey: r.questionKey,
    value: r.value === 'no_answer' ? 'no_answer' : Number(r.value),
    count: r.count,
  }));
};

/** The campaigns published for a year in a province, newest first (for an agency's yearly index). */
export const listPublishedSipasCampaigns = async (
  db: Db,
  input: { provinceCode: string; year: number },
): Promise<SipasCampaignRecord[]> =>
  db
    .selectFrom('sipasCampaign')
    .selectAll()
    .where('provinceCode', '=', input.provinceCode)
    .where('year', '=', input.year)
    .where('status', '=', 'published')
    .orderBy('publishedAt', 'desc')
    .limit(20)
    .execute();

/**
 * Decision 766 indicator 23: per province and agency (the handling agency, as the fee counts), the
 * dossiers resolved in [from, to) and not late whose applicant rated them "Không hài lòng" overall.
 */
export const sumDissatisfiedRatings = async (
  db: Db,
  input: { provinceCodes: readonly string[]; agencyIds: readonly string[] | null; from: Date; to: Date },
): Promise<{ provinceCode: string; agencyId: string; dissatisfiedNotLate: number }[]> => {
  if (input.provinceCodes.length === 0) {
    return [];
  }
  const agencyFilter =
    input.agencyIds === null
      ? sql`true`
      : sql`(d.receiving_agency_id = any(${[...input.agencyIds]}::uuid[]) or ${handlingAgencySql('d')} = any(${[
          ...input.agencyIds,
        ]}::uuid[]))`;
  const result = await sql<{ provinceCode: string; agencyId: string; dissatisfiedNotLate: number }>`
    select d.province_code, (${handlingAgencySql('d')})::text as agency_id, count(*)::int as dissatisfied_not_late
    from dossier_rating r
    join dossier d on d.id = r.dossier_id
    where d.province_code = any(${[...input.provinceCodes]}::text[])
      and d.completed_at >= ${input.from} and d.completed_at < ${input.to}
      and d.completion_class is distinct from 'late'
      and r.overall = 'dissatisfied'
      and ${agencyFilter}
    group by 1, 2`.execute(db);
  return result.rows;
};

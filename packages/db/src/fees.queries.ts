/**
 * Fees collected at the counter (migration 0012_fees.sql): the receipt register, the payments, the
 * payment requests a dossier's charges come from, and the counts the statistics read.
 */
import { type Insertable, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import { handlingAgencySql } from './statistics-sql.js';
import type { CounterPaymentTable } from './tables/fees.js';

type Db = Kysely<Database> | Transaction<Database>;

export type CounterPaymentRecord = Selectable<CounterPaymentTable>;

/**
 * The next receipt number of an agency for a year. One statement, atomic under concurrency: the
 * first receipt of the year inserts 1, every later one increments under the row lock; a rolled-back
 * payment gives its number back with the transaction, so the register has no gaps.
 */
export const allocateFeeReceiptSeq = async (
  trx: Transaction<Database>,
  input: { agencyId: string; year: number },
): Promise<number> => {
  const row = await trx
    .insertInto('feeReceiptSequence')
    .values({ agencyId: input.agencyId, year: input.year, lastNo: 1 })
    .onConflict((oc) =>
      oc.columns(['agencyId', 'year']).doUpdateSet({ lastNo: sql<number>`fee_receipt_sequence.last_no + 1` }),
    )
    .returning('lastNo')
    .executeTakeFirstOrThrow();
  return row.lastNo;
};

export const insertCounterPayment = async (
  trx: Transaction<Database>,
  row: Omit<Insertable<CounterPaymentTable>, 'id' | 'feeLines' | 'receiptSha256' | 'createdAt'> & {
    feeLines: CounterPaymentTable['feeLines']['__select__'];
  },
): Promise<CounterPaymentRecord> =>
  trx
    .insertInto('counterPayment')
    .values({ ...row, feeLines: JSON.stringify(row.feeLines) })
    .returningAll()
    .executeTakeFirstOrThrow();

export const listDossierCounterPayments = async (db: Db, dossierId: string): Promise<CounterPaymentRecord[]> =>
  db
    .selectFrom('counterPayment')
    .selectAll()
    .where('dossierId', '=', dossierId)
    .orderBy('collectedAt')
    .orderBy('receiptSeq')
    .execute();

export const findCounterPayment = async (
  db: Db,
  input: { dossierId: string; id: string },
): Promise<CounterPaymentRecord | undefined> =>
  db
    .selectFrom('counterPayment')
    .selectAll()
    .where('dossierId', '=', input.dossierId)
    .where('id', '=', input.id)
    .executeTakeFirst();

/** Records the stored receipt PDF of a counter payment, once (a second writer keeps the first file). */
export const setCounterPaymentReceipt = async (
  db: Db,
  input: { id: string; sha256: string },
): Promise<CounterPaymentRecord | undefined> => {
  await db
    .updateTable('counterPayment')
    .set({ receiptSha256: input.sha256 })
    .where('id', '=', input.id)
    .where('receiptSha256', 'is', null)
    .execute();
  return db.selectFrom('counterPayment').selectAll().where('id', '=', input.id).executeTakeFirst();
};

/** The dossier's payment requests (request_payment events): their seq, the amount and the reason asked. */
export const listDossierPaymentRequests = async (
  db: Db,
  dossierId: string,
): Promise<{ seq: number; amountVnd: number; reason: string }[]> => {
  const rows = await db
    .selectFrom('dossierEvent')
    .select(['seq', 'payload'])
    .where('dossierId', '=', dossierId)
    .where('action', '=', 'request_payment')
    .orderBy('seq')
    .execute();
  return rows.map((row) => {
    const params = ((row.payload ?? {}) as { params?: { amountVnd?: unknown; reason?: unknown } }).params ?? {};
    return {
      seq: row.seq,
      amountVnd: typeof params.amountVnd === 'number' ? params.amountVnd : 0,
      reason: typeof params.reason === 'string' ? params.reason : 'Nghĩa vụ tài chính',
    };
  });
};

export type FeeStatisticsRow = {
  provinceCode: string;
  /** The agency competent to decide (the same as the service index's agency unit). */
  agencyId: string;
  /** Received dossiers of procedures with fee information (a fee that is not free), or asked to pay. */
  feeBearing: number;
  /** Of those, dossiers with a successful online payment (national payment platform or its sandbox). */
  paidOnline: number;
  /** Of those, dossiers with a payment taken at the counter. */
  paidAtCounter: number;
};

/**
 * Decision 766 group 6 ("Thanh toán trực tuyến") inputs, from the dossiers received in [from, to)
 * (Vietnam days as instants): fee-bearing dossiers per province and handling agency, and how many of
 * them were paid online and at the counter. A dossier paid both ways counts in both.
 *
 * Fee-bearing follows the indicator's base ("hồ sơ của các TTHC có thông tin phí, lệ phí"): the
 * procedure version the dossier was received under publishes a fee that is not free (a fixed amount
 * above zero, or an amount the catalog could not read as a sum), or the dossier was asked to pay.
 */
export const sumFeeStatistics = async (
  db: Db,
  input: { provinceCodes: readonly string[]; agencyIds: readonly string[] | null; from: Date; to: Date },
): Promise<FeeStatisticsRow[]> => {
  if (input.provinceCodes.length === 0) {
    return [];
  }
  const agencyFilter =
    input.agencyIds === null
      ? sql`true`
      : sql`(d.receiving_agency_id = any(${[...input.agencyIds]}::uuid[]) or ${handlingAgencySql('d')} = any(${[
          ...input.agencyIds,
        ]}::uuid[]))`;
  const result = await sql<{
    provinceCode: string;
    agencyId: string;
    feeBearing: number;
    paidOnline: number;
    paidAtCounter: number;
  }>`
    with received as (
      select d.id, d.province_code, ${handlingAgencySql('d')} as agency_id,
        (exists (
          select 1 from jsonb_array_elements(pv.content -> 'channels') as ch(rule),
            jsonb_array_elements(ch.rule -> 'fees') as f(fee)
          where f.fee -> 'amountVnd' = 'null'::jsonb or (f.fee ->> 'amountVnd')::numeric > 0
        ) or exists (
          select 1 from dossier_event e where e.dossier_id = d.id and e.action = 'request_payment'
        )) as fee_bearing,
        exists (select 1 from payment p where p.dossier_id = d.id and p.status = 'succeeded') as paid_online,
        exists (select 1 from counter_payment c where c.dossier_id = d.id) as paid_at_counter
      from dossier d
      join procedure_version pv on pv.id = d.procedure_version_id
      where d.province_code = any(${[...input.provinceCodes]}::text[])
        and d.received_at >= ${input.from} and d.received_at < ${input.to}
        and ${agencyFilter}
    )
    select province_code, agency_id::text as agency_id,
      count(*) filter (where fee_bearing)::int as fee_bearing,
      count(*) filter (where fee_bearing and paid_online)::int as paid_online,
      count(*) filter (where fee_bearing and paid_at_counter)::int as paid_at_counter
    from received
    group by province_code, agency_id
    having count(*) filter (where fee_bearing) > 0
    order by province_code, agency_id`.execute(db);
  return result.rows;
};

import { type ExpressionBuilder, type Kysely, sql, type Transaction, type UpdateObject } from 'kysely';
import type { Database } from './schema.js';
import type { WebhookDeliveryState, WebhookEventType } from './tables/integration.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Webhooks for other systems (migrations 0040 and 0046): a province's subscriptions, one delivery per event and
 * subscription (event_id stable, unique per subscription), leased by the delivery workers of every process, and
 * the append-only log of attempts.
 */

/** The columns a subscription shows (never its sealed secrets). */
const SUBSCRIPTION_COLUMNS = [
  'id',
  'provinceCode',
  'name',
  'url',
  'events',
  'active',
  'version',
  'previousSecretExpiresAt',
  'createdBy',
  'createdAt',
  'updatedAt',
] as const;

export type WebhookSubscriptionRecord = {
  id: string;
  provinceCode: string;
  name: string;
  url: string;
  events: WebhookEventType[];
  active: boolean;
  version: number;
  previousSecretExpiresAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** Writes a new subscription; its id is chosen by the caller (the sealed secret is bound to it). */
export const insertWebhookSubscription = async (
  db: Db,
  input: {
    id: string;
    provinceCode: string;
    name: string;
    url: string;
    events: WebhookEventType[];
    secretCiphertext: string;
    createdBy: string | null;
    now: Date;
  },
): Promise<WebhookSubscriptionRecord> =>
  db
    .insertInto('webhookSubscription')
    .values({
      id: input.id,
      provinceCode: input.provinceCode,
      name: input.name,
      url: input.url,
      events: sql<WebhookEventType[]>`${sql.val(input.events)}::text[]`,
      secretCiphertext: input.secretCiphertext,
      createdBy: input.createdBy,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning(SUBSCRIPTION_COLUMNS)
    .executeTakeFirstOrThrow();

/** A subscription that was not deleted, if it exists. */
export const findWebhookSubscription = async (db: Db, id: string): Promise<WebhookSubscriptionRecord | undefined> =>
  db
    .selectFrom('webhookSubscription')
    .select(SUBSCRIPTION_COLUMNS)
    .where('id', '=', id)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();

/** A page of a province's subscriptions (not deleted), oldest first, on webhook_subscription_province_idx. */
export const listWebhookSubscriptions = async (
  db: Db,
  input: { provinceCode: string; after?: { at: string; id: string }; limit: number },
): Promise<WebhookSubscriptionRecord[]> => {
  let query = db
    .selectFrom('webhookSubscription')
    .select(SUBSCRIPTION_COLUMNS)
    .where('provinceCode', '=', input.provinceCode)
    .where('deletedAt', 'is', null);
  if (input.after) {
    const after = input.after;
    query = query.where((eb) =>
      eb(
        eb.refTuple('createdAt', 'id'),
        '>',
        eb.tuple(sql<Date>`${after.at}::timestamptz`, sql<string>`${after.id}::uuid`),
      ),
    );
  }
  return query.orderBy('createdAt').orderBy('id').limit(input.limit).execute();
};

/**
 * The one version guard of a subscription's changes: the live (not deleted) row at the version the caller read,
 * its version moved on and its instant of change set with the caller's columns.
 */
const updateLiveSubscriptionAt = (
  db: Db,
  at: { id: string; expectedVersion: number; now: Date },
  set: (eb: ExpressionBuilder<Database, 'webhookSubscription'>) => UpdateObject<Database, 'webhookSubscription'>,
) =>
  db
    .updateTable('webhookSubscription')
    .set((eb) => ({ ...set(eb), version: eb('version', '+', 1), updatedAt: at.now }))
    .where('id', '=', at.id)
    .where('version', '=', at.expectedVersion)
    .where('deletedAt', 'is', null);

/**
 * Changes a subscription's name, URL, events or active flag at the version the caller read. Answers the row, or
 * nothing when the version moved or the subscription is gone.
 */
export const updateWebhookSubscription = async (
  db: Db,
  input: {
    id: string;
    expectedVersion: number;
    name?: string;
    url?: string;
    events?: WebhookEventType[];
    active?: boolean;
    now: Date;
  },
): Promise<WebhookSubscriptionRecord | undefined> =>
  updateLiveSubscriptionAt(db, input, () => ({
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.url === undefined ? {} : { url: input.url }),
    ...(input.events === undefined ? {} : { events: sql<WebhookEventType[]>`${sql.val(input.events)}::text[]` }),
    ...(input.active === undefined ? {} : { active: input.active }),
  }))
    .returning(SUBSCRIPTION_COLUMNS)
    .executeTakeFirst();

/**
 * Rotates the signing secret at the version read: the current secret becomes the previous one (it keeps signing
 * until `previousExpiresAt`), the new one signs from now on. Both are sealed for the same record, so the current
 * ciphertext moves column as it is.
 */
export const rotateWebhookSubscriptionSecret = async (
  db: Db,
  input: { id: string; expectedVersion: number; secretCiphertext: string; previousExpiresAt: Date; now: Date },
): Promise<WebhookSubscriptionRecord | undefined> =>
  updateLiveSubscriptionAt(db, input, (eb) => ({
    previousSecretCiphertext: eb.ref('secretCiphertext'),
    previousSecretExpiresAt: input.previousExpiresAt,
    secretCiphertext: input.secretCiphertext,
  }))
    .returning(SUBSCRIPTION_COLUMNS)
    .executeTakeFirst();

/** Deletes a subscription softly (inactive, hidden, kept with its log) at the version read. */
export const deleteWebhookSubscription = async (
  db: Db,
  input: { id: string; expectedVersion: number; deletedBy: string; now: Date },
): Promise<boolean> => {
  const result = await updateLiveSubscriptionAt(db, input, () => ({
    active: false,
    deletedAt: input.now,
    deletedBy: input.deletedBy,
  })).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
};

/** An instant as the payload writes it: ISO 8601 in Vietnam time, with the +07:00 offset. */
const vietnamInstant = (column: ReturnType<typeof sql.ref>) =>
  sql`to_char(${column} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD"T"HH24:MI:SS.MS"+07:00"')`;

/**
 * Queues a dossier event for every subscription (not deleted) of the dossier's province listening to
 * 'dossier.changed' — a paused one too: its deliveries wait until it is resumed — one delivery each, event id 'dossier:<id>:<seq>'. Idempotent (a retried job inserts
 * nothing). The payload carries the dossier's code, procedure, status, the event (action, statuses, instant) and
 * the receiving agency — never the applicant's name, identity numbers, phone, email or address (docs/webhooks.md).
 * Answers how many deliveries were queued.
 */
export const queueDossierWebhookDeliveries = async (
  db: Db,
  input: { dossierId: string; seq: number; now: Date },
): Promise<number> => {
  const result = await sql`
    insert into webhook_delivery (subscription_id, province_code, event_id, event_type, payload, next_attempt_at,
                                  created_at)
    select s.id, d.province_code, 'dossier:' || d.id || ':' || e.seq, 'dossier.changed',
           jsonb_build_object(
             'type', 'dossier.changed',
             'eventId', 'dossier:' || d.id || ':' || e.seq,
             'provinceCode', d.province_code,
             'occurredAt', ${vietnamInstant(sql.ref('e.at'))},
             'dossier', jsonb_build_object(
               'id', d.id, 'code', d.code, 'procedureCode', d.procedure_code, 'procedureName', d.procedure_name,
               'status', d.status, 'channel', d.channel,
               'receivedAt', ${vietnamInstant(sql.ref('d.received_at'))},
               'dueAt', ${vietnamInstant(sql.ref('d.due_at'))},
               'completedAt', ${vietnamInstant(sql.ref('d.completed_at'))}),
             'event', jsonb_build_object(
               'seq', e.seq, 'action', e.action, 'fromStatus', e.from_status, 'toStatus', e.to_status,
               'at', ${vietnamInstant(sql.ref('e.at'))}),
             'agency', jsonb_build_object('id', a.id, 'code', a.code, 'name', a.name)),
           ${input.now}, ${input.now}
      from dossier d
      join dossier_event e on e.dossier_id = d.id and e.seq = ${input.seq}
      join agency a on a.id = d.receiving_agency_id
      join webhook_subscription s on s.province_code = d.province_code and s.deleted_at is null
                                 and 'dossier.changed' = any (s.events)
     where d.id = ${input.dossierId}
    on conflict (subscription_id, event_id) do nothing
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
};

/**
 * Queues a PAKN event for every subscription (not deleted; paused ones too) of its province listening to 'pakn.changed' (event id
 * 'pakn:<id>:<seq>'), idempotent. The payload carries the PAKN's code, kind, topic, category, status, deadlines,
 * the event and the agency handling it — never the sender, the content or the answer's text.
 */
export const queuePaknWebhookDeliveries = async (
  db: Db,
  input: { paknId: string; seq: number; now: Date },
): Promise<number> => {
  const result = await sql`
    insert into webhook_delivery (subscription_id, province_code, event_id, event_type, payload, next_attempt_at,
                                  created_at)
    select s.id, p.province_code, 'pakn:' || p.id || ':' || e.seq, 'pakn.changed',
           jsonb_build_object(
             'type', 'pakn.changed',
             'eventId', 'pakn:' || p.id || ':' || e.seq,
             'provinceCode', p.province_code,
             'occurredAt', ${vietnamInstant(sql.ref('e.at'))},
             'pakn', jsonb_build_object(
               'id', p.id, 'code', p.code, 'kind', p.kind, 'topic', p.topic, 'category', p.category,
               'status', p.status, 'channel', p.channel,
               'receivedAt', ${vietnamInstant(sql.ref('p.received_at'))},
               'answerDueAt', ${vietnamInstant(sql.ref('p.answer_due_at'))},
               'answeredAt', ${vietnamInstant(sql.ref('p.answered_at'))}),
             'event', jsonb_build_object(
               'seq', e.seq, 'action', e.action, 'fromStatus', e.from_status, 'toStatus', e.to_status,
               'at', ${vietnamInstant(sql.ref('e.at'))}),
             'agency', case when a.id is null then null
                            else jsonb_build_object('id', a.id, 'code', a.code, 'name', a.name) end),
           ${input.now}, ${input.now}
      from pakn_feedback p
      join pakn_event e on e.pakn_id = p.id and e.seq = ${input.seq}
      left join agency a on a.id = coalesce(p.agency_id, p.receiving_agency_id)
      join webhook_subscription s on s.province_code = p.province_code and s.deleted_at is null
                                 and 'pakn.changed' = any (s.events)
     where p.id = ${input.paknId}
    on conflict (subscription_id, event_id) do nothing
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
};

/** A delivery a worker holds, with what it needs to send it. */
export type LeasedWebhookDelivery = {
  id: string;
  subscriptionId: string;
  provinceCode: string;
  eventId: string;
  eventType: WebhookEventType;
  payload: Record<string, unknown>;
  attempts: number;
  replay: boolean;
  leaseToken: string;
  url: string;
  secretCiphertext: string;
  previousSecretCiphertext: string | null;
  previousSecretExpiresAt: Date | null;
};

/**
 * Leases up to `limit` due deliveries of active subscriptions (pending, next attempt due, no live lease) for this
 * worker until `leaseUntil`: `for update skip locked` lets several processes lease from the same table without
 * taking the same row; a crashed worker's lease runs out and another takes the row. `onlyId` leases one delivery
 * (a replay sent at once).
 */
export const leaseDueWebhookDeliveries = async (
  db: Db,
  input: { now: Date; leaseUntil: Date; leaseToken: string; limit: number; onlyId?: string },
): Promise<LeasedWebhookDelivery[]> => {
  const result = await sql<LeasedWebhookDelivery>`
    with due as (
      select d.id
        from webhook_delivery d
        join webhook_subscription s on s.id = d.subscription_id
       where d.state = 'pending'
         and d.next_attempt_at <= ${input.now}
         and (d.leased_until is null or d.leased_until <= ${input.now})
         and s.active and s.deleted_at is null
         ${input.onlyId === undefined ? sql`` : sql`and d.id = ${input.onlyId}`}
       order by d.next_attempt_at, d.id
       limit ${input.limit}
       for update of d skip locked
    )
    update webhook_delivery w
       set leased_until = ${input.leaseUntil}, lease_token = ${input.leaseToken}
      from due, webhook_subscription s
     where w.id = due.id and s.id = w.subscription_id
    returning w.id, w.subscription_id, w.province_code, w.event_id, w.event_type, w.payload, w.attempts, w.replay,
              w.lease_token, s.url, s.secret_ciphertext, s.previous_secret_ciphertext, s.previous_secret_expires_at
  `.execute(db);
  return result.rows.map((row) => ({
    ...row,
    payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
    previousSecretExpiresAt:
      row.previousSecretExpiresAt === null ? null : new Date(row.previousSecretExpiresAt as unknown as string),
  }));
};

/**
 * Records one attempt and its outcome in one statement: the attempt row always (it happened), the delivery's new
 * state only while this worker still holds the lease (answers false when it lost it). `nextAttemptAt` null with
 * `delivered` false means the retries are exhausted: the delivery is failed.
 */
export const recordWebhookAttempt = async (
  db: Db,
  input: {
    deliveryId: string;
    leaseToken: string;
    status: number | null;
    error: string | null;
    durationMs: number;
    replay: boolean;
    delivered: boolean;
    nextAttemptAt: Date | null;
    now: Date;
  },
): Promise<boolean> => {
  const state: WebhookDeliveryState = input.delivered ? 'delivered' : input.nextAttemptAt ? 'pending' : 'failed';
  const result = await sql<{ updated: number }>`
    with updated as (
      update webhook_delivery
         set state = ${state}, attempts = attempts + 1, last_status = ${input.status}, last_error = ${input.error},
             next_attempt_at = coalesce(${input.nextAttemptAt}::timestamptz, next_attempt_at),
             delivered_at = case when ${input.delivered} then ${input.now}::timestamptz else delivered_at end,
             leased_until = null, lease_token = null, replay = false
       where id = ${input.deliveryId} and lease_token = ${input.leaseToken}
      returning id
    ), attempt as (
      insert into webhook_attempt (delivery_id, province_code, status, error, duration_ms, replay, at)
      select id, province_code, ${input.status}, ${input.error}, ${input.durationMs}, ${input.replay}, ${input.now}
        from webhook_delivery where id = ${input.deliveryId}
    )
    select count(*)::int as updated from updated
  `.execute(db);
  return (result.rows[0]?.updated ?? 0) > 0;
};

/**
 * Asks for a replay: the delivery is pending again, due now, with a fresh count of attempts, and its next attempt
 * is logged as a replay. Answers the ids requeued (`deliveryId` one, or every failed delivery of the subscription).
 */
export const requeueWebhookDeliveries = async (
  db: Db,
  input: { subscriptionId: string; deliveryId?: string; now: Date; limit: number },
): Promise<string[]> => {
  const result = await sql<{ id: string }>`
    update webhook_delivery
       set state = 'pending', attempts = 0, next_attempt_at = ${input.now}, replay = true,
           leased_until = null, lease_token = null
     where id in (
       select id from webhook_delivery
        where subscription_id = ${input.subscriptionId}
          ${input.deliveryId === undefined ? sql`and state = 'failed'` : sql`and id = ${input.deliveryId}`}
        order by created_at, id
        limit ${input.limit}
        for update skip locked)
    returning id
  `.execute(db);
  return result.rows.map((row) => row.id);
};

const DELIVERY_COLUMNS = [
  'id',
  'subscriptionId',
  'provinceCode',
  'eventId',
  'eventType',
  'payload',
  'state',
  'attempts',
  'nextAttemptAt',
  'lastStatus',
  'lastError',
  'deliveredAt',
  'createdAt',
  'replay',
] as const;

/** One delivery, if it exists. */
export const findWebhookDelivery = async (db: Db, id: string) =>
  db.selectFrom('webhookDelivery').select(DELIVERY_COLUMNS).where('id', '=', id).executeTakeFirst();

export type WebhookDeliveryRecord = NonNullable<Awaited<ReturnType<typeof findWebhookDelivery>>>;

/** A page of a subscription's deliveries, newest first, optionally of one state (on the subscription indexes). */
export const listWebhookDeliveries = async (
  db: Db,
  input: {
    subscriptionId: string;
    state?: WebhookDeliveryState;
    before?: { at: string; id: string };
    limit: number;
  },
): Promise<WebhookDeliveryRecord[]> => {
  let query = db
    .selectFrom('webhookDelivery')
    .select(DELIVERY_COLUMNS)
    .where('subscriptionId', '=', input.subscriptionId);
  if (input.state) {
    query = query.where('state', '=', input.state);
  }
  if (input.before) {
    const before = input.before;
    query = query.where((eb) =>
      eb(
        eb.refTuple('createdAt', 'id'),
        '<',
        eb.tuple(sql<Date>`${before.at}::timestamptz`, sql<string>`${before.id}::uuid`),
      ),
    );
  }
  return query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(input.limit).execute();
};

/** A page of a delivery's attempts, oldest first (webhook_attempt_delivery_idx). */
export const listWebhookAttempts = async (db: Db, input: { deliveryId: string; afterId?: number; limit: number }) => {
  let query = db
    .selectFrom('webhookAttempt')
    .select(['id', 'status', 'error', 'durationMs', 'replay', 'at'])
    .where('deliveryId', '=', input.deliveryId);
  if (input.afterId !== undefined) {
    query = query.where('id', '>', input.afterId);
  }
  return query.orderBy('id').limit(input.limit).execute();
};

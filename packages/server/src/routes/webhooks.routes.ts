import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { OFFICIAL } from '../http/auth.js';
import { Problem } from '../http/schemas.js';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listProvinceWebhooks,
  rotateWebhookSecret,
  updateWebhook,
} from '../usecases/integration/webhooks/manage-webhooks.js';
import {
  listAttemptsOfDelivery,
  listDeliveriesOfWebhook,
  replayFailedWebhookDeliveries,
  replayWebhookDelivery,
} from '../usecases/integration/webhooks/webhook-deliveries.js';

const Instant = z.string().describe('ISO 8601 instant with the +07:00 offset');
const EventType = z.enum(['dossier.changed', 'pakn.changed']);
const DeliveryState = z.enum(['pending', 'delivered', 'failed']);
const ProvinceCode = z.string().regex(/^\d{2}$/);
const Limit = z.coerce.number().int().min(1).max(100).default(20);

const WebhookSubscription = z
  .object({
    id: z.string(),
    provinceCode: z.string(),
    name: z.string(),
    url: z.string(),
    events: z.array(EventType),
    active: z.boolean().describe('false: paused (deliveries wait until it is resumed)'),
    version: z.number().int(),
    previousSecretExpiresAt: Instant.nullable().describe('while in the future, the previous secret signs too'),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'WebhookSubscription', description: 'A URL of another system subscribed to the province’s events' });

const WebhookSecretIssued = z
  .object({
    subscription: WebhookSubscription,
    secret: z.string().describe('the signing secret, shown this once (docs/webhooks.md)'),
  })
  .meta({ id: 'WebhookSecretIssued' });

const WebhookDelivery = z
  .object({
    id: z.string(),
    subscriptionId: z.string(),
    eventId: z.string().describe('X-Motcua-Delivery: the same for every attempt and replay of this event'),
    eventType: EventType,
    state: DeliveryState,
    attempts: z.number().int(),
    nextAttemptAt: Instant.nullable(),
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: Instant.nullable(),
    createdAt: Instant,
    replayQueued: z.boolean(),
    payload: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'WebhookDelivery', description: 'One event for one subscription' });

const WebhookAttempt = z
  .object({
    id: z.number().int(),
    status: z.number().int().nullable(),
    error: z.string().nullable().describe('why it failed, with at most a short excerpt of the answer'),
    durationMs: z.number().int().nullable(),
    replay: z.boolean(),
    at: Instant,
  })
  .meta({ id: 'WebhookAttempt' });

const Name = z.string().trim().min(1).max(200);
const Url = z.string().trim().min(1).max(2000);
const Events = z.array(EventType).min(1).max(2);

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const tags = ['integration'];
const IdParams = z.object({ id: z.uuid() });
const DeliveryParams = z.object({ deliveryId: z.uuid() });

/** Webhooks for other systems (issue 21 item 5): subscriptions, deliveries, attempts, replay. */
export const registerWebhookRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/integration/webhooks',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary: 'The province’s webhook subscriptions (keyset pages)',
        querystring: z.object({ province: ProvinceCode, cursor: z.string().max(500).optional(), limit: Limit }),
        response: {
          200: z.object({ items: z.array(WebhookSubscription), nextCursor: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) =>
      listProvinceWebhooks(ctx, request.actor, {
        provinceCode: request.query.province,
        cursor: request.query.cursor,
        limit: request.query.limit,
      }),
  );

  api.post(
    '/api/v1/integration/webhooks',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary: 'Subscribe a URL to the province’s events; the signing secret is answered once',
        body: z
          .object({ provinceCode: ProvinceCode, name: Name, url: Url, events: Events })
          .strict()
          .meta({
            examples: [
              {
                provinceCode: '33',
                name: 'Trục liên thông tỉnh',
                url: 'https://lgsp.example.gov.vn/motcua',
                events: ['dossier.changed'],
              },
            ],
          }),
        response: { 201: WebhookSecretIssued, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createWebhook(ctx, request.actor, request.body)),
  );

  api.get(
    '/api/v1/integration/webhooks/:id',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary: 'One webhook subscription',
        params: IdParams,
        response: { 200: WebhookSubscription, ...errors },
      },
    },
    async (request) => getWebhook(ctx, request.actor, request.params.id),
  );

  api.patch(
    '/api/v1/integration/webhooks/:id',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary: 'Change a subscription, pause it (active false) or resume it, at the version read',
        params: IdParams,
        body: z
          .object({
            expectedVersion: z.number().int().min(1),
            name: Name.optional(),
            url: Url.optional(),
            events: Events.optional(),
            active: z.boolean().optional(),
          })
          .strict(),
        response: { 200: WebhookSubscription, ...errors },
      },
    },
    async (request) => updateWebhook(ctx, request.actor, request.params.id, request.body),
  );

  api.delete(
    '/api/v1/integration/webhooks/:id',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary: 'Delete a subscription (kept inactive with its log), at the version read',
        params: IdParams,
        querystring: z.object({ expectedVersion: z.coerce.number().int().min(1) }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await deleteWebhook(ctx, request.actor, request.params.id, { expectedVersion: request.query.expectedVersion });
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/api/v1/integration/webhooks/:id/rotate-secret',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary: 'A new signing secret (answered once); the previous one keeps signing for a while',
        params: IdParams,
        body: z
          .object({
            expectedVersion: z.number().int().min(1),
            previousSecretValidHours: z
              .number()
              .int()
              .min(0)
              .max(168)
              .optional()
              .describe('how long the previous secret keeps signing (default 24; 0: stop at once)'),
          })
          .strict(),
        response: { 200: WebhookSecretIssued, ...errors },
      },
    },
    async (request) => rotateWebhookSecret(ctx, request.actor, request.params.id, request.body),
  );

  api.get(
    '/api/v1/integration/webhooks/:id/deliveries',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary: 'A subscription’s deliveries, newest first (keyset pages), optionally of one state',
        params: IdParams,
        querystring: z.object({
          state: DeliveryState.optional(),
          cursor: z.string().max(500).optional(),
          limit: Limit,
        }),
        response: { 200: z.object({ items: z.array(WebhookDelivery), nextCursor: z.string().nullable() }), ...errors },
      },
    },
    async (request) => listDeliveriesOfWebhook(ctx, request.actor, request.params.id, request.query),
  );

  api.post(
    '/api/v1/integration/webhooks/:id/replay-failed',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary: 'Queue every failed delivery of the subscription for a replay',
        params: IdParams,
        response: { 200: z.object({ requeued: z.number().int() }), ...errors },
      },
    },
    async (request) => replayFailedWebhookDeliveries(ctx, request.actor, request.params.id),
  );

  api.get(
    '/api/v1/integration/webhooks/deliveries/:deliveryId/attempts',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary: 'A delivery’s attempts, oldest first (keyset pages)',
        params: DeliveryParams,
        querystring: z.object({ cursor: z.string().max(500).optional(), limit: Limit }),
        response: { 200: z.object({ items: z.array(WebhookAttempt), nextCursor: z.string().nullable() }), ...errors },
      },
    },
    async (request) => listAttemptsOfDelivery(ctx, request.actor, request.params.deliveryId, request.query),
  );

  api.post(
    '/api/v1/integration/webhooks/deliveries/:deliveryId/replay',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary: 'Send a delivery again now: the same event id, a fresh timestamp and signature',
        params: DeliveryParams,
        response: { 200: WebhookDelivery, ...errors },
      },
    },
    async (request) => replayWebhookDelivery(ctx, request.actor, request.params.deliveryId),
  );
};

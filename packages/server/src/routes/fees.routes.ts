import { COUNTER_PAYMENT_METHODS } from '@motcua/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { OFFICIAL } from '../http/auth.js';
import { idempotencyOf } from '../http/idempotency-key.js';
import { DossierCode, Problem } from '../http/schemas.js';
import { sendStoredFile } from '../http/stored-files.js';
import { getDossierFees, getDossierReceipt } from '../usecases/fees/dossier-fees.js';
import { recordCounterPayment } from '../usecases/fees/record-counter-payment.js';

const FeeKind = z.enum(['phi', 'le_phi', 'other']);

const FeeCharge = z
  .object({
    key: z.string(),
    source: z.enum(['published', 'request']),
    requestSeq: z.number().int().nullable(),
    name: z.string(),
    kind: FeeKind,
    amountVnd: z.number().int(),
    paidVnd: z.number().int(),
    owedVnd: z.number().int(),
  })
  .meta({ id: 'FeeCharge', description: 'A charge of the dossier: a published fixed fee or a payment request' });

const FeePayment = z
  .object({
    id: z.uuid(),
    channel: z.enum(['online', 'counter']),
    method: z.enum(['online', ...COUNTER_PAYMENT_METHODS]),
    receiptNo: z.string(),
    amountVnd: z.number().int(),
    paidAt: z.string(),
    payerName: z.string(),
    collectedBy: z.string().nullable(),
    transactionRef: z.string().nullable(),
    lines: z.array(z.object({ name: z.string(), amountVnd: z.number().int() })),
    receiptUrl: z.string(),
  })
  .meta({ id: 'FeePayment', description: 'A payment of the dossier, online or at the counter, with its receipt' });

const DossierFees = z
  .object({
    version: z.number().int(),
    dueVnd: z.number().int(),
    paidVnd: z.number().int(),
    paidOnlineVnd: z.number().int(),
    paidCounterVnd: z.number().int(),
    owedVnd: z.number().int(),
    overpaidVnd: z.number().int(),
    unpricedFees: z.array(z.string()),
    charges: z.array(FeeCharge),
    payments: z.array(FeePayment),
    canRecord: z.boolean(),
  })
  .meta({ id: 'DossierFees', description: 'What the dossier owes, what was paid online and at the counter' });

const CounterPaymentInput = z
  .object({
    expectedVersion: z.number().int().min(1),
    amountVnd: z.number().int().min(1).max(1e12),
    method: z.enum(COUNTER_PAYMENT_METHODS),
    payerName: z.string().trim().min(1).max(300).optional(),
    transactionRef: z.string().trim().min(1).max(100).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((body) => body.method === 'cash' || body.transactionRef !== undefined, {
    path: ['transactionRef'],
    message: 'msg:REQUIRED',
  })
  .meta({
    id: 'CounterPaymentInput',
    description:
      'A payment taken at the counter; transactionRef (bank or POS reference) is required for card and transfer',
    examples: [{ expectedVersion: 4, amountVnd: 50_000, method: 'cash' }],
  });

const CounterPaymentRecorded = z
  .object({
    id: z.uuid(),
    receiptNo: z.string(),
    amountVnd: z.number().int(),
    method: z.enum(COUNTER_PAYMENT_METHODS),
    collectedAt: z.string(),
    lines: z.array(z.object({ chargeKey: z.string(), name: z.string(), kind: FeeKind, amountVnd: z.number().int() })),
    appliedToDossier: z.boolean(),
    owedVnd: z.number().int(),
    version: z.number().int(),
    status: z.string(),
  })
  .meta({ id: 'CounterPaymentRecorded' });

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };

/** Fees and charges of a dossier: the account, payments at the counter, receipts. */
export const registerFeeRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/dossiers/:code/fees',
    {
      config: OFFICIAL,
      schema: {
        tags: ['fees'],
        summary: 'What the dossier owes: charges, payments online and at the counter, amount owed',
        params: z.object({ code: DossierCode }),
        response: { 200: DossierFees, ...errors },
      },
    },
    async (request) => getDossierFees(ctx, request.actor, request.params.code),
  );

  api.post(
    '/api/v1/dossiers/:code/fees/payments',
    {
      config: OFFICIAL,
      schema: {
        tags: ['fees'],
        summary: 'Record fees paid at the counter (cash, card, transfer) and issue the receipt',
        description:
          'Receptionists and result returners of the receiving agency only. Guarded by the dossier version; ' +
          'send an Idempotency-Key header so a retry answers the first receipt instead of collecting twice. ' +
          'The receipt number runs per agency and year. Settling the payment request a dossier waits for ' +
          'resumes processing (record_payment).',
        params: z.object({ code: DossierCode }),
        headers: z.object({ 'idempotency-key': z.string().max(200).optional() }).passthrough(),
        body: CounterPaymentInput,
        response: { 201: CounterPaymentRecorded, ...errors },
      },
    },
    async (request, reply) => {
      const result = await recordCounterPayment(
        ctx,
        request.actor,
        { code: request.params.code, ...request.body },
        idempotencyOf(request),
      );
      if (result.replayed) {
        reply.header('idempotent-replayed', 'true');
      }
      return reply.code(result.statusCode).send(result.body);
    },
  );

  api.get(
    '/api/v1/dossiers/:code/fees/payments/:id/receipt',
    {
      config: OFFICIAL,
      schema: {
        tags: ['fees'],
        summary: 'The e-receipt (biên lai, PDF) of a payment of the dossier, online or at the counter',
        description: 'Issued once and stored: a reprint is the same file.',
        params: z.object({ code: DossierCode, id: z.uuid() }),
        produces: ['application/pdf'],
        response: { 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const receipt = await getDossierReceipt(ctx, request.actor, {
        code: request.params.code,
        paymentId: request.params.id,
      });
      return sendStoredFile(ctx, reply, {
        sha256: receipt.sha256,
        mediaType: 'application/pdf',
        fileName: receipt.fileName,
        inline: true,
      });
    },
  );
};

import { formatVnd } from '@motcua/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { Problem } from '../http/schemas.js';
import { CALLBACK_PATH, SANDBOX_PATH } from '../payments/provider.js';
import { handlePaymentCallback } from '../usecases/portal/payments/payment-callback.js';
import { completeSandboxPayment, describeSandboxPayment } from '../usecases/portal/payments/sandbox.js';

const text = (max: number) => z.string().max(max);

/** The result message of the national payment platform (its callback), as it posts it. */
const ResultMessageBody = z
  .object({
    LoaiBanTin: text(20),
    MaLoi: text(20),
    MaDoiTac: text(50),
    MaThamChieu: text(100),
    SoTien: z.union([text(20), z.number().int().nonnegative()]).transform(String),
    MaTienTe: text(10),
    MaGiaoDich: text(100).default(''),
    MaNganHang: text(50).default(''),
    ThoiGianGD: text(20),
    ThongTinGiaoDich: text(500).default(''),
    MaXacThuc: text(128),
  })
  .meta({ id: 'PaymentResultMessage' });

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The payment platform's callback, and the local sandbox that stands in for the platform. */
export const registerPortalPaymentRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    CALLBACK_PATH,
    {
      schema: {
        tags: ['payments'],
        summary: 'Result of a payment, called by the national payment platform (and by the sandbox)',
        description:
          'Verified by MaXacThuc (SHA-256 of the fields joined with "|" and the shared secret) and recorded. ' +
          'Idempotent: a repeated callback changes nothing. Answers MaLoi 00 when recorded, 01 bad checksum, ' +
          '02 unknown MaThamChieu, 03 amount or partner mismatch.',
        body: ResultMessageBody,
        response: {
          200: z.object({ MaLoi: z.string(), MoTaLoi: z.string(), MaThamChieu: z.string() }),
          400: Problem,
        },
      },
    },
    async (request) => handlePaymentCallback(ctx, request.body),
  );

  api.get(
    `${SANDBOX_PATH}/:reference`,
    {
      schema: {
        tags: ['payments'],
        summary: 'The sandbox payment page (HTML): choose success, failure or timeout',
        params: z.object({ reference: z.string().regex(/^[A-Za-z0-9]{8,64}$/) }),
        produces: ['text/html'],
      },
    },
    async (request, reply) => {
      const payment = await describeSandboxPayment(ctx, request.params.reference);
      const action = `${SANDBOX_PATH}/${encodeURIComponent(payment.reference)}`;
      const button = (outcome: string, label: string) =>
        `<form method="post" action="${action}"><input type="hidden" name="token" value="${escapeHtml(payment.token)}">` +
        `<input type="hidden" name="outcome" value="${outcome}"><button type="submit">${label}</button></form>`;
      const lines = payment.lines
        .map((line) => `<li>${escapeHtml(line.name)}: ${escapeHtml(formatVnd(line.amountVnd))}</li>`)
        .join('');
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cổng thanh toán thử nghiệm</title>
<style>body{font-family:sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem}form{display:inline-block;margin:.3rem}
button{font-size:1rem;padding:.5rem 1rem}.note{color:#a15c00}</style></head><body>
<h1>Cổng thanh toán thử nghiệm (sandbox)</h1>
<p class="note">Trang này thay cho Nền tảng thanh toán của Cổng Dịch vụ công quốc gia khi thử nghiệm; không có giao dịch thật.</p>
<p>Mã tham chiếu: <b>${escapeHtml(payment.reference)}</b><br>Đơn vị thụ hưởng: ${escapeHtml(payment.beneficiary)}<br>
Nội dung: ${escapeHtml(payment.description)}<br>Số tiền: <b>${escapeHtml(formatVnd(payment.amountVnd))}</b></p>
<ul>${lines}</ul>
${
  payment.status === 'pending'
    ? `${button('success', 'Thanh toán thành công')}${button('failure', 'Thanh toán thất bại')}${button('timeout', 'Hết thời gian chờ')}`
    : `<p>Giao dịch đã kết thúc (${payment.status === 'succeeded' ? 'thành công' : 'không thành công'}).</p>`
}
<p><a href="${escapeHtml(payment.returnUrl)}">Quay lại Cổng dịch vụ công</a></p></body></html>`);
    },
  );

  api.post(
    `${SANDBOX_PATH}/:reference`,
    {
      schema: {
        tags: ['payments'],
        summary: 'The sandbox’s outcome: posts the signed result to the callback like the real platform',
        description:
          'success / failure: the sandbox signs a result message and posts it to the callback; timeout: nothing is ' +
          'sent (the payment stays pending until it expires). A form post is redirected back to the portal.',
        params: z.object({ reference: z.string().regex(/^[A-Za-z0-9]{8,64}$/) }),
        body: z.object({ outcome: z.enum(['success', 'failure', 'timeout']), token: z.string().min(10).max(200) }),
        response: {
          200: z.object({ outcome: z.string(), callback: z.unknown(), returnUrl: z.string() }),
          303: z.null().describe('A form post: back to the portal’s payment page'),
          400: Problem,
          403: Problem,
          404: Problem,
        },
      },
    },
    async (request, reply) => {
      const { message, returnUrl } = await completeSandboxPayment(ctx, {
        reference: request.params.reference,
        outcome: request.body.outcome,
        token: request.body.token,
      });
      // Through HTTP routing like the platform's own call (validation, checksum, idempotency).
      const callback = message
        ? (await app.inject({ method: 'POST', url: CALLBACK_PATH, payload: message })).json()
        : null;
      if (String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
        return reply.redirect(returnUrl, 303);
      }
      return reply.send({ outcome: request.body.outcome, callback, returnUrl });
    },
  );
};

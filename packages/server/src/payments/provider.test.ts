import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildInitMessage } from '@motcua/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context.js';
import { AppError } from '../errors/app-error.js';
import { signInitMessage, verifyInitMessage } from './checksum.js';
import { createDvcqgPaymentProvider } from './provider.js';

// A stand-in for the national payment platform's INIT endpoint.
let server: Server;
let url: string;
const received: unknown[] = [];
let answer: { status: number; body: unknown } = { status: 200, body: {} };

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      received.push(JSON.parse(body));
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/init`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

const message = signInitMessage(
  buildInitMessage({
    partnerCode: 'HUNGYEN',
    reference: 'REF12345678',
    amountVnd: 8000,
    at: Date.parse('2026-11-23T09:00:00+07:00'),
    clientIp: '10.0.0.1',
    dossierCode: '000.00.10.H31-261123-0001',
    procedureCode: '1.001193',
    procedureName: 'Thủ tục đăng ký khai sinh',
    agencyCode: '000.00.10.H31',
    agencyName: 'Trung tâm',
    payerName: 'Nguyễn Văn Dân',
    payerIdentifier: '033090004321',
    payerAddress: 'Phố Hiến',
    lines: [{ name: 'Lệ phí', kind: 'le_phi', amountVnd: 8000 }],
  }),
  'platform-secret',
);
const ctx = {} as AppContext;

describe('the national payment platform provider', () => {
  it('posts the signed INIT message and answers the platform’s payment URL', async () => {
    answer = {
      status: 200,
      body: { error_code: '0', message: JSON.stringify({ UrlThanhToan: 'https://thanhtoan.dichvucong.gov.vn/p/abc' }) },
    };
    const result = await createDvcqgPaymentProvider(url).initiate(ctx, message, { provinceCode: '33' });
    expect(result.paymentUrl).toBe('https://thanhtoan.dichvucong.gov.vn/p/abc');
    const sent = received.at(-1) as typeof message;
    expect(sent.MaXacThuc).toBe(message.MaXacThuc);
    expect(verifyInitMessage(sent, 'platform-secret')).toBe(true);
  });

  it('reports a refusal or an unreachable platform as PAYMENT_PROVIDER_FAILED (502)', async () => {
    answer = { status: 200, body: { error_code: '12', message: 'Sai mã xác thực' } };
    await expect(createDvcqgPaymentProvider(url).initiate(ctx, message, { provinceCode: '33' })).rejects.toMatchObject({
      code: 'PAYMENT_PROVIDER_FAILED',
      status: 502,
    });
    const down = createDvcqgPaymentProvider('http://127.0.0.1:9/init');
    const error = await down.initiate(ctx, message, { provinceCode: '33' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).params.reason).toBe('network');
  });
});

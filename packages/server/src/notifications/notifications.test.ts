import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { insertProcedureAgencies, listDossierNotifications, listNotificationAttempts } from '@motcua/db';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { seedProcedure, seedWorld, signIn, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { deliverDossierNotifications } from './deliver.js';
import { buildEmail, buildSms } from './messages.js';
import { startNotificationWorker } from './worker.js';

// Monday 23/11/2026, 09:00 in Vietnam.
const clock = fixedClock('2026-11-23T09:00:00+07:00');

type Mail = { to: string[]; raw: string };
const mails: Mail[] = [];
const sms: { to: string; text: string; reference: string }[] = [];
let smsStatus = 200;

let t: TestApp;
let world: World;
let smtp: SMTPServer;
let smsServer: Server;

/** The decoded text/plain part of a message nodemailer wrote (quoted-printable or base64). */
const textOf = (raw: string): string => {
  const part =
    /Content-Type: text\/plain[^\r\n]*\r?\nContent-Transfer-Encoding: ([\w-]+)\r?\n\r?\n([\s\S]*?)\r?\n(?:----|$)/i.exec(
      raw,
    );
  if (!part) {
    return raw;
  }
  const [, encoding = '', body = ''] = part;
  if (encoding.toLowerCase() === 'base64') {
    return Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
  }
  if (encoding.toLowerCase() === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
};

/** The decoded Subject header (RFC 2047 encoded words). */
const subjectOf = (raw: string): string => {
  const header = /^Subject: ((?:.*)(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  return header
    .replace(/\r?\n[ \t]/g, '')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
};

const agencyId = (key: string) => {
  const agency = world.agencies[key];
  if (!agency) {
    throw new Error(key);
  }
  return agency.id;
};

const applicant = {
  kind: 'person',
  fullName: 'Nguyễn Thị Ánh Tuyết',
  idNumber: '033190001234',
  dateOfBirth: '1990-05-20',
  gender: 'female',
  address: { text: 'Số 5 đường Chùa Chuông, phường Phố Hiến, tỉnh Hưng Yên', communeCode: '11953' },
  phone: '0912345678',
  email: 'tuyet@example.vn',
};

const intake = async (body: Record<string, unknown>) => {
  const desk = await signIn(t.app, 'motcua');
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: desk.headers,
    payload: {
      receivingAgencyId: agencyId('centre'),
      procedureCode: '1.001193',
      applicant,
      components: [
        { key: 'to-khai', originals: 1, copies: 0 },
        { key: 'giay-chung-sinh', originals: 1, copies: 0 },
      ],
      outcome: 'receive',
      ...body,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { code: string; id: string };
};

const act = async (who: string, code: string, action: string, params: object = {}, extra: object = {}) => {
  const session = await signIn(t.app, who);
  const desk = await signIn(t.app, 'motcua');
  const current = (await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: desk.headers })).json();
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/actions/${action}`,
    headers: session.headers,
    payload: { expectedVersion: current.version, params, ...extra },
  });
  expect(response.statusCode, response.body).toBe(200);
  return (await t.app.inject({ url: `/api/v1/dossiers/${code}/events`, headers: desk.headers })).json().items
    .length as number;
};

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo: (address, _session, callback) =>
      address.address.endsWith('@bounce.example') ? callback(new Error('mailbox unavailable')) : callback(),
    onData: (stream, session, callback) => {
      let raw = '';
      stream.on('data', (chunk: Buffer) => {
        raw += chunk.toString('utf8');
      });
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  smsServer = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      if (smsStatus === 200) {
        sms.push(JSON.parse(body));
      }
      response.writeHead(smsStatus).end();
    });
  });
  await new Promise<void>((resolve) => smsServer.listen(0, '127.0.0.1', resolve));
  const smsPort = (smsServer.address() as AddressInfo).port;

  const base = loadConfig({ LOG_LEVEL: 'silent' });
  t = await createTestApp({
    clock,
    config: {
      portal: {
        ...base.portal,
        mail: { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, from: 'Một cửa Hưng Yên <motcua@hungyen.example>' },
        sms: { provider: 'webhook', url: `http://127.0.0.1:${smsPort}/sms` },
      },
    },
  });
  world = await seedWorld(t);
  const { procedureId } = await seedProcedure(t, { catalog: '33', code: '1.001193' });
  await insertProcedureAgencies(t.database.db, [
    { procedureId, agencyId: agencyId('centre'), role: 'receiving', catalog: '33' },
  ]);
});

afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => smtp?.close(() => resolve(undefined)));
  await new Promise((resolve) => smsServer?.close(resolve));
});

describe('notifications to the applicant', () => {
  it('emails (SMTP) and texts (webhook) the receipt in Vietnamese, once, recording each message', async () => {
    const { code, id } = await intake({});
    const result = await deliverDossierNotifications(
      t.ctx,
      { dossierId: id, seq: 1, action: 'receive', toStatus: 'received' },
      { finalAttempt: false },
    );
    expect(result).toEqual({ sent: 2, failed: 0, skipped: 0 });
    expect(mails).toHaveLength(1);
    const mail = mails[0] as Mail;
    expect(mail.to).toEqual(['tuyet@example.vn']);
    expect(subjectOf(mail.raw)).toBe(`[${code}] Hồ sơ đã được tiếp nhận`);
    const text = textOf(mail.raw);
    expect(text).toContain('Kính gửi ông/bà Nguyễn Thị Ánh Tuyết,');
    expect(text).toContain(
      'Trung tâm Phục vụ hành chính công tỉnh Hưng Yên đã tiếp nhận hồ sơ "Thủ tục đăng ký khai sinh"',
    );
    expect(text).toContain('Thời gian hẹn trả kết quả: 09 giờ 00 phút, ngày 30/11/2026.');
    expect(text).toContain(`http://localhost:3000/tra-cuu-ho-so?ma=${encodeURIComponent(code)}`);
    expect(sms).toEqual([
      {
        to: '0912345678',
        text: expect.stringContaining(`Ho so ${code} da duoc tiep nhan. Hen tra ket qua: 09:00 30/11/2026.`),
        reference: `${id}:1`,
      },
    ]);

    // A retried job sends nothing again.
    const again = await deliverDossierNotifications(
      t.ctx,
      { dossierId: id, seq: 1, action: 'receive', toStatus: 'received' },
      { finalAttempt: false },
    );
    expect(again.sent).toBe(0);
    expect(mails).toHaveLength(1);
    const rows = await listDossierNotifications(t.database.db, { dossierId: id });
    expect(rows.map((r) => [r.kind, r.channel, r.status, r.attempts, r.recipientMasked])).toEqual([
      ['receipt', 'email', 'sent', 1, 'tu***@example.vn'],
      ['receipt', 'sms', 'sent', 1, '091****678'],
    ]);
  });

  it('lists the missing papers of a supplement request, and records what it cannot send', async () => {
    const { id } = await intake({
      applicant: { ...applicant, phone: undefined },
      components: [{ key: 'to-khai', originals: 1, copies: 0 }],
      outcome: 'supplement',
      missing: ['giay-chung-sinh'],
      reason: 'Thiếu giấy chứng sinh',
    });
    const result = await deliverDossierNotifications(
      t.ctx,
      { dossierId: id, seq: 1, action: 'request_intake_supplement', toStatus: 'supplement_requested' },
      { finalAttempt: false },
    );
    expect(result).toEqual({ sent: 1, failed: 0, skipped: 1 });
    const text = textOf((mails.at(-1) as Mail).raw);
    expect(text).toContain('Giấy tờ cần bổ sung:');
    expect(text).toContain('  - Giấy chứng sinh');
    expect(text).toContain('Lý do: Thiếu giấy chứng sinh');
    const rows = await listDossierNotifications(t.database.db, { dossierId: id, channel: 'sms' });
    expect(rows[0]).toMatchObject({ status: 'skipped', skipReason: 'no_address', attempts: 0 });
  });

  it('retries a failing channel and shows a notification that keeps failing on the officer’s view', async () => {
    const { code, id } = await intake({ applicant: { ...applicant, email: 'tuyet@bounce.example' } });
    await act('motcua', code, 'forward');
    await act('chuyenvien', code, 'accept_handoff');
    const seq = await act('chuyenvien', code, 'request_payment', { reason: 'Lệ phí', amountVnd: 8000 });
    smsStatus = 500;
    const job = { dossierId: id, seq, action: 'request_payment', toStatus: 'financial_obligation' };
    await expect(deliverDossierNotifications(t.ctx, job, { finalAttempt: false })).rejects.toThrow(/not delivered/);
    let rows = await listDossierNotifications(t.database.db, { dossierId: id, statuses: ['retrying', 'failed'] });
    expect(rows.map((r) => [r.channel, r.status, r.attempts])).toEqual([
      ['email', 'retrying', 1],
      ['sms', 'retrying', 1],
    ]);
    // The provider's text (which quotes the address) is not kept: an error code only.
    expect(rows[0]?.lastError).toMatch(/^EENVELOPE/);
    expect(rows[1]?.lastError).toBe('SMS_HTTP_500');

    smsStatus = 200;
    await expect(deliverDossierNotifications(t.ctx, job, { finalAttempt: true })).rejects.toThrow();
    rows = await listDossierNotifications(t.database.db, { dossierId: id });
    const payment = rows.filter((r) => r.eventSeq === seq);
    expect(payment.map((r) => [r.channel, r.status, r.attempts])).toEqual([
      ['email', 'failed', 2],
      ['sms', 'sent', 2],
    ]);
    const attempts = await listNotificationAttempts(t.database.db, payment[1]?.id ?? '');
    expect(attempts.map((a) => a.outcome)).toEqual(['failed', 'sent']);
    expect(sms.at(-1)?.text).toContain('can nop phi, le phi 8000 dong');

    const desk = await signIn(t.app, 'motcua');
    const view = (await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: desk.headers })).json();
    expect(view.notificationProblems).toEqual([
      expect.objectContaining({
        kind: 'payment_request',
        channel: 'email',
        status: 'failed',
        attempts: 2,
        recipient: 'tu***@bounce.example',
      }),
    ]);
    expect(JSON.stringify(view.notificationProblems)).not.toContain('tuyet@');
  });

  it('is sent by the dossier-changed worker from the outbox after the change commits', async () => {
    const { code } = await intake({ applicant: { ...applicant, email: 'an@example.vn', phone: undefined } });
    await startNotificationWorker(t.ctx);
    const deadline = Date.now() + 20_000;
    while (!mails.some((m) => m.to.includes('an@example.vn')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const mail = mails.find((m) => m.to.includes('an@example.vn'));
    expect(mail, 'no email from the worker').toBeDefined();
    expect(subjectOf(mail?.raw ?? '')).toBe(`[${code}] Hồ sơ đã được tiếp nhận`);
  });
});

describe('notification texts', () => {
  const facts = {
    applicantName: 'Công ty TNHH Minh An',
    honorific: '',
    dossierCode: '000.00.10.H31-261123-0009',
    procedureName: 'Thủ tục cấp giấy phép',
    agencyName: 'Sở Xây dựng tỉnh Hưng Yên',
    lookupUrl: 'http://localhost:3000/tra-cuu-ho-so?ma=x',
  };

  it('words each kind plainly, and keeps SMS short and without names', () => {
    const apology = buildEmail({
      ...facts,
      kind: 'apology',
      reason: 'Cần thêm thời gian thẩm định',
      newAppointmentAt: Date.parse('2026-12-04T16:00:00+07:00'),
    });
    expect(apology.subject).toBe('[000.00.10.H31-261123-0009] Thư xin lỗi và hẹn lại ngày trả kết quả');
    expect(apology.text).toContain('Kính gửi Công ty TNHH Minh An,');
    expect(apology.text).toContain('Thời gian hẹn trả kết quả mới: 16 giờ 00 phút, ngày 04/12/2026.');
    expect(apology.html).toContain('<p>Kính gửi Công ty TNHH Minh An,</p>');
    const result = buildSms({ ...facts, kind: 'result_ready' });
    expect(result).toBe(
      'Ho so 000.00.10.H31-261123-0009 da co ket qua. Tra cuu: http://localhost:3000/tra-cuu-ho-so?ma=x',
    );
    expect(result).not.toContain('Minh An');
    expect(buildEmail({ ...facts, applicantName: '<b>x</b>', kind: 'result_ready' }).html).toContain(
      '&lt;b&gt;x&lt;/b&gt;',
    );
  });
});

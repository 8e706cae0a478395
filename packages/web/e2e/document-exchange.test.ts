import { insertUserRole } from '@motcua/db';
import { seedWorld } from '@motcua/server/testing/fixtures';
import type { TestApp } from '@motcua/server/testing/test-app';
import { describe, expect, it } from 'vitest';
import { nextResponse, onPostgresPass, shoot, signInOfficial, useBrowserSuite } from './harness';

/*
 * Liên thông văn bản (QĐ 28/2018/QĐ-TTg) by package: the clerk of Hưng Yên's Department of Justice exports
 * the package of an issued letter for Hà Nội's Department of Justice (another system); Hà Nội's clerk imports
 * it and sends the status messages back; the sender imports them and sees "Đã đến" on the recipient.
 */
const WIDE = { width: 1280, height: 800 };
const NARROW = { width: 390, height: 844 };
let outgoingId = '';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

const suite = useBrowserSuite('document-exchange', {
  seed: async (server) => {
    const ctx = server.app.motcua;
    const world = await seedWorld({ database: ctx.database } as unknown as TestApp);
    const id = (key: string) => world.agencies[key]?.id ?? '';
    for (const [username, agency] of [
      ['tiepnhan', 'justice'],
      ['hanoitn', 'foreignDepartment'],
    ] as const) {
      await insertUserRole(ctx.db, {
        userId: world.users[username]?.id ?? '',
        agencyId: id(agency),
        role: 'clerk',
        includeSubagencies: false,
        grantedBy: null,
      });
    }
    const pdf = await ctx.storage.put(PDF);
    const doc = await ctx.db
      .insertInto('outgoingDocument')
      .values({
        provinceCode: '33',
        agencyId: id('justice'),
        drafterUserId: world.users.chuyenvien?.id ?? '',
        documentType: 'CV',
        subject: 'Về việc phối hợp giải quyết thủ tục hành chính liên tỉnh',
        status: 'issued',
        signerUserId: world.users.lanhdao?.id ?? '',
        signerTitle: 'Giám đốc',
        year: 2026,
        numberSequence: 'main',
        number: 12,
        numberSymbol: '12/STP-VP',
        signedAt: new Date(),
        issuedAt: new Date(),
        signedFileSha256: pdf.sha256,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    outgoingId = doc.id;
    await ctx.db
      .insertInto('outgoingRecipient')
      .values([
        {
          outgoingId,
          position: 1,
          recipientAgencyId: null,
          externalCode: '000.00.01.H26',
          name: 'Sở Tư pháp thành phố Hà Nội',
          channel: 'package',
        },
        { outgoingId, position: 2, recipientAgencyId: null, externalCode: null, name: 'Lưu: VT, VP', channel: 'paper' },
      ])
      .execute();
  },
});

describe.skipIf(onPostgresPass)('exchange of documents between agencies', () => {
  it('exports a package, imports it at the recipient, and brings its status back to the sender', async () => {
    // The sender exports the package for the recipient of another system.
    const sender = await signInOfficial(await suite.openPage(WIDE), 'tiepnhan');
    await sender.goto('/can-bo/van-ban/lien-thong');
    const line = sender.getByTestId('exchange-issued-line').filter({ hasText: '12/STP-VP' });
    await line.getByRole('button', { name: 'Xem nơi nhận' }).click();
    const exported = nextResponse(sender, 'POST', /\/api\/v1\/document-exchange\/outgoing\/.+\/package$/);
    await line.getByRole('button', { name: 'Xuất gói tin' }).click();
    const { fileUrl } = (await (await exported).json()) as { fileUrl: string };
    await sender.getByTestId('exchange-exported').waitFor();
    await line.getByTestId('exchange-recipient').filter({ hasText: 'Đã gửi gói tin' }).waitFor();
    await shoot(sender, 'exchange-exported-1280');
    const packageXml = await (await sender.request.get(fileUrl)).body();
    expect(packageXml.toString('utf8')).toContain('<CodeNotation>STP-VP</CodeNotation>');

    // The recipient's clerk (on a phone) imports it; a second import creates nothing new.
    const receiver = await signInOfficial(await suite.openPage(NARROW), 'hanoitn');
    await receiver.goto('/can-bo/van-ban/lien-thong?xem=received');
    const file = { name: '12-STP-VP.edxml', mimeType: 'application/xml', buffer: packageXml };
    await receiver.getByTestId('exchange-package-file').setInputFiles(file);
    await receiver.getByTestId('exchange-imported').filter({ hasText: 'Đã nhập văn bản 12/STP-VP' }).waitFor();
    await receiver.getByTestId('exchange-received-line').filter({ hasText: '12/STP-VP' }).waitFor();
    await receiver.getByTestId('exchange-package-file').setInputFiles(file);
    await receiver.getByTestId('exchange-imported').filter({ hasText: 'đã được nhập trước đây' }).waitFor();
    await expect(receiver.getByTestId('exchange-received-line').count()).resolves.toBe(1);
    // A malformed package is refused, naming the field.
    const broken = packageXml.toString('utf8').replace('<OrganId>000.00.01.H31</OrganId>', '<OrganId>STP</OrganId>');
    await receiver.getByTestId('exchange-package-file').setInputFiles({ ...file, buffer: Buffer.from(broken, 'utf8') });
    await receiver.getByTestId('exchange-invalid-fields').filter({ hasText: '/header/from/code' }).waitFor();
    await shoot(receiver, 'exchange-received-390');
    const line390 = receiver.getByTestId('exchange-received-line').first();
    const statusUrl = await line390.getByRole('link', { name: 'Tải thông điệp trạng thái' }).getAttribute('href');
    const statusXml = await (await receiver.request.get(statusUrl ?? '')).body();
    expect(statusXml.toString('utf8')).toContain('<StatusCode>01</StatusCode>');

    // The sender imports the status messages and sees the recipient's status.
    await sender.getByTestId('exchange-status-file').setInputFiles({
      name: 'trang-thai.edxml',
      mimeType: 'application/xml',
      buffer: statusXml,
    });
    await sender.getByTestId('exchange-statuses-imported').filter({ hasText: 'Đã ghi 1 thông điệp' }).waitFor();
    await line.getByTestId('exchange-timeline').filter({ hasText: 'Đã đến' }).waitFor();
    await shoot(sender, 'exchange-status-1280');
    const phone = await signInOfficial(await suite.openPage(NARROW), 'tiepnhan');
    await phone.goto('/can-bo/van-ban/lien-thong');
    const phoneLine = phone.getByTestId('exchange-issued-line').filter({ hasText: '12/STP-VP' });
    await phoneLine.getByRole('button', { name: 'Xem nơi nhận' }).click();
    await phoneLine.getByTestId('exchange-timeline').filter({ hasText: 'Đã đến' }).waitFor();
    await shoot(phone, 'exchange-status-390');
    const sent = await signInOfficial(await suite.openPage(WIDE), 'tiepnhan');
    await sent.goto('/can-bo/van-ban/lien-thong?xem=sent');
    await sent.getByTestId('exchange-sent-line').filter({ hasText: 'Đã đến' }).waitFor();
    await shoot(sent, 'exchange-sent-1280');
  });
});

import { insertDocumentSignature } from '@motcua/db';
import { signPdf } from '@motcua/server/signing/sign-pdf';
import { seedWorld } from '@motcua/server/testing/fixtures';
import type { TestApp } from '@motcua/server/testing/test-app';
import { issueTestCredentialUnchecked } from '@motcua/server/usecases/signing/credentials';
import { describe, expect, it } from 'vitest';
import { buildPdf, onPostgresPass, PHONE, shoot, useBrowserSuite } from './harness';

/*
 * The public verification of an issued document (issue 19): the QR code's page on a phone shows the number,
 * the agency and both signatures; the reader uploads the PDF they hold and sees both signatures checked and
 * the file recognised as the issued one.
 */
const TOKEN = 'e2e-xac-thuc-0000001';
let signedPdf: Buffer = Buffer.alloc(0);

const suite = useBrowserSuite('doc-verify', {
  seed: async (server) => {
    const ctx = server.app.motcua;
    const world = await seedWorld({ database: ctx.database } as unknown as TestApp);
    const justice = world.agencies.justice?.id ?? '';
    const approver = world.users.lanhdao?.id ?? '';
    await issueTestCredentialUnchecked(ctx, { ownerKind: 'official', agencyId: justice, userId: approver }, null);
    await issueTestCredentialUnchecked(ctx, { ownerKind: 'agency', agencyId: justice }, null);
    const placement = { page: 1, x: 330, y: 420, width: 170, height: 70 };
    const base = { agencyId: justice, signedAt: ctx.clock.now(), location: 'Hưng Yên', placement };
    const signer = await signPdf(ctx, {
      ...base,
      pdf: buildPdf('Quyet dinh 12/QD-STP'),
      kind: 'signer',
      userId: approver,
      reason: 'Ký ban hành',
    });
    const organisation = await signPdf(ctx, {
      ...base,
      pdf: signer.pdf,
      kind: 'organisation',
      reason: 'Ký số cơ quan',
    });
    signedPdf = organisation.pdf;
    const stored = await ctx.storage.put(signedPdf);
    const document = await ctx.db
      .insertInto('outgoingDocument')
      .values({
        provinceCode: '33',
        agencyId: justice,
        drafterUserId: world.users.chuyenvien?.id ?? '',
        documentType: 'QĐ',
        subject: 'Quyết định công bố danh mục thủ tục hành chính',
        status: 'issued',
        year: 2026,
        numberSequence: 'QĐ',
        number: 12,
        numberSymbol: '12/QĐ-STP',
        issuedAt: ctx.clock.now(),
        signedFileSha256: stored.sha256,
        verificationToken: TOKEN,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [kind, applied] of [
      ['signer', signer],
      ['organisation', organisation],
    ] as const) {
      await insertDocumentSignature(ctx.db, {
        provinceCode: '33',
        outgoingId: document.id,
        kind,
        signerUserId: kind === 'signer' ? approver : null,
        agencyId: justice,
        certificateSubject: applied.certificate.subject,
        certificateSerial: applied.certificate.serial,
        certificateSha256: applied.certificate.sha256,
        signedAt: ctx.clock.now(),
        inputSha256: applied.inputSha256,
        outputSha256: applied.outputSha256,
      });
    }
  },
});

describe.skipIf(onPostgresPass)('verifying an issued document', () => {
  it('shows the document behind the QR code and checks an uploaded PDF, on a phone', async () => {
    const page = await suite.openPage(PHONE);
    await page.goto(`/xac-thuc-van-ban/${TOKEN}`);
    await page.getByTestId('doc-verify-issued').waitFor();
    const facts = page.getByTestId('doc-verify-facts');
    await expect.poll(() => facts.innerText()).toContain('12/QĐ-STP');
    expect(await facts.innerText()).toContain('Sở Tư pháp');
    await page.getByText('Chữ ký của người có thẩm quyền').waitFor();
    await page.getByText('Chữ ký số của cơ quan, tổ chức').waitFor();
    await shoot(page, 'doc-verify-token');

    await page.getByTestId('verify-pdf-input').setInputFiles({
      name: 'quyet-dinh.pdf',
      mimeType: 'application/pdf',
      buffer: signedPdf,
    });
    const result = page.getByTestId('verify-pdf-result');
    await result.getByText('Tệp trùng khớp từng byte với văn bản số 12/QĐ-STP').waitFor();
    await expect.poll(() => result.getByTestId('pdf-signature').count()).toBe(2);
    expect(await result.getByText('Chữ ký hợp lệ').count()).toBe(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shoot(page, 'doc-verify-upload', { fullPage: true });
  });
});

import { insertDocumentSignature, listTrustedRootCertificates } from '@motcua/db';
import PdfKit from 'pdfkit';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestCertificateAuthority,
  issueTestCertificate,
  TEST_CA_COMMON_NAME,
  toPkcs12,
} from '../signing/certificates.js';
import { signPdf } from '../signing/sign-pdf.js';
import { verifyPdfSignatures } from '../signing/verify-pdf.js';
import { seedWorld, signIn, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { multipartFile } from '../usecases/portal/test-support.js';

const clock = fixedClock('2026-12-07T09:00:00+07:00');
let t: TestApp;
let world: World;
let admin: Record<string, string>;
const justice = () => world.agencies.justice?.id ?? '';
const userId = (username: string) => world.users[username]?.id ?? '';

const makePdf = () =>
  new Promise<Buffer>((resolve) => {
    const doc = new PdfKit({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text('Giay chung nhan');
    doc.end();
  });

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  admin = (await signIn(t.app, 'qtdonvi')).headers;
});

afterAll(async () => {
  await t?.close();
});

describe('signing credentials', () => {
  let officialCredential: { id: string; version: number };

  it('issues test-CA certificates to an official and to the agency, once each', async () => {
    const official = await t.app.inject({
      method: 'POST',
      url: '/api/v1/signing/credentials/test-certificate',
      headers: admin,
      payload: { ownerKind: 'official', agencyId: justice(), userId: userId('lanhdao') },
    });
    expect(official.statusCode, official.body).toBe(201);
    expect(official.json()).toMatchObject({
      ownerKind: 'official',
      ownerName: 'Lê Văn Lãnh Đạo',
      origin: 'test_ca',
      status: 'active',
      version: 1,
    });
    expect(official.json().subject).toContain('CN=Lê Văn Lãnh Đạo');
    expect(official.json().issuer).toContain(TEST_CA_COMMON_NAME);
    officialCredential = official.json();

    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/signing/credentials/test-certificate',
      headers: admin,
      payload: { ownerKind: 'official', agencyId: justice(), userId: userId('lanhdao') },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SIGNING_CREDENTIAL_EXISTS');

    const outsider = await t.app.inject({
      method: 'POST',
      url: '/api/v1/signing/credentials/test-certificate',
      headers: admin,
      payload: { ownerKind: 'official', agencyId: justice(), userId: userId('xaydung') },
    });
    expect(outsider.statusCode).toBe(422);
    expect(outsider.json().code).toBe('SIGNING_OFFICIAL_NOT_IN_AGENCY');

    const agency = await t.app.inject({
      method: 'POST',
      url: '/api/v1/signing/credentials/test-certificate',
      headers: admin,
      payload: { ownerKind: 'agency', agencyId: justice() },
    });
    expect(agency.statusCode, agency.body).toBe(201);

    const list = await t.app.inject({
      url: `/api/v1/signing/credentials?agencyId=${justice()}&limit=1`,
      headers: admin,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    const rest = await t.app.inject({
      url: `/api/v1/signing/credentials?agencyId=${justice()}&limit=5&cursor=${list.json().nextCursor}`,
      headers: admin,
    });
    expect(rest.json().items).toHaveLength(1);
    expect(rest.json().nextCursor).toBeNull();
  });

  it('signs through signPdf with the stored keys: signer then organisation, both valid against the install’s CA', async () => {
    const png = await QRCode.toBuffer('chu ky', { width: 120 });
    const image = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/signing/credentials/${officialCredential.id}/image`,
      headers: admin,
      payload: { pngBase64: png.toString('base64'), expectedVersion: 1 },
    });
    expect(image.statusCode, image.body).toBe(200);
    expect(image.json().version).toBe(2);
    const notPng = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/signing/credentials/${officialCredential.id}/image`,
      headers: admin,
      payload: { pngBase64: Buffer.from('GIF89a not a png at all, really not').toString('base64'), expectedVersion: 2 },
    });
    expect(notPng.json().code).toBe('SIGNING_IMAGE_INVALID');

    const placement = { page: 1, x: 330, y: 400, width: 170, height: 80 };
    const signed = await signPdf(t.ctx, {
      pdf: await makePdf(),
      kind: 'signer',
      userId: userId('lanhdao'),
      agencyId: justice(),
      signedAt: clock.now(),
      reason: 'Ký duyệt kết quả',
      location: 'Hưng Yên',
      placement,
    });
    const sealed = await signPdf(t.ctx, {
      pdf: signed.pdf,
      kind: 'organisation',
      agencyId: justice(),
      signedAt: clock.now(),
      reason: 'Đóng dấu',
      location: 'Hưng Yên',
      placement,
    });
    const result = verifyPdfSignatures(sealed.pdf, await listTrustedRootCertificates(t.ctx.db));
    expect(result.signatures.map((s) => [s.valid, s.coversWholeDocument])).toEqual([
      [true, false],
      [true, true],
    ]);
    // Issued by the test CA: the local TSA's token is there.
    expect(result.signatures[0]?.timestamp?.valid).toBe(true);
    expect(result.signatures[0]?.certificate?.subject).toContain('Lê Văn Lãnh Đạo');

    const missing = signPdf(t.ctx, {
      pdf: signed.pdf,
      kind: 'signer',
      userId: userId('chuyenvien'),
      agencyId: justice(),
      signedAt: clock.now(),
      reason: 'x',
      location: 'y',
    });
    await expect(missing).rejects.toMatchObject({ code: 'SIGNING_CREDENTIAL_MISSING' });
  });

  it('imports a PKCS#12 file after the old certificate is revoked; refuses a wrong passphrase', async () => {
    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/v1/signing/credentials/${officialCredential.id}/revoke`,
      headers: admin,
      payload: { expectedVersion: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/signing/credentials/${officialCredential.id}/revoke`,
      headers: admin,
      payload: { expectedVersion: 2 },
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked', version: 3 });

    const otherCa = createTestCertificateAuthority(clock.now(), 'Hưng Yên');
    const material = issueTestCertificate(
      otherCa,
      { commonName: 'Lê Văn Lãnh Đạo', organization: 'Sở Tư pháp' },
      clock.now(),
    );
    const pkcs12Base64 = toPkcs12(material, 'bí mật', 'Lãnh Đạo').toString('base64');
    const owner = { ownerKind: 'official', agencyId: justice(), userId: userId('lanhdao') };
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/signing/credentials/import',
      headers: admin,
      payload: { owner, pkcs12Base64, passphrase: 'sai' },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('SIGNING_PKCS12_UNREADABLE');
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/signing/credentials/import',
      headers: admin,
      payload: { owner, pkcs12Base64, passphrase: 'bí mật' },
    });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({ origin: 'imported', status: 'active' });

    // Its root is not trusted by this install: intact, not trusted; no local timestamp for an imported key.
    const signed = await signPdf(t.ctx, {
      pdf: await makePdf(),
      kind: 'signer',
      userId: userId('lanhdao'),
      agencyId: justice(),
      signedAt: clock.now(),
      reason: 'Ký',
      location: 'Hưng Yên',
    });
    const [signature] = verifyPdfSignatures(signed.pdf, await listTrustedRootCertificates(t.ctx.db)).signatures;
    expect(signature).toMatchObject({
      signatureValid: true,
      digestMatches: true,
      chainTrusted: false,
      timestamp: null,
    });
  });
});

describe('public verification of issued documents', () => {
  const token = 'xacthuc-van-ban-0001';
  let issuedPdf: Buffer;

  beforeAll(async () => {
    // The agency's certificate exists (first describe); the official's current one was imported.
    const placement = { page: 1, x: 330, y: 400, width: 170, height: 80 };
    const signer = await signPdf(t.ctx, {
      pdf: await makePdf(),
      kind: 'signer',
      userId: userId('lanhdao'),
      agencyId: justice(),
      signedAt: clock.now(),
      reason: 'Ký ban hành',
      location: 'Hưng Yên',
      placement,
    });
    const organisation = await signPdf(t.ctx, {
      pdf: signer.pdf,
      kind: 'organisation',
      agencyId: justice(),
      signedAt: clock.now(),
      reason: 'Ký số của cơ quan',
      location: 'Hưng Yên',
      placement,
    });
    issuedPdf = organisation.pdf;
    const stored = await t.ctx.storage.put(issuedPdf);
    const document = await t.ctx.db
      .insertInto('outgoingDocument')
      .values({
        provinceCode: '33',
        agencyId: justice(),
        drafterUserId: userId('chuyenvien'),
        documentType: 'QĐ',
        subject: 'Quyết định công bố thủ tục hành chính',
        status: 'issued',
        year: 2026,
        numberSequence: 'QĐ',
        number: 12,
        numberSymbol: '12/QĐ-STP',
        issuedAt: clock.now(),
        signedFileSha256: stored.sha256,
        verificationToken: token,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [kind, applied] of [
      ['signer', signer],
      ['organisation', organisation],
    ] as const) {
      await insertDocumentSignature(t.ctx.db, {
        provinceCode: '33',
        outgoingId: document.id,
        kind,
        signerUserId: kind === 'signer' ? userId('lanhdao') : null,
        agencyId: justice(),
        certificateSubject: applied.certificate.subject,
        certificateSerial: applied.certificate.serial,
        certificateSha256: applied.certificate.sha256,
        signedAt: clock.now(),
        inputSha256: applied.inputSha256,
        outputSha256: applied.outputSha256,
      });
    }
  });

  it('answers the issued document behind the QR token, and 404 for an unknown token', async () => {
    const response = await t.app.inject({ url: `/api/v1/public/documents/verify/${token}` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      numberSymbol: '12/QĐ-STP',
      documentTypeLabel: { vi: 'Quyết định' },
      agencyName: world.agencies.justice?.name,
      signatures: [{ kind: 'signer' }, { kind: 'organisation' }],
      signedFileCheck: { signatures: 2, modifiedAfterLastSignature: false },
    });
    expect(response.json().signatures[0].certificateSubject).toContain('Lê Văn Lãnh Đạo');
    const unknown = await t.app.inject({ url: '/api/v1/public/documents/verify/khong-co-van-ban-nay' });
    expect(unknown.statusCode).toBe(404);
  });

  it('verifies an uploaded PDF: the issued bytes are known; a changed byte breaks the signatures', async () => {
    const upload = async (pdf: Buffer) => {
      const file = multipartFile(pdf, 'van-ban.pdf', 'application/pdf');
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/public/documents/verify',
        headers: file.headers,
        payload: file.payload,
      });
    };
    const same = await upload(issuedPdf);
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json().knownAs).toEqual({ kind: 'outgoing', numberSymbol: '12/QĐ-STP', token });
    expect(same.json().signatures).toHaveLength(2);
    // The official's imported certificate chains to a root this install does not trust; the agency's does.
    expect(same.json().signatures.map((s: { digestMatches: boolean }) => s.digestMatches)).toEqual([true, true]);
    expect(same.json().signatures[1].valid).toBe(true);

    const tampered = Buffer.from(issuedPdf);
    const at = tampered.indexOf('/MediaBox') + 12;
    tampered[at] = tampered[at] === 0x30 ? 0x31 : 0x30;
    const changed = await upload(tampered);
    expect(changed.json().knownAs).toBeNull();
    expect(changed.json().signatures.map((s: { valid: boolean }) => s.valid)).toEqual([false, false]);

    const notPdf = await upload(Buffer.from('hello, not a PDF'));
    expect(notPdf.statusCode).toBe(422);
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { PDFDocument } from 'pdf-lib';
import PdfKit from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTestCertificateAuthority,
  issueTestCertificate,
  type KeyMaterial,
  Pkcs12Error,
  readPkcs12,
  TEST_CA_COMMON_NAME,
  toPkcs12,
} from './certificates.js';
import { signPdfWithKey } from './sign-with-key.js';
import { verifyPdfSignatures } from './verify-pdf.js';

const now = new Date('2026-12-06T12:30:05Z');
const FONT = new URL('../../assets/fonts/LiberationSerif-Regular.ttf', import.meta.url);

const makePdf = () =>
  new Promise<Buffer>((resolve) => {
    const doc = new PdfKit({ size: 'A4', margin: 56 });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.font(readFileSync(FONT)).fontSize(13);
    doc.text('ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP', { align: 'left' });
    doc.moveDown().text('QUYẾT ĐỊNH về việc thử ký số', { align: 'center' });
    doc.moveDown().text('Nội dung văn bản. '.repeat(30));
    doc.end();
  });

const pdfsig = (file: string) => spawnSync('/usr/bin/pdfsig', [file], { encoding: 'utf8' }).stdout;

let ca: KeyMaterial;
let official: KeyMaterial;
let agency: KeyMaterial;
let tsa: KeyMaterial;
let original: Buffer;
let dir: string;
const placement = { page: 1, x: 330, y: 420, width: 180, height: 80 };

beforeAll(async () => {
  ca = createTestCertificateAuthority(now, 'Đồng Tháp');
  official = issueTestCertificate(
    ca,
    { commonName: 'Nguyễn Văn An', organization: 'Sở Nội vụ', locality: 'Đồng Tháp' },
    now,
  );
  agency = issueTestCertificate(
    ca,
    { commonName: 'Sở Nội vụ tỉnh Đồng Tháp', organization: 'Sở Nội vụ', locality: 'Đồng Tháp' },
    now,
  );
  tsa = issueTestCertificate(
    ca,
    { commonName: 'motcua TSA', organization: 'motcua', locality: 'Đồng Tháp', timestamping: true },
    now,
  );
  original = await makePdf();
  dir = mkdtempSync(join(tmpdir(), 'motcua-signing-'));
});

const signBoth = async () => {
  const first = await signPdfWithKey({
    pdf: original,
    kind: 'signer',
    key: official,
    signedAt: now,
    reason: 'Ký ban hành văn bản',
    location: 'Đồng Tháp',
    placement,
    agencyName: 'Sở Nội vụ tỉnh Đồng Tháp',
    timestampAuthority: tsa,
  });
  const second = await signPdfWithKey({
    pdf: first.pdf,
    kind: 'organisation',
    key: agency,
    signedAt: new Date(now.getTime() + 60_000),
    reason: 'Văn thư đóng dấu',
    location: 'Đồng Tháp',
    placement,
    agencyName: 'Sở Nội vụ tỉnh Đồng Tháp',
  });
  return { first, second };
};

describe('signPdfWithKey + verifyPdfSignatures', () => {
  it('the test CA says it has no legal value', () => {
    expect(ca.certificatePem).toContain('BEGIN CERTIFICATE');
    const parsed = readPkcs12(toPkcs12(official, 'mật khẩu', 'An'), 'mật khẩu');
    expect(parsed.certificatePem.replace(/\r/g, '')).toBe(official.certificatePem.replace(/\r/g, ''));
    expect(() => readPkcs12(toPkcs12(official, 'a', 'An'), 'b')).toThrow(Pkcs12Error);
    expect(TEST_CA_COMMON_NAME).toContain('không có giá trị pháp lý');
  });

  it('signs as an incremental update: the signer’s signature stays valid after the organisation’s', async () => {
    const { first, second } = await signBoth();
    expect(first.pdf.subarray(0, original.length).equals(original)).toBe(true);
    expect(second.pdf.subarray(0, first.pdf.length).equals(first.pdf)).toBe(true);
    expect(second.inputSha256).toBe(first.outputSha256);
    expect(first.certificate.subject).toContain('CN=Nguyễn Văn An');

    const result = verifyPdfSignatures(second.pdf, [ca.certificatePem]);
    expect(result.signatures).toHaveLength(2);
    const [signer, organisation] = result.signatures;
    expect(signer).toMatchObject({
      subFilter: 'ETSI.CAdES.detached',
      byteRangeWellFormed: true,
      coversWholeDocument: false,
      digestMatches: true,
      signatureValid: true,
      signingCertificateBound: true,
      chainTrusted: true,
      valid: true,
      signingTime: now.toISOString(),
      timestamp: { at: now.toISOString(), valid: true },
    });
    expect(signer?.chain).toEqual([
      expect.stringContaining('Nguyễn Văn An'),
      expect.stringContaining(TEST_CA_COMMON_NAME),
    ]);
    expect(organisation).toMatchObject({ coversWholeDocument: true, valid: true, timestamp: null });
    expect(organisation?.certificate?.subject).toContain('Sở Nội vụ tỉnh Đồng Tháp');
    expect(result.modifiedAfterLastSignature).toBe(false);

    // Without the test CA among the trusted roots the signatures are intact but not trusted.
    const untrusted = verifyPdfSignatures(second.pdf, []);
    expect(untrusted.signatures.map((s) => [s.signatureValid, s.chainTrusted, s.valid])).toEqual([
      [true, false, false],
      [true, false, false],
    ]);
  });

  it('pdfsig accepts both signatures and the last covers the whole document', async () => {
    const { second } = await signBoth();
    const file = join(dir, 'signed.pdf');
    writeFileSync(file, second.pdf);
    const report = pdfsig(file);
    expect(report).toContain('Signature #1');
    expect(report).toContain('Signature #2');
    expect(report.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
    const [, secondPart] = report.split('Signature #2');
    expect(secondPart).toContain('Total document signed');
    expect(report).toContain('ETSI.CAdES.detached');
    // No NSS database trusts the test CA here (certutil is not installed): pdfsig says so.
    expect(report).toMatch(
      /Certificate Validation: (Certificate issuer is unknown|Certificate issuer isn't Trusted|Certificate is Trusted)/,
    );

    // OpenSSL, an independent CMS implementation, verifies each signature over its byte ranges against the CA.
    writeFileSync(join(dir, 'ca.pem'), ca.certificatePem);
    const text = second.pdf.toString('latin1');
    for (const match of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
      const [a, b, c, d] = match.slice(1, 5).map(Number) as [number, number, number, number];
      const cms = Buffer.from(text.slice(b + 1, c - 1), 'hex');
      writeFileSync(join(dir, 'cms.der'), cms);
      writeFileSync(
        join(dir, 'content.bin'),
        Buffer.concat([second.pdf.subarray(a, a + b), second.pdf.subarray(c, c + d)]),
      );
      const openssl = spawnSync(
        '/usr/bin/openssl',
        [
          'cms',
          '-verify',
          '-binary',
          '-inform',
          'DER',
          '-in',
          join(dir, 'cms.der'),
          '-content',
          join(dir, 'content.bin'),
          '-CAfile',
          join(dir, 'ca.pem'),
          '-purpose',
          'any',
          '-out',
          '/dev/null',
        ],
        { encoding: 'utf8' },
      );
      expect(openssl.stderr).toContain('Verification successful');
    }

    if (existsSync('/usr/bin/pdftoppm')) {
      execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(dir, 'page')]);
      expect(existsSync(join(dir, 'page-1.png'))).toBe(true);
    }
  });

  it('a changed byte inside the signed range breaks both signatures, for motcua and for pdfsig', async () => {
    const { second } = await signBoth();
    const tampered = Buffer.from(second.pdf);
    const at = tampered.indexOf('Nội dung') > 0 ? tampered.indexOf('/MediaBox') + 12 : 200;
    tampered[at] = tampered[at] === 0x30 ? 0x31 : 0x30;
    const result = verifyPdfSignatures(tampered, [ca.certificatePem]);
    expect(result.signatures.map((s) => [s.digestMatches, s.valid])).toEqual([
      [false, false],
      [false, false],
    ]);
    const file = join(dir, 'tampered.pdf');
    writeFileSync(file, tampered);
    const report = pdfsig(file);
    expect(report).not.toContain('Signature is Valid');
    expect(report.match(/Signature Validation: Digest Mismatch\./g)).toHaveLength(2);
  });

  it('stamps an attachment in the top-right corner and reports bytes added after the last signature', async () => {
    const signed = await signPdfWithKey({
      pdf: original,
      kind: 'organisation',
      key: agency,
      signedAt: now,
      reason: 'Phụ lục kèm theo',
      location: 'Đồng Tháp',
      stamp: { numberSymbol: '12/QĐ-SNV', agencyName: 'Sở Nội vụ tỉnh Đồng Tháp' },
      agencyName: 'Sở Nội vụ tỉnh Đồng Tháp',
    });
    const alone = verifyPdfSignatures(signed.pdf, [ca.certificatePem]).signatures[0];
    expect(alone?.problems).toEqual([]);
    expect(alone?.valid).toBe(true);
    const appended = Buffer.concat([signed.pdf, Buffer.from('\n% an unsigned later revision\n')]);
    const result = verifyPdfSignatures(appended, [ca.certificatePem]);
    expect(result.modifiedAfterLastSignature).toBe(true);
    expect(result.signatures[0]).toMatchObject({ valid: true, coversWholeDocument: false });
    expect(verifyPdfSignatures(original, []).signatures).toEqual([]);
  });

  it('takes a third signature (a copy stamped later) and keeps the two before it valid', async () => {
    const { second } = await signBoth();
    const third = await signPdfWithKey({
      pdf: second.pdf,
      kind: 'organisation',
      key: agency,
      signedAt: new Date(now.getTime() + 3_600_000),
      reason: 'Sao y bản chính',
      location: 'Đồng Tháp',
      stamp: { numberSymbol: '05/SY-SNV', agencyName: 'Sở Nội vụ tỉnh Đồng Tháp' },
      agencyName: 'Sở Nội vụ tỉnh Đồng Tháp',
    });
    const result = verifyPdfSignatures(third.pdf, [ca.certificatePem]);
    expect(result.signatures.map((s) => [s.valid, s.coversWholeDocument])).toEqual([
      [true, false],
      [true, false],
      [true, true],
    ]);
    const file = join(dir, 'third.pdf');
    writeFileSync(file, third.pdf);
    const report = pdfsig(file);
    expect(report.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(3);
    expect(report).toContain('Signature Field Name: Signature3');
  });

  it('verifies a signature made by another signer (@signpdf P12Signer, adbe.pkcs7.detached)', async () => {
    const doc = await PDFDocument.load(original);
    pdflibAddPlaceholder({ pdfDoc: doc, reason: 'x', contactInfo: 'x', name: 'x', location: 'x' });
    const withPlaceholder = Buffer.from(await doc.save({ useObjectStreams: false }));
    const signer = new P12Signer(toPkcs12(official, 'p', 'An'), { passphrase: 'p' });
    const signed = await new SignPdf().sign(withPlaceholder, signer, now);
    const [signature] = verifyPdfSignatures(signed, [ca.certificatePem]).signatures;
    expect(signature).toMatchObject({
      subFilter: 'adbe.pkcs7.detached',
      digestMatches: true,
      signatureValid: true,
      signingCertificateBound: false,
      chainTrusted: true,
      coversWholeDocument: true,
      valid: true,
    });
  });

  it('signs a PDF with compressed cross-references (object streams) after rewriting it once, then incrementally', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]).drawText('Van ban dinh kem', { x: 72, y: 760 });
    const compressed = Buffer.from(await doc.save({ useObjectStreams: true }));
    expect(compressed.toString('latin1')).toMatch(/\/Type\s*\/ObjStm/);
    const first = await signPdfWithKey({
      pdf: compressed,
      kind: 'signer',
      key: official,
      signedAt: now,
      reason: 'Ký',
      location: 'Đồng Tháp',
      placement: { page: 1, x: 300, y: 300, width: 160, height: 60 },
      agencyName: 'Sở Nội vụ tỉnh Đồng Tháp',
    });
    const second = await signPdfWithKey({
      pdf: first.pdf,
      kind: 'organisation',
      key: agency,
      signedAt: now,
      reason: 'Ký số cơ quan',
      location: 'Đồng Tháp',
      placement: { page: 1, x: 300, y: 300, width: 160, height: 60 },
      agencyName: 'Sở Nội vụ tỉnh Đồng Tháp',
    });
    expect(second.pdf.subarray(0, first.pdf.length).equals(first.pdf)).toBe(true);
    expect(verifyPdfSignatures(second.pdf, [ca.certificatePem]).signatures.map((s) => s.valid)).toEqual([true, true]);
    const file = join(dir, 'compressed.pdf');
    writeFileSync(file, second.pdf);
    expect(pdfsig(file).match(/Signature is Valid/g)).toHaveLength(2);
  });

  it('countersigns a PDF signed elsewhere whose cross-reference is a stream, keeping that signature valid', async () => {
    const doc = await PDFDocument.load(original);
    pdflibAddPlaceholder({ pdfDoc: doc, reason: 'x', contactInfo: 'x', name: 'x', location: 'x' });
    const withPlaceholder = Buffer.from(await doc.save({ useObjectStreams: true }));
    const signedElsewhere = await new SignPdf().sign(
      withPlaceholder,
      new P12Signer(toPkcs12(official, 'p', 'An'), { passphrase: 'p' }),
      now,
    );
    writeFileSync(join(dir, 'signed-elsewhere.pdf'), signedElsewhere);
    const countersigned = await signPdfWithKey({
      pdf: signedElsewhere,
      kind: 'organisation',
      key: agency,
      signedAt: now,
      reason: 'Ký số cơ quan',
      location: 'Đồng Tháp',
      stamp: { numberSymbol: '07/SNV', agencyName: 'Sở Nội vụ tỉnh Đồng Tháp' },
      agencyName: 'Sở Nội vụ tỉnh Đồng Tháp',
    });
    expect(countersigned.pdf.subarray(0, signedElsewhere.length).equals(signedElsewhere)).toBe(true);
    expect(verifyPdfSignatures(countersigned.pdf, [ca.certificatePem]).signatures.map((s) => s.valid)).toEqual([
      true,
      true,
    ]);
    const file = join(dir, 'countersigned.pdf');
    writeFileSync(file, countersigned.pdf);
    const report = pdfsig(file);
    expect(report.match(/Signature #/g)).toHaveLength(2);
    // pdfsig cannot match the first signer: @signpdf/signer-p12 (node-forge) re-encodes the UTF8String issuer
    // of a Vietnamese name in its signer info ("Unknown Validation Failure") — why motcua writes its own CMS.
    expect(report.split('Signature #2')[1]).toContain('Signature is Valid');
  });
});

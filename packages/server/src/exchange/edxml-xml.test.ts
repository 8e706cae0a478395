import { DELIVERY_STATUSES, EDXML_VERSION, type ExchangePackage } from '@motcua/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPackageXml, buildStatusXml, parsePackageXml, parseStatusXml } from './edxml-xml.js';

const PACKAGE: ExchangePackage = {
  version: EDXML_VERSION,
  header: {
    documentId: '5f0c2b8e-3a4d-4f6e-9b1a-2c3d4e5f6a7b',
    from: { code: '000.00.00.H31', name: 'Ủy ban nhân dân tỉnh Hưng Yên' },
    to: [
      { code: '000.00.00.H26', name: 'Ủy ban nhân dân thành phố Hà Nội' },
      { code: '000.00.01.H26', name: 'Sở Tư pháp Hà Nội' },
    ],
    code: { number: '12', notation: 'QĐ-UBND' },
    promulgation: { place: 'Hưng Yên', date: '2026-11-23' },
    documentType: { code: 'QĐ', name: 'Quyết định' },
    subject: 'Về việc "A & B" <thử>',
    signer: { name: 'Nguyễn Văn Ký', position: 'KT. Chủ tịch' },
    dueDate: null,
    steering: true,
    urgency: 'hoa_toc',
    confidentiality: 'normal',
    sentAt: '2026-11-23T09:00:00+07:00',
  },
  attachments: [
    { name: '12-QD-UBND.pdf', mediaType: 'application/pdf', sha256: 'a'.repeat(64), contentBase64: 'JVBERi0xLjQ=' },
    { name: 'Phụ lục.docx', mediaType: 'application/msword', sha256: 'b'.repeat(64), contentBase64: 'UEsDBA==' },
  ],
};

describe('edXML text (QCVN 102:2016 [RECALL])', () => {
  it('reads back the package it writes, escaping text', () => {
    const xml = buildPackageXml(PACKAGE);
    expect(xml).toContain('<edXMLEnvelope xmlns="http://www.e-doc.vn/Schema/" Version="2.0">');
    expect(xml).toContain('&amp;');
    expect(xml).not.toContain('<DueDate>');
    expect(parsePackageXml(xml)).toEqual({ ok: true, value: PACKAGE });
  });

  it('reads back any subject, signer and due date (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-zÀ-ỹĐđ0-9 &<>"'.,;:()/-]{1,80}$/).filter((s) => s.trim().length > 0),
        fc.option(fc.constantFrom('2026-11-30', '2027-01-15'), { nil: null }),
        (subject, dueDate) => {
          const pkg = { ...PACKAGE, header: { ...PACKAGE.header, subject: subject.trim(), dueDate } };
          expect(parsePackageXml(buildPackageXml(pkg))).toEqual({ ok: true, value: pkg });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('names the missing or wrong field of a package', () => {
    const xml = buildPackageXml(PACKAGE);
    const noSubject = parsePackageXml(xml.replace(/<Subject>.*<\/Subject>/, ''));
    expect(noSubject.ok || noSubject.issues.map((i) => i.pointer)).toEqual(['/header/subject']);
    const badPriority = parsePackageXml(xml.replace('<Priority>3</Priority>', '<Priority>9</Priority>'));
    expect(badPriority.ok || badPriority.issues.map((i) => i.pointer)).toEqual(['/header/urgency']);
    const badSteering = parsePackageXml(
      xml.replace('<SteeringType>1</SteeringType>', '<SteeringType>yes</SteeringType>'),
    );
    expect(badSteering.ok || badSteering.issues.map((i) => i.pointer)).toEqual(['/header/steering']);
    expect(parsePackageXml('<a>').ok).toBe(false);
    expect(parsePackageXml('<other/>')).toEqual({
      ok: false,
      issues: [{ pointer: '/', message: 'not an edXML envelope (edXMLEnvelope)' }],
    });
  });

  it('reads back status messages, each status by its code', () => {
    const batch = {
      version: EDXML_VERSION,
      messages: DELIVERY_STATUSES.map((status, i) => ({
        responseFor: { documentId: PACKAGE.header.documentId, packageSha256: 'c'.repeat(64) },
        from: PACKAGE.header.to[1] ?? PACKAGE.header.from,
        to: PACKAGE.header.from,
        seq: i + 1,
        status,
        at: '2026-11-23T10:00:00+07:00',
        note: i === 2 ? 'Đã giao Phòng Hành chính tư pháp' : null,
      })),
    };
    const xml = buildStatusXml(batch);
    expect(xml).toContain('<StatusCode>06</StatusCode>');
    expect(parseStatusXml(xml)).toEqual({ ok: true, value: batch });
    const bad = parseStatusXml(xml.replace('<StatusCode>01</StatusCode>', '<StatusCode>77</StatusCode>'));
    expect(bad.ok || bad.issues.map((i) => i.pointer)).toEqual(['/messages/0/status']);
  });
});

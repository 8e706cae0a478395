import { describe, expect, it } from 'vitest';
import { sampleJpeg, samplePdf, samplePng } from './test-support.js';
import { cleanFileName, contentDisposition, sniffMediaType } from './upload-checks.js';

describe('sniffMediaType', () => {
  it('reads the type from the first bytes, never from a name', () => {
    expect(sniffMediaType(samplePdf())).toBe('application/pdf');
    expect(sniffMediaType(Buffer.concat([Buffer.from('\ufeff  \n'), samplePdf()]))).toBe('application/pdf');
    expect(sniffMediaType(samplePng())).toBe('image/png');
    expect(sniffMediaType(sampleJpeg())).toBe('image/jpeg');
    expect(sniffMediaType(Buffer.from('<html>%PDF-1.4 hidden later'.padEnd(2000, ' ')))).toBeUndefined();
    expect(sniffMediaType(Buffer.concat([Buffer.alloc(1100, 0x20), samplePdf()]))).toBeUndefined();
    expect(sniffMediaType(Buffer.from('GIF89a'))).toBeUndefined();
    expect(sniffMediaType(Buffer.from('MZ\x90\x00'))).toBeUndefined();
    expect(sniffMediaType(Buffer.alloc(0))).toBeUndefined();
  });
});

describe('file names', () => {
  it('drops paths and control characters, and sends UTF-8 names safely', () => {
    expect(cleanFileName('C:\\Users\\an\\Giấy chứng sinh.pdf', 'x')).toBe('Giấy chứng sinh.pdf');
    expect(cleanFileName('../../etc/passwd', 'x')).toBe('passwd');
    expect(cleanFileName('a\u0000b"\u202e.pdf', 'x')).toBe('ab.pdf');
    expect(cleanFileName('  ', 'tep.pdf')).toBe('tep.pdf');
    expect(contentDisposition('Giấy khai sinh.pdf')).toBe(
      `attachment; filename="Giay khai sinh.pdf"; filename*=UTF-8''Gi%E1%BA%A5y%20khai%20sinh.pdf`,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { sampleJpeg, samplePdf, samplePng } from './test-support.js';
import { cleanFileName, contentDisposition, downloadFileName, sniffMediaType } from './upload-checks.js';

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

describe('downloadFileName', () => {
  it.each([
    // [name the user gave, type detected from the content, name of the download]
    ['x.html', 'application/pdf', 'x.pdf'],
    ['x.exe', 'application/pdf', 'x.pdf'],
    ['Giấy khai sinh.pdf.html', 'application/pdf', 'Giấy khai sinh.pdf.pdf'],
    ['Ảnh chân dung.png', 'image/jpeg', 'Ảnh chân dung.jpg'],
    ['Ảnh chân dung.JPEG', 'image/jpeg', 'Ảnh chân dung.JPEG'],
    ['scan.pdf', 'application/pdf', 'scan.pdf'],
    ['Sổ hộ khẩu', 'image/png', 'Sổ hộ khẩu.png'],
    ['Quyết định số 12.2026', 'application/pdf', 'Quyết định số 12.2026.pdf'],
    ['mau-don.docx', 'application/msword', 'mau-don.doc'],
    ['mau-don.doc', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'mau-don.docx'],
    ['.html', 'application/pdf', 'tệp.pdf'],
    ['bien-lai.pdf', 'application/pdf; charset=binary', 'bien-lai.pdf'],
    ['du-lieu.pdf', 'application/x-unknown', 'du-lieu.bin'],
  ])('%s detected as %s downloads as %s', (name, mediaType, expected) => {
    expect(downloadFileName(name, mediaType)).toBe(expected);
  });

  it('sends the Vietnamese name as RFC 5987 filename* with an ASCII fallback', () => {
    expect(contentDisposition(downloadFileName('Đơn đề nghị (bản chính).html', 'application/pdf'))).toBe(
      `attachment; filename="Don de nghi (ban chinh).pdf"; ` +
        `filename*=UTF-8''%C4%90%C6%A1n%20%C4%91%E1%BB%81%20ngh%E1%BB%8B%20%28b%E1%BA%A3n%20ch%C3%ADnh%29.pdf`,
    );
    expect(contentDisposition("it's.pdf", true)).toBe(`inline; filename="it's.pdf"; filename*=UTF-8''it%27s.pdf`);
  });
});

describe('a WebP image (a province’s emblem)', () => {
  it('is read from its RIFF … WEBP header, not from a RIFF of another kind', () => {
    const riff = (kind: string) => Buffer.concat([Buffer.from('RIFF'), Buffer.from([16, 0, 0, 0]), Buffer.from(kind)]);
    expect(sniffMediaType(riff('WEBPVP8 '))).toBe('image/webp');
    expect(sniffMediaType(riff('WAVEfmt '))).toBeUndefined();
    expect(downloadFileName('bieu-trung.txt', 'image/webp')).toBe('bieu-trung.webp');
  });
});

import type { OnlineUploadMediaType } from '@motcua/domain';

/**
 * Checks on uploaded files: the type is read from the first bytes (magic numbers), never from the
 * file name or the type the browser declares, and every file passes the scanning hook before it is
 * stored.
 */

export type SniffedType =
  | OnlineUploadMediaType
  | 'image/webp'
  | 'application/msword'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const startsWith = (content: Buffer, bytes: readonly number[], offset = 0): boolean =>
  content.length >= offset + bytes.length && bytes.every((byte, i) => content[offset + i] === byte);

/**
 * The type of a file from its content: PDF ("%PDF-" at the start),
 * JPEG (FF D8 FF), PNG (the 8-byte signature), WebP ("RIFF" … "WEBP", a province's emblem), and for form templates
 * DOC (OLE2) and DOCX (ZIP).
 */
export const sniffMediaType = (content: Buffer): SniffedType | undefined => {
  // "%PDF-" first, after at most a byte-order mark and white space (readers tolerate junk before it,
  // but a file that starts as something else — HTML, a script — is not accepted as a PDF).
  const head = content.subarray(0, 1024).toString('latin1');
  if (/^(\xef\xbb\xbf)?[\s\0]*%PDF-/.test(head)) {
    return 'application/pdf';
  }
  if (startsWith(content, [0xff, 0xd8, 0xff])) {
    return 'image/jpeg';
  }
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return 'image/png';
  }
  if (startsWith(content, [0x52, 0x49, 0x46, 0x46]) && startsWith(content, [0x57, 0x45, 0x42, 0x50], 8)) {
    return 'image/webp';
  }
  if (startsWith(content, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return 'application/msword';
  }
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) {
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  }
  return undefined;
};

/** What a scanner says about a file. The reason is for the operators, not shown to the citizen. */
export type ScanVerdict = { clean: true } | { clean: false; reason: string };

/**
 * The scanning hook: an antivirus (ClamAV over clamd, a cloud scanner…) plugs in here. The default
 * accepts everything; an installation that must scan sets its own scanner in the portal services.
 */
export type UploadScanner = { scan: (content: Buffer, info: { mediaType: string }) => Promise<ScanVerdict> };

export const acceptingScanner: UploadScanner = { scan: async () => ({ clean: true }) };

/** A file name fit to show and to send back in Content-Disposition: no path, no control characters. */
export const cleanFileName = (name: string | undefined, fallback: string): string => {
  const base = (name ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}"]/gu, '')
    .trim()
    .slice(0, 200);
  return cleaned === '' ? fallback : cleaned;
};

/** The file extension that matches a sniffed type (for names of generated downloads). */
export const EXTENSIONS: Record<SniffedType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

/** Extensions a user may already have written for a type: such a name is kept as it is. */
const EXTENSION_ALIASES: Record<SniffedType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'application/msword': ['doc', 'dot'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
};

const isSniffedType = (mediaType: string): mediaType is SniffedType => Object.hasOwn(EXTENSIONS, mediaType);

/**
 * The name a stored file is downloaded under: the user's base name with the extension of the type
 * detected from its content (a PDF uploaded as `giay-to.html` or `x.exe` leaves as `giay-to.pdf`,
 * `x.pdf`), so the browser and the desktop open it for what it is. A name already ending in an
 * extension of that type (`anh.JPEG`) is kept; bytes of no known type leave as `.bin`.
 */
export const downloadFileName = (fileName: string, mediaType: string): string => {
  const type = (mediaType.split(';')[0] ?? '').trim().toLowerCase();
  // An extension is a short tail starting with a letter: "Quyết định 12.2026" has none.
  const tail = /\.([A-Za-z][A-Za-z0-9]{0,7})$/.exec(fileName);
  const written = tail?.[1]?.toLowerCase() ?? '';
  if (isSniffedType(type) && EXTENSION_ALIASES[type].includes(written)) {
    return fileName;
  }
  const base = (tail ? fileName.slice(0, tail.index) : fileName).replace(/[.\s]+$/, '');
  return `${base === '' ? 'tệp' : base}.${isSniffedType(type) ? EXTENSIONS[type] : 'bin'}`;
};

/** RFC 5987 value-chars: percent-encodes what encodeURIComponent leaves but attr-char excludes. */
const encodeRfc5987 = (value: string): string =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Content-Disposition for a download, with the UTF-8 name (RFC 6266 / 5987) and an ASCII fallback. */
export const contentDisposition = (fileName: string, inline = false): string => {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  const fallback = ascii.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
};

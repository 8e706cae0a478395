import type { UploadMediaType } from '../api/portal-types';
import { formatNumber } from './format';

/**
 * Checks a file before it is uploaded, as the server will (packages/server/src/usecases/portal/
 * upload-checks.ts) with the limits it publishes (GET /api/v1/public/settings): its type from the
 * first bytes — PDF ("%PDF-" after at most a BOM and white space), JPEG (FF D8 FF), PNG (its 8-byte
 * signature) — never from the name, and its size. The server checks again; this only saves the
 * citizen a useless upload.
 */
export type UploadLimits = { maxBytes: number; mediaTypes: readonly string[] };

/** The types the browser can tell from a file's first bytes, with their extensions and usual names. */
const KNOWN_TYPES: Record<UploadMediaType, { extensions: string[]; name: string }> = {
  'application/pdf': { extensions: ['.pdf'], name: 'PDF' },
  'image/jpeg': { extensions: ['.jpg', '.jpeg'], name: 'JPG' },
  'image/png': { extensions: ['.png'], name: 'PNG' },
};

const knownType = (mediaType: string) =>
  Object.hasOwn(KNOWN_TYPES, mediaType) ? KNOWN_TYPES[mediaType as UploadMediaType] : undefined;

/** The `accept` attribute of a file input for these media types (extensions too: some phones need them). */
export const acceptAttribute = (mediaTypes: readonly string[]): string =>
  [...mediaTypes.flatMap((type) => knownType(type)?.extensions ?? []), ...mediaTypes].join(',');

/** "PDF, JPG hoặc PNG" / "PDF, JPG or PNG". */
export const describeMediaTypes = (mediaTypes: readonly string[], language = 'vi'): string =>
  new Intl.ListFormat(language === 'en' ? 'en-GB' : 'vi-VN', { type: 'disjunction' }).format(
    mediaTypes.map((type) => knownType(type)?.name ?? type.split('/').pop()?.toUpperCase() ?? type),
  );

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);

export const sniffMediaType = (bytes: Uint8Array): UploadMediaType | undefined => {
  let head = '';
  for (const byte of bytes.subarray(0, 1024)) {
    head += String.fromCharCode(byte);
  }
  if (/^(\xef\xbb\xbf)?[\s\0]*%PDF-/.test(head)) {
    return 'application/pdf';
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
    return 'image/jpeg';
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return 'image/png';
  }
  return undefined;
};

export type FileProblem = 'empty' | 'type' | 'size';

/**
 * What is wrong with a file before upload, if anything. A type the browser cannot recognise is
 * refused only when every accepted type is one it can (otherwise the server decides).
 */
export const findFileProblem = async (file: File, limits: UploadLimits): Promise<FileProblem | undefined> => {
  if (file.size === 0) {
    return 'empty';
  }
  if (file.size > limits.maxBytes) {
    return 'size';
  }
  const head = new Uint8Array(await file.slice(0, 1024).arrayBuffer());
  const sniffed = sniffMediaType(head);
  if (sniffed) {
    return limits.mediaTypes.includes(sniffed) ? undefined : 'type';
  }
  return limits.mediaTypes.every((type) => knownType(type)) ? 'type' : undefined;
};

/** "850 KB", "1,2 MB" (Vietnamese decimal comma) or "1.2 MB" in English. */
export const formatBytes = (bytes: number, language = 'vi'): string => {
  if (bytes < 1024) {
    return `${formatNumber(bytes, language)} B`;
  }
  if (bytes < 1024 * 1024) {
    return `${formatNumber(Math.round(bytes / 1024), language)} KB`;
  }
  return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, language)} MB`;
};

/** The SHA-256 of a file, in lower-case hex, computed in the browser (the file is not sent). */
export const sha256Hex = async (file: Blob): Promise<string> => {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
};

import { unzipSync } from 'fflate';

/**
 * The type of a file uploaded to the portal's news, read from its bytes alone (the name and the declared type are
 * never trusted): images JPEG, PNG, WebP; attachments PDF, DOCX, XLSX, ODT. Office files are ZIP archives, so a ZIP
 * is told apart by what it holds: ODT by its first entry `mimetype` naming the OpenDocument text type (ISO/IEC
 * 26300, part 3 §3.3), DOCX and XLSX by `[Content_Types].xml` with `word/document.xml` or `xl/workbook.xml`
 * (ECMA-376 part 2). Any other ZIP, or anything else renamed to one of these, is refused.
 */

export type PortalImageType = 'image/jpeg' | 'image/png' | 'image/webp';
export type PortalAttachmentType =
  | 'application/pdf'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  | 'application/vnd.oasis.opendocument.text';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ODT = 'application/vnd.oasis.opendocument.text';

const startsWith = (content: Uint8Array, bytes: readonly number[], offset = 0): boolean =>
  content.length >= offset + bytes.length && bytes.every((byte, i) => content[offset + i] === byte);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

export const sniffPortalImage = (content: Uint8Array): PortalImageType | undefined => {
  if (startsWith(content, [0xff, 0xd8, 0xff])) {
    return 'image/jpeg';
  }
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return 'image/png';
  }
  if (startsWith(content, ascii('RIFF')) && startsWith(content, ascii('WEBP'), 8)) {
    return 'image/webp';
  }
  return undefined;
};

/** The names of a ZIP's entries, without inflating any (undefined: not a readable ZIP). */
const zipEntryNames = (content: Uint8Array): string[] | undefined => {
  const names: string[] = [];
  try {
    unzipSync(content, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
  } catch {
    return undefined;
  }
  return names;
};

export const sniffPortalAttachment = (content: Uint8Array): PortalAttachmentType | undefined => {
  const head = Buffer.from(content.subarray(0, 1024)).toString('latin1');
  if (/^(\xef\xbb\xbf)?[\s\0]*%PDF-/.test(head)) {
    return 'application/pdf';
  }
  if (!startsWith(content, [0x50, 0x4b, 0x03, 0x04])) {
    return undefined;
  }
  // The OpenDocument package: "mimetype" stored first, uncompressed, its content right after the local header.
  if (head.slice(30, 38) === 'mimetype' && head.slice(38, 38 + ODT.length) === ODT) {
    return ODT;
  }
  const names = zipEntryNames(content);
  if (names === undefined || !names.includes('[Content_Types].xml')) {
    return undefined;
  }
  if (names.includes('word/document.xml')) {
    return DOCX;
  }
  if (names.includes('xl/workbook.xml')) {
    return XLSX;
  }
  return undefined;
};

/** The extension and the short label of each attachment type (the public list says "PDF, 1,2 MB"). */
export const ATTACHMENT_TYPES: Record<PortalAttachmentType, { extension: string; label: string }> = {
  'application/pdf': { extension: 'pdf', label: 'PDF' },
  [DOCX]: { extension: 'docx', label: 'Word (DOCX)' },
  [XLSX]: { extension: 'xlsx', label: 'Excel (XLSX)' },
  [ODT]: { extension: 'odt', label: 'OpenDocument (ODT)' },
} as Record<PortalAttachmentType, { extension: string; label: string }>;

/**
 * A signature as an incremental update (ISO 32000-1 §7.5.6): the original bytes are kept as they are and the
 * new and changed objects (signature dictionary, widget, appearance, fonts, the page's annotations, the
 * AcroForm) are appended with their own cross-reference section and a trailer pointing back (/Prev). So an
 * earlier signature, whose byte range ends at its own %%EOF, stays valid after the next one.
 *
 * pdf-lib parses the document and builds the new objects; it cannot save incrementally (it rewrites the whole
 * file), so the update section is written here.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  type PDFObject,
  type PDFPage,
  PDFRef,
  PDFString,
} from 'pdf-lib';
import type { Appearance } from './appearance.js';

export const BYTE_RANGE_PLACEHOLDER = '**********';
/** Bytes reserved for the CMS (hex doubles it): a signer certificate, its chain and a timestamp token fit. */
export const SIGNATURE_LENGTH = 12_288;

export class PdfSigningError extends Error {}

/** A document that has never been signed may be rewritten once (classic cross-reference table, no object streams). */
export const prepareForSigning = async (pdf: Buffer): Promise<Buffer> => {
  const text = pdf.toString('latin1');
  const signed = text.includes('/ByteRange');
  const compressedXref = /\/Type\s*\/(XRef|ObjStm)\b/.test(text);
  if (signed || !compressedXref) {
    return pdf;
  }
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }));
};

export type OpenedDocument = {
  doc: PDFDocument;
  original: Buffer;
  originalLargest: number;
  changed: Set<PDFRef>;
};

/** The highest object number the file uses: its objects' headers and its trailers' /Size. */
const highestObjectNumber = (pdf: Buffer): number => {
  const text = pdf.toString('latin1');
  let highest = 0;
  for (const match of text.matchAll(/(?:^|[\r\n\s])(\d+)\s+\d+\s+obj\b/g)) {
    highest = Math.max(highest, Number(match[1]));
  }
  for (const match of text.matchAll(/\/Size\s+(\d+)/g)) {
    highest = Math.max(highest, Number(match[1]) - 1);
  }
  return highest;
};

export const openForUpdate = async (pdf: Buffer): Promise<OpenedDocument> => {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch {
    throw new PdfSigningError('The file is not a readable PDF');
  }
  if (doc.isEncrypted) {
    throw new PdfSigningError('An encrypted PDF cannot be signed');
  }
  // pdf-lib forgets the numbers of object streams and cross-reference streams it has read: new objects must
  // not take them (an object stream's number reused would break every object inside it).
  doc.context.largestObjectNumber = Math.max(doc.context.largestObjectNumber, highestObjectNumber(pdf));
  return { doc, original: pdf, originalLargest: doc.context.largestObjectNumber, changed: new Set() };
};

export type SignatureField = {
  page: PDFPage;
  /** [x1, y1, x2, y2] in the page's user space; all zero for an invisible signature. */
  rect: [number, number, number, number];
  appearance?: Appearance;
  subFilter: string;
  signerName: string;
  reason: string;
  location: string;
  signedAt: Date;
};

const countSignatureFields = (acroForm: PDFDict | undefined) => {
  const fields = acroForm?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  return fields ? fields.size() : 0;
};

/** Adds the signature dictionary (placeholders for /ByteRange and /Contents), its widget and the AcroForm entry. */
export const addSignatureField = (opened: OpenedDocument, field: SignatureField) => {
  const { doc, changed } = opened;
  const context = doc.context;
  const byteRange = PDFArray.withContext(context);
  byteRange.push(PDFNumber.of(0));
  for (let i = 0; i < 3; i += 1) {
    byteRange.push(PDFName.of(BYTE_RANGE_PLACEHOLDER));
  }
  const signatureDict = context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: field.subFilter,
    ByteRange: byteRange,
    Contents: PDFHexString.of('0'.repeat(SIGNATURE_LENGTH * 2)),
    Reason: PDFHexString.fromText(field.reason),
    M: PDFString.fromDate(field.signedAt),
    Name: PDFHexString.fromText(field.signerName),
    Location: PDFHexString.fromText(field.location),
    Prop_Build: { App: { Name: 'motcua' } },
  });
  // Written as raw bytes so that pdf-lib never moves it into an object stream.
  const bytes = new Uint8Array(signatureDict.sizeInBytes());
  signatureDict.copyBytesInto(bytes, 0);
  const signatureRef = context.register(PDFInvalidObject.of(bytes));

  let acroFormRef = doc.catalog.get(PDFName.of('AcroForm'));
  let acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fieldName = `Signature${countSignatureFields(acroForm) + 1}`;

  const appearanceStream = field.appearance
    ? context.formXObject(field.appearance.operators, {
        BBox: [0, 0, field.appearance.width, field.appearance.height],
        Resources: {
          Font: Object.fromEntries(Object.entries(field.appearance.fonts).map(([name, font]) => [name, font.ref])),
          XObject: Object.fromEntries(
            Object.entries(field.appearance.images).map(([name, image]) => [name, image.ref]),
          ),
        },
      })
    : context.formXObject([], { BBox: [0, 0, 0, 0], Resources: {} });
  const widget = context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: field.rect,
    V: signatureRef,
    T: PDFHexString.fromText(fieldName),
    F: 4 | 128, // Print, Locked
    P: field.page.ref,
    AP: { N: context.register(appearanceStream) },
  });
  const widgetRef = context.register(widget);

  const annotsEntry = field.page.node.get(PDFName.of('Annots'));
  if (annotsEntry instanceof PDFRef) {
    const annots = context.lookup(annotsEntry, PDFArray);
    annots.push(widgetRef);
    changed.add(annotsEntry);
  } else {
    const annots = annotsEntry instanceof PDFArray ? annotsEntry : context.obj([]);
    annots.push(widgetRef);
    field.page.node.set(PDFName.of('Annots'), annots);
    changed.add(field.page.ref);
  }

  if (!acroForm) {
    acroForm = context.obj({ Fields: [] });
    acroFormRef = context.register(acroForm);
    doc.catalog.set(PDFName.of('AcroForm'), acroFormRef);
    changed.add(context.trailerInfo.Root as PDFRef);
  } else if (acroFormRef instanceof PDFRef) {
    changed.add(acroFormRef);
  } else {
    changed.add(context.trailerInfo.Root as PDFRef);
  }
  // SignaturesExist | AppendOnly (ISO 32000-1 Table 219).
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  const fieldsEntry = acroForm.get(PDFName.of('Fields'));
  if (fieldsEntry instanceof PDFRef) {
    context.lookup(fieldsEntry, PDFArray).push(widgetRef);
    changed.add(fieldsEntry);
  } else if (fieldsEntry instanceof PDFArray) {
    fieldsEntry.push(widgetRef);
  } else {
    acroForm.set(PDFName.of('Fields'), context.obj([widgetRef]));
  }
};

const serialize = (object: PDFObject) => {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return Buffer.from(bytes);
};

/** The offset the last cross-reference section starts at (the value after the last `startxref`). */
export const lastStartXref = (pdf: Buffer): number => {
  const at = pdf.lastIndexOf('startxref');
  const match = /startxref\s+(\d+)/.exec(pdf.subarray(at, at + 40).toString('latin1'));
  if (at < 0 || !match) {
    throw new PdfSigningError('The PDF has no cross-reference offset (startxref)');
  }
  return Number(match[1]);
};

/** Whether the cross-reference section at `offset` is a stream object ("12 0 obj <</Type /XRef …") rather than a table. */
const previousXrefIsStream = (pdf: Buffer, offset: number): boolean =>
  /^\s*\d+\s+\d+\s+obj\b/.test(pdf.subarray(offset, offset + 40).toString('latin1'));

/** Appends the new and changed objects, their cross-reference section and a trailer to the original bytes. */
export const writeIncrementalUpdate = async (opened: OpenedDocument): Promise<Buffer> => {
  const { doc, original, originalLargest, changed } = opened;
  await doc.flush();
  const entries = doc.context
    .enumerateIndirectObjects()
    .filter(([ref]) => ref.objectNumber > originalLargest || changed.has(ref))
    .sort(([a], [b]) => a.objectNumber - b.objectNumber);
  const parts: Buffer[] = [original];
  let offset = original.length;
  const push = (chunk: Buffer) => {
    parts.push(chunk);
    offset += chunk.length;
  };
  if (original[original.length - 1] !== 0x0a) {
    push(Buffer.from('\n'));
  }
  const offsets: Array<{ number: number; generation: number; offset: number }> = [];
  for (const [ref, object] of entries) {
    offsets.push({ number: ref.objectNumber, generation: ref.generationNumber, offset });
    push(Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`, 'latin1'));
    push(serialize(object));
    push(Buffer.from('\nendobj\n', 'latin1'));
  }
  const xrefOffset = offset;
  const info = doc.context.trailerInfo;
  const previous = lastStartXref(original);
  // Runs of consecutive object numbers: the subsections of the cross-reference.
  const runs: (typeof offsets)[] = [];
  for (const entry of offsets) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && entry.number === last.number + 1) {
      run.push(entry);
    } else {
      runs.push([entry]);
    }
  }
  if (previousXrefIsStream(original, previous)) {
    // The revision before is indexed by a cross-reference stream (ISO 32000-1 §7.5.8): readers follow /Prev
    // from a stream to a stream, so this update's index is a stream too (uncompressed; W = [1 4 2]).
    const streamNumber = doc.context.largestObjectNumber + 1;
    const all = [...offsets, { number: streamNumber, generation: 0, offset: xrefOffset }];
    const streamRuns = [...runs];
    const lastRun = streamRuns[streamRuns.length - 1];
    const lastEntry = lastRun?.[lastRun.length - 1];
    if (lastRun && lastEntry && lastEntry.number + 1 === streamNumber) {
      streamRuns[streamRuns.length - 1] = [...lastRun, { number: streamNumber, generation: 0, offset: xrefOffset }];
    } else {
      streamRuns.push([{ number: streamNumber, generation: 0, offset: xrefOffset }]);
    }
    const data = Buffer.alloc(all.length * 7);
    let at = 0;
    for (const run of streamRuns) {
      for (const entry of run) {
        data.writeUInt8(1, at);
        data.writeUInt32BE(entry.offset, at + 1);
        data.writeUInt16BE(entry.generation, at + 5);
        at += 7;
      }
    }
    const dictionary = doc.context.obj({
      Type: 'XRef',
      Size: streamNumber + 1,
      W: [1, 4, 2],
      Index: streamRuns.flatMap((run) => [run[0]?.number ?? 0, run.length]),
      Root: info.Root,
      ...(info.Info ? { Info: info.Info } : {}),
      ...(info.ID ? { ID: info.ID } : {}),
      Prev: previous,
      Length: data.length,
    });
    push(Buffer.from(`${streamNumber} 0 obj\n`, 'latin1'));
    push(serialize(dictionary));
    push(Buffer.from('\nstream\n', 'latin1'));
    push(data);
    push(Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`, 'latin1'));
    return Buffer.concat(parts);
  }
  const lines: string[] = ['xref'];
  for (const run of runs) {
    lines.push(`${run[0]?.number} ${run.length}`);
    for (const entry of run) {
      lines.push(`${String(entry.offset).padStart(10, '0')} ${String(entry.generation).padStart(5, '0')} n\r`);
    }
  }
  const trailer = doc.context.obj({
    Size: doc.context.largestObjectNumber + 1,
    Root: info.Root,
    ...(info.Info ? { Info: info.Info } : {}),
    ...(info.ID ? { ID: info.ID } : {}),
    Prev: previous,
  });
  push(Buffer.from(`${lines.join('\n')}\ntrailer\n`, 'latin1'));
  push(serialize(trailer));
  push(Buffer.from(`\nstartxref\n${xrefOffset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
};

import { buffer } from 'node:stream/consumers';
import type { Actor } from '../../../auth/actor.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { openOutgoingFile } from './read-outgoing.js';

/**
 * Pixels per PDF point of a page preview (108 dpi): a point of the picker's image is `px / scale`, so the
 * web maps a rectangle drawn on the image back to the placement the sign request takes. An A4 page is
 * 893 × 1263 px: sharp enough to read the header on a phone, small enough to load at once.
 */
export const PAGE_PREVIEW_SCALE = 1.5;

type Renderer = {
  getDocument: (source: { data: Uint8Array; isEvalSupported: boolean; verbosity: number }) => {
    promise: Promise<{
      numPages: number;
      getPage: (n: number) => Promise<{
        getViewport: (o: { scale: number }) => { width: number; height: number };
        render: (o: { canvasContext: unknown; viewport: unknown; canvas: unknown }) => { promise: Promise<void> };
      }>;
      destroy: () => Promise<void>;
    }>;
  };
  createCanvas: (
    width: number,
    height: number,
  ) => {
    width: number;
    height: number;
    getContext: (kind: '2d') => { fillStyle: string; fillRect: (x: number, y: number, w: number, h: number) => void };
    encode: (format: 'png') => Promise<Buffer>;
  };
};

let renderer: Promise<Renderer | undefined> | undefined;
/**
 * pdfjs-dist with @napi-rs/canvas, loaded on first use. They are installed with the workspace's tools;
 * an install without them answers 503 and the sign step falls back to its number fields.
 */
const loadRenderer = () => {
  renderer ??= (async () => {
    try {
      const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as Pick<Renderer, 'getDocument'>;
      const canvas = (await import('@napi-rs/canvas')) as unknown as Pick<Renderer, 'createCanvas'>;
      return { getDocument: pdfjs.getDocument, createCanvas: canvas.createCanvas };
    } catch {
      return undefined;
    }
  })();
  return renderer;
};

/**
 * One page of a PDF version of an outgoing document as a PNG (for the signer's position picker), read
 * under the same rules as the file itself (a confidential document's read is recorded).
 */
export const renderOutgoingPage = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; versionNo: number; page: number },
): Promise<{ png: Buffer; pageCount: number; widthPt: number; heightPt: number }> => {
  const file = await openOutgoingFile(ctx, actor, { id: input.id, versionNo: input.versionNo });
  const content = await buffer(file.stream);
  if (file.mediaType !== 'application/pdf') {
    throw new AppError('OUTGOING_SIGN_NEEDS_PDF');
  }
  const tools = await loadRenderer();
  if (!tools) {
    throw new AppError('OUTGOING_PREVIEW_UNAVAILABLE');
  }
  // A file pdfjs cannot read, or a PDF without a page, cannot be signed either: 422 as for a DOCX.
  const doc = await tools
    .getDocument({ data: new Uint8Array(content), isEvalSupported: false, verbosity: 0 })
    .promise.catch(() => undefined);
  if (!doc || doc.numPages === 0) {
    await doc?.destroy();
    throw new AppError('OUTGOING_SIGN_NEEDS_PDF');
  }
  try {
    if (input.page > doc.numPages) {
      throw new AppError('NOT_FOUND', { resource: { vi: 'trang', en: 'page' } });
    }
    const page = await doc.getPage(input.page);
    const points = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: PAGE_PREVIEW_SCALE });
    const canvas = tools.createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: context, viewport, canvas }).promise;
    return { png: await canvas.encode('png'), pageCount: doc.numPages, widthPt: points.width, heightPt: points.height };
  } finally {
    await doc.destroy();
  }
};

/**
 * The visible parts of a digital signature on an administrative document, Decree 30/2020/NĐ-CP Phụ lục I
 * part II [RECALL, see ../shared/spec/reform-and-eoffice.md §D.1]:
 * - the competent person's signature: the image of their signature at the signature block;
 * - the organisation's signature on the main document: the image of the seal, red, over about one third of
 *   the signer's signature image on its left side;
 * - the organisation's signature on an attachment (or a copy): no seal image, a text stamp in the top-right
 *   corner of the first page — the document's number and symbol, the signing time (day month year; hour
 *   minute second; time zone) and the name of the organisation — Times New Roman 10 pt, blue.
 *
 * Each is drawn as the appearance stream of the signature's widget annotation, so the page content is never
 * rewritten and an earlier signature's revision stays untouched.
 */
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { create } from 'fontkit';
import {
  appendBezierCurve,
  beginText,
  closePath,
  concatTransformationMatrix,
  drawObject,
  endText,
  fill,
  lineTo,
  moveTo,
  type PDFDocument,
  type PDFFont,
  type PDFImage,
  type PDFOperator,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingColor,
  setFontAndSize,
  setLineWidth,
  setStrokingColor,
  setTextMatrix,
  showText,
  stroke,
} from 'pdf-lib';

const FONT_DIR = new URL('../../assets/fonts/', import.meta.url);
let fontBytes: { regular: Buffer; bold: Buffer; italic: Buffer } | undefined;
const fonts = () => {
  fontBytes ??= {
    regular: readFileSync(new URL('LiberationSerif-Regular.ttf', FONT_DIR)),
    bold: readFileSync(new URL('LiberationSerif-Bold.ttf', FONT_DIR)),
    italic: readFileSync(new URL('LiberationSerif-Italic.ttf', FONT_DIR)),
  };
  return fontBytes;
};

type FontkitFont = { createSubset: () => { encode: () => Uint8Array } } & Record<string, unknown>;

/**
 * pdf-lib expects the fontkit fork whose subsets stream their bytes (`encodeStream`); fontkit 2 (installed for
 * PDFKit) returns them at once (`encode`). This adapter bridges the two; a fresh font per document (see
 * pdf/layout.ts on fontkit's glyph cache).
 */
export const fontkitForPdfLib = {
  create: (data: Uint8Array) => {
    const font = create(Buffer.from(data)) as unknown as FontkitFont;
    return new Proxy(font, {
      get(target, property) {
        if (property === 'createSubset') {
          return () => {
            const subset = target.createSubset();
            return Object.assign(subset, { encodeStream: () => Readable.from([Buffer.from(subset.encode())]) });
          };
        }
        const value = target[property as string];
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  },
};

export type AppearanceFonts = { regular: PDFFont; bold: PDFFont; italic: PDFFont };

export const embedAppearanceFonts = async (doc: PDFDocument): Promise<AppearanceFonts> => {
  doc.registerFontkit(fontkitForPdfLib as never);
  const bytes = fonts();
  return {
    regular: await doc.embedFont(bytes.regular, { subset: true }),
    bold: await doc.embedFont(bytes.bold, { subset: true }),
    italic: await doc.embedFont(bytes.italic, { subset: true }),
  };
};

/** An appearance: its operators in a box of width × height, and the resources they name. */
export type Appearance = {
  width: number;
  height: number;
  operators: PDFOperator[];
  fonts: Record<string, PDFFont>;
  images: Record<string, PDFImage>;
};

const BLUE = rgb(0, 0, 0.8);
const RED = rgb(0.86, 0.08, 0.12);

/** "06/12/2026 19:30:05 +07:00": the signing time in Vietnam's time zone (UTC+7, no daylight saving). */
export const formatSigningTimeVi = (at: Date): string => {
  const local = new Date(at.getTime() + 7 * 3_600_000);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ${two(
    local.getUTCHours(),
  )}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())} +07:00`;
};

const text = (font: PDFFont, fontName: string, size: number, x: number, y: number, value: string, angle = 0) => {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return [
    beginText(),
    setFontAndSize(fontName, size),
    setTextMatrix(cos, sin, -sin, cos, x, y),
    showText(font.encodeText(value)),
    endText(),
  ];
};

/** The lines of text in a box, each at most `maxWidth` wide (a long name shrinks). */
const fitSize = (font: PDFFont, value: string, size: number, maxWidth: number) => {
  const width = font.widthOfTextAtSize(value, size);
  return width > maxWidth ? Math.max(5, (size * maxWidth) / width) : size;
};

/** The official's signature: their uploaded image fitted in the box, or their name and the signing time. */
export const signerAppearance = (
  width: number,
  height: number,
  fontsOf: AppearanceFonts,
  signerName: string,
  signedAt: Date,
  image?: PDFImage,
): Appearance => {
  if (image) {
    const scale = Math.min(width / image.width, height / image.height);
    const w = image.width * scale;
    const h = image.height * scale;
    return {
      width,
      height,
      fonts: {},
      images: { Im1: image },
      operators: [
        pushGraphicsState(),
        concatTransformationMatrix(w, 0, 0, h, (width - w) / 2, (height - h) / 2),
        drawObject('Im1'),
        popGraphicsState(),
      ],
    };
  }
  const nameSize = fitSize(fontsOf.bold, signerName, 12, width - 8);
  const label = 'Ký số bởi:';
  const time = formatSigningTimeVi(signedAt);
  const timeSize = fitSize(fontsOf.regular, time, 9, width - 8);
  const centred = (font: PDFFont, value: string, size: number) => (width - font.widthOfTextAtSize(value, size)) / 2;
  return {
    width,
    height,
    fonts: { F1: fontsOf.bold, F2: fontsOf.regular, F3: fontsOf.italic },
    images: {},
    operators: [
      pushGraphicsState(),
      setStrokingColor(BLUE),
      setFillingColor(BLUE),
      setLineWidth(0.8),
      moveTo(1, 1),
      lineTo(width - 1, 1),
      lineTo(width - 1, height - 1),
      lineTo(1, height - 1),
      closePath(),
      stroke(),
      ...text(fontsOf.italic, 'F3', 9, centred(fontsOf.italic, label, 9), height * 0.7, label),
      ...text(fontsOf.bold, 'F1', nameSize, centred(fontsOf.bold, signerName, nameSize), height * 0.45, signerName),
      ...text(fontsOf.regular, 'F2', timeSize, centred(fontsOf.regular, time, timeSize), height * 0.18, time),
      popGraphicsState(),
    ],
  };
};

/** A circle as four Bézier arcs. */
const circle = (cx: number, cy: number, r: number) => {
  const k = 0.5523 * r;
  return [
    moveTo(cx + r, cy),
    appendBezierCurve(cx + r, cy + k, cx + k, cy + r, cx, cy + r),
    appendBezierCurve(cx - k, cy + r, cx - r, cy + k, cx - r, cy),
    appendBezierCurve(cx - r, cy - k, cx - k, cy - r, cx, cy - r),
    appendBezierCurve(cx + k, cy - r, cx + r, cy - k, cx + r, cy),
    closePath(),
  ];
};

const star = (cx: number, cy: number, r: number) => {
  const points = Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? r : r * 0.4;
    const angle = Math.PI / 2 + (i * Math.PI) / 5;
    return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)] as const;
  });
  const [first, ...rest] = points;
  return [moveTo(first?.[0] ?? cx, first?.[1] ?? cy), ...rest.map(([x, y]) => lineTo(x, y)), closePath(), fill()];
};

/**
 * The organisation's seal: the uploaded seal image, or one generated from the agency's name — a red ring
 * with the name around it and a star in the middle (the round seal's layout of Decree 99/2016/NĐ-CP on the
 * management of seals [RECALL]; generated, it is an image of a seal for the screen, not a seal).
 */
export const sealAppearance = (
  diameter: number,
  fontsOf: AppearanceFonts,
  agencyName: string,
  image?: PDFImage,
): Appearance => {
  if (image) {
    return {
      width: diameter,
      height: diameter,
      fonts: {},
      images: { Im1: image },
      operators: [
        pushGraphicsState(),
        concatTransformationMatrix(diameter, 0, 0, diameter, 0, 0),
        drawObject('Im1'),
        popGraphicsState(),
      ],
    };
  }
  const r = diameter / 2;
  const name = agencyName.toLocaleUpperCase('vi');
  const ringRadius = r * 0.78;
  const size = Math.min(r * 0.2, ((2 * Math.PI * ringRadius * 0.8) / Math.max(name.length, 1)) * 1.6);
  const glyphs: PDFOperator[] = [];
  // The name runs clockwise over the top of the ring, centred on the top.
  const widths = [...name].map((char) => fontsOf.bold.widthOfTextAtSize(char, size));
  const total = widths.reduce((sum, width) => sum + width, 0);
  const span = Math.min(total / ringRadius, Math.PI * 1.7);
  const scale = span / (total / ringRadius);
  let angle = Math.PI / 2 + span / 2;
  [...name].forEach((char, index) => {
    const width = (widths[index] ?? 0) * scale;
    const middle = angle - width / ringRadius / 2;
    const x = r + ringRadius * Math.cos(middle);
    const y = r + ringRadius * Math.sin(middle);
    const rotation = middle - Math.PI / 2;
    // The glyph's own origin is its bottom-left: step back half its width along the tangent.
    const ox = x - (Math.cos(rotation) * (widths[index] ?? 0)) / 2 + Math.sin(rotation) * size * 0.35;
    const oy = y - (Math.sin(rotation) * (widths[index] ?? 0)) / 2 - Math.cos(rotation) * size * 0.35;
    glyphs.push(...text(fontsOf.bold, 'F1', size, ox, oy, char, rotation));
    angle -= width / ringRadius;
  });
  return {
    width: diameter,
    height: diameter,
    fonts: { F1: fontsOf.bold },
    images: {},
    operators: [
      pushGraphicsState(),
      setStrokingColor(RED),
      setFillingColor(RED),
      setLineWidth(Math.max(1.5, r * 0.05)),
      ...circle(r, r, r * 0.96),
      stroke(),
      setLineWidth(Math.max(0.6, r * 0.015)),
      ...circle(r, r, r * 0.6),
      stroke(),
      ...star(r, r, r * 0.3),
      ...glyphs,
      popGraphicsState(),
    ],
  };
};

/** The attachment's text stamp: number and symbol, signing time, agency name — serif 10 pt, blue. */
export const stampLines = (numberSymbol: string, signedAt: Date, agencyName: string) => [
  numberSymbol,
  formatSigningTimeVi(signedAt),
  agencyName,
];

export const stampAppearance = (lines: string[], fontsOf: AppearanceFonts): Appearance => {
  const size = 10;
  const leading = 12;
  const width = Math.ceil(Math.max(...lines.map((line) => fontsOf.regular.widthOfTextAtSize(line, size)))) + 8;
  const height = lines.length * leading + 6;
  return {
    width,
    height,
    fonts: { F1: fontsOf.regular },
    images: {},
    operators: [
      pushGraphicsState(),
      setFillingColor(BLUE),
      ...lines.flatMap((line, index) =>
        text(fontsOf.regular, 'F1', size, 4, height - 4 - (index + 1) * leading + 3, line),
      ),
      popGraphicsState(),
    ],
  };
};

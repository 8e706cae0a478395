import { findPortalImage, insertPortalImageIfMissing, type PortalImageVariantJson } from '@motcua/db';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { getPortalServices } from '../portal/services.js';
import { requirePortalWriter } from './manage-content.js';
import { sniffPortalImage } from './sniff-portal-file.js';

/**
 * The images of the portal's news (issue 22 item 1: "images resized and served with their alt text"). An upload
 * is sniffed by its bytes (JPEG, PNG, WebP), decoded by sharp (libvips), turned upright by its EXIF orientation
 * and re-encoded as WebP at 480, 960 and 1600 px wide — never wider than the original, whose own width is the
 * last variant when it is narrower than 1600 px. The variants carry no metadata (no EXIF, GPS, camera, XMP; the
 * colours converted to sRGB), so they are what the public is served; the original bytes are kept in the store to
 * derive other widths later, and never served. The alt text belongs to each use of an image in a body: the editor
 * asks for it and sanitize-body.ts refuses an image without it.
 */

export const PORTAL_IMAGE_MAX_BYTES = 10 * 1024 * 1024;
export const PORTAL_IMAGE_WIDTHS = [480, 960, 1600] as const;
/** A decompression bomb (a small file of huge dimensions) is refused before it is decoded. */
export const PORTAL_IMAGE_MAX_PIXELS = 50_000_000;
const WEBP_QUALITY = 80;

/** Where an image is served; `/width` for one variant (PORTAL_IMAGE_PATH of sanitize-body.ts). */
export const portalImagePath = (sha256: string, width?: number): string =>
  `/api/v1/public/portal-images/${sha256}${width === undefined ? '' : `/${width}`}`;

/** The widths of the variants of an image `width` px wide: the standard ones below it, then its own (≤ 1600). */
export const variantWidthsOf = (width: number): number[] => {
  const widths: number[] = PORTAL_IMAGE_WIDTHS.filter((w) => w < width);
  const largest = PORTAL_IMAGE_WIDTHS[PORTAL_IMAGE_WIDTHS.length - 1] ?? width;
  if (width <= largest) {
    widths.push(width);
  }
  return widths;
};

/** sharp (libvips, a native module) is loaded on the first upload, not when the server or the CLI starts. */
const loadSharp = async () => (await import('sharp')).default;

const decoderOf = async (content: Buffer) =>
  (await loadSharp())(content, { limitInputPixels: PORTAL_IMAGE_MAX_PIXELS, failOn: 'error', sequentialRead: true });

const unreadable = (cause?: unknown) =>
  new AppError('PORTAL_IMAGE_UNREADABLE', { maxMegapixels: PORTAL_IMAGE_MAX_PIXELS / 1_000_000 }, { cause });

/** The encoded variants of an image, upright and without metadata (no I/O but the decoder). */
export const renderPortalImageVariants = async (
  content: Buffer,
): Promise<{ width: number; height: number; variants: { width: number; height: number; content: Buffer }[] }> => {
  let upright: { width: number; height: number };
  try {
    const meta = await (await decoderOf(content)).metadata();
    if (meta.width === undefined || meta.height === undefined) {
      throw unreadable();
    }
    // EXIF orientations 5–8 turn the picture a quarter: width and height swap once it is upright.
    const turned = (meta.orientation ?? 1) >= 5;
    upright = turned ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
  } catch (error) {
    throw error instanceof AppError ? error : unreadable(error);
  }
  const variants = [];
  for (const width of variantWidthsOf(upright.width)) {
    try {
      const { data, info } = await (await decoderOf(content))
        .rotate()
        .resize({ width, withoutEnlargement: true })
        .webp({ quality: WEBP_QUALITY })
        .toBuffer({ resolveWithObject: true });
      variants.push({ width: info.width, height: info.height, content: data });
    } catch (error) {
      throw unreadable(error);
    }
  }
  return { ...upright, variants };
};

const srcsetOf = (sha256: string, variants: readonly PortalImageVariantJson[]): string =>
  variants.map((v) => `${portalImagePath(sha256, v.width)} ${v.width}w`).join(', ');

const describeImage = (image: {
  sha256: string;
  width: number;
  height: number;
  variants: PortalImageVariantJson[];
}) => {
  const largest = image.variants.at(-1);
  return {
    sha256: image.sha256,
    width: largest?.width ?? image.width,
    height: largest?.height ?? image.height,
    variants: image.variants.map((v) => ({
      width: v.width,
      height: v.height,
      sizeBytes: v.sizeBytes,
      src: portalImagePath(image.sha256, v.width),
    })),
    src: portalImagePath(image.sha256),
    srcset: srcsetOf(image.sha256, image.variants),
    sizes: '(max-width: 720px) 100vw, 720px',
  };
};

/** POST /api/v1/portal-content/images: an author or editor uploads an image for her province's articles. */
export const uploadPortalImage = async (ctx: AppContext, actor: Actor, file: { content: Buffer }) => {
  const writer = requirePortalWriter(actor);
  if (file.content.length === 0) {
    throw new AppError('UPLOAD_MISSING');
  }
  const mediaType = sniffPortalImage(file.content);
  if (mediaType === undefined) {
    throw new AppError('UPLOAD_TYPE_NOT_ALLOWED', { allowed: 'JPEG, PNG, WebP' });
  }
  const verdict = await getPortalServices(ctx).scanner.scan(file.content, { mediaType });
  if (!verdict.clean) {
    throw new AppError('UPLOAD_REJECTED');
  }
  const rendered = await renderPortalImageVariants(file.content);
  const original = await ctx.storage.put(file.content);
  const variants: PortalImageVariantJson[] = [];
  for (const variant of rendered.variants) {
    const stored = await ctx.storage.put(variant.content);
    variants.push({ width: variant.width, height: variant.height, sha256: stored.sha256, sizeBytes: stored.size });
  }
  const image = await insertPortalImageIfMissing(ctx.db, {
    provinceCode: writer.provinceCode,
    sha256: original.sha256,
    uploadedBy: writer.official.userId,
    width: rendered.width,
    height: rendered.height,
    mediaType,
    sizeBytes: original.size,
    variants,
  });
  return describeImage(image);
};

/**
 * The file to serve for /portal-images/:sha256[/:width]: a variant of an image of the request's province (any
 * province's while the install serves none). Without a width, the largest variant. Undefined: 404.
 */
export const findServedPortalImage = async (
  ctx: AppContext,
  input: { sha256: string; width: number | undefined; provinceCode: string | undefined },
): Promise<{ fileSha256: string; sizeBytes: number; mediaType: 'image/webp' } | undefined> => {
  const image = await findPortalImage(ctx.db, { sha256: input.sha256, provinceCode: input.provinceCode });
  const variant =
    image === undefined
      ? undefined
      : input.width === undefined
        ? image.variants.at(-1)
        : image.variants.find((v) => v.width === input.width);
  return variant === undefined
    ? undefined
    : { fileSha256: variant.sha256, sizeBytes: variant.sizeBytes, mediaType: 'image/webp' };
};

import { strToU8, zipSync } from 'fflate';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { samplePdf } from '../portal/test-support.js';
import { renderPortalImageVariants, variantWidthsOf } from './portal-images.js';
import { sniffPortalAttachment, sniffPortalImage } from './sniff-portal-file.js';

/** A photo as a phone stores it: 2000 × 1000 sideways (left half red, right half blue), EXIF orientation 6. */
const sidewaysPhoto = async (): Promise<Buffer> => {
  const half = (r: number, b: number) =>
    sharp({ create: { width: 1000, height: 1000, channels: 3, background: { r, g: 0, b } } })
      .png()
      .toBuffer();
  return sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#000' } })
    .composite([
      { input: await half(255, 0), left: 0, top: 0 },
      { input: await half(0, 255), left: 1000, top: 0 },
    ])
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Make: 'Điện thoại', Model: 'X1', Copyright: 'Phòng Văn hóa' } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
};

describe('the variants of a portal image', () => {
  it('takes 480, 960 and 1600 px below the width, and the width itself when narrower than 1600', () => {
    expect(variantWidthsOf(4000)).toEqual([480, 960, 1600]);
    expect(variantWidthsOf(1600)).toEqual([480, 960, 1600]);
    expect(variantWidthsOf(1000)).toEqual([480, 960, 1000]);
    expect(variantWidthsOf(960)).toEqual([480, 960]);
    expect(variantWidthsOf(300)).toEqual([300]);
  });

  it('turns a sideways photo upright, resizes it and strips its metadata', async () => {
    const photo = await sidewaysPhoto();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const rendered = await renderPortalImageVariants(photo);
    expect({ width: rendered.width, height: rendered.height }).toEqual({ width: 1000, height: 2000 });
    expect(rendered.variants.map((v) => [v.width, v.height])).toEqual([
      [480, 960],
      [960, 1920],
      [1000, 2000],
    ]);
    for (const variant of rendered.variants) {
      const meta = await sharp(variant.content).metadata();
      expect(meta.format).toBe('webp');
      expect([meta.width, meta.height]).toEqual([variant.width, variant.height]);
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(variant.content.includes(Buffer.from('Điện thoại'))).toBe(false);
    }
    // Orientation 6 turns the picture a quarter clockwise: the stored left half (red) is now on top.
    const small = rendered.variants[0]?.content ?? Buffer.alloc(0);
    const { data, info } = await sharp(small).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
    const [topRed, , topBlue] = pixel(240, 100);
    const [bottomRed, , bottomBlue] = pixel(240, 860);
    expect(topRed).toBeGreaterThan(200);
    expect(topBlue).toBeLessThan(60);
    expect(bottomBlue).toBeGreaterThan(200);
    expect(bottomRed).toBeLessThan(60);
  });

  it('never upscales a small image', async () => {
    const png = await sharp({ create: { width: 200, height: 100, channels: 4, background: '#0a0' } })
      .png()
      .toBuffer();
    const rendered = await renderPortalImageVariants(png);
    expect(rendered.variants.map((v) => [v.width, v.height])).toEqual([[200, 100]]);
  });

  it('refuses bytes that look like an image but do not decode', async () => {
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
    await expect(renderPortalImageVariants(broken)).rejects.toMatchObject({ code: 'PORTAL_IMAGE_UNREADABLE' });
  });
});

describe('what a portal upload is, read from its bytes', () => {
  const office = (entries: Record<string, string>) =>
    Buffer.from(zipSync(Object.fromEntries(Object.entries(entries).map(([name, text]) => [name, strToU8(text)]))));

  it('knows the images and refuses anything renamed as one', async () => {
    expect(
      sniffPortalImage(
        await sharp(await sidewaysPhoto())
          .webp()
          .toBuffer(),
      ),
    ).toBe('image/webp');
    expect(sniffPortalImage(await sidewaysPhoto())).toBe('image/jpeg');
    expect(sniffPortalImage(samplePdf())).toBeUndefined();
    expect(
      sniffPortalImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')),
    ).toBe(undefined);
  });

  it('tells PDF, DOCX, XLSX and ODT apart and refuses another ZIP or a renamed file', () => {
    expect(sniffPortalAttachment(samplePdf())).toBe('application/pdf');
    expect(sniffPortalAttachment(office({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w/>' }))).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(sniffPortalAttachment(office({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<x/>' }))).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const odt = Buffer.from(
      zipSync({
        mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
        'content.xml': strToU8('<office:document-content/>'),
      }),
    );
    expect(sniffPortalAttachment(odt)).toBe('application/vnd.oasis.opendocument.text');
    expect(sniffPortalAttachment(office({ 'readme.txt': 'a zip renamed .docx' }))).toBeUndefined();
    expect(sniffPortalAttachment(Buffer.from('MZ\x90\x00 an .exe renamed .pdf'))).toBeUndefined();
    expect(sniffPortalAttachment(Buffer.from('<html><script>alert(1)</script></html>'))).toBeUndefined();
  });
});

import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { countImagesWithoutAlt, sanitizeArticleBody } from './sanitize-body.js';

const OWN_IMAGE = `/api/v1/public/portal-images/${'a'.repeat(64)}`;

/** Every element and attribute of an HTML string, as the browser's parser would see them (entities decoded). */
const elementsOf = (html: string): { name: string; attribs: Record<string, string> }[] => {
  const found: { name: string; attribs: Record<string, string> }[] = [];
  const parser = new Parser({ onopentag: (name, attribs) => found.push({ name, attribs }) }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return found;
};

const FORBIDDEN_ELEMENTS = new Set(['script', 'style', 'iframe', 'object', 'embed', 'form', 'svg', 'math', 'base']);

/** The property: nothing in the output can run script. */
const expectInert = (html: string): void => {
  expect(html.toLowerCase()).not.toContain('<script');
  for (const element of elementsOf(html)) {
    expect(FORBIDDEN_ELEMENTS.has(element.name)).toBe(false);
    for (const [name, value] of Object.entries(element.attribs)) {
      expect(name.startsWith('on')).toBe(false);
      expect(name).not.toBe('style');
      expect(
        [...value]
          .filter((c) => (c.codePointAt(0) ?? 0) > 32)
          .join('')
          .toLowerCase(),
      ).not.toMatch(/^(javascript|vbscript|data):/);
    }
  }
};

describe('sanitizeArticleBody', () => {
  it('keeps the allowed structure: headings, paragraphs, lists, tables, emphasis, safe links', () => {
    const html =
      '<h2>Thông báo</h2><p>Nộp <strong>hồ sơ</strong> <em>trực tuyến</em> tại <a href="https://dichvucong.gov.vn">Cổng DVC</a>.</p>' +
      '<ul><li>Một</li></ul><table><tbody><tr><th scope="col">Cột</th></tr><tr><td>Ô</td></tr></tbody></table>' +
      '<p><a href="/trang/lien-he">Liên hệ</a> · <a href="mailto:vanphong@example.gov.vn">Thư</a></p>';
    expect(sanitizeArticleBody(html)).toBe(
      '<h2>Thông báo</h2><p>Nộp <strong>hồ sơ</strong> <em>trực tuyến</em> tại <a href="https://dichvucong.gov.vn" rel="noopener noreferrer">Cổng DVC</a>.</p>' +
        '<ul><li>Một</li></ul><table><tbody><tr><th scope="col">Cột</th></tr><tr><td>Ô</td></tr></tbody></table>' +
        '<p><a href="/trang/lien-he" rel="noopener noreferrer">Liên hệ</a> · <a href="mailto:vanphong@example.gov.vn" rel="noopener noreferrer">Thư</a></p>',
    );
  });

  it('drops scripts, styles, frames, event handlers and dangerous links', () => {
    const out = sanitizeArticleBody(
      '<p onclick="alert(1)" style="color:red">A</p><script>alert(1)</script><style>p{}</style>' +
        '<iframe src="https://x.example"></iframe><a href="javascript:alert(1)">x</a><a href="//evil.example">y</a>' +
        '<a href="data:text/html,<script>alert(1)</script>">z</a><img src=x onerror=alert(1)>',
    );
    expect(out).toBe(
      '<p>A</p><a rel="noopener noreferrer">x</a><a rel="noopener noreferrer">y</a><a rel="noopener noreferrer">z</a>',
    );
  });

  it('keeps only images of our own file store that have alt text, with their srcset', () => {
    const out = sanitizeArticleBody(
      `<img src="${OWN_IMAGE}/960" srcset="${OWN_IMAGE}/480 480w, https://evil.example/a.png 960w, ${OWN_IMAGE}/960 960w" alt="Quầy một cửa">` +
        `<img src="https://evil.example/a.png" alt="x"><img src="${OWN_IMAGE}" alt="">`,
    );
    expect(out).toBe(
      `<img src="${OWN_IMAGE}/960" alt="Quầy một cửa" srcset="${OWN_IMAGE}/480 480w, ${OWN_IMAGE}/960 960w" sizes="(max-width: 720px) 100vw, 720px" loading="lazy" />`,
    );
    expect(countImagesWithoutAlt(`<p><img src="${OWN_IMAGE}"><img src="${OWN_IMAGE}" alt=" "></p>`)).toBe(2);
    expect(countImagesWithoutAlt(`<img src="${OWN_IMAGE}" alt="Ảnh">`)).toBe(0);
  });

  it('never outputs anything that runs script, whatever the input (property)', () => {
    const fragments = fc.constantFrom(
      '<script>',
      '</script>',
      '<scr<script>ipt>',
      '<img src=x onerror=alert(1)>',
      '<svg onload=alert(1)>',
      '<a href="javascript:alert(1)">',
      '<a href="jav&#x09;ascript:alert(1)">',
      '<a href=" JaVaScRiPt:alert(1)">',
      '<a href="data:text/html;base64,PHNjcmlwdD4=">',
      '<iframe srcdoc="<script>alert(1)</script>">',
      '<p style="background:url(javascript:alert(1))">',
      '<div onmouseover="x">',
      '<!--',
      '-->',
      '<![CDATA[',
      '"',
      "'",
      '>',
      '<',
      '<math><mi xlink:href="javascript:alert(1)">',
      '<form action="javascript:alert(1)"><button>',
      '<base href="javascript:/">',
      '<img src="/api/v1/public/portal-images/aaaa" alt="a" onerror="x">',
      `<img src="${OWN_IMAGE}" alt="Ảnh" onload="x">`,
      '<a href="https://ok.example" onclick="x">',
      '<h1>',
      '<p>',
      '</p>',
      'Thủ tục hành chính',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fragments, fc.string({ maxLength: 8 })), { maxLength: 30 }), (parts) => {
        expectInert(sanitizeArticleBody(parts.join('')));
      }),
      { numRuns: 600 },
    );
  });
});

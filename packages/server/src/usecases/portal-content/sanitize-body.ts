import sanitizeHtml from 'sanitize-html';

/**
 * The rich-text body of a portal article, cleaned on the server before it is stored: whatever the editor (or a
 * hand-made request) sends, only an allow-list of elements and attributes survives. sanitize-html (maintained,
 * parses with htmlparser2, no DOM needed on the server) does the parsing and the allow-list; this file only
 * states the policy. What is dropped: script, style, iframe, object, form and every element not listed (their
 * text kept, except for script/style/textarea/noscript whose content goes too), every attribute not listed
 * (so every on*= handler and style=), links whose scheme is not http, https or mailto (javascript:, data:,
 * vbscript:, protocol-relative //host), and images that do not come from the portal's own file store or have
 * no alt text.
 */

/** Where the portal's own images are served (usecases/portal-content/portal-images.ts). */
export const PORTAL_IMAGE_PATH = /^\/api\/v1\/public\/portal-images\/[0-9a-f]{64}(?:\/(?:\d{2,4}))?$/;

const isOwnImage = (src: string | undefined): boolean => src !== undefined && PORTAL_IMAGE_PATH.test(src);

/** A srcset keeps only candidates from our file store ("url 480w, url 960w"). */
const cleanSrcset = (srcset: string | undefined): string | undefined => {
  if (srcset === undefined) {
    return undefined;
  }
  const kept = srcset
    .split(',')
    .map((candidate) => candidate.trim())
    .filter((candidate) => {
      const [url, size, ...rest] = candidate.split(/\s+/);
      return rest.length === 0 && isOwnImage(url) && (size === undefined || /^\d{2,4}w$/.test(size));
    });
  return kept.length > 0 ? kept.join(', ') : undefined;
};

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'p',
    'br',
    'hr',
    'ul',
    'ol',
    'li',
    'blockquote',
    'a',
    'img',
    'figure',
    'figcaption',
    'table',
    'caption',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'strong',
    'b',
    'em',
    'i',
    'u',
    'sub',
    'sup',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading'],
    th: ['scope', 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'noscript', 'option', 'iframe', 'object', 'template', 'title'],
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: {
        ...(attribs.href !== undefined ? { href: attribs.href } : {}),
        ...(attribs.title !== undefined ? { title: attribs.title } : {}),
        rel: 'noopener noreferrer',
      },
    }),
    img: (tagName, attribs) => {
      const srcset = cleanSrcset(attribs.srcset);
      return {
        tagName,
        attribs: {
          ...(attribs.src !== undefined ? { src: attribs.src } : {}),
          alt: (attribs.alt ?? '').trim(),
          ...(srcset !== undefined ? { srcset } : {}),
          ...(srcset !== undefined ? { sizes: '(max-width: 720px) 100vw, 720px' } : {}),
          ...(attribs.width !== undefined && /^\d{1,4}$/.test(attribs.width) ? { width: attribs.width } : {}),
          ...(attribs.height !== undefined && /^\d{1,4}$/.test(attribs.height) ? { height: attribs.height } : {}),
          loading: 'lazy',
        },
      };
    },
    // The page's own h1 is the title; a pasted h1 becomes a section heading.
    h1: 'h2',
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && (!isOwnImage(frame.attribs.src) || frame.attribs.alt === ''),
};

/** The stored form of an article body: sanitised HTML. */
export const sanitizeArticleBody = (html: string): string => sanitizeHtml(html, OPTIONS).trim();

/** How many images of a body lack alt text (the save is refused rather than the images silently dropped). */
export const countImagesWithoutAlt = (html: string): number => {
  let count = 0;
  sanitizeHtml(html, {
    allowedTags: ['img'],
    allowedAttributes: { img: ['alt'] },
    exclusiveFilter: (frame) => {
      if (frame.tag === 'img' && (frame.attribs.alt ?? '').trim() === '') {
        count += 1;
      }
      return false;
    },
  });
  return count;
};

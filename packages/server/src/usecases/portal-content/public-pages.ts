import type { ProvinceSiteRecord } from '@motcua/db';
import {
  findPortalCategoryBySlug,
  findPublicPortalItem,
  listPortalAttachments,
  listPortalCategories,
  listPortalMenu,
  listPublicPortalArticles,
  listPublicPortalSitemap,
  listServedProvinces,
  listSitemapProcedures,
  searchPublicPortalItems,
} from '@motcua/db';
import {
  DEFAULT_SITE_BRANDING,
  foldVietnamese,
  menuItemHref,
  normalizeColour,
  plainTextOfHtml,
  portalTitleOf,
} from '@motcua/domain';
import type { AppContext } from '../../context.js';
import { publicEmblemUrlOf } from '../provinces/site-view.js';
import { attachmentTypeLabel, formatFileSize, publicAttachmentPath } from './attachment-view.js';
import { escapeXml, html, type SafeHtml, trustedHtml } from './html.js';
import { decodeCursor, encodeCursor } from './manage-content.js';

/**
 * The public portal's news and pages as server-rendered HTML (no JavaScript needed to read them), the RSS feeds
 * and the sitemap. Every read filters `published and publish_at <= now` with the same clock, so a scheduled
 * article appears on the list, its page, the search, the feed and the sitemap at the same instant.
 */

export const PORTAL_PAGE_SIZE = 10;

/** What a page answers: its status and HTML (or XML). */
export type RenderedPage = { status: 200 | 404; body: string };

type Site = {
  provinceCode: string;
  provinceName: string;
  portalName: string;
  /** The portal's full title: its name, followed by the province's unless the name already says it. */
  title: string;
  origin: string;
  colourPrimary: string;
  colourAccent: string;
  emblemUrl: string | null;
  contactPhone: string | null;
  contactAddress: string | null;
  menu: { label: string; href: string }[];
};

/**
 * Where a page is asked from: the site of its host name (issue 22 item 4; undefined when the install serves no
 * province yet) and the request's own origin, which absolute addresses use when the site has no public URL.
 */
export type PageRequest = { site: ProvinceSiteRecord | undefined; origin: string };

/**
 * The province a page belongs to: the site of the request's host name, else the install's default site; on an
 * install with no site yet, its first served province with the default branding (as before sites existed).
 */
const loadSite = async (ctx: AppContext, request: PageRequest): Promise<Site | undefined> => {
  const site = request.site;
  const served = site ? undefined : (await listServedProvinces(ctx.db))[0];
  const provinceCode = site?.provinceCode ?? served?.provinceCode;
  if (provinceCode === undefined) {
    return undefined;
  }
  const menu = await listPortalMenu(ctx.db, provinceCode);
  const provinceName = site?.name ?? served?.committeeName ?? '';
  const portalName = site?.portalName ?? 'Cổng thông tin';
  return {
    provinceCode,
    provinceName,
    portalName,
    title: portalTitleOf({ portalName, name: provinceName, placeName: site?.placeName ?? '' }),
    origin: site?.publicUrl ? new URL(site.publicUrl).origin : request.origin,
    colourPrimary: normalizeColour(site?.colourPrimary ?? '') ?? DEFAULT_SITE_BRANDING.colourPrimary,
    colourAccent: normalizeColour(site?.colourAccent ?? '') ?? DEFAULT_SITE_BRANDING.colourAccent,
    emblemUrl: site ? publicEmblemUrlOf(site) : null,
    contactPhone: site?.contactPhone ?? null,
    contactAddress: site?.contactAddress ?? null,
    menu: menu.map((item) => ({ label: item.label, href: menuItemHref(item) })),
  };
};

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** 07/12/2026 (Vietnam time). */
const formatDate = (at: Date): string => {
  const local = new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
};

const STYLE = `:root{--ink:#1f1f1f;--muted:#595959;--line:#e4ddd6}
*{box-sizing:border-box}body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:#faf8f6}
a{color:var(--link)}a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:2}
header{background:var(--red);color:#fff;border-bottom:3px solid var(--accent)}header .in{display:flex;align-items:center;gap:10px;max-width:1120px;margin:0 auto;padding:10px 16px}
header a{color:#fff;text-decoration:none;display:flex;align-items:center;gap:10px}header small{display:block;font-size:13px;opacity:.92}
nav.menu{background:#fff;border-bottom:1px solid var(--line)}nav.menu ul{display:flex;flex-wrap:wrap;gap:4px 16px;list-style:none;margin:0 auto;padding:8px 16px;max-width:1120px}
nav.menu a{text-decoration:none;color:var(--ink);padding:6px 0;display:inline-block}nav.menu a[aria-current]{color:var(--red);font-weight:600}
main{max-width:760px;margin:0 auto;padding:20px 16px 40px}h1{font-size:1.6rem;line-height:1.3;margin:.2em 0 .4em}
.meta{color:var(--muted);font-size:.9rem}.cats{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0}
.cats a{display:inline-block;padding:4px 12px;border:1px solid var(--line);border-radius:16px;background:#fff;text-decoration:none;color:var(--ink)}
.cats a[aria-current]{background:var(--red);color:#fff;border-color:var(--red)}
.list{list-style:none;padding:0}.list li{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin:0 0 12px}
.list h2{font-size:1.15rem;margin:0 0 4px}.list p{margin:4px 0 0}.demo{font-size:.8rem;background:#fff4d6;color:#6b4e00;padding:1px 6px;border-radius:4px}
article img{max-width:100%;height:auto}article table{border-collapse:collapse;width:100%;display:block;overflow-x:auto}
article th,article td{border:1px solid var(--line);padding:6px 8px;text-align:left}
form.search{display:flex;gap:8px;margin:8px 0 16px}form.search input{flex:1;min-width:0;padding:8px 10px;font:inherit;border:1px solid #8c8c8c;border-radius:6px}
form.search button{padding:8px 14px;font:inherit;background:var(--red);color:#fff;border:0;border-radius:6px}
.files{list-style:none;padding:0}.files li{background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px 12px;margin:0 0 8px}
.pager{margin-top:16px}footer{border-top:1px solid var(--line);background:#f0ebe6;padding:16px;text-align:center;font-size:.9rem}`;

type PageMeta = {
  title: string;
  description: string;
  path: string;
  type?: 'website' | 'article';
  image?: string | undefined;
  current?: string | undefined;
  publishedAt?: Date | undefined;
};

const layout = (site: Site, meta: PageMeta, body: SafeHtml): string => {
  const canonical = `${site.origin}${meta.path}`;
  const image = meta.image ? `${site.origin}${meta.image}` : `${site.origin}/favicon.svg`;
  const fullTitle = `${meta.title} — ${site.title}`;
  const links = [
    { label: 'Tin tức', href: '/tin-tuc' },
    ...site.menu,
    { label: 'Thủ tục hành chính', href: '/' },
    { label: 'Tìm kiếm', href: '/tim-kiem' },
  ];
  return `<!doctype html>${html`<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title><meta name="description" content="${meta.description}">
<link rel="canonical" href="${canonical}"><link rel="icon" href="/favicon.svg">
<link rel="alternate" type="application/rss+xml" title="${site.title}" href="/rss.xml">
<meta property="og:site_name" content="${site.title}"><meta property="og:locale" content="vi_VN">
<meta property="og:type" content="${meta.type ?? 'website'}"><meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}"><meta property="og:url" content="${canonical}">
<meta property="og:image" content="${image}">${meta.publishedAt ? html`<meta property="article:published_time" content="${meta.publishedAt.toISOString()}">` : ''}
<meta name="twitter:card" content="summary"><meta name="twitter:title" content="${meta.title}"><meta name="twitter:description" content="${meta.description}">
<style>${trustedHtml(`:root{--red:${site.colourPrimary};--accent:${site.colourAccent};--link:${site.colourPrimary}}`)}${trustedHtml(STYLE)}</style></head>
<body><a class="skip" href="#main">Bỏ qua, đến nội dung chính</a>
<header><div class="in"><a href="/"><img src="${site.emblemUrl ?? '/favicon.svg'}" alt="" width="32" height="32"><span><strong>${site.title}</strong><small>Tin tức, thông báo, hướng dẫn về cải cách hành chính</small></span></a></div></header>
<nav class="menu" aria-label="Trình đơn chính"><ul>${links.map(
    (link) =>
      html`<li><a href="${link.href}"${link.href === meta.current ? trustedHtml(' aria-current="page"') : ''}>${link.label}</a></li>`,
  )}</ul></nav>
<main id="main">${body}</main>
<footer><p><strong>${site.provinceName}</strong></p>${site.contactAddress ? html`<p>Địa chỉ: ${site.contactAddress}</p>` : ''}${site.contactPhone ? html`<p>Điện thoại: <a href="tel:${site.contactPhone.replace(/[^\d+]/g, '')}">${site.contactPhone}</a></p>` : ''}<p><a href="/rss.xml">RSS</a> · <a href="/sitemap.xml">Sơ đồ trang</a> · <a href="/can-bo/dang-nhap">Cán bộ đăng nhập</a></p></footer>
</body></html>`}`;
};

const notFound = (site: Site | undefined, what: string): RenderedPage => ({
  status: 404,
  body: site
    ? layout(
        site,
        { title: 'Không tìm thấy', description: what, path: '/tin-tuc' },
        html`<h1>Không tìm thấy</h1><p>${what}</p><p><a href="/tin-tuc">Về trang tin tức</a></p>`,
      )
    : `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Không tìm thấy</title></head><body><main><h1>Không tìm thấy</h1></main></body></html>`,
});

type ListedItem = Awaited<ReturnType<typeof listPublicPortalArticles>>[number];

const itemPath = (item: { kind: string; slug: string }) =>
  item.kind === 'page' ? `/trang/${item.slug}` : `/tin-tuc/${item.slug}`;

const listItems = (items: ListedItem[]): SafeHtml =>
  html`<ul class="list">${items.map(
    (item) =>
      html`<li><h2><a href="${itemPath(item)}">${item.title}</a></h2><p class="meta">${item.publishAt ? html`<time datetime="${item.publishAt.toISOString()}">${formatDate(item.publishAt)}</time>` : ''}${item.categoryName ? ` · ${item.categoryName}` : ''}${item.isDemo ? html` <span class="demo">Dữ liệu minh họa</span>` : ''}</p>${item.summary ? html`<p>${item.summary}</p>` : ''}</li>`,
  )}</ul>`;

/** /tin-tuc: the newest articles, of one category when `chuyen-muc` is given, keyset pages through `sau`. */
export const renderArticleList = async (
  ctx: AppContext,
  request: PageRequest,
  query: { category?: string | undefined; after?: string | undefined },
): Promise<RenderedPage> => {
  const site = await loadSite(ctx, request);
  if (!site) {
    return notFound(site, 'Cổng thông tin chưa được thiết lập.');
  }
  const categories = await listPortalCategories(ctx.db, site.provinceCode);
  const category = query.category
    ? await findPortalCategoryBySlug(ctx.db, site.provinceCode, query.category)
    : undefined;
  if (query.category && !category) {
    return notFound(site, 'Không có chuyên mục này.');
  }
  const rows = await listPublicPortalArticles(ctx.db, {
    provinceCode: site.provinceCode,
    categoryId: category?.id,
    now: ctx.clock.now(),
    after: decodeCursor(query.after),
    limit: PORTAL_PAGE_SIZE + 1,
  });
  const page = rows.slice(0, PORTAL_PAGE_SIZE);
  const last = page.at(-1);
  const next =
    rows.length > PORTAL_PAGE_SIZE && last?.publishAt
      ? `/tin-tuc?${new URLSearchParams({
          ...(category ? { 'chuyen-muc': category.slug } : {}),
          sau: encodeCursor(last.publishAt, last.id),
        }).toString()}`
      : undefined;
  const title = category ? category.name : 'Tin tức';
  const path = category ? `/tin-tuc?chuyen-muc=${encodeURIComponent(category.slug)}` : '/tin-tuc';
  return {
    status: 200,
    body: layout(
      site,
      { title, description: `${title} của ${site.provinceName}`, path, current: '/tin-tuc' },
      html`<h1>${title}</h1>
<nav aria-label="Chuyên mục"><ul class="cats"><li><a href="/tin-tuc"${category ? '' : trustedHtml(' aria-current="page"')}>Tất cả</a></li>${categories.map(
        (c) =>
          html`<li><a href="/tin-tuc?chuyen-muc=${encodeURIComponent(c.slug)}"${c.id === category?.id ? trustedHtml(' aria-current="page"') : ''}>${c.name}</a></li>`,
      )}</ul></nav>
${page.length === 0 ? html`<p>Chưa có bài viết.</p>` : listItems(page)}
${next ? html`<p class="pager"><a href="${next}" rel="next">Tin cũ hơn</a></p>` : ''}
<p><a href="/rss.xml${category ? `?chuyen-muc=${encodeURIComponent(category.slug)}` : ''}">Theo dõi qua RSS</a></p>`,
    ),
  };
};

/** The first of our images in a body (the sharing preview), if any. */
const firstImageOf = (bodyHtml: string): string | undefined =>
  /<img[^>]*\ssrc="(\/api\/v1\/public\/portal-images\/[0-9a-f]{64}(?:\/\d+)?)"/.exec(bodyHtml)?.[1];

const describe = (summary: string, bodyHtml: string): string => (summary || plainTextOfHtml(bodyHtml)).slice(0, 200);

/** /tin-tuc/:slug and /trang/:slug: one published article or page. */
export const renderPortalItem = async (
  ctx: AppContext,
  request: PageRequest,
  kind: 'article' | 'page',
  slug: string,
): Promise<RenderedPage> => {
  const site = await loadSite(ctx, request);
  const item = site
    ? await findPublicPortalItem(ctx.db, { provinceCode: site.provinceCode, kind, slug, now: ctx.clock.now() })
    : undefined;
  if (!site || !item) {
    return notFound(site, kind === 'page' ? 'Không có trang này.' : 'Không có bài viết này hoặc bài chưa được đăng.');
  }
  const path = itemPath(item);
  const attachments = await listPortalAttachments(ctx.db, item.id);
  return {
    status: 200,
    body: layout(
      site,
      {
        title: item.title,
        description: describe(item.summary, item.bodyHtml),
        path,
        type: kind === 'article' ? 'article' : 'website',
        image: firstImageOf(item.bodyHtml),
        publishedAt: kind === 'article' ? (item.publishAt ?? undefined) : undefined,
        current: kind === 'article' ? '/tin-tuc' : path,
      },
      html`<article><h1>${item.title}</h1>${
        kind === 'article'
          ? html`<p class="meta">${item.publishAt ? html`<time datetime="${item.publishAt.toISOString()}">${formatDate(item.publishAt)}</time>` : ''}${
              item.categoryName
                ? html` · <a href="/tin-tuc?chuyen-muc=${encodeURIComponent(item.categorySlug ?? '')}">${item.categoryName}</a>`
                : ''
            }${item.isDemo ? html` <span class="demo">Dữ liệu minh họa</span>` : ''}</p>`
          : ''
      }${item.summary ? html`<p><strong>${item.summary}</strong></p>` : ''}
${trustedHtml(item.bodyHtml)}${
  attachments.length > 0
    ? html`<section aria-labelledby="tep-dinh-kem"><h2 id="tep-dinh-kem">Tệp đính kèm</h2><ul class="files">${attachments.map(
        (file) =>
          html`<li><a href="${publicAttachmentPath(item.id, file.position)}" download>${file.title}</a> <span class="meta">(${attachmentTypeLabel(file.mediaType)}, ${formatFileSize(file.sizeBytes)})</span></li>`,
      )}</ul></section>`
    : ''
}</article>`,
    ),
  };
};

/** /tim-kiem?q=: the published articles and pages, searched without diacritics. */
export const renderSearch = async (
  ctx: AppContext,
  request: PageRequest,
  q: string | undefined,
): Promise<RenderedPage> => {
  const site = await loadSite(ctx, request);
  if (!site) {
    return notFound(site, 'Cổng thông tin chưa được thiết lập.');
  }
  const text = (q ?? '').trim().slice(0, 200);
  const folded = foldVietnamese(text);
  const items =
    folded.length >= 2
      ? await searchPublicPortalItems(ctx.db, {
          provinceCode: site.provinceCode,
          folded,
          now: ctx.clock.now(),
          limit: 30,
        })
      : [];
  return {
    status: 200,
    body: layout(
      site,
      { title: 'Tìm kiếm', description: 'Tìm tin tức, thông báo, hướng dẫn', path: '/tim-kiem', current: '/tim-kiem' },
      html`<h1>Tìm kiếm</h1>
<form class="search" method="get" action="/tim-kiem" role="search"><label for="q" class="skip">Từ khóa</label>
<input id="q" name="q" type="search" value="${text}" placeholder="Nhập từ khóa, có dấu hoặc không dấu"><button type="submit">Tìm</button></form>
${
  folded.length < 2
    ? html`<p>Nhập ít nhất hai ký tự.</p>`
    : items.length === 0
      ? html`<p>Không tìm thấy kết quả cho “${text}”.</p>`
      : html`<p>${items.length} kết quả cho “${text}”.</p>${listItems(items)}`
}`,
    ),
  };
};

const rfc822 = (at: Date): string => at.toUTCString();

/** /rss.xml (and ?chuyen-muc=): RSS 2.0 of the 30 newest published articles. */
export const renderRss = async (
  ctx: AppContext,
  request: PageRequest,
  categorySlug: string | undefined,
): Promise<RenderedPage> => {
  const site = await loadSite(ctx, request);
  if (!site) {
    return { status: 404, body: '' };
  }
  const category = categorySlug ? await findPortalCategoryBySlug(ctx.db, site.provinceCode, categorySlug) : undefined;
  if (categorySlug && !category) {
    return { status: 404, body: '' };
  }
  const items = await listPublicPortalArticles(ctx.db, {
    provinceCode: site.provinceCode,
    categoryId: category?.id,
    now: ctx.clock.now(),
    limit: 30,
  });
  const title = `${category ? `${category.name} — ` : ''}${site.title}`;
  const link = `${site.origin}/tin-tuc${category ? `?chuyen-muc=${encodeURIComponent(category.slug)}` : ''}`;
  const entries = items
    .map((item) => {
      const url = `${site.origin}${itemPath(item)}`;
      return `<item><title>${escapeXml(item.title)}</title><link>${escapeXml(url)}</link><guid isPermaLink="true">${escapeXml(url)}</guid>${
        item.publishAt ? `<pubDate>${rfc822(item.publishAt)}</pubDate>` : ''
      }${item.categoryName ? `<category>${escapeXml(item.categoryName)}</category>` : ''}<description>${escapeXml(item.summary)}</description></item>`;
    })
    .join('\n');
  return {
    status: 200,
    body: `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${escapeXml(title)}</title><link>${escapeXml(link)}</link><description>${escapeXml(
      `Tin tức, thông báo, hướng dẫn của ${site.provinceName}`,
    )}</description><language>vi</language>
${entries}
</channel></rss>`,
  };
};

/** /sitemap.xml: the news list, every published article and page, and every procedure page in force. */
export const renderSitemap = async (ctx: AppContext, request: PageRequest): Promise<RenderedPage> => {
  const site = await loadSite(ctx, request);
  if (!site) {
    return { status: 404, body: '' };
  }
  const [items, procedures] = await Promise.all([
    listPublicPortalSitemap(ctx.db, { provinceCode: site.provinceCode, now: ctx.clock.now() }),
    listSitemapProcedures(ctx.db, site.provinceCode),
  ]);
  const url = (path: string, lastmod?: Date) =>
    `<url><loc>${escapeXml(`${site.origin}${path}`)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString().slice(0, 10)}</lastmod>` : ''}</url>`;
  const urls = [
    url('/'),
    url('/tin-tuc'),
    ...items.map((item) =>
      url(itemPath(item), item.publishAt && item.publishAt > item.updatedAt ? item.publishAt : item.updatedAt),
    ),
    ...procedures.map((p) =>
      url(`/thu-tuc/${encodeURIComponent(p.code)}${p.catalog === 'national' ? '' : `?catalog=${p.catalog}`}`),
    ),
  ];
  return {
    status: 200,
    body: `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>`,
  };
};

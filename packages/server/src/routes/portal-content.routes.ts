import { createHash } from 'node:crypto';
import {
  PORTAL_CONTENT_ACTIONS,
  PORTAL_CONTENT_KINDS,
  PORTAL_CONTENT_STATUSES,
  PORTAL_MENU_TARGET_KINDS,
  PORTAL_SLUG_PATTERN,
} from '@motcua/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { CITIZEN_OPTIONAL, OFFICIAL } from '../http/auth.js';
import { findSiteOfRequest } from '../http/request-site.js';
import { Problem } from '../http/schemas.js';
import {
  changePortalContent,
  createPortalContent,
  describePortalContentOptions,
  getPortalContent,
  getPortalContentVersion,
  getPortalMenuForEditor,
  listPortalContent,
  replacePortalMenuItems,
} from '../usecases/portal-content/manage-content.js';
import {
  type PageRequest,
  type RenderedPage,
  renderArticleList,
  renderPortalItem,
  renderRss,
  renderSearch,
  renderSitemap,
} from '../usecases/portal-content/public-pages.js';
import { PortalAttachment } from './portal-media.schemas.js';

const TAGS = ['portal-content'];
const Label = z.looseObject({ vi: z.string(), en: z.string() });
const Instant = z.string().describe('ISO 8601 instant');
const Slug = z.string().max(80).regex(PORTAL_SLUG_PATTERN);
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const IdParams = z.object({ id: z.uuid() });

// Answers with a component id are made once, at module level (see schedule.routes.ts).
const PortalContentOptions = z
  .object({
    provinceCode: z.string(),
    mayPublish: z.boolean().describe('The caller is an editor (portal.publish)'),
    categories: z.array(z.object({ id: z.uuid(), slug: z.string(), name: z.string() })),
  })
  .meta({ id: 'PortalContentOptions' });

const PortalContentListItem = z.object({
  id: z.uuid(),
  kind: z.enum(PORTAL_CONTENT_KINDS),
  slug: z.string(),
  title: z.string(),
  status: z.enum(PORTAL_CONTENT_STATUSES),
  statusLabel: Label,
  publishAt: Instant.nullable(),
  updatedAt: Instant,
  authorName: z.string(),
  categoryName: z.string().nullable(),
  version: z.number().int(),
});
const PortalContentList = z
  .object({ items: z.array(PortalContentListItem), nextCursor: z.string().nullable() })
  .meta({ id: 'PortalContentList' });

const PortalContentItem = z
  .object({
    id: z.uuid(),
    kind: z.enum(PORTAL_CONTENT_KINDS),
    categoryId: z.uuid().nullable(),
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    bodyHtml: z.string().describe('The sanitised body as stored'),
    status: z.enum(PORTAL_CONTENT_STATUSES),
    statusLabel: Label,
    publishAt: Instant.nullable(),
    reviewNote: z.string().nullable(),
    authorUserId: z.uuid(),
    version: z.number().int(),
    updatedAt: Instant,
    actions: z.array(z.object({ action: z.enum(PORTAL_CONTENT_ACTIONS), label: Label })),
    versions: z.array(
      z.object({
        version: z.number().int(),
        title: z.string(),
        status: z.enum(PORTAL_CONTENT_STATUSES),
        statusLabel: Label,
        savedAt: Instant,
        savedByName: z.string(),
        note: z.string().nullable(),
      }),
    ),
    attachments: z.array(PortalAttachment).describe('Tệp đính kèm, in order'),
  })
  .meta({ id: 'PortalContentItem', description: 'An article or static page of the portal, its steps and versions' });

const PortalContentVersion = z
  .object({
    version: z.number().int(),
    title: z.string(),
    summary: z.string(),
    bodyHtml: z.string(),
    categoryId: z.uuid().nullable(),
    slug: z.string(),
    status: z.enum(PORTAL_CONTENT_STATUSES),
    savedAt: Instant,
    note: z.string().nullable(),
  })
  .meta({ id: 'PortalContentVersion' });

const PortalContentFields = z.object({
  title: z.string().trim().min(1).max(500),
  summary: z.string().trim().max(1000).optional(),
  bodyHtml: z.string().max(500_000).describe('Editor HTML; sanitised on the server with an allow-list'),
  categoryId: z.uuid().nullable().optional(),
  slug: Slug.optional().describe('Default: the folded title'),
});

const PortalContentDraftInput = PortalContentFields.extend({ kind: z.enum(PORTAL_CONTENT_KINDS) })
  .strict()
  .meta({ id: 'PortalContentDraftInput' });

const PortalContentActionInput = z
  .object({
    action: z.enum(PORTAL_CONTENT_ACTIONS),
    expectedVersion: z.number().int().min(1),
    fields: PortalContentFields.strict().optional().describe('edit: the new content'),
    publishAt: z.iso.datetime({ offset: true }).optional().describe('publish: when it becomes visible (default now)'),
    note: z.string().trim().max(2000).optional().describe('return: what to change (required)'),
    restoreVersion: z.number().int().min(1).optional().describe('restore: the version to bring back'),
  })
  .strict()
  .meta({ id: 'PortalContentActionInput' });

const PortalContentChanged = z
  .object({
    id: z.uuid(),
    status: z.enum(PORTAL_CONTENT_STATUSES),
    version: z.number().int(),
    slug: z.string(),
    publishAt: Instant.nullable().optional(),
  })
  .meta({ id: 'PortalContentChanged' });

const MenuItem = z
  .object({
    label: z.string().trim().min(1).max(100),
    targetKind: z.enum(PORTAL_MENU_TARGET_KINDS),
    target: z.string().trim().min(1).max(500),
  })
  .refine(
    (item) =>
      item.targetKind === 'url'
        ? /^https:\/\/[^\s/]+\S*$/.test(item.target)
        : item.targetKind === 'procedure'
          ? /^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/.test(item.target)
          : PORTAL_SLUG_PATTERN.test(item.target),
    { message: 'target: a slug, a procedure code or an https URL', path: ['target'] },
  );
const PortalMenu = z
  .object({
    version: z.number().int().min(0).describe('The menu’s version: 0 before its first save, one more each save'),
    items: z.array(MenuItem).max(30),
  })
  .meta({ id: 'PortalMenu' });
const PortalMenuInput = z
  .object({
    version: z.number().int().min(0).describe('The version read (GET); a stale one is refused with 409'),
    items: z.array(MenuItem).max(30),
  })
  .meta({ id: 'PortalMenuSave' });

/**
 * Sends a rendered public page: a short public cache and a strong ETag (a 304 when it still matches), so a
 * scheduled article shows at most a minute after its time even through a cache.
 */
const sendPage = (request: FastifyRequest, reply: FastifyReply, page: RenderedPage, type: string) => {
  const etag = `"${createHash('sha256').update(page.body).digest('base64url').slice(0, 27)}"`;
  // A 404 is not kept: the article it stands for may be published the next second.
  void reply.type(type).header('cache-control', page.status === 200 ? 'public, max-age=60' : 'no-cache');
  // Each province's host name answers its own pages (issue 22 item 4): a shared cache keys them by host.
  void reply.header('vary', 'Host');
  void reply.header('etag', etag);
  if (page.status === 200 && request.headers['if-none-match'] === etag) {
    return reply.code(304).send();
  }
  return reply.code(page.status).send(page.body);
};

const HTML = 'text/html; charset=utf-8';
const XML = 'application/xml; charset=utf-8';

/** The portal's news and pages (issue 22 item 1): the console's API and the server-rendered public pages. */
export const registerPortalContentRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/portal-content/options',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'The caller’s province, its categories and whether the caller is an editor',
        response: { 200: PortalContentOptions, ...errors },
      },
    },
    async (request) => describePortalContentOptions(ctx, request.actor),
  );

  api.get(
    '/api/v1/portal-content/items',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Articles and pages: an editor’s whole province, an author’s own; most recently changed first',
        querystring: z.object({
          kind: z.enum(PORTAL_CONTENT_KINDS).optional(),
          status: z.enum(PORTAL_CONTENT_STATUSES).optional(),
          after: z.string().max(200).optional().describe('nextCursor of the previous page'),
          limit: z.coerce.number().int().min(1).max(100).optional(),
        }),
        response: { 200: PortalContentList, ...errors },
      },
    },
    async (request) => listPortalContent(ctx, request.actor, request.query),
  );

  api.post(
    '/api/v1/portal-content/items',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Draft an article (author or editor) or a static page (editor)',
        body: PortalContentDraftInput,
        response: { 201: PortalContentChanged, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createPortalContent(ctx, request.actor, request.body)),
  );

  api.get(
    '/api/v1/portal-content/items/:id',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'An item, the steps possible now and its versions',
        params: IdParams,
        response: { 200: PortalContentItem, ...errors },
      },
    },
    async (request) => getPortalContent(ctx, request.actor, request.params.id),
  );

  api.get(
    '/api/v1/portal-content/items/:id/versions/:version',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'One saved version of an item',
        params: z.object({ id: z.uuid(), version: z.coerce.number().int().min(1) }),
        response: { 200: PortalContentVersion, ...errors },
      },
    },
    async (request) => getPortalContentVersion(ctx, request.actor, request.params.id, request.params.version),
  );

  api.post(
    '/api/v1/portal-content/items/:id/actions',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Edit, submit, publish (now or at a time), return, unpublish or restore a version',
        params: IdParams,
        body: PortalContentActionInput,
        response: { 200: PortalContentChanged, ...errors },
      },
    },
    async (request) => changePortalContent(ctx, request.actor, request.params.id, request.body),
  );

  api.get(
    '/api/v1/portal-content/menu',
    {
      config: OFFICIAL,
      schema: { tags: TAGS, summary: 'The portal’s menu', response: { 200: PortalMenu, ...errors } },
    },
    async (request) => getPortalMenuForEditor(ctx, request.actor),
  );

  api.put(
    '/api/v1/portal-content/menu',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Replace the portal’s menu, in order, at the version read (editors; 409 VERSION_CONFLICT if stale)',
        body: PortalMenuInput,
        response: { 200: PortalMenu, ...errors },
      },
    },
    async (request) => replacePortalMenuItems(ctx, request.actor, request.body),
  );

  // The public pages: HTML rendered on the server, readable without JavaScript, for the province of the host.
  // Absolute addresses use the site's public URL, else the host the request came to when a province owns it,
  // else the install's own address (a Host header nobody registered never shapes a link).
  const pageRequest = async (request: FastifyRequest): Promise<PageRequest> => {
    const site = await findSiteOfRequest(ctx, request);
    return {
      site,
      origin: site?.matchedHost ? `${request.protocol}://${request.host}` : new URL(ctx.config.publicUrl).origin,
    };
  };
  const publicPage = <T extends object>(summary: string, produces: string, extra: T) => ({
    config: CITIZEN_OPTIONAL,
    schema: { tags: ['portal'], summary, produces: [produces], ...extra },
  });

  api.get(
    '/tin-tuc',
    publicPage('News list (HTML), newest first, by category, keyset pages', 'text/html', {
      querystring: z.object({ 'chuyen-muc': Slug.optional(), sau: z.string().max(200).optional() }),
    }),
    async (request, reply) =>
      sendPage(
        request,
        reply,
        await renderArticleList(ctx, await pageRequest(request), {
          category: request.query['chuyen-muc'],
          after: request.query.sau,
        }),
        HTML,
      ),
  );

  api.get(
    '/tin-tuc/:slug',
    publicPage('One published article (HTML)', 'text/html', { params: z.object({ slug: Slug }) }),
    async (request, reply) =>
      sendPage(
        request,
        reply,
        await renderPortalItem(ctx, await pageRequest(request), 'article', request.params.slug),
        HTML,
      ),
  );

  api.get(
    '/trang/:slug',
    publicPage('One static page (HTML)', 'text/html', { params: z.object({ slug: Slug }) }),
    async (request, reply) =>
      sendPage(
        request,
        reply,
        await renderPortalItem(ctx, await pageRequest(request), 'page', request.params.slug),
        HTML,
      ),
  );

  api.get(
    '/tim-kiem',
    publicPage('Search the published articles and pages, with or without diacritics (HTML)', 'text/html', {
      querystring: z.object({ q: z.string().max(200).optional() }),
    }),
    async (request, reply) =>
      sendPage(request, reply, await renderSearch(ctx, await pageRequest(request), request.query.q), HTML),
  );

  api.get(
    '/rss.xml',
    publicPage('RSS 2.0 of the newest published articles, of one category with chuyen-muc', 'application/rss+xml', {
      querystring: z.object({ 'chuyen-muc': Slug.optional() }),
    }),
    async (request, reply) =>
      sendPage(
        request,
        reply,
        await renderRss(ctx, await pageRequest(request), request.query['chuyen-muc']),
        'application/rss+xml; charset=utf-8',
      ),
  );

  api.get(
    '/sitemap.xml',
    publicPage('Sitemap: the news list, published articles and pages, procedure pages', 'application/xml', {}),
    async (request, reply) => sendPage(request, reply, await renderSitemap(ctx, await pageRequest(request)), XML),
  );
};

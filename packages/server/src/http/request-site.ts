import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { findRequestSite } from '../usecases/provinces/province-site.js';

/**
 * The province a request is for (issue 22 item 4): the site that owns the request's host name, else the install's
 * default site. Routes pass it to their use-case; a public read answers only that province's records, so no
 * province's portal shows another's. Undefined only while the install serves no province at all (a database with
 * no site row: then nothing narrows, as before sites existed).
 */
export const findRequestProvince = async (ctx: AppContext, request: FastifyRequest): Promise<string | undefined> =>
  (await findRequestSite(ctx, request.headers.host))?.provinceCode;

/** The site itself (name, colours, public address …) for pages rendered on the server. */
export const findSiteOfRequest = (ctx: AppContext, request: FastifyRequest) =>
  findRequestSite(ctx, request.headers.host);

import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { AppError } from '../errors/app-error.js';
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

/**
 * The province a public read answers: the one the query names, else the request's. On a host a province owns, a
 * query naming another province answers 404 PROVINCE_NOT_SERVED_HERE (each portal shows its own province only);
 * on the install's own address (no province owns it) any province may be named, as before sites existed. Undefined
 * only when the query names none and the install serves no province.
 */
export const findPublicProvince = async (
  ctx: AppContext,
  request: FastifyRequest,
  named: string | undefined,
): Promise<string | undefined> => {
  const site = await findRequestSite(ctx, request.headers.host);
  if (named === undefined) {
    return site?.provinceCode;
  }
  if (site?.matchedHost && named !== site.provinceCode) {
    throw new AppError('PROVINCE_NOT_SERVED_HERE', { province: named });
  }
  return named;
};

/** As findPublicProvince, for a read that needs a province: 400 PROVINCE_NOT_GIVEN when there is none. */
export const getPublicProvince = async (
  ctx: AppContext,
  request: FastifyRequest,
  named: string | undefined,
): Promise<string> => {
  const province = await findPublicProvince(ctx, request, named);
  if (province === undefined) {
    throw new AppError('PROVINCE_NOT_GIVEN');
  }
  return province;
};

/**
 * The catalog a public procedure read answers: "national" is every portal's; a province's catalog follows
 * findPublicProvince (404 on another province's host). Absent: the national catalog, as before.
 */
export const getPublicCatalog = async (
  ctx: AppContext,
  request: FastifyRequest,
  catalog: string | undefined,
): Promise<string> =>
  catalog === undefined || catalog === 'national'
    ? 'national'
    : ((await findPublicProvince(ctx, request, catalog)) ?? catalog);

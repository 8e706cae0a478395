import { listServedProvinces, type ProvinceSiteRecord } from '@motcua/db';
import { MAX_FILES_PER_COMPONENT, ONLINE_UPLOAD_MEDIA_TYPES } from '@motcua/domain';
import type { AppContext } from '../../../context.js';
import { describePublicSite } from '../../provinces/site-view.js';

/**
 * What the portal's pages need to know about this installation before the citizen does anything:
 * how citizens sign in, the upload limits the server enforces (so the browser checks the same ones
 * before sending a file), the payment platform, and the provinces served (the default recipient of
 * feedback), and the province of the request's host with its branding (issue 22 item 4). Nothing secret: issuer
 * addresses and client ids stay on the server.
 */
export const describePortalSettings = async (ctx: AppContext, site: ProvinceSiteRecord | undefined) => ({
  signIn: {
    vneid: ctx.config.portal.oidc !== undefined,
    startUrl: ctx.config.portal.oidc ? '/api/v1/citizen/auth/start' : null,
    localAccounts: true,
  },
  uploads: {
    maxBytes: ctx.config.portal.uploadMaxBytes,
    maxFilesPerComponent: MAX_FILES_PER_COMPONENT,
    mediaTypes: [...ONLINE_UPLOAD_MEDIA_TYPES],
  },
  payment: { provider: ctx.config.portal.payment.provider },
  provinces: (await listServedProvinces(ctx.db)).map((p) => ({ code: p.provinceCode, committeeName: p.committeeName })),
  site: site ? describePublicSite(site) : null,
});

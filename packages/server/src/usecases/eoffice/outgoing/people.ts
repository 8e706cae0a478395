import { listDocumentOfficials } from '@motcua/db';
import type { Actor } from '../../../auth/actor.js';
import { requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { requireAtAgency } from './outgoing-access.js';

/** The officials of an agency and its units who take part in documents (reviewers, substitutes, signers). */
export const listDocumentPeople = async (ctx: AppContext, actor: Actor, agencyId: string) => {
  const official = requireOfficial(actor);
  await requireAtAgency(ctx, official, 'document.read', agencyId);
  return listDocumentOfficials(ctx.db, agencyId);
};

import {
  type AgencyLineageRecord,
  type AgencyRecord,
  findAgency,
  findAgencyLineage,
  findCommuneCommittee,
  findOpenAgencyByCode,
  findProcedureVersionInForce,
  getReferenceRevision,
  type ProcedureVersionInForce,
} from '@motcua/db';
import type { WorkingTimeCalendar } from '@motcua/domain';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors/app-error.js';
import { getWorkingCalendar } from '../calendar/calendar-service.js';

/**
 * The near-static reference data every intake reads (an agency's lineage, row and working calendar,
 * the procedure version in force, the agencies a step routes to), cached per database under the
 * reference revision of migration 0014. Invalidation: every statement that writes agency,
 * agency_succession, procedure, procedure_version or the calendar tables bumps the revision in its own
 * transaction; a reader checks the revision once (one primary-key read) when it is opened, and uses the
 * cache only if it holds that revision. So a request never sees reference data older than the last
 * change committed before it started, whichever API process made the change.
 */
export type ReferenceReader = {
  revision: number;
  findLineage: (agencyId: string) => Promise<AgencyLineageRecord | undefined>;
  /** The agency and its working calendar; 404 when there is no such agency. */
  getAgencyCalendar: (agencyId: string) => Promise<{ agency: AgencyRecord; calendar: WorkingTimeCalendar }>;
  findVersionInForce: (input: {
    catalog: string;
    code: string;
    at: string;
  }) => Promise<ProcedureVersionInForce | undefined>;
  findOpenAgencyByCode: (code: string) => Promise<AgencyRecord | undefined>;
  findCommuneCommittee: (communeCode: string) => Promise<AgencyRecord | undefined>;
};

// Enough for every agency, procedure and commune a province uses in a day; emptied whole when full.
const MAX_ENTRIES = 20_000;
type Cache = { revision: number; entries: Map<string, unknown> };
const cachesByDatabase = new WeakMap<object, Cache>();

const cacheOf = (ctx: AppContext, revision: number): Cache => {
  const owner: object = ctx.database ?? ctx.db;
  let cache = cachesByDatabase.get(owner);
  if (!cache || cache.revision !== revision) {
    cache = { revision, entries: new Map() };
    cachesByDatabase.set(owner, cache);
  }
  return cache;
};

/**
 * Opens a reader of the reference data for one request: one read of the revision, then cached reads. An
 * official signed in by session brings the revision their session read answered at this request's start
 * (`actor.referenceRevision`): it is as fresh as a read here, and saves a statement.
 */
export const openReferenceReader = async (ctx: AppContext, actor?: Actor): Promise<ReferenceReader> => {
  const known = actor?.kind === 'official' ? actor.referenceRevision : undefined;
  const revision = known ?? (await getReferenceRevision(ctx.db));
  const cache = cacheOf(ctx, revision);
  const remember = async <T>(key: string, load: () => Promise<T>): Promise<T> => {
    if (cache.revision === revision && cache.entries.has(key)) {
      return cache.entries.get(key) as T;
    }
    const value = await load();
    // Only under the revision read before loading: a newer revision seen meanwhile has its own cache.
    const current = cachesByDatabase.get(ctx.database ?? ctx.db);
    if (current === cache && cache.revision === revision) {
      if (cache.entries.size >= MAX_ENTRIES) {
        cache.entries.clear();
      }
      cache.entries.set(key, value);
    }
    return value;
  };
  return {
    revision,
    findLineage: (agencyId) => remember(`lineage|${agencyId}`, () => findAgencyLineage(ctx.db, agencyId)),
    getAgencyCalendar: async (agencyId) => {
      const found = await remember(`agency|${agencyId}`, async () => {
        const agency = await findAgency(ctx.db, agencyId);
        return agency
          ? {
              agency,
              calendar: await getWorkingCalendar(ctx, {
                provinceCode: agency.provinceCode,
                workingHours: agency.workingHours,
              }),
            }
          : undefined;
      });
      if (!found) {
        throw notFound({ vi: 'cơ quan', en: 'agency' });
      }
      return found;
    },
    findVersionInForce: (input) =>
      remember(`version|${input.catalog}|${input.code}|${input.at}`, () => findProcedureVersionInForce(ctx.db, input)),
    findOpenAgencyByCode: (code) => remember(`open-agency|${code}`, () => findOpenAgencyByCode(ctx.db, code)),
    findCommuneCommittee: (communeCode) =>
      remember(`commune|${communeCode}`, () => findCommuneCommittee(ctx.db, communeCode)),
  };
};

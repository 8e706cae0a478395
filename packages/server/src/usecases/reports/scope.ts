import { findAgency, listAgenciesOfAdminUnit, listScopeAgencyIds, type SeriesFilter } from '@motcua/db';
import { isAllowed, ROLE_DEFINITIONS, type StatisticsLevel } from '@motcua/domain';
import type { Actor, OfficialActor } from '../../auth/actor.js';
import { authorizeAgencyAction, authorizeProvinceAction, requireOfficial } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';

export const AGENCY = { vi: 'cơ quan', en: 'agency' } as const;

export type ReportScopeInput = {
  scope?: 'province' | 'agency' | 'commune' | undefined;
  province?: string | undefined;
  agency?: string | undefined;
  subagencies?: boolean | undefined;
  commune?: string | undefined;
  levels?: readonly StatisticsLevel[] | undefined;
  channels?: readonly ('direct' | 'online' | 'postal')[] | undefined;
  procedures?: readonly string[] | undefined;
  fields?: readonly string[] | undefined;
};

export type ResolvedScope = {
  kind: 'province' | 'agency' | 'commune';
  provinceCode: string;
  agency: { id: string; code: string; name: string; parentName: string | null } | null;
  subagencies: boolean;
  commune: string | null;
  filter: SeriesFilter;
  label: { vi: string; en: string };
  official: OfficialActor;
};

/** Whether a grant of the actor reads reports of the whole province. */
const findProvinceWideGrant = (official: OfficialActor, provinceCode?: string) =>
  official.grants.find(
    (grant) =>
      ROLE_DEFINITIONS[grant.role].provinceWide &&
      grant.provinceCode !== null &&
      (provinceCode === undefined || grant.provinceCode === provinceCode) &&
      isAllowed([grant], 'report.read', { kind: 'province', provinceCode: grant.provinceCode }),
  );

/** The agencies whose reports a non-province-wide actor may read (their grants' agencies, sub-agencies, predecessors). */
const listReadableAgencyIds = async (ctx: AppContext, official: OfficialActor): Promise<Set<string>> => {
  const grants = official.grants.filter((grant) =>
    (ROLE_DEFINITIONS[grant.role].actions as readonly string[]).includes('report.read'),
  );
  return new Set(await listScopeAgencyIds(ctx.reader, grants));
};

const narrow = (ids: string[], readable: Set<string> | null) =>
  readable === null ? ids : ids.filter((id) => readable.has(id));

/**
 * Who may see which statistics. Province scope: a province-wide role of that province (the
 * province administrator); another province answers 403. Agency scope: a report role reaching the
 * agency (an approver or agency administrator of a department sees the department, with its
 * divisions when the grant reaches them); an agency outside the actor's reach answers 404 as if it
 * did not exist. Commune scope: the agencies of one commune (by administrative-unit code), on the
 * same rule. Without a scope the actor gets their own: the province if they administer it, else
 * the agency of their first report role.
 */
export const resolveReportScope = async (
  ctx: AppContext,
  actor: Actor,
  input: ReportScopeInput,
): Promise<ResolvedScope> => {
  const official = requireOfficial(actor);
  const extra = {
    levels: input.levels,
    channels: input.channels,
    procedureCodes: input.procedures,
    fieldNames: input.fields,
  };
  let kind = input.scope;
  let agencyId = input.agency;
  let subagencies = input.subagencies;
  if (kind === undefined) {
    if (agencyId !== undefined) {
      kind = 'agency';
    } else if (input.commune !== undefined) {
      kind = 'commune';
    } else if (findProvinceWideGrant(official, input.province ?? official.provinceCode ?? undefined)) {
      kind = 'province';
    } else {
      const grant = official.grants.find((g) =>
        (ROLE_DEFINITIONS[g.role].actions as readonly string[]).includes('report.read'),
      );
      if (!grant) {
        throw new AppError('FORBIDDEN');
      }
      kind = 'agency';
      agencyId = grant.agencyId;
      subagencies ??= grant.includeSubagencies;
    }
  }
  if (kind === 'province') {
    const provinceCode = input.province ?? findProvinceWideGrant(official)?.provinceCode ?? official.provinceCode;
    if (!provinceCode) {
      throw new AppError('REPORT_SCOPE_REQUIRED');
    }
    authorizeProvinceAction(official, 'report.read', provinceCode);
    return {
      kind,
      provinceCode,
      agency: null,
      subagencies: true,
      commune: null,
      filter: { provinceCodes: [provinceCode], agencyIds: null, ...extra },
      label: { vi: `Toàn tỉnh (mã ${provinceCode})`, en: `Whole province (${provinceCode})` },
      official,
    };
  }
  if (kind === 'commune') {
    if (!input.commune) {
      throw new AppError('REPORT_SCOPE_REQUIRED');
    }
    const agencies = await listAgenciesOfAdminUnit(ctx.reader, input.commune);
    const committee = agencies.find((a) => a.kind === 'commune_committee') ?? agencies[0];
    if (!committee) {
      throw new AppError('NOT_FOUND', { resource: { vi: 'xã', en: 'commune' } });
    }
    await authorizeAgencyAction(ctx, official, 'report.read', committee.id, AGENCY);
    const provinceCode = committee.provinceCode ?? '00';
    const readable = findProvinceWideGrant(official, provinceCode) ? null : await listReadableAgencyIds(ctx, official);
    const ids = narrow(
      await listScopeAgencyIds(
        ctx.reader,
        agencies.map((a) => ({ agencyId: a.id, includeSubagencies: true })),
      ),
      readable,
    );
    return {
      kind,
      provinceCode,
      agency: { id: committee.id, code: committee.code, name: committee.name, parentName: null },
      subagencies: true,
      commune: input.commune,
      filter: { provinceCodes: [provinceCode], agencyIds: ids, ...extra },
      label: { vi: committee.name, en: committee.name },
      official,
    };
  }
  if (!agencyId) {
    throw new AppError('REPORT_SCOPE_REQUIRED');
  }
  await authorizeAgencyAction(ctx, official, 'report.read', agencyId, AGENCY);
  const agency = await findAgency(ctx.reader, agencyId);
  if (!agency) {
    throw new AppError('NOT_FOUND', { resource: AGENCY });
  }
  const provinceCode = agency.provinceCode ?? '00';
  const withSub = subagencies ?? true;
  const readable = findProvinceWideGrant(official, provinceCode) ? null : await listReadableAgencyIds(ctx, official);
  const ids = narrow(await listScopeAgencyIds(ctx.reader, [{ agencyId, includeSubagencies: withSub }]), readable);
  const parent = agency.parentId ? await findAgency(ctx.reader, agency.parentId) : undefined;
  return {
    kind: 'agency',
    provinceCode,
    agency: { id: agency.id, code: agency.code, name: agency.name, parentName: parent?.name ?? null },
    subagencies: withSub,
    commune: null,
    filter: { provinceCodes: [provinceCode], agencyIds: ids, ...extra },
    label: withSub
      ? { vi: `${agency.name} (kể cả đơn vị trực thuộc)`, en: `${agency.name} (with sub-agencies)` }
      : { vi: agency.name, en: agency.name },
    official,
  };
};

/** The provinces an actor reads whole (for the province ranking of the service index). */
export const listReadableProvinces = (actor: Actor): string[] => {
  const official = requireOfficial(actor);
  return [
    ...new Set(
      official.grants
        .filter((grant) => ROLE_DEFINITIONS[grant.role].provinceWide && grant.provinceCode !== null)
        .filter((grant) =>
          isAllowed([grant], 'report.read', { kind: 'province', provinceCode: grant.provinceCode ?? '' }),
        )
        .map((grant) => grant.provinceCode ?? ''),
    ),
  ];
};

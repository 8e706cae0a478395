import type { DossierState } from '../dossier/state-machine.js';
import type { DossierChannel } from '../dossier/status.js';

/**
 * A statistics series is one combination of the dimensions reports group and filter by. The
 * aggregates keep their day and month counters per series, at two grains:
 * - `procedure`: province × handling agency × receiving agency × procedure × channel (filters and
 *   groupings by procedure and field);
 * - `agency`: the same without the procedure (what province- and agency-wide reports and the
 *   Decision 766 index read: a few series per agency, so a province-year answers from thousands
 *   of rows, not millions).
 * Every procedure-grain series points to its agency-grain parent and every change is written to both.
 */
export type StatisticsGrain = 'procedure' | 'agency';

/**
 * Administrative level of an agency for the "by level" breakdown: the published reports count
 * province, district (before 1 July 2025) and commune levels separately.
 */
export type StatisticsLevel = 'ministry' | 'province' | 'district' | 'commune';

export const STATISTICS_LEVELS: readonly StatisticsLevel[] = ['ministry', 'province', 'district', 'commune'];

export const STATISTICS_LEVEL_LABELS: Record<StatisticsLevel, { vi: string; en: string }> = {
  ministry: { vi: 'Cấp bộ', en: 'Ministry' },
  province: { vi: 'Cấp tỉnh', en: 'Province' },
  district: { vi: 'Cấp huyện', en: 'District' },
  commune: { vi: 'Cấp xã', en: 'Commune' },
};

/** The level of an agency from its kind, or from the administrative unit it serves when recorded. */
export const getStatisticsLevel = (agency: { kind: string; adminUnitLevel?: string | null }): StatisticsLevel => {
  if (agency.kind.startsWith('ministry')) {
    return 'ministry';
  }
  if (agency.kind.startsWith('commune')) {
    return 'commune';
  }
  if (agency.adminUnitLevel === 'district' || agency.adminUnitLevel === 'commune') {
    return agency.adminUnitLevel;
  }
  return 'province';
};

/**
 * The agency a dossier's statistics belong to: the one competent to decide it — the agency of its
 * approval step (the last one, under liên thông), else of its processing step, else the desk that
 * received it. A dossier received at the provincial service centre for the Department of Justice
 * counts for the Department (and for the centre as its receiving agency).
 */
export const getHandlingAgencyId = (state: Pick<DossierState, 'steps' | 'receivingAgencyId'>): string => {
  const steps = state.steps;
  for (const role of ['approver', 'processor'] as const) {
    for (let index = steps.length - 1; index >= 0; index -= 1) {
      const step = steps[index];
      if (step?.role === role) {
        return step.agencyId;
      }
    }
  }
  return state.receivingAgencyId;
};

/** An agency known by id, or (for imported history) only by the code and name in the file. */
export type SeriesAgency = { id: string } | { code: string; name: string };

export type SeriesIdentity = {
  provinceCode: string;
  handling: SeriesAgency;
  receiving: SeriesAgency;
  /** The procedure version for engine dossiers (its content fixes the online level and data reuse), else the code. */
  procedure: { versionId: string } | { code: string };
  channel: DossierChannel;
};

const agencyPart = (agency: SeriesAgency): string => ('id' in agency ? agency.id : `code:${agency.code}`);

/** The unique key of a procedure-grain series (stat_series.key). */
export const buildProcedureSeriesKey = (identity: SeriesIdentity): string =>
  [
    'p',
    identity.provinceCode,
    agencyPart(identity.handling),
    agencyPart(identity.receiving),
    'versionId' in identity.procedure ? `v:${identity.procedure.versionId}` : `c:${identity.procedure.code}`,
    identity.channel,
  ].join('|');

/** What the agency-grain parent is keyed by: the procedure-grain dimensions reports still need without the procedure. */
export type AgencySeriesIdentity = {
  provinceCode: string;
  handling: SeriesAgency;
  receiving: SeriesAgency;
  level: StatisticsLevel;
  channel: DossierChannel;
  /** The procedure is offered fully online (toàn trình): the 766 online-service indicator counts it. */
  onlineFull: boolean;
  /** The procedure has components that may be replaced by data: the 766 data-reuse indicator counts it. */
  replaceable: boolean;
};

export const buildAgencySeriesKey = (identity: AgencySeriesIdentity): string =>
  [
    'a',
    identity.provinceCode,
    agencyPart(identity.handling),
    agencyPart(identity.receiving),
    identity.level,
    identity.channel,
    identity.onlineFull ? 'full' : '-',
    identity.replaceable ? 'repl' : '-',
  ].join('|');

import { type ProcedureSearchItem, searchProcedures } from '@motcua/db';
import { foldVietnamese, type OnlineLevel, type ProcedureLevel } from '@motcua/domain';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { canManageCatalog } from './access.js';
import { buildSearchQuery, isSubmittableOnline } from './procedure-listing.js';

export type ProcedureSearchQuery = {
  q?: string | undefined;
  catalog?: string | undefined;
  level?: ProcedureLevel | undefined;
  field?: string | undefined;
  agency?: string | undefined;
  online?: OnlineLevel | undefined;
  /** Include procedures that only have a draft (the catalog's managers only). */
  drafts?: boolean | undefined;
  page: number;
  pageSize: number;
};

const toItem = (item: ProcedureSearchItem) => ({
  code: item.code,
  catalog: item.catalog,
  nationalCode: item.nationalCode,
  name: item.name,
  field: { name: item.fieldName, code: item.fieldCode },
  levels: item.levels,
  onlineLevel: item.onlineLevel,
  canSubmitOnline: isSubmittableOnline(item.catalog, item.onlineLevel),
  boundaryFree: item.boundaryFree,
  currentVersion:
    item.currentVersionNo === null ? null : { versionNo: item.currentVersionNo, effectiveFrom: item.effectiveFrom },
  duration: item.summary.directDuration ?? null,
  durationText: item.summary.directDurationText ?? null,
  fee: item.summary.fee ?? { free: false, minVnd: null, maxVnd: null, text: null },
});

/**
 * Public procedure search (the citizen portal and the counter): accent-insensitive and
 * typo-tolerant ("dang ki khai sinh", "khai snh" find "Thủ tục đăng ký khai sinh"), ranked,
 * paginated, filtered by catalog, level, field (code or name), online level and receiving agency.
 * Without a catalog (the portal) each procedure is listed once: a province's published version
 * in place of the national record it adopted; with one, that catalog's entries as they are.
 */
export const findProcedures = async (ctx: AppContext, actor: Actor, input: ProcedureSearchQuery) => {
  if (input.drafts) {
    if (actor.kind !== 'official') {
      throw new AppError('UNAUTHENTICATED');
    }
    if (!input.catalog || !canManageCatalog(actor, input.catalog)) {
      throw new AppError('FORBIDDEN');
    }
  }
  const query = input.q ? buildSearchQuery(input.q) : undefined;
  const field = input.field?.trim();
  const result = await searchProcedures(ctx.db, {
    catalog: input.catalog,
    query,
    level: input.level,
    field: field ? { code: field.toUpperCase(), key: foldVietnamese(field) } : undefined,
    onlineLevel: input.online,
    agencyId: input.agency,
    includeUnpublished: input.drafts,
    onePerProcedure: !input.catalog,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  return { items: result.items.map(toItem), total: result.total, match: result.match };
};

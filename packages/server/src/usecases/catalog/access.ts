import { isAllowed } from '@motcua/domain';
import type { Actor, OfficialActor } from '../../auth/actor.js';
import { authorizeProvinceAction, requireOfficial } from '../../auth/authorize.js';
import { AppError } from '../../errors/app-error.js';

export const NATIONAL_CATALOG = 'national';

export const PROCEDURE = { vi: 'thủ tục hành chính', en: 'procedure' } as const;
export const PROCEDURE_VERSION = { vi: 'phiên bản thủ tục hành chính', en: 'procedure version' } as const;
export const CATALOG_IMPORT = { vi: 'đợt nhập danh mục thủ tục', en: 'catalog import' } as const;

/**
 * Who may change a catalog: the province administrators of that province (procedure.manage is
 * province-wide). The national catalog mirrors the National TTHC database (Decree 63/2010/NĐ-CP
 * as amended by Decree 92/2017/NĐ-CP: ministries publish, provinces carry out) and changes only
 * through an import by the operator, never through the API.
 */
export const authorizeCatalogWrite = (actor: Actor, catalog: string): OfficialActor => {
  const official = requireOfficial(actor);
  if (catalog === NATIONAL_CATALOG) {
    throw new AppError('CATALOG_READ_ONLY');
  }
  return authorizeProvinceAction(official, 'procedure.manage', catalog);
};

/** Whether the actor manages the catalog (and so may see its drafts). */
export const canManageCatalog = (actor: Actor, catalog: string): boolean =>
  actor.kind === 'official' &&
  catalog !== NATIONAL_CATALOG &&
  isAllowed(actor.grants, 'procedure.manage', { kind: 'province', provinceCode: catalog });

/**
 * Reading something addressed by id that belongs to a catalog (an import report): its managers may;
 * officials of the same province who may not answer 403; anyone else 404, so that the id of
 * another province's import does not even confirm it exists. National imports are readable by
 * every official who manages some province catalog.
 */
export const authorizeImportRead = (actor: Actor, catalog: string): OfficialActor => {
  const official = requireOfficial(actor);
  if (catalog === NATIONAL_CATALOG) {
    const managesSome = official.grants.some(
      (grant) =>
        grant.provinceCode !== null &&
        isAllowed([grant], 'procedure.manage', { kind: 'province', provinceCode: grant.provinceCode }),
    );
    if (!managesSome) {
      throw new AppError('FORBIDDEN');
    }
    return official;
  }
  if (canManageCatalog(official, catalog)) {
    return official;
  }
  if (official.grants.some((grant) => grant.provinceCode === catalog)) {
    throw new AppError('FORBIDDEN');
  }
  throw new AppError('NOT_FOUND', { resource: CATALOG_IMPORT });
};

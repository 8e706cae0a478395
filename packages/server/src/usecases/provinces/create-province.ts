import { randomInt } from 'node:crypto';
import {
  type AgencyRecord,
  findAdministrativeUnit,
  findOpenAgencyByCode,
  insertAgency,
  insertProvinceSiteIfMissing,
  insertUser,
  insertUserRole,
  upsertPortalCategory,
} from '@motcua/db';
import {
  foldVietnamese,
  normalizeHostName,
  normalizePublicUrl,
  placeNameOfProvince,
  ROLE_DEFINITIONS,
} from '@motcua/domain';
import type { Actor } from '../../auth/actor.js';
import { requireHostingAdmin } from '../../auth/authorize.js';
import { findPasswordProblem, hashPassword } from '../../auth/passwords.js';
import { type AppContext, todayInVietnam } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { changeProvinceSite } from './change-site.js';
import { forgetProvinceSites } from './province-site.js';

/** The portal's categories every new province starts with (as the demo province has them). */
export const DEFAULT_PORTAL_CATEGORIES = [
  { slug: 'tin-cchc', name: 'Tin cải cách hành chính', position: 1 },
  { slug: 'thong-bao', name: 'Thông báo', position: 2 },
  { slug: 'huong-dan', name: 'Hướng dẫn', position: 3 },
] as const;

/**
 * The identifier codes of a new province's first two agencies (Decision 20/2020/QĐ-TTg, `V1V2V3.Z1Z2.Y1Y2.MX1X2`):
 * the People's Committee is `000.00.00.<M>` and its public administration service centre `000.00.10.<M>`, as the
 * demo province has them. <M> is the province's published level-1 code when the hosting centre gives it
 * (e.g. H31); otherwise `P` + the 2025 province code (P31), a placeholder that follows the pattern and cannot
 * collide with a published H code — the province administrator enters the published codes afterwards.
 */
export const provinceAgencyCodes = (provinceCode: string, levelOneCode?: string | undefined) => {
  const suffix = levelOneCode ?? `P${provinceCode}`;
  return { committee: `000.00.00.${suffix}`, centre: `000.00.10.${suffix}` };
};

/** "Tỉnh Lâm Đồng" → tỉnh, "Thành phố Huế" → thành phố: how the province's agencies name it. */
const unitWord = (unitName: string, unitType: string): string =>
  /^thành phố/iu.test(unitType) || /^thành phố/iu.test(unitName) ? 'thành phố' : 'tỉnh';

const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A one-time password of 4 groups of 4 characters (about 92 bits), with letters and digits, readable aloud
 * (no 0/O, 1/l/I). Shown once to whoever creates the account.
 */
export const generateOneTimePassword = (username: string): string => {
  for (;;) {
    const groups = Array.from({ length: 4 }, () =>
      Array.from({ length: 4 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join(''),
    );
    const password = groups.join('-');
    if (findPasswordProblem(password, username) === undefined) {
      return password;
    }
  }
};

/** Host names as stored (normalizeHostName), unique; 422 HOST_NAME_INVALID for the first that is not one. */
export const normalizeHostNames = (hosts: readonly string[]): string[] => {
  const names: string[] = [];
  for (const host of hosts) {
    const name = normalizeHostName(host);
    if (!name) {
      throw new AppError('HOST_NAME_INVALID', { host: host.slice(0, 100) });
    }
    names.push(name);
  }
  return [...new Set(names)];
};

/** The public address as stored (normalizePublicUrl); 422 PUBLIC_URL_INVALID otherwise. */
export const normalizeSitePublicUrl = (url: string): string => {
  const normalized = normalizePublicUrl(url);
  if (!normalized) {
    throw new AppError('PUBLIC_URL_INVALID', { url: url.slice(0, 200) });
  }
  return normalized;
};

export type CreateProvinceInput = {
  provinceCode: string;
  hosts: readonly string[];
  publicUrl?: string | null | undefined;
  adminUsername: string;
  adminFullName: string;
  /** The province's level-1 identifier code of Decision 20/2020/QĐ-TTg (H + two digits), when known. */
  agencyCodeSuffix?: string | undefined;
};

export type CreatedProvince = {
  provinceCode: string;
  name: string;
  placeName: string;
  hosts: string[];
  publicUrl: string | null;
  committee: { id: string; code: string; name: string };
  centre: { id: string; code: string; name: string };
  admin: { id: string; username: string; fullName: string; oneTimePassword: string };
  version: number;
};

/**
 * The hosting centre opens a province on the install (issue 22 item 4): the province must be a province-level
 * unit in force today (the 34 of 1 July 2025). In one transaction: its site (with host names, public address and
 * the 'created' event of its hash chain), its People's Committee and the public administration service centre
 * under it, the province's first administrator (province_admin at the committee) with a one-time password, and
 * the portal's default categories. A province the install already serves answers 409 PROVINCE_EXISTS (nothing is
 * written), so a repeated call is harmless. The password is answered once and only its argon2 hash is stored.
 */
export const createProvince = async (
  ctx: AppContext,
  actor: Actor | null,
  input: CreateProvinceInput,
): Promise<CreatedProvince> => {
  const actorUserId = actor === null ? null : requireHostingAdmin(actor).userId;
  const today = todayInVietnam(ctx.clock);
  const unit = await findAdministrativeUnit(ctx.db, { level: 'province', code: input.provinceCode, at: today });
  if (!unit) {
    throw new AppError('PROVINCE_UNIT_NOT_IN_FORCE', { province: input.provinceCode.slice(0, 10) });
  }
  const hosts = normalizeHostNames(input.hosts);
  const publicUrl = input.publicUrl ? normalizeSitePublicUrl(input.publicUrl) : null;
  const username = input.adminUsername.trim().toLowerCase();
  const fullName = input.adminFullName.normalize('NFC').trim();
  const password = generateOneTimePassword(username);
  const passwordHash = await hashPassword(password);
  const word = unitWord(unit.name, unit.unitType);
  const placeName = placeNameOfProvince(unit.name, unit.shortName);
  const codes = provinceAgencyCodes(unit.code, input.agencyCodeSuffix);
  const committeeName = `Ủy ban nhân dân ${word} ${placeName}`;
  const centreName = `Trung tâm Phục vụ hành chính công ${word} ${placeName}`;
  const now = ctx.clock.now();

  const created = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertProvinceSiteIfMissing(trx, {
      provinceCode: unit.code,
      name: unit.name,
      placeName,
      publicUrl,
      createdBy: actorUserId,
    });
    if (!inserted) {
      throw new AppError('PROVINCE_EXISTS', { province: unit.code });
    }
    const site = await changeProvinceSite(trx, {
      provinceCode: unit.code,
      expectedVersion: 1,
      at: now,
      actorUserId,
      action: 'created',
      addHosts: hosts,
      payload: { name: unit.name, placeName, publicUrl, committeeCode: codes.committee, adminUsername: username },
    });
    for (const code of [codes.committee, codes.centre]) {
      if (await findOpenAgencyByCode(trx, code)) {
        throw new AppError('PROVINCE_AGENCY_CODE_TAKEN', { code });
      }
    }
    const committee: AgencyRecord = await insertAgency(
      trx,
      {
        code: codes.committee,
        name: committeeName,
        kind: 'province_committee',
        parentId: null,
        provinceCode: unit.code,
        adminUnitLevel: 'province',
        adminUnitCode: unit.code,
        validFrom: today,
        searchText: foldVietnamese(`${committeeName} ${codes.committee}`),
      },
      null,
    );
    const centre = await insertAgency(
      trx,
      {
        code: codes.centre,
        name: centreName,
        kind: 'province_service_centre',
        parentId: committee.id,
        provinceCode: unit.code,
        validFrom: today,
        searchText: foldVietnamese(`${centreName} ${codes.centre}`),
      },
      committee.path,
    );
    const admin = await insertUser(trx, {
      username,
      fullName,
      title: null,
      email: null,
      phone: null,
      passwordHash,
      provinceCode: unit.code,
      now,
      // A one-time password: changed at the first sign-in (migration 0058).
      passwordMustChange: true,
    });
    if (!admin) {
      throw new AppError('USERNAME_TAKEN', { username });
    }
    await insertUserRole(trx, {
      userId: admin.id,
      agencyId: committee.id,
      role: 'province_admin',
      includeSubagencies: ROLE_DEFINITIONS.province_admin.defaultIncludeSubagencies,
      grantedBy: actorUserId,
    });
    for (const category of DEFAULT_PORTAL_CATEGORIES) {
      await upsertPortalCategory(trx, { provinceCode: unit.code, ...category });
    }
    return {
      provinceCode: unit.code,
      name: unit.name,
      placeName,
      hosts: [...hosts].sort(),
      publicUrl,
      committee: { id: committee.id, code: committee.code, name: committee.name },
      centre: { id: centre.id, code: centre.code, name: centre.name },
      admin: { id: admin.id, username, fullName, oneTimePassword: password },
      version: site.version,
    };
  });
  forgetProvinceSites();
  return created;
};

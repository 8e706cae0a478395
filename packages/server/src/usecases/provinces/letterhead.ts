import { type AgencyRecord, findAdministrativeUnit, findAgency, findProvinceCommittee } from '@motcua/db';
import { placeNameOfProvince } from '@motcua/domain';
import { type AppContext, todayInVietnam } from '../../context.js';
import { findSiteOfProvince } from './province-site.js';

/**
 * The letterhead of a document (issue 22 item 4: several provinces on one install, each with its own letterheads):
 * who issues it — the agency under its governing body — and the place name (địa danh) of its
 * "<địa danh>, ngày … tháng … năm …" line (Decree 30/2020/NĐ-CP, Appendix I). Both come from the record's own
 * agency and that agency's province, never from a constant, the install or another province.
 */

/** What the place name of an agency is read from (an agency row, or the few columns a query selected). */
export type PlacedAgency = Pick<AgencyRecord, 'name' | 'provinceCode' | 'adminUnitLevel' | 'adminUnitCode'> & {
  validTo?: string | null | undefined;
};

const COMMUNE_PREFIX = /^(Xã|Phường|Thị trấn|Đặc khu)\s+/iu;

/**
 * The place name read from the agency's own names when nothing else names it: "Ủy ban nhân dân xã Văn Giang" →
 * "Văn Giang", "Sở Tư pháp tỉnh Hưng Yên" → "Hưng Yên", "Ủy ban nhân dân thành phố Hà Nội" → "Hà Nội".
 */
export const placeNameFromAgencyName = (name: string): string => {
  const trimmed = name.trim();
  const unit = /(?:^|\s)(?:tỉnh|thành phố|xã|phường|thị trấn|đặc khu)\s+(.+)$/iu.exec(trimmed);
  return unit?.[1]?.trim() || trimmed;
};

/**
 * The place name of an agency's documents: a commune's agency prints its commune (as the catalogue named it while
 * the agency was in force, without "Xã"/"Phường"); any other prints its province — the place name the province's
 * site declares (province_site.place_name, what its administrator chose), else the catalogue's short name of the
 * province; an agency whose province nothing names prints what its own name says.
 */
export const findPlaceNameOfAgency = async (
  ctx: AppContext,
  agency: PlacedAgency,
  parentName?: string | undefined,
): Promise<string> => {
  const today = todayInVietnam(ctx.clock);
  if (agency.adminUnitLevel === 'commune') {
    const at = agency.validTo && agency.validTo < today ? agency.validTo : today;
    const unit = agency.adminUnitCode
      ? await findAdministrativeUnit(ctx.db, { level: 'commune', code: agency.adminUnitCode, at })
      : undefined;
    if (unit) {
      return unit.name.replace(COMMUNE_PREFIX, '');
    }
    if (/(?:^|\s)(?:xã|phường|thị trấn|đặc khu)\s+\S/iu.test(agency.name)) {
      return placeNameFromAgencyName(agency.name);
    }
  }
  if (agency.provinceCode) {
    const site = await findSiteOfProvince(ctx, agency.provinceCode);
    if (site) {
      return site.placeName;
    }
    const unit = await findAdministrativeUnit(ctx.db, { level: 'province', code: agency.provinceCode, at: today });
    if (unit) {
      return placeNameOfProvince(unit.name, unit.shortName);
    }
  }
  return placeNameFromAgencyName(parentName ?? agency.name);
};

/** The agency block and place of a document issued by an agency: its governing body above it, when it has one. */
export type Letterhead = { parentName?: string; agencyName: string; placeName: string };

export const describeAgencyLetterhead = async (
  ctx: AppContext,
  agency: PlacedAgency & Pick<AgencyRecord, 'parentId'>,
): Promise<Letterhead> => {
  const parent = agency.parentId ? await findAgency(ctx.db, agency.parentId) : undefined;
  return {
    ...(parent ? { parentName: parent.name } : {}),
    agencyName: agency.name,
    placeName: await findPlaceNameOfAgency(ctx, agency, parent?.name),
  };
};

/**
 * The letterhead of what a province issues as a whole (its People's Committee: PAR results, SIPAS index, province
 * reports): the committee in force, else the name the province's site prints; the place name of the province.
 */
export const describeProvinceLetterhead = async (
  ctx: AppContext,
  provinceCode: string,
): Promise<{ agencyName: string; placeName: string }> => {
  const [committee, site] = await Promise.all([
    findProvinceCommittee(ctx.reader, provinceCode),
    findSiteOfProvince(ctx, provinceCode),
  ]);
  const agencyName = committee?.name ?? site?.name ?? `Tỉnh ${provinceCode}`;
  const placeName =
    site?.placeName ??
    (await findPlaceNameOfAgency(ctx, {
      name: agencyName,
      provinceCode,
      adminUnitLevel: 'province',
      adminUnitCode: provinceCode,
    }));
  return { agencyName, placeName };
};

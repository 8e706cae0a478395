import { describe, expect, it } from 'vitest';
import {
  judgeReceivingOffice,
  listAllowedOffices,
  listBoundaryFreeDeskKinds,
  type OfficeCandidate,
  type OfficeVerdict,
  proposeReceivingOffice,
  type ReceivingRule,
} from './receiving-office.js';

const PHO_HIEN = '11953';
const VAN_GIANG = '12064';

const office = (id: string, kind: OfficeCandidate['kind'], communeCode: string | null, listed = true) => ({
  agencyId: id,
  kind,
  communeCode,
  listed,
});

const phoHien = office('pho-hien', 'commune_committee', PHO_HIEN);
const phoHienCentre = office('pho-hien-centre', 'commune_service_centre', PHO_HIEN);
const vanGiang = office('van-giang', 'commune_committee', VAN_GIANG);
const vanGiangUnlisted = office('van-giang', 'commune_committee', VAN_GIANG, false);
const centre = office('centre', 'province_service_centre', null);
const centreUnlisted = office('centre', 'province_service_centre', null, false);
const justice = office('justice', 'province_department', null);
const division = office('division', 'division', null);

const commune: ReceivingRule = { levels: ['commune'], boundaryFree: false };
const communeFree: ReceivingRule = { levels: ['commune'], boundaryFree: true };
const province: ReceivingRule = { levels: ['province'], boundaryFree: false };
const provinceFree: ReceivingRule = { levels: ['province'], boundaryFree: true };

describe('judgeReceivingOffice', () => {
  const cases: [string, ReceivingRule, OfficeCandidate, string | null, OfficeVerdict][] = [
    ['the commune of residence, listed', commune, phoHien, PHO_HIEN, 'allowed'],
    ['another commune, not boundary-free', commune, vanGiang, PHO_HIEN, 'outside_boundary'],
    ['another commune, residence unknown', commune, vanGiang, null, 'allowed'],
    ['another commune, boundary-free', communeFree, vanGiang, PHO_HIEN, 'allowed'],
    ['an unlisted commune, boundary-free (any commune desk)', communeFree, vanGiangUnlisted, PHO_HIEN, 'allowed'],
    ['an unlisted commune, not boundary-free', commune, vanGiangUnlisted, VAN_GIANG, 'not_receiving'],
    ['the province centre for a commune procedure', commune, centre, PHO_HIEN, 'wrong_level'],
    ['the province centre for a boundary-free commune procedure', communeFree, centreUnlisted, null, 'wrong_level'],
    ['a commune committee for a provincial procedure', province, phoHien, PHO_HIEN, 'wrong_level'],
    ['the listed province centre', province, centre, PHO_HIEN, 'allowed'],
    ['a listed department (residence does not matter)', province, justice, PHO_HIEN, 'allowed'],
    ['the unlisted centre, not boundary-free', province, centreUnlisted, null, 'not_receiving'],
    ['the unlisted centre, boundary-free provincial procedure', provinceFree, centreUnlisted, null, 'allowed'],
    ['a listed division (level unknown)', commune, division, PHO_HIEN, 'allowed'],
    ['a commune office serving no known commune', commune, office('x', 'commune_committee', null), PHO_HIEN, 'allowed'],
  ];
  it.each(cases)('%s', (_name, rule, candidate, communeCode, verdict) => {
    expect(judgeReceivingOffice(rule, candidate, communeCode)).toBe(verdict);
  });
});

describe('listBoundaryFreeDeskKinds', () => {
  it('names the one-stop desks of each level', () => {
    expect(listBoundaryFreeDeskKinds(['commune'])).toEqual(['commune_committee', 'commune_service_centre']);
    expect(listBoundaryFreeDeskKinds(['province', 'commune'])).toEqual([
      'province_service_centre',
      'commune_committee',
      'commune_service_centre',
    ]);
    expect(listBoundaryFreeDeskKinds(['ministry'])).toEqual([]);
  });
});

describe('listAllowedOffices and proposeReceivingOffice', () => {
  const all = [phoHien, phoHienCentre, vanGiang, centre];

  it('keeps only the commune of residence for a commune procedure and proposes its People’s Committee', () => {
    const allowed = listAllowedOffices(commune, all, PHO_HIEN);
    expect(allowed.map((o) => o.agencyId)).toEqual(['pho-hien', 'pho-hien-centre']);
    expect(proposeReceivingOffice(allowed, PHO_HIEN)?.agencyId).toBe('pho-hien');
  });

  it('offers every commune and proposes none while the residence is unknown', () => {
    const allowed = listAllowedOffices(commune, all, undefined);
    expect(allowed.map((o) => o.agencyId)).toEqual(['pho-hien', 'pho-hien-centre', 'van-giang']);
    expect(proposeReceivingOffice(allowed, undefined)).toBeUndefined();
  });

  it('offers every commune of a boundary-free procedure and still proposes the one of residence', () => {
    const allowed = listAllowedOffices(communeFree, all, VAN_GIANG);
    expect(allowed.map((o) => o.agencyId)).toEqual(['pho-hien', 'pho-hien-centre', 'van-giang']);
    expect(proposeReceivingOffice(allowed, VAN_GIANG)?.agencyId).toBe('van-giang');
  });

  it('proposes the only office allowed, wherever one lives', () => {
    expect(proposeReceivingOffice(listAllowedOffices(province, all, PHO_HIEN), PHO_HIEN)?.agencyId).toBe('centre');
  });

  it('proposes the commune centre when the commune has no listed committee', () => {
    expect(proposeReceivingOffice([phoHienCentre, vanGiang], PHO_HIEN)?.agencyId).toBe('pho-hien-centre');
    expect(proposeReceivingOffice([vanGiang, centre], PHO_HIEN)).toBeUndefined();
  });
});

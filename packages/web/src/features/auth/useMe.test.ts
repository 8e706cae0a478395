import { describe, expect, it } from 'vitest';
import type { Me, OfficialRole } from '../../api/types';
import { landingPathOf } from './useMe';

const official = (roles: OfficialRole[], hostingAdmin = false): Me => ({
  id: '00000000-0000-4000-8000-000000000001',
  username: 'canbo',
  fullName: 'Nguyễn Văn A',
  title: null,
  email: null,
  provinceCode: '33',
  hostingAdmin,
  mustChangePassword: false,
  authenticatedVia: 'session',
  csrfToken: null,
  roles: roles.map((role) => ({
    agencyId: '00000000-0000-4000-8000-000000000002',
    agencyCode: 'SNV',
    agencyName: 'Sở Nội vụ',
    role,
    roleLabel: { vi: role, en: role },
    includeSubagencies: false,
  })),
});

describe('landingPathOf', () => {
  it.each([
    [['clerk'], '/can-bo/van-ban-den'],
    [['agency_head', 'par_organiser'], '/can-bo/van-ban-den'],
    [['province_admin', 'agency_admin'], '/can-bo/thu-tuc'],
    [['agency_admin'], '/can-bo/co-quan'],
    [['par_organiser'], '/can-bo/chi-so-cchc/ket-qua'],
    [['par_focal'], '/can-bo/chi-so-cchc'],
    [['par_appraiser'], '/can-bo/chi-so-cchc'],
    [['sipas_organiser'], '/can-bo/khao-sat'],
    [['surveyor'], '/can-bo/khao-sat'],
    [['pakn_officer'], '/can-bo/pakn'],
    [['portal_editor'], '/can-bo/cong-thong-tin'],
    [['personnel_officer'], '/can-bo/danh-gia'],
  ] as [OfficialRole[], string][])('sends %j to %s', (roles, path) => {
    expect(landingPathOf(official(roles))).toBe(path);
  });

  it('sends the hosting centre’s administrator without a province role to the provinces, anyone else to the users page', () => {
    expect(landingPathOf(official([], true))).toBe('/can-bo/he-thong/tinh-thanh');
    expect(landingPathOf(official([]))).toBe('/can-bo/nguoi-dung');
  });
});

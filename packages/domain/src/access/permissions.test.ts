import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  type AgencyLineage,
  canSeeTarget,
  isAllowed,
  OFFICIAL_ROLES,
  ROLE_DEFINITIONS,
  type RoleGrant,
  roleAllows,
} from './permissions.js';

// A small tree: province committee P > department D > division V; commune C (old) merged into C2.
const lineage = (agencyId: string, ancestors: string[], covering: string[] = [agencyId]): AgencyLineage => ({
  agencyId,
  provinceCode: '33',
  coveringIds: covering,
  ancestorIds: ancestors,
});
const division = lineage('V', ['P', 'D']);
const department = lineage('D', ['P']);
const oldCommune = lineage('C', ['P'], ['C', 'C2']);
const grant = (role: RoleGrant['role'], agencyId: string, includeSubagencies = false): RoleGrant => ({
  role,
  agencyId,
  includeSubagencies,
  provinceCode: '33',
});

describe('permission table', () => {
  it('gives each role a Vietnamese label and only known actions', () => {
    for (const role of OFFICIAL_ROLES) {
      expect(ROLE_DEFINITIONS[role].label.vi.length).toBeGreaterThan(0);
      for (const action of ROLE_DEFINITIONS[role].actions) {
        expect(ACTIONS).toContain(action);
      }
    }
  });

  it('keeps the auditor read-only', () => {
    const writes = ACTIONS.filter((a) => !a.endsWith('.read') && a !== 'audit.verify');
    expect(writes.some((a) => roleAllows('auditor', a))).toBe(false);
  });

  it('lets a receptionist receive at their own agency only', () => {
    const grants = [grant('receptionist', 'D')];
    expect(isAllowed(grants, 'dossier.receive', { kind: 'agency', lineage: department })).toBe(true);
    expect(isAllowed(grants, 'dossier.receive', { kind: 'agency', lineage: division })).toBe(false);
    expect(isAllowed(grants, 'dossier.process', { kind: 'agency', lineage: department })).toBe(false);
  });

  it('lets a role that includes sub-agencies reach them', () => {
    expect(isAllowed([grant('approver', 'D', true)], 'dossier.approve', { kind: 'agency', lineage: division })).toBe(
      true,
    );
    expect(isAllowed([grant('approver', 'V', true)], 'dossier.approve', { kind: 'agency', lineage: department })).toBe(
      false,
    );
  });

  it("lets a successor agency act on its predecessor's resources", () => {
    expect(isAllowed([grant('processor', 'C2')], 'dossier.process', { kind: 'agency', lineage: oldCommune })).toBe(
      true,
    );
  });

  it('gives the province administrator the whole province and nothing outside it', () => {
    const admin = [grant('province_admin', 'P')];
    expect(isAllowed(admin, 'agency.manage', { kind: 'agency', lineage: division })).toBe(true);
    expect(isAllowed(admin, 'calendar.manage', { kind: 'province', provinceCode: '33' })).toBe(true);
    expect(isAllowed(admin, 'calendar.manage', { kind: 'province', provinceCode: '01' })).toBe(false);
    expect(isAllowed(admin, 'dossier.receive', { kind: 'agency', lineage: division })).toBe(false);
  });

  it('lets only the province administrator import historical dossiers, into their own province', () => {
    const own = { kind: 'province', provinceCode: '33' } as const;
    expect(isAllowed([grant('province_admin', 'P')], 'report.import', own)).toBe(true);
    expect(isAllowed([grant('province_admin', 'P')], 'report.import', { kind: 'province', provinceCode: '01' })).toBe(
      false,
    );
    expect(OFFICIAL_ROLES.filter((role) => roleAllows(role, 'report.import'))).toEqual(['province_admin']);
    // Reading reports province-wide is not enough to write into them.
    expect(isAllowed([grant('auditor', 'P', true)], 'report.import', own)).toBe(false);
    expect(
      isAllowed([grant('agency_admin', 'P', true)], 'report.import', { kind: 'agency', lineage: department }),
    ).toBe(false);
  });

  it('never allows anything to someone without grants, and isAllowed implies canSeeTarget', () => {
    const agencies = ['P', 'D', 'V', 'C', 'C2', 'X'];
    const arbGrant = fc.record({
      role: fc.constantFrom(...OFFICIAL_ROLES),
      agencyId: fc.constantFrom(...agencies),
      includeSubagencies: fc.boolean(),
      provinceCode: fc.constantFrom('33', '01'),
    });
    const arbTarget = fc.constantFrom(division, department, oldCommune, lineage('X', []));
    fc.assert(
      fc.property(fc.array(arbGrant, { maxLength: 4 }), fc.constantFrom(...ACTIONS), arbTarget, (grants, action, l) => {
        const target = { kind: 'agency' as const, lineage: l };
        expect(isAllowed([], action, target)).toBe(false);
        if (isAllowed(grants, action, target)) {
          expect(canSeeTarget(grants, target)).toBe(true);
        }
      }),
    );
  });
});

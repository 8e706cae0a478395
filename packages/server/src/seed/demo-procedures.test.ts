import {
  findProcedure,
  findProcedureVersionInForce,
  insertAgency,
  listProcedureAgencies,
  searchProcedures,
} from '@motcua/db';
import { createTestDatabase, type TestDatabase } from '@motcua/db/testing';
import { type AgencyKind, foldVietnamese } from '@motcua/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  communeCommitteeCode,
  DEMO_AGENCY_CODES,
  DEMO_PROCEDURES,
  type DemoProceduresResult,
  seedDemoProcedures,
} from './demo-procedures.js';
import { DEMO_APPLICATION_FORMS } from './forms/index.js';

let database: TestDatabase;
let agencyIdsByCode: Record<string, string>;
let first: DemoProceduresResult;

const agency = async (code: string, name: string, kind: AgencyKind, parent?: { id: string; path: string }) =>
  insertAgency(
    database.db,
    {
      code,
      name,
      kind,
      parentId: parent?.id ?? null,
      provinceCode: '33',
      validFrom: '2025-07-01',
      searchText: foldVietnamese(`${name} ${code}`),
    },
    parent?.path ?? null,
  );

beforeAll(async () => {
  database = await createTestDatabase();
  // The minimal set of the demo agencies the seed links to (the demo seed of agencies creates all).
  const province = await agency('000.00.00.H31', 'Ủy ban nhân dân tỉnh Hưng Yên', 'province_committee');
  const departments: [string, string, AgencyKind][] = [
    [DEMO_AGENCY_CODES.centre, 'Trung tâm Phục vụ hành chính công tỉnh Hưng Yên', 'province_service_centre'],
    [DEMO_AGENCY_CODES.justice, 'Sở Tư pháp', 'province_department'],
    [DEMO_AGENCY_CODES.construction, 'Sở Xây dựng', 'province_department'],
    [DEMO_AGENCY_CODES.agricultureEnvironment, 'Sở Nông nghiệp và Môi trường', 'province_department'],
    [DEMO_AGENCY_CODES.finance, 'Sở Tài chính', 'province_department'],
    [DEMO_AGENCY_CODES.scienceTechnology, 'Sở Khoa học và Công nghệ', 'province_department'],
    [DEMO_AGENCY_CODES.police, 'Công an tỉnh Hưng Yên', 'province_department'],
    [communeCommitteeCode(1), 'Ủy ban nhân dân phường Phố Hiến', 'commune_committee'],
    [communeCommitteeCode(2), 'Ủy ban nhân dân phường Sơn Nam', 'commune_committee'],
    [communeCommitteeCode(3), 'Ủy ban nhân dân phường Hồng Châu', 'commune_committee'],
  ];
  agencyIdsByCode = { [province.code]: province.id };
  for (const [code, name, kind] of departments) {
    agencyIdsByCode[code] = (await agency(code, name, kind, province)).id;
  }
  // As the demo seed calls it: inside its transaction.
  first = await database.db
    .transaction()
    .execute((trx) =>
      seedDemoProcedures(trx, { provinceCode: '33', agencyIdsByCode, actorUserId: null, now: new Date() }),
    );
  console.info(
    `demo procedures: national import ${first.national.ms} ms, whole seed ${first.ms} ms (${database.kind})`,
  );
}, 180_000);

afterAll(async () => {
  await database?.close();
});

describe('seedDemoProcedures', () => {
  it('imports the national catalog and adopts every demo procedure into the province catalog', () => {
    expect(first.national).toMatchObject({ rows: 2642, created: 2642, rejected: 0 });
    expect(first.adopted).toBe(DEMO_PROCEDURES.length);
    expect(DEMO_PROCEDURES.length).toBeGreaterThanOrEqual(50);
    expect(first.skipped).toEqual([]);
    expect(first.missingAgencyCodes).toEqual([]);
  });

  it('publishes each from 1 January 2025 with a process template that fits the legal time', async () => {
    const birth = await findProcedureVersionInForce(database.db, { catalog: '33', code: '1.001193', at: '2025-07-01' });
    expect(birth).toMatchObject({ versionNo: 1, status: 'published', source: 'adopted' });
    expect(birth?.content.levels).toEqual(['commune']);
    expect(birth?.content.processSteps.map((s) => s.role)).toEqual([
      'receptionist',
      'processor',
      'approver',
      'result_returner',
    ]);
    const total = birth?.content.processSteps.reduce((sum, s) => sum + s.allotmentWorkingHours, 0) ?? 0;
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(8);
    // In force before the July 2025 merger too, so that the former wards could receive dossiers.
    expect(
      await findProcedureVersionInForce(database.db, { catalog: '33', code: '1.001193', at: '2025-06-30' }),
    ).toMatchObject({ versionNo: 1 });
    expect(
      await findProcedureVersionInForce(database.db, { catalog: '33', code: '1.001193', at: '2024-12-31' }),
    ).toBeUndefined();
  });

  it('has liên thông between levels and agencies, same-day certification, auto-accept and boundary-free ones', async () => {
    const land = await findProcedureVersionInForce(database.db, { catalog: '33', code: '1.013978', at: '2026-01-01' });
    expect(land?.content.processSteps.find((s) => s.handoff === 'inter_level')?.agency).toEqual({
      kind: 'fixed',
      agencyCode: DEMO_AGENCY_CODES.agricultureEnvironment,
    });
    expect(land?.content.clockOnSupplement).toBe('pause');
    const allocation = await findProcedureVersionInForce(database.db, {
      catalog: '33',
      code: '1.013823',
      at: '2026-01-01',
    });
    const departments = new Set(
      allocation?.content.processSteps.flatMap((s) => (s.agency.kind === 'fixed' ? [s.agency.agencyCode] : [])),
    );
    expect(departments).toEqual(new Set([DEMO_AGENCY_CODES.agricultureEnvironment, DEMO_AGENCY_CODES.finance]));
    const copy = await findProcedureVersionInForce(database.db, { catalog: '33', code: '2.000815', at: '2026-01-01' });
    expect(copy?.content.channels.find((c) => c.channel === 'direct')?.duration).toEqual({
      unit: 'same_day',
      cutoff: '15:00',
    });
    expect(copy?.content.boundaryFree).toBe(true);
    const flags = await Promise.all(
      DEMO_PROCEDURES.map((spec) =>
        findProcedureVersionInForce(database.db, { catalog: '33', code: spec.code, at: '2026-01-01' }),
      ),
    );
    expect(flags.filter((v) => v?.content.autoAccept).length).toBeGreaterThanOrEqual(3);
    expect(flags.filter((v) => v?.content.boundaryFree).length).toBeGreaterThanOrEqual(3);
  });

  it('links commune procedures to every commune committee and province ones to the centre and department', async () => {
    const birth = await findProcedure(database.db, { catalog: '33', code: '1.001193' });
    const birthAgencies = await listProcedureAgencies(database.db, birth?.id ?? '');
    expect(birthAgencies.map((a) => a.code)).toEqual([1, 2, 3].map(communeCommitteeCode));
    const permit = await findProcedure(database.db, { catalog: '33', code: '1.013236' });
    const permitAgencies = await listProcedureAgencies(database.db, permit?.id ?? '');
    expect(permitAgencies.map((a) => [a.code, a.role])).toEqual([
      [DEMO_AGENCY_CODES.centre, 'receiving'],
      [DEMO_AGENCY_CODES.construction, 'implementing'],
    ]);
    const atCommune = await searchProcedures(database.db, {
      catalog: '33',
      agencyId: agencyIdsByCode[communeCommitteeCode(2)],
      limit: 100,
      offset: 0,
    });
    expect(atCommune.total).toBe(DEMO_PROCEDURES.filter((s) => s.level === 'commune').length);
  });

  it('attaches the application forms to the adopted versions, each replacing its paper form', async () => {
    for (const form of DEMO_APPLICATION_FORMS) {
      const version = await findProcedureVersionInForce(database.db, {
        catalog: '33',
        code: form.procedureCode,
        at: '2026-01-01',
      });
      const attached = version?.content.applicationForm;
      expect(attached?.key, form.procedureCode).toBe(form.definition.key);
      expect(attached?.legalSource).toBe(form.definition.legalSource);
      const replaced = version?.content.components.find((c) => c.key === attached?.replacesComponent);
      if (form.replaces === null) {
        expect(attached?.replacesComponent).toBeUndefined();
      } else {
        expect(replaced?.group, form.procedureCode).toBe('submit');
        expect(replaced?.name.startsWith(form.replaces.name)).toBe(true);
      }
    }
    const birth = await findProcedureVersionInForce(database.db, { catalog: '33', code: '1.001193', at: '2026-01-01' });
    expect(birth?.content.applicationForm?.sections.map((s) => s.key)).toEqual([
      'nguoi-yeu-cau',
      'nguoi-duoc-khai-sinh',
      'me',
      'cha',
      'ban-sao',
    ]);
    // Online the citizen fills the form instead of uploading the paper or the interactive e-form.
    expect(birth?.content.components.filter((c) => /tương tác/.test(c.name))).toEqual([]);
    // The national record keeps no form: it is the province's addition to its adopted version.
    const nationalBirth = await findProcedureVersionInForce(database.db, {
      catalog: 'national',
      code: '1.001193',
      at: '2026-01-01',
    });
    expect(nationalBirth?.content.applicationForm).toBeUndefined();
    // Birth and death registration have a result template (the certificate and the extract), the others none.
    expect(birth?.content.resultTemplate?.key).toBe('giay-khai-sinh');
    expect(nationalBirth?.content.resultTemplate).toBeUndefined();
    const death = await findProcedureVersionInForce(database.db, { catalog: '33', code: '1.000656', at: '2026-01-01' });
    expect(death?.content.resultTemplate?.key).toBe('trich-luc-khai-tu');
    // The judicial-record certificate is issued by the provincial police since 2025.
    const record = await findProcedure(database.db, { catalog: '33', code: '3.000333' });
    const recordAgencies = await listProcedureAgencies(database.db, record?.id ?? '');
    expect(recordAgencies.map((a) => [a.code, a.role])).toEqual([
      [DEMO_AGENCY_CODES.centre, 'receiving'],
      [DEMO_AGENCY_CODES.police, 'implementing'],
    ]);
  });

  it('changes nothing when run again', async () => {
    const again = await seedDemoProcedures(database.db, {
      provinceCode: '33',
      agencyIdsByCode,
      actorUserId: null,
      now: new Date(),
    });
    expect(again.national).toMatchObject({ created: 0, updated: 0, unchanged: 2642 });
    expect(again.adopted).toBe(0);
    expect(again.skipped).toHaveLength(DEMO_PROCEDURES.length);
  });
});

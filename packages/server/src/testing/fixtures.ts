import { type AgencyKind, type AgencyRecord, insertAgency, insertUser, insertUserRole } from '@motcua/db';
import { insertPublishedProcedure } from '@motcua/db/testing';
import {
  type FormDefinition,
  foldVietnamese,
  type OfficialRole,
  type ProcedureVersionContent,
  ROLE_DEFINITIONS,
} from '@motcua/domain';
import type { FastifyInstance } from 'fastify';
import { hashPassword } from '../auth/passwords.js';
import type { TestApp } from './test-app.js';

export const TEST_PASSWORD = 'Mat-khau-thu-2026';

type AgencySpec = {
  key: string;
  code: string;
  name: string;
  kind: AgencyKind;
  parent?: string;
  provinceCode: string;
  validFrom?: string;
  adminUnitCode?: string;
};

/**
 * A small world for tests: Hưng Yên (33) with its People's Committee, two departments (one with a
 * division), the provincial service centre and a commune; plus Hà Nội (01) as the foreign province.
 */
export const WORLD_AGENCIES: AgencySpec[] = [
  {
    key: 'province',
    code: '000.00.00.H31',
    name: 'Ủy ban nhân dân tỉnh Hưng Yên',
    kind: 'province_committee',
    provinceCode: '33',
  },
  {
    key: 'justice',
    code: '000.00.01.H31',
    name: 'Sở Tư pháp tỉnh Hưng Yên',
    kind: 'province_department',
    parent: 'province',
    provinceCode: '33',
  },
  {
    key: 'justiceDivision',
    code: '000.01.01.H31',
    name: 'Phòng Hành chính tư pháp',
    kind: 'division',
    parent: 'justice',
    provinceCode: '33',
  },
  {
    key: 'construction',
    code: '000.00.02.H31',
    name: 'Sở Xây dựng tỉnh Hưng Yên',
    kind: 'province_department',
    parent: 'province',
    provinceCode: '33',
  },
  {
    key: 'centre',
    code: '000.00.10.H31',
    name: 'Trung tâm Phục vụ hành chính công tỉnh Hưng Yên',
    kind: 'province_service_centre',
    parent: 'province',
    provinceCode: '33',
  },
  {
    key: 'commune',
    code: '000.01.40.H31',
    name: 'Ủy ban nhân dân xã Văn Giang',
    kind: 'commune_committee',
    parent: 'province',
    provinceCode: '33',
    adminUnitCode: '12064',
  },
  {
    key: 'foreignProvince',
    code: '000.00.00.H26',
    name: 'Ủy ban nhân dân thành phố Hà Nội',
    kind: 'province_committee',
    provinceCode: '01',
  },
  {
    key: 'foreignDepartment',
    code: '000.00.01.H26',
    name: 'Sở Tư pháp thành phố Hà Nội',
    kind: 'province_department',
    parent: 'foreignProvince',
    provinceCode: '01',
  },
];

type UserSpec = { username: string; fullName: string; roles: { agency: string; role: OfficialRole; sub?: boolean }[] };

export const WORLD_USERS: UserSpec[] = [
  { username: 'tiepnhan', fullName: 'Nguyễn Thị Tiếp Nhận', roles: [{ agency: 'justice', role: 'receptionist' }] },
  { username: 'chuyenvien', fullName: 'Trần Văn Chuyên', roles: [{ agency: 'justice', role: 'processor' }] },
  { username: 'lanhdao', fullName: 'Lê Văn Lãnh Đạo', roles: [{ agency: 'justice', role: 'approver' }] },
  { username: 'trakq', fullName: 'Phạm Thị Trả', roles: [{ agency: 'justice', role: 'result_returner' }] },
  { username: 'qtdonvi', fullName: 'Hoàng Văn Quản Trị', roles: [{ agency: 'justice', role: 'agency_admin' }] },
  { username: 'qttinh', fullName: 'Vũ Thị Quản Trị Tỉnh', roles: [{ agency: 'province', role: 'province_admin' }] },
  { username: 'thanhtra', fullName: 'Đặng Văn Thanh Tra', roles: [{ agency: 'justice', role: 'auditor' }] },
  // PAR Index: the Sở Nội vụ organiser (province-wide) and Justice's CCHC focal officer.
  { username: 'sonoivu', fullName: 'Trịnh Văn Nội Vụ', roles: [{ agency: 'province', role: 'par_organiser' }] },
  { username: 'daumoicchc', fullName: 'Mai Thị Đầu Mối', roles: [{ agency: 'justice', role: 'par_focal' }] },
  { username: 'xaydung', fullName: 'Bùi Văn Xây', roles: [{ agency: 'construction', role: 'agency_admin' }] },
  { username: 'hanoi', fullName: 'Ngô Thị Hà Nội', roles: [{ agency: 'foreignProvince', role: 'province_admin' }] },
  { username: 'hanoitn', fullName: 'Đỗ Văn Hà', roles: [{ agency: 'foreignDepartment', role: 'receptionist' }] },
  {
    username: 'motcua',
    fullName: 'Lý Thị Một Cửa',
    roles: [
      { agency: 'centre', role: 'receptionist' },
      { agency: 'centre', role: 'result_returner' },
    ],
  },
];

/**
 * A province procedure for the dossier tests: received at the provincial centre, examined and
 * approved at the Department of Justice (liên thông), returned by the centre; 5 working days.
 */
export const TEST_PROCEDURE_CONTENT: ProcedureVersionContent = {
  nationalCode: '1.001193',
  name: 'Thủ tục đăng ký khai sinh',
  field: { name: 'Hộ tịch' },
  levels: ['province'],
  applicantTypes: ['Công dân Việt Nam'],
  components: [
    {
      key: 'to-khai',
      name: 'Tờ khai đăng ký khai sinh',
      group: 'submit',
      originals: 1,
      copies: 0,
      required: true,
      replaceableByData: false,
    },
    {
      key: 'giay-chung-sinh',
      name: 'Giấy chứng sinh',
      group: 'submit',
      originals: 1,
      copies: 0,
      required: true,
      replaceableByData: false,
    },
    {
      key: 'cu-tru',
      name: 'Giấy tờ chứng minh nơi cư trú',
      group: 'present',
      originals: 1,
      copies: 0,
      required: false,
      replaceableByData: true,
    },
  ],
  channels: [
    {
      channel: 'direct',
      duration: { unit: 'working_days', value: 5 },
      fees: [{ name: 'Lệ phí', kind: 'le_phi', amountVnd: 0, text: 'Miễn lệ phí' }],
    },
    { channel: 'online', duration: { unit: 'working_days', value: 5 }, fees: [] },
  ],
  onlineLevel: 'full',
  boundaryFree: false,
  resultTypes: ['Giấy khai sinh'],
  legalBasis: [{ number: '123/2015/NĐ-CP' }],
  processSteps: [
    {
      key: 'tiep-nhan',
      name: 'Tiếp nhận hồ sơ',
      role: 'receptionist',
      agency: { kind: 'receiving' },
      allotmentWorkingHours: 4,
    },
    {
      key: 'tham-dinh',
      name: 'Thẩm định hồ sơ',
      role: 'processor',
      agency: { kind: 'fixed', agencyCode: '000.00.01.H31' },
      allotmentWorkingHours: 20,
      handoff: 'inter_agency',
    },
    {
      key: 'phe-duyet',
      name: 'Phê duyệt kết quả',
      role: 'approver',
      agency: { kind: 'fixed', agencyCode: '000.00.01.H31' },
      allotmentWorkingHours: 8,
    },
    {
      key: 'tra-ket-qua',
      name: 'Trả kết quả',
      role: 'result_returner',
      agency: { kind: 'receiving' },
      allotmentWorkingHours: 4,
      handoff: 'inter_agency',
    },
  ],
  clockOnSupplement: 'pause',
  autoAccept: false,
};

/**
 * A small application form (tờ khai) for tests, in the shape of the birth registration form (Circular
 * 04/2024/TT-BTP): the child, the place of birth (a 2025 commune), the requester's relationship with a
 * conditional "other", and a repeating group. It replaces the paper component "to-khai".
 */
export const TEST_APPLICATION_FORM: FormDefinition = {
  key: 'to-khai-khai-sinh',
  title: 'Tờ khai đăng ký khai sinh',
  legalSource: 'Mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP',
  replacesComponent: 'to-khai',
  declaration: 'Tôi cam đoan nội dung khai trên đây là đúng sự thật.',
  sections: [
    {
      key: 'tre',
      title: 'Thông tin người được đăng ký khai sinh',
      fields: [
        { key: 'childFullName', kind: 'text', label: 'Họ, chữ đệm, tên', required: true },
        { key: 'childBirthDate', kind: 'date', label: 'Ngày, tháng, năm sinh', required: true, notInFuture: true },
        {
          key: 'childSex',
          kind: 'choice',
          label: 'Giới tính',
          required: true,
          options: [
            { value: 'male', label: 'Nam' },
            { value: 'female', label: 'Nữ' },
          ],
        },
        { key: 'birthPlace', kind: 'address', label: 'Nơi sinh', required: true },
      ],
    },
    {
      key: 'nguoi-yeu-cau',
      title: 'Người yêu cầu',
      fields: [
        {
          key: 'relationship',
          kind: 'choice',
          label: 'Quan hệ với người được khai sinh',
          required: true,
          options: [
            { value: 'cha', label: 'Cha' },
            { value: 'me', label: 'Mẹ' },
            { value: 'khac', label: 'Khác' },
          ],
        },
        {
          key: 'relationshipOther',
          kind: 'text',
          label: 'Quan hệ khác (ghi rõ)',
          required: true,
          visibleWhen: { field: 'relationship', equals: 'khac' },
        },
        {
          key: 'siblings',
          kind: 'group',
          label: 'Anh chị em ruột',
          itemLabel: 'Người',
          required: false,
          minItems: 0,
          maxItems: 3,
          fields: [
            { key: 'siblingName', kind: 'text', label: 'Họ tên', required: true },
            { key: 'siblingAddress', kind: 'address', label: 'Nơi ở', required: false },
          ],
        },
      ],
    },
  ],
};

/** The test procedure with the test application form. */
export const TEST_PROCEDURE_WITH_FORM: ProcedureVersionContent = {
  ...TEST_PROCEDURE_CONTENT,
  applicationForm: TEST_APPLICATION_FORM,
};

/** Publishes a procedure version in a catalog directly (tests only; the catalog API does this for real). */
export const seedProcedure = async (
  t: Pick<TestApp, 'database'>,
  input: { catalog: string; code: string; content?: ProcedureVersionContent; effectiveFrom?: string },
): Promise<{ procedureId: string; versionId: string }> => {
  const content = input.content ?? TEST_PROCEDURE_CONTENT;
  return insertPublishedProcedure(t.database.db, {
    catalog: input.catalog,
    code: input.code,
    content,
    effectiveFrom: input.effectiveFrom,
  });
};

export type World = {
  agencies: Record<string, AgencyRecord>;
  users: Record<string, { id: string; username: string }>;
};

let passwordHash: Promise<string> | undefined;

/** Inserts an official with these roles (over the sub-agencies as each role does by default unless said); its id. */
const insertOfficial = async (
  t: Pick<TestApp, 'database'>,
  user: { username: string; fullName: string; title: string | null; provinceCode: string | null; passwordHash: string },
  roles: readonly { agencyId: string; role: OfficialRole; includeSubagencies?: boolean | undefined }[],
): Promise<string> => {
  const inserted = await insertUser(t.database.db, {
    username: user.username,
    fullName: user.fullName,
    title: user.title,
    email: null,
    phone: null,
    passwordHash: user.passwordHash,
    provinceCode: user.provinceCode,
    now: new Date(),
  });
  if (!inserted) {
    throw new Error(`user ${user.username} exists`);
  }
  for (const role of roles) {
    await insertUserRole(t.database.db, {
      userId: inserted.id,
      agencyId: role.agencyId,
      role: role.role,
      includeSubagencies: role.includeSubagencies ?? ROLE_DEFINITIONS[role.role].defaultIncludeSubagencies,
      grantedBy: null,
    });
  }
  return inserted.id;
};

/** Inserts the test world directly through the query layer (fast, no HTTP). */
export const seedWorld = async (t: Pick<TestApp, 'database'>): Promise<World> => {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const agencies: Record<string, AgencyRecord> = {};
  for (const spec of WORLD_AGENCIES) {
    const parent = spec.parent ? agencies[spec.parent] : undefined;
    agencies[spec.key] = await insertAgency(
      t.database.db,
      {
        code: spec.code,
        name: spec.name,
        kind: spec.kind,
        parentId: parent?.id ?? null,
        provinceCode: spec.provinceCode,
        adminUnitCode: spec.adminUnitCode ?? null,
        adminUnitLevel: spec.adminUnitCode ? 'commune' : null,
        validFrom: spec.validFrom ?? '2025-07-01',
        searchText: foldVietnamese(`${spec.name} ${spec.code}`),
      },
      parent?.path ?? null,
    );
  }
  const users: World['users'] = {};
  for (const spec of WORLD_USERS) {
    const firstAgency = agencies[spec.roles[0]?.agency ?? ''];
    const roles = spec.roles.map((role) => {
      const agency = agencies[role.agency];
      if (!agency) {
        throw new Error(`no agency ${role.agency}`);
      }
      return { agencyId: agency.id, role: role.role, includeSubagencies: role.sub };
    });
    const id = await insertOfficial(
      t,
      { ...spec, title: null, provinceCode: firstAgency?.provinceCode ?? null, passwordHash: hash },
      roles,
    );
    users[spec.username] = { id, username: spec.username };
  }
  return { agencies, users };
};

/** An official of a test, with the one role they hold. */
export type OfficialSpec = {
  username: string;
  fullName: string;
  agencyId: string;
  role: OfficialRole;
  title?: string | null;
};

/**
 * Inserts officials of Hưng Yên (33) with the test password, each with one role (over the sub-agencies as the role
 * does by default, or as `includeSubagencies` says), and answers their ids by username.
 */
export const seedOfficials = async (
  t: Pick<TestApp, 'database'>,
  people: readonly OfficialSpec[],
  options: { includeSubagencies?: boolean } = {},
): Promise<Record<string, string>> => {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const ids: Record<string, string> = {};
  for (const person of people) {
    ids[person.username] = await insertOfficial(
      t,
      { ...person, title: person.title ?? null, provinceCode: '33', passwordHash: hash },
      [{ agencyId: person.agencyId, role: person.role, includeSubagencies: options.includeSubagencies }],
    );
  }
  return ids;
};

/** A second division of Sở Tư pháp beside the world's justiceDivision: Phòng Phổ biến, giáo dục pháp luật. */
export const seedSecondJusticeDivision = async (t: Pick<TestApp, 'database'>, world: World) => {
  const justice = world.agencies.justice;
  const name = 'Phòng Phổ biến, giáo dục pháp luật';
  return insertAgency(
    t.database.db,
    {
      code: '000.03.01.H31',
      name,
      kind: 'division',
      parentId: justice?.id ?? null,
      provinceCode: '33',
      adminUnitCode: null,
      adminUnitLevel: null,
      validFrom: '2025-07-01',
      searchText: foldVietnamese(name),
    },
    justice?.path ?? null,
  );
};

export type Session = { cookie: string; csrfToken: string; headers: Record<string, string> };

/** Signs in through the API and returns the headers a browser would send on later requests. */
export const signIn = async (app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Session> => {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) {
    throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
  }
  const setCookie = response.cookies.find((c) => c.name === 'motcua_session');
  if (!setCookie) {
    throw new Error('no session cookie');
  }
  const cookie = `motcua_session=${setCookie.value}`;
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
};

/** Signs each of these officials in; answers the headers of each by username. */
export const signInEach = async (app: FastifyInstance, people: readonly { username: string }[]) => {
  const headers: Record<string, Record<string, string>> = {};
  for (const { username } of people) {
    headers[username] = (await signIn(app, username)).headers;
  }
  return headers;
};

import { insertUserRole } from '@motcua/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorld, signIn, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';

// The designer's questionnaires (issue 18 item 1 and 6): a NEW questionnaire with its own code, every answer
// kind, its versions guarded, and chosen by a campaign.
const clock = fixedClock('2026-11-23T09:00:00+07:00');
let t: TestApp;
let world: World;

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  await insertUserRole(t.database.db, {
    userId: world.users.qttinh?.id ?? '',
    agencyId: world.agencies.province?.id ?? '',
    role: 'sipas_organiser',
    includeSubagencies: true,
    grantedBy: null,
  });
});

afterAll(async () => {
  await t?.close();
});

const as = async (who: string) => (await signIn(t.app, who)).headers;

const LAND = {
  title: 'Khảo sát sự hài lòng về thủ tục đất đai',
  factors: [
    {
      key: 'land_access',
      kind: 'service',
      vi: 'Tiếp cận dịch vụ đất đai',
      criteria: [
        {
          key: 'land_access_info',
          vi: 'Thông tin',
          questions: [
            { key: 'land_q1', type: 'likert5', vi: 'Thông tin về thủ tục đầy đủ, dễ hiểu', required: true },
            {
              key: 'land_q2',
              type: 'single_choice',
              vi: 'Ông/bà biết thủ tục qua đâu?',
              options: [
                { key: 'portal', vi: 'Cổng dịch vụ công' },
                { key: 'counter', vi: 'Bộ phận Một cửa' },
              ],
            },
            {
              key: 'land_q3',
              type: 'multiple_choice',
              vi: 'Ông/bà đã liên hệ bằng cách nào?',
              options: [
                { key: 'phone', vi: 'Điện thoại' },
                { key: 'visit', vi: 'Trực tiếp' },
              ],
            },
            { key: 'land_q4', type: 'free_text', vi: 'Góp ý khác' },
          ],
        },
      ],
    },
    {
      key: 'land_policy',
      kind: 'policy',
      vi: 'Chính sách đất đai',
      criteria: [
        {
          key: 'land_policy_fit',
          vi: 'Sự phù hợp',
          questions: [{ key: 'land_q5', type: 'likert5', vi: 'Chính sách phù hợp thực tế' }],
        },
      ],
    },
  ],
};

const save = async (body: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/sipas/questionnaires',
    headers: await as('qttinh'),
    payload: { provinceCode: '33', ...body },
  });

describe('the questionnaire designer’s saves', () => {
  it('creates a new questionnaire with every answer kind, then its next version; a stale or taken save is refused', async () => {
    const first = await save({ code: 'khao-sat-dat-dai', definition: LAND, expectedVersion: 0 });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ code: 'khao-sat-dat-dai', version: 1, title: LAND.title });
    expect(first.json().definition.factors[0].criteria[0].questions.map((q: { type: string }) => q.type)).toEqual([
      'likert5',
      'single_choice',
      'multiple_choice',
      'free_text',
    ]);
    // "New" again with the same code: someone took it.
    const taken = await save({ code: 'khao-sat-dat-dai', definition: LAND, expectedVersion: 0 });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('VERSION_CONFLICT');
    // A factor removed: the next version; the first stays as it was.
    const second = await save({
      code: 'khao-sat-dat-dai',
      definition: { ...LAND, factors: [LAND.factors[0]] },
      expectedVersion: 1,
    });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().version).toBe(2);
    const again = await t.app.inject({
      url: `/api/v1/sipas/questionnaires/${first.json().id}`,
      headers: await as('qttinh'),
    });
    expect(again.json().definition.factors).toHaveLength(2);

    const list = await t.app.inject({
      url: '/api/v1/sipas/questionnaires?provinceCode=33',
      headers: await as('qttinh'),
    });
    expect(list.json().items.map((q: { code: string; version: number }) => `${q.code}@${q.version}`)).toContain(
      'khao-sat-dat-dai@2',
    );
  });

  it('refuses a choice question without options, and a receptionist', async () => {
    const broken = structuredClone(LAND);
    const question = broken.factors[0]?.criteria[0]?.questions[1] as { options?: unknown };
    question.options = undefined;
    const invalid = await save({ code: 'khao-sat-khac', definition: broken });
    expect([400, 422]).toContain(invalid.statusCode);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sipas/questionnaires',
      headers: await as('tiepnhan'),
      payload: { provinceCode: '33', code: 'khao-sat-khac', definition: LAND },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('is chosen by a campaign', async () => {
    const list = await t.app.inject({
      url: '/api/v1/sipas/questionnaires?provinceCode=33',
      headers: await as('qttinh'),
    });
    const land = list.json().items.find((q: { code: string }) => q.code === 'khao-sat-dat-dai');
    const campaign = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sipas/campaigns',
      headers: await as('qttinh'),
      payload: {
        provinceCode: '33',
        year: 2026,
        title: 'Khảo sát đất đai năm 2026',
        periodFrom: '2026-01-01',
        periodTo: '2026-12-31',
        questionnaireId: land.id,
      },
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    expect(campaign.json().questionnaireId).toBe(land.id);
  });
});

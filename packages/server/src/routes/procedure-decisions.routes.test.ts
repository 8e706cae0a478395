import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProcedure, seedWorld, signIn, TEST_PROCEDURE_CONTENT } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';

let t: TestApp;
const clock = fixedClock('2026-11-23T09:00:00+07:00');
const headersOf = async (who: string) => (await signIn(t.app, who)).headers;

beforeAll(async () => {
  t = await createTestApp({ clock });
  await seedWorld(t);
  const birth = await seedProcedure(t, {
    catalog: '33',
    code: '1.001193',
    content: {
      ...TEST_PROCEDURE_CONTENT,
      components: TEST_PROCEDURE_CONTENT.components.map((c) =>
        c.key === 'to-khai' ? { ...c, templateName: 'Tờ khai đăng ký khai sinh.docx' } : c,
      ),
    },
  });
  await seedProcedure(t, {
    catalog: '33',
    code: '1.000656',
    content: { ...TEST_PROCEDURE_CONTENT, nationalCode: '1.000656', name: 'Thủ tục đăng ký kết hôn' },
  });
  const old = await seedProcedure(t, {
    catalog: '33',
    code: '2.000001',
    content: { ...TEST_PROCEDURE_CONTENT, nationalCode: '2.000001', name: 'Thủ tục cấp bản sao trích lục (cũ)' },
  });
  await t.database.db.updateTable('procedure').set({ status: 'abolished' }).where('id', '=', old.procedureId).execute();
  await t.database.db
    .insertInto('procedureTemplate')
    .values({
      procedureId: birth.procedureId,
      componentKey: 'giay-chung-sinh',
      fileName: 'Mẫu giấy chứng sinh.pdf',
      fileSha256: 'a'.repeat(64),
      mediaType: 'application/pdf',
      sizeBytes: 1234,
    })
    .execute();
});

afterAll(async () => {
  await t.close();
});

const draftBody = {
  province: '33',
  number: '1234/QĐ-UBND',
  signedOn: '2026-11-02',
  effectiveOn: '2026-11-05',
  title: 'Công bố danh mục thủ tục hành chính mới ban hành, sửa đổi, bãi bỏ lĩnh vực hộ tịch',
  items: [
    { procedureCode: '1.000656', changeKind: 'new' },
    { procedureCode: '1.001193', changeKind: 'amended' },
    { procedureCode: '2.000001', changeKind: 'abolished' },
  ],
};

describe('procedure decisions', () => {
  let id = '';
  let version = 0;

  it('drafts a decision that is not public until published', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/procedure-decisions',
      headers: await headersOf('qttinh'),
      payload: draftBody,
    });
    expect(created.statusCode, created.body).toBe(201);
    const decision = created.json();
    id = decision.id;
    version = decision.version;
    expect(decision.status).toBe('draft');
    expect(decision.items.map((i: { procedureCode: string }) => i.procedureCode)).toEqual([
      '1.000656',
      '1.001193',
      '2.000001',
    ]);
    const hidden = await t.app.inject({ url: `/api/v1/public/procedure-decisions/${id}` });
    expect(hidden.statusCode).toBe(404);
    const list = await t.app.inject({ url: '/api/v1/public/procedure-decisions?province=33' });
    expect(list.json().items).toEqual([]);
    const decisions = await t.app.inject({ url: '/api/v1/public/procedures/1.001193/decisions?catalog=33' });
    expect(decisions.json().items).toEqual([]);
  });

  it('refuses a second decision with the same number and a foreign or unentitled official', async () => {
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/procedure-decisions',
      headers: await headersOf('qttinh'),
      payload: draftBody,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DECISION_NUMBER_TAKEN');
    const foreign = await t.app.inject({ url: `/api/v1/procedure-decisions/${id}`, headers: await headersOf('hanoi') });
    expect(foreign.statusCode).toBe(404);
    const clerk = await t.app.inject({
      method: 'POST',
      url: '/api/v1/procedure-decisions',
      headers: await headersOf('tiepnhan'),
      payload: { ...draftBody, number: '1235/QĐ-UBND' },
    });
    expect(clerk.statusCode).toBe(403);
  });

  it('refuses to publish a decision listing a new procedure the catalog lacks', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/procedure-decisions',
      headers: await headersOf('qttinh'),
      payload: { ...draftBody, number: '77/QĐ-UBND', items: [{ procedureCode: '9.999999', changeKind: 'new' }] },
    });
    const published = await t.app.inject({
      method: 'POST',
      url: `/api/v1/procedure-decisions/${created.json().id}/publication`,
      headers: await headersOf('qttinh'),
      payload: { version: created.json().version },
    });
    expect(published.statusCode).toBe(422);
    expect(published.json().code).toBe('DECISION_NOT_PUBLISHABLE');
    expect(published.json().detail).toContain('9.999999');
  });

  it('publishes: the notice lists its procedures linked to their pages, the abolished one marked', async () => {
    const published = await t.app.inject({
      method: 'POST',
      url: `/api/v1/procedure-decisions/${id}/publication`,
      headers: await headersOf('qttinh'),
      payload: { version },
    });
    expect(published.statusCode, published.body).toBe(200);
    const notice = await t.app.inject({ url: `/api/v1/public/procedure-decisions/${id}` });
    expect(notice.statusCode).toBe(200);
    expect(notice.headers['cache-control']).toBe('public, max-age=300');
    const body = notice.json();
    expect(body).toMatchObject({ number: '1234/QĐ-UBND', signedOn: '2026-11-02', status: 'published' });
    expect(
      body.items.map((i: { procedureCode: string; changeKind: string; abolished: boolean; pageUrl: string }) => [
        i.procedureCode,
        i.changeKind,
        i.abolished,
        i.pageUrl,
      ]),
    ).toEqual([
      ['1.000656', 'new', false, '/thu-tuc/1.000656?catalog=33'],
      ['1.001193', 'amended', false, '/thu-tuc/1.001193?catalog=33'],
      ['2.000001', 'abolished', true, '/thu-tuc/2.000001?catalog=33'],
    ]);
    expect(body.items[1].versionNo).toBe(1);
    const list = await t.app.inject({ url: '/api/v1/public/procedure-decisions?province=33' });
    expect(list.json().items).toEqual([
      expect.objectContaining({ id, number: '1234/QĐ-UBND', counts: { new: 1, amended: 1, abolished: 1 } }),
    ]);
    const ofProcedure = await t.app.inject({ url: '/api/v1/public/procedures/1.001193/decisions?catalog=33' });
    expect(ofProcedure.json().items).toEqual([
      expect.objectContaining({ id, number: '1234/QĐ-UBND', changeKind: 'amended' }),
    ]);
    const again = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/procedure-decisions/${id}`,
      headers: await headersOf('qttinh'),
      payload: { ...draftBody, version: published.json().version },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DECISION_NOT_DRAFT');
  });

  it('lists the forms of a procedure: a file with its type, a name without a file unlinked', async () => {
    const forms = await t.app.inject({ url: '/api/v1/public/procedures/1.001193/forms?catalog=33' });
    expect(forms.statusCode).toBe(200);
    expect(forms.json().items).toEqual([
      expect.objectContaining({
        componentKey: 'to-khai',
        name: 'Tờ khai đăng ký khai sinh.docx',
        fileType: 'DOCX',
        url: null,
      }),
      expect.objectContaining({
        componentKey: 'giay-chung-sinh',
        fileType: 'PDF',
        url: '/api/v1/public/procedures/1.001193/templates/giay-chung-sinh?catalog=33',
      }),
    ]);
  });

  it('drafts from a catalog import run: created rows as new, updated as amended', async () => {
    const importRow = await t.database.db
      .insertInto('catalogImport')
      .values({ id: crypto.randomUUID(), catalog: '33', fileName: 'danh-muc.xlsx', status: 'running', totals: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('catalogImportRow')
      .values([
        {
          importId: importRow.id,
          rowNo: 1,
          catalog: '33',
          code: '1.000656',
          name: 'Đăng ký kết hôn',
          outcome: 'created',
          normalizerStatus: 'ok',
          versionNo: 1,
          issues: '[]',
        },
        {
          importId: importRow.id,
          rowNo: 2,
          catalog: '33',
          code: '1.001193',
          name: 'Đăng ký khai sinh',
          outcome: 'updated',
          normalizerStatus: 'ok',
          versionNo: 1,
          issues: '[]',
        },
        {
          importId: importRow.id,
          rowNo: 3,
          catalog: '33',
          code: '1.000001',
          name: 'Không đổi',
          outcome: 'unchanged',
          normalizerStatus: 'ok',
          versionNo: 1,
          issues: '[]',
        },
      ])
      .execute();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/procedure-decisions',
      headers: await headersOf('qttinh'),
      payload: { ...draftBody, number: '88/QĐ-UBND', items: undefined, importId: importRow.id },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(
      created.json().items.map((i: { procedureCode: string; changeKind: string }) => [i.procedureCode, i.changeKind]),
    ).toEqual([
      ['1.000656', 'new'],
      ['1.001193', 'amended'],
    ]);
    const drafts = await t.app.inject({
      url: '/api/v1/procedure-decisions?province=33&status=draft',
      headers: await headersOf('qttinh'),
    });
    expect(drafts.json().items.map((d: { number: string }) => d.number)).toContain('88/QĐ-UBND');
  });
});

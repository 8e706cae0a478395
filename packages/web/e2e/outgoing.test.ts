import { buffer } from 'node:stream/consumers';
import { insertUser, insertUserRole } from '@motcua/db';
import { hashPassword } from '@motcua/server/auth/passwords';
import type { AppContext } from '@motcua/server/context';
import { renderDemoDraftPdf } from '@motcua/server/seed/demo-eoffice-outgoing';
import { seedWorld, TEST_PASSWORD } from '@motcua/server/testing/fixtures';
import type { TestApp } from '@motcua/server/testing/test-app';
import { loadOfficial } from '@motcua/server/usecases/auth/resolve-actor';
import {
  createOutgoingDraft,
  decideOutgoingReview,
  editOutgoingDraft,
  submitOutgoing,
  uploadOutgoingVersion,
} from '@motcua/server/usecases/eoffice/outgoing/drafting';
import { issueTestCredentialUnchecked } from '@motcua/server/usecases/signing/credentials';
import { describe, expect, it } from 'vitest';
import { onPostgresPass, shoot, signInOfficial, useBrowserSuite } from './harness';

/*
 * Văn bản đi (Decree 30/2020): the unit head approves stage 1 of a draft on a phone; the director signs
 * an approved decision at his desk and the system numbers it "01/QĐ-STP".
 */
const PEOPLE = [
  { username: 'giamdoc', fullName: 'Trần Văn Giám Đốc', role: 'agency_head' },
  { username: 'truongphong', fullName: 'Lê Thị Trưởng Phòng', role: 'unit_head' },
  { username: 'soanthao', fullName: 'Hoàng Thị Soạn Thảo', role: 'specialist' },
] as const;

const suite = useBrowserSuite('outgoing', {
  seed: async (server) => {
    const ctx = server.app.motcua as AppContext;
    const world = await seedWorld({ database: ctx.database } as unknown as TestApp);
    const justice = world.agencies.justice?.id ?? '';
    await ctx.db.updateTable('agency').set({ documentAbbreviation: 'STP' }).where('id', '=', justice).execute();
    const ids: Record<string, string> = {};
    const hash = await hashPassword(TEST_PASSWORD);
    for (const person of PEOPLE) {
      const user = await insertUser(ctx.db, {
        username: person.username,
        fullName: person.fullName,
        title: null,
        email: null,
        phone: null,
        passwordHash: hash,
        provinceCode: '33',
        now: new Date(),
      });
      ids[person.username] = user?.id ?? '';
      await insertUserRole(ctx.db, {
        userId: user?.id ?? '',
        agencyId: justice,
        role: person.role,
        includeSubagencies: true,
        grantedBy: null,
      });
    }
    await issueTestCredentialUnchecked(
      ctx,
      { ownerKind: 'official', agencyId: justice, userId: ids.giamdoc ?? '' },
      null,
    );
    const actor = async (username: string) => {
      const loaded = await loadOfficial(ctx, ids[username] ?? '', 'session');
      if (!loaded) {
        throw new Error(username);
      }
      return loaded;
    };
    for (const [subject, approveAll] of [
      ['Về việc ban hành Quy chế công tác văn thư, lưu trữ', true],
      ['Về việc kiện toàn Hội đồng thi đua, khen thưởng', false],
    ] as const) {
      let row = await createOutgoingDraft(ctx, await actor('soanthao'), {
        agencyId: justice,
        documentType: 'QĐ',
        isNormative: false,
        subject,
        urgency: 'normal',
        confidentiality: 'normal',
        signMode: 'direct',
        signerUserId: ids.giamdoc ?? null,
      });
      row = await uploadOutgoingVersion(ctx, await actor('soanthao'), {
        id: row.id,
        expectedVersion: row.version,
        content: await renderDemoDraftPdf({ type: 'QĐ', subject, body: ['Căn cứ Nghị định số 30/2020/NĐ-CP;'] }),
        fileName: 'du-thao.pdf',
      });
      row = await editOutgoingDraft(ctx, await actor('soanthao'), {
        id: row.id,
        expectedVersion: row.version,
        chain: [
          { stage: 1, reviewerUserId: ids.truongphong ?? '', kind: 'review' },
          { stage: 2, reviewerUserId: ids.giamdoc ?? '', kind: 'approve' },
        ],
        recipients: [{ agencyId: world.agencies.construction?.id ?? '' }, { name: 'Lưu: VT', paper: true }],
      });
      row = await submitOutgoing(ctx, await actor('soanthao'), { id: row.id, expectedVersion: row.version });
      if (approveAll) {
        row = await decideOutgoingReview(ctx, await actor('truongphong'), {
          id: row.id,
          expectedVersion: row.version,
          decision: 'approved',
        });
        await decideOutgoingReview(ctx, await actor('giamdoc'), {
          id: row.id,
          expectedVersion: row.version,
          decision: 'approved',
        });
      }
    }
  },
});

describe.skipIf(onPostgresPass)('outgoing documents', () => {
  it('are approved on a phone and signed and numbered at the desk', async () => {
    const phone = await signInOfficial(await suite.openPage({ width: 390, height: 844 }), 'truongphong');
    await phone.goto('/can-bo/van-ban-di?xem=my_review');
    await phone.getByRole('link', { name: /kiện toàn Hội đồng/ }).click();
    await phone.getByRole('button', { name: 'Đồng ý' }).waitFor();
    await shoot(phone, 'outgoing-review-390');
    await phone.getByRole('button', { name: 'Đồng ý' }).click();
    // Stage 2 waits before and after: the state to wait on is stage 1's decision.
    await phone.getByTestId('step-line').filter({ hasText: 'Bước 1' }).filter({ hasText: 'Đồng ý' }).waitFor();
    await phone.getByTestId('step-line').filter({ hasText: 'Bước 2' }).filter({ hasText: 'Chờ duyệt' }).waitFor();
    expect(await phone.getByTestId('step-line').first().textContent()).toContain('Đồng ý');
    expect(await phone.getByRole('button', { name: 'Đồng ý' }).count()).toBe(0);

    const desk = await signInOfficial(await suite.openPage({ width: 1280, height: 800 }), 'giamdoc');
    await desk.goto('/can-bo/van-ban-di?xem=waiting_signature');
    await desk.getByTestId('outgoing-line').first().waitFor();
    await shoot(desk, 'outgoing-list-1280');
    await desk.getByRole('link', { name: /Quy chế công tác văn thư/ }).click();
    // The sign step shows page 1 of the approved PDF, rendered by the server, with the three boxes.
    const pageView = desk.locator('[data-testid="sign-page"][data-state="shown"]');
    await pageView.waitFor();
    await shoot(desk, 'outgoing-sign-1280');
    const field = (name: string) => desk.getByRole('spinbutton', { name, exact: true });
    const fieldValue = async (name: string) => Number(await field(name).inputValue());
    expect(await fieldValue('Chữ ký: x')).toBe(326);
    // Drag the signature block 60 px right and 80 px up with the mouse.
    // Hovering scrolls the box into view: the mouse works in the viewport's coordinates.
    await desk.getByTestId('sign-box-signature').hover();
    const box = await desk.getByTestId('sign-box-signature').boundingBox();
    const pageBox = await pageView.boundingBox();
    if (!box || !pageBox) {
      throw new Error('the sign boxes are not shown');
    }
    const perPoint = pageBox.width / 595.28;
    await desk.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await desk.mouse.down();
    await desk.mouse.move(box.x + box.width / 2 + 30, box.y + box.height / 2 - 40, { steps: 4 });
    await desk.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 - 80, { steps: 4 });
    await desk.mouse.up();
    await expect.poll(() => fieldValue('Chữ ký: y')).not.toBe(170);
    const signature = { x: await fieldValue('Chữ ký: x'), y: await fieldValue('Chữ ký: y') };
    expect(Math.abs(signature.x - (326 + 60 / perPoint))).toBeLessThan(2);
    expect(Math.abs(signature.y - (170 + 80 / perPoint))).toBeLessThan(2);

    // On a 390 px phone a tap places the chosen box: the number, its centre where the page is touched.
    await desk.setViewportSize({ width: 390, height: 844 });
    await desk.getByText('Số văn bản', { exact: true }).click();
    const small = await pageView.boundingBox();
    if (!small) {
      throw new Error('the page is not shown at 390 px');
    }
    expect(small.width).toBeLessThan(390);
    const tapAt = { x: 200, y: 700 };
    const perPointSmall = small.width / 595.28;
    await pageView.click({ position: { x: tapAt.x * perPointSmall, y: (841.89 - tapAt.y) * perPointSmall } });
    await expect.poll(() => fieldValue('"Số:" (tâm x, y): x')).not.toBe(170);
    const number = { x: await fieldValue('"Số:" (tâm x, y): x'), y: await fieldValue('"Số:" (tâm x, y): y') };
    expect(Math.abs(number.x - tapAt.x)).toBeLessThan(2);
    // The box's middle is where the tap was: the baseline is 5.5 points below it.
    expect(Math.abs(number.y - (tapAt.y - 5.5))).toBeLessThan(2);
    await shoot(desk, 'outgoing-sign-390');
    await desk.getByRole('button', { name: 'Ký số và lấy số' }).click();
    await desk.getByRole('heading', { level: 1, name: /01\/QĐ-STP/ }).waitFor();

    // The placement chosen is the one used and recorded: the sign event, the signature's widget, the number.
    const ctx = suite.server.app.motcua as AppContext;
    const signed = await ctx.db
      .selectFrom('outgoingDocument')
      .select(['id', 'signedFileSha256'])
      .where('numberSymbol', '=', '01/QĐ-STP')
      .executeTakeFirstOrThrow();
    const event = await ctx.db
      .selectFrom('documentEvent')
      .select('payload')
      .where('documentId', '=', signed.id)
      .where('action', '=', 'sign')
      .executeTakeFirstOrThrow();
    expect(event.payload).toMatchObject({
      placement: { page: 1, ...signature, width: 170, height: 70 },
      numberPlacement: { page: 1, ...number, align: 'center' },
    });
    const stream = await ctx.storage.open(signed.signedFileSha256 ?? '');
    if (!stream) {
      throw new Error('the signed file is not stored');
    }
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await getDocument({ data: new Uint8Array(await buffer(stream)), isEvalSupported: false }).promise;
    const page = await pdf.getPage(1);
    const widget = (await page.getAnnotations()).find((annotation) => annotation.subtype === 'Widget');
    expect(widget?.rect.map(Math.round)).toEqual([signature.x, signature.y, signature.x + 170, signature.y + 70]);
    const text = (await page.getTextContent()).items.find(
      (item) => 'str' in item && item.str.normalize('NFC').startsWith('Số: 01/QĐ-STP'),
    );
    if (!text || !('str' in text)) {
      throw new Error('the number is not on page 1');
    }
    expect(Math.abs(text.transform[4] + text.width / 2 - number.x)).toBeLessThan(1);
    expect(Math.round(text.transform[5])).toBe(number.y);
    await pdf.destroy();
    await desk.setViewportSize({ width: 1280, height: 800 });
    await shoot(desk, 'outgoing-signed-1280');
    await desk.goto('/can-bo/van-ban-di?xem=delegations');
    await desk.getByRole('heading', { name: 'Ủy quyền mới' }).waitFor();
    await shoot(desk, 'outgoing-delegations-1280');
  });
});

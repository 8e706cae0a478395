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
    await phone.getByTestId('step-line').filter({ hasText: 'Bước 2' }).filter({ hasText: 'Chờ duyệt' }).waitFor();
    expect(await phone.getByTestId('step-line').first().textContent()).toContain('Đồng ý');
    expect(await phone.getByRole('button', { name: 'Đồng ý' }).count()).toBe(0);

    const desk = await signInOfficial(await suite.openPage({ width: 1280, height: 800 }), 'giamdoc');
    await desk.goto('/can-bo/van-ban-di?xem=waiting_signature');
    await desk.getByTestId('outgoing-line').first().waitFor();
    await shoot(desk, 'outgoing-list-1280');
    await desk.getByRole('link', { name: /Quy chế công tác văn thư/ }).click();
    await desk.getByRole('button', { name: 'Ký số và lấy số' }).waitFor();
    await shoot(desk, 'outgoing-sign-1280');
    await desk.getByRole('button', { name: 'Ký số và lấy số' }).click();
    await desk.getByRole('heading', { level: 1, name: /01\/QĐ-STP/ }).waitFor();
    await shoot(desk, 'outgoing-signed-1280');
    await desk.goto('/can-bo/van-ban-di?xem=delegations');
    await desk.getByRole('heading', { name: 'Ủy quyền mới' }).waitFor();
    await shoot(desk, 'outgoing-delegations-1280');
  }, 60_000);
});

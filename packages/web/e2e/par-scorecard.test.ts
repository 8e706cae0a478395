import { insertUser, insertUserRole } from '@motcua/db';
import { hashPassword } from '@motcua/server/auth/passwords';
import { seedWorld } from '@motcua/server/testing/fixtures';
import type { TestApp } from '@motcua/server/testing/test-app';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { asOfficial, onPostgresPass, shoot, signInOfficial, TEST_PASSWORD, useBrowserSuite } from './harness';

/*
 * A unit's PAR scorecard through a round, as the people do it in the console, each waiting on the state the
 * previous one left: the focal officer scores and sends → the head approves and locks → the appraiser
 * appraises → the unit explains → the appraiser appraises again. The organiser advances the round's stages
 * from the round page.
 */
let justice = '';
let construction = '';
let constructionCode = '';
let roundId = '';
const suite = useBrowserSuite('par-scorecard', {
  seed: async (server) => {
    const world = await seedWorld({ database: server.app.motcua.database } as unknown as TestApp);
    justice = world.agencies.justice?.id ?? '';
    construction = world.agencies.construction?.id ?? '';
    constructionCode = world.agencies.construction?.code ?? '';
    const db = server.app.motcua.db;
    const appraiser = await insertUser(db, {
      username: 'thamdinh',
      fullName: 'Phan Văn Thẩm Định',
      title: null,
      email: null,
      phone: null,
      passwordHash: await hashPassword(TEST_PASSWORD),
      provinceCode: '33',
      now: new Date(),
    });
    await insertUserRole(db, {
      userId: appraiser?.id ?? '',
      agencyId: world.agencies.province?.id ?? '',
      role: 'par_appraiser',
      includeSubagencies: false,
      grantedBy: null,
    });
    const organiser = await asOfficial(server, 'sonoivu');
    let set = await organiser.call<{ id: string; rowVersion: number }>('POST', '/api/v1/par/criteria-sets', {
      year: 2026,
      unitGroup: 'department',
      title: 'Bộ tiêu chí xác định Chỉ số CCHC các sở năm 2026',
    });
    const fields = (title: string, maxPoints: number) => ({
      title,
      maxPoints,
      scoringRule: null,
      evidenceRequired: null,
      surveyScored: false,
      systemMeasure: null,
      notApplicableTo: [],
    });
    for (const edit of [
      { kind: 'add', parentCode: null, fields: fields('Công tác chỉ đạo, điều hành cải cách hành chính', 0) },
      { kind: 'add', parentCode: '1', fields: fields('Ban hành kế hoạch CCHC năm đúng thời hạn', 6000) },
      { kind: 'add', parentCode: '1', fields: fields('Báo cáo CCHC định kỳ đầy đủ, đúng hạn', 4000) },
    ]) {
      set = await organiser.call('POST', `/api/v1/par/criteria-sets/${set.id}/criteria`, {
        expectedVersion: set.rowVersion,
        edit,
      });
    }
    set = await organiser.call('PATCH', `/api/v1/par/criteria-sets/${set.id}`, {
      expectedVersion: set.rowVersion,
      bonusCap: 300,
      penaltyCap: 500,
    });
    await organiser.call('POST', `/api/v1/par/criteria-sets/${set.id}/publish`, {
      expectedVersion: set.rowVersion,
      decisionNumber: '20/QĐ-UBND',
      decisionDate: '2026-01-20',
    });
    const round = await organiser.call<{ id: string; version: number }>('POST', '/api/v1/par/rounds', {
      provinceCode: '33',
      year: 2026,
      title: 'Xác định Chỉ số CCHC năm 2026',
    });
    roundId = round.id;
    await organiser.call('POST', `/api/v1/par/rounds/${roundId}/appraisers`, {
      agencyId: justice,
      userId: appraiser?.id,
    });
    await organiser.call('POST', `/api/v1/par/rounds/${roundId}/advance`, {
      expectedVersion: round.version,
      action: 'open',
    });
  },
});

const unitStatus = (page: Page) => page.getByTestId('par-unit-status');

/** The organiser moves the round on from the round page, waiting for the new stage. */
const advance = async (page: Page, action: string, stage: string) => {
  await page.goto('/can-bo/chi-so-cchc/dot-danh-gia');
  await page.getByTestId(`par-advance-${action}`).click();
  await page.getByTestId('par-round-stage').filter({ hasText: stage }).waitFor();
};

/** Construction (no scorer in this world) is moved by the organiser through the API. */
const moveConstruction = async (action: string, scores: { field: string; points: number }[] = []) => {
  const organiser = await asOfficial(suite.server, 'sonoivu');
  for (const { field, points } of scores) {
    const card = await organiser.call<{ nodes: { code: string; score: { version: number } | null }[] }>(
      'GET',
      `/api/v1/par/rounds/${roundId}/units/${construction}/scorecard`,
    );
    for (const code of ['1.1', '1.2']) {
      await organiser.call('PUT', `/api/v1/par/rounds/${roundId}/units/${construction}/scores/${code}`, {
        field,
        points,
        expectedVersion: card.nodes.find((n) => n.code === code)?.score?.version ?? null,
      });
    }
  }
  const card = await organiser.call<{ unit: { version: number } }>(
    'GET',
    `/api/v1/par/rounds/${roundId}/units/${construction}/scorecard`,
  );
  await organiser.call('POST', `/api/v1/par/rounds/${roundId}/units/${construction}/actions`, {
    action,
    expectedVersion: card.unit.version,
    reason: 'Quá hạn tự đánh giá',
  });
};

const scoreLeaf = async (page: Page, code: string, points: string, note: string) => {
  const leaf = page.getByTestId(`par-leaf-${code}`);
  const input = leaf.locator(`input[data-testid="par-points-${code}"], [data-testid="par-points-${code}"] input`);
  if (points) {
    await input.fill(points);
  }
  await leaf.getByTestId(`par-note-${code}`).fill(note);
  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().includes(`/scores/${code}`) && r.status() === 200,
  );
  await leaf.getByTestId(`par-save-${code}`).click();
  await saved;
};

describe.skipIf(onPostgresPass)('the PAR scorecard in the console', () => {
  it('walks self-assessment → lock → appraisal 1 → explanation → appraisal 2', async () => {
    const scorecard = `/can-bo/chi-so-cchc/dot-danh-gia/${roundId}/${justice}`;

    // The focal officer scores both leaves with notes and sends the self-assessment to the head.
    const focal = await signInOfficial(await suite.openPage({ width: 390, height: 844 }), 'daumoicchc');
    await focal.goto('/can-bo/chi-so-cchc/dot-danh-gia');
    await focal.getByText('Xác định Chỉ số CCHC năm 2026').waitFor();
    await focal.goto(scorecard);
    await unitStatus(focal).filter({ hasText: 'Đang tự đánh giá' }).waitFor();
    await scoreLeaf(focal, '1.1', '55', 'Kế hoạch số 12/KH-STP ngày 28/12/2025');
    await scoreLeaf(focal, '1.2', '40', 'Đủ 4 báo cáo quý');
    await expect.poll(() => focal.getByTestId('par-total-self').innerText()).toContain('95,00');
    // Bonus points within the set's cap: over the cap the API's refusal is shown, within it they are kept.
    const bonus = focal.getByTestId('par-adjustment-bonus');
    await expect.poll(() => bonus.getByTestId('par-adjustment-cap-bonus').innerText()).toContain('3,00');
    await bonus.locator('input').first().fill('5');
    await bonus.getByTestId('par-adjustment-save-bonus').click();
    await expect
      .poll(() => bonus.getByTestId('par-adjustment-error-bonus').innerText())
      .toContain('Điểm phải từ 0 đến 3,00');
    await bonus.locator('input').first().fill('2');
    await bonus.getByTestId('par-adjustment-note-bonus').fill('Sáng kiến CCHC được công nhận');
    await bonus.getByTestId('par-adjustment-save-bonus').click();
    await expect.poll(() => bonus.getByTestId('par-adjustment-self-bonus').innerText()).toBe('2,00');
    // The history, newest first: the bonus just given, by the focal officer.
    const history = focal.getByTestId('par-history');
    await expect
      .poll(() => history.locator('[data-testid^="par-history-"]').first().innerText())
      .toMatch(/Mai Thị Đầu Mối[\s\S]*Điểm thưởng[\s\S]*2,00[\s\S]*Sáng kiến CCHC được công nhận/);
    await shoot(focal, 'par-scorecard-adjustments-phone');
    await shoot(focal, 'par-scorecard-self-phone');
    await focal.getByTestId('par-action-submit_self').click();
    await unitStatus(focal).filter({ hasText: 'Chờ Thủ trưởng phê duyệt' }).waitFor();

    // The head approves and locks it.
    const head = await signInOfficial(await suite.openPage(), 'lanhdao');
    await head.goto(scorecard);
    await unitStatus(head).filter({ hasText: 'Chờ Thủ trưởng phê duyệt' }).waitFor();
    await head.getByTestId('par-action-approve_self').click();
    await unitStatus(head).filter({ hasText: 'Đã khóa tự đánh giá' }).waitFor();

    // The organiser locks the late unit and starts the first appraisal.
    await moveConstruction('lock_late');
    const organiser = await signInOfficial(await suite.openPage(), 'sonoivu');
    await advance(organiser, 'start_appraisal_1', 'Thẩm định lần 1');
    // The organiser assigns an appraiser to construction by picking a name, not pasting an id.
    const unit = organiser.getByTestId(`par-unit-${constructionCode}`);
    await unit.getByTestId(`par-appraiser-pick-${constructionCode}`).click();
    await unit.getByTestId(`par-appraiser-pick-${constructionCode}`).locator('input').fill('tham dinh');
    await organiser.locator('.ant-select-item-option', { hasText: 'Phan Văn Thẩm Định' }).click();
    await unit.getByTestId(`par-appraiser-assign-${constructionCode}`).click();
    await unit.getByTestId(`par-appraiser-${constructionCode}`).filter({ hasText: 'Phan Văn Thẩm Định' }).waitFor();
    await shoot(organiser, 'par-rounds-organiser');

    // The appraiser scores beside the self-assessment and completes the first appraisal.
    const appraiser = await signInOfficial(await suite.openPage(), 'thamdinh');
    await appraiser.goto(scorecard);
    await unitStatus(appraiser).filter({ hasText: 'Đã khóa tự đánh giá' }).waitFor();
    await expect.poll(() => appraiser.getByTestId('par-self-1.1').innerText()).toBe('55,00');
    await scoreLeaf(appraiser, '1.1', '45', 'Kế hoạch ban hành sau ngày 15/12');
    await scoreLeaf(appraiser, '1.2', '40', '');
    await shoot(appraiser, 'par-scorecard-appraisal');
    await appraiser.getByTestId('par-action-complete_appraisal_1').click();
    await unitStatus(appraiser).filter({ hasText: 'Đã thẩm định lần 1' }).waitFor();
    await moveConstruction('complete_appraisal_1', [{ field: 'appraisal_1', points: 1000 }]);
    await advance(organiser, 'start_explanation', 'Giải trình');

    // The unit explains, then sends the explanation.
    await focal.goto(scorecard);
    await unitStatus(focal).filter({ hasText: 'Đã thẩm định lần 1' }).waitFor();
    await scoreLeaf(focal, '1.1', '', 'Kế hoạch ban hành ngày 10/12/2025, kèm văn bản');
    await focal.getByTestId('par-action-submit_explanation').click();
    await unitStatus(focal).filter({ hasText: 'Đã giải trình' }).waitFor();
    await advance(organiser, 'start_appraisal_2', 'Thẩm định lần 2');

    // The second appraisal accepts the explanation.
    await appraiser.goto(scorecard);
    await unitStatus(appraiser).filter({ hasText: 'Đã giải trình' }).waitFor();
    await scoreLeaf(appraiser, '1.1', '60', 'Chấp nhận giải trình');
    await appraiser.getByTestId('par-action-complete_appraisal_2').click();
    await unitStatus(appraiser).filter({ hasText: 'Đã thẩm định lần 2' }).waitFor();
    await shoot(appraiser, 'par-scorecard-appraisal-2');
  });
});

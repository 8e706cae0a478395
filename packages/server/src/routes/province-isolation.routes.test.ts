import { createHash } from 'node:crypto';
import { insertDossierDocument } from '@motcua/db';
import { linkDossiersToCitizenForTest, setOutgoingSignedFileForTest } from '@motcua/db/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveTrackingPin, getInstallationSecret } from '../auth/installation-secret.js';
import { DEFAULT_DEMO_PASSWORD, seedDemo } from '../seed/demo.js';
import { HA_NOI_HOST, HUNG_YEN_HOST, seedTwoProvinceSites } from '../testing/province-sites.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { DEMO_CITIZEN } from '../usecases/portal/account/demo-citizen.js';
import { multipartFile, samplePdf, signInCitizen } from '../usecases/portal/test-support.js';
import { invitationTokenOf } from '../usecases/sipas/sipas-access.js';

/**
 * Issue 22 item 4: on a province's portal (its host name) the public lookups by code, token, id or hash find that
 * province's records only; another province's record answers exactly like one that does not exist. The demo
 * province is Hưng Yên (33, the default site); Hà Nội (01) is served on hanoi.localhost.
 */
let t: TestApp;

const hungYen = { host: HUNG_YEN_HOST };
const haNoi = { host: HA_NOI_HOST };

/** A problem without what names the request itself (its path and id). */
const problemOf = (response: LightMyRequestResponse) => {
  const { instance: _instance, requestId: _requestId, ...rest } = response.json() as Record<string, unknown>;
  return rest;
};

/** The Hà Nội portal answers a Hưng Yên record exactly as a missing one. */
const expectSameAsMissing = (other: LightMyRequestResponse, missing: LightMyRequestResponse) => {
  expect(other.statusCode, other.body).toBe(missing.statusCode);
  expect(problemOf(other)).toEqual(problemOf(missing));
};

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-11-23T09:00:00+07:00') });
  await seedDemo(t.ctx, { historyDossiers: 0 });
  await seedTwoProvinceSites(t);
}, 600_000);

afterAll(async () => {
  await t?.close();
});

describe('public lookups on a province’s portal', () => {
  it('tracks a dossier of the province only; another province’s code answers like an unknown one', async () => {
    const dossier = await t.database.db
      .selectFrom('dossier')
      .select(['code', 'provinceCode'])
      .where('provinceCode', '=', '33')
      .orderBy('createdAt', 'desc')
      .executeTakeFirstOrThrow();
    const pin = deriveTrackingPin(await getInstallationSecret(t.ctx), dossier.code);
    const url = (code: string) => `/api/v1/public/dossiers/${code}?factor=${pin}`;
    const own = await t.app.inject({ url: url(dossier.code), headers: hungYen });
    expect(own.statusCode, own.body).toBe(200);
    const missingCode = `${dossier.code.slice(0, -4)}9999`;
    const missing = await t.app.inject({ url: url(missingCode), headers: haNoi });
    expect(missing.statusCode).toBe(404);
    expectSameAsMissing(await t.app.inject({ url: url(dossier.code), headers: haNoi }), missing);
  });

  it('verifies a result document of the province only (API and the QR page)', async () => {
    const dossier = await t.database.db
      .selectFrom('dossier')
      .select('id')
      .where('provinceCode', '=', '33')
      .where('status', 'in', ['completed', 'returned'])
      .executeTakeFirstOrThrow();
    const document = await t.database.db.transaction().execute((trx) =>
      insertDossierDocument(trx, {
        dossierId: dossier.id,
        kind: 'result',
        componentKey: null,
        name: 'Giấy khai sinh',
        documentNo: '15/2026',
        fileSha256: 'c'.repeat(64),
        mediaType: 'application/pdf',
        sizeBytes: 1000,
        uploadedBy: null,
      }),
    );
    const sha = document.fileSha256 as string;
    expect((await t.app.inject({ url: `/api/v1/public/documents/${sha}`, headers: hungYen })).statusCode).toBe(200);
    const missing = await t.app.inject({ url: `/api/v1/public/documents/${'a'.repeat(64)}`, headers: haNoi });
    expect(missing.statusCode).toBe(404);
    expectSameAsMissing(await t.app.inject({ url: `/api/v1/public/documents/${sha}`, headers: haNoi }), missing);
    expectSameAsMissing(
      await t.app.inject({ url: `/api/v1/public/documents/${document.id}`, headers: haNoi }),
      missing,
    );

    const ownPage = await t.app.inject({ url: `/v/${document.id}`, headers: hungYen });
    expect(ownPage.statusCode).toBe(200);
    const missingPage = await t.app.inject({ url: `/v/${'a'.repeat(64)}`, headers: haNoi });
    const otherPage = await t.app.inject({ url: `/v/${document.id}`, headers: haNoi });
    expect(otherPage.statusCode).toBe(404);
    expect(otherPage.body).toBe(missingPage.body);
  });

  it('verifies an issued official document by its token of the province only', async () => {
    const outgoing = await t.database.db
      .selectFrom('outgoingDocument')
      .select(['verificationToken', 'signedFileSha256'])
      .where('status', '=', 'issued')
      .where('confidentiality', '=', 'normal')
      .where('verificationToken', 'is not', null)
      .executeTakeFirstOrThrow();
    const url = (token: string) => `/api/v1/public/documents/verify/${token}`;
    expect((await t.app.inject({ url: url(outgoing.verificationToken as string), headers: hungYen })).statusCode).toBe(
      200,
    );
    const missing = await t.app.inject({ url: url('khong-co-van-ban-nay-0000'), headers: haNoi });
    expect(missing.statusCode).toBe(404);
    expectSameAsMissing(
      await t.app.inject({ url: url(outgoing.verificationToken as string), headers: haNoi }),
      missing,
    );
  });

  it('does not say an uploaded PDF is known when another province issued it', async () => {
    const outgoing = await t.database.db
      .selectFrom('outgoingDocument')
      .select('id')
      .where('status', '=', 'issued')
      .where('confidentiality', '=', 'normal')
      .where('provinceCode', '=', '33')
      .executeTakeFirstOrThrow();
    const bytes = samplePdf('van-ban-da-ban-hanh-cua-hung-yen');
    await setOutgoingSignedFileForTest(t.database.db, {
      id: outgoing.id,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    const upload = async (host: string) => {
      const body = multipartFile(bytes, 'van-ban.pdf', 'application/pdf');
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/public/documents/verify',
        headers: { ...body.headers, host },
        payload: body.payload,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json().knownAs;
    };
    expect(await upload(HUNG_YEN_HOST)).toMatchObject({ kind: 'outgoing' });
    expect(await upload(HA_NOI_HOST)).toBeNull();
  });

  it('answers a PAKN, its published answer and its rating on its province’s portal only', async () => {
    const pakn = await t.database.db
      .selectFrom('paknFeedback')
      .select(['code', 'senderPhone', 'rating'])
      .where('status', '=', 'published')
      .where('provinceCode', '=', '33')
      .executeTakeFirstOrThrow();
    const missingCode = 'PAKN.20261123.9999';

    expect((await t.app.inject({ url: `/api/v1/public/pakn/${pakn.code}`, headers: hungYen })).statusCode).toBe(200);
    const missing = await t.app.inject({ url: `/api/v1/public/pakn/${missingCode}`, headers: haNoi });
    expect(missing.statusCode).toBe(404);
    expectSameAsMissing(await t.app.inject({ url: `/api/v1/public/pakn/${pakn.code}`, headers: haNoi }), missing);

    const answer = (code: string, host: string) =>
      t.app.inject({ url: `/api/v1/public/pakn-answers/${code}`, headers: { host } });
    expect((await answer(pakn.code, HUNG_YEN_HOST)).statusCode).toBe(200);
    const missingAnswer = await answer(missingCode, HA_NOI_HOST);
    expect(missingAnswer.statusCode).toBe(404);
    expectSameAsMissing(await answer(pakn.code, HA_NOI_HOST), missingAnswer);

    const phoneLast4 = pakn.senderPhone.replace(/\D/g, '').slice(-4);
    const rate = (code: string, host: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/public/pakn/${code}/rating`,
        headers: { host },
        payload: { phoneLast4, rating: 'satisfied' },
      });
    const missingRating = await rate(missingCode, HA_NOI_HOST);
    expect(missingRating.statusCode).toBe(404);
    expectSameAsMissing(await rate(pakn.code, HA_NOI_HOST), missingRating);
    // On its own portal the sender is recognised (rated now, or already rated by the demo).
    expect([200, 409]).toContain((await rate(pakn.code, HUNG_YEN_HOST)).statusCode);
  });

  it('addresses a feedback to the portal’s province unless it names one', async () => {
    const submission = {
      kind: 'kien_nghi',
      topic: 'regulation',
      regulation: 'Thủ tục đăng ký khai sinh',
      content: 'Đề nghị rút ngắn thời gian giải quyết thủ tục đăng ký khai sinh trên cổng của thành phố.',
      sender: { name: 'Trần Thị Bình', address: 'Số 5 phố Huế, Hà Nội', phone: '0912345678' },
    };
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/pakn',
      headers: haNoi,
      payload: submission,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const { code } = sent.json() as { code: string };
    const tracked = await t.app.inject({ url: `/api/v1/public/pakn/${code}`, headers: haNoi });
    expect(tracked.json().provinceCode).toBe('01');
    expect((await t.app.inject({ url: `/api/v1/public/pakn/${code}`, headers: hungYen })).statusCode).toBe(404);
  });

  it('shows a published procedure decision of the province only', async () => {
    const decision = await t.database.db
      .selectFrom('procedureDecision')
      .select('id')
      .where('status', '=', 'published')
      .where('provinceCode', '=', '33')
      .executeTakeFirstOrThrow();
    const url = (id: string) => `/api/v1/public/procedure-decisions/${id}`;
    expect((await t.app.inject({ url: url(decision.id), headers: hungYen })).statusCode).toBe(200);
    const missing = await t.app.inject({ url: url('00000000-0000-4000-8000-000000000000'), headers: haNoi });
    expect(missing.statusCode).toBe(404);
    expectSameAsMissing(await t.app.inject({ url: url(decision.id), headers: haNoi }), missing);
  });

  it('serves a public calendar entry’s files on the province’s portal only', async () => {
    const entry = await t.database.db
      .selectFrom('scheduleEntry')
      .select('id')
      .where('status', '=', 'published')
      .where('public', '=', true)
      .where('provinceCode', '=', '33')
      .executeTakeFirstOrThrow();
    const sha = 'b'.repeat(64);
    const url = (id: string) => `/api/v1/public/schedule/${id}/files/${sha}`;
    // Found on its own portal (then the file is what is missing), unknown on the other.
    const own = await t.app.inject({ url: url(entry.id), headers: hungYen });
    expect(own.statusCode).toBe(404);
    const missing = await t.app.inject({ url: url('00000000-0000-4000-8000-000000000000'), headers: haNoi });
    expect(problemOf(own)).not.toEqual(problemOf(missing));
    expectSameAsMissing(await t.app.inject({ url: url(entry.id), headers: haNoi }), missing);
  });

  it('shows a unit’s PAR Index results on its province’s portal only', async () => {
    const result = await t.database.db
      .selectFrom('parResult as r')
      .innerJoin('parRound as p', 'p.id', 'r.roundId')
      .select('r.agencyId')
      .where('p.stage', '=', 'published')
      .where('p.provinceCode', '=', '33')
      .executeTakeFirstOrThrow();
    const url = (id: string) => `/api/v1/public/par/units/${id}`;
    expect((await t.app.inject({ url: url(result.agencyId), headers: hungYen })).statusCode).toBe(200);
    const missing = await t.app.inject({ url: url('00000000-0000-4000-8000-000000000000'), headers: haNoi });
    expect(missing.statusCode).toBe(404);
    expectSameAsMissing(await t.app.inject({ url: url(result.agencyId), headers: haNoi }), missing);
  });

  it('opens and takes a SIPAS invitation on its province’s portal only', async () => {
    // Answered or not: without the province, an answered invitation would say so (409), not 404.
    const invitation = await t.database.db
      .selectFrom('sipasInvitation')
      .select(['campaignId', 'dossierId'])
      .where('provinceCode', '=', '33')
      .executeTakeFirstOrThrow();
    const token = await invitationTokenOf(t.ctx, invitation.campaignId, invitation.dossierId);
    const unknown = 'khong-co-phieu-moi-nay-0000000000';
    const url = (value: string) => `/api/v1/public/sipas/invitations/${value}`;
    expect((await t.app.inject({ url: url(token), headers: hungYen })).statusCode).toBe(200);
    const missing = await t.app.inject({ url: url(unknown), headers: haNoi });
    expect(missing.statusCode).toBe(404);
    expectSameAsMissing(await t.app.inject({ url: url(token), headers: haNoi }), missing);

    const answer = (value: string) =>
      t.app.inject({ method: 'POST', url: `${url(value)}/answers`, headers: haNoi, payload: { answers: {} } });
    expectSameAsMissing(await answer(token), await answer(unknown));
  });
});

describe('the citizen’s pages on a province’s portal', () => {
  it('lists only the province’s dossiers and submits only to its agencies', async () => {
    const citizen = await signInCitizen(t.app, DEMO_CITIZEN.username, DEFAULT_DEMO_PASSWORD);
    const me = (await t.app.inject({ url: '/api/v1/citizen/me', headers: citizen.headers })).json() as { id: string };
    await linkDossiersToCitizenForTest(t.database.db, { citizenId: me.id, provinceCode: '33', limit: 2 });
    const list = async (host: string) =>
      (await t.app.inject({ url: '/api/v1/citizen/dossiers', headers: { ...citizen.headers, host } })).json() as {
        items: unknown[];
      };
    expect((await list(HUNG_YEN_HOST)).items.length).toBeGreaterThan(0);
    expect((await list(HA_NOI_HOST)).items).toEqual([]);

    const start = (host: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/citizen/drafts',
        headers: { ...citizen.headers, host },
        payload: { catalog: '33', procedureCode: '1.001193' },
      });
    const refused = await start(HA_NOI_HOST);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().code).toBe('SUBMISSION_OTHER_PROVINCE');

    // A draft begun on the Hưng Yên portal is not submitted through Hà Nội's.
    const begun = await start(HUNG_YEN_HOST);
    expect(begun.statusCode, begun.body).toBe(201);
    const draft = begun.json() as { id: string; version: number };
    const submit = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/drafts/${draft.id}/submit`,
      headers: { ...citizen.headers, host: HA_NOI_HOST },
      payload: { expectedVersion: draft.version },
    });
    expect(submit.statusCode, submit.body).toBe(422);
    expect(submit.json().code).toBe('SUBMISSION_OTHER_PROVINCE');
  });
});

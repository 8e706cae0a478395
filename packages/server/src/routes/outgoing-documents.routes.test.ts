import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listDocumentEvents } from '@motcua/db';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPdfSignatures } from '../signing/verify-pdf.js';
import { seedOfficials, seedWorld, signIn, signInEach, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { computeDocumentEventHash } from '../usecases/eoffice/document-chain.js';
import { type PdfSigner, setPdfSigner } from '../usecases/eoffice/outgoing/pdf-signer.js';
import { multipartFile } from '../usecases/portal/test-support.js';
import { ensureTestAuthority, issueTestCredentialUnchecked } from '../usecases/signing/credentials.js';

// Monday 07/12/2026, 09:00 in Vietnam.
const clock = fixedClock('2026-12-07T09:00:00+07:00');
let t: TestApp;
let world: World;
const sessions: Record<string, Record<string, string>> = {};
const userIds: Record<string, string> = {};
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * A fast stand-in for signing/sign-pdf.ts in the concurrency test (numbering is what it checks): it appends
 * a PDF comment naming the kind of signature and reports a certificate. The main flow signs for real.
 */
const signedKinds: string[] = [];
const testSigner: PdfSigner = async (_ctx, request) => {
  signedKinds.push(request.kind);
  const pdf = Buffer.concat([
    request.pdf,
    Buffer.from(`\n% signed ${request.kind} ${request.signedAt.toISOString()}\n`),
  ]);
  return {
    pdf,
    certificate: { subject: `CN=${request.kind}`, serial: '01', sha256: 'a'.repeat(64) },
    inputSha256: sha(request.pdf),
    outputSha256: sha(pdf),
  };
};

const makePdf = async (pages = 1) => {
  const doc = await PDFDocument.create();
  for (let index = 0; index < pages; index += 1) {
    doc.addPage([595.28, 841.89]);
  }
  return Buffer.from(await doc.save());
};

const PEOPLE = [
  { username: 'vanthu', fullName: 'Nguyễn Thị Văn Thư', agency: 'justice', role: 'clerk' },
  { username: 'giamdoc', fullName: 'Trần Văn Giám Đốc', agency: 'justice', role: 'agency_head' },
  { username: 'truongphong', fullName: 'Lê Thị Trưởng Phòng', agency: 'justice', role: 'unit_head' },
  { username: 'phophong', fullName: 'Phạm Văn Phó Phòng', agency: 'justice', role: 'unit_head' },
  { username: 'soanthao', fullName: 'Hoàng Thị Soạn Thảo', agency: 'justice', role: 'specialist' },
  { username: 'vanthuxd', fullName: 'Đỗ Thị Văn Thư Xây Dựng', agency: 'construction', role: 'clerk' },
  { username: 'giamdocxd', fullName: 'Vũ Văn Giám Đốc Xây Dựng', agency: 'construction', role: 'agency_head' },
  { username: 'soanthaoxd', fullName: 'Mai Văn Soạn Thảo', agency: 'construction', role: 'specialist' },
  { username: 'truongbophan', fullName: 'Ngô Văn Trưởng Bộ Phận', agency: 'justiceDivision', role: 'unit_head' },
] as const;

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  const officials = PEOPLE.map((person) => ({ ...person, agencyId: world.agencies[person.agency]?.id ?? '' }));
  Object.assign(userIds, await seedOfficials(t, officials, { includeSubagencies: true }));
  await t.database.db
    .updateTable('agency')
    .set({ documentAbbreviation: 'STP' })
    .where('id', '=', world.agencies.justice?.id ?? '')
    .execute();
  await t.database.db
    .updateTable('agency')
    .set({ documentAbbreviation: 'SXD' })
    .where('id', '=', world.agencies.construction?.id ?? '')
    .execute();
  const justice = world.agencies.justice?.id ?? '';
  await issueTestCredentialUnchecked(
    t.ctx,
    { ownerKind: 'official', agencyId: justice, userId: userIds.giamdoc ?? '' },
    null,
  );
  await issueTestCredentialUnchecked(t.ctx, { ownerKind: 'agency', agencyId: justice }, null);
  Object.assign(sessions, await signInEach(t.app, PEOPLE));
});

afterAll(async () => {
  await t?.close();
});

const as = (username: string) => sessions[username] ?? {};
const detail = async (username: string, id: string) => {
  const response = await t.app.inject({ url: `/api/v1/outgoing-documents/${id}`, headers: as(username) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const post = async (username: string, id: string, step: string, body: Record<string, unknown> = {}) => {
  const current = await detail(username, id);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/outgoing-documents/${id}/${step}`,
    headers: as(username),
    payload: { expectedVersion: current.version, ...body },
  });
};
const upload = async (username: string, id: string, content: Buffer, fileName: string) => {
  const current = await detail(username, id);
  const form = multipartFile(content, fileName, 'application/pdf');
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/outgoing-documents/${id}/versions?expectedVersion=${current.version}`,
    headers: { ...as(username), ...form.headers },
    payload: form.payload,
  });
};

const createDraft = async (username: string, agency: string, signer: string, subject: string) => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/outgoing-documents',
    headers: as(username),
    payload: {
      agencyId: world.agencies[agency]?.id,
      documentType: 'QĐ',
      subject,
      signerUserId: userIds[signer],
      signMode: 'direct',
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
};

describe('an outgoing document from draft to issue (Decree 30/2020 Art. 10–19)', () => {
  let id = '';

  it('is drafted by the specialist, with versions kept', async () => {
    id = await createDraft('soanthao', 'justice', 'giamdoc', 'Quyết định ban hành quy chế văn thư, lưu trữ');
    const first = await upload('soanthao', id, await makePdf(), 'du-thao-1.pdf');
    expect(first.statusCode, first.body).toBe(200);
    const wrong = await upload('soanthao', id, Buffer.from('not a document'), 'ghi-chu.txt');
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('OUTGOING_FILE_TYPE');
    const doc = await detail('soanthao', id);
    expect(doc.status).toBe('draft');
    expect(doc.versions).toHaveLength(1);
  });

  it('gets a chain (stage 1 the unit head with a substitute, stage 2 the head approving) and recipients', async () => {
    const current = await detail('soanthao', id);
    const bad = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/outgoing-documents/${id}`,
      headers: as('soanthao'),
      payload: {
        expectedVersion: current.version,
        chain: [{ stage: 1, reviewerUserId: userIds.truongphong, kind: 'review' }],
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('OUTGOING_CHAIN_NO_APPROVE');
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/outgoing-documents/${id}`,
      headers: as('soanthao'),
      payload: {
        expectedVersion: current.version,
        chain: [
          { stage: 1, reviewerUserId: userIds.truongphong, substituteUserId: userIds.phophong, kind: 'review' },
          { stage: 2, reviewerUserId: userIds.giamdoc, kind: 'approve' },
        ],
        recipients: [
          { agencyId: world.agencies.construction?.id },
          { externalCode: 'G01.99.99.H01', name: 'Bộ Tư pháp' },
          { name: 'Lưu: VT, VP', paper: true, purpose: 'archive' },
        ],
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const doc = await detail('soanthao', id);
    expect(doc.recipients.map((recipient: { channel: string }) => recipient.channel)).toEqual([
      'system',
      'package',
      'paper',
    ]);
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/outgoing-documents/${id}`,
      headers: as('soanthao'),
      payload: { expectedVersion: current.version, subject: 'Khác' },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('is submitted; stage 2 waits for stage 1; signing is blocked until approved', async () => {
    const submitted = await post('soanthao', id, 'submit');
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('in_review');
    const early = await post('giamdoc', id, 'review', { decision: 'approved' });
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('OUTGOING_NOT_YOUR_STEP');
    const gate = await post('giamdoc', id, 'sign');
    expect(gate.statusCode).toBe(409);
    expect(gate.json().code).toBe('OUTGOING_NOT_ALLOWED_IN_STATE');
  });

  it('goes back to the drafter on a return, and a resubmission opens round 2', async () => {
    const noComment = await post('truongphong', id, 'review', { decision: 'returned' });
    expect(noComment.statusCode).toBe(422);
    const returned = await post('truongphong', id, 'review', {
      decision: 'returned',
      comment: 'Bổ sung căn cứ Nghị định 30/2020/NĐ-CP.',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().status).toBe('returned');
    const second = await upload('soanthao', id, await makePdf(2), 'du-thao-2.pdf');
    expect(second.statusCode, second.body).toBe(200);
    const resubmitted = await post('soanthao', id, 'submit');
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    const doc = await detail('soanthao', id);
    expect(doc.reviewRound).toBe(2);
    expect(doc.versions).toHaveLength(2);
    expect(doc.steps.filter((step: { reviewRound: number }) => step.reviewRound === 2)).toHaveLength(2);
  });

  it('is approved by the substitute at stage 1, then by the head at stage 2, in order', async () => {
    const bySubstitute = await post('phophong', id, 'review', { decision: 'approved', comment: 'Đồng ý.' });
    expect(bySubstitute.statusCode, bySubstitute.body).toBe(200);
    expect(bySubstitute.json().status).toBe('in_review');
    const inbox = await t.app.inject({ url: '/api/v1/outgoing-documents?view=my_review', headers: as('giamdoc') });
    expect(inbox.json().items.map((item: { id: string }) => item.id)).toContain(id);
    const byHead = await post('giamdoc', id, 'review', { decision: 'approved' });
    expect(byHead.statusCode, byHead.body).toBe(200);
    expect(byHead.json().status).toBe('approved');
    const doc = await detail('giamdoc', id);
    const round2 = doc.steps.filter((step: { reviewRound: number }) => step.reviewRound === 2);
    expect(round2.map((step: { decision: string }) => step.decision)).toEqual(['approved', 'approved']);
    expect(round2[0].decidedByName).toBe('Phạm Văn Phó Phòng');
  });

  it('shows the signer a page of the version to sign as an image, to place the number and signature on', async () => {
    const doc = await detail('giamdoc', id);
    const url = `/api/v1/outgoing-documents/${id}/page-image?version=${doc.currentVersion}`;
    const image = await t.app.inject({ url, headers: as('giamdoc') });
    expect(image.statusCode, image.body).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['x-page-count']).toBe('2');
    // A PNG 1.5 px per point: an A4 page is 893 px wide.
    expect(image.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect(image.rawPayload.readUInt32BE(16)).toBe(893);
    const beyond = await t.app.inject({ url: `${url}&page=3`, headers: as('giamdoc') });
    expect(beyond.statusCode).toBe(404);
    expect(beyond.headers['content-type']).toContain('application/problem+json');
  });

  it('is signed by the named signer only, numbered 01/QĐ-STP, sealed by the clerk, then issued', async () => {
    const notSigner = await post('truongphong', id, 'sign');
    expect(notSigner.statusCode).toBe(403);
    const signed = await post('giamdoc', id, 'sign');
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'signed', numberSymbol: '01/QĐ-STP' });
    const notSealed = await post('vanthu', id, 'issue');
    expect(notSealed.statusCode).toBe(409);
    expect(notSealed.json().code).toBe('OUTGOING_NOT_SEALED');
    const sealed = await post('vanthu', id, 'seal');
    expect(sealed.statusCode, sealed.body).toBe(200);
    const issued = await post('vanthu', id, 'issue');
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json().status).toBe('issued');
    const doc = await detail('vanthu', id);
    expect(doc.signatures.map((signature: { kind: string }) => signature.kind)).toEqual(['signer', 'organisation']);
    expect(doc.deliveries).toHaveLength(1);
    expect(doc.deliveries[0]).toMatchObject({
      recipientAgencyId: world.agencies.construction?.id,
      status: 'delivered',
    });
    const messages = await t.database.db
      .selectFrom('documentStatusMessage')
      .selectAll()
      .where('deliveryId', '=', doc.deliveries[0].id)
      .execute();
    expect(messages.map((message) => message.seq)).toEqual([1]);
    // The stamped and signed file is the one stored.
    const file = await t.app.inject({ url: `/api/v1/outgoing-documents/${id}/file`, headers: as('vanthu') });
    expect(file.statusCode).toBe(200);
    expect(sha(file.rawPayload)).toBe(doc.signedFileSha256);
    const authority = await ensureTestAuthority(t.ctx, '33');
    const verification = verifyPdfSignatures(file.rawPayload, [authority.ca.certificatePem]);
    expect(verification.signatures).toHaveLength(2);
    expect(verification.signatures.every((signature) => signature.valid)).toBe(true);
    expect(verification.modifiedAfterLastSignature).toBe(false);
    expect(verification.signatures[0]?.certificate?.subject).toContain('Trần Văn Giám Đốc');
    // Public verification by the token of the QR code.
    const verified = await t.app.inject({ url: `/api/v1/public/documents/verify/${doc.verificationToken}` });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.body).toContain('01/QĐ-STP');
    const issuedList = await t.app.inject({ url: '/api/v1/outgoing-documents?view=issued', headers: as('vanthu') });
    expect(issuedList.json().items.map((item: { id: string }) => item.id)).toEqual([id]);
  });

  it('keeps a hash chain of every change', async () => {
    const events = await listDocumentEvents(t.database.db, 'outgoing', id);
    expect(events.map((event) => event.action)).toEqual([
      'create',
      'upload_version',
      'edit',
      'submit',
      'review_returned',
      'upload_version',
      'submit',
      'review_approved',
      'review_approved',
      'sign',
      'seal',
      'issue',
    ]);
    let prev: string | null = null;
    for (const event of events) {
      expect(event.prevHash).toBe(prev);
      const { id: _id, hash, prevHash: _prev, ...content } = event;
      expect(computeDocumentEventHash(prev, { ...content, payload: content.payload as Record<string, unknown> })).toBe(
        hash,
      );
      prev = hash;
    }
  });

  it('reaches the other agency at once; its clerk registers it and the sender sees the acknowledgement', async () => {
    const pending = await t.app.inject({ url: '/api/v1/incoming-documents/deliveries', headers: as('vanthuxd') });
    expect(pending.statusCode, pending.body).toBe(200);
    const delivery = pending.json().items.find((item: { numberSymbol: string }) => item.numberSymbol === '01/QĐ-STP');
    expect(delivery).toBeDefined();
    const registered = await t.app.inject({
      method: 'POST',
      url: `/api/v1/incoming-documents/deliveries/${delivery.id}/register`,
      headers: as('vanthuxd'),
      payload: { expectedVersion: delivery.version },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const incoming = await t.app.inject({
      url: `/api/v1/incoming-documents/${registered.json().id}`,
      headers: as('vanthuxd'),
    });
    expect(incoming.json()).toMatchObject({ channel: 'electronic', numberSymbol: '01/QĐ-STP', incomingNumber: 1 });
    const doc = await detail('vanthu', id);
    expect(doc.deliveries[0]).toMatchObject({ recipientAgencyId: world.agencies.construction?.id, status: 'received' });
    const messages = await t.database.db
      .selectFrom('documentStatusMessage')
      .select(['seq', 'status'])
      .where('deliveryId', '=', delivery.id)
      .orderBy('seq')
      .execute();
    expect(messages).toEqual([
      { seq: 1, status: 'delivered' },
      { seq: 2, status: 'received' },
    ]);
  });

  it('is a PDF an independent verifier accepts, and one changed byte is caught by it and by the public page', async () => {
    const doc = await detail('vanthu', id);
    const file = (await t.app.inject({ url: `/api/v1/outgoing-documents/${id}/file`, headers: as('vanthu') }))
      .rawPayload;
    const dir = mkdtempSync(join(tmpdir(), 'motcua-issued-'));
    const path = join(dir, 'issued.pdf');
    writeFileSync(path, file);
    const report = spawnSync('/usr/bin/pdfsig', [path], { encoding: 'utf8' }).stdout;
    expect(report.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
    expect(report).toContain('Total document signed');
    // A byte of the signed content changed (inside the first signature's range, not its /Contents).
    const tampered = Buffer.from(file);
    const at = tampered.indexOf('/Type /Page') + 2;
    tampered[at] = tampered[at] === 0x54 ? 0x55 : 0x54;
    writeFileSync(path, tampered);
    const broken = spawnSync('/usr/bin/pdfsig', [path], { encoding: 'utf8' }).stdout;
    expect(broken).not.toContain('Signature is Valid');
    const form = multipartFile(tampered, 'issued.pdf', 'application/pdf');
    const checked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/documents/verify',
      headers: form.headers,
      payload: form.payload,
    });
    expect(checked.statusCode, checked.body).toBe(200);
    const signatures = checked.json().signatures as { valid: boolean; digestMatches: boolean }[];
    expect(signatures).toHaveLength(2);
    expect(signatures.every((signature) => !signature.valid && !signature.digestMatches)).toBe(true);
    expect(doc.signedFileSha256).not.toBe(sha(tampered));
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('who may be named in the review chain', () => {
  const setChain = async (id: string, chain: Record<string, unknown>[]) => {
    const current = await detail('soanthao', id);
    return t.app.inject({
      method: 'PATCH',
      url: `/api/v1/outgoing-documents/${id}`,
      headers: as('soanthao'),
      payload: { expectedVersion: current.version, chain },
    });
  };

  it('refuses a specialist, as reviewer or substitute, naming them; the chain stays unset', async () => {
    const id = await createDraft('soanthao', 'justice', 'giamdoc', 'Công văn về việc kiểm tra quy trình duyệt');
    const reviewer = await setChain(id, [
      { stage: 1, reviewerUserId: userIds.soanthao, kind: 'review' },
      { stage: 2, reviewerUserId: userIds.giamdoc, kind: 'approve' },
    ]);
    expect(reviewer.statusCode).toBe(422);
    expect(reviewer.json().code).toBe('OUTGOING_REVIEWER_NOT_APPROVER');
    expect(reviewer.json().detail).toContain('Hoàng Thị Soạn Thảo');
    expect(reviewer.json().detail).toContain('chain[0].reviewerUserId');
    const substitute = await setChain(id, [
      { stage: 1, reviewerUserId: userIds.giamdoc, substituteUserId: userIds.vanthu, kind: 'approve' },
    ]);
    expect(substitute.statusCode).toBe(422);
    expect(substitute.json().detail).toContain('Nguyễn Thị Văn Thư');
    // The head of another agency of the province is outside this agency's tree.
    const outsider = await setChain(id, [{ stage: 1, reviewerUserId: userIds.giamdocxd, kind: 'approve' }]);
    expect(outsider.statusCode).toBe(422);
    expect(outsider.json().detail).toContain('Vũ Văn Giám Đốc Xây Dựng');
    expect((await detail('soanthao', id)).steps).toHaveLength(0);
  });

  it('accepts a unit head granted at a division under the agency', async () => {
    const id = await createDraft('soanthao', 'justice', 'giamdoc', 'Công văn về việc phối hợp của bộ phận');
    const response = await setChain(id, [
      { stage: 1, reviewerUserId: userIds.truongbophan, kind: 'review' },
      { stage: 2, reviewerUserId: userIds.giamdoc, kind: 'approve' },
    ]);
    expect(response.statusCode, response.body).toBe(200);
  });
});

describe('delegations (Art. 13)', () => {
  it('lets a holder of an approve delegation decide the reviewer’s step; revoked once', async () => {
    const id = await createDraft('soanthao', 'justice', 'giamdoc', 'Công văn về việc báo cáo công tác văn thư');
    await upload('soanthao', id, await makePdf(), 'du-thao.pdf');
    const current = await detail('soanthao', id);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/outgoing-documents/${id}`,
      headers: as('soanthao'),
      payload: {
        expectedVersion: current.version,
        chain: [{ stage: 1, reviewerUserId: userIds.giamdoc, kind: 'approve' }],
      },
    });
    expect((await post('soanthao', id, 'submit')).statusCode).toBe(200);
    expect((await post('truongphong', id, 'review', { decision: 'approved' })).statusCode).toBe(403);
    const given = await t.app.inject({
      method: 'POST',
      url: '/api/v1/document-delegations',
      headers: as('giamdoc'),
      payload: {
        agencyId: world.agencies.justice?.id,
        fromUserId: userIds.giamdoc,
        toUserId: userIds.truongphong,
        scope: 'approve',
        validFrom: '2026-12-01',
        validTo: '2026-12-31',
        reason: 'Đi công tác',
      },
    });
    expect(given.statusCode, given.body).toBe(201);
    // The agency administrator (document.manage, no document.read) revokes delegations, so lists them too.
    const listed = await t.app.inject({
      url: '/api/v1/document-delegations',
      headers: (await signIn(t.app, 'qtdonvi')).headers,
    });
    expect(listed.json().items.map((item: { id: string }) => item.id)).toContain(given.json().id);
    const byDelegate = await post('truongphong', id, 'review', { decision: 'approved' });
    expect(byDelegate.statusCode, byDelegate.body).toBe(200);
    expect(byDelegate.json().status).toBe('approved');
    const revoke = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/document-delegations/${given.json().id}/revoke`,
        headers: as('giamdoc'),
      });
    expect((await revoke()).statusCode).toBe(200);
    expect((await revoke()).statusCode).toBe(409);
  });
});

describe('confidential documents', () => {
  it('log every read of the record (document_read)', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/outgoing-documents',
      headers: as('soanthao'),
      payload: {
        agencyId: world.agencies.justice?.id,
        documentType: 'BC',
        subject: 'Báo cáo mật',
        confidentiality: 'mat',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    await detail('soanthao', id);
    await detail('giamdoc', id);
    const reads = await t.database.db.selectFrom('documentRead').selectAll().where('documentId', '=', id).execute();
    expect(reads.map((read) => read.userId).sort()).toEqual([userIds.giamdoc, userIds.soanthao].sort());
    expect(await t.app.inject({ url: `/api/v1/outgoing-documents/${id}`, headers: as('vanthuxd') })).toMatchObject({
      statusCode: 404,
    });
  });
});

describe('numbering under concurrent signing (Art. 15)', () => {
  it('gives 20 documents signed at once the numbers 1..20, without gaps or repeats', async () => {
    const previous = setPdfSigner(testSigner);
    const ids: string[] = [];
    for (let index = 0; index < 20; index += 1) {
      const id = await createDraft('soanthaoxd', 'construction', 'giamdocxd', `Quyết định số thứ tự ${index + 1}`);
      await upload('soanthaoxd', id, await makePdf(), 'du-thao.pdf');
      const current = await detail('soanthaoxd', id);
      await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/outgoing-documents/${id}`,
        headers: as('soanthaoxd'),
        payload: {
          expectedVersion: current.version,
          chain: [{ stage: 1, reviewerUserId: userIds.giamdocxd, kind: 'approve' }],
        },
      });
      expect((await post('soanthaoxd', id, 'submit')).statusCode).toBe(200);
      expect((await post('giamdocxd', id, 'review', { decision: 'approved' })).statusCode).toBe(200);
      ids.push(id);
    }
    const versions = await Promise.all(ids.map(async (id) => (await detail('giamdocxd', id)).version));
    const results = await Promise.all(
      ids.map((id, index) =>
        t.app.inject({
          method: 'POST',
          url: `/api/v1/outgoing-documents/${id}/sign`,
          headers: as('giamdocxd'),
          payload: { expectedVersion: versions[index] },
        }),
      ),
    );
    for (const result of results) {
      expect(result.statusCode, result.body).toBe(200);
    }
    const rows = await t.database.db
      .selectFrom('outgoingDocument')
      .select(['number', 'numberSymbol'])
      .where('id', 'in', ids)
      .execute();
    expect(rows.map((row) => row.number).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 1),
    );
    expect(rows.map((row) => row.numberSymbol)).toContain('20/QĐ-SXD');
    expect(signedKinds.filter((kind) => kind === 'signer')).toHaveLength(20);
    setPdfSigner(previous);
  }, 60_000);
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findLastDocumentNumber, insertUserRole, listDocumentEvents } from '@motcua/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BulkIncoming, type BulkOutgoing, writeDocumentsInBulk } from '../seed/demo-eoffice-year.js';
import { seedWorld, signIn, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { computeDocumentEventHash } from '../usecases/eoffice/document-chain.js';
import { findAgencyDocumentRates } from '../usecases/eoffice/registers/registers.js';

const pdfText = (pdf: Buffer): string => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-registers-'));
  try {
    const file = join(dir, 'register.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const clock = fixedClock('2026-11-23T09:00:00+07:00');
let t: TestApp;
let world: World;
let clerk: Record<string, string>;
let registrar: Record<string, string>;
let stranger: Record<string, string>;

const idOf = (key: string) => world.agencies[key]?.id ?? '';
const userOf = (name: string) => world.users[name]?.id ?? '';

// 4788 outgoing documents over January–October 2026, 4431 of them digitally signed; 4500 sent only through
// the exchange. 100 incoming, 90 of them electronic, one of them secret (registered by tiepnhan).
const OUTGOING = 4788;
const SIGNED = 4431;
const at = (i: number, total: number) =>
  new Date(Date.parse('2026-01-05T02:00:00Z') + Math.floor((i / total) * 290) * 86_400_000 + (i % 7) * 60_000);

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  for (const username of ['chuyenvien', 'tiepnhan']) {
    await insertUserRole(t.database.db, {
      userId: userOf(username),
      agencyId: idOf('justice'),
      role: 'clerk',
      includeSubagencies: false,
      grantedBy: null,
    });
  }
  const incoming: BulkIncoming[] = Array.from({ length: 100 }, (_, i) => ({
    receivedAt: at(i, 100),
    channel: i % 10 === 9 ? 'paper' : 'electronic',
    issuerName: i % 2 === 0 ? 'Bộ Nội vụ' : 'Ủy ban nhân dân tỉnh Hưng Yên',
    numberSymbol: i % 2 === 0 ? `${100 + i}/BNV-CCHC` : `${200 + i}/QĐ-UBND`,
    issuedOn: '2026-01-02',
    documentType: i % 2 === 0 ? 'CV' : 'QĐ',
    subject: i % 2 === 0 ? `V/v hướng dẫn công tác văn thư số ${i}` : `Quyết định về việc phê duyệt kế hoạch số ${i}`,
    urgency: i % 5 === 0 ? 'khan' : 'normal',
    ...(i === 42 ? { confidentiality: 'mat' as const, registeredBy: userOf('tiepnhan') } : {}),
  }));
  const outgoing: BulkOutgoing[] = Array.from({ length: OUTGOING }, (_, i) => ({
    signedAt: at(i, OUTGOING),
    documentType: i % 3 === 0 ? 'QĐ' : 'CV',
    subject: `Văn bản đi thử số ${i + 1}`,
    drafterUserId: userOf('chuyenvien'),
    signerUserId: userOf('lanhdao'),
    signerTitle: 'Giám đốc',
    signed: i < SIGNED,
    recipients:
      i < 4500
        ? [{ name: 'Ủy ban nhân dân tỉnh Hưng Yên', channel: 'package' }]
        : [
            { name: 'Ủy ban nhân dân tỉnh Hưng Yên', channel: 'package' },
            { name: 'Công ty Luật Hợp Danh', channel: 'paper' },
          ],
  }));
  await writeDocumentsInBulk(t.ctx, {
    agency: { id: idOf('justice'), provinceCode: '33', abbreviation: 'STP' },
    incoming,
    outgoing,
    isDemo: false,
  });
  clerk = (await signIn(t.app, 'chuyenvien')).headers;
  registrar = (await signIn(t.app, 'tiepnhan')).headers;
  stranger = (await signIn(t.app, 'hanoi')).headers;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('e-office statistics', () => {
  it('gives 4.431/4.788 (92,54%) of outgoing documents digitally signed, with numerator and base', async () => {
    const response = await t.app.inject({
      url: `/api/v1/document-registers/statistics?agency=${idOf('justice')}&period=2026`,
      headers: clerk,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.totals.outgoingSigned).toMatchObject({
      numerator: 4431,
      base: 4788,
      percent: 92.54,
      hundredths: 9254,
      text: { vi: '4.431/4.788 (92,54%)', en: '4,431/4,788 (92.54%)' },
    });
    expect(body.totals.incomingElectronic).toMatchObject({ numerator: 90, base: 100, percent: 90 });
    expect(body.totals.outgoingElectronic).toMatchObject({ numerator: 4500, base: 4788 });
    expect(body.totals.exchangedElectronic).toMatchObject({ numerator: 4590, base: 4888 });
    // Months add up to the totals.
    const months = body.months as { month: string; counts: { outgoing: number; outgoingSigned: number } }[];
    expect(months[0]?.month).toBe('2026-01');
    expect(months.reduce((s, m) => s + m.counts.outgoing, 0)).toBe(4788);
    expect(months.reduce((s, m) => s + m.counts.outgoingSigned, 0)).toBe(4431);
  });

  it('offers the same counts to the PAR Index', async () => {
    const rates = await findAgencyDocumentRates(t.ctx, { agencyId: idOf('justice'), year: 2026 });
    expect(rates?.outgoingSigned).toMatchObject({ numerator: 4431, base: 4788 });
    expect(rates?.exchangedElectronic).toMatchObject({ numerator: 4590, base: 4888 });
  });

  it('is not for another province', async () => {
    const response = await t.app.inject({
      url: `/api/v1/document-registers/statistics?agency=${idOf('justice')}&period=2026`,
      headers: stranger,
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('the registers (Phụ lục IV)', () => {
  it('continues the number counters after the documents written in bulk', async () => {
    const db = t.database.db;
    expect(await findLastDocumentNumber(db, { agencyId: idOf('justice'), year: 2026, sequence: 'outgoing' })).toBe(
      4788,
    );
    expect(await findLastDocumentNumber(db, { agencyId: idOf('justice'), year: 2026, sequence: 'incoming' })).toBe(100);
  });

  it('prints the incoming register as PDF: cover, heading and rows, without the secret document', async () => {
    const response = await t.app.inject({
      url: `/api/v1/document-registers/register.pdf?kind=incoming&agency=${idOf('justice')}&period=2026`,
      headers: clerk,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = pdfText(response.rawPayload);
    expect(text).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
    expect(text).toContain('NĂM 2026');
    expect(text).toContain('Tác giả');
    expect(text).toContain('100/BNV-CCHC');
    expect(text).toContain('V/v hướng dẫn công tác văn thư số 0');
    expect(text).not.toContain('số 42');
    // Page numbers from the second page.
    expect(text).toMatch(/\n2\n/);
  });

  it('prints the outgoing register of a month as PDF and Excel with the same rows', async () => {
    const query = `kind=outgoing&agency=${idOf('justice')}&period=2026-01`;
    const pdf = await t.app.inject({ url: `/api/v1/document-registers/register.pdf?${query}`, headers: clerk });
    expect(pdf.statusCode, pdf.body).toBe(200);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
    expect(text).toContain('01/QĐ-STP');
    expect(text).toContain('Nơi nhận văn bản');
    const xlsx = await t.app.inject({ url: `/api/v1/document-registers/register.xlsx?${query}`, headers: clerk });
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getCell('A4').value).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐI – NĂM 2026');
    expect(sheet?.getRow(7).getCell(1).value).toBe('Số, ký hiệu văn bản');
    expect(sheet?.getRow(8).getCell(1).value).toBe('01/QĐ-STP');
    expect(sheet?.getRow(8).getCell(10).value).toBe('Ký số; Gửi điện tử');
    const dataRows = (sheet?.rowCount ?? 0) - 7;
    const january = Array.from({ length: OUTGOING }, (_, i) => at(i, OUTGOING)).filter(
      (d) => d < new Date('2026-01-31T17:00:00Z'),
    ).length;
    expect(dataRows).toBe(january);
    expect(text).toContain(`${String(january).padStart(2, '0')}/`);
  });

  it('prints a large register in parts of 2000 rows, the next part by X-Next-Cursor', async () => {
    const query = `kind=outgoing&agency=${idOf('justice')}&period=2026`;
    const first = await t.app.inject({ url: `/api/v1/document-registers/register.xlsx?${query}`, headers: clerk });
    expect(first.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(first.rawPayload as unknown as ArrayBuffer);
    // Excel is streamed whole.
    expect((workbook.worksheets[0]?.rowCount ?? 0) - 7).toBe(4788);
    const pdf = await t.app.inject({ url: `/api/v1/document-registers/register.pdf?${query}`, headers: clerk });
    expect(pdf.statusCode).toBe(200);
    const cursor = pdf.headers['x-next-cursor'];
    expect(typeof cursor).toBe('string');
    const last = await t.app.inject({
      url: `/api/v1/document-registers/register.pdf?${query}&cursor=${cursor}`,
      headers: clerk,
    });
    const text = pdfText(last.rawPayload);
    expect(text).toContain('2001/STP');
    expect(text).not.toContain('2000/STP');
  }, 60_000);

  it('refuses a bad cursor with 400', async () => {
    const response = await t.app.inject({
      url: `/api/v1/document-registers/register.pdf?kind=incoming&agency=${idOf('justice')}&cursor=nonsense`,
      headers: clerk,
    });
    expect(response.statusCode).toBe(400);
  });
});

describe('the search', () => {
  const search = (headers: Record<string, string>, query: string) =>
    t.app.inject({ url: `/api/v1/document-registers/search?agency=${idOf('justice')}&${query}`, headers });

  it('finds by subject without diacritics, newest first, page by page', async () => {
    const first = await search(clerk, 'q=quyet%20dinh%20phe%20duyet&limit=20');
    expect(first.statusCode, first.body).toBe(200);
    const page = first.json();
    expect(page.items).toHaveLength(20);
    expect(page.items.every((hit: { kind: string; documentType: string }) => hit.kind === 'incoming')).toBe(true);
    expect(page.items[0].subject).toBe('Quyết định về việc phê duyệt kế hoạch số 99');
    const next = await search(clerk, `q=quyet%20dinh%20phe%20duyet&limit=20&cursor=${page.nextCursor}`);
    const second = next.json();
    expect(second.items[0].subject).toBe('Quyết định về việc phê duyệt kế hoạch số 59');
    const ids = new Set([...page.items, ...second.items].map((hit: { id: string }) => hit.id));
    expect(ids.size).toBe(40);
  });

  it('finds by number and symbol, sender, type and days', async () => {
    const bySymbol = (await search(clerk, 'q=110%2FBNV-CCHC')).json();
    expect(bySymbol.items.map((hit: { numberSymbol: string }) => hit.numberSymbol)).toEqual(['110/BNV-CCHC']);
    const bySender = (await search(clerk, 'sender=bo%20noi%20vu&kind=incoming&limit=100')).json();
    // 50 from the Bộ Nội vụ, the secret one (42) hidden from this clerk.
    expect(bySender.items).toHaveLength(49);
    const byType = (await search(clerk, 'type=Q%C4%90&kind=outgoing&from=2026-01-01&to=2026-01-31&limit=100')).json();
    expect(byType.items.length).toBeGreaterThan(50);
    expect(byType.items.every((hit: { documentType: string }) => hit.documentType === 'QĐ')).toBe(true);
  });

  it('shows a secret document only to the official it is assigned to', async () => {
    const hidden = (await search(clerk, 'kind=incoming&q=van%20thu%20so%2042')).json();
    expect(hidden.items).toEqual([]);
    const shown = (await search(registrar, 'kind=incoming&q=van%20thu%20so%2042')).json();
    expect(shown.items.map((hit: { confidential: boolean }) => hit.confidential)).toEqual([true]);
    const mine = (await search(registrar, 'sender=bo%20noi%20vu&kind=incoming&limit=100')).json();
    expect(mine.items).toHaveLength(50);
    expect(mine.items.filter((hit: { confidential: boolean }) => hit.confidential)).toHaveLength(1);
  });
});

describe('the history of a document written in bulk', () => {
  it('is a genuine one-event hash chain', async () => {
    const hit = (
      await t.app.inject({
        url: `/api/v1/document-registers/search?agency=${idOf('justice')}&q=110%2FBNV-CCHC`,
        headers: clerk,
      })
    ).json().items[0];
    const events = await listDocumentEvents(t.database.db, 'incoming', hit.id);
    expect(events).toHaveLength(1);
    const [event] = events;
    if (!event) {
      throw new Error('no event');
    }
    const { id: _id, prevHash, hash, ...content } = event;
    expect(prevHash).toBeNull();
    expect(computeDocumentEventHash(null, { ...content, at: new Date(content.at) })).toBe(hash);
  });
});

import type { ProcedureVersionContent } from '@motcua/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAgency } from './agencies.queries.js';
import { type InboxQuery, inboxCountQuery, inboxPageQuery, searchInbox, withInboxPlanner } from './dossiers.queries.js';
import {
  explainQuery,
  explainQueryText,
  insertLoadDossiers,
  type LoadAgency,
  type PlanNode,
} from './load-dossiers.queries.js';
import { citizenDossiersQuery, insertLocalCitizen } from './portal.queries.js';
import { createTestDatabase, insertPublishedProcedure, type TestDatabase } from './testing.js';
import { trackingBookQueries } from './tracking-book.queries.js';

// The list queries read about one page of rows in index order, whatever the table's size: asserted on
// their EXPLAIN ANALYZE plans over 40,000 seeded dossiers (12 agencies; the caller's scope is 5 of
// them), never on time. The planner sees the real table (analysed), on PGlite and on PostgreSQL alike.

const DOSSIERS = 40_000;
const PAGE = 21;
const now = new Date('2026-06-15T03:00:00Z');
let database: TestDatabase;
let agencies: LoadAgency[];
let scope: string[];
let citizenId: string;

const content: ProcedureVersionContent = {
  nationalCode: '1.000001',
  name: 'Cấp phiếu lý lịch tư pháp',
  field: { name: 'Lý lịch tư pháp' },
  levels: ['province'],
  applicantTypes: [],
  components: [],
  channels: [],
  onlineLevel: 'none',
  boundaryFree: false,
  resultTypes: [],
  legalBasis: [],
  processSteps: [],
  clockOnSupplement: 'pause',
  autoAccept: false,
};

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  agencies = [];
  for (let i = 0; i < 12; i += 1) {
    const code = `000.00.${String(10 + i)}.H31`;
    const agency = await insertAgency(
      db,
      {
        code,
        name: `Sở thử nghiệm ${i}`,
        kind: 'province_department',
        parentId: null,
        provinceCode: '31',
        validFrom: '2025-07-01',
        searchText: `so thu nghiem ${i}`,
      },
      null,
    );
    agencies.push({ id: agency.id, code });
  }
  scope = agencies.slice(0, 5).map((a) => a.id);
  const procedure = await insertPublishedProcedure(db, { catalog: '31', code: '1.000001.000.00.00.H31', content });
  await insertLoadDossiers(db, {
    provinceCode: '31',
    agencies,
    procedure: { ...procedure, code: '1.000001', name: content.name, fieldName: content.field.name },
    start: 1,
    count: DOSSIERS,
    now,
    openShare: 0.2,
  });
  const citizen = await insertLocalCitizen(db, {
    username: 'congdan.plans',
    passwordHash: 'x',
    accountKind: 'person',
    idNumber: null,
    fullName: 'Nguyễn Văn Dân',
    dateOfBirth: null,
    address: null,
    communeCode: null,
    phone: null,
    email: null,
    taxCode: null,
    organisationName: null,
  });
  citizenId = citizen?.id ?? '';
  // One citizen with 400 dossiers (an organisation filing often), the rest of the table beside it.
  await sql`update dossier set citizen_id = ${citizenId}::uuid where code like '%-100%' and right(code, 2) = '00'`.execute(
    db,
  );
  await sql`analyze dossier`.execute(db);
}, 120_000);

afterAll(async () => {
  await database?.close();
});

const walk = (node: PlanNode, visit: (node: PlanNode) => void) => {
  visit(node);
  for (const child of node.Plans ?? []) {
    walk(child, visit);
  }
};

/** Dossier rows the plan read: rows each scan of `dossier` returned or filtered out, over all its loops. */
const dossierRowsRead = (plan: PlanNode) => {
  let read = 0;
  walk(plan, (node) => {
    if (node['Relation Name'] === 'dossier') {
      const loops = node['Actual Loops'] ?? 1;
      read += ((node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0)) * loops;
    }
  });
  return read;
};

const shapeOf = (plan: PlanNode) => {
  const scans = new Set<string>();
  let largestSort = 0;
  walk(plan, (node) => {
    if (node['Relation Name'] === 'dossier') {
      scans.add(`${node['Node Type']}${node['Index Name'] ? ` ${node['Index Name']}` : ''}`);
    }
    if (node['Node Type'] === 'Sort' || node['Node Type'] === 'Incremental Sort') {
      const input = node.Plans?.[0];
      largestSort = Math.max(largestSort, (input?.['Actual Rows'] ?? 0) * (input?.['Actual Loops'] ?? 1));
    }
  });
  return { scans: [...scans].sort(), largestSort, rowsRead: dossierRowsRead(plan) };
};

const explainInbox = (query: Parameters<typeof explainQuery>[1]) =>
  withInboxPlanner(database.db, (trx) => explainQuery(trx, query));
const explainInboxText = (query: Parameters<typeof explainQuery>[1]) =>
  withInboxPlanner(database.db, (trx) => explainQueryText(trx, query));

const inbox = (box: InboxQuery['box'], extra: Partial<InboxQuery> = {}): InboxQuery => ({
  agencyIds: scope,
  box,
  userId: '00000000-0000-0000-0000-000000000000',
  myStepRoles: scope.map((agencyId) => ({ agencyId, role: 'processor' })),
  now,
  dueSoonUntil: new Date(now.getTime() + 3 * 86_400_000),
  limit: PAGE,
  ...extra,
});

const pageAfter = async (query: InboxQuery, pages: number) => {
  let cursor: InboxQuery['cursor'];
  for (let i = 0; i < pages; i += 1) {
    const rows = await searchInbox(database.db, { ...query, ...(cursor ? { cursor } : {}) });
    const last = rows.at(-1);
    if (!last) {
      return cursor;
    }
    cursor = { dueAt: last.dueAt ? last.dueAt.toISOString() : null, id: last.id };
  }
  return cursor;
};

describe('the inbox reads about one page per agency', () => {
  // Each agency gives at most PAGE rows from each of its two index ranges (held; received and held
  // elsewhere): a page reads at most 2 × 5 × PAGE rows that pass the filters.
  const bound = 2 * 5 * PAGE;

  for (const box of ['agency', 'mine', 'due_soon', 'overdue', 'all'] as const) {
    it(`box ${box}: first page and a later page, from the box's index, no sort over the scope`, async () => {
      if (process.env.SHOW_PLANS) {
        console.log(box, await explainInboxText(inboxPageQuery(inbox(box))));
      }
      const first = shapeOf(await explainInbox(inboxPageQuery(inbox(box))));
      const cursor = await pageAfter(inbox(box), 5);
      expect(cursor).toBeDefined();
      if (process.env.SHOW_PLANS) {
        console.log(box, await explainInboxText(inboxPageQuery(inbox(box, { cursor }))));
      }
      const later = shapeOf(await explainInbox(inboxPageQuery(inbox(box, { cursor }))));
      const index = box === 'all' ? 'dossier_holder_due_idx' : 'dossier_open_holder_idx';
      for (const shape of [first, later]) {
        expect(shape.scans).toContain(`Index Scan ${index}`);
        expect(shape.scans.some((scan) => scan.startsWith('Seq Scan'))).toBe(false);
        expect(shape.largestSort).toBeLessThanOrEqual(bound);
        // Boxes narrower than "open" filter inside the range (my role and unassigned; due statuses):
        // they read a few rows more than they keep, never the scope.
        expect(shape.rowsRead).toBeLessThanOrEqual(box === 'agency' || box === 'all' ? 1.5 * bound : 3 * bound);
      }
    });
  }

  it('a dossier code reads the one row of the unique index', async () => {
    const [row] = await searchInbox(database.db, inbox('all'));
    const shape = shapeOf(await explainInbox(inboxPageQuery(inbox('all', { code: row?.code ?? '' }))));
    expect(shape.scans).toEqual(['Index Scan dossier_code_key']);
    expect(shape.rowsRead).toBe(1);
  });

  it('counts stop at the cap for every part', async () => {
    const cap = 100;
    const shape = shapeOf(await explainInbox(inboxCountQuery(inbox('agency'), cap)));
    expect(shape.scans.some((scan) => scan.startsWith('Seq Scan'))).toBe(false);
    expect(shape.rowsRead).toBeLessThanOrEqual(2 * 5 * cap);
  });

  it('pages through the whole box in the order of one global sort, each dossier once', async () => {
    const expected = await sql<{ id: string }>`
      select d.id from dossier d
      where (d.holder_agency_id = any(${scope}::uuid[]) or d.receiving_agency_id = any(${scope}::uuid[]))
        and d.status in ('new', 'received', 'processing', 'supplement_requested', 'financial_obligation', 'completed')
      order by coalesce(d.due_at, 'infinity'::timestamptz), d.id`.execute(database.db);
    const seen: string[] = [];
    let cursor: InboxQuery['cursor'];
    for (;;) {
      const rows = await searchInbox(database.db, { ...inbox('agency'), limit: 500, ...(cursor ? { cursor } : {}) });
      seen.push(...rows.map((r) => r.id));
      const last = rows.at(-1);
      if (rows.length < 500 || !last) {
        break;
      }
      cursor = { dueAt: last.dueAt ? last.dueAt.toISOString() : null, id: last.id };
    }
    expect(expected.rows.length).toBeGreaterThan(2000);
    expect(seen).toEqual(expected.rows.map((r) => r.id));
  });
});

describe('other lists read about one page', () => {
  it("the citizen's dossiers come newest first from one index range", async () => {
    const shape = shapeOf(await explainQuery(database.db, citizenDossiersQuery(database.db, { citizenId, limit: 20 })));
    expect(shape.scans).toEqual(['Index Scan dossier_citizen_newest_idx']);
    expect(shape.largestSort).toBe(0);
    expect(shape.rowsRead).toBeLessThanOrEqual(20);
  });

  it('the tracking book of five desks reads a page per desk, in receipt order', async () => {
    const queries = trackingBookQueries({ agencyIds: scope, from: '2025-01-01', to: '2026-06-30', limit: 50 });
    const shape = shapeOf(await explainQuery(database.db, queries.engine));
    expect(shape.scans).toEqual(['Index Scan dossier_receiving_book_idx']);
    expect(shape.rowsRead).toBeLessThanOrEqual(5 * 50);
    expect(shape.largestSort).toBeLessThanOrEqual(5 * 50);
  });
});

import { randomUUID } from 'node:crypto';
import { listWorkEvents } from '@motcua/db';
import { createTestDatabase, type TestDatabase } from '@motcua/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendWorkEvent, computeWorkEventHash } from './work-chain.js';

describe('appendWorkEvent', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('chains each event of a record to the one before it, and a changed event no longer verifies', async () => {
    const row = { id: randomUUID(), provinceCode: '33', eventCount: 0, lastEventHash: null as string | null };
    const at = new Date('2026-12-07T02:00:00.000Z');
    for (const [action, toStatus] of [
      ['assign', 'assigned'],
      ['start', 'in_progress'],
      ['submit', 'submitted'],
    ] as const) {
      const anchor = await database.db
        .transaction()
        .execute((trx) =>
          appendWorkEvent(trx, { kind: 'task', row, at, actorUserId: null, action, fromStatus: null, toStatus }),
        );
      row.eventCount = anchor.eventCount;
      row.lastEventHash = anchor.lastEventHash;
    }
    const events = await listWorkEvents(database.db, 'task', row.id);
    expect(events.map((event) => [event.seq, event.action, event.provinceCode])).toEqual([
      [1, 'assign', '33'],
      [2, 'start', '33'],
      [3, 'submit', '33'],
    ]);
    let previous: string | null = null;
    for (const event of events) {
      expect(event.prevHash).toBe(previous);
      const recomputed = computeWorkEventHash(previous, {
        recordKind: event.recordKind,
        recordId: event.recordId,
        seq: event.seq,
        at: event.at,
        actorUserId: event.actorUserId,
        action: event.action,
        fromStatus: event.fromStatus,
        toStatus: event.toStatus,
        note: event.note,
        payload: event.payload,
      });
      expect(recomputed).toBe(event.hash);
      previous = event.hash;
    }
    expect(row.lastEventHash).toBe(previous);
    const second = events[1];
    if (!second) {
      throw new Error('no second event');
    }
    expect(
      computeWorkEventHash(second.prevHash, {
        recordKind: 'task',
        recordId: row.id,
        seq: 2,
        at,
        actorUserId: null,
        action: 'start',
        fromStatus: null,
        toStatus: 'completed',
        note: null,
        payload: {},
      }),
    ).not.toBe(second.hash);
  });
});

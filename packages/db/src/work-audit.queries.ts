import type { WorkRecordKind } from '@motcua/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

const TABLES = {
  schedule_entry: 'scheduleEntry',
  task: 'task',
  work_file: 'workFile',
  consultation: 'consultation',
  evaluation_sheet: 'evaluationSheet',
} as const satisfies Record<WorkRecordKind, keyof Database>;

/**
 * The anchors of the records of one kind of e-office II (migration 0034: event_count and last_event_hash on
 * each record's row), in id order from `afterId` — the audit checks each record's work_event chain against them.
 */
export const listWorkRecordAnchors = async (
  db: Db,
  input: { kind: WorkRecordKind; afterId: string; limit: number },
): Promise<{ id: string; eventCount: number; lastEventHash: string | null }[]> =>
  db
    .selectFrom(TABLES[input.kind])
    .select(['id', 'eventCount', 'lastEventHash'])
    .where('id', '>', input.afterId)
    .orderBy('id')
    .limit(input.limit)
    .execute();
